package org.attributiongraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the integration suites: the whole application on a real in-process Neo4j (the same
 * embedded store and Bolt path as production), with the bundled case files loaded, reached over
 * real HTTP. All subclasses share one application context and one store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    protected static final Path DATA_DIR = tempDir();
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void graphProperties(DynamicPropertyRegistry registry) {
        registry.add("graph.data-dir", DATA_DIR::toString);
        registry.add("graph.page-cache", () -> "64m");
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("attribution-graph-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected record Response(int status, String contentType, JsonNode body) {
    }

    protected Response get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
    }

    protected Response post(String pathAndQuery, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    protected Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = response.body().length == 0 ? JSON.missingNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    /** The id of the single entity of this type that the search finds; fails if there is not exactly one. */
    protected String idOf(String type, String name) {
        var found = get("/api/entities?type=" + type + "&q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)).body().get("items");
        var exact = new java.util.ArrayList<String>();
        for (JsonNode item : found) {
            if (item.get("name").asString().equals(name)) {
                exact.add(item.get("id").asString());
            }
        }
        if (exact.size() != 1) {
            throw new AssertionError("Expected one " + type + " named " + name + ", found " + found);
        }
        return exact.getFirst();
    }

    protected JsonNode stats() {
        return get("/api/stats").body();
    }
}
