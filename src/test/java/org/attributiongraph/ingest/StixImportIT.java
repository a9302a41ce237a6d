package org.attributiongraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.attributiongraph.Fixtures.fixture;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
    void oasisApt1ImportsOnceThenOnlyUpdates() throws IOException {
        Path apt1 = Path.of("..", "shared", "data", "oasis-stix21-examples", "examples", "threat-reports", "apt1.json")
                .toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(apt1), "../shared/data not found: " + apt1);
        byte[] content = Files.readAllBytes(apt1);
        JsonNode before = stats();

        var first = post("/api/imports?format=stix", "application/json", content);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().get("format").asString()).isEqualTo("stix");
        assertThat(first.body().at("/nodes").toString()).isEqualTo("{\"created\":47,\"updated\":0}");
        assertThat(first.body().at("/relationships").toString()).isEqualTo("{\"created\":34,\"updated\":0}");
        assertThat(first.body().get("warnings").toString()).isEqualTo("[\"kept 7 attack-pattern, 12 indicator objects as StixObject\"]");
        JsonNode after = stats();
        assertThat(added(before, after)).isEqualTo(Map.ofEntries(
                Map.entry("Agency", 1L), Map.entry("Person", 4L), Map.entry("Sector", 1L), Map.entry("Software", 16L),
                Map.entry("Source", 1L), Map.entry("StixObject", 19L), Map.entry("ThreatGroup", 5L),
                Map.entry("ATTRIBUTED_TO", 7L), Map.entry("IN_SECTOR", 4L), Map.entry("RELATED_TO", 7L), Map.entry("USES", 16L)));

        var second = post("/api/imports?format=stix", "application/json", content);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body().at("/nodes").toString()).isEqualTo("{\"created\":0,\"updated\":47}");
        assertThat(second.body().at("/relationships").toString()).isEqualTo("{\"created\":0,\"updated\":34}");
        assertThat(stats()).isEqualTo(after);

        // The STIX id is the node id; the report is the evidence of each hop.
        var group = get("/api/entities/intrusion-set--da1065ce-972c-4605-8755-9cd1074e3b5a").body();
        assertThat(group.get("type").asString()).isEqualTo("ThreatGroup");
        assertThat(group.at("/properties/external_ids").toString()).contains("stix:intrusion-set--da1065ce-972c-4605-8755-9cd1074e3b5a");
        var neighbours = new ArrayList<String>();
        group.get("neighbours").forEach(n -> neighbours.add(n.get("direction").asString() + " " + n.get("relation").asString()
                + " " + n.at("/node/name").asString()));
        assertThat(neighbours).contains("out ATTRIBUTED_TO Communist Party of China", "out ATTRIBUTED_TO Unit 61398");
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
