package org.attributiongraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.attributiongraph.Fixtures;
import org.attributiongraph.IntegrationTest;
import org.attributiongraph.graph.GraphModel.NodeType;
import org.attributiongraph.graph.GraphModel.Tlp;
import org.attributiongraph.graph.Ids;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every read and export path, asked by each caller (anonymous: clear; reader: green; analyst:
 * amber; admin: red), on fixtures/access/levels.case.json. Nothing marked above the caller's
 * clearance appears anywhere in the response bytes, neither by name, title, description nor id; what
 * the clearance covers does appear; and what is reached only through a marked link stays hidden too.
 */
class AccessIT extends IntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    record Who(String label, String key, Tlp clearance) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Who> callers() {
        return Stream.of(new Who("anonymous", null, Tlp.CLEAR), new Who("reader", READER_KEY, Tlp.GREEN),
                new Who("analyst", ANALYST_KEY, Tlp.AMBER), new Who("admin", ADMIN_KEY, Tlp.RED));
    }

    private static final String GROUP = id(NodeType.ThreatGroup, "Accfix Clear Group");
    private static final String PERSON = id(NodeType.Person, "Accfix Clear Person");
    private static final String MSP = id(NodeType.Organization, "Accfix Clear MSP");
    private static final String OFFICER = id(NodeType.Person, "Accfix Red Officer");
    private static final String BEHIND_RED_CLIENT = id(NodeType.Organization, "Accfix Behind-Red Client");
    private static final String AMBER_LINK_CLIENT = id(NodeType.Organization, "Accfix Amber-Link Client");

    /** Everything marked above clear: its name (or title, or description), its id, and its marking. */
    private static final Map<String, Tlp> MARKED = new LinkedHashMap<>();

    static {
        marked(NodeType.Agency, "Accfix Green Bureau", Tlp.GREEN);
        marked(NodeType.Organization, "Accfix Green Client", Tlp.GREEN);
        marked(NodeType.Agency, "Accfix Amber Ministry", Tlp.AMBER);
        marked(NodeType.ThreatGroup, "Accfix Amber Group", Tlp.AMBER);
        marked(NodeType.Agency, "Accfix Strict Office", Tlp.AMBER_STRICT);
        marked(NodeType.Person, "Accfix Red Officer", Tlp.RED);
        marked(NodeType.Organization, "Accfix Red Provider", Tlp.RED);
        marked(NodeType.ThreatGroup, "Accfix Red Group", Tlp.RED);
        source("Accfix green report", "https://example.org/accfix/green", Tlp.GREEN);
        source("Accfix amber report", "https://example.org/accfix/amber", Tlp.AMBER);
        source("Accfix red memo", "https://example.org/accfix/red", Tlp.RED);
        MARKED.put("Accfix red assessment", Tlp.RED);
    }

    private static void marked(NodeType type, String name, Tlp tlp) {
        MARKED.put(name, tlp);
        MARKED.put(id(type, name), tlp);
    }

    private static void source(String title, String url, Tlp tlp) {
        MARKED.put(title, tlp);
        MARKED.put(Ids.of(NodeType.Source, url), tlp);
    }

    private static String id(NodeType type, String name) {
        return Ids.of(type, Ids.normalise(name));
    }

    @Autowired
    Driver driver;

    @BeforeEach
    void load() {
        assertThat(post("/api/imports?format=case", "application/json", Fixtures.fixture("access/levels.case.json")).status()).isEqualTo(201);
    }

    record Raw(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private Raw raw(String key, String pathAndQuery) {
        var request = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return raw(request.build());
    }

    private static Raw raw(HttpRequest request) {
        try {
            var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Raw(response.statusCode(), response.headers(), new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer of a read path, checked for every marked thing above the clearance. */
    private String read(Who who, String pathAndQuery) {
        var response = raw(who.key(), pathAndQuery);
        assertThat(response.status()).as(who + " " + pathAndQuery + ": " + response.body()).isEqualTo(200);
        assertNothingAbove(who.clearance(), response.body(), who + " " + pathAndQuery);
        return response.body();
    }

    private static void assertNothingAbove(Tlp clearance, String body, String what) {
        List<String> leaked = new ArrayList<>();
        MARKED.forEach((text, tlp) -> {
            if (tlp.ordinal() > clearance.ordinal() && body.contains(text)) {
                leaked.add(text + " (" + tlp.word() + ")");
            }
        });
        assertThat(leaked).as(what + " shows what is marked above TLP:" + clearance.word()).isEmpty();
    }

    /** Each text appears exactly when the clearance reaches its level. */
    private static void assertShownAt(Tlp clearance, String body, String what, Map<String, Tlp> texts) {
        texts.forEach((text, level) -> {
            if (level.ordinal() <= clearance.ordinal()) {
                assertThat(body).as(what + " at TLP:" + clearance.word() + " shows " + text).contains(text);
            } else {
                assertThat(body).as(what + " at TLP:" + clearance.word() + " hides " + text).doesNotContain(text);
            }
        });
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The entities of the fixture, each at the level from which a search or a label list shows it. */
    private static final Map<String, Tlp> NODES = Map.ofEntries(
            Map.entry("Accfix Clear Group", Tlp.CLEAR), Map.entry("Accfix Clear Person", Tlp.CLEAR),
            Map.entry("Accfix Clear Unit", Tlp.CLEAR), Map.entry("Accfix Clear MSP", Tlp.CLEAR),
            Map.entry("Accfix Amber-Link Client", Tlp.CLEAR), Map.entry("Accfix Behind-Red Client", Tlp.CLEAR),
            Map.entry("Accfix Green Bureau", Tlp.GREEN), Map.entry("Accfix Green Client", Tlp.GREEN),
            Map.entry("Accfix Amber Ministry", Tlp.AMBER), Map.entry("Accfix Amber Group", Tlp.AMBER),
            Map.entry("Accfix Strict Office", Tlp.AMBER_STRICT), Map.entry("Accfix Red Officer", Tlp.RED),
            Map.entry("Accfix Red Provider", Tlp.RED), Map.entry("Accfix Red Group", Tlp.RED));

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void searchAndLabelListsShowWhatTheClearanceCovers(Who who) {
        String search = read(who, "/api/entities?q=accfix&limit=200");
        assertShownAt(who.clearance(), search, "search", NODES);
        String agencies = read(who, "/api/entities?type=Agency&limit=200");
        assertShownAt(who.clearance(), agencies, "Agency list", Map.of("Accfix Clear Unit", Tlp.CLEAR, "Accfix Green Bureau", Tlp.GREEN,
                "Accfix Amber Ministry", Tlp.AMBER, "Accfix Strict Office", Tlp.AMBER_STRICT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void anEntityShowsOnlyVisibleNeighboursThroughVisibleLinks(Who who) {
        String body = read(who, "/api/entities/" + q(GROUP));
        assertShownAt(who.clearance(), body, "Accfix Clear Group", Map.of("Accfix Clear Person", Tlp.CLEAR, "Accfix Clear MSP", Tlp.CLEAR,
                "Accfix Strict Office", Tlp.AMBER_STRICT, "Accfix Red Officer", Tlp.RED,
                // A clear node linked only by a red relationship.
                "Accfix Clear Unit", Tlp.RED));
        // Degree counts the same neighbours: SPONSORED_BY, ATTRIBUTED_TO person and TARGETS at clear; two more at red.
        long degree = JSON.readTree(body).get("degree").asLong();
        assertThat(degree).isEqualTo(who.clearance() == Tlp.RED ? 6 : who.clearance().ordinal() >= Tlp.AMBER_STRICT.ordinal() ? 4 : 3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void anEntityAboveTheClearanceIsAnsweredAsAnUnknownId(Who who) {
        var marked = raw(who.key(), "/api/entities/" + q(OFFICER));
        if (who.clearance() == Tlp.RED) {
            assertThat(marked.status()).isEqualTo(200);
            assertThat(marked.body()).contains("Accfix Red Officer");
            return;
        }
        String unknown = Ids.of(NodeType.Person, "accfix nobody at all");
        var missing = raw(who.key(), "/api/entities/" + q(unknown));
        assertThat(marked.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(marked.body().replace(OFFICER, "ID")).isEqualTo(missing.body().replace(unknown, "ID"));
        assertThat(marked.body()).doesNotContain("Accfix Red Officer");
        for (String path : List.of("/api/attribution/chains?from=", "/api/organizations/")) {
            String suffix = path.endsWith("/") ? "/exposure" : "";
            assertThat(raw(who.key(), path + q(OFFICER) + suffix).status()).as(path).isEqualTo(404);
        }
        assertThat(raw(who.key(), "/api/graph?view=neighbourhood&id=" + q(OFFICER)).status()).isEqualTo(404);
        String redProvider = id(NodeType.Organization, "Accfix Red Provider");
        assertThat(raw(who.key(), "/api/msps/" + q(redProvider) + "/blast-radius").status()).isEqualTo(404);
    }

    /** The hops of the chains from the group, each at the level from which it shows. */
    private static final Map<String, Tlp> CHAIN_TEXTS = Map.of(
            "Accfix clear report", Tlp.CLEAR, "People's Republic of China", Tlp.CLEAR,
            "Accfix Clear Person", Tlp.GREEN, "Accfix Green Bureau", Tlp.GREEN, "Accfix green report", Tlp.GREEN,
            "Accfix Amber Ministry", Tlp.AMBER, "Accfix amber report", Tlp.AMBER,
            "Accfix Strict Office", Tlp.AMBER_STRICT,
            "Accfix Red Officer", Tlp.RED, "Accfix Clear Unit", Tlp.RED);

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void chainsFollowOnlyVisibleHopsAndCiteOnlyVisibleSources(Who who) {
        String body = read(who, "/api/attribution/chains?from=" + q(GROUP) + "&limit=100");
        assertShownAt(who.clearance(), body, "chains", CHAIN_TEXTS);
        int expected = switch (who.clearance()) {
            case CLEAR -> 1;
            case GREEN -> 2;
            case AMBER -> 3;
            case AMBER_STRICT -> 4;
            case RED -> 6;
        };
        assertThat(JSON.readTree(body).get("chains").size()).isEqualTo(expected);
        String view = read(who, "/api/graph?view=chains&id=" + q(GROUP));
        var withoutSources = new LinkedHashMap<>(CHAIN_TEXTS);
        withoutSources.keySet().removeIf(k -> k.contains("report"));
        assertShownAt(who.clearance(), view, "chains view", withoutSources);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void theBlastRadiusCountsOnlyVisibleClientsThroughVisibleLinks(Who who) {
        Map<String, Tlp> texts = Map.of("Accfix Clear Client", Tlp.CLEAR, "Accfix Green Client", Tlp.GREEN,
                "Accfix Amber-Link Client", Tlp.AMBER, "Accfix Red Provider", Tlp.RED, "Accfix Behind-Red Client", Tlp.RED);
        String body = read(who, "/api/msps/" + q(MSP) + "/blast-radius?depth=3");
        var groups = Map.of("Accfix Clear Group", Tlp.CLEAR, "Accfix Green-Link Group", Tlp.GREEN, "Accfix Red Group", Tlp.RED);
        assertShownAt(who.clearance(), body, "blast radius", texts);
        assertShownAt(who.clearance(), body, "blast radius groups", groups);
        JsonNode radius = JSON.readTree(body);
        int clients = switch (who.clearance()) {
            case CLEAR -> 1;
            case GREEN -> 2;
            case AMBER, AMBER_STRICT -> 3;
            case RED -> 5;
        };
        assertThat(radius.get("clientCount").asLong()).isEqualTo(clients);
        assertThat(radius.at("/byCountry/FR").asLong(0)).isEqualTo(who.clearance().ordinal() >= Tlp.GREEN.ordinal() ? 1 : 0);
        assertThat(radius.at("/bySector/energy").asLong(0)).isEqualTo(who.clearance().ordinal() >= Tlp.AMBER.ordinal() ? 1 : 0);
        assertThat(radius.at("/bySector/healthcare").asLong()).isEqualTo(1);
        assertThat(radius.at("/byHops/2").asLong(0)).isEqualTo(who.clearance() == Tlp.RED ? 1 : 0);

        String view = read(who, "/api/graph?view=blast-radius&id=" + q(MSP) + "&depth=3");
        assertShownAt(who.clearance(), view, "blast-radius view", texts);

        String exposure = read(who, "/api/organizations/" + q(BEHIND_RED_CLIENT) + "/exposure?depth=3");
        assertShownAt(who.clearance(), exposure, "exposure", Map.of("Accfix Clear MSP", Tlp.RED, "Accfix Red Group", Tlp.RED,
                "Accfix Clear Group", Tlp.RED));
        String linked = read(who, "/api/organizations/" + q(AMBER_LINK_CLIENT) + "/exposure?depth=3");
        assertShownAt(who.clearance(), linked, "exposure", Map.of("Accfix Clear MSP", Tlp.AMBER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void theNeighbourhoodViewDrawsOnlyVisiblePaths(Who who) {
        // Two hops from the person: through the group to its neighbours, never through a marked node or link.
        String body = read(who, "/api/graph?view=neighbourhood&id=" + q(PERSON) + "&depth=2");
        assertShownAt(who.clearance(), body, "neighbourhood", Map.of("Accfix Clear Group", Tlp.CLEAR, "Accfix Clear MSP", Tlp.CLEAR,
                "Accfix Green Bureau", Tlp.GREEN, "Accfix Amber Ministry", Tlp.AMBER,
                "Accfix Strict Office", Tlp.AMBER_STRICT, "Accfix Red Officer", Tlp.RED, "Accfix Clear Unit", Tlp.RED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void exportsAreCappedAtTheClearance(Who who) {
        List<String> paths = List.of(
                "/api/export?root=" + q(PERSON) + "&depth=2&format=cytoscape&maxTlp=red",
                "/api/export/chain?from=" + q(GROUP) + "&format=stix&maxTlp=red",
                "/api/export/blast-radius?msp=" + q(MSP) + "&depth=3&format=graphml&maxTlp=red");
        for (String path : paths) {
            var response = raw(who.key(), path);
            if (who.label().equals("reader")) {
                assertThat(response.status()).as(path).isEqualTo(403);
                assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(response.json().get("detail").asString()).contains("reader");
                continue;
            }
            assertThat(response.status()).as(who + " " + path + ": " + response.body()).isEqualTo(200);
            assertNothingAbove(who.clearance(), response.body(), who + " " + path);
            assertThat(response.headers().firstValue("X-TLP").orElseThrow()).isEqualTo(who.clearance().word());
        }
        var neighbourhood = raw(who.key(), paths.get(0));
        if (!who.label().equals("reader")) {
            assertShownAt(who.clearance(), neighbourhood.body(), "neighbourhood export", Map.of("Accfix Clear Group", Tlp.CLEAR,
                    "Accfix clear report", Tlp.CLEAR, "Accfix Green Bureau", Tlp.GREEN, "Accfix Amber Ministry", Tlp.AMBER,
                    "Accfix Strict Office", Tlp.AMBER_STRICT, "Accfix Red Officer", Tlp.RED));
        }
    }

    @Test
    void anonymousExportsOfAMarkedAnchorAreNotFound() {
        var response = raw(null, "/api/export?root=" + q(OFFICER) + "&format=stix&maxTlp=red");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Accfix Red Officer");
    }

    @Test
    void statsCountOnlyWhatTheCallerMaySee() {
        JsonNode admin = raw(ADMIN_KEY, "/api/stats").json();
        JsonNode anonymous = raw(null, "/api/stats").json();
        JsonNode reader = raw(READER_KEY, "/api/stats").json();
        try (var session = driver.session()) {
            long markedPersons = session.run("MATCH (n:Person) WHERE coalesce(n.tlp, 'clear') <> 'clear' RETURN count(n) AS n").single().get("n").asLong();
            long allPersons = session.run("MATCH (n:Person) RETURN count(n) AS n").single().get("n").asLong();
            long aboveGreen = session.run("MATCH (n:Agency) WHERE NOT coalesce(n.tlp, 'clear') IN ['clear', 'green'] RETURN count(n) AS n")
                    .single().get("n").asLong();
            long agencies = session.run("MATCH (n:Agency) RETURN count(n) AS n").single().get("n").asLong();
            long hiddenTargets = session.run("""
                    MATCH (a)-[r:TARGETS]->(b)
                    WHERE NOT (coalesce(r.tlp, 'clear') IN ['clear', 'green'] AND coalesce(a.tlp, 'clear') IN ['clear', 'green']
                               AND coalesce(b.tlp, 'clear') IN ['clear', 'green'])
                    RETURN count(r) AS n""").single().get("n").asLong();
            assertThat(markedPersons).isPositive();
            assertThat(admin.at("/nodes/Person").asLong()).isEqualTo(allPersons);
            assertThat(anonymous.at("/nodes/Person").asLong()).isEqualTo(allPersons - markedPersons);
            assertThat(reader.at("/nodes/Agency").asLong()).isEqualTo(agencies - aboveGreen);
            assertThat(hiddenTargets).isPositive();
            assertThat(reader.at("/relationships/TARGETS").asLong()).isEqualTo(admin.at("/relationships/TARGETS").asLong() - hiddenTargets);
        }
    }
}
