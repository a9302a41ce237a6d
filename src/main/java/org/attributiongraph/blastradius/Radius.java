package org.attributiongraph.blastradius;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A provider's whole blast radius at one depth and clearance: every client, nearest first, and the
 * counts over them. Pages are cut from it, so it is computed once however the caller pages.
 */
record Radius(BlastRadius.Ref msp, List<BlastRadius.Client> clients, Map<Integer, Long> byHops, Map<String, Long> byCountry,
              Map<String, Long> bySector, List<BlastRadius.ThreatGroup> threatGroups) {

    /** Nearest first, then by name (no name last) and id, as the page has always been ordered. */
    static final Comparator<BlastRadius.Client> ORDER = Comparator.comparingInt(BlastRadius.Client::hops)
            .thenComparing(BlastRadius.Client::name, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(BlastRadius.Client::id);

    static Radius of(BlastRadius.Ref msp, List<BlastRadius.Client> clients, List<BlastRadius.ThreatGroup> threatGroups) {
        List<BlastRadius.Client> sorted = clients.stream().sorted(ORDER).toList();
        Map<Integer, Long> byHops = new TreeMap<>();
        Map<String, Long> byCountry = new HashMap<>();
        Map<String, Long> bySector = new HashMap<>();
        for (BlastRadius.Client c : sorted) {
            byHops.merge(c.hops(), 1L, Long::sum);
            if (c.country() != null) {
                byCountry.merge(c.country(), 1L, Long::sum);
            }
            c.sectors().forEach(s -> bySector.merge(s, 1L, Long::sum));
        }
        return new Radius(msp, sorted, byHops, largestFirst(byCountry), largestFirst(bySector), threatGroups);
    }

    BlastRadius page(int depth, int offset, int limit) {
        int from = Math.min(offset, clients.size());
        int to = Math.min(clients.size(), from + limit);
        return new BlastRadius(msp, depth, clients.size(), byHops, byCountry, bySector, clients.subList(from, to), offset, limit,
                to < clients.size(), threatGroups);
    }

    /** Largest count first, ties by key: the order analysts read a breakdown in. */
    private static Map<String, Long> largestFirst(Map<String, Long> counts) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /** One instance per distinct value, so a cached radius holds each country code and sector list once. */
    static <T> Function<T, T> shared() {
        Map<T, T> seen = new HashMap<>();
        return value -> value == null ? null : seen.computeIfAbsent(value, v -> v);
    }
}
