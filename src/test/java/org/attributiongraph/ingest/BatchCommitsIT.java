package org.attributiongraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.attributiongraph.GraphFingerprint;
import org.attributiongraph.IntegrationTest;
import org.attributiongraph.graph.Graph;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link Commit#BATCH} on the shared store: a large file of new elements commits batch by batch, a
 * file that meets existing elements is undone and written in one transaction, and a failure after
 * some batches committed leaves the graph exactly as it was.
 */
class BatchCommitsIT extends IntegrationTest {

    /** Enough clients for three batches of the writer. */
    private static final int CLIENTS = 25_000;

    @Autowired
    ImportService imports;

    @Autowired
    Graph graph;

    /** One provider, one source and {@value #CLIENTS} clients; ids are new at each call. */
    private record Ecosystem(String tag, String provider, String source, List<String> clients) {
        static Ecosystem fresh() {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            var clients = IntStream.range(0, CLIENTS).mapToObj(i -> "identity--" + UUID.randomUUID()).toList();
            return new Ecosystem(tag, "identity--" + UUID.randomUUID(), "report--" + UUID.randomUUID(), clients);
        }

        /** Nodes; {@code code(i)} is the client's {@code batch_code} property. */
        byte[] nodes(IntFunction<String> code) {
            var csv = new StringBuilder("id:ID,:LABEL,name,kind,url,batch_code\n");
            csv.append(source).append(",Source,Batch report ").append(tag).append(",dataset,https://www.example.org/batch/").append(tag)
                    .append(",\n");
            csv.append(provider).append(",Organization;MSP,Batch Provider ").append(tag).append(",,,\n");
            for (int i = 0; i < clients.size(); i++) {
                csv.append(clients.get(i)).append(",Organization,Batch Client ").append(tag).append(' ').append(i).append(",,,")
                        .append(code.apply(i)).append('\n');
            }
            return csv.toString().getBytes(StandardCharsets.UTF_8);
        }

        /** The provider alone, under an earlier name: the file that creates it, before the large one. */
        byte[] providerFirst() {
            return ("id:ID,:LABEL,name\n" + provider + ",Organization;MSP,Batch Provider " + tag + " Earlier\n").getBytes(StandardCharsets.UTF_8);
        }

        /** The provider serves clients {@code from} (inclusive) to {@code to} (exclusive). */
        byte[] serves(int from, int to, int confidence) {
            var csv = new StringBuilder(":START_ID,:END_ID,:TYPE,confidence:int,sources:string[]\n");
            for (int i = from; i < to; i++) {
                csv.append(provider).append(',').append(clients.get(i)).append(",SERVES,").append(confidence).append(',').append(source)
                        .append('\n');
            }
            return csv.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private long version() {
        return graph.version().orElseThrow();
    }

    private long count(String statement, Map<String, Object> parameters) {
        return graph.read(statement, parameters, r -> r.get(0).asLong());
    }

    private static List<String> files(List<Record> runs) {
        return runs.stream().map(r -> r.get("file").asString()).toList();
    }

    private long unfinishedRuns() {
        return count("MATCH (r:ImportRun) WHERE r.writing RETURN count(r)", Map.of());
    }

    @Test
    void aLargeFileCommitsBatchByBatchAndTheDefaultInOneTransaction() {
        var batched = Ecosystem.fresh();
        imports.importFile("csv-nodes", "batch-provider-" + batched.tag() + ".csv", batched.providerFirst());
        long before = version();
        var result = imports.importFile("csv-nodes", "batch-" + batched.tag() + ".csv", batched.nodes(i -> "b" + i),
                ImportProgress.NONE, Commit.BATCH);

        assertThat(result.nodes().created()).isEqualTo(CLIENTS + 1);
        assertThat(result.nodes().updated()).as("the provider, in the last transaction").isEqualTo(1);
        // The mark, three batches of clients, one with the source, the provider's update with the record; and on a store
        // that has not seen them yet, one transaction for each new property key (batch_code, writing, heartbeat).
        assertThat(version() - before).isBetween(6L, 9L);
        assertThat(unfinishedRuns()).isZero();
        assertThat(imports.run(result.run()).orElseThrow()).containsEntry("nodes_created", (long) CLIENTS + 1);
        var provider = get("/api/entities/" + batched.provider()).body();
        assertThat(provider.get("name").asString()).isEqualTo("Batch Provider " + batched.tag() + " Earlier");
        assertThat(provider.at("/properties/aliases").toString()).contains("Batch Provider " + batched.tag());
        assertThat(count("MATCH (n:Organization) WHERE n._import_run = $run AND n.name STARTS WITH $prefix AND n.batch_code IS NOT NULL "
                        + "AND n._origin = n._source RETURN count(n)",
                Map.of("run", result.run(), "prefix", "Batch Client " + batched.tag()))).isEqualTo(CLIENTS);

        var whole = Ecosystem.fresh();
        imports.importFile("csv-nodes", "whole-provider-" + whole.tag() + ".csv", whole.providerFirst());
        before = version();
        var single = imports.importFile("csv-nodes", "whole-" + whole.tag() + ".csv", whole.nodes(i -> "w" + i));
        assertThat(single.nodes().created()).isEqualTo(CLIENTS + 1);
        assertThat(single.nodes().updated()).isEqualTo(1);
        assertThat(version() - before).as("one transaction for the whole file").isEqualTo(1);
    }

    @Test
    void aFileThatMeetsExistingRelationshipsIsUndoneAndWrittenInOneTransaction() {
        var e = Ecosystem.fresh();
        imports.importFile("csv-nodes", "meet-nodes-" + e.tag() + ".csv", e.nodes(i -> ""));
        // 1,000 of the relationships are there already, in the second batch of the file below.
        var earlier = imports.importFile("csv-relationships", "meet-earlier-" + e.tag() + ".csv", e.serves(12_000, 13_000, 40));
        assertThat(earlier.relationships().created()).isEqualTo(1_000);

        long before = version();
        var result = imports.importFile("csv-relationships", "meet-" + e.tag() + ".csv", e.serves(0, 15_000, 80), ImportProgress.NONE,
                Commit.BATCH);

        assertThat(result.relationships().created()).isEqualTo(14_000);
        assertThat(result.relationships().updated()).isEqualTo(1_000);
        assertThat(version() - before).as("the first batch committed and undone before the file's one transaction").isGreaterThan(2);
        assertThat(unfinishedRuns()).isZero();
        var provider = Map.<String, Object>of("provider", e.provider());
        assertThat(count("MATCH (:Entity {id: $provider})-[r:SERVES]->() RETURN count(r)", provider)).isEqualTo(15_000);
        // The earlier file created those 1,000 and owns their confidence: the merge statements ran for them.
        assertThat(count("MATCH (:Entity {id: $provider})-[r:SERVES]->() WHERE r.confidence = 40 RETURN count(r)", provider))
                .isEqualTo(1_000);
        assertThat(count("MATCH (:Entity {id: $provider})-[r:SERVES]->() WHERE r._import_run = $run RETURN count(r)",
                Map.of("provider", e.provider(), "run", result.run()))).isEqualTo(15_000);
    }

    /** Relationship ends are checked by the write itself; a missing one refuses the file as the check before it did. */
    @Test
    void aRelationshipToAMissingEntityRefusesTheFileInEitherCommitMode() {
        var e = Ecosystem.fresh();
        imports.importFile("csv-nodes", "ends-nodes-" + e.tag() + ".csv", e.nodes(i -> ""));
        String missing = "identity--" + UUID.randomUUID();
        // 15,000 good rows (the first batch commits in batch mode), then one whose end is nowhere.
        String csv = new String(e.serves(0, 15_000, 60), StandardCharsets.UTF_8)
                + e.provider() + "," + missing + ",SERVES,60," + e.source() + "\n";
        var before = GraphFingerprint.of(graph);

        for (Commit commit : Commit.values()) {
            assertThatThrownBy(() -> imports.importFile("csv-relationships", "ends-" + e.tag() + ".csv", csv.getBytes(StandardCharsets.UTF_8),
                    ImportProgress.NONE, commit))
                    .as(commit.name())
                    .isInstanceOfSatisfying(ImportRejectedException.class, refused -> assertThat(refused.problems())
                            .extracting(Problem::message)
                            .containsExactly("a relationship refers to " + missing + ", which is neither in this file nor in the graph"));
            assertThat(GraphFingerprint.of(graph)).as(commit + ": nothing of the file is left").isEqualTo(before);
            assertThat(unfinishedRuns()).isZero();
        }
    }

    @Test
    void aFailureAfterSomeBatchesCommittedLeavesTheGraphAsItWas() {
        var e = Ecosystem.fresh();
        imports.importFile("csv-nodes", "fail-provider-" + e.tag() + ".csv", e.providerFirst());
        graph.autoCommit("CREATE CONSTRAINT batch_code_unique IF NOT EXISTS FOR (n:Organization) REQUIRE n.batch_code IS UNIQUE", Map.of());
        try {
            var before = GraphFingerprint.of(graph);
            long version = version();
            // The first batch (10,000 clients) is fine; client 15,000 repeats client 0's code, in the second batch.
            byte[] nodes = e.nodes(i -> "f-" + e.tag() + "-" + (i == 15_000 ? 0 : i));

            assertThatThrownBy(() -> imports.importFile("csv-nodes", "fail-" + e.tag() + ".csv", nodes, ImportProgress.NONE, Commit.BATCH))
                    .isInstanceOf(ClientException.class)
                    .hasMessageContaining("batch_code");

            assertThat(version() - version).as("the first batch was committed, then undone").isGreaterThan(2);
            assertThat(GraphFingerprint.of(graph)).as("nothing created is left, the provider is as it was").isEqualTo(before);
            assertThat(unfinishedRuns()).isZero();
        } finally {
            graph.autoCommit("DROP CONSTRAINT batch_code_unique IF EXISTS", Map.of());
        }
    }

    @Test
    void eachBatchRenewsTheRunsHeartbeat() {
        var e = Ecosystem.fresh();
        String file = "heartbeat-" + e.tag() + ".csv";
        List<ZonedDateTime> beats = new ArrayList<>();
        // Called after each batch has committed: the mark is there, its heartbeat as that batch left it.
        ImportProgress readHeartbeat = (rows, total) -> beats.add(graph.read(
                "MATCH (r:ImportRun {file: $file}) WHERE r.writing RETURN r.heartbeat", Map.of("file", file),
                r -> r.get(0).asZonedDateTime()));

        imports.importFile("csv-nodes", file, e.nodes(i -> ""), readHeartbeat, Commit.BATCH);

        assertThat(beats).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 1; i < beats.size(); i++) {
            assertThat(beats.get(i)).as("heartbeat after batch %d", i + 1).isAfterOrEqualTo(beats.get(i - 1));
        }
        assertThat(beats.getLast()).as("renewed by the batches, not only set at the start").isAfter(beats.getFirst());
        assertThat(unfinishedRuns()).isZero();
        assertThat(count("MATCH (r:ImportRun {file: $file}) WHERE r.heartbeat IS NULL RETURN count(r)", Map.of("file", file)))
                .as("a finished run keeps no heartbeat").isEqualTo(1);
    }

    @Test
    void onASharedServerOnlyARunWhoseHeartbeatStoppedIsTakenForInterrupted() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        graph.autoCommit("""
                CREATE (:ImportRun {id: 'import-run--live-' + $tag, file: 'live-' + $tag, writing: true, heartbeat: datetime()})
                CREATE (:ImportRun {id: 'import-run--dead-' + $tag, file: 'dead-' + $tag, writing: true,
                                    heartbeat: datetime() - duration('PT1H')})
                CREATE (:ImportRun {id: 'import-run--old-' + $tag, file: 'old-' + $tag, writing: true})
                """, Map.of("tag", tag));
        String interrupted = graph.statement("ingest/interrupted-runs");
        try {
            var shared = files(graph.read(interrupted, Map.of("exclusive", false, "stale", Duration.ofMinutes(10))));
            assertThat(shared).containsExactlyInAnyOrder("dead-" + tag, "old-" + tag);
            var exclusive = files(graph.read(interrupted, Map.of("exclusive", true, "stale", Duration.ofMinutes(10))));
            assertThat(exclusive).containsExactlyInAnyOrder("live-" + tag, "dead-" + tag, "old-" + tag);
        } finally {
            // This store is in-process, so every unfinished run is one: the next import would undo them too.
            assertThat(imports.undoInterrupted()).containsExactlyInAnyOrder("live-" + tag, "dead-" + tag, "old-" + tag);
        }
    }

    @Test
    void anInterruptedRunIsUndoneAtTheNextStart() {
        // What a process stopped part-way leaves: the mark of a run and what its committed batches created.
        String run = "import-run--" + UUID.randomUUID();
        var e = Ecosystem.fresh();
        var before = GraphFingerprint.of(graph);
        graph.autoCommit("CREATE (:ImportRun {id: $run, file: 'stopped.csv', writing: true})", Map.of("run", run));
        graph.autoCommit("""
                UNWIND range(0, 99) AS i
                CREATE (n:Entity:Organization {id: $clients[i], name: 'Stopped ' + i, _import_run: $run})
                """, Map.of("run", run, "clients", e.clients().subList(0, 100)));
        graph.autoCommit("""
                MATCH (a:Entity {id: $a}), (b:Entity:Organization) WHERE b._import_run = $run
                CREATE (a)-[:SERVES {_import_run: $run}]->(b)
                """, Map.of("run", run, "a", e.clients().get(0)));
        assertThat(GraphFingerprint.of(graph)).isNotEqualTo(before);

        assertThat(imports.undoInterrupted()).containsExactly("stopped.csv");

        assertThat(GraphFingerprint.of(graph)).isEqualTo(before);
        assertThat(imports.undoInterrupted()).isEmpty();
    }
}
