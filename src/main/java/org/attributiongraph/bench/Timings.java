package org.attributiongraph.bench;

import java.util.Arrays;

/** Median and 99th percentile of a series of measured durations, in milliseconds (nearest rank). */
record Timings(double p50Ms, double p99Ms, int count) {

    static Timings of(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no measurements");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Timings(rank(sorted, 0.50) / 1e6, rank(sorted, 0.99) / 1e6, sorted.length);
    }

    /** The smallest value with at least {@code p} of the values at or below it. */
    static long rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)];
    }
}
