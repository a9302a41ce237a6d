package org.attributiongraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.attributiongraph.Fixtures.fixture;

import java.util.ArrayList;
import java.util.List;

import org.attributiongraph.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Entity resolution on fixtures/resolution: a second source names Harbor Fox "TIDAL-KITE" (an
 * alias) and "Glass Owl" (same ATT&CK id), and names "Quillmere", which two existing companies use.
 */
class EntityResolutionIT extends IntegrationTest {

    @Test
    void matchesMergeAndAmbiguitiesAreLinkedNotMerged() {
        assertThat(post("/api/imports?format=case", "application/json", fixture("resolution/base.case.json")).status()).isEqualTo(201);
        String fox = idOf("ThreatGroup", "Harbor Fox");

        var result = post("/api/imports?format=case", "application/json", fixture("resolution/incoming.case.json"));
        assertThat(result.status()).isEqualTo(201);
        List<String> merged = new ArrayList<>();
        for (JsonNode m : result.body().get("merged")) {
            merged.add(m.get("name").asString() + " -> " + m.get("intoName").asString() + " on " + m.get("matchedOn").asString());
        }
        assertThat(merged).containsExactlyInAnyOrder(
                "TIDAL-KITE -> Harbor Fox on name \"tidal kite\"",
                "Glass Owl -> Harbor Fox on external id mitre-attack:G9001");
        assertThat(result.body().get("warnings").toString()).contains("Quillmere").contains("2 existing entities");

        // One group, which keeps its name and description and gains the new names as aliases.
        var groups = get("/api/entities?type=ThreatGroup&q=Glass%20Owl").body().get("items");
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).get("id").asString()).isEqualTo(fox);
        var entity = get("/api/entities/" + fox).body();
        assertThat(entity.get("name").asString()).isEqualTo("Harbor Fox");
        assertThat(entity.at("/properties/description").asString()).isEqualTo("Curated description.");
        assertThat(entity.at("/properties/aliases").toString()).contains("Tidal Kite", "TIDAL-KITE", "Glass Owl");

        // The incoming relationships hang on the merged node: the group now reaches the state.
        var chains = get("/api/attribution/chains?from=" + fox).body().get("chains");
        assertThat(chains).hasSize(1);
        assertThat(chains.get(0).at("/state/name").asString()).isEqualTo("Resolvia");

        // Same ISO code: one country, whatever the name.
        assertThat(get("/api/entities?type=Country&q=Resolvia").body().get("items")).hasSize(1);

        // Ambiguous: a third node, linked to both candidates, targeted by the group.
        List<String> northwind = new ArrayList<>();
        get("/api/entities?type=Organization&q=Quillmere").body().get("items").forEach(i -> northwind.add(i.get("name").asString()));
        assertThat(northwind).containsExactlyInAnyOrder("Quillmere", "Quillmere Services", "Quillmere Holdings");
        String lone = idOf("Organization", "Quillmere");
        List<String> links = new ArrayList<>();
        get("/api/entities/" + lone).body().get("neighbours").forEach(n -> links.add(
                n.get("direction").asString() + " " + n.get("relation").asString() + " " + n.at("/node/name").asString()));
        assertThat(links).containsExactlyInAnyOrder("out POSSIBLY_SAME_AS Quillmere Services", "out POSSIBLY_SAME_AS Quillmere Holdings",
                "in TARGETS Harbor Fox");

        // A name that is one candidate's own name and another's alias goes to the first.
        var sameName = post("/api/imports?format=stix", "application/json", fixture("resolution/same-name.stix.json"));
        assertThat(sameName.status()).isEqualTo(201);
        assertThat(sameName.body().at("/merged/0/intoName").asString()).isEqualTo("Copper Heron");
        assertThat(sameName.body().get("warnings").toString()).doesNotContain("POSSIBLY_SAME_AS");

        // Importing the second source again merges the same way and creates nothing.
        var again = post("/api/imports?format=case", "application/json", fixture("resolution/incoming.case.json"));
        assertThat(again.body().at("/nodes/created").asLong()).isZero();
        assertThat(again.body().at("/relationships/created").asLong()).isZero();
    }
}
