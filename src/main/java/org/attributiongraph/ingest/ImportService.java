package org.attributiongraph.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.attributiongraph.graph.Graph;
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

    ImportService(List<FormatReader> readers, Graph graph, GraphWriter writer) {
        readers.forEach(r -> this.readers.put(r.format(), r));
        this.graph = graph;
        this.writer = writer;
        this.recordRun = graph.statement("ingest/record-run");
        this.findRunBySha = graph.statement("ingest/find-run-by-sha");
        this.getRun = graph.statement("ingest/get-run");
    }

    public ImportResult importFile(String format, String file, byte[] content) {
        FormatReader reader = readers.get(format);
        if (reader == null) {
            throw new UnknownFormatException(format, readers.keySet());
        }
        ImportBatch batch = reader.read(file, content);
        String run = "import-run--" + UUID.randomUUID();
        String sha256 = sha256(content);
        ZonedDateTime started = ZonedDateTime.now();
        var written = graph.writeTransaction(tx -> {
            var w = writer.write(tx, batch, run, file);
            tx.run(recordRun, Map.of("run", run, "format", format, "file", file, "sha256", sha256,
                    "started", started, "finished", ZonedDateTime.now(),
                    "nodesCreated", w.nodesCreated(), "relationshipsCreated", w.relationshipsCreated())).consume();
            return w;
        });
        log.info("Imported {} ({}): {} nodes ({} new), {} relationships ({} new)", file, format,
                written.nodes(), written.nodesCreated(), written.relationships(), written.relationshipsCreated());
        return new ImportResult(run, format, file,
                new ImportResult.Counts(written.nodesCreated(), written.nodes() - written.nodesCreated()),
                new ImportResult.Counts(written.relationshipsCreated(), written.relationships() - written.relationshipsCreated()),
                batch.warnings(), false);
    }

    /** Imports the file unless a file with exactly this content was imported before. */
    public ImportResult importIfNew(String format, String file, byte[] content) {
        long seen = graph.read(findRunBySha, Map.of("sha256", sha256(content)), r -> r.get("count").asLong());
        if (seen > 0) {
            return new ImportResult(null, format, file, new ImportResult.Counts(0, 0), new ImportResult.Counts(0, 0), List.of(), true);
        }
        return importFile(format, file, content);
    }

    public Optional<Map<String, Object>> run(String run) {
        return Optional.ofNullable(graph.read(getRun, Map.of("run", run), r -> r.get("run").asMap()));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the JDK", e);
        }
    }
}
