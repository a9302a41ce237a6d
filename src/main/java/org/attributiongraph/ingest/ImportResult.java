package org.attributiongraph.ingest;

import java.util.List;

/** What one import did: created vs. updated counts, and warnings that did not stop it. */
public record ImportResult(String run, String format, String file, Counts nodes, Counts relationships,
                           List<String> warnings, boolean skipped) {

    public record Counts(long created, long updated) {
    }
}
