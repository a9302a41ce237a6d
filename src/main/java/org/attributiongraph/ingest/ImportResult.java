package org.attributiongraph.ingest;

import java.util.List;

/**
 * What one import did: created vs. updated counts, entities merged into existing ones, and
 * warnings that did not stop it. {@code skipped}: the same content had been imported before.
 */
public record ImportResult(String run, String format, String file, Counts nodes, Counts relationships,
                           List<String> warnings, List<Merge> merged, boolean skipped) {

    public record Counts(long created, long updated) {
    }

    /** An incoming entity that landed on an existing one, and the evidence that decided it. */
    public record Merge(String id, String name, String into, String intoName, String matchedOn) {
    }
}
