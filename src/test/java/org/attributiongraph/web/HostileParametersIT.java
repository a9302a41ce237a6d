package org.attributiongraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.attributiongraph.GraphFingerprint;
import org.attributiongraph.IntegrationTest;
import org.attributiongraph.graph.Graph;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint, every parameter, a table of hostile values: Cypher fragments, quotes and backticks,
 * NUL and control characters, a 100,000-character string, non-numbers and numbers out of range, bad
 * dates, bad words, repeated parameters and bad path segments. Each answer must be a 4xx problem
 * document with a detail and no stack trace (404 only where the value is an id), never a 5xx, and the
 * store must hold exactly what it held before.
 */
class HostileParametersIT extends IntegrationTest {

    /** Values no parameter of any kind may accept. */
    static final List<String> HOSTILE = List.of(
            "') MATCH (n) DETACH DELETE n //",
            "} RETURN 1 //",
            "\" OR 1=1 --",
            "x' OR '1'='1",
            "`",
            "`) MATCH (n) DETACH DELETE n //",
            "$id",
            "\u0000",
            "abc\u0000def",
            "\u0001\u001b[31m\r\nX-Injected: 1",
            "A".repeat(100_000),
            "${jndi:ldap://127.0.0.1/a}",
            "../../../../etc/passwd",
            "\u202e\uD835\uDD38\uD83D\uDE00",
            "%00",
            "<script>alert(1)</script>");
    static final List<String> NOT_NUMBERS = List.of("abc", "1e99", "NaN", "Infinity", "1.5", "0x10", "99999999999999999999",
            "2147483648", "-2147483649", " ", "1;2", "--1", "#10", "1_000", "٣");
    static final List<String> BAD_DATES = List.of("2026-13-45", "yesterday", "2026-02-30", "20260101", "2026-1-1", "-1",
            "2026-01-01T00:00:00Z");

    enum Kind {
        /** An entity or run id: an unknown one answers 404, a malformed one 400. */
        ID,
        /** A whole number with a range. */
        NUMBER,
        DATE,
        /** One word of a fixed set. */
        WORD,
        /** Free search text: hostile text is only text, answered 200 with what matches, or 400 when it is unusable. */
        TEXT
    }

    record Param(String name, Kind kind, List<String> outOfRange) {
        static Param id(String name) {
            return new Param(name, Kind.ID, List.of());
        }

        static Param number(String name, String... outOfRange) {
            return new Param(name, Kind.NUMBER, List.of(outOfRange));
        }

        static Param date(String name) {
            return new Param(name, Kind.DATE, List.of());
        }

        static Param word(String name, String... bad) {
            return new Param(name, Kind.WORD, List.of(bad));
        }

        static Param text(String name) {
            return new Param(name, Kind.TEXT, List.of());
        }
    }

    /** A GET endpoint with valid values for its parameters; {id} in the path is one of them. */
    record Endpoint(String path, Map<String, String> valid, List<Param> params) {
    }

    record Outcome(String request, int status, String contentType, JsonNode body, boolean tooLong) {
    }

    /** Tomcat's limit on the request line and headers (server.max-http-request-header-size). */
    static final int MAX_REQUEST_LINE = 8 * 1024;

    private static int inputsTried;
    private static int serverErrors;
    private static int graphChanges;

    @Autowired
    Graph graph;

    private String apt10;
    private String prc;
    private String msp;

    @BeforeEach
    void anchors() {
        apt10 = idOf("ThreatGroup", "APT10");
        prc = idOf("Country", "People's Republic of China");
        msp = get("/api/entities?type=MSP&limit=1").body().get("items").get(0).get("id").asString();
    }

    @AfterAll
    static void figures() {
        System.out.printf("HostileParametersIT: %d hostile inputs tried, %d answered 5xx, %d changed the graph%n",
                inputsTried, serverErrors, graphChanges);
    }

    private List<Endpoint> endpoints() {
        Param maxHops = Param.number("maxHops", "0", "9", "-1");
        Param minConfidence = Param.number("minConfidence", "-1", "101");
        Param format = Param.word("format", "STIX;graphml", "xml", "stix2", "csv.zip");
        Param maxTlp = Param.word("maxTlp", "white", "amber strict strict", "TLP:REDDER", "0");
        return List.of(
                new Endpoint("/api/entities", map("q", "APT10", "type", "ThreatGroup", "limit", "5"),
                        List.of(Param.text("q"), Param.word("type", "Entity", "ImportRun", "threat group", "Thing"),
                                Param.number("limit", "0", "201", "-5"))),
                new Endpoint("/api/entities/{id}", map("id", apt10), List.of(Param.id("id"))),
                new Endpoint("/api/attribution/chains", map("from", apt10, "maxHops", "4", "minConfidence", "10",
                        "asOf", "2020-01-01", "limit", "3"),
                        List.of(Param.id("from"), maxHops, minConfidence, Param.date("asOf"), Param.number("limit", "0", "101"))),
                new Endpoint("/api/msps/{id}/blast-radius", map("id", msp, "depth", "2", "offset", "0", "limit", "10"),
                        List.of(Param.id("id"), Param.number("depth", "0", "5"), Param.number("offset", "-1"),
                                Param.number("limit", "0", "1001"))),
                new Endpoint("/api/organizations/{id}/exposure", map("id", msp, "depth", "2"),
                        List.of(Param.id("id"), Param.number("depth", "0", "5"))),
                new Endpoint("/api/graph", map("view", "chains", "id", apt10, "maxHops", "4", "minConfidence", "0", "asOf", "2020-01-01"),
                        List.of(Param.word("view", "Chains", "blast_radius", "all", ""), Param.id("id"), maxHops, minConfidence,
                                Param.date("asOf"))),
                new Endpoint("/api/graph", map("view", "neighbourhood", "id", apt10, "depth", "1"),
                        List.of(Param.number("depth", "0", "3"))),
                new Endpoint("/api/graph", map("view", "blast-radius", "id", msp, "depth", "1"),
                        List.of(Param.id("id"), Param.number("depth", "0", "5"))),
                new Endpoint("/api/export", map("root", apt10, "depth", "1", "format", "cytoscape", "maxTlp", "green"),
                        List.of(Param.id("root"), Param.number("depth", "0", "4"), format, maxTlp)),
                new Endpoint("/api/export/chain", map("from", apt10, "state", prc, "maxHops", "6", "format", "stix", "maxTlp", "clear"),
                        List.of(Param.id("from"), Param.id("state"), maxHops, format, maxTlp)),
                new Endpoint("/api/export/blast-radius", map("msp", msp, "depth", "1", "format", "cytoscape", "maxTlp", "amber"),
                        List.of(Param.id("msp"), Param.number("depth", "0", "5"), format, maxTlp)),
                new Endpoint("/api/imports/{id}", map("id", "import-run--00000000-0000-0000-0000-000000000000"),
                        List.of(Param.id("id"))));
    }

    @Test
    void everyParameterOfEveryEndpointRefusesHostileValues() {
        var before = GraphFingerprint.of(graph);
        var soft = new SoftAssertions();
        for (Endpoint endpoint : endpoints()) {
            assertThat(call(endpoint, endpoint.valid()).status()).as("baseline " + endpoint.path() + " " + endpoint.valid())
                    .isEqualTo(endpoint.path().startsWith("/api/imports/") ? 404 : 200);
            for (Param param : endpoint.params()) {
                for (String value : valuesFor(param)) {
                    var values = new LinkedHashMap<>(endpoint.valid());
                    values.put(param.name(), value);
                    check(soft, param, call(endpoint, values));
                }
            }
        }
        assertUnchanged(before);
        soft.assertAll();
    }

    @Test
    void aParameterGivenTwiceIsRefusedNamingIt() {
        var before = GraphFingerprint.of(graph);
        var soft = new SoftAssertions();
        for (Endpoint endpoint : endpoints()) {
            for (Param param : endpoint.params()) {
                if (param.name().equals("id") && endpoint.path().contains("{id}")) {
                    continue;
                }
                String path = endpoint.path().replace("{id}", encode(endpoint.valid().getOrDefault("id", "")));
                String query = endpoint.valid().entrySet().stream().filter(e -> !e.getKey().equals("id") || !endpoint.path().contains("{id}"))
                        .map(e -> e.getKey() + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
                String second = param.kind() == Kind.NUMBER ? "1" : endpoint.valid().getOrDefault(param.name(), "x");
                var outcome = outcome(path + "?" + query + "&" + param.name() + "=" + encode(second));
                checkProblem(soft, outcome, 400);
                soft.assertThat(outcome.body().path("detail").asString()).as(outcome.request()).contains(param.name());
            }
        }
        assertUnchanged(before);
        soft.assertAll();
    }

    @Test
    void missingAndBlankRequiredParametersAreRefused() {
        var soft = new SoftAssertions();
        for (String request : List.of("/api/attribution/chains", "/api/attribution/chains?from=", "/api/attribution/chains?from=%20",
                "/api/graph?id=" + encode(apt10), "/api/graph?view=chains", "/api/export", "/api/export?root=",
                "/api/export/chain?state=" + encode(prc), "/api/export/blast-radius", "/api/entities", "/api/entities?q=%20",
                "/api/entities?q=%27%22%60", "/api/imports/", "/api/msps//blast-radius")) {
            checkProblem(soft, outcome(request), -1);
        }
        soft.assertAll();
    }

    @Test
    void badPathSegmentsAreProblemsToo() {
        var before = GraphFingerprint.of(graph);
        var soft = new SoftAssertions();
        for (String path : List.of("/api/entities/%00", "/api/entities/a%00b", "/api/entities/%27%29%20MATCH%20(n)%20DETACH%20DELETE%20n%20%2F%2F",
                "/api/entities/%60", "/api/entities/%22", "/api/entities/a;b=c", "/api/entities/" + "B".repeat(4000),
                "/api/entities/%E2%80%AE%F0%9F%98%80", "/api/entities/%FF%FE", "/api/msps/%7D%20RETURN%201%20%2F%2F/blast-radius",
                "/api/organizations/%0D%0AX-Injected:%201/exposure", "/api/imports/%24run", "/api/no-such-endpoint",
                "/api/entities/x/y", "/api/attribution/chains/extra")) {
            checkProblem(soft, outcome(path), -1);
        }
        assertUnchanged(before);
        soft.assertAll();
    }

    /** Parameters these endpoints do not read are ignored, whatever they hold; the answer is the ordinary one. */
    @Test
    void statsAndHealthIgnoreParametersTheyDoNotRead() {
        var before = GraphFingerprint.of(graph);
        var stats = get("/api/stats").body();
        for (String value : HOSTILE.subList(0, 10)) {
            inputsTried += 2;
            var answer = get("/api/stats?labels=" + encode(value));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(stats);
            var health = get("/actuator/health?probe=" + encode(value));
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body().path("status").asString()).isEqualTo("UP");
        }
        assertUnchanged(before);
    }

    private List<String> valuesFor(Param param) {
        List<String> values = new ArrayList<>(param.outOfRange());
        switch (param.kind()) {
            case NUMBER -> values.addAll(NOT_NUMBERS);
            case DATE -> values.addAll(BAD_DATES);
            default -> {
            }
        }
        values.addAll(HOSTILE);
        return values;
    }

    private void check(SoftAssertions soft, Param param, Outcome outcome) {
        if (param.kind() == Kind.TEXT && outcome.status() == 200) {
            soft.assertThat(outcome.body().path("items").isArray()).as(outcome.request()).isTrue();
            return;
        }
        checkProblem(soft, outcome, param.kind() == Kind.ID ? -1 : 400);
        if (outcome.tooLong()) {
            // Over Tomcat's 8 KB request line the request never reaches the application: a problem all the same.
            soft.assertThat(outcome.body().path("detail").asString()).as(outcome.request()).contains("too large");
        } else if (param.kind() != Kind.ID) {
            soft.assertThat(outcome.body().path("detail").asString()).as("detail of " + outcome.request()).contains(param.name());
        }
    }

    /** A 4xx problem document with a detail and nothing of the server's insides; {@code expected} -1: any 4xx. */
    private void checkProblem(SoftAssertions soft, Outcome outcome, int expected) {
        if (outcome.status() >= 500) {
            serverErrors++;
        }
        String what = outcome.request();
        if (expected > 0) {
            soft.assertThat(outcome.status()).as(what).isEqualTo(expected);
        } else {
            soft.assertThat(outcome.status()).as(what).isBetween(400, 499);
        }
        soft.assertThat(outcome.contentType()).as(what).startsWith("application/problem+json");
        soft.assertThat(outcome.body().path("detail").asString()).as(what).isNotBlank();
        soft.assertThat(outcome.body().path("status").asInt()).as(what).isEqualTo(outcome.status());
        String text = outcome.body().toString();
        soft.assertThat(text).as(what).doesNotContain("Exception", "\tat ", "org.neo4j", "org.springframework", "Neo.ClientError");
    }

    private Outcome call(Endpoint endpoint, Map<String, String> values) {
        String path = endpoint.path();
        List<String> query = new ArrayList<>();
        for (var e : values.entrySet()) {
            if (path.contains("{" + e.getKey() + "}")) {
                String segment = encode(e.getValue());
                path = path.replace("{" + e.getKey() + "}", segment.isEmpty() ? "%20" : segment);
            } else {
                query.add(e.getKey() + "=" + encode(e.getValue()));
            }
        }
        return outcome(path + (query.isEmpty() ? "" : "?" + String.join("&", query)));
    }

    private Outcome outcome(String request) {
        inputsTried++;
        var response = send(HttpRequest.newBuilder(uri(request)).GET().build());
        String shown = request.length() > 200 ? request.substring(0, 200) + "..." : request;
        return new Outcome(shown, response.status(), response.contentType(), response.body(), request.length() > MAX_REQUEST_LINE);
    }

    private void assertUnchanged(GraphFingerprint before) {
        var after = GraphFingerprint.of(graph);
        if (!after.equals(before)) {
            graphChanges++;
        }
        assertThat(after).isEqualTo(before);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, String> map(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
