package org.attributiongraph.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.attributiongraph.graph.Graph;
import org.attributiongraph.graph.GraphModel.RelType;
import org.attributiongraph.ingest.Commit;
import org.attributiongraph.ingest.ImportProgress;
import org.attributiongraph.ingest.ImportResult;
import org.attributiongraph.ingest.ImportService;
import org.attributiongraph.ingest.ReadAhead;
import org.attributiongraph.ingest.SyntheticInput;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Ingest, measured twice: the hand-written baseline ({@code UNWIND $rows MERGE}, one transaction
 * per batch of {@value #BATCH} rows, rows already in memory) into a {@link BaselineStore}, and the
 * import pipeline on the same ecosystem written as CSV files (read, parse, validate, resolve, write;
 * one import per file, as a user would run it) into the application's store. Each writer starts on
 * a store of its own that was made the same way: fresh, warmed up, emptied.
 */
final class IngestBench {

    /** The pipeline's batch size (GraphWriter), so the baseline sends batches of the same shape. */
    static final int BATCH = 10_000;

    private final ImportService imports;
    private final Commit commit;
    private final PrintStream log;
    private final String rawNodes;
    /** Per type, with the type written in, as one would write it by hand (and as the pipeline runs it). */
    private final Map<RelType, String> rawRelationships;
    private final String wipeRelationships;
    private final String wipeNodes;
    private final String content;

    IngestBench(Graph graph, ImportService imports, Commit commit, PrintStream log) {
        this.imports = imports;
        this.commit = commit;
        this.log = log;
        this.rawNodes = graph.statement("bench/raw-merge-nodes");
        this.rawRelationships = RelType.writtenIntoEach(graph.statement("bench/raw-merge-relationships"));
        this.wipeRelationships = graph.statement("bench/wipe-relationships");
        this.wipeNodes = graph.statement("bench/wipe-nodes");
        this.content = graph.statement("bench/content");
    }

    /** Rows written and the time it took; for the pipeline also its stages, summed over the files. */
    record Rate(long rows, long nanos, ImportResult.Timings stages) {
        double perSecond() {
            return rows / (nanos / 1e9);
        }
    }

    /**
     * The baseline: every row of the ecosystem, batch by batch, each batch its own transaction. Only
     * the writes are timed: the generator makes the rows in between, and it is no part of either writer.
     */
    Rate raw(Driver driver, int orgs, long seed) {
        long[] rows = {0};
        long[] nanos = {0};
        try (Session session = driver.session()) {
            SyntheticInput.rows(orgs, seed, batch -> {
                long started = System.nanoTime();
                List<Map<String, Object>> all = batch.rows();
                for (int i = 0; i < all.size(); i += BATCH) {
                    var chunk = all.subList(i, Math.min(all.size(), i + BATCH));
                    boolean nodes = batch.labels() != null;
                    Map<String, Object> params = nodes ? Map.of("labels", batch.labels(), "rows", chunk) : Map.of("rows", chunk);
                    String statement = nodes ? rawNodes : rawRelationships.get(RelType.valueOf(batch.type()));
                    session.executeWriteWithoutResult(tx -> tx.run(statement, params).consume());
                    rows[0] += chunk.size();
                }
                nanos[0] += System.nanoTime() - started;
            });
        }
        return new Rate(rows[0], nanos[0], null);
    }

    /** One round: both writers, each on its own store, the baseline first. */
    record Round(Rate raw, Rate ours) {
        double ratio() {
            return ours.perSecond() / raw.perSecond();
        }
    }

    /** The round whose ratio is the median (the lower one of an even number), so its figures agree with it. */
    static Round median(List<Round> rounds) {
        var sorted = rounds.stream().sorted(Comparator.comparingDouble(Round::ratio)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** What a writer stored: entities, relationships between them, and their properties. */
    record Content(long nodes, long nodeProperties, long relationships, long relationshipProperties) {
    }

    Content content(Driver driver) {
        try (Session session = driver.session()) {
            var r = session.executeRead(tx -> tx.run(content).single());
            return new Content(r.get("nodes").asLong(), r.get("nodeProperties").asLong(), r.get("relationships").asLong(),
                    r.get("relationshipProperties").asLong());
        }
    }

    /**
     * The pipeline: each CSV file imported as {@code import} (with or without {@code --batch-commits})
     * imports a folder, reading the next file while one is written ({@link ReadAhead}).
     */
    Rate pipeline(List<SyntheticInput.FilePair> files) {
        List<ReadAhead.Source> sources = new ArrayList<>();
        for (var pair : files) {
            sources.add(new ReadAhead.Source("csv-nodes", pair.nodes().getFileName().toString(), () -> read(pair.nodes())));
            sources.add(new ReadAhead.Source("csv-relationships", pair.relationships().getFileName().toString(),
                    () -> read(pair.relationships())));
        }
        long rows = 0;
        var stages = ImportResult.Timings.NONE;
        long started = System.nanoTime();
        try (var ahead = new ReadAhead(imports, sources)) {
            for (int done = 0; ahead.hasNext(); done++) {
                var result = imports.importRead(ahead.next(), ImportProgress.NONE, commit);
                rows += result.nodes().created() + result.nodes().updated() + result.relationships().created()
                        + result.relationships().updated();
                stages = stages.plus(result.timings());
                log.print("\r  pipeline: file " + (done + 1) + "/" + sources.size());
            }
        }
        log.print("\r\033[K");
        return new Rate(rows, System.nanoTime() - started, stages);
    }

    /** Empties a bench store (schema stays), in batches so no transaction holds millions of deletions. */
    void wipe(Driver driver) {
        try (Session session = driver.session()) {
            session.run(wipeRelationships).consume();
            session.run(wipeNodes).consume();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
