package org.attributiongraph.blastradius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.attributiongraph.Fixtures.fixture;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.attributiongraph.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Blast radius and exposure on fixtures/blastradius/ecosystem.case.json (its summary draws the
 * graph): P3 -> P1 -> {Alpha, Beta, P2}; P2 -> {Gamma, Delta, Alpha, P1}.
 */
class BlastRadiusIT extends IntegrationTest {

    @Autowired
    Driver driver;

    private String p1;

    @BeforeEach
    void load() {
        assertThat(post("/api/imports?format=case", "application/json", fixture("blastradius/ecosystem.case.json")).status()).isEqualTo(201);
        p1 = idOf("Organization", "Provider One");
    }

    private static List<String> clients(JsonNode radius) {
        List<String> clients = new ArrayList<>();
        radius.get("clients").forEach(c -> clients.add(c.get("name").asString() + "@" + c.get("hops").asInt()));
        return clients;
    }

    @Test
    void depthOneIsTheDirectClients() {
        var radius = get("/api/msps/" + p1 + "/blast-radius?depth=1").body();
        assertThat(radius.at("/msp/name").asString()).isEqualTo("Provider One");
        assertThat(radius.get("clientCount").asLong()).isEqualTo(3);
        assertThat(clients(radius)).containsExactly("Alpha Clinic@1", "Beta Bank@1", "Provider Two@1");
    }

    @Test
    void depthTwoCountsEachClientOnceAtItsSmallestHopDespiteTheCycle() {
        var radius = get("/api/msps/" + p1 + "/blast-radius?depth=2").body();
        // Alpha is reachable at 1 and (through P2) at 2; P1 is reachable from itself through P2: neither counts twice.
        assertThat(radius.get("clientCount").asLong()).isEqualTo(5);
        assertThat(clients(radius)).containsExactly("Alpha Clinic@1", "Beta Bank@1", "Provider Two@1", "Delta Health@2", "Gamma Air@2");
        assertThat(radius.get("byHops").toString()).isEqualTo("{\"1\":3,\"2\":2}");
        assertThat(radius.get("byCountry").toString()).isEqualTo("{\"US\":3,\"DE\":1,\"FR\":1}");
        assertThat(radius.get("bySector").toString()).isEqualTo("{\"healthcare\":2,\"financial-services\":1,\"technology\":1,\"transportation\":1}");
        var alpha = radius.get("clients").get(0);
        assertThat(alpha.get("country").asString()).isEqualTo("US");
        assertThat(alpha.get("sectors").toString()).isEqualTo("[\"healthcare\"]");
        List<String> groups = new ArrayList<>();
        radius.get("threatGroups").forEach(g -> groups.add(g.get("name").asString() + " via " + g.get("via").asString()));
        assertThat(groups).containsExactly("Kite Group via Provider One", "Owl Group via Provider Three");
        assertThat(radius.get("truncated").asBoolean()).isFalse();
        // Deeper changes nothing: the cycle closes.
        assertThat(get("/api/msps/" + p1 + "/blast-radius?depth=4").body().get("clientCount").asLong()).isEqualTo(5);
    }

    @Test
    void theClientListIsPaged() {
        var first = get("/api/msps/" + p1 + "/blast-radius?depth=2&limit=2").body();
        var second = get("/api/msps/" + p1 + "/blast-radius?depth=2&limit=2&offset=2").body();
        assertThat(clients(first)).containsExactly("Alpha Clinic@1", "Beta Bank@1");
        assertThat(first.get("truncated").asBoolean()).isTrue();
        assertThat(clients(second)).containsExactly("Provider Two@1", "Delta Health@2");
        assertThat(first.get("clientCount").asLong()).isEqualTo(5);
    }

    /**
     * The radius is kept between requests; any committed write, even one made over Bolt by another
     * client, must show in the very next answer.
     */
    @Test
    void aWriteByAnyClientShowsInTheNextAnswer() {
        String path = "/api/msps/" + p1 + "/blast-radius?depth=1";
        assertThat(clients(get(path).body())).containsExactly("Alpha Clinic@1", "Beta Bank@1", "Provider Two@1");
        assertThat(clients(get(path).body())).containsExactly("Alpha Clinic@1", "Beta Bank@1", "Provider Two@1");
        try (var session = driver.session()) {
            session.executeWrite(tx -> tx.run("""
                    MATCH (p:Entity {id: $p1})
                    CREATE (p)-[:SERVES {confidence: 80}]->(:Entity:Organization {id: 'identity--cache-probe', name: 'Aardvark Probe'})
                    """, Map.of("p1", p1)).consume());
            var after = get(path).body();
            assertThat(clients(after)).containsExactly("Aardvark Probe@1", "Alpha Clinic@1", "Beta Bank@1", "Provider Two@1");
            assertThat(after.get("clientCount").asLong()).isEqualTo(4);
        } finally {
            try (var session = driver.session()) {
                session.executeWrite(tx -> tx.run("MATCH (n:Entity {id: 'identity--cache-probe'}) DETACH DELETE n").consume());
            }
        }
        assertThat(clients(get(path).body())).containsExactly("Alpha Clinic@1", "Beta Bank@1", "Provider Two@1");
    }

    @Test
    void noCacheComputesTheSameAnswerAgain() {
        String path = "/api/msps/" + p1 + "/blast-radius?depth=2";
        var kept = get(path).body();
        var fresh = send(HttpRequest.newBuilder(uri(path)).header("Cache-Control", "no-cache").GET().build());
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.body()).isEqualTo(kept);
        assertThat(kept.get("clientCount").asLong()).isEqualTo(5);
    }

    @Test
    void exposureListsDirectAndUpstreamProviders() {
        String gamma = idOf("Organization", "Gamma Air");
        var exposure = get("/api/organizations/" + gamma + "/exposure").body();
        List<String> providers = new ArrayList<>();
        exposure.get("providers").forEach(p -> providers.add(p.get("name").asString() + "@" + p.get("hops").asInt()));
        assertThat(providers).containsExactly("Provider Two@1", "Provider One@2", "Provider Three@3");
        List<String> groups = new ArrayList<>();
        exposure.get("threatGroups").forEach(g -> groups.add(g.get("name").asString() + " via " + g.get("via").asString()));
        assertThat(groups).containsExactly("Kite Group via Provider One", "Owl Group via Provider Three");
        var near = get("/api/organizations/" + gamma + "/exposure?depth=1").body();
        assertThat(near.get("providers")).hasSize(1);
        assertThat(near.get("threatGroups")).isEmpty();
    }

    @Test
    void curatedCaseHpeExposesEricsson() {
        String hpe = idOf("Organization", "Hewlett Packard Enterprise");
        var radius = get("/api/msps/" + hpe + "/blast-radius?depth=2&limit=1000").body();
        assertThat(clients(radius)).contains("Ericsson@1");
        List<String> groups = new ArrayList<>();
        radius.get("threatGroups").forEach(g -> groups.add(g.get("name").asString()));
        assertThat(groups).contains("APT10");
    }

    @Test
    void badRequests() {
        assertThat(get("/api/msps/" + p1 + "/blast-radius?depth=5").status()).isEqualTo(400);
        assertThat(get("/api/msps/" + p1 + "/blast-radius?depth=0").status()).isEqualTo(400);
        assertThat(get("/api/msps/" + p1 + "/blast-radius?depth=two").status()).isEqualTo(400);
        assertThat(get("/api/msps/" + p1 + "/blast-radius?limit=0").status()).isEqualTo(400);
        assertThat(get("/api/msps/" + p1 + "/blast-radius?offset=-1").status()).isEqualTo(400);
        var unknown = get("/api/msps/identity--00000000-0000-0000-0000-000000000000/blast-radius");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        String alpha = idOf("Organization", "Alpha Clinic");
        assertThat(get("/api/msps/" + alpha + "/blast-radius").status()).isEqualTo(404);
        assertThat(get("/api/organizations/nope/exposure").status()).isEqualTo(404);
    }
}
