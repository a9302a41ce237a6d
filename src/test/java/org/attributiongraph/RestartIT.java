package org.attributiongraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.attributiongraph.graph.GraphProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/** Two starts on the same data directory: the second loads nothing new and the counts stay put. */
class RestartIT {

    private static String stats(ConfigurableApplicationContext context) throws Exception {
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/api/stats")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return JsonMapper.builder().build().readTree(response.body()).toString();
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(AttributionGraphApplication.class)
                .run("--graph.data-dir=" + dataDir, "--server.port=0", "--graph.page-cache=64m");
    }

    @Test
    void restartOnTheSameStoreChangesNothing() throws Exception {
        Path dataDir = Files.createTempDirectory("attribution-graph-restart");
        String first;
        try (var context = start(dataDir)) {
            assertThat(context.getBean(GraphProperties.class).embedded()).isTrue();
            first = stats(context);
        }
        assertThat(first).contains("\"ThreatGroup\"");
        try (var context = start(dataDir)) {
            assertThat(stats(context)).isEqualTo(first);
        }
        // The store was shut down cleanly both times: Neo4j logged a shutdown checkpoint and no recovery.
        String debugLog = Files.readString(dataDir.resolve("neo4j/logs/debug.log"));
        assertThat(debugLog).contains("Checkpoint triggered by \\\"Database shutdown\\\"");
        assertThat(debugLog).doesNotContainIgnoringCase("recovery required").doesNotContainIgnoringCase("recovery completed");
    }
}
