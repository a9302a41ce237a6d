package org.attributiongraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.attributiongraph.Fixtures.sharedData;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.attributiongraph.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What OpenCTI, MISP and ATT&CK say about a group lands on the curated group: the curated cases,
 * the MISP threat-actor cluster, the ATT&CK enterprise groups and the OASIS APT1 report together.
 */
class CrossSourceIT extends IntegrationTest {

    private void importAll() throws Exception {
        var misp = post("/api/imports?format=misp", "application/json",
                Files.readAllBytes(sharedData("misp-galaxy/clusters/threat-actor.json")));
        assertThat(misp.status()).as(misp.body().toString()).isEqualTo(201);
        var attack = ImportCommand.units(List.of(sharedData("mitre-attack-enterprise-stix20/enterprise-attack")), null);
        assertThat(attack).singleElement().extracting(ImportCommand.Unit::format).isEqualTo("stix");
        var stix = post("/api/imports?format=stix", "application/json", attack.getFirst().content());
        assertThat(stix.status()).as(stix.body().toString()).isEqualTo(201);
        var apt1 = post("/api/imports?format=stix", "application/json",
                Files.readAllBytes(sharedData("oasis-stix21-examples/examples/threat-reports/apt1.json")));
        assertThat(apt1.status()).as(apt1.body().toString()).isEqualTo(201);
    }

    @Test
    void everyNameOfApt10FindsOneGroupWhoseChainsReachOneChina() throws Exception {
        importAll();
        Set<String> ids = new HashSet<>();
        for (String name : List.of("APT10", "menuPass", "Stone Panda", "G0045", "Red Apollo", "POTASSIUM")) {
            var items = get("/api/entities?type=ThreatGroup&q=" + name.replace(" ", "%20")).body().get("items");
            assertThat(items).as(name).hasSize(1);
            ids.add(items.get(0).get("id").asString());
        }
        assertThat(ids).hasSize(1);
        String apt10 = ids.iterator().next();

        var entity = get("/api/entities/" + apt10).body();
        assertThat(entity.get("name").asString()).isEqualTo("APT10");
        assertThat(entity.at("/properties/external_ids").toString())
                .contains("mitre-attack:G0045", "stix:intrusion-set--222fbd21-fc4f-4b7e-9f85-0e6e3a76c33f", "misp:");

        Set<String> states = new HashSet<>();
        get("/api/attribution/chains?from=" + apt10 + "&limit=100").body().get("chains")
                .forEach(c -> states.add(c.at("/state/id").asString() + " " + c.at("/state/name").asString()));
        assertThat(states).hasSize(1);
        assertThat(states.iterator().next()).endsWith("People's Republic of China");
        // One Country called China, whatever each source calls it (Hong Kong and Macao are others).
        List<String> chinas = new ArrayList<>();
        get("/api/entities?type=Country&q=China").body().get("items").forEach(c -> {
            if (c.get("name").asString().equals("China") || c.get("aliases").toString().contains("\"China\"")) {
                chinas.add(c.get("id").asString());
            }
        });
        assertThat(chinas).hasSize(1);
    }

    @Test
    void theOasisApt1ReportLeadsThroughThePlaUnitToChina() throws Exception {
        importAll();
        var groups = get("/api/entities?type=ThreatGroup&q=APT1").body().get("items");
        List<String> apt1 = new ArrayList<>();
        groups.forEach(g -> {
            if (g.get("name").asString().equals("APT1")) {
                apt1.add(g.get("id").asString());
            }
        });
        assertThat(apt1).as("one APT1 from the curated case, ATT&CK, MISP and the OASIS report").hasSize(1);
        List<String> routes = new ArrayList<>();
        for (JsonNode chain : get("/api/attribution/chains?from=" + apt1.getFirst()).body().get("chains")) {
            List<String> steps = new ArrayList<>();
            chain.get("hops").forEach(h -> steps.add(h.get("relation").asString() + " " + h.at("/to/name").asString()));
            routes.add(String.join(" > ", steps));
        }
        assertThat(routes).contains("ATTRIBUTED_TO PLA Unit 61398 > PART_OF People's Liberation Army > PART_OF People's Republic of China");
    }
}
