package org.attributiongraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.attributiongraph.graph.CypherCatalog;
import org.attributiongraph.graph.EmbeddedNeo4j;
import org.attributiongraph.graph.GraphModel.NodeType;
import org.attributiongraph.graph.Ids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Value;

/**
 * An import killed with SIGKILL part-way, then run again, leaves exactly the graph one clean import
 * gives. The packaged jar runs as a real process; the stores are read afterwards, each opened in this
 * JVM (Neo4j recovers a killed store from its transaction log when it opens it).
 */
class CrashRecoveryIT {

    /** Client rows of the generated provider list; each row is a client node and three relationships. */
    static final int ROWS = 15_000;
    private static final Pattern PROGRESS = Pattern.compile("\\[1/\\d+] \\S+ \\[[#.]+] (\\d+)/(\\d+) rows");
    private static final List<String> SKIP = List.of("_import_run");
    private static final CypherCatalog CYPHER = new CypherCatalog();

    @TempDir
    Path work;

    /** A provider list written for this test: 200 providers, {@value #ROWS} clients, countries and sectors. */
    private Path providerList() throws IOException {
        String[] countries = {"DE", "US", "FR", "GB", "JP", "IN", "BR", "AU"};
        String[] sectors = {"financial-services", "technology", "healthcare", "energy", "manufacturing", "telecommunications"};
        var csv = new StringBuilder(String.join(",", MspClientsCsvReader.HEADER)).append('\n');
        for (int i = 0; i < ROWS; i++) {
            csv.append("Crash Provider ").append(i % 200).append(",Crash Client ").append(i).append(',')
                    .append(countries[i % countries.length]).append(',').append(sectors[i % sectors.length])
                    .append(",2019-01-").append(String.format("%02d", 1 + i % 28))
                    .append(",https://www.example.org/crash-recovery/clients.csv\n");
        }
        Path file = work.resolve("crash-clients.csv");
        Files.writeString(file, csv);
        return file;
    }

    /** Organizations, every one new to the graph, for an import with batch commits: four batches of the writer. */
    private Path organizations() throws IOException {
        var csv = new StringBuilder("id:ID,:LABEL,name,description\n");
        for (int i = 0; i < 4 * GraphWriter.BATCH_SIZE; i++) {
            csv.append(",Organization,Batch Crash Organization ").append(i).append(",Organization number ").append(i).append('\n');
        }
        Path file = work.resolve("crash-organizations.csv");
        Files.writeString(file, csv);
        return file;
    }

    private static ProcessBuilder importCommand(Path dataDir, Path... files) {
        return importCommand(dataDir, Commit.FILE, files);
    }

    private static ProcessBuilder importCommand(Path dataDir, Commit commit, Path... files) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", "target/attribution-graph.jar", "import"));
        if (commit == Commit.BATCH) {
            command.add("--batch-commits");
        }
        Stream.of(files).map(Path::toString).forEach(command::add);
        var builder = new ProcessBuilder(command);
        builder.environment().put("GRAPH_DATA_DIR", dataDir.toString());
        builder.environment().put("GRAPH_PAGE_CACHE", "64m");
        return builder;
    }

    private static String runToEnd(ProcessBuilder builder) throws Exception {
        Process process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    /** What one store holds, read after the process that wrote it is gone. */
    record Content(String digest, Map<String, Long> labels, Map<String, Long> types, List<String> lines,
                   Map<String, List<String>> chains, String debugLog) {
    }

    private static Content read(Path dataDir, List<String> chainsFrom) throws IOException {
        Path home = dataDir.resolve("neo4j");
        List<String> lines = new ArrayList<>();
        Map<String, Long> labels = new TreeMap<>();
        Map<String, Long> types = new TreeMap<>();
        Map<String, List<String>> chains = new TreeMap<>();
        try (var neo4j = EmbeddedNeo4j.start(home, "64m");
             var driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none());
             var session = driver.session()) {
            session.run(CYPHER.get("graph/content-nodes"), Map.of("skip", SKIP)).forEachRemaining(r -> {
                List<String> nodeLabels = r.get("labels").asList(Value::asString).stream().sorted().toList();
                nodeLabels.forEach(l -> labels.merge(l, 1L, Long::sum));
                lines.add("node " + r.get("id").asString(null) + " " + nodeLabels + " " + props(r.get("props")));
            });
            session.run(CYPHER.get("graph/content-relationships"), Map.of("skip", SKIP)).forEachRemaining(r -> {
                types.merge(r.get("type").asString(), 1L, Long::sum);
                lines.add("rel " + r.get("from").asString() + " " + r.get("type").asString() + " " + r.get("to").asString()
                        + " " + props(r.get("props")));
            });
            for (String from : chainsFrom) {
                Map<String, Object> params = new HashMap<>(Map.of("from", from, "maxHops", 6, "minConfidence", 0, "limit", 100,
                        "visible", List.of("clear", "green", "amber", "amber+strict", "red")));
                params.put("asOf", null);
                var found = new ArrayList<String>();
                session.run(CYPHER.get("attribution/chains"), params)
                        .forEachRemaining(r -> found.add(r.get("confidence").asDouble() + " "
                                + r.get("nodes").asList(n -> n.get("name").asString()) + " "
                                + r.get("hops").asList(h -> h.get("relation").asString() + ":" + h.get("confidence").asInt()
                                        + ":" + h.get("sources").size())));
                chains.put(from, found);
            }
        }
        lines.sort(null);
        String debugLog = Files.readString(home.resolve("logs/debug.log"));
        return new Content(sha256(lines), labels, types, lines, chains, debugLog);
    }

    /** Properties in key order, values as Java renders them (lists, dates and numbers have one spelling each). */
    private static String props(Value pairs) {
        var sorted = new TreeMap<String, String>();
        pairs.asList(pair -> pair).forEach(pair -> sorted.put(pair.get(0).asString(), String.valueOf(pair.get(1).asObject())));
        return sorted.toString();
    }

    private static String sha256(List<String> lines) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            lines.forEach(l -> digest.update((l + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the progress bar (carriage returns, no newlines) and completes with the first count of at least {@code rows}. */
    private static CompletableFuture<String> progressReaches(InputStream stderr, long rows) {
        var reached = new CompletableFuture<String>();
        Thread.ofVirtual().start(() -> {
            var line = new StringBuilder();
            try (stderr) {
                int c;
                while ((c = stderr.read()) != -1) {
                    if (c != '\r' && c != '\n') {
                        line.append((char) c);
                        continue;
                    }
                    var m = PROGRESS.matcher(line);
                    if (m.find() && Long.parseLong(m.group(1)) >= rows && !reached.isDone()) {
                        reached.complete(m.group(1) + "/" + m.group(2));
                    }
                    line.setLength(0);
                }
            } catch (IOException e) {
                // Killing the process closes its stream under this reader: expected once the count was reached.
                reached.completeExceptionally(e);
                return;
            }
            reached.completeExceptionally(new AssertionError("the import ended before it had written " + rows + " rows"));
        });
        return reached;
    }

    @Test
    void aKilledImportRunAgainGivesTheGraphOfOneCleanImport() throws Exception {
        Path csv = providerList();
        Path mini = Path.of("src/test/resources/fixtures/case/mini.case.json");
        Path killed = work.resolve("killed");
        Path clean = work.resolve("clean");

        long started = System.nanoTime();
        Process process = importCommand(killed, csv, mini).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        // One batch of 10,000 rows written inside the file's transaction, the rest still to come.
        String progress = progressReaches(process.getErrorStream(), GraphWriter.BATCH_SIZE).get(10, TimeUnit.MINUTES);
        process.destroyForcibly();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        long killedAfter = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("crash-recovery: %d csv rows, killed after %d ms at %s rows written%n", ROWS, killedAfter, progress);

        // What the kill left, seen on a copy so that the re-run below recovers the original itself.
        Path leftOver = work.resolve("left-over");
        copy(killed, leftOver);
        var left = read(leftOver, List.of());
        assertThat(left.debugLog()).containsIgnoringCase("recovery");
        assertThat(left.lines()).as("nothing of the killed file").noneMatch(l -> l.contains(csv.toString()));
        assertThat(left.labels().get("ThreatGroup")).as("the curated data loaded at start-up survived").isPositive();

        String rerun = runToEnd(importCommand(killed, csv, mini));
        assertThat(rerun).contains("2 of 2 imported, 0 refused");
        String once = runToEnd(importCommand(clean, csv, mini));
        assertThat(once).contains("2 of 2 imported, 0 refused");

        String apt10 = Ids.of(NodeType.ThreatGroup, Ids.normalise("APT10"));
        String testGroup = Ids.of(NodeType.ThreatGroup, Ids.normalise("Test Group"));
        var recovered = read(killed, List.of(apt10, testGroup));
        var reference = read(clean, List.of(apt10, testGroup));

        assertThat(recovered.labels()).isEqualTo(reference.labels());
        assertThat(recovered.types()).isEqualTo(reference.types());
        assertThat(reference.labels().get("Organization")).isGreaterThanOrEqualTo(ROWS + 200L);
        assertThat(reference.types().get("SERVES")).isGreaterThanOrEqualTo((long) ROWS);
        assertThat(recovered.lines()).containsExactlyElementsOf(reference.lines());
        assertThat(recovered.digest()).isEqualTo(reference.digest());
        assertThat(recovered.chains()).isEqualTo(reference.chains());
        assertThat(reference.chains().get(apt10)).anyMatch(c -> c.contains(
                "[APT10, Zhu Hua, Huaying Haitai Science and Technology Development Company, Tianjin State Security Bureau, "
                        + "Ministry of State Security, People's Republic of China]"));
        assertThat(reference.chains().get(testGroup)).singleElement().asString().contains("Testland");
        System.out.printf("crash-recovery: recovered store equals a clean import: %d nodes, %d relationships, digest %s%n",
                reference.lines().stream().filter(l -> l.startsWith("node ")).count(),
                reference.lines().stream().filter(l -> l.startsWith("rel ")).count(), reference.digest());
    }

    @Test
    void aKilledImportWithBatchCommitsIsUndoneByTheNextStart() throws Exception {
        Path csv = organizations();
        Path killed = work.resolve("killed-batches");
        Path clean = work.resolve("clean-whole");

        Process process = importCommand(killed, Commit.BATCH, csv).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        // Progress is reported once a batch is written; with batch commits that batch is committed.
        String progress = progressReaches(process.getErrorStream(), GraphWriter.BATCH_SIZE).get(10, TimeUnit.MINUTES);
        process.destroyForcibly();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        System.out.printf("crash-recovery, batch commits: killed at %s rows written%n", progress);

        Path leftOver = work.resolve("left-over-batches");
        copy(killed, leftOver);
        var left = read(leftOver, List.of());
        Predicate<String> fromTheFile = l -> l.contains(csv.toString()) && !l.contains("[ImportRun]");
        long leftOverNodes = left.lines().stream().filter(fromTheFile).count();
        assertThat(leftOverNodes).as("the committed batches stay in the store until the next start")
                .isGreaterThanOrEqualTo(GraphWriter.BATCH_SIZE).isLessThan(4L * GraphWriter.BATCH_SIZE);
        assertThat(left.lines()).as("and so does the mark of their unfinished run")
                .anyMatch(l -> l.contains("[ImportRun]") && l.contains(csv.toString()) && l.contains("writing=true"));

        assertThat(runToEnd(importCommand(killed, Commit.BATCH, csv))).contains("1 of 1 imported, 0 refused");
        assertThat(runToEnd(importCommand(clean, csv))).contains("1 of 1 imported, 0 refused");

        var recovered = read(killed, List.of());
        var reference = read(clean, List.of());
        assertThat(reference.lines().stream().filter(fromTheFile)).hasSize(4 * GraphWriter.BATCH_SIZE);
        assertThat(recovered.labels()).isEqualTo(reference.labels());
        assertThat(recovered.lines()).containsExactlyElementsOf(reference.lines());
        assertThat(recovered.digest()).isEqualTo(reference.digest());
        System.out.printf("crash-recovery, batch commits: %d of the file's nodes left by the kill; after the next start, equal to a clean "
                + "import: %d lines, digest %s%n", leftOverNodes, reference.lines().size(), reference.digest());
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
