package org.attributiongraph.ingest;

import static org.attributiongraph.Fixtures.sharedData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.attributiongraph.Fixtures.fixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

import org.attributiongraph.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** STIX bundles through the import endpoint into the real store: counts, idempotence, refusals that write nothing. */
class StixImportIT extends IntegrationTest {

    /** What a change of the store added, per label and per relationship type (non-zero entries only). */
    private static Map<String, Long> added(JsonNode before, JsonNode after) {
        Map<String, Long> added = new TreeMap<>();
        for (String part : new String[] {"nodes", "relationships"}) {
            for (var entry : after.get(part).properties()) {
                long delta = entry.getValue().asLong() - before.get(part).path(entry.getKey()).asLong(0);
                if (delta != 0) {
                    added.put(entry.getKey(), delta);
                }
            }
        }
        return added;
    }

    @Test
    void attackIcsBundleImportsOnceThenOnlyUpdates() throws IOException {
        byte[] ics = Files.readAllBytes(sharedData("mitre-attack-ics-stix21/ics-attack/ics-attack-18.1.json"));
        var first = post("/api/imports?format=stix", "application/json", ics);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        assertThat(first.body().at("/nodes/created").asLong() + first.body().at("/nodes/updated").asLong()).isGreaterThan(500);
        assertThat(first.body().at("/relationships/created").asLong() + first.body().at("/relationships/updated").asLong())
                .isGreaterThan(1_000);
        JsonNode after = stats();
        assertThat(after.at("/nodes/StixObject").asLong()).isPositive();
        var groups = get("/api/entities?type=ThreatGroup&q=Sandworm").body().get("items");
        assertThat(groups.toString()).contains("Sandworm Team");

        var second = post("/api/imports?format=stix", "application/json", ics);
        assertThat(second.body().at("/nodes/created").asLong()).isZero();
        assertThat(second.body().at("/relationships/created").asLong()).isZero();
        assertThat(stats()).isEqualTo(after);
    }

    @Test
    void oasisApt1ImportsOnceThenOnlyUpdates() throws IOException {
        Path apt1 = sharedData("oasis-stix21-examples/examples/threat-reports/apt1.json");
        byte[] content = Files.readAllBytes(apt1);
        JsonNode before = stats();

        var first = post("/api/imports?format=stix", "application/json", content);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().get("format").asString()).isEqualTo("stix");
        // Entity resolution may land some of the 47 nodes on curated ones (that is its business, not
        // asserted here): created plus updated is what the bundle holds.
        assertThat(first.body().at("/nodes/created").asLong() + first.body().at("/nodes/updated").asLong()).isEqualTo(47);
        assertThat(first.body().at("/relationships/created").asLong() + first.body().at("/relationships/updated").asLong()).isEqualTo(34);
        assertThat(first.body().get("warnings").toString()).contains("kept 7 attack-pattern, 12 indicator objects as StixObject");
        JsonNode after = stats();
        // Labels and types that nothing curated shares with the bundle grow by exactly its counts.
        assertThat(added(before, after)).containsEntry("Person", 4L).containsEntry("Software", 16L).containsEntry("StixObject", 19L)
                .containsEntry("Source", 1L).containsEntry("Sector", 1L)
                .containsEntry("USES", 16L).containsEntry("IN_SECTOR", 4L).containsEntry("RELATED_TO", 7L);

        var second = post("/api/imports?format=stix", "application/json", content);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body().at("/nodes").toString()).isEqualTo("{\"created\":0,\"updated\":47}");
        assertThat(second.body().at("/relationships").toString()).isEqualTo("{\"created\":0,\"updated\":34}");
        assertThat(stats()).isEqualTo(after);

        // A STIX identity keeps its STIX id; the report is the evidence behind it.
        var person = get("/api/entities/identity--ecf1c7de-d96c-41c6-a510-b9c65cdc9e3b").body();
        assertThat(person.get("type").asString()).isEqualTo("Person");
        assertThat(person.at("/properties/name").asString()).isEqualTo("Mei Qiang");
        assertThat(person.at("/properties/external_ids").toString()).contains("stix:identity--ecf1c7de-d96c-41c6-a510-b9c65cdc9e3b");
        assertThat(person.at("/properties/sources").toString()).contains("report--e33ffe07-2f4c-48d8-b0af-ee2619d765cf");
        var neighbours = new ArrayList<String>();
        person.get("neighbours").forEach(n -> neighbours.add(n.get("direction").asString() + " " + n.get("relation").asString()
                + " " + n.at("/node/name").asString()));
        assertThat(neighbours).contains("out IN_SECTOR government-national");
    }

    @Test
    void aSchemaViolationIsRefusedWithItsPointerAndNothingIsWritten() {
        JsonNode before = stats();
        var response = post("/api/imports?format=stix", "application/json", fixture("stix/bad-schema.json"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        var problems = new ArrayList<Object>();
        response.body().get("problems").forEach(p -> problems.add(tuple(p.get("pointer").asString(), p.get("line").asInt())));
        assertThat(problems).containsExactly(tuple("/objects/0/is_family", 5), tuple("/objects/1/first_seen", 20),
                tuple("/objects/2/confidence", 31));
        assertThat(stats()).isEqualTo(before);
    }

    @Test
    void aRelationshipToAnUnknownObjectIsRefusedNamingIt() {
        JsonNode before = stats();
        var response = post("/api/imports?format=stix", "application/json", fixture("stix/dangling-reference.json"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("problems").toString()).contains("malware--00000063-0000-4000-8000-000000000063");
        assertThat(stats()).isEqualTo(before);
    }
}
