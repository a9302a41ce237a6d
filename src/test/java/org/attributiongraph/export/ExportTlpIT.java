package org.attributiongraph.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.attributiongraph.graph.GraphModel.NodeType;
import org.attributiongraph.graph.Ids;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The TLP cap in every format, on fixtures/export/tlp.case.json (the neighbourhood of Tlpfix Clear Group):
 *
 * <pre>
 * group -ATTRIBUTED_TO-> person        clear, citing the clear report and the red memo
 * group -TARGETS-> company (green)     clear, citing the green report
 * person -EMPLOYED_BY-> bureau (amber) clear
 * group -ATTRIBUTED_TO-> officer (red) red, "Tlpfix red assessment"
 * group -TARGETS-> vendor              green
 * person -MEMBER_OF-> group            amber, citing the green report
 * </pre>
 *
 * At each cap exactly the allowed nodes and relationships are present, and no name, title, id or
 * description of anything marked above the cap appears anywhere in the file's bytes (the zip's unpacked).
 */
class ExportTlpIT extends ExportIntegrationTest {

    private static final String GROUP = Ids.of(NodeType.ThreatGroup, "tlpfix clear group");
    private static final String PERSON = Ids.of(NodeType.Person, "tlpfix clear person");
    private static final String VENDOR = Ids.of(NodeType.Organization, "tlpfix clear vendor");
    private static final String COMPANY = Ids.of(NodeType.Organization, "tlpfix green company");
    private static final String BUREAU = Ids.of(NodeType.Agency, "tlpfix amber bureau");
    private static final String OFFICER = Ids.of(NodeType.Person, "tlpfix red officer");
    private static final String CLEAR_REPORT = Ids.of(NodeType.Source, "https://example.org/tlpfix/clear");
    private static final String GREEN_REPORT = Ids.of(NodeType.Source, "https://example.org/tlpfix/green");
    private static final String RED_MEMO = Ids.of(NodeType.Source, "https://example.org/tlpfix/red");

    private static final String R1 = GROUP + " ATTRIBUTED_TO " + PERSON;
    private static final String R2 = GROUP + " TARGETS " + COMPANY;
    private static final String R3 = PERSON + " EMPLOYED_BY " + BUREAU;
    private static final String R4 = GROUP + " ATTRIBUTED_TO " + OFFICER;
    private static final String R5 = GROUP + " TARGETS " + VENDOR;
    private static final String R6 = PERSON + " MEMBER_OF " + GROUP;

    /** What is marked above each level: names, titles and descriptions, and ids. */
    private static final List<String> ABOVE_CLEAR = List.of("Tlpfix Green Company", "Tlpfix green report", COMPANY, GREEN_REPORT);
    private static final List<String> ABOVE_GREEN = List.of("Tlpfix Amber Bureau", BUREAU);
    private static final List<String> ABOVE_AMBER = List.of("Tlpfix Red Officer", "Tlpfix red memo", "Tlpfix red assessment",
            OFFICER, RED_MEMO);

    @BeforeEach
    void load() {
        loadCase("tlp.case.json");
    }

    record Expected(String cap, String highest, Set<String> nodes, Set<String> relationships, List<String> forbidden) {
    }

    static Stream<Arguments> capsAndFormats() {
        List<Expected> caps = List.of(
                new Expected("clear", "clear", Set.of(GROUP, PERSON, CLEAR_REPORT), Set.of(R1),
                        concat(ABOVE_CLEAR, ABOVE_GREEN, ABOVE_AMBER)),
                new Expected("green", "green", Set.of(GROUP, PERSON, VENDOR, COMPANY, CLEAR_REPORT, GREEN_REPORT), Set.of(R1, R2, R5),
                        concat(ABOVE_GREEN, ABOVE_AMBER)),
                new Expected("amber", "amber", Set.of(GROUP, PERSON, VENDOR, COMPANY, BUREAU, CLEAR_REPORT, GREEN_REPORT),
                        Set.of(R1, R2, R3, R5, R6), ABOVE_AMBER),
                new Expected("amber+strict", "amber", Set.of(GROUP, PERSON, VENDOR, COMPANY, BUREAU, CLEAR_REPORT, GREEN_REPORT),
                        Set.of(R1, R2, R3, R5, R6), ABOVE_AMBER),
                new Expected("red", "red", Set.of(GROUP, PERSON, VENDOR, COMPANY, BUREAU, OFFICER, CLEAR_REPORT, GREEN_REPORT, RED_MEMO),
                        Set.of(R1, R2, R3, R4, R5, R6), List.of()));
        List<Arguments> arguments = new ArrayList<>();
        for (Expected expected : caps) {
            for (String format : List.of("stix", "graphml", "csv", "cytoscape")) {
                arguments.add(Arguments.of(format, expected));
            }
        }
        return arguments.stream();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("capsAndFormats")
    void exactlyWhatTheCapAllows(String format, Expected expected) {
        // '+' in a query string is a space; %2B is the plus itself. Both must mean amber+strict.
        var response = download("/api/export?root=" + GROUP + "&depth=2&format=" + format + "&maxTlp="
                + expected.cap().replace("+", "%2B"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-TLP")).isEqualTo(expected.highest());
        var contents = contents(format, response.body());
        assertThat(contents.nodes()).as("nodes").containsExactlyInAnyOrderElementsOf(expected.nodes());
        assertThat(contents.relationships()).as("relationships").containsExactlyInAnyOrderElementsOf(expected.relationships());
        for (String secret : expected.forbidden()) {
            assertThat(contents.text()).as("%s in the %s export at %s", secret, format, expected.cap()).doesNotContain(secret);
        }
        if (!expected.cap().equals("red")) {
            assertThat(contents.text()).doesNotContain(relationshipId(R4));
        }
        assertThat(contents.marking()).isEqualTo(expected.highest());
    }

    @Test
    void aPlusInTheQueryStringReadsAsAmberStrict() {
        var response = download("/api/export?root=" + GROUP + "&depth=2&format=cytoscape&maxTlp=amber+strict");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).contains("Tlpfix Amber Bureau").doesNotContain("Tlpfix Red Officer");
    }

    @Test
    void aRootAboveTheCapIsAnswered404LikeAnUnknownOne() {
        var hidden = get("/api/export?root=" + OFFICER + "&format=stix&maxTlp=amber");
        var unknown = get("/api/export?root=identity--00000000-0000-5000-8000-000000000000&format=stix&maxTlp=amber");
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.contentType()).startsWith("application/problem+json");
        assertThat(hidden.body().get("detail").asString()).isEqualTo("No entity with id " + OFFICER + " at or below TLP:AMBER");
        assertThat(unknown.body().get("detail").asString())
                .isEqualTo("No entity with id identity--00000000-0000-5000-8000-000000000000 at or below TLP:AMBER");
        assertThat(get("/api/export?root=" + OFFICER + "&format=stix&maxTlp=red").status()).isEqualTo(200);
        // Without maxTlp only TLP:CLEAR leaves the service.
        assertThat(get("/api/export?root=" + COMPANY + "&format=stix").status()).isEqualTo(404);
    }

    /** What a file holds, in one vocabulary whatever the format: node ids, "from TYPE to", all text, the file's marking. */
    record Contents(Set<String> nodes, Set<String> relationships, String text, String marking) {
    }

    private static Contents contents(String format, byte[] body) {
        Set<String> nodes = new TreeSet<>();
        Set<String> relationships = new TreeSet<>();
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        String marking;
        switch (format) {
            case "stix" -> {
                JsonNode bundle = JSON.readTree(body);
                String highest = "clear";
                for (JsonNode object : bundle.get("objects")) {
                    String type = object.get("type").asString();
                    if (type.equals("relationship")) {
                        relationships.add(object.get("source_ref").asString() + " "
                                + object.get("relationship_type").asString().toUpperCase(Locale.ROOT).replace('-', '_') + " "
                                + object.get("target_ref").asString());
                    } else if (type.equals("marking-definition")) {
                        highest = object.at("/extensions/extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d/tlp_2_0").asString();
                    } else {
                        nodes.add(object.get("id").asString());
                    }
                }
                // Markings are written least restrictive first: the last is the highest.
                marking = highest;
            }
            case "graphml" -> {
                var graph = new DirectedPseudograph<String, DefaultEdge>(null, SupplierUtil.createDefaultEdgeSupplier(), false);
                Map<DefaultEdge, String> relations = new HashMap<>();
                var importer = new GraphMLImporter<String, DefaultEdge>();
                importer.setVertexFactory(id -> id);
                importer.addEdgeAttributeConsumer((p, a) -> {
                    if (p.getSecond().equals("relation")) {
                        relations.put(p.getFirst(), a.getValue());
                    }
                });
                importer.importGraph(graph, new StringReader(text));
                nodes.addAll(graph.vertexSet());
                graph.edgeSet().forEach(e -> relationships.add(graph.getEdgeSource(e) + " " + relations.get(e) + " " + graph.getEdgeTarget(e)));
                marking = graphMarking(text);
            }
            case "csv" -> {
                var entries = unzip(body);
                text = String.join("\n", entries.values());
                rows(entries.get("nodes.csv")).forEach(row -> nodes.add(row[0]));
                rows(entries.get("relationships.csv")).forEach(row -> relationships.add(row[0] + " " + row[2] + " " + row[1]));
                marking = entries.get("README.txt").lines().findFirst().orElseThrow().replace("TLP:", "").toLowerCase(Locale.ROOT);
            }
            default -> {
                JsonNode doc = JSON.readTree(body);
                doc.at("/elements/nodes").forEach(n -> nodes.add(n.at("/data/id").asString()));
                doc.at("/elements/edges").forEach(e -> relationships.add(e.at("/data/source").asString() + " "
                        + e.at("/data/relation").asString() + " " + e.at("/data/target").asString()));
                marking = doc.get("tlp").asString();
            }
        }
        return new Contents(nodes, relationships, text, marking);
    }

    /** The data rows of an export's CSV (its values hold no commas or quotes in this fixture). */
    private static List<String[]> rows(String csv) {
        return csv.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
    }

    private static String relationshipId(String key) {
        String[] parts = key.split(" ");
        return "relationship--" + Ids.uuid5(Ids.NAMESPACE, "relationship:" + parts[0] + "|" + parts[1] + "|" + parts[2]);
    }
}
