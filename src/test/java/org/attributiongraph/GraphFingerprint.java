package org.attributiongraph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.attributiongraph.graph.Graph;
import org.neo4j.driver.Value;

/**
 * What the whole store holds, in a form two moments can be compared by: node counts by label,
 * relationship counts by type, and a checksum over every element's labels or type, ends and
 * properties that does not depend on the order the database returns them in
 * ({@code cypher/graph/fingerprint.cypher}).
 */
public record GraphFingerprint(Map<String, Long> nodesByLabel, Map<String, Long> relationshipsByType, long elements,
                               String checksum) {

    public static GraphFingerprint of(Graph graph) {
        Map<String, Long> labels = new TreeMap<>();
        Map<String, Long> types = new TreeMap<>();
        long[] sum = new long[2];
        var rows = graph.read(graph.statement("graph/fingerprint"), Map.of());
        for (var row : rows) {
            List<String> names = row.get("names").asList(Value::asString);
            var counts = row.get("kind").asString().equals("node") ? labels : types;
            names.forEach(n -> counts.merge(n, 1L, Long::sum));
            String canonical = row.get("kind").asString() + names.stream().sorted().toList() + row.get("ends")
                    + new TreeMap<>(row.get("properties").asMap(Value::toString));
            byte[] digest = sha256(canonical);
            // Two 64-bit sums of per-element digests: independent of order, and a change to any element moves them.
            for (int half = 0; half < 2; half++) {
                long word = 0;
                for (int i = 0; i < 8; i++) {
                    word = word << 8 | (digest[half * 8 + i] & 0xff);
                }
                sum[half] += word;
            }
        }
        return new GraphFingerprint(labels, types, rows.size(), Long.toHexString(sum[0]) + Long.toHexString(sum[1]));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
