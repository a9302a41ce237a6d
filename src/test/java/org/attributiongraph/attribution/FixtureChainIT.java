package org.attributiongraph.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.attributiongraph.Fixtures.caseFile;

import java.util.ArrayList;
import java.util.List;

import org.attributiongraph.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Chains on the small fixture (fixtures/case/mini.case.json):
 * Test Group -ATTRIBUTED_TO 80-> Test Person -EMPLOYED_BY 90-> Test Front Ltd -CONTRACTED_BY 50->
 * Test Ministry -PART_OF 100-> Testland. The EMPLOYED_BY hop rests only on the 2018-12-20 indictment.
 */
class FixtureChainIT extends IntegrationTest {

    private String group;

    @BeforeEach
    void load() {
        assertThat(post("/api/imports?format=case", "application/json", caseFile("mini.case.json")).status()).isEqualTo(201);
        group = idOf("ThreatGroup", "Test Group");
    }

    private static List<String> path(JsonNode chain) {
        List<String> names = new ArrayList<>();
        for (JsonNode hop : chain.get("hops")) {
            if (names.isEmpty()) {
                names.add(hop.at("/from/name").asString());
            }
            names.add(hop.get("relation").asString() + ">" + hop.at("/to/name").asString());
        }
        return names;
    }

    @Test
    void chainReachesTheStateWithProductConfidence() {
        var body = get("/api/attribution/chains?from=" + group).body();
        assertThat(body.at("/from/name").asString()).isEqualTo("Test Group");
        assertThat(body.get("chains")).hasSize(1);
        JsonNode chain = body.get("chains").get(0);
        assertThat(path(chain)).containsExactly("Test Group", "ATTRIBUTED_TO>Test Person", "EMPLOYED_BY>Test Front Ltd",
                "CONTRACTED_BY>Test Ministry", "PART_OF>Testland");
        assertThat(chain.at("/state/type").asString()).isEqualTo("Country");
        // 0.80 * 0.90 * 0.50 * 1.00
        assertThat(chain.get("confidence").asDouble()).isEqualTo(0.36);
        assertThat(chain.at("/hops/2/sources")).hasSize(2);
        assertThat(chain.at("/hops/1/sources/0/kind").asString()).isEqualTo("indictment");
        assertThat(chain.at("/hops/1/sources/0/published").asString()).isEqualTo("2018-12-20");
    }

    @Test
    void asOfDropsHopsNotYetAsserted() {
        assertThat(get("/api/attribution/chains?from=" + group + "&asOf=2018-12-19").body().get("chains")).isEmpty();
        assertThat(get("/api/attribution/chains?from=" + group + "&asOf=2018-12-20").body().get("chains")).hasSize(1);
    }

    @Test
    void minConfidenceAndMaxHopsFilter() {
        assertThat(get("/api/attribution/chains?from=" + group + "&minConfidence=51").body().get("chains")).isEmpty();
        assertThat(get("/api/attribution/chains?from=" + group + "&maxHops=3").body().get("chains")).isEmpty();
        assertThat(get("/api/attribution/chains?from=" + group + "&maxHops=4").body().get("chains")).hasSize(1);
    }

    @Test
    void badParametersAre400AndUnknownIdIs404() {
        for (String query : List.of("maxHops=9", "maxHops=0", "maxHops=abc", "minConfidence=101", "asOf=2018-13-01",
                "limit=0", "limit=1000")) {
            var response = get("/api/attribution/chains?from=" + group + "&" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
        }
        assertThat(get("/api/attribution/chains").status()).isEqualTo(400);
        var unknown = get("/api/attribution/chains?from=intrusion-set--00000000-0000-0000-0000-000000000000");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }
}
