package org.attributiongraph.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.attributiongraph.AttributionGraphApplication;
import org.attributiongraph.graph.CypherCatalog;
import org.attributiongraph.graph.EmbeddedNeo4j;
import org.attributiongraph.graph.Graph;
import org.attributiongraph.ingest.Commit;
import org.attributiongraph.ingest.ImportService;
import org.attributiongraph.ingest.SyntheticInput;
import org.neo4j.driver.Driver;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar attribution-graph.jar bench [--orgs N]}: builds a fresh embedded store under
 * {@code GRAPH_DATA_DIR}, writes the synthetic ecosystem into it, and measures ingest, chains, blast
 * radius and export, each against a plain-Cypher baseline on the same database in the same run.
 * The ingest runs in this process; the read paths are then measured on the service started on the
 * stored graph in a second one ({@link BenchService}), from a third ({@link QueryClient}).
 * Progress goes to stderr; the last line on stdout is one JSON object with every figure.
 */
public final class BenchCommand {

    static final String USAGE = """
            usage: java -Xmx4g -jar attribution-graph.jar bench [--orgs N] [--seed S] [--queries Q] [--warmup-seconds W] [--ingest-rounds R] [--commit C] [--keep] [--property=value ...]
              N   organizations of the synthetic ecosystem (default 1000000, at least 1000)
              S   seed of the generator (default 1)
              Q   measured queries per read path, after Q/10 warm-up queries (default 100, at least 10)
              W   warm-up of each read path lasts at least W seconds as well (default 15), after the
                  service's own warm-up (until its JIT compilers are quiet, at most 3 minutes; none if W is 0)
              R   rounds of the ingest comparison, both stores emptied in between; the figures are the
                  median round's (default 1)
              C   batch (default): the pipeline imports as `import --batch-commits` does, the mode for bulk
                  loads (each batch of a large file of new elements committed on its own, as the baseline
                  commits); file: one transaction per file, as `import` does by default
              --keep  keep the bench store ($GRAPH_DATA_DIR/bench-<time>) instead of deleting it
              --graph.page-cache=2g and other settings as for the service""";

    /** Caps raised for the bench's own server, so a large neighbourhood can be exported. */
    static final long EXPORT_MAX_NODES = 50_000;
    static final long EXPORT_MAX_RELATIONSHIPS = 100_000;
    /** The longest the service is warmed up before the read paths, waiting for its JIT to settle. */
    static final long SERVICE_WARMUP_MILLIS = 180_000;

    private BenchCommand() {
    }

    record Options(int orgs, long seed, int queries, int warmupSeconds, int ingestRounds, Commit commit, boolean keep,
                   List<String> properties) {
    }

    public static int run(List<String> args) {
        return run(args, System.out, System.err);
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options == null) {
            out.println(USAGE);
            return 0;
        }
        Path store = dataDir(options.properties()).resolve("bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Map<String, Object> figures = new LinkedHashMap<>();
        try {
            measure(options, store, err, figures);
            out.println(table(figures));
            out.println(JsonMapper.builder().build().writeValueAsString(figures));
            return 0;
        } catch (RuntimeException e) {
            // A late phase failing must not lose an hour of measured figures.
            err.println("bench failed; the figures measured before the failure:" + table(figures));
            throw e;
        } finally {
            if (!options.keep()) {
                delete(store);
            }
        }
    }

    static Options parse(List<String> args) {
        int orgs = 1_000_000;
        long seed = 1;
        int queries = 100;
        int warmupSeconds = 15;
        int ingestRounds = 1;
        Commit commit = Commit.BATCH;
        boolean keep = false;
        List<String> properties = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            try {
                switch (arg) {
                    case "--orgs" -> orgs = Integer.parseInt(value(args, ++i, arg).replace("_", ""));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, arg));
                    case "--queries" -> queries = Integer.parseInt(value(args, ++i, arg));
                    case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(value(args, ++i, arg));
                    case "--ingest-rounds" -> ingestRounds = Integer.parseInt(value(args, ++i, arg));
                    case "--commit" -> commit = commit(value(args, ++i, arg));
                    case "--keep" -> keep = true;
                    case "-h", "--help" -> {
                        return null;
                    }
                    default -> {
                        if (!(arg.startsWith("--") && arg.contains("="))) {
                            throw new IllegalArgumentException("unknown argument: " + arg);
                        }
                        if (arg.startsWith("--graph.uri=")) {
                            throw new IllegalArgumentException("the bench runs on fresh embedded stores of its own, never on --graph.uri");
                        }
                        properties.add(arg);
                    }
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(arg + " needs a number");
            }
        }
        if (orgs < 1000) {
            throw new IllegalArgumentException("--orgs must be at least 1000");
        }
        if (queries < 10) {
            throw new IllegalArgumentException("--queries must be at least 10");
        }
        if (warmupSeconds < 0) {
            throw new IllegalArgumentException("--warmup-seconds must not be negative");
        }
        if (ingestRounds < 1) {
            throw new IllegalArgumentException("--ingest-rounds must be at least 1");
        }
        return new Options(orgs, seed, queries, warmupSeconds, ingestRounds, commit, keep, List.copyOf(properties));
    }

    /** The mode as {@code import_commit} names it: its name in lower case. */
    private static Commit commit(String name) {
        return Arrays.stream(Commit.values()).filter(c -> name(c).equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--commit takes batch or file"));
    }

    private static String name(Commit commit) {
        return commit.name().toLowerCase(Locale.ROOT);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    /** Where bench stores go: {@code --graph.data-dir=}, else {@code GRAPH_DATA_DIR}, else ./data. */
    private static Path dataDir(List<String> properties) {
        for (String p : properties) {
            if (p.startsWith("--graph.data-dir=")) {
                return Path.of(p.substring("--graph.data-dir=".length()));
            }
        }
        String env = System.getenv("GRAPH_DATA_DIR");
        return Path.of(env == null || env.isBlank() ? "./data" : env);
    }

    /** Fills {@code figures} phase by phase, so a failure leaves what was measured before it. */
    private static void measure(Options o, Path store, PrintStream log, Map<String, Object> figures) {
        List<String> springArgs = new ArrayList<>(o.properties().stream().filter(p -> !p.startsWith("--graph.data-dir=")).toList());
        // The bench's own store and service: loopback, nothing loaded at start (BenchService picks the ports).
        springArgs.add("--graph.data-dir=" + store);
        // Always the bench's own embedded store, whatever NEO4J_URI says: the bench empties its stores.
        springArgs.add("--graph.uri=");
        springArgs.add("--graph.import-on-start=false");
        springArgs.add("--server.address=127.0.0.1");
        springArgs.add("--export.max-nodes=" + EXPORT_MAX_NODES);
        springArgs.add("--export.max-relationships=" + EXPORT_MAX_RELATIONSHIPS);
        // Bench defaults, as arguments so they win over application.yaml; an option given on the command line wins over them.
        for (String setting : List.of("--graph.page-cache=2g", "--graph.import-timeout=30m", "--graph.query-timeout=60s",
                "--graph.blast-radius.timeout=60s",
                "--logging.level.root=warn", "--logging.level.org.attributiongraph=warn")) {
            String key = setting.substring(0, setting.indexOf('=') + 1);
            if (springArgs.stream().noneMatch(a -> a.startsWith(key))) {
                springArgs.add(setting);
            }
        }
        var summary = SyntheticInput.summary(o.orgs(), o.seed());
        log.println("Starting the application (no web server) on a fresh store " + store + " ...");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AttributionGraphApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(springArgs.toArray(String[]::new))) {
            Driver driver = app.getBean(Driver.class);
            Graph graph = app.getBean(Graph.class);
            EmbeddedNeo4j neo4j = app.getBean(EmbeddedNeo4j.class);
            var ingest = new IngestBench(graph, app.getBean(ImportService.class), o.commit(), log);

            figures.put("orgs", o.orgs());
            figures.put("seed", o.seed());
            figures.put("import_commit", name(o.commit()));
            figures.put("page_cache", app.getEnvironment().getProperty("graph.page-cache"));
            figures.put("heap_max_mb", Memory.heapMaxMb());
            figures.put("cpus", Runtime.getRuntime().availableProcessors());

            long t = System.nanoTime();
            var files = SyntheticInput.writeCsv(o.orgs(), o.seed(), store.resolve("input"));
            figures.put("relationships", summary.relationships());
            log.printf("Generated %,d organizations and %,d relationships as %d CSV files in %.1f s%n", summary.organizations(),
                    summary.relationships(), 2 * files.size(), (System.nanoTime() - t) / 1e9);

            // Each writer on a store of its own, made the same way: fresh, warmed up on a small ecosystem of other ids, emptied.
            int warmOrgs = Math.max(1000, Math.min(20_000, o.orgs() / 20));
            long warmSeed = o.seed() + 1;
            log.printf("Ingest warm-up (%,d organizations, each writer on its own store) ...%n", warmOrgs);
            List<IngestBench.Round> rounds = new ArrayList<>();
            IngestBench.Content rawContent;
            try (var baseline = BaselineStore.start(store.resolve("baseline"), app.getEnvironment().getProperty("graph.page-cache"),
                    app.getBean(CypherCatalog.class))) {
                ingest.raw(baseline.driver(), warmOrgs, warmSeed);
                ingest.pipeline(SyntheticInput.writeCsv(warmOrgs, warmSeed, store.resolve("warmup")));

                for (int round = 1; round <= o.ingestRounds(); round++) {
                    // Both stores emptied and flushed, so no writer's deletions or flush fall into the other's timed load.
                    ingest.wipe(baseline.driver());
                    baseline.neo4j().checkpoint();
                    ingest.wipe(driver);
                    neo4j.checkpoint();
                    String of = o.ingestRounds() > 1 ? ", round " + round + " of " + o.ingestRounds() : "";
                    log.println("Ingest baseline" + of + ": UNWIND $rows MERGE, batches of " + IngestBench.BATCH + ", on a store of its own ...");
                    var raw = ingest.raw(baseline.driver(), o.orgs(), o.seed());
                    baseline.neo4j().checkpoint(); // its flush must not fall into the pipeline's timed load
                    log.printf("  %,d rows in %.1f s: %,.0f rows/s%n", raw.rows(), raw.nanos() / 1e9, raw.perSecond());
                    log.println("Ingest through the import pipeline" + of + " (csv-nodes, csv-relationships; "
                            + (o.commit() == Commit.BATCH ? "batch commits" : "one transaction per file") + ") ...");
                    var ours = ingest.pipeline(files);
                    var stages = ours.stages();
                    log.printf("  %,d rows in %.1f s: %,.0f rows/s; read %.1f s (the next file while one was written), "
                                    + "check %.1f s, resolve %.1f s, write %.1f s%n",
                            ours.rows(), ours.nanos() / 1e9, ours.perSecond(), stages.readMs() / 1e3, stages.checkMs() / 1e3,
                            stages.resolveMs() / 1e3, stages.writeMs() / 1e3);
                    rounds.add(new IngestBench.Round(raw, ours));
                }
                rawContent = ingest.content(baseline.driver());
            }
            var ourContent = ingest.content(driver);
            log.println("  stored by the baseline: " + rawContent + "; by the pipeline: " + ourContent);
            // The figures of the median round: on a shared host one round can be a tenth off either way.
            var median = IngestBench.median(rounds);
            var ours = median.ours();
            var raw = median.raw();
            var stages = ours.stages();
            figures.put("import_properties", ourContent.nodeProperties() + ourContent.relationshipProperties());
            figures.put("raw_properties", rawContent.nodeProperties() + rawContent.relationshipProperties());
            figures.put("ingest_rounds", rounds.size());
            figures.put("import_ratios", rounds.stream().map(r -> round(r.ratio())).toList());
            figures.put("import_rows", ours.rows());
            figures.put("import_s", round(ours.nanos() / 1e9));
            figures.put("import_rows_per_s", Math.round(ours.perSecond()));
            figures.put("import_read_s", round(stages.readMs() / 1e3));
            figures.put("import_check_s", round(stages.checkMs() / 1e3));
            figures.put("import_resolve_s", round(stages.resolveMs() / 1e3));
            figures.put("import_write_s", round(stages.writeMs() / 1e3));
            figures.put("raw_rows", raw.rows());
            figures.put("raw_s", round(raw.nanos() / 1e9));
            figures.put("raw_rows_per_s", Math.round(raw.perSecond()));
            figures.put("import_ratio", round(median.ratio()));
            figures.put("heap_after_import_mb", Memory.heapUsedMb());

            figures.put("peak_heap_mb", Memory.peakHeapMb());
            figures.put("peak_rss_mb", Memory.peakRssMb());
        }

        log.println("Starting the service on the stored graph, in a process of its own ...");
        try (var service = BenchService.start(java("-Xmx" + Memory.heapMaxMb() + "m"), springArgs, store.resolve("service.log"))) {
            List<String> starts = Stream.concat(summary.campaignIds().stream(), summary.groupIds().stream()).toList();
            if (o.warmupSeconds() > 0) {
                List<String> warmPaths = new ArrayList<>(starts.stream().map(QueryBench::chainsPath).toList());
                warmPaths.add(QueryBench.blastRadiusPath(summary.smallestProvider()));
                warmPaths.add(QueryBench.blastRadiusPath(summary.medianProvider()));
                log.println("Warming the service up until its JIT compilers are quiet (at most " + SERVICE_WARMUP_MILLIS / 1000 + " s) ...");
                var settled = service.warmUp(warmPaths, SERVICE_WARMUP_MILLIS);
                log.printf("  %.1f s%s%n", settled.millis() / 1e3, settled.quiet() ? "" : ", and they were still compiling");
                figures.put("service_warmup_s", round(settled.millis() / 1e3));
                figures.put("service_warmup_quiet", settled.quiet());
            }
            // The estimate bounds the relationships and, as every node but the root is reached through
            // one of them, the nodes too; both caps must hold.
            var plan = new QueryClient.Plan(service.port(), service.boltUri(), Math.max(5, o.queries() / 10), o.queries(),
                    o.warmupSeconds(), starts, summary.smallestProvider(), summary.medianProvider(), summary.largestProvider(),
                    Math.min(EXPORT_MAX_NODES - 1, EXPORT_MAX_RELATIONSHIPS));
            figures.putAll(readPaths(plan));
            figures.put("service_peak_rss_mb", service.peakRssMb());
        }
    }

    /**
     * Runs {@code bench-queries} in a JVM of its own, from the same jar or class path, and returns
     * its figures; its progress goes to this process's stderr.
     */
    private static Map<String, Object> readPaths(QueryClient.Plan plan) {
        List<String> command = new ArrayList<>(java("-Xmx2g"));
        command.add("bench-queries");
        command.addAll(plan.args());
        try {
            Process client = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            List<String> lines;
            int exit;
            try (var _ = StopOnExit.of(client); var out = client.inputReader(StandardCharsets.UTF_8)) {
                lines = out.lines().filter(line -> line.startsWith("{")).toList();
                exit = client.waitFor();
            } finally {
                client.destroy();
            }
            if (exit != 0 || lines.isEmpty()) {
                throw new IllegalStateException("bench-queries exited with " + exit + (lines.isEmpty() ? " and no figures" : ""));
            }
            return JsonMapper.builder().build().readValue(lines.getLast(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start bench-queries", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** This application in a new JVM with the given heap: the same jar, or the same class path and main class. */
    private static List<String> java(String heap) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap));
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, AttributionGraphApplication.class.getName()));
        }
        return command;
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static String table(Map<String, Object> figures) {
        StringBuilder text = new StringBuilder("\nfigure                      value\n");
        figures.forEach((k, v) -> text.append(String.format("%-27s %s%n", k, v)));
        return text.toString();
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
