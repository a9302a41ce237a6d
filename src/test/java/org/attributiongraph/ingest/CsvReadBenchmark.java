package org.attributiongraph.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH: the CSV readers alone (parse, validate, map to records) on one generator batch written as
 * files, the Java half of every import; no database. Run as BENCHMARKS.md says.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CsvReadBenchmark {

    private Path dir;
    private byte[] nodes;
    private byte[] relationships;

    @Setup
    public void write() throws IOException {
        dir = Files.createTempDirectory("csv-read-benchmark");
        // One full generator batch (the first also holds the curated base, so take the largest).
        var pair = SyntheticInput.writeCsv(100_000, 1, dir).stream().max(Comparator.comparingLong(SyntheticInput.FilePair::rows)).orElseThrow();
        nodes = Files.readAllBytes(pair.nodes());
        relationships = Files.readAllBytes(pair.relationships());
    }

    @TearDown
    public void delete() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The nodes file of the largest generator batch (its organizations and their sources). */
    @Benchmark
    public ImportBatch nodes() {
        return new CsvNodesReader().read("nodes.csv", nodes);
    }

    /** The relationships file of that batch: SERVES, LOCATED_IN, IN_SECTOR and the targeting ones. */
    @Benchmark
    public ImportBatch relationships() {
        return new CsvRelationshipsReader().read("relationships.csv", relationships);
    }
}
