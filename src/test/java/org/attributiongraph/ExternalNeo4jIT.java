package org.attributiongraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The application against the official Neo4j image instead of the embedded store: same code path,
 * only the URI differs. Skipped where no Docker engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
class ExternalNeo4jIT {

    private static final String PASSWORD = "attribution-graph-test";

    @Container
    static final Neo4jContainer NEO4J = new Neo4jContainer(System.getProperty("neo4j.image", "neo4j:2026.08.1-community"))
            .withAdminPassword(PASSWORD)
            .withNeo4jConfig("dbms.usage_report.enabled", "false")
            .withNeo4jConfig("dbms.fleet_manager.enabled", "false")
            .withNeo4jConfig("server.fleet_discovery.enabled", "false");

    @Test
    void importsTheBundledDataAndAnswersChainsOverBolt() throws Exception {
        String[] args = {"--graph.uri=" + NEO4J.getBoltUrl(), "--graph.username=neo4j", "--graph.password=" + PASSWORD,
                "--graph.data-dir=" + Files.createTempDirectory("attribution-graph-external"), "--server.port=0"};
        try (var context = new SpringApplicationBuilder(AttributionGraphApplication.class).run(args)) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            var client = HttpClient.newHttpClient();
            String health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/neo4j")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(health).contains("\"mode\":\"external\"").contains("UP");
            String search = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/entities?type=ThreatGroup&q=menuPass")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String id = search.replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
            String chains = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/attribution/chains?from=" + id)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(chains).contains("Tianjin State Security Bureau").contains("People's Republic of China");
        }
    }
}
