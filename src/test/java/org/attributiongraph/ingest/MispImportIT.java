package org.attributiongraph.ingest;

import static org.attributiongraph.Fixtures.sharedData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.attributiongraph.Fixtures.fixture;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.attributiongraph.IntegrationTest;
import org.attributiongraph.graph.GraphModel.NodeType;
import org.attributiongraph.graph.Ids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** MISP galaxy clusters posted to the running application: the real threat-actor cluster, re-imports, refusals. */
class MispImportIT extends IntegrationTest {

    private Response postMisp(String name, byte[] content) {
        return send(HttpRequest.newBuilder(uri("/api/imports?format=misp"))
                .header("Content-Type", "application/json").header("X-File-Name", name)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build());
    }

    @Test
    void theThreatActorClusterMergesWithTheCuratedGroupsAndImportsOnce() throws IOException {
        Path file = sharedData("misp-galaxy/clusters/threat-actor.json");
        byte[] content = Files.readAllBytes(file);
        String curatedApt10 = idOf("ThreatGroup", "APT10");

        long started = System.nanoTime();
        var first = postMisp("threat-actor.json", content);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(first.status()).isEqualTo(201);
        System.out.printf("MISP threat-actor import: %d ms; nodes created %d, updated %d; relationships created %d, updated %d%n",
                millis, first.body().at("/nodes/created").asLong(), first.body().at("/nodes/updated").asLong(),
                first.body().at("/relationships/created").asLong(), first.body().at("/relationships/updated").asLong());
        // Other suites share this store and may have imported the cluster already: count what it wrote.
        assertThat(first.body().at("/nodes/created").asLong() + first.body().at("/nodes/updated").asLong()).isGreaterThan(1000);
        assertThat(first.body().at("/relationships/created").asLong() + first.body().at("/relationships/updated").asLong())
                .isGreaterThan(1000);
        assertThat(first.body().get("warnings").toString()).contains("victims named by region were skipped");
        JsonNode after = stats();
        assertThat(after.at("/nodes/ThreatGroup").asLong()).isGreaterThan(1000);

        // The MISP APT10 is the curated APT10: same id, one group, the galaxy's names and ids added to it.
        assertThat(idOf("ThreatGroup", "APT10")).isEqualTo(curatedApt10).isEqualTo(Ids.of(NodeType.ThreatGroup, "apt10"));
        var apt10 = get("/api/entities/" + curatedApt10).body();
        assertThat(apt10.at("/properties/external_ids").toString())
                .contains("mitre-attack:G0045", "misp:56b37b05-72e7-4a89-ba8a-61ce45269a8c",
                        "stix:intrusion-set--222fbd21-fc4f-4b7e-9f85-0e6e3a76c33f");
        assertThat(apt10.at("/properties/aliases").toString()).contains("Stone Panda", "STONE PANDA", "Menupass Team");
        List<String> sponsors = new ArrayList<>();
        apt10.get("neighbours").forEach(n -> {
            if (n.get("relation").asString().equals("SPONSORED_BY")) {
                sponsors.add(n.at("/node/name").asString());
            }
        });
        // The country keeps the name the curated cases give it.
        assertThat(sponsors).contains("Ministry of State Security", "People's Republic of China");
        var chains = get("/api/attribution/chains?from=" + URLEncoder.encode(curatedApt10, StandardCharsets.UTF_8)).body().get("chains");
        assertThat(chains).allSatisfy(c -> assertThat(c.at("/state/name").asString()).isEqualTo("People's Republic of China"));

        var second = postMisp("threat-actor.json", content);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body().at("/nodes/created").asLong()).isZero();
        assertThat(second.body().at("/relationships/created").asLong()).isZero();
        assertThat(stats()).isEqualTo(after);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad-json.json", "bad-cluster-type.json", "bad-values.json", "bad-country.json"})
    void badClustersAreRefusedWholeWithTheirLines(String name) {
        JsonNode before = stats();
        var response = postMisp(name, fixture("misp/" + name));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("detail").asString()).startsWith(name + ": ");
        JsonNode problems = response.body().get("problems");
        assertThat(problems.isArray() && !problems.isEmpty()).isTrue();
        for (JsonNode problem : problems) {
            assertThat(problem.get("file").asString()).isEqualTo(name);
            assertThat(problem.get("line").asInt()).isPositive();
            assertThat(problem.get("message").asString()).isNotBlank();
        }
        if (name.equals("bad-values.json")) {
            assertThat(problems.size()).isEqualTo(6);
        }
        assertThat(stats()).isEqualTo(before);
    }
}
