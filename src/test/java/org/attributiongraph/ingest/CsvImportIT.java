package org.attributiongraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.attributiongraph.Fixtures.fixture;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import org.attributiongraph.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The CSV formats posted to the running application: an MSP client list, nodes and relationships, refusals. */
class CsvImportIT extends IntegrationTest {

    private Response postCsv(String format, String name) {
        return send(HttpRequest.newBuilder(uri("/api/imports?format=" + format))
                .header("Content-Type", "text/csv").header("X-File-Name", name)
                .POST(HttpRequest.BodyPublishers.ofByteArray(fixture("csv/" + name))).build());
    }

    private static long count(JsonNode stats, String pointer) {
        return stats.at(pointer).asLong(0);
    }

    @Test
    void anMspClientListAddsProvidersClientsAndTheirPlaces() {
        JsonNode before = stats();
        var first = postCsv("msp-clients", "msp-clients.csv");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().at("/relationships/created").asLong()).isEqualTo(13);
        JsonNode after = stats();
        // The countries and sectors are the curated ones: only the organizations and the two lists are new.
        assertThat(count(after, "/nodes/Organization") - count(before, "/nodes/Organization")).isEqualTo(5);
        assertThat(count(after, "/nodes/MSP") - count(before, "/nodes/MSP")).isEqualTo(2);
        assertThat(count(after, "/nodes/Country")).isEqualTo(count(before, "/nodes/Country"));
        assertThat(count(after, "/nodes/Sector")).isEqualTo(count(before, "/nodes/Sector"));
        assertThat(count(after, "/relationships/SERVES") - count(before, "/relationships/SERVES")).isEqualTo(5);
        assertThat(count(after, "/relationships/LOCATED_IN") - count(before, "/relationships/LOCATED_IN")).isEqualTo(4);
        assertThat(count(after, "/relationships/IN_SECTOR") - count(before, "/relationships/IN_SECTOR")).isEqualTo(4);

        List<String> msps = new ArrayList<>();
        get("/api/entities?type=MSP&limit=100").body().get("items").forEach(i -> msps.add(i.get("name").asString()));
        assertThat(msps).contains("Northwind Managed IT", "Tailspin Hosting").doesNotContain("Contoso Bank");

        var second = postCsv("msp-clients", "msp-clients.csv");
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body().at("/nodes/created").asLong()).isZero();
        assertThat(second.body().at("/relationships/created").asLong()).isZero();
        assertThat(stats()).isEqualTo(after);
    }

    @Test
    void nodesThenRelationshipsBetweenThem() {
        assertThat(postCsv("csv-nodes", "nodes.csv").status()).isEqualTo(201);
        var relationships = postCsv("csv-relationships", "relationships.csv");
        assertThat(relationships.status()).isEqualTo(201);

        String panda = idOf("ThreatGroup", "Test Panda");
        assertThat(panda).isEqualTo("intrusion-set--8d3d7d2e-3f6a-4c59-a1a3-9c1b8a3f5e01");
        var entity = get("/api/entities/" + panda).body();
        assertThat(entity.at("/properties/tlp").asString()).isEqualTo("green");
        assertThat(entity.get("neighbours")).anySatisfy(n -> {
            assertThat(n.get("relation").asString()).isEqualTo("TARGETS");
            assertThat(n.get("confidence").asInt()).isEqualTo(70);
            assertThat(n.at("/node/name").asString()).isEqualTo("Germany");
        });
    }

    @ParameterizedTest
    @CsvSource({
            "msp-clients, bad-msp-header.csv", "msp-clients, bad-msp-rows.csv", "msp-clients, bad-msp-quote.csv",
            "csv-nodes, bad-nodes-header.csv", "csv-nodes, bad-nodes.csv",
            "csv-relationships, bad-relationships-header.csv", "csv-relationships, bad-relationships.csv"})
    void badFilesAreRefusedWholeWithTheirLines(String format, String name) {
        JsonNode before = stats();
        var response = postCsv(format, name);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problems = response.body().get("problems");
        assertThat(problems.isArray() && !problems.isEmpty()).isTrue();
        for (JsonNode problem : problems) {
            assertThat(problem.get("file").asString()).isEqualTo(name);
            int line = problem.get("line").asInt();
            assertThat(line).isPositive();
            assertThat(problem.get("message").asString()).startsWith("line " + line);
        }
        assertThat(stats()).isEqualTo(before);
    }
}
