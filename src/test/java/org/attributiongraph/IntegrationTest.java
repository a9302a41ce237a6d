package org.attributiongraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.attributiongraph.security.ApiKeys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the integration suites: the whole application on a real in-process Neo4j (the same
 * embedded store and Bolt path as production), with the bundled case files loaded, reached over
 * real HTTP. All subclasses share one application context and one store. Requests carry the admin
 * test key unless a suite sends another key or none ({@link #getAs}, {@link #exchange}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    protected static final Path DATA_DIR = tempDir();
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** Fixed test keys (role, clearance); the helpers below send {@link #ADMIN_KEY} unless told otherwise. */
    public static final String ADMIN_KEY = "it-admin-key-red";
    protected static final String ANALYST_KEY = "it-analyst-key-amber";
    protected static final String READER_KEY = "it-reader-key-green";
    private static final String[][] KEYS = {
            {"it-admin", ADMIN_KEY, "admin", "red"},
            {"it-analyst", ANALYST_KEY, "analyst", "amber"},
            {"it-reader", READER_KEY, "reader", "green"}};

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void graphProperties(DynamicPropertyRegistry registry) {
        registry.add("graph.data-dir", DATA_DIR::toString);
        registry.add("graph.page-cache", () -> "64m");
        for (int i = 0; i < KEYS.length; i++) {
            String[] key = KEYS[i];
            String at = "graph.security.keys[" + i + "].";
            registry.add(at + "name", () -> key[0]);
            registry.add(at + "sha256", () -> ApiKeys.sha256Hex(key[1]));
            registry.add(at + "role", () -> key[2]);
            registry.add(at + "clearance", () -> key[3]);
        }
    }

    /** The same test keys as {@code --property=value} arguments, for suites that start an application of their own. */
    public static List<String> keyArguments() {
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < KEYS.length; i++) {
            String at = "--graph.security.keys[" + i + "].";
            arguments.add(at + "name=" + KEYS[i][0]);
            arguments.add(at + "sha256=" + ApiKeys.sha256Hex(KEYS[i][1]));
            arguments.add(at + "role=" + KEYS[i][2]);
            arguments.add(at + "clearance=" + KEYS[i][3]);
        }
        return arguments;
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

    /** Sends the request with the admin key when it carries no key of its own. */
    protected Response send(HttpRequest request) {
        if (request.headers().firstValue("X-API-Key").isEmpty() && request.headers().firstValue("Authorization").isEmpty()) {
            request = HttpRequest.newBuilder(request, (name, value) -> true).header("X-API-Key", ADMIN_KEY).build();
        }
        return exchange(request);
    }

    /** A GET with this key, or anonymous when {@code key} is null. */
    protected Response getAs(String key, String pathAndQuery) {
        var request = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return exchange(request.build());
    }

    /** The request exactly as given: no key is added. */
    protected Response exchange(HttpRequest request) {
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
