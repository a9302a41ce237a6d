package org.attributiongraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** No Docker engine here: docker-compose.yml is checked by reading it. */
class DockerComposeTests {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsThePinnedImageWithAuthHealthcheckAndVolume() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));

        var neo4j = service(compose, "neo4j");
        assertThat(neo4j.get("image")).isEqualTo(System.getProperty("neo4j.image"));
        var neo4jEnv = (Map<String, Object>) neo4j.get("environment");
        assertThat((String) neo4jEnv.get("NEO4J_AUTH")).startsWith("neo4j/${NEO4J_PASSWORD");
        assertThat(neo4jEnv).containsEntry("NEO4J_dbms_usage__report_enabled", "false")
                .containsEntry("NEO4J_dbms_fleet__manager_enabled", "false")
                .containsEntry("NEO4J_server_fleet__discovery_enabled", "false");
        assertThat(neo4j).containsKey("healthcheck");
        assertThat((List<String>) neo4j.get("volumes")).containsExactly("neo4j-data:/data");
        assertThat((Map<String, Object>) compose.get("volumes")).containsKeys("neo4j-data", "app-data");

        var app = service(compose, "app");
        var appEnv = (Map<String, Object>) app.get("environment");
        assertThat(appEnv).containsEntry("NEO4J_URI", "bolt://neo4j:7687").containsEntry("NEO4J_USERNAME", "neo4j");
        assertThat(((Map<String, Map<String, String>>) app.get("depends_on")).get("neo4j"))
                .containsEntry("condition", "service_healthy");
        assertThat((List<String>) app.get("volumes")).contains("./target/attribution-graph.jar:/app/attribution-graph.jar:ro");
    }
}
