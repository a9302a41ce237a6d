package org.attributiongraph.graphview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.attributiongraph.Fixtures.fixture;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.attributiongraph.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GraphViewIT extends IntegrationTest {

    private static Set<String> names(JsonNode view) {
        Set<String> names = new HashSet<>();
        view.get("nodes").forEach(n -> names.add(n.get("name").asString()));
        return names;
    }

    private static void linksJoinDrawnNodes(JsonNode view) {
        Set<String> ids = new HashSet<>();
        view.get("nodes").forEach(n -> ids.add(n.get("id").asString()));
        view.get("links").forEach(l -> {
            assertThat(ids).contains(l.get("source").asString(), l.get("target").asString());
        });
    }

    @Test
    void chainsViewHoldsEveryHop() {
        var view = get("/api/graph?view=chains&id=" + idOf("ThreatGroup", "APT10")).body();
        assertThat(names(view)).contains("APT10", "Zhu Hua", "Tianjin State Security Bureau", "Ministry of State Security",
                "People's Republic of China");
        List<String> links = new ArrayList<>();
        view.get("links").forEach(l -> links.add(l.get("relation").asString() + " " + l.get("confidence").asInt()));
        assertThat(links).contains("SPONSORED_BY 90", "CONTRACTED_BY 85");
        linksJoinDrawnNodes(view);
    }

    @Test
    void blastRadiusViewDrawsProviderClientsAndServesLinks() {
        post("/api/imports?format=case", "application/json", fixture("blastradius/ecosystem.case.json"));
        var view = get("/api/graph?view=blast-radius&depth=2&id=" + idOf("Organization", "Provider One")).body();
        assertThat(names(view)).containsExactlyInAnyOrder("Provider One", "Alpha Clinic", "Beta Bank", "Provider Two",
                "Gamma Air", "Delta Health");
        assertThat(view.get("links")).hasSize(7); // every SERVES edge among them, the P2 -> P1 back edge included
        linksJoinDrawnNodes(view);
    }

    @Test
    void neighbourhoodIsBoundedAndBadInputIsRefused() {
        var view = get("/api/graph?view=neighbourhood&id=" + idOf("Agency", "Tianjin State Security Bureau")).body();
        assertThat(names(view)).contains("Tianjin State Security Bureau", "Ministry of State Security",
                "Huaying Haitai Science and Technology Development Company");
        assertThat(view.get("nodes").size()).isLessThanOrEqualTo(GraphViewController.MAX_NODES);
        linksJoinDrawnNodes(view);
        assertThat(get("/api/graph?view=neighbourhood&depth=3&id=x").status()).isEqualTo(400);
        assertThat(get("/api/graph?view=everything&id=x").status()).isEqualTo(400);
        assertThat(get("/api/graph?view=neighbourhood&id=nope").status()).isEqualTo(404);
        assertThat(get("/api/graph?view=chains&asOf=yesterday&id=x").status()).isEqualTo(400);
    }
}
