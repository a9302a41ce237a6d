package org.attributiongraph.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.attributiongraph.graph.Graph;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one ingest pipeline: pick the reader for the format, read and validate the whole file (a
 * bad file throws before anything is written), then write it and its import-run record in one
 * transaction, or with {@link Commit#BATCH} batch by batch, undone by its run id if it fails.
 * Imports check and write one at a time: the reference check and entity resolution see the graph
 * as the previous file left it, and an undo deletes only what its own run created.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final Map<String, FormatReader> readers = new TreeMap<>();
    private final Graph graph;
    private final GraphWriter writer;
    private final String recordRun;
    private final String findRunBySha;
    private final String getRun;
    private final String checkIds;
    private final EntityResolver resolver;
    private final String beginRun;
    private final String heartbeatRun;
    private final String interruptedRuns;
    private final String undoRelationships;
    private final String undoNodes;
    private final String forgetRun;
    private final ReentrantLock writing = new ReentrantLock(true);

    ImportService(List<FormatReader> readers, Graph graph, GraphWriter writer, EntityResolver resolver) {
        readers.forEach(r -> this.readers.put(r.format(), r));
        this.graph = graph;
        this.writer = writer;
        this.recordRun = graph.statement("ingest/record-run");
        this.findRunBySha = graph.statement("ingest/find-run-by-sha");
        this.getRun = graph.statement("ingest/get-run");
        this.checkIds = graph.statement("ingest/check-ids");
        this.resolver = resolver;
        this.beginRun = graph.statement("ingest/begin-run");
        this.heartbeatRun = graph.statement("ingest/heartbeat-run");
        this.interruptedRuns = graph.statement("ingest/interrupted-runs");
        this.undoRelationships = graph.statement("ingest/undo-run-relationships");
        this.undoNodes = graph.statement("ingest/undo-run-nodes");
        this.forgetRun = graph.statement("ingest/forget-run");
    }

    /** Reads, checks and writes one file; see {@link #read} and {@link #importRead} for its two halves. */
    public ImportResult importFile(String format, String fileName, byte[] content) {
        return importFile(format, fileName, content, ImportProgress.NONE);
    }

    public ImportResult importFile(String format, String fileName, byte[] content, ImportProgress progress) {
        return importFile(format, fileName, content, progress, Commit.FILE);
    }

    public ImportResult importFile(String format, String fileName, byte[] content, ImportProgress progress, Commit commit) {
        return importRead(read(format, fileName, content), progress, commit);
    }

    /** A file read and validated by its format's reader, not yet checked against the graph or written. */
    public static final class ReadFile {
        private final String format;
        private final String file;
        private final String sha256;
        private final ImportBatch batch;
        private final long readMs;

        private ReadFile(String format, String file, String sha256, ImportBatch batch, long readMs) {
            this.format = format;
            this.file = file;
            this.sha256 = sha256;
            this.batch = batch;
            this.readMs = readMs;
        }
    }

    /**
     * The first stage of an import, which needs no graph: parse, validate and map the file. It may run
     * while another file is written ({@link ReadAhead}).
     *
     * @param fileName the file's name, recorded on everything it touches (the file that created a node owns its
     *                 name and description); unnamed uploads are named by their content hash
     * @throws ImportRejectedException naming every problem of a bad file
     */
    public ReadFile read(String format, String fileName, byte[] content) {
        String sha256 = sha256(content);
        String file = fileName == null || fileName.isBlank() ? "upload-" + sha256.substring(0, 12) : fileName;
        FormatReader reader = readers.get(format);
        if (reader == null) {
            throw new UnknownFormatException(format, readers.keySet());
        }
        long started = System.nanoTime();
        ImportBatch batch = reader.read(file, content);
        return new ReadFile(format, file, sha256, batch, millis(System.nanoTime() - started));
    }

    /** The rest of an import: check the file's references, resolve its entities and write it. */
    public ImportResult importRead(ReadFile read, ImportProgress progress, Commit commit) {
        long started = System.nanoTime();
        try {
            return checkAndWrite(read, progress, commit);
        } catch (Neo4jException e) {
            boolean outOfTime = Duration.ofNanos(System.nanoTime() - started).compareTo(graph.importTimeout()) >= 0;
            if (Graph.timedOut(e) || Graph.terminated(e) && outOfTime) {
                throw ImportLimitException.time(read.file, graph.importTimeout(), e);
            }
            if (Graph.outOfMemory(e)) {
                throw ImportLimitException.memory(read.file, e);
            }
            throw e;
        }
    }

    private ImportResult checkAndWrite(ReadFile read, ImportProgress progress, Commit commit) {
        String file = read.file;
        writing.lock();
        try {
            undoInterrupted();
            long checkStarted = System.nanoTime();
            Set<String> existing = checkReferences(file, read.batch, false);
            long checkDone = System.nanoTime();
            var resolved = resolver.resolve(read.batch, existing);
            long resolveDone = System.nanoTime();
            var before = new ImportResult.Timings(read.readMs, millis(checkDone - checkStarted), millis(resolveDone - checkDone), 0);
            // After resolution, the batch's nodes that are in the graph: its own existing ids and those it merged into.
            Set<String> known = new HashSet<>(existing);
            resolved.merges().forEach(m -> known.add(m.into()));
            try {
                return write(read.format, file, read.sha256, resolved.batch(), resolved.merges(), progress, before, commit, known);
            } catch (GraphWriter.MissingEnd e) {
                // The write rolled back (or undid its batches); name the missing ids as the check before it would have.
                checkReferences(file, read.batch, true);
                throw new ImportRejectedException(file, List.of(new Problem(file, null, null,
                        "an entity a relationship refers to was deleted while the file was imported; nothing was imported")));
            }
        } finally {
            writing.unlock();
        }
    }

    /** Writes records made by the product itself (the synthetic ecosystem): no resolution, ids are its own. */
    ImportResult writeGenerated(String file, ImportBatch batch) {
        writing.lock();
        try {
            return write("generated", file, null, batch, List.of(), ImportProgress.NONE, ImportResult.Timings.NONE, Commit.FILE, Set.of());
        } finally {
            writing.unlock();
        }
    }

    /**
     * @param before the read, check and resolve times; the write's is added
     * @param known  ids of the batch's nodes that are already in the graph
     */
    private ImportResult write(String format, String file, String sha256, ImportBatch batch, List<ImportResult.Merge> merges,
                               ImportProgress progress, ImportResult.Timings before, Commit commit, Set<String> known) {
        long writeStarted = System.nanoTime();
        String run = "import-run--" + UUID.randomUUID();
        ZonedDateTime started = ZonedDateTime.now();
        GraphWriter.Written written = null;
        if (commit == Commit.BATCH && batch.nodes().size() + batch.relationships().size() > GraphWriter.BATCH_SIZE) {
            written = writeInBatches(format, file, sha256, batch, known, run, started, progress);
        }
        if (written == null) {
            written = graph.writeTransaction(tx -> {
                var w = writer.write(GraphWriter.Statements.in(tx), false, batch, run, file, progress);
                tx.run(recordRun, runRecord(run, format, file, sha256, started, w)).consume();
                return w;
            });
        }
        var timings = before.plus(new ImportResult.Timings(0, 0, 0, millis(System.nanoTime() - writeStarted)));
        log.info("Imported {} ({}): {} nodes ({} new), {} relationships ({} new); read {} ms, check {} ms, resolve {} ms, write {} ms",
                file, format, written.nodes(), written.nodesCreated(), written.relationships(), written.relationshipsCreated(),
                timings.readMs(), timings.checkMs(), timings.resolveMs(), timings.writeMs());
        return new ImportResult(run, format, file,
                new ImportResult.Counts(written.nodesCreated(), written.nodes() - written.nodesCreated()),
                new ImportResult.Counts(written.relationshipsCreated(), written.relationships() - written.relationshipsCreated()),
                batch.warnings(), merges, false, timings);
    }

    /**
     * After a mark that the run is being written: the file's new nodes and its relationships in
     * batches, each committed on its own and create-only; then, in one last transaction with the
     * run's record, the updates to nodes already in the graph. So the run changes nothing that was
     * there until it is complete, and on any failure deleting what it created undoes it exactly.
     *
     * @return what was written, or null when the file met elements already in the graph (undone;
     * the caller writes it in one transaction)
     */
    private GraphWriter.Written writeInBatches(String format, String file, String sha256, ImportBatch batch, Set<String> known,
                                               String run, ZonedDateTime started, ImportProgress progress) {
        var fresh = new ImportBatch(batch.nodes().stream().filter(n -> !known.contains(n.id())).toList(), batch.relationships(), List.of());
        var updates = new ImportBatch(batch.nodes().stream().filter(n -> known.contains(n.id())).toList(), List.of(), List.of());
        long total = batch.nodes().size() + batch.relationships().size();
        long freshRows = fresh.nodes().size() + fresh.relationships().size();
        graph.writeTransaction(tx -> tx.run(beginRun, Map.of("run", run, "format", format, "file", file, "started", started)).consume());
        try {
            GraphWriter.Statements batchByBatch = (statement, params) -> graph.writeTransaction(tx -> {
                var outcome = GraphWriter.Outcome.of(tx.run(statement, params));
                tx.run(heartbeatRun, Map.of("run", run)).consume();
                return outcome;
            });
            var created = writer.write(batchByBatch, true, fresh, run, file, (rows, ignored) -> progress.written(rows, total));
            return graph.writeTransaction(tx -> {
                var w = created.plus(writer.write(GraphWriter.Statements.in(tx), false, updates, run, file,
                        (rows, ignored) -> progress.written(freshRows + rows, total)));
                tx.run(recordRun, runRecord(run, format, file, sha256, started, w)).consume();
                return w;
            });
        } catch (GraphWriter.NotAllNew e) {
            log.info("{} meets elements already in the graph: its batches are undone and it is written in one transaction", file);
            undo(run);
            return null;
        } catch (RuntimeException e) {
            try {
                undo(run);
            } catch (RuntimeException undoFailed) {
                e.addSuppressed(undoFailed);
                log.error("Could not undo the batches of {} (run {}); the next start undoes them", file, run, undoFailed);
            }
            throw e;
        }
    }

    /** Deletes what a run with batch commits created, then its mark. */
    private void undo(String run) {
        Map<String, Object> params = Map.of("run", run);
        graph.autoCommit(undoRelationships, params);
        graph.autoCommit(undoNodes, params);
        graph.writeTransaction(tx -> tx.run(forgetRun, params).consume());
    }

    /**
     * Undoes the runs with batch commits that a stopped process left unfinished; called at start-up
     * and before each import. On the in-process store every unfinished run is one. On a shared
     * server a run is taken for stopped once its heartbeat is older than twice the import timeout:
     * each batch, the last transaction and an undo run under that timeout, so a live run renews it
     * sooner.
     *
     * @return the files undone
     */
    public List<String> undoInterrupted() {
        List<String> files = new ArrayList<>();
        writing.lock();
        try {
            var params = Map.<String, Object>of("exclusive", graph.exclusive(), "stale", graph.importTimeout().multipliedBy(2));
            // A small read with the query timeout: a short import timeout must not stop the application's start.
            for (var r : graph.read(interruptedRuns, params)) {
                String run = r.get("run").asString();
                String file = r.get("file").asString();
                long started = System.nanoTime();
                undo(run);
                log.warn("Undid what the interrupted import of {} ({}) had committed batch by batch, in {} ms", file, run,
                        millis(System.nanoTime() - started));
                files.add(file);
            }
        } finally {
            writing.unlock();
        }
        return files;
    }

    private static Map<String, Object> runRecord(String run, String format, String file, String sha256, ZonedDateTime started,
                                                 GraphWriter.Written w) {
        Map<String, Object> params = new HashMap<>();
        params.put("run", run);
        params.put("format", format);
        params.put("file", file);
        params.put("sha256", sha256);
        params.put("started", started);
        params.put("finished", ZonedDateTime.now());
        params.put("nodesCreated", w.nodesCreated());
        params.put("relationshipsCreated", w.relationshipsCreated());
        return params;
    }

    /**
     * Every id a relationship points at (or cites as a source) must be in the file or already in
     * the graph; otherwise the file is refused naming each missing id. Before the write, the
     * relationships' ends are left out: the write finds each of them anyway and reports a
     * shortfall ({@link GraphWriter.MissingEnd}), after which they are checked here to name them.
     *
     * @param ends whether to check the relationships' ends too
     * @return the ids of the file's own nodes that already exist in the graph
     */
    private Set<String> checkReferences(String file, ImportBatch batch, boolean ends) {
        Set<String> defined = new HashSet<>();
        batch.nodes().forEach(n -> defined.add(n.id()));
        Set<String> wanted = new LinkedHashSet<>(batch.references());
        Set<String> endIds = new HashSet<>();
        for (RelationshipRecord rel : batch.relationships()) {
            endIds.add(rel.from());
            endIds.add(rel.to());
        }
        if (ends) {
            wanted.addAll(endIds);
        } else {
            wanted.removeAll(endIds);
        }
        batch.relationships().forEach(rel -> wanted.addAll(rel.sources()));
        wanted.removeAll(defined);
        Set<String> missing = new HashSet<>();
        Set<String> existing = new HashSet<>();
        graph.importRead(checkIds, Map.of("references", List.copyOf(wanted), "defined", List.copyOf(defined)))
                .forEach(r -> (r.get("kind").asString().equals("missing") ? missing : existing).add(r.get("id").asString()));
        if (!missing.isEmpty()) {
            throw new ImportRejectedException(file, wanted.stream().filter(missing::contains)
                    .map(id -> new Problem(file, null, null, "a relationship refers to " + id + ", which is neither in this file nor in the graph"))
                    .toList());
        }
        return existing;
    }

    /** Imports the file unless a file with exactly this content was imported before. */
    public ImportResult importIfNew(String format, String file, byte[] content) {
        long seen = graph.read(findRunBySha, Map.of("sha256", sha256(content)), r -> r.get("count").asLong());
        if (seen > 0) {
            return new ImportResult(null, format, file, new ImportResult.Counts(0, 0), new ImportResult.Counts(0, 0), List.of(),
                    List.of(), true, null);
        }
        return importFile(format, file, content);
    }

    public Optional<Map<String, Object>> run(String run) {
        return Optional.ofNullable(graph.read(getRun, Map.of("run", run), r -> r.get("run").asMap()));
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the JDK", e);
        }
    }
}
