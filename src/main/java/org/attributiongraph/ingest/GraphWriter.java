package org.attributiongraph.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.attributiongraph.graph.Graph;
import org.attributiongraph.graph.GraphModel.RelType;
import org.neo4j.driver.Result;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.summary.SummaryCounters;
import org.springframework.stereotype.Component;

/**
 * Writes a validated batch: nodes grouped by their label set, then relationships grouped by type,
 * each as {@code UNWIND $rows ... MERGE} in chunks of {@value #BATCH_SIZE} rows. Where each chunk
 * runs is the caller's choice ({@link Statements}): inside the file's one transaction, so a file
 * lands whole or not at all, or in a transaction of its own (batch commits).
 *
 * <p>Each chunk first takes the fast path (create-nodes, create-relationships: set everything, as
 * the file creating an element owns it). When a chunk meets elements that already exist, the
 * created counter falls short; that chunk is written again through the full merge statements,
 * which apply the ownership rules, and so is the rest of its group (a file that updates tends to
 * update throughout). With {@code createOnly} the writer stops there instead ({@link NotAllNew}):
 * a run that only creates can be undone exactly by its run id.
 *
 * <p>The write is also the check that every relationship's ends exist: the merge statement counts
 * the rows whose ends it found, and a shortfall throws {@link MissingEnd}, which rolls the file
 * back. Looking each end up in a check before the write did every index look-up twice.
 */
@Component
final class GraphWriter {

    static final int BATCH_SIZE = 10_000;

    private final String createNodes;
    private final String mergeNodes;
    /** Per type, with the type written in (RelType.writtenInto), so even an empty store gets a good plan. */
    private final Map<RelType, String> createRelationships;
    private final Map<RelType, String> mergeRelationships;

    GraphWriter(Graph graph) {
        this.createNodes = graph.statement("ingest/create-nodes");
        this.mergeNodes = graph.statement("ingest/merge-nodes");
        this.createRelationships = RelType.writtenIntoEach(graph.statement("ingest/create-relationships"));
        this.mergeRelationships = RelType.writtenIntoEach(graph.statement("ingest/merge-relationships"));
    }

    /** Every statement this writer may run, for checking their plans. */
    List<String> statements() {
        List<String> all = new ArrayList<>(List.of(createNodes, mergeNodes));
        all.addAll(createRelationships.values());
        all.addAll(mergeRelationships.values());
        return all;
    }

    record Written(long nodesCreated, long nodes, long relationshipsCreated, long relationships) {
        Written plus(Written other) {
            return new Written(nodesCreated + other.nodesCreated, nodes + other.nodes, relationshipsCreated + other.relationshipsCreated,
                    relationships + other.relationships);
        }
    }

    /** Runs one statement of the write and gives what it did. */
    @FunctionalInterface
    interface Statements {
        Outcome run(String statement, Map<String, Object> parameters);

        /** Every statement inside the file's transaction. */
        static Statements in(TransactionContext tx) {
            return (statement, parameters) -> Outcome.of(tx.run(statement, parameters));
        }
    }

    /** @param rows the statement's {@code rows} column where it has one (the rows it wrote), else 0 */
    record Outcome(SummaryCounters counters, long rows) {
        static Outcome of(Result result) {
            long rows = result.hasNext() ? result.single().get("rows").asLong() : 0;
            return new Outcome(result.consume().counters(), rows);
        }
    }

    /** A create-only write met an element that is already in the graph (or a row that creates nothing). */
    static final class NotAllNew extends RuntimeException {
        NotAllNew() {
            super("the file meets elements already in the graph", null, false, false);
        }
    }

    /** A relationship's end is neither in the file nor in the graph; the caller finds which and refuses the file. */
    static final class MissingEnd extends RuntimeException {
        MissingEnd() {
            super("a relationship's end is not in the graph", null, false, false);
        }
    }

    Written write(Statements db, boolean createOnly, ImportBatch batch, String run, String file, ImportProgress progress) {
        long total = batch.nodes().size() + batch.relationships().size();
        long done = 0;
        Map<List<String>, List<NodeRecord>> nodesByLabels = new LinkedHashMap<>();
        batch.nodes().forEach(node -> nodesByLabels.computeIfAbsent(node.labels(), k -> new ArrayList<>()).add(node));
        long nodesCreated = 0;
        for (var group : nodesByLabels.entrySet()) {
            boolean fast = true;
            for (var records : chunks(group.getValue())) {
                var chunk = records.stream().map(GraphWriter::nodeRow).toList();
                Map<String, Object> params = Map.of("labels", group.getKey(), "rows", chunk, "run", run, "file", file);
                int created = fast ? db.run(createNodes, params).counters().nodesCreated() : 0;
                if (created < chunk.size()) {
                    fast = false;
                    created += slowPath(db, createOnly, mergeNodes, params).counters().nodesCreated();
                }
                nodesCreated += created;
                done += chunk.size();
                progress.written(done, total);
            }
        }

        Map<RelType, List<RelationshipRecord>> relsByType = new LinkedHashMap<>();
        batch.relationships().forEach(rel -> relsByType.computeIfAbsent(rel.type(), k -> new ArrayList<>()).add(rel));
        long relsCreated = 0;
        for (var group : relsByType.entrySet()) {
            String create = createRelationships.get(group.getKey());
            String merge = mergeRelationships.get(group.getKey());
            boolean fast = true;
            for (var records : chunks(group.getValue())) {
                var chunk = records.stream().map(GraphWriter::relationshipRow).toList();
                Map<String, Object> params = Map.of("rows", chunk, "run", run, "file", file);
                int created = fast ? db.run(create, params).counters().relationshipsCreated() : 0;
                if (created < chunk.size()) {
                    fast = false;
                    var merged = slowPath(db, createOnly, merge, params);
                    if (merged.rows() < chunk.size()) {
                        throw new MissingEnd();
                    }
                    created += merged.counters().relationshipsCreated();
                }
                relsCreated += created;
                done += chunk.size();
                progress.written(done, total);
            }
        }
        return new Written(nodesCreated, batch.nodes().size(), relsCreated, batch.relationships().size());
    }

    /** A statement's row, made just before its chunk is sent, so only one chunk's rows are alive at a time. */
    private static Map<String, Object> nodeRow(NodeRecord node) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", node.id());
        Map<String, Object> props = new HashMap<>(node.props());
        row.put("name", props.remove("name"));
        row.put("description", props.remove("description"));
        row.put("props", props);
        row.put("aliases", distinct(node.aliases()));
        row.put("external_ids", distinct(node.externalIds()));
        row.put("names", node.names());
        return row;
    }

    private static Map<String, Object> relationshipRow(RelationshipRecord rel) {
        Map<String, Object> row = new HashMap<>();
        row.put("from", rel.from());
        row.put("to", rel.to());
        row.put("confidence", rel.confidence());
        row.put("sources", distinct(rel.sources()));
        row.put("asserted", rel.asserted());
        row.put("valid_from", rel.validFrom());
        row.put("valid_to", rel.validTo());
        row.put("description", rel.description());
        row.put("tlp", rel.tlp());
        row.put("stix_type", rel.originalType());
        return row;
    }

    private static Outcome slowPath(Statements db, boolean createOnly, String merge, Map<String, Object> params) {
        if (createOnly) {
            throw new NotAllNew();
        }
        return db.run(merge, params);
    }

    /** The list without repeats, in its order: what the merge statements' unions would store. */
    private static List<String> distinct(List<String> values) {
        return values.size() < 2 ? values : List.copyOf(new LinkedHashSet<>(values));
    }

    private static <T> List<List<T>> chunks(List<T> rows) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += BATCH_SIZE) {
            chunks.add(rows.subList(i, Math.min(rows.size(), i + BATCH_SIZE)));
        }
        return chunks;
    }
}
