package org.attributiongraph.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.attributiongraph.graph.Graph;
import org.attributiongraph.graph.GraphModel;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read paths, each measured against the Cypher it stands for: the endpoint over real HTTP on the
 * bench's own server, the baseline over the same driver. Each pair runs interleaved, in turn
 * first, so a disturbance of the machine hits both.
 */
final class QueryBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** What the bench's requests may see: they carry no key, so they have the anonymous clearance (clear by default). */
    private static final List<String> ANONYMOUS = GraphModel.Tlp.CLEAR.atOrBelow();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final Driver driver;
    private final String head;
    private final String chains;
    private final String naiveBlastRadius;
    private final String exportRoots;

    QueryBench(int port, Driver driver, Graph graph) {
        this.base = "http://127.0.0.1:" + port;
        this.driver = driver;
        this.head = graph.statement("entity/summary");
        this.chains = graph.statement("attribution/chains");
        this.naiveBlastRadius = graph.statement("bench/naive-blast-radius");
        this.exportRoots = graph.statement("bench/export-roots");
    }

    /** Ours and the baseline over the same inputs. */
    record Pair(Timings ours, Timings baseline) {
        double ratio() {
            return ours.p50Ms() / baseline.p50Ms();
        }
    }

    /** What one run of a measured call saw, so the two sides can be checked to agree. */
    private interface Call {
        long run(int i);
    }

    /**
     * The endpoint against exactly the statements it runs (the head of the answer, then the chains),
     * in one read transaction, with the anonymous caller's clearance, as the endpoint gets it here.
     */
    Pair chains(List<String> from, int warmup, int runs) {
        return pair(warmup, runs,
                i -> get("/api/attribution/chains?from=" + enc(from.get(i % from.size()))).get("chains").size(),
                i -> {
                    Map<String, Object> params = new HashMap<>();
                    params.put("from", from.get(i % from.size()));
                    params.put("maxHops", 6);
                    params.put("minConfidence", 0);
                    params.put("asOf", null);
                    params.put("limit", 10);
                    params.put("visible", ANONYMOUS);
                    try (Session session = driver.session()) {
                        return session.executeRead(tx -> {
                            tx.run(head, Map.of("id", params.get("from"), "visible", ANONYMOUS)).single();
                            return tx.run(chains, params).list();
                        }).size();
                    }
                });
    }

    Pair blastRadius(String provider, int warmup, int runs) {
        return pair(warmup, runs,
                i -> get("/api/msps/" + enc(provider) + "/blast-radius?depth=2").get("clientCount").asLong(),
                i -> {
                    try (Session session = driver.session()) {
                        return session.executeRead(tx -> tx.run(naiveBlastRadius, Map.of("id", provider)).single().get("clients").asLong());
                    }
                });
    }

    /** The candidate whose depth-2 neighbourhood is largest while under {@code maxRelationships}. */
    String exportRoot(List<String> candidates, long maxRelationships) {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> tx.run(exportRoots, Map.of("ids", candidates)).list()).stream()
                    .filter(r -> r.get("relationships").asLong() <= maxRelationships)
                    .max((a, b) -> Long.compare(a.get("relationships").asLong(), b.get("relationships").asLong()))
                    .map(r -> r.get("id").asString())
                    .orElseThrow(() -> new IllegalStateException("no export root under " + maxRelationships + " relationships"));
        }
    }

    /** A depth-2 STIX export; returns the median time and the number of objects in the bundle. */
    record Export(Timings timings, int objects) {
        double objectsPerSecond() {
            return objects / (timings.p50Ms() / 1000);
        }
    }

    Export export(String root, int warmup, int runs) {
        String path = "/api/export?root=" + enc(root) + "&depth=2&format=stix";
        int objects = get(path).get("objects").size();
        for (int i = 0; i < warmup; i++) {
            get(path);
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            byte[] body = fetch(path);
            nanos[i] = System.nanoTime() - t;
            if (body.length == 0) {
                throw new IllegalStateException("empty export");
            }
        }
        return new Export(Timings.of(nanos), objects);
    }

    private Pair pair(int warmup, int runs, Call ours, Call baseline) {
        for (int i = 0; i < warmup; i++) {
            ours.run(i);
            baseline.run(i);
        }
        long[] oursNanos = new long[runs];
        long[] baseNanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            boolean oursFirst = i % 2 == 0;
            long a = 0;
            long b = 0;
            for (int k = 0; k < 2; k++) {
                long t = System.nanoTime();
                if (oursFirst == (k == 0)) {
                    a = ours.run(i);
                    oursNanos[i] = System.nanoTime() - t;
                } else {
                    b = baseline.run(i);
                    baseNanos[i] = System.nanoTime() - t;
                }
            }
            if (a == 0 || b == 0) {
                throw new IllegalStateException("run " + i + " found nothing (ours " + a + ", baseline " + b + ")");
            }
        }
        return new Pair(Timings.of(oursNanos), Timings.of(baseNanos));
    }

    private JsonNode get(String path) {
        return JSON.readTree(fetch(path));
    }

    private byte[] fetch(String path) {
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
