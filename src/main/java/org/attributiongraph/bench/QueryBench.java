package org.attributiongraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.attributiongraph.blastradius.BlastRadiusService;
import org.attributiongraph.graph.CypherCatalog;
import org.attributiongraph.graph.GraphModel;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read paths, each measured against the Cypher it stands for: the endpoint over real HTTP on the
 * bench's own server, the baseline over a driver to the same database. Each pair runs interleaved, in turn
 * first, so a disturbance of the machine hits both.
 */
final class QueryBench implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_WARMUP_ROUNDS = 2_000;
    /** What the bench's requests may see: they carry no key, so they have the anonymous clearance (clear by default). */
    private static final List<String> ANONYMOUS = GraphModel.Tlp.CLEAR.atOrBelow();

    private final BenchHttp http;
    private final long warmupNanos;
    private final Driver driver;
    private final String head;
    private final String chains;
    private final String radius;
    private final String threatGroups;
    private final String naiveBlastRadius;
    private final String exportRoots;

    QueryBench(int port, Driver driver, CypherCatalog statements, int warmupSeconds) {
        this.warmupNanos = warmupSeconds * 1_000_000_000L;
        this.http = new BenchHttp("127.0.0.1", port);
        this.driver = driver;
        this.head = statements.get("entity/summary");
        this.chains = statements.get("attribution/chains");
        this.radius = BlastRadiusService.radiusAt(statements.get("blastradius/radius"), 2);
        this.threatGroups = statements.get("blastradius/threat-groups");
        this.naiveBlastRadius = statements.get("bench/naive-blast-radius");
        this.exportRoots = statements.get("bench/export-roots");
    }

    /** Ours and the baseline over the same inputs. */
    record Pair(Timings ours, Timings baseline) {
        double ratio() {
            return ours.p50Ms() / baseline.p50Ms();
        }
    }

    /**
     * One measured call: the timer covers sending it and receiving its whole answer, over HTTP or the
     * driver alike; the count it returns, of what the answer holds, is taken after the timer stops.
     */
    private interface Call {
        LongSupplier run(int i);
    }

    /**
     * The endpoint against exactly the statements it runs (the head of the answer, then the chains),
     * in one read transaction, with the anonymous caller's clearance, as the endpoint gets it here.
     */
    Pair chains(List<String> from, int warmup, int runs) {
        return pair(warmup, runs,
                i -> {
                    byte[] body = fetch(chainsPath(from.get(i % from.size())));
                    return () -> JSON.readTree(body).get("chains").size();
                },
                i -> {
                    Map<String, Object> params = new HashMap<>();
                    params.put("from", from.get(i % from.size()));
                    params.put("maxHops", 6);
                    params.put("minConfidence", 0);
                    params.put("asOf", null);
                    params.put("limit", 10);
                    params.put("visible", ANONYMOUS);
                    try (Session session = driver.session()) {
                        var found = session.executeRead(tx -> {
                            tx.run(head, Map.of("id", params.get("from"), "visible", ANONYMOUS)).single();
                            return tx.run(chains, params).list();
                        });
                        return found::size;
                    }
                });
    }

    /**
     * The blast radius at depth 2, four ways, interleaved: the endpoint as a repeated question meets
     * it (answered from its cache), the endpoint told to compute again ({@code Cache-Control:
     * no-cache}), the statements it wraps run over the driver, and the naive count.
     */
    record Blast(Timings cached, Timings fresh, Timings wrapped, Timings naive) {
    }

    Blast blastRadius(String provider, int warmup, int runs) {
        String path = blastRadiusPath(provider);
        Map<String, Object> params = Map.of("id", provider, "depth", 2, "visible", ANONYMOUS);
        var timings = interleaved(warmup, runs,
                i -> clientCount(fetch(path)),
                i -> clientCount(fetch(path, "no-cache")),
                i -> {
                    try (Session session = driver.session()) {
                        var clients = session.executeRead(tx -> {
                            tx.run(head, Map.of("id", provider, "visible", ANONYMOUS)).single();
                            var found = tx.run(radius, params).list();
                            tx.run(threatGroups, params).list();
                            return found;
                        });
                        return clients::size;
                    }
                },
                i -> {
                    try (Session session = driver.session()) {
                        long clients = session.executeRead(tx -> tx.run(naiveBlastRadius, Map.of("id", provider)).single())
                                .get("clients").asLong();
                        return () -> clients;
                    }
                });
        return new Blast(timings[0], timings[1], timings[2], timings[3]);
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
        var timings = interleaved(warmup, runs, ours, baseline);
        return new Pair(timings[0], timings[1]);
    }

    /**
     * Runs every call once per round, starting each round with the next call in turn, so a
     * disturbance of the machine spreads over all of them. Every call must find something. The
     * warm-up lasts at least {@code warmup} rounds and at least the warm-up time, so that the
     * JIT has compiled both sides' paths (the HTTP side has far more code to compile) and the pages
     * they read are in the page cache; short calls get many more rounds than long ones.
     */
    private Timings[] interleaved(int warmup, int runs, Call... calls) {
        long started = System.nanoTime();
        for (int i = 0; i < warmup || (System.nanoTime() - started < warmupNanos && i < MAX_WARMUP_ROUNDS); i++) {
            for (Call call : calls) {
                call.run(i).getAsLong();
            }
        }
        long[][] nanos = new long[calls.length][runs];
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < calls.length; k++) {
                int c = (i + k) % calls.length;
                long t = System.nanoTime();
                LongSupplier found = calls[c].run(i);
                nanos[c][i] = System.nanoTime() - t;
                if (found.getAsLong() == 0) {
                    throw new IllegalStateException("run " + i + ": measured call " + c + " found nothing");
                }
            }
        }
        Timings[] timings = new Timings[calls.length];
        for (int c = 0; c < calls.length; c++) {
            timings[c] = Timings.of(nanos[c]);
        }
        return timings;
    }

    private JsonNode get(String path) {
        return JSON.readTree(fetch(path));
    }

    private byte[] fetch(String path) {
        return fetch(path, null);
    }

    private byte[] fetch(String path, String cacheControl) {
        try {
            var response = http.get(path, cacheControl);
            if (response.status() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.status() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " failed", e);
        }
    }

    private static LongSupplier clientCount(byte[] blastRadius) {
        return () -> JSON.readTree(blastRadius).get("clientCount").asLong();
    }

    @Override
    public void close() {
        http.close();
    }

    /** The chain request the bench measures (and warms the service up with). */
    static String chainsPath(String from) {
        return "/api/attribution/chains?from=" + enc(from);
    }

    /** The depth-2 blast-radius request the bench measures (and warms the service up with). */
    static String blastRadiusPath(String provider) {
        return "/api/msps/" + enc(provider) + "/blast-radius?depth=2";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
