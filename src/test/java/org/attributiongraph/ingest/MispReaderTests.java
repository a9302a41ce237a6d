package org.attributiongraph.ingest;

import static org.attributiongraph.Fixtures.sharedData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.attributiongraph.Fixtures.fixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.attributiongraph.graph.GraphModel.ExtraLabel;
import org.attributiongraph.graph.GraphModel.NodeType;
import org.attributiongraph.graph.GraphModel.RelType;
import org.attributiongraph.graph.Ids;
import org.junit.jupiter.api.Test;

/** The MISP galaxy reader on its own: each mapping rule, each refusal with its place, and the real clusters. */
class MispReaderTests {

    /** The public corpora sit beside the project; suites that need them skip where they are absent. */

    private static final String APT10 = Ids.of(NodeType.ThreatGroup, "apt10");
    private static final String KITTEN = Ids.of(NodeType.ThreatGroup, "test kitten");
    private static final String CHINA = Ids.of(NodeType.Country, "CN");
    private static final String GALAXY = Ids.of(NodeType.Source, "https://github.com/MISP/misp-galaxy/blob/main/clusters/threat-actor.json");

    private final MispReader reader = new MispReader();

    private ImportBatch read(String name) {
        return reader.read(name, fixture("misp/" + name));
    }

    private ImportRejectedException rejected(String name) {
        try {
            read(name);
        } catch (ImportRejectedException e) {
            return e;
        }
        throw new AssertionError(name + " was accepted");
    }

    private static NodeRecord node(ImportBatch batch, String id) {
        return batch.nodes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no node " + id));
    }

    private static byte[] real(String cluster) throws IOException {
        return Files.readAllBytes(sharedData("misp-galaxy/clusters/" + cluster + ".json"));
    }

    @Test
    void threatActorsBecomeGroupsKeyedLikeTheCuratedOnes() {
        var batch = read("threat-actor.json");

        var apt10 = node(batch, APT10);
        assertThat(apt10.type()).isEqualTo(NodeType.ThreatGroup);
        assertThat(apt10.props()).isEqualTo(Map.of("name", "APT10",
                "description", "menuPass is a threat group that has been active since at least 2006."));
        // The value itself and repeated synonyms are not aliases.
        assertThat(apt10.aliases()).containsExactly("STONE PANDA", "Menupass Team");
        // "similar" to an ATT&CK intrusion set gives its STIX id; an unknown uuid and "overlaps" give nothing.
        assertThat(apt10.externalIds()).containsExactly("misp:56b37b05-72e7-4a89-ba8a-61ce45269a8c",
                "stix:intrusion-set--222fbd21-fc4f-4b7e-9f85-0e6e3a76c33f");
        assertThat(node(batch, Ids.of(NodeType.ThreatGroup, "lone wolf")).aliases()).isEmpty();
    }

    @Test
    void theGalaxyIsTheUndatedSourceOfEveryRelationship() {
        var batch = read("threat-actor.json");

        var galaxy = node(batch, GALAXY);
        assertThat(galaxy.type()).isEqualTo(NodeType.Source);
        assertThat(galaxy.props()).isEqualTo(Map.of("name", "MISP galaxy: Threat Actor", "title", "MISP galaxy: Threat Actor",
                "kind", "dataset", "url", "https://github.com/MISP/misp-galaxy/blob/main/clusters/threat-actor.json",
                "publisher", "MISP Project", "note", "cluster version 349"));
        assertThat(batch.relationships()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.sources()).containsExactly(GALAXY);
            assertThat(r.asserted()).isNull();
        });
    }

    @Test
    void countryAndStateSponsorBecomeOneSponsoredByWithTheAttributionConfidence() {
        var batch = read("threat-actor.json");

        assertThat(batch.relationships()).filteredOn(r -> r.type() == RelType.SPONSORED_BY)
                .extracting(RelationshipRecord::from, RelationshipRecord::to, RelationshipRecord::confidence)
                .containsExactly(tuple(APT10, CHINA, 75), tuple(KITTEN, Ids.of(NodeType.Country, "IR"), 90));
        assertThat(node(batch, CHINA).props()).isEqualTo(Map.of("name", "People's Republic of China", "country", "CN"));
        assertThat(node(batch, Ids.of(NodeType.Country, "IR")).props()).containsEntry("name", "Iran");
        // An unknown sponsor is a warning, "Unknown" means no information and is passed over.
        assertThat(batch.warnings()).contains(
                "line 31: the state sponsor \"Atlantis\" of Test Kitten is not a country this server knows; no SPONSORED_BY");
        assertThat(batch.warnings()).noneMatch(w -> w.contains("\"Unknown\""));
    }

    @Test
    void victimsAreCountriesOrOrganizationsAndRegionsAreSkipped() {
        var batch = read("threat-actor.json");

        assertThat(batch.relationships()).filteredOn(r -> r.from().equals(APT10) && r.type() == RelType.TARGETS)
                .extracting(RelationshipRecord::to, RelationshipRecord::confidence)
                .startsWith(tuple(Ids.of(NodeType.Country, "US"), 50), tuple(Ids.of(NodeType.Country, "KR"), 50),
                        tuple(Ids.of(NodeType.Organization, "bank of testland"), 50));
        var bank = node(batch, Ids.of(NodeType.Organization, "bank of testland"));
        assertThat(bank.type()).isEqualTo(NodeType.Organization);
        assertThat(bank.props()).isEqualTo(Map.of("name", "Bank of Testland"));
        assertThat(batch.warnings()).contains("victims named by region were skipped (the graph has no regions): Asia");
    }

    @Test
    void targetCategoriesAndTargetedSectorsBecomeStixSectors() {
        var batch = read("threat-actor.json");

        assertThat(batch.relationships()).filteredOn(r -> r.to().startsWith("x-sector--"))
                .extracting(RelationshipRecord::from, r -> node(batch, r.to()).props().get("name"))
                .containsExactly(tuple(APT10, "government"), tuple(APT10, "commercial"), tuple(APT10, "defense"),
                        tuple(KITTEN, "telecommunications"));
        assertThat(node(batch, Ids.of(NodeType.Sector, "government")).type()).isEqualTo(NodeType.Sector);
        assertThat(batch.warnings()).contains("target categories with no STIX industry-sector word were skipped: Dissidents");
    }

    @Test
    void aGroupWithoutMetaIsJustANode() {
        var batch = read("threat-actor.json");
        String wolf = Ids.of(NodeType.ThreatGroup, "lone wolf");
        assertThat(node(batch, wolf).externalIds()).containsExactly("misp:1cb7e1cc-d695-42b1-92f4-fd0112a3c9be");
        assertThat(batch.relationships()).noneMatch(r -> r.from().equals(wolf));
        assertThat(batch.nodes()).hasSize(13);
        assertThat(batch.relationships()).hasSize(9);
    }

    @Test
    void sectorValuesMergeIntoTheirStixWordAndTheRestIsCounted() {
        var batch = read("sector.json");

        assertThat(batch.nodes()).extracting(n -> n.props().get("name"), NodeRecord::aliases, NodeRecord::externalIds)
                .containsExactly(
                        tuple("defense", List.of(), List.of("misp:e8b6ba9b-52b4-4f11-9b38-0de0d9bbd9c5")),
                        tuple("financial-services", List.of("Finance", "Financial", "Bank"),
                                List.of("misp:75597b7f-54e8-4f14-88c9-e81485ece483", "misp:3a7e3cba-8e7f-4b8e-9ce9-9fb9b4f9d0a1")));
        assertThat(batch.nodes().getFirst().id()).isEqualTo(Ids.of(NodeType.Sector, "defense"));
        // The case format keys sectors by normalised name: "financial-services" by "financial services".
        assertThat(batch.nodes().get(1).id()).isEqualTo(Ids.of(NodeType.Sector, "financial services"));
        assertThat(batch.relationships()).isEmpty();
        assertThat(batch.warnings()).containsExactly(
                "2 of 5 sectors have no STIX industry-sector word and were skipped: Activists, Unknown");
    }

    @Test
    void countryValuesBecomeCountriesByTheirIsoCode() {
        var batch = read("country.json");

        assertThat(batch.nodes()).extracting(NodeRecord::id, NodeRecord::type, NodeRecord::props, NodeRecord::aliases)
                .containsExactly(
                        tuple(CHINA, NodeType.Country, Map.of("name", "People's Republic of China", "country", "CN"), List.of("China")),
                        tuple(Ids.of(NodeType.Country, "DE"), NodeType.Country, Map.of("name", "Germany", "country", "DE"),
                                List.of("Deutschland")));
        assertThat(batch.nodes().getFirst().externalIds()).containsExactly("misp:84668357-5a8c-4bdd-9f0f-6b50b2414e4e");
        assertThat(batch.nodes()).allSatisfy(n -> assertThat(n.extraLabels()).isEqualTo(Set.<ExtraLabel>of()));
        assertThat(batch.warnings()).containsExactly("not ISO 3166-1 countries, skipped: kosovo (XK)");
    }

    @Test
    void badJsonNamesTheLine() {
        assertThat(rejected("bad-json.json").problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("not valid JSON");
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.file()).isEqualTo("bad-json.json");
        });
        assertThat(assertRejectedBytes(new byte[0]).problems()).extracting(Problem::message).containsExactly("the file is empty");
        assertThat(assertRejectedBytes("[]".getBytes()).problems()).extracting(Problem::message)
                .containsExactly("a MISP galaxy cluster is a JSON object with \"type\" and \"values\"");
    }

    private ImportRejectedException assertRejectedBytes(byte[] content) {
        try {
            reader.read("x.json", content);
        } catch (ImportRejectedException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void anUnknownClusterTypeNamesTheSupportedOnes() {
        assertThat(rejected("bad-cluster-type.json").problems())
                .extracting(Problem::line, Problem::pointer, Problem::message)
                .containsExactly(tuple(3, "/type",
                        "cluster type \"mitre-attack-pattern\" is not supported; this server reads: threat-actor, sector, country"));
    }

    @Test
    void everyBadValueIsReportedWithItsLine() {
        assertThat(rejected("bad-values.json").problems())
                .extracting(Problem::line, Problem::pointer, Problem::message)
                .containsExactly(
                        tuple(4, "/values/0/value", "value is required"),
                        tuple(7, "/values/1/uuid", "uuid is required"),
                        tuple(12, "/values/2/uuid", "\"not-a-uuid\" is not a UUID"),
                        tuple(18, "/values/3/meta/attribution-confidence",
                                "attribution-confidence must be a whole number from 0 to 100, found \"high\""),
                        tuple(25, "/values/4/meta/attribution-confidence",
                                "attribution-confidence must be a whole number from 0 to 100, found 140"),
                        tuple(29, "/values/5/value", "\"sure-group\" is the same group as /values/4 (line 21) "
                                + "(names are compared ignoring case, accents and punctuation)"));
    }

    @Test
    void aCountryNeedsItsIsoCode() {
        assertThat(rejected("bad-country.json").problems())
                .extracting(Problem::line, Problem::pointer, Problem::message)
                .containsExactly(
                        tuple(4, "/values/0/meta/ISO", "\"DEU\" is not an ISO 3166-1 alpha-2 code (two capital letters)"),
                        tuple(5, "/values/1/meta/ISO", "ISO is required"));
    }

    @Test
    void theRealThreatActorClusterReadsWithoutProblems() throws IOException {
        var batch = reader.read("threat-actor.json", real("threat-actor"));

        var apt10 = node(batch, APT10);
        assertThat(apt10.props()).containsEntry("name", "APT10");
        assertThat(apt10.aliases()).contains("STONE PANDA", "Menupass Team", "Red Apollo");
        assertThat(apt10.externalIds()).contains("stix:intrusion-set--222fbd21-fc4f-4b7e-9f85-0e6e3a76c33f");
        assertThat(batch.relationships()).anySatisfy(r -> {
            assertThat(r.from()).isEqualTo(APT10);
            assertThat(r.type()).isEqualTo(RelType.SPONSORED_BY);
            assertThat(r.to()).isEqualTo(CHINA);
            assertThat(r.confidence()).isEqualTo(50);
        });
        assertThat(batch.nodes()).filteredOn(n -> n.type() == NodeType.ThreatGroup).hasSize(1041);
        // 60 groups are related to ATT&CK intrusion sets, 59 of them as "similar"; RedDelta only "overlaps" Mustang Panda.
        assertThat(batch.nodes()).filteredOn(n -> n.externalIds().stream().anyMatch(x -> x.startsWith("stix:intrusion-set--")))
                .hasSize(59);
        assertThat(node(batch, Ids.of(NodeType.ThreatGroup, "reddelta")).externalIds()).noneMatch(x -> x.startsWith("stix:"));
        System.out.printf("MISP threat-actor: %d nodes, %d relationships, warnings:%n  %s%n", batch.nodes().size(),
                batch.relationships().size(), String.join("\n  ", batch.warnings()));
    }

    @Test
    void theRealSectorAndCountryClustersRead() throws IOException {
        var sectors = reader.read("sector.json", real("sector"));
        assertThat(sectors.nodes()).extracting(n -> n.props().get("name"))
                .contains("financial-services", "government", "healthcare", "telecommunications", "defense");
        assertThat(sectors.nodes()).allSatisfy(n -> assertThat(n.type()).isEqualTo(NodeType.Sector));

        var countries = reader.read("country.json", real("country"));
        assertThat(countries.nodes()).hasSize(249);
        assertThat(countries.warnings()).singleElement().asString().contains("(XK)", "(CS)", "(AN)");
    }
}
