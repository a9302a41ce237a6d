package org.attributiongraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar's {@code import} command, run as a real process on its own store. */
class ImportCommandIT {

    @TempDir
    Path dataDir;

    private record Run(int exit, String out) {
    }

    private Run importCommand(String... paths) throws IOException, InterruptedException {
        return importCommand("1g", Map.of(), paths);
    }

    private Run importCommand(String heap, Map<String, String> environment, String... paths) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-jar", "target/attribution-graph.jar", "import"));
        command.addAll(List.of(paths));
        var builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().put("GRAPH_DATA_DIR", dataDir.toString());
        builder.environment().put("GRAPH_PAGE_CACHE", "64m");
        builder.environment().putAll(environment);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), out);
    }

    @Test
    void importsGoodFilesRefusesBadOnesAndSaysWhere() throws Exception {
        var first = importCommand("src/test/resources/fixtures/case/mini.case.json",
                "src/test/resources/fixtures/case/bad-confidence.case.json");
        assertThat(first.exit()).as(first.out()).isEqualTo(1);
        assertThat(first.out()).contains("OK       src/test/resources/fixtures/case/mini.case.json (case")
                .contains("nodes 7 created, 0 updated; relationships 5 created, 0 updated")
                .contains("REFUSED  src/test/resources/fixtures/case/bad-confidence.case.json (case): 1 problem(s), nothing imported")
                .containsPattern("line \\d+ /relationships/0/confidence: confidence 140 is outside 0-100")
                .contains("1 of 2 imported, 1 refused");

        var again = importCommand("src/test/resources/fixtures/case/mini.case.json");
        assertThat(again.exit()).as(again.out()).isZero();
        assertThat(again.out()).contains("nodes 0 created, 7 updated; relationships 0 created, 5 updated");

        assertThat(Files.exists(dataDir.resolve("neo4j"))).isTrue();
        assertThat(importCommand().exit()).isEqualTo(2);
    }

    /**
     * Files are read one ahead (ReadAhead) but checked and written in order: a refused file does not
     * stop the next, and the relationships file is checked only after the nodes file before it is
     * written: the group and the provider it links are defined in that file alone (its country and
     * sector are in the bundled cases).
     */
    @Test
    void filesReadAheadAreStillCheckedAndWrittenInOrder() throws Exception {
        var run = importCommand("src/test/resources/fixtures/csv/bad-nodes.csv", "src/test/resources/fixtures/csv/nodes.csv",
                "src/test/resources/fixtures/csv/relationships.csv");
        assertThat(run.exit()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).containsSubsequence(
                "REFUSED  src/test/resources/fixtures/csv/bad-nodes.csv (csv-nodes)",
                "OK       src/test/resources/fixtures/csv/nodes.csv (csv-nodes",
                "nodes 3 created, 2 updated; relationships 0 created",
                "OK       src/test/resources/fixtures/csv/relationships.csv (csv-relationships",
                "relationships 2 created, 0 updated",
                "2 of 3 imported, 1 refused, 0 failed");
    }

    /**
     * A file whose import runs past GRAPH_IMPORT_TIMEOUT is named with the setting to change, and none
     * of its rows were kept: imported again with the default timeout, every one of its nodes is new.
     */
    @Test
    void aFilePastTheImportTimeoutFailsWholeAndSaysWhichSettingToRaise(@TempDir Path inputs) throws Exception {
        // 50,000 nodes take 4-8 s to write here (and fit the 1 GiB heap); Neo4j checks timeouts every 2 s.
        Path big = organizations(50_000, inputs.resolve("big-nodes.csv"));

        // Nothing else loaded at start: with a 1 s limit even a small file's first import may run out of time.
        var timedOut = importCommand("1g", Map.of("GRAPH_IMPORT_TIMEOUT", "1s", "GRAPH_IMPORT_ON_START", "false"), big.toString());
        assertThat(timedOut.exit()).as(timedOut.out()).isEqualTo(1);
        assertThat(timedOut.out())
                .contains("FAILED   " + big + ": the import did not finish within 1s (GRAPH_IMPORT_TIMEOUT); nothing was imported.")
                .contains("0 of 1 imported, 0 refused, 1 failed");

        var again = importCommand(big.toString());
        assertThat(again.exit()).as(again.out()).isZero();
        assertThat(again.out()).contains("nodes 50000 created, 0 updated");
    }

    /**
     * The same file in a small heap: its one transaction needs more memory than Neo4j allows there (70% of 384 MiB). With
     * batch commits, it loads in that heap.
     */
    @Test
    void aFileTooLargeForTheTransactionMemoryFailsWholeAndSaysWhatToChange(@TempDir Path inputs) throws Exception {
        Path big = organizations(50_000, inputs.resolve("big-nodes.csv"));

        var tooLarge = importCommand("384m", Map.of("GRAPH_IMPORT_ON_START", "false"), big.toString());
        assertThat(tooLarge.exit()).as(tooLarge.out()).isEqualTo(1);
        assertThat(tooLarge.out())
                .contains("FAILED   " + big + ": the import needs more transaction memory than this server allows "
                        + "(dbms.memory.transaction.total.max, 70% of the heap by default); nothing was imported.")
                .contains("Or import it with --batch-commits")
                .contains("0 of 1 imported, 0 refused, 1 failed");

        var batches = importCommand("384m", Map.of("GRAPH_IMPORT_ON_START", "false"), "--batch-commits", big.toString());
        assertThat(batches.exit()).as(batches.out()).isZero();
        assertThat(batches.out()).contains("OK       " + big + " (csv-nodes").contains("nodes 50000 created, 0 updated")
                .contains("1 of 1 imported, 0 refused, 0 failed");
    }

    /** A csv-nodes file of {@code count} organizations with fixed ids. */
    private static Path organizations(int count, Path file) throws IOException {
        StringBuilder csv = new StringBuilder("id:ID,:LABEL,name\n");
        for (int i = 0; i < count; i++) {
            csv.append("identity--").append(UUID.nameUUIDFromBytes(("org " + i).getBytes(StandardCharsets.UTF_8)))
                    .append(",Organization,Organization ").append(i).append('\n');
        }
        return Files.writeString(file, csv);
    }
}
