package org.attributiongraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.attributiongraph.AttributionGraphApplication;
import org.attributiongraph.Fixtures;
import org.attributiongraph.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application against an external Neo4j that goes away and comes back: a real server in a JVM
 * of its own (no Docker needed), killed with SIGKILL and started again on the same port and store.
 * While it is down every request answers 503 within a bounded time and health says DOWN; once it is
 * back the same application answers as before, without a restart.
 */
class DatabaseOutageIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Long enough for a cold chain query on a busy 2-core machine. */
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(30);
    /** While the database is down a request may take the driver's retries plus this margin, and no more. */
    private static final Duration BOUND = Duration.ofMillis(Neo4jConfiguration.MAX_RETRY_MILLIS).plusSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String base;

    private record Answer(int status, String contentType, String body, Duration took) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        long started = System.nanoTime();
        // The client's own limit only guards the build against a hung request; the assertions use the measured time.
        var response = client.send(request.header("X-API-Key", IntegrationTest.ADMIN_KEY).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private Answer get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private Answer importCase(byte[] content) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/imports?format=case"))
                .header("Content-Type", "application/json").header("X-File-Name", "outage-mini.case.json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
    }

    private String idOf(String type, String name) throws Exception {
        var items = get("/api/entities?type=" + type + "&q=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).json().get("items");
        for (JsonNode item : items) {
            if (item.get("name").asString().equals(name)) {
                return item.get("id").asString();
            }
        }
        throw new AssertionError("no " + type + " named " + name + " in " + items);
    }

    @Test
    void answers503WhileTheDatabaseIsDownAndRecoversWithoutRestart() throws Exception {
        Path home = Files.createTempDirectory("attribution-graph-outage");
        Path store = home.resolve("neo4j");
        int port = Neo4jServerProcess.freePort();
        Process neo4j = Neo4jServerProcess.start(store, port);
        List<String> arguments = new ArrayList<>(List.of(
                "--graph.uri=bolt://127.0.0.1:" + port, "--graph.password=unused-auth-is-off",
                "--graph.data-dir=" + home.resolve("app"), "--graph.query-timeout=" + QUERY_TIMEOUT.toSeconds() + "s",
                "--server.port=0"));
        arguments.addAll(IntegrationTest.keyArguments());
        try (var app = new SpringApplicationBuilder(AttributionGraphApplication.class).run(arguments.toArray(String[]::new))) {
            base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            byte[] mini = Fixtures.caseFile("mini.case.json");
            var imported = importCase(mini);
            assertThat(imported.status()).as(imported.body()).isEqualTo(201);
            assertThat(imported.json().at("/nodes/created").asLong()).isEqualTo(7);

            String apt10 = idOf("ThreatGroup", "APT10");
            String hpe = idOf("Organization", "Hewlett Packard Enterprise");
            String testGroup = idOf("ThreatGroup", "Test Group");
            Map<String, String> reads = new LinkedHashMap<>();
            reads.put("/api/attribution/chains?from=" + apt10, "Tianjin State Security Bureau");
            reads.put("/api/attribution/chains?from=" + testGroup, "Testland");
            reads.put("/api/msps/" + hpe + "/blast-radius?depth=2&limit=1000", "Ericsson");
            reads.put("/api/entities?q=menuPass", "APT10");
            reads.put("/api/export/chain?from=" + apt10 + "&format=cytoscape", "Ministry of State Security");
            Map<String, String> before = new LinkedHashMap<>();
            for (var read : reads.entrySet()) {
                var answer = get(read.getKey());
                assertThat(answer.status()).as(read.getKey() + ": " + answer.body()).isEqualTo(200);
                assertThat(answer.body()).as(read.getKey()).contains(read.getValue());
                before.put(read.getKey(), answer.body());
            }
            var up = get("/actuator/health");
            assertThat(up.status()).isEqualTo(200);
            assertThat(up.json().at("/components/neo4j/details/mode").asString()).isEqualTo("external");

            neo4j.destroyForcibly();
            assertThat(neo4j.waitFor(30, TimeUnit.SECONDS)).isTrue();

            // All at once: none of them may hang, and each must fail on its own within the bound.
            Map<String, Future<Answer>> during = new LinkedHashMap<>();
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (String path : reads.keySet()) {
                    during.put(path, threads.submit(() -> get(path)));
                }
                during.put("import", threads.submit(() -> importCase(mini)));
            }
            for (var answer : during.entrySet()) {
                assertUnavailable(answer.getKey(), answer.getValue().get());
            }
            var down = get("/actuator/health");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.took()).isLessThan(BOUND);
            assertThat(down.json().get("status").asString()).isEqualTo("DOWN");
            assertThat(down.json().at("/components/neo4j/status").asString()).isEqualTo("DOWN");

            // The same store and port; Neo4j recovers the store from its transaction log.
            neo4j = Neo4jServerProcess.start(store, port);
            Answer health = get("/actuator/health");
            for (int i = 0; i < 30 && health.status() != 200; i++) {
                Thread.sleep(1000);
                health = get("/actuator/health");
            }
            assertThat(health.status()).as(health.body()).isEqualTo(200);
            assertThat(health.json().get("status").asString()).isEqualTo("UP");
            for (var read : before.entrySet()) {
                var answer = get(read.getKey());
                assertThat(answer.status()).as(read.getKey() + ": " + answer.body()).isEqualTo(200);
                assertThat(answer.body()).as(read.getKey()).isEqualTo(read.getValue());
            }
            var again = importCase(mini);
            assertThat(again.status()).as(again.body()).isEqualTo(201);
            assertThat(again.json().at("/nodes/created").asLong()).isZero();
            assertThat(again.json().at("/nodes/updated").asLong()).isEqualTo(7);
        } finally {
            neo4j.destroy();
            neo4j.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private void assertUnavailable(String what, Answer answer) {
        assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(503);
        assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
        assertThat(answer.json().get("title").asString()).as(what).isEqualTo("Graph database unavailable");
        assertThat(answer.json().get("status").asInt()).as(what).isEqualTo(503);
        assertThat(answer.took()).as(what + " took " + answer.took()).isLessThan(BOUND);
    }
}
