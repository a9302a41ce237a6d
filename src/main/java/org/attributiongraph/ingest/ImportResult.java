package org.attributiongraph.ingest;

import java.util.List;

/**
 * What one import did: created vs. updated counts, entities merged into existing ones, warnings
 * that did not stop it, and where its time went. {@code skipped}: the same content had been
 * imported before (and {@code timings} is null).
 */
public record ImportResult(String run, String format, String file, Counts nodes, Counts relationships,
                           List<String> warnings, List<Merge> merged, boolean skipped, Timings timings) {

    public record Counts(long created, long updated) {
    }

    /**
     * Milliseconds spent reading the file (parse, validate, map), checking its references against
     * the graph, resolving its entities against existing ones, and writing it (one transaction).
     */
    public record Timings(long readMs, long checkMs, long resolveMs, long writeMs) {

        public static final Timings NONE = new Timings(0, 0, 0, 0);

        /** Stage by stage, these and the other's: the time of several imports. */
        public Timings plus(Timings other) {
            return new Timings(readMs + other.readMs, checkMs + other.checkMs, resolveMs + other.resolveMs, writeMs + other.writeMs);
        }
    }

    /** An incoming entity that landed on an existing one, and the evidence that decided it. */
    public record Merge(String id, String name, String into, String intoName, String matchedOn) {
    }
}
