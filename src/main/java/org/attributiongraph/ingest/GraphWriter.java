package org.attributiongraph.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.attributiongraph.graph.Graph;
import org.attributiongraph.graph.GraphModel.ExtraLabel;
import org.attributiongraph.graph.GraphModel.RelType;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Component;

/**
 * Writes a validated batch: nodes grouped by their label set, then relationships grouped by type,
 * each as {@code UNWIND $rows ... MERGE} in chunks of {@value #BATCH_SIZE} rows, all inside the
 * caller's transaction so a file lands whole or not at all.
 */
@Component
final class GraphWriter {

    static final int BATCH_SIZE = 10_000;

    private final String mergeNodes;
    private final String mergeRelationships;

    GraphWriter(Graph graph) {
        this.mergeNodes = graph.statement("ingest/merge-nodes");
        this.mergeRelationships = graph.statement("ingest/merge-relationships");
    }

    record Written(long nodesCreated, long nodes, long relationshipsCreated, long relationships) {
    }

    Written write(TransactionContext tx, ImportBatch batch, String run, String file, ImportProgress progress) {
        long total = batch.nodes().size() + batch.relationships().size();
        long done = 0;
        Map<List<String>, List<Map<String, Object>>> nodesByLabels = new LinkedHashMap<>();
        for (NodeRecord node : batch.nodes()) {
            var labels = new TreeSet<String>();
            labels.add(node.type().name());
            node.extraLabels().stream().map(ExtraLabel::name).forEach(labels::add);
            Map<String, Object> row = new HashMap<>();
            row.put("id", node.id());
            Map<String, Object> props = new HashMap<>(node.props());
            row.put("name", props.remove("name"));
            row.put("description", props.remove("description"));
            row.put("props", props);
            row.put("aliases", node.aliases());
            row.put("external_ids", node.externalIds());
            row.put("names", node.names());
            nodesByLabels.computeIfAbsent(List.copyOf(labels), k -> new ArrayList<>()).add(row);
        }
        long nodesCreated = 0;
        for (var group : nodesByLabels.entrySet()) {
            for (var chunk : chunks(group.getValue())) {
                nodesCreated += tx.run(mergeNodes, Map.of("labels", group.getKey(), "rows", chunk, "run", run, "file", file))
                        .consume().counters().nodesCreated();
                done += chunk.size();
                progress.written(done, total);
            }
        }

        Map<RelType, List<Map<String, Object>>> relsByType = new LinkedHashMap<>();
        for (RelationshipRecord rel : batch.relationships()) {
            Map<String, Object> row = new HashMap<>();
            row.put("from", rel.from());
            row.put("to", rel.to());
            row.put("confidence", rel.confidence());
            row.put("sources", rel.sources());
            row.put("asserted", rel.asserted());
            row.put("valid_from", rel.validFrom());
            row.put("valid_to", rel.validTo());
            row.put("description", rel.description());
            row.put("tlp", rel.tlp());
            row.put("stix_type", rel.originalType());
            relsByType.computeIfAbsent(rel.type(), k -> new ArrayList<>()).add(row);
        }
        long relsCreated = 0;
        for (var group : relsByType.entrySet()) {
            for (var chunk : chunks(group.getValue())) {
                relsCreated += tx.run(mergeRelationships, Map.of("type", group.getKey().name(), "rows", chunk, "run", run, "file", file))
                        .consume().counters().relationshipsCreated();
                done += chunk.size();
                progress.written(done, total);
            }
        }
        return new Written(nodesCreated, batch.nodes().size(), relsCreated, batch.relationships().size());
    }

    private static <T> List<List<T>> chunks(List<T> rows) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += BATCH_SIZE) {
            chunks.add(rows.subList(i, Math.min(rows.size(), i + BATCH_SIZE)));
        }
        return chunks;
    }
}
