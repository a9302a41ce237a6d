package org.attributiongraph.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.attributiongraph.Fixtures.fixture;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.attributiongraph.ingest.StixSchemaCheck;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Each format on the small fixture (fixtures/export/small.case.json): the neighbourhood of Exfix Person
 * within 2 hops, up to TLP:GREEN, compared byte for byte with the expected files beside the fixture,
 * then read back with the tools that consume it.
 *
 * <pre>
 * Exfix Group -ATTRIBUTED_TO 80-> Exfix Person -EMPLOYED_BY 90-> Exfix Front Ltd -CONTRACTED_BY 60-> Exfix Bureau
 * Exfix Group -USES 70 (green)-> Exfix Loader (green)       Exfix Front Ltd -IN_SECTOR-> technology, -LOCATED_IN-> Bouvet Island
 * Exfix indictment -CHARGES-> Exfix Person                  (Exfix Bureau -PART_OF-> Bouvet Island is 3 hops away)
 * </pre>
 */
class ExportFormatsIT extends ExportIntegrationTest {

    private String person;

    @BeforeEach
    void load() {
        loadCase("small.case.json");
        person = idOf("Person", "Exfix Person");
    }

    private Download neighbourhood(String format) {
        return download("/api/export?root=" + person + "&depth=2&format=" + format + "&maxTlp=green");
    }

    @ParameterizedTest
    @CsvSource({
            "stix, application/stix+json;version=2.1, .stix.json",
            "graphml, application/graphml+xml, .graphml",
            "cytoscape, application/json, .cyjs"})
    void theSameGraphGivesTheExpectedBytes(String format, String mediaType, String extension) {
        var first = neighbourhood(format);
        keep("neighbourhood-green" + extension, first.body());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Content-Type")).isEqualTo(mediaType);
        assertThat(first.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"neighbourhood-" + person + "-depth2" + extension + "\"");
        assertThat(first.header("X-TLP")).isEqualTo("green");
        assertThat(first.text()).isEqualTo(new String(fixture("export/expected/neighbourhood-green" + extension), StandardCharsets.UTF_8));
        assertThat(neighbourhood(format).body()).isEqualTo(first.body());
    }

    @Test
    void csvIsAZipOfTheExpectedFiles() {
        var first = neighbourhood("csv");
        keep("neighbourhood-green.csv.zip", first.body());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Content-Type")).isEqualTo("application/zip");
        assertThat(first.header("Content-Disposition")).endsWith(".csv.zip\"");
        assertThat(first.header("X-TLP")).isEqualTo("green");
        var entries = unzip(first.body());
        assertThat(entries.keySet()).containsExactly("README.txt", "nodes.csv", "relationships.csv");
        entries.forEach((name, text) -> {
            keep("neighbourhood-green-" + name, text.getBytes(StandardCharsets.UTF_8));
            assertThat(text).as(name).isEqualTo(new String(fixture("export/expected/neighbourhood-green-" + name), StandardCharsets.UTF_8));
        });
        assertThat(neighbourhood("csv").body()).isEqualTo(first.body());
    }

    @Test
    void stixValidatesAgainstTheOasisSchemasAndHoldsEveryReference() {
        JsonNode bundle = JSON.readTree(neighbourhood("stix").body());
        assertThat(StixSchemaCheck.violations(bundle)).isEmpty();
        Set<String> ids = new HashSet<>();
        bundle.get("objects").forEach(o -> ids.add(o.get("id").asString()));
        List<String> refs = new ArrayList<>();
        for (JsonNode object : bundle.get("objects")) {
            for (String field : List.of("source_ref", "target_ref", "created_by_ref")) {
                if (object.has(field)) {
                    refs.add(object.get(field).asString());
                }
            }
            for (String field : List.of("object_refs", "object_marking_refs")) {
                object.path(field).forEach(r -> refs.add(r.asString()));
            }
            object.properties().forEach(p -> assertThat(p.getKey()).matches("[a-z0-9_]{3,250}|id|type"));
        }
        assertThat(refs).isNotEmpty().allSatisfy(r -> assertThat(ids).contains(r));
        // Sectors are a property of identities, not objects; the indictment is a report with its legal details.
        assertThat(bundle.toString()).doesNotContain("x-sector--");
        JsonNode front = object(bundle, "Exfix Front Ltd");
        assertThat(front.get("sectors").toString()).isEqualTo("[\"technology\"]");
        assertThat(object(bundle, "Exfix Bureau").get("sectors").toString()).isEqualTo("[\"government-national\"]");
        JsonNode indictment = object(bundle, "Exfix indictment");
        assertThat(indictment.get("type").asString()).isEqualTo("report");
        assertThat(indictment.at("/x_attribution_graph_legal/docket").asString()).isEqualTo("20-cr-101");
        assertThat(indictment.get("published").asString()).isEqualTo("2020-06-15T00:00:00.000Z");
    }

    @Test
    void graphmlReadsBackWithJGraphT() {
        var graph = new DirectedPseudograph<String, DefaultEdge>(null, SupplierUtil.createDefaultEdgeSupplier(), false);
        Map<String, Map<String, String>> vertexAttributes = new HashMap<>();
        List<String> relations = new ArrayList<>();
        var importer = new GraphMLImporter<String, DefaultEdge>();
        importer.setSchemaValidation(true);
        importer.setVertexFactory(id -> id);
        importer.addVertexAttributeConsumer((p, a) -> vertexAttributes.computeIfAbsent(p.getFirst(), k -> new HashMap<>())
                .put(p.getSecond(), a.getValue()));
        importer.addEdgeAttributeConsumer((p, a) -> {
            if (p.getSecond().equals("relation")) {
                relations.add(a.getValue());
            }
        });
        String graphml = neighbourhood("graphml").text();
        importer.importGraph(graph, new StringReader(graphml));

        // 8 nodes within reach (the indictment among them), the vendor report they cite; 7 relationships.
        assertThat(graph.vertexSet()).hasSize(9);
        assertThat(graph.edgeSet()).hasSize(7);
        assertThat(vertexAttributes.get(person)).containsEntry("label", "Exfix Person").containsEntry("type", "Person")
                .containsEntry("tlp", "clear");
        assertThat(relations).containsExactlyInAnyOrder("ATTRIBUTED_TO", "CHARGES", "CONTRACTED_BY", "EMPLOYED_BY", "IN_SECTOR",
                "LOCATED_IN", "USES");
        assertThat(graphMarking(graphml)).isEqualTo("green");
    }

    @Test
    void csvLoadsBackThroughTheCsvImporters() {
        var entries = unzip(neighbourhood("csv").body());
        JsonNode before = stats();
        var nodes = postCsv("csv-nodes", "exported-nodes.csv", entries.get("nodes.csv"));
        assertThat(nodes.status()).isEqualTo(201);
        assertThat(nodes.body().at("/nodes/created").asLong() + nodes.body().at("/nodes/updated").asLong()).isEqualTo(9);
        var rels = postCsv("csv-relationships", "exported-relationships.csv", entries.get("relationships.csv"));
        assertThat(rels.status()).isEqualTo(201);
        assertThat(rels.body().at("/relationships/created").asLong() + rels.body().at("/relationships/updated").asLong()).isEqualTo(7);
        // The export of what the store holds loads onto it without adding anything.
        assertThat(stats()).isEqualTo(before);
    }

    private Response postCsv(String format, String name, String content) {
        return send(HttpRequest.newBuilder(uri("/api/imports?format=" + format))
                .header("Content-Type", "text/csv").header("X-File-Name", name)
                .POST(HttpRequest.BodyPublishers.ofString(content)).build());
    }

    @Test
    void cytoscapeNamesTheHighestMarkingAndEveryElement() {
        JsonNode doc = JSON.readTree(neighbourhood("cytoscape").body());
        assertThat(doc.get("tlp").asString()).isEqualTo("green");
        assertThat(doc.at("/elements/nodes")).hasSize(9);
        assertThat(doc.at("/elements/edges")).hasSize(7).allSatisfy(e -> assertThat(e.get("data").has("relation")).isTrue());
        // At the default cap (clear) the green loader and its USES link are not there.
        var clear = download("/api/export?root=" + person + "&depth=2&format=cytoscape");
        assertThat(clear.header("X-TLP")).isEqualTo("clear");
        assertThat(clear.text()).doesNotContain("Exfix Loader").doesNotContain("USES");
    }

    @Test
    void blastRadiusHoldsTheProviderItsClientsAndTheGroups() {
        String hpe = idOf("MSP", "Hewlett Packard Enterprise");
        var radius = get("/api/msps/" + hpe + "/blast-radius?depth=2&limit=1000").body();
        var export = download("/api/export/blast-radius?msp=" + hpe + "&depth=2&format=cytoscape&maxTlp=red");
        assertThat(export.status()).isEqualTo(200);
        JsonNode doc = JSON.readTree(export.body());
        Set<String> nodes = new HashSet<>();
        doc.at("/elements/nodes").forEach(n -> nodes.add(n.at("/data/id").asString()));
        assertThat(nodes).contains(hpe);
        radius.get("clients").forEach(c -> assertThat(nodes).contains(c.get("id").asString()));
        radius.get("threatGroups").forEach(g -> assertThat(nodes).contains(g.get("id").asString()));
        long serves = 0;
        for (JsonNode edge : doc.at("/elements/edges")) {
            serves += edge.at("/data/relation").asString().equals("SERVES") ? 1 : 0;
        }
        assertThat(serves).isGreaterThanOrEqualTo(radius.get("clientCount").asLong());
        assertThat(export.text()).contains("\"relation\": \"LOCATED_IN\"", "\"type\": \"Country\"");
    }

    private static JsonNode object(JsonNode bundle, String name) {
        for (JsonNode object : bundle.get("objects")) {
            if (name.equals(object.path("name").asString(null))) {
                return object;
            }
        }
        throw new AssertionError("no object named " + name);
    }
}
