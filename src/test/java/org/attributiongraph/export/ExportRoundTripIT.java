package org.attributiongraph.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.attributiongraph.AttributionGraphApplication;
import org.attributiongraph.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Exports loaded into a second, empty store (its own application on a new data directory, nothing
 * imported at start, caps of 5 nodes and 10 relationships): the STIX bundle of APT10's chains to the
 * People's Republic of China gives back the same chains hop by hop, and the CSV zip loads whole.
 * The last test closes that application and runs the export command on its store.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportRoundTripIT extends ExportIntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Path freshDir;
    private static ConfigurableApplicationContext fresh;
    private static int freshPort;

    @BeforeAll
    static void startEmptyStore() throws IOException {
        freshDir = Files.createTempDirectory("attribution-graph-export");
        var arguments = new ArrayList<>(List.of("--graph.data-dir=" + freshDir, "--server.port=0",
                "--graph.import-on-start=false", "--graph.page-cache=64m", "--export.max-nodes=5", "--export.max-relationships=10"));
        arguments.addAll(keyArguments());
        fresh = new SpringApplicationBuilder(AttributionGraphApplication.class).run(arguments.toArray(String[]::new));
        freshPort = Integer.parseInt(fresh.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stopEmptyStore() {
        if (fresh != null) {
            fresh.close();
        }
    }

    private static JsonNode freshPost(String format, String name, byte[] body) throws Exception {
        var response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + freshPort + "/api/imports?format=" + format))
                .header("Content-Type", "application/octet-stream").header("X-File-Name", name).header("X-API-Key", ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private static JsonNode freshGet(String pathAndQuery) throws Exception {
        var response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + freshPort + pathAndQuery))
                        .header("X-API-Key", ADMIN_KEY).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /**
     * A chain as a comparable line per hop: ends, relation, confidence, sources, and the asserted date
     * where the original has one (a hop whose sources are all undated reads back as asserted at the epoch).
     */
    private static List<String> describe(JsonNode chains, String state, JsonNode original) {
        List<String> described = new ArrayList<>();
        for (int c = 0; c < chains.size(); c++) {
            JsonNode chain = chains.get(c);
            if (!chain.at("/state/id").asString().equals(state)) {
                continue;
            }
            StringBuilder line = new StringBuilder(chain.get("confidence").asString());
            for (JsonNode hop : chain.get("hops")) {
                var sources = new TreeSet<String>();
                hop.get("sources").forEach(s -> sources.add(s.get("id").asString() + "@" + s.path("published").asString("")));
                line.append(" | ").append(hop.at("/from/id").asString()).append(' ').append(hop.get("relation").asString())
                        .append(' ').append(hop.at("/to/id").asString()).append(' ').append(hop.get("confidence").asInt())
                        .append(' ').append(sources);
                if (assertedIn(original, hop)) {
                    line.append(" asserted ").append(hop.get("asserted").asString());
                }
            }
            described.add(line.toString());
        }
        return described.stream().sorted().toList();
    }

    private static boolean assertedIn(JsonNode original, JsonNode hop) {
        for (JsonNode chain : original) {
            for (JsonNode h : chain.get("hops")) {
                if (h.at("/from/id").equals(hop.at("/from/id")) && h.get("relation").equals(hop.get("relation"))
                        && h.at("/to/id").equals(hop.at("/to/id"))) {
                    return h.hasNonNull("asserted") && h.get("sources").toString().contains("\"published\"");
                }
            }
        }
        return false;
    }

    @Test
    @Order(1)
    void stixBundleOfTheApt10ChainsGivesBackTheSameChains() throws Exception {
        String apt10 = idOf("ThreatGroup", "APT10");
        String prc = idOf("Country", "People's Republic of China");
        JsonNode before = get("/api/attribution/chains?from=" + URLEncoder.encode(apt10, StandardCharsets.UTF_8) + "&limit=100").body().get("chains");
        List<String> expected = describe(before, prc, before);
        assertThat(expected).hasSizeGreaterThanOrEqualTo(2);

        var bundle = download("/api/export/chain?from=" + apt10 + "&state=" + prc + "&format=stix&maxTlp=red");
        assertThat(bundle.status()).isEqualTo(200);
        keep("apt10-chains.stix.json", bundle.body());
        assertThat(org.attributiongraph.ingest.StixSchemaCheck.violations(JSON.readTree(bundle.body()))).isEmpty();
        freshPost("stix", "apt10-chains.stix.json", bundle.body());

        JsonNode after = freshGet("/api/attribution/chains?from=" + URLEncoder.encode(apt10, StandardCharsets.UTF_8) + "&limit=100").get("chains");
        assertThat(describe(after, prc, before)).containsExactlyElementsOf(expected);
    }

    @Test
    @Order(2)
    void csvZipLoadsWholeIntoAnEmptyStore() throws Exception {
        loadCase("small.case.json");
        String person = idOf("Person", "Exfix Person");
        var zip = download("/api/export?root=" + person + "&depth=2&format=csv&maxTlp=red");
        var entries = unzip(zip.body());
        long nodes = entries.get("nodes.csv").lines().skip(1).count();
        long relationships = entries.get("relationships.csv").lines().skip(1).count();
        assertThat(nodes).isEqualTo(9);
        assertThat(relationships).isEqualTo(7);
        JsonNode loadedNodes = freshPost("csv-nodes", "nodes.csv", entries.get("nodes.csv").getBytes(StandardCharsets.UTF_8));
        JsonNode loadedRelationships = freshPost("csv-relationships", "relationships.csv",
                entries.get("relationships.csv").getBytes(StandardCharsets.UTF_8));
        assertThat(loadedNodes.at("/nodes/created").asLong() + loadedNodes.at("/nodes/updated").asLong()).isEqualTo(nodes);
        assertThat(loadedRelationships.at("/relationships/created").asLong()).isEqualTo(relationships);
        // What came back is what went out: the neighbourhood exported again from the second store is the same file.
        String again = new String(download(URI.create("http://127.0.0.1:" + freshPort + "/api/export?root=" + person
                + "&depth=1&format=cytoscape&maxTlp=red")).body(), StandardCharsets.UTF_8);
        String original = download("/api/export?root=" + person + "&depth=1&format=cytoscape&maxTlp=red").text();
        assertThat(again).isEqualTo(original);
    }

    @Test
    @Order(3)
    void anExportOverTheCapsIsRefusedNamingItsSizeAndTheCaps() throws Exception {
        freshPost("case", "small.case.json", Fixtures.fixture("export/small.case.json"));
        String person = idOf("Person", "Exfix Person");
        var response = download(URI.create("http://127.0.0.1:" + freshPort + "/api/export?root=" + person + "&depth=2&format=stix"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("detail").asString())
                .startsWith("The export would hold 7 relationships and 8 nodes; the caps are 5 nodes and 10 relationships");
    }

    @Test
    @Order(4)
    void theExportCommandWritesWhatTheEndpointServes() throws Exception {
        freshPost("case", "small.case.json", Fixtures.fixture("export/small.case.json"));
        String person = idOf("Person", "Exfix Person");
        fresh.close();
        fresh = null;
        Path out = freshDir.resolve("neighbourhood.cyjs");
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        int status = ExportCommand.run(List.of("--format", "cytoscape", "--root", person, "--depth", "2", "--max-tlp", "green",
                        "--out", out.toString(), "--graph.data-dir=" + freshDir, "--graph.import-on-start=false", "--graph.page-cache=64m"),
                () -> new SpringApplicationBuilder(AttributionGraphApplication.class).web(WebApplicationType.NONE)
                        .run("--graph.data-dir=" + freshDir, "--graph.import-on-start=false", "--graph.page-cache=64m"),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertThat(status).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("9 nodes, 7 relationships").contains("TLP:GREEN");
        assertThat(Files.readString(out)).isEqualTo(new String(Fixtures.fixture("export/expected/neighbourhood-green.cyjs"), StandardCharsets.UTF_8));

        assertThat(ExportCommand.run(List.of("--format", "stix", "--out", out.toString()), () -> {
            throw new AssertionError("no database for a usage error");
        }, new PrintStream(stdout), new PrintStream(stderr))).isEqualTo(2);
    }
}
