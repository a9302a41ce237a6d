package org.attributiongraph.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.attributiongraph.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The bundled APT10 / Cloud Hopper case, loaded at start-up, answered over HTTP. */
class CuratedChainIT extends IntegrationTest {

    private static List<String> route(JsonNode chain) {
        List<String> steps = new ArrayList<>();
        for (JsonNode hop : chain.get("hops")) {
            if (steps.isEmpty()) {
                steps.add(hop.at("/from/name").asString());
            }
            steps.add(hop.get("relation").asString() + " " + hop.at("/to/name").asString());
        }
        return steps;
    }

    private JsonNode chainsFrom(String id, String extra) {
        var response = get("/api/attribution/chains?from=" + URLEncoder.encode(id, StandardCharsets.UTF_8) + extra);
        assertThat(response.status()).isEqualTo(200);
        return response.body().get("chains");
    }

    @Test
    void aliasesFindTheSameSingleGroup() {
        Set<String> ids = new HashSet<>();
        for (String name : List.of("APT10", "menuPass", "Stone Panda", "stone panda", "MENUPASS", "Red Apollo")) {
            var items = get("/api/entities?type=ThreatGroup&q=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).body().get("items");
            assertThat(items).as(name).hasSize(1);
            assertThat(items.get(0).get("name").asString()).isEqualTo("APT10");
            ids.add(items.get(0).get("id").asString());
        }
        assertThat(ids).hasSize(1);
        var untyped = get("/api/entities?q=Stone%20Panda").body().get("items");
        assertThat(untyped.get(0).get("name").asString()).isEqualTo("APT10");
        assertThat(untyped.get(0).get("aliases").toString()).contains("menuPass", "Stone Panda");
    }

    @Test
    void apt10ReachesChinaThroughTheFrontCompanyTheBureauAndTheMinistry() {
        JsonNode chains = chainsFrom(idOf("ThreatGroup", "APT10"), "");

        List<List<String>> routes = new ArrayList<>();
        chains.forEach(c -> routes.add(route(c)));
        var viaZhuHua = List.of("APT10", "ATTRIBUTED_TO Zhu Hua",
                "EMPLOYED_BY Huaying Haitai Science and Technology Development Company",
                "CONTRACTED_BY Tianjin State Security Bureau", "PART_OF Ministry of State Security",
                "PART_OF People's Republic of China");
        assertThat(routes).contains(viaZhuHua);
        assertThat(routes).anySatisfy(r -> assertThat(r).contains("ATTRIBUTED_TO Zhang Shilong", "PART_OF People's Republic of China"));

        JsonNode full = null;
        for (JsonNode c : chains) {
            if (route(c).equals(viaZhuHua)) {
                full = c;
            }
        }
        assertThat(full.at("/state/type").asString()).isEqualTo("Country");
        // Path confidence is the product of the hop confidences over 100, rounded to four places.
        double product = 1.0;
        for (JsonNode hop : full.get("hops")) {
            product *= hop.get("confidence").asInt() / 100.0;
            assertThat(hop.get("sources").size()).as("sources of " + hop.get("relation")).isPositive();
            for (JsonNode source : hop.get("sources")) {
                assertThat(source.get("url").asString()).startsWith("http");
                assertThat(source.get("published").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
            }
        }
        assertThat(full.get("confidence").asDouble()).isEqualTo(Math.round(product * 10_000) / 10_000.0);
        // The employment hop rests on the indictment.
        assertThat(full.at("/hops/1/sources").toString()).contains("\"kind\":\"indictment\"");

        // Chains are ranked by confidence.
        double previous = 1.0;
        for (JsonNode c : chains) {
            assertThat(c.get("confidence").asDouble()).isLessThanOrEqualTo(previous);
            previous = c.get("confidence").asDouble();
        }
        // The government statements give a second, shorter chain through the ministry.
        assertThat(routes).contains(List.of("APT10", "SPONSORED_BY Ministry of State Security", "PART_OF People's Republic of China"));
    }

    @Test
    void beforeTheIndictmentTheFrontCompanyHopsAreUnknown() {
        String apt10 = idOf("ThreatGroup", "APT10");
        JsonNode before = chainsFrom(apt10, "&asOf=2018-12-19");
        for (JsonNode chain : before) {
            assertThat(route(chain)).noneMatch(step -> step.contains("Huaying Haitai"));
        }
        JsonNode after = chainsFrom(apt10, "&asOf=2018-12-20");
        List<String> steps = new ArrayList<>();
        after.forEach(c -> steps.addAll(route(c)));
        assertThat(steps).anyMatch(step -> step.contains("Huaying Haitai"));
    }

    @Test
    void theNavyIntrusionLeadsToChina() {
        String incident = idOf("Incident", "U.S. Navy personnel data theft");
        JsonNode chains = chainsFrom(incident, "&maxHops=7");
        assertThat(chains).isNotEmpty();
        for (JsonNode chain : chains) {
            assertThat(chain.at("/state/name").asString()).isEqualTo("People's Republic of China");
            assertThat(route(chain).get(1)).isEqualTo("ATTRIBUTED_TO APT10");
        }
    }

    @Test
    void entityShowsPropertiesAndNeighbours() {
        String apt10 = idOf("ThreatGroup", "APT10");
        var entity = get("/api/entities/" + apt10).body();
        assertThat(entity.get("type").asString()).isEqualTo("ThreatGroup");
        assertThat(entity.at("/properties/external_ids").toString()).contains("mitre-attack:G0045");
        assertThat(entity.at("/properties").has("_import_run")).isFalse();
        List<String> neighbours = new ArrayList<>();
        entity.get("neighbours").forEach(n -> neighbours.add(n.get("direction").asString() + " " + n.get("relation").asString() + " " + n.at("/node/name").asString()));
        assertThat(neighbours).contains("out ATTRIBUTED_TO Zhu Hua", "out COMPROMISED Hewlett Packard Enterprise", "in ATTRIBUTED_TO Operation Cloud Hopper");
        assertThat(get("/api/entities/nope").status()).isEqualTo(404);
    }

    @Test
    void statsCountTheModelOnly() {
        var stats = stats();
        assertThat(stats.at("/nodes/ThreatGroup").asLong()).isPositive();
        assertThat(stats.at("/nodes/Country").asLong()).isPositive();
        assertThat(stats.at("/relationships/ATTRIBUTED_TO").asLong()).isPositive();
        assertThat(stats.get("nodes").has("ImportRun")).isFalse();
        assertThat(stats.get("nodes").has("Entity")).isFalse();
    }

    @Test
    void healthIncludesNeo4jAndOpenApiIsServed() {
        var health = get("/actuator/health").body();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/neo4j/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/neo4j/details/mode").asString()).isEqualTo("embedded");
        var api = get("/v3/api-docs").body();
        assertThat(api.get("paths").has("/api/attribution/chains")).isTrue();
        assertThat(api.get("paths").has("/api/imports")).isTrue();
    }
}
