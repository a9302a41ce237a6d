package org.attributiongraph.bench;

import static org.attributiongraph.bench.BenchCommand.round;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.attributiongraph.graph.CypherCatalog;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bench's read paths, run in a process of their own ({@code bench-queries}, started by
 * {@code bench}): the HTTP requests and the baseline's driver come from outside the server's
 * process, as an analyst's would, so the client shares neither the server's JIT nor its heap, and
 * the peak heap and RSS the bench reports are the service's own. Progress goes to stderr; stdout
 * gets one JSON object with the read figures.
 */
public final class QueryClient {

    private QueryClient() {
    }

    /** What {@code bench} passes on; lists are comma-separated ids. */
    record Plan(int port, String bolt, int warmup, int runs, int warmupSeconds, List<String> starts, String smallest,
                String median, String largest, long exportMaxRelationships) {

        List<String> args() {
            return List.of("--port", String.valueOf(port), "--bolt", bolt, "--warmup", String.valueOf(warmup), "--runs",
                    String.valueOf(runs), "--warmup-seconds", String.valueOf(warmupSeconds), "--starts", String.join(",", starts),
                    "--providers", String.join(",", smallest, median, largest),
                    "--export-max-relationships", String.valueOf(exportMaxRelationships));
        }

        static Plan parse(List<String> args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.size(); i += 2) {
                values.put(args.get(i), args.get(i + 1));
            }
            List<String> providers = Arrays.asList(required(values, "--providers").split(","));
            if (providers.size() != 3) {
                throw new IllegalArgumentException("--providers takes three ids: smallest, median, largest");
            }
            return new Plan(Integer.parseInt(required(values, "--port")), required(values, "--bolt"),
                    Integer.parseInt(required(values, "--warmup")), Integer.parseInt(required(values, "--runs")),
                    Integer.parseInt(required(values, "--warmup-seconds")), Arrays.asList(required(values, "--starts").split(",")),
                    providers.get(0), providers.get(1), providers.get(2),
                    Long.parseLong(required(values, "--export-max-relationships")));
        }

        private static String required(Map<String, String> values, String name) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("missing " + name);
            }
            return value;
        }
    }

    public static int run(List<String> args) {
        Plan plan = Plan.parse(args);
        var config = Config.builder().withLogging(Logging.none()).build();
        try (var driver = GraphDatabase.driver(plan.bolt(), AuthTokens.none(), config);
             var queries = new QueryBench(plan.port(), driver, new CypherCatalog(), plan.warmupSeconds())) {
            System.out.println(JsonMapper.builder().build().writeValueAsString(measure(plan, queries)));
        }
        return 0;
    }

    private static Map<String, Object> measure(Plan plan, QueryBench queries) {
        var log = System.err;
        Map<String, Object> figures = new LinkedHashMap<>();
        log.println("Chains: endpoint vs its statements over the driver ...");
        var chains = queries.chains(plan.starts(), plan.warmup(), plan.runs());
        figures.put("chain_p50_ms", round(chains.ours().p50Ms()));
        figures.put("chain_p99_ms", round(chains.ours().p99Ms()));
        figures.put("chain_raw_p50_ms", round(chains.baseline().p50Ms()));
        figures.put("chain_raw_p99_ms", round(chains.baseline().p99Ms()));
        figures.put("chain_ratio", round(chains.ratio()));
        figures.put("chain_queries", chains.ours().count());

        // The headline blast_* figures are the endpoint computing the radius (Cache-Control: no-cache);
        // blast_cached_* are the same question asked again, answered from the cache.
        Map<String, Object> blast = new LinkedHashMap<>();
        QueryBench.Blast largest = null;
        for (var provider : List.of(Map.entry("small", plan.smallest()), Map.entry("median", plan.median()),
                Map.entry("largest", plan.largest()))) {
            log.println("Blast radius (" + provider.getKey() + " provider): endpoint computing, endpoint cached, "
                    + "its statements over the driver, the naive SERVES*1..2 count ...");
            var b = queries.blastRadius(provider.getValue(), plan.warmup(), plan.runs());
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("p50_ms", round(b.fresh().p50Ms()));
            one.put("p99_ms", round(b.fresh().p99Ms()));
            one.put("cached_p50_ms", round(b.cached().p50Ms()));
            one.put("cached_p99_ms", round(b.cached().p99Ms()));
            one.put("wrapped_p50_ms", round(b.wrapped().p50Ms()));
            one.put("naive_p50_ms", round(b.naive().p50Ms()));
            one.put("naive_p99_ms", round(b.naive().p99Ms()));
            one.put("ratio", round(b.fresh().p50Ms() / b.naive().p50Ms()));
            one.put("cached_ratio", round(b.cached().p50Ms() / b.naive().p50Ms()));
            one.put("wrap_ratio", round(b.fresh().p50Ms() / b.wrapped().p50Ms()));
            blast.put(provider.getKey(), one);
            largest = b;
        }
        figures.put("blast_p50_ms", round(largest.fresh().p50Ms()));
        figures.put("blast_p99_ms", round(largest.fresh().p99Ms()));
        figures.put("blast_naive_p50_ms", round(largest.naive().p50Ms()));
        figures.put("blast_naive_p99_ms", round(largest.naive().p99Ms()));
        figures.put("blast_ratio", round(largest.fresh().p50Ms() / largest.naive().p50Ms()));
        figures.put("blast_wrapped_p50_ms", round(largest.wrapped().p50Ms()));
        figures.put("blast_wrap_ratio", round(largest.fresh().p50Ms() / largest.wrapped().p50Ms()));
        figures.put("blast_cached_p50_ms", round(largest.cached().p50Ms()));
        figures.put("blast_cached_p99_ms", round(largest.cached().p99Ms()));
        figures.put("blast_cached_ratio", round(largest.cached().p50Ms() / largest.naive().p50Ms()));
        figures.put("blast_queries", largest.fresh().count());
        figures.put("blast", blast);

        log.println("Export: depth-2 STIX bundle of the largest neighbourhood under the raised caps ...");
        String root = queries.exportRoot(plan.starts(), plan.exportMaxRelationships());
        var export = queries.export(root, 2, Math.max(10, plan.runs() / 10));
        figures.put("export_objects", export.objects());
        figures.put("export_p50_ms", round(export.timings().p50Ms()));
        figures.put("export_objects_per_s", Math.round(export.objectsPerSecond()));
        return figures;
    }
}
