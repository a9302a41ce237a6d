package org.attributiongraph.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
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

import org.attributiongraph.graph.Graph;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one ingest pipeline: pick the reader for the format, read and validate the whole file (a
 * bad file throws before anything is written), then write it and its import-run record in one
 * transaction.
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

    ImportService(List<FormatReader> readers, Graph graph, GraphWriter writer, EntityResolver resolver) {
        readers.forEach(r -> this.readers.put(r.format(), r));
        this.graph = graph;
        this.writer = writer;
        this.recordRun = graph.statement("ingest/record-run");
        this.findRunBySha = graph.statement("ingest/find-run-by-sha");
        this.getRun = graph.statement("ingest/get-run");
        this.checkIds = graph.statement("ingest/check-ids");
        this.resolver = resolver;
    }

    /**
     * @param fileName the file's name, recorded on everything it touches; the file that created a node
     *             owns its name and description. Unnamed uploads are named by their content hash.
     */
    public ImportResult importFile(String format, String fileName, byte[] content) {
        return importFile(format, fileName, content, ImportProgress.NONE);
    }

    public ImportResult importFile(String format, String fileName, byte[] content, ImportProgress progress) {
        String sha256 = sha256(content);
        String file = fileName == null || fileName.isBlank() ? "upload-" + sha256.substring(0, 12) : fileName;
        FormatReader reader = readers.get(format);
        if (reader == null) {
            throw new UnknownFormatException(format, readers.keySet());
        }
        try {
            return importFile(reader, format, file, sha256, content, progress);
        } catch (Neo4jException e) {
            if (Graph.timedOut(e)) {
                throw ImportLimitException.time(file, graph.importTimeout(), e);
            }
            if (Graph.outOfMemory(e)) {
                throw ImportLimitException.memory(file, e);
            }
            throw e;
        }
    }

    private ImportResult importFile(FormatReader reader, String format, String file, String sha256, byte[] content,
                                    ImportProgress progress) {
        long started = System.nanoTime();
        ImportBatch read = reader.read(file, content);
        long readDone = System.nanoTime();
        Set<String> existing = checkReferences(file, read);
        long checkDone = System.nanoTime();
        var resolved = resolver.resolve(read, existing);
        long resolveDone = System.nanoTime();
        return write(format, file, sha256, resolved.batch(), resolved.merges(), progress,
                new ImportResult.Timings(millis(readDone - started), millis(checkDone - readDone), millis(resolveDone - checkDone), 0));
    }

    /** Writes records made by the product itself (the synthetic ecosystem): no resolution, ids are its own. */
    ImportResult writeGenerated(String file, ImportBatch batch) {
        return write("generated", file, null, batch, List.of(), ImportProgress.NONE, ImportResult.Timings.NONE);
    }

    /** @param before the read, check and resolve times; the write's is added */
    private ImportResult write(String format, String file, String sha256, ImportBatch batch, List<ImportResult.Merge> merges,
                               ImportProgress progress, ImportResult.Timings before) {
        long writeStarted = System.nanoTime();
        String run = "import-run--" + UUID.randomUUID();
        ZonedDateTime started = ZonedDateTime.now();
        var written = graph.writeTransaction(tx -> {
            var w = writer.write(tx, batch, run, file, progress);
            Map<String, Object> params = new HashMap<>();
            params.put("run", run);
            params.put("format", format);
            params.put("file", file);
            params.put("sha256", sha256);
            params.put("started", started);
            params.put("finished", ZonedDateTime.now());
            params.put("nodesCreated", w.nodesCreated());
            params.put("relationshipsCreated", w.relationshipsCreated());
            tx.run(recordRun, params).consume();
            return w;
        });
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
     * Every id a relationship points at (or cites as a source) must be in the file or already in
     * the graph; otherwise the file is refused naming each missing id.
     *
     * @return the ids of the file's own nodes that already exist in the graph
     */
    private Set<String> checkReferences(String file, ImportBatch batch) {
        Set<String> defined = new HashSet<>();
        batch.nodes().forEach(n -> defined.add(n.id()));
        Set<String> wanted = new LinkedHashSet<>(batch.references());
        for (RelationshipRecord rel : batch.relationships()) {
            wanted.add(rel.from());
            wanted.add(rel.to());
            wanted.addAll(rel.sources());
        }
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
