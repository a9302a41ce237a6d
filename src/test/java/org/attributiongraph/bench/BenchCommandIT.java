package org.attributiongraph.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged jar's {@code bench} command at a small scale, as a check that the harness works end
 * to end: every figure is present and consistent with the others. No timing is asserted.
 */
class BenchCommandIT {

    private static final List<String> KEYS = List.of("import_rows_per_s", "raw_rows_per_s", "import_ratio", "chain_p50_ms",
            "chain_p99_ms", "chain_ratio", "blast_p50_ms", "blast_p99_ms", "blast_ratio", "blast_cached_p50_ms", "blast_cached_ratio",
            "blast_wrapped_p50_ms", "blast_wrap_ratio", "export_objects_per_s", "peak_rss_mb",
            "peak_heap_mb", "service_peak_rss_mb");

    @TempDir
    Path dataDir;

    @Test
    void smallRunPrintsEveryFigureAsItsLastLine() throws Exception {
        var command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar",
                "target/attribution-graph.jar", "bench", "--orgs", "10000", "--queries", "10", "--warmup-seconds", "0", "--ingest-rounds", "2",
                "--graph.page-cache=64m");
        var builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("GRAPH_DATA_DIR", dataDir.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();

        List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
        JsonNode figures = JsonMapper.builder().build().readTree(lines.getLast());
        assertThat(KEYS).allSatisfy(key -> assertThat(figures.has(key)).as(key).isTrue());
        assertThat(figures.get("orgs").asInt()).isEqualTo(10_000);
        assertThat(figures.get("import_commit").asString()).isEqualTo("batch");

        // Both writers wrote every generated node and relationship.
        long rows = figures.get("import_rows").asLong();
        assertThat(rows).isGreaterThan(figures.get("relationships").asLong()).isEqualTo(figures.get("raw_rows").asLong());
        for (String rate : List.of("import_rows_per_s", "raw_rows_per_s", "export_objects_per_s")) {
            assertThat(figures.get(rate).asDouble()).as(rate).isPositive();
        }
        // ... and stored the same properties: the baseline writes the graph the pipeline writes.
        assertThat(figures.get("raw_properties").asLong()).isPositive().isEqualTo(figures.get("import_properties").asLong());
        assertThat(figures.get("import_ratio").asDouble())
                .isCloseTo(figures.get("import_rows_per_s").asDouble() / figures.get("raw_rows_per_s").asDouble(), within(0.01));
        // Two rounds: the figures are the lower one's, the median of two.
        assertThat(figures.get("ingest_rounds").asInt()).isEqualTo(2);
        var ratios = figures.get("import_ratios").valueStream().map(JsonNode::asDouble).toList();
        assertThat(ratios).hasSize(2).allSatisfy(r -> assertThat(r).isPositive());
        assertThat(figures.get("import_ratio").asDouble()).isEqualTo(Math.min(ratios.get(0), ratios.get(1)));
        // The pipeline's stages after the read are parts of its whole time; the read runs beside them (ReadAhead).
        double stages = 0;
        for (String stage : List.of("import_check_s", "import_resolve_s", "import_write_s")) {
            assertThat(figures.get(stage).asDouble()).as(stage).isNotNegative();
            stages += figures.get(stage).asDouble();
        }
        assertThat(figures.get("import_write_s").asDouble()).isPositive();
        assertThat(stages).isLessThanOrEqualTo(figures.get("import_s").asDouble() + 0.01);
        assertThat(figures.get("import_read_s").asDouble()).isPositive().isLessThanOrEqualTo(figures.get("import_s").asDouble() + 0.01);

        for (String path : List.of("chain", "blast")) {
            double p50 = figures.get(path + "_p50_ms").asDouble();
            assertThat(p50).as(path).isPositive();
            assertThat(figures.get(path + "_p99_ms").asDouble()).as(path).isGreaterThanOrEqualTo(p50);
            assertThat(figures.get(path + "_queries").asInt()).isEqualTo(10);
        }
        assertThat(figures.get("chain_ratio").asDouble())
                .isCloseTo(figures.get("chain_p50_ms").asDouble() / figures.get("chain_raw_p50_ms").asDouble(), within(0.01));
        assertThat(figures.get("blast_ratio").asDouble())
                .isCloseTo(figures.get("blast_p50_ms").asDouble() / figures.get("blast_naive_p50_ms").asDouble(), within(0.01));
        assertThat(figures.get("blast_cached_ratio").asDouble())
                .isCloseTo(figures.get("blast_cached_p50_ms").asDouble() / figures.get("blast_naive_p50_ms").asDouble(), within(0.01));
        assertThat(figures.get("blast_wrap_ratio").asDouble())
                .isCloseTo(figures.get("blast_p50_ms").asDouble() / figures.get("blast_wrapped_p50_ms").asDouble(), within(0.01));
        assertThat(figures.get("blast").propertyNames()).containsExactly("small", "median", "largest");

        assertThat(figures.get("export_objects").asInt()).isGreaterThan(100);
        assertThat(figures.get("peak_rss_mb").asLong()).isPositive();
        assertThat(figures.get("peak_heap_mb").asLong()).isPositive().isLessThanOrEqualTo(figures.get("heap_max_mb").asLong());
        // The read paths ran on a service of its own, started on the stored graph.
        assertThat(figures.get("service_peak_rss_mb").asLong()).isPositive();

        // The bench store is its own and is removed afterwards.
        try (var left = Files.list(dataDir)) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("bench-")).toList()).isEmpty();
        }
    }
}
