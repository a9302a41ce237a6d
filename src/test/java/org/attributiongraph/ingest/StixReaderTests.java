package org.attributiongraph.ingest;

import static org.attributiongraph.Fixtures.sharedData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.attributiongraph.Fixtures.fixture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.attributiongraph.graph.GraphModel.ExtraLabel;
import org.attributiongraph.graph.GraphModel.NodeType;
import org.attributiongraph.graph.GraphModel.RelType;
import org.attributiongraph.graph.Ids;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The STIX reader on its own: one fixture per mapping rule and per refusal, then the real bundles in ../shared/data. */
class StixReaderTests {

    /** One reader for all tests: it compiles each OASIS schema once. */
    private static final StixReader READER = new StixReader();

    private static ImportBatch read(String name) {
        return READER.read(name, fixture("stix/" + name));
    }

    private static ImportRejectedException rejected(String name) {
        try {
            READER.read(name, fixture("stix/" + name));
        } catch (ImportRejectedException e) {
            return e;
        }
        throw new AssertionError(name + " was accepted");
    }

    /** The ids of the fixtures: {@code <type>--0000000n-0000-4000-8000-00000000000n}. */
    private static String id(String type, int n) {
        return "%s--%08x-0000-4000-8000-%012x".formatted(type, n, n);
    }

    private static NodeRecord node(ImportBatch batch, String id) {
        return batch.nodes().stream().filter(n -> n.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + id + " in " + batch.nodes()));
    }

    private static RelationshipRecord relationship(ImportBatch batch, String from, RelType type, String to) {
        return batch.relationships().stream().filter(r -> r.from().equals(from) && r.type() == type && r.to().equals(to)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + from + " " + type + " " + to + " in " + batch.relationships()));
    }

    private static String sector(String word) {
        return Ids.of(NodeType.Sector, Ids.normalise(word));
    }

    // ---- mapping ----

    @Test
    void threatActorsBecomeAgencyPersonOrThreatGroup() {
        var batch = read("threat-actors.json");

        assertThat(batch.nodes()).extracting(NodeRecord::id, NodeRecord::type, n -> n.props().get("name"), n -> n.props().get("threat_actor_types"))
                .containsExactly(
                        tuple(id("threat-actor", 1), NodeType.Agency, "Ministry of Example Security", List.of("nation-state")),
                        tuple(id("threat-actor", 2), NodeType.Agency, "Example General Staff Directorate", List.of("nation-state", "spy")),
                        tuple(id("threat-actor", 3), NodeType.Person, "Lone Example", List.of("lone-wolf")),
                        // A nation-state agent, not its sponsor: a group.
                        tuple(id("threat-actor", 4), NodeType.ThreatGroup, "Unit 00004", List.of("nation-state")),
                        tuple(id("threat-actor", 5), NodeType.ThreatGroup, "Example Crew", List.of("crime-syndicate")));
        var crew = node(batch, id("threat-actor", 5));
        assertThat(crew.aliases()).containsExactly("Crew Five");
        assertThat(crew.externalIds()).containsExactly("stix:" + id("threat-actor", 5));
        assertThat(batch.warnings()).isEmpty();
    }

    @Test
    void identitiesBecomePersonAgencyOrOrganizationInTheirSectors() {
        var batch = read("identities.json");

        assertThat(batch.nodes().stream().filter(n -> n.type() != NodeType.Sector))
                .extracting(NodeRecord::id, NodeRecord::type)
                .containsExactly(
                        tuple(id("identity", 1), NodeType.Person),
                        tuple(id("identity", 2), NodeType.Agency),
                        tuple(id("identity", 3), NodeType.Agency),
                        tuple(id("identity", 4), NodeType.Organization),
                        tuple(id("identity", 5), NodeType.Agency),
                        tuple(id("identity", 6), NodeType.Organization),
                        tuple(id("identity", 7), NodeType.Organization),
                        tuple(id("identity", 8), NodeType.Agency));
        // Sector ids use the natural key of the curated Sector nodes, so both merge.
        assertThat(batch.nodes().stream().filter(n -> n.type() == NodeType.Sector))
                .extracting(NodeRecord::id, n -> n.props().get("name"))
                .containsExactly(
                        tuple(sector("government-national"), "government-national"), tuple(sector("technology"), "technology"),
                        tuple(sector("financial-services"), "financial-services"), tuple(sector("defense"), "defense"),
                        tuple(sector("government"), "government"), tuple(sector("government-local"), "government-local"));
        assertThat(sector("financial-services")).isEqualTo(Ids.of(NodeType.Sector, "financial services"));
        // "foreign-intelligence" makes a state body but is no industry-sector word: no IN_SECTOR for it.
        assertThat(batch.relationships()).extracting(RelationshipRecord::from, RelationshipRecord::type, RelationshipRecord::to,
                        RelationshipRecord::confidence, RelationshipRecord::asserted)
                .containsExactly(
                        tuple(id("identity", 1), RelType.IN_SECTOR, sector("government-national"), 50, LocalDate.of(2024, 1, 15)),
                        tuple(id("identity", 2), RelType.IN_SECTOR, sector("government-national"), 50, LocalDate.of(2024, 1, 15)),
                        tuple(id("identity", 2), RelType.IN_SECTOR, sector("technology"), 50, LocalDate.of(2024, 1, 15)),
                        tuple(id("identity", 4), RelType.IN_SECTOR, sector("financial-services"), 90, LocalDate.of(2024, 1, 15)),
                        tuple(id("identity", 5), RelType.IN_SECTOR, sector("defense"), 50, LocalDate.of(2024, 1, 15)),
                        tuple(id("identity", 6), RelType.IN_SECTOR, sector("government"), 50, LocalDate.of(2024, 1, 15)),
                        tuple(id("identity", 8), RelType.IN_SECTOR, sector("government-local"), 50, LocalDate.of(2024, 1, 15)));
    }

    @Test
    void countryLocationsBecomeOneCountryAndReferencesFollow() {
        var batch = read("locations.json");
        String china = Ids.of(NodeType.Country, "CN");

        var country = node(batch, china);
        assertThat(country.type()).isEqualTo(NodeType.Country);
        assertThat(country.props()).containsEntry("name", "China").containsEntry("country", "CN")
                .containsEntry("sources", List.of(id("report", 9)));
        assertThat(country.externalIds()).containsExactly("stix:" + id("location", 1), "stix:" + id("location", 2));
        assertThat(batch.nodes()).extracting(NodeRecord::id).doesNotContain(id("location", 1), id("location", 2));
        var region = node(batch, id("location", 3));
        assertThat(region.type()).isEqualTo(NodeType.StixObject);
        assertThat(region.props()).containsEntry("stix_type", "location").containsEntry("name", "Eastern Asia");

        // located-at a country: an organ of the state from an Agency, a location from anything else.
        assertThat(batch.relationships().stream().filter(r -> r.type() != RelType.IN_SECTOR))
                .extracting(RelationshipRecord::from, RelationshipRecord::type, RelationshipRecord::to, RelationshipRecord::originalType)
                .containsExactly(
                        tuple(id("identity", 4), RelType.PART_OF, china, null),
                        tuple(id("intrusion-set", 5), RelType.LOCATED_IN, china, null),
                        tuple(id("intrusion-set", 5), RelType.RELATED_TO, id("location", 3), "located-at"));
        assertThat(relationship(batch, id("intrusion-set", 5), RelType.LOCATED_IN, china).sources()).containsExactly(id("report", 9));
        assertThat(batch.references()).isEmpty();
        assertThat(batch.warnings()).containsExactly("kept 1 location objects as StixObject");
    }

    @Test
    void reportsBecomeSourcesAndTheEvidenceOfWhatTheyList() {
        var batch = read("reports.json");
        String vendorReport = id("report", 6);
        String indictment = id("report", 7);

        var vendor = node(batch, vendorReport);
        assertThat(vendor.type()).isEqualTo(NodeType.Source);
        assertThat(vendor.extraLabels()).isEmpty();
        assertThat(vendor.props()).isEqualTo(Map.of("name", "Example Group exposed", "title", "Example Group exposed",
                "kind", "vendor-report", "published", LocalDate.of(2020, 3, 1),
                "url", "https://vendor.example/reports/example-group", "publisher", "Example Security Vendor"));
        assertThat(vendor.externalIds()).containsExactly("stix:" + vendorReport);
        var court = node(batch, indictment);
        assertThat(court.extraLabels()).containsExactly(ExtraLabel.Indictment);
        // The first external reference with a URL; no publisher without a created_by_ref identity.
        assertThat(court.props()).containsEntry("kind", "indictment").containsEntry("url", "https://court.example/1-19-cr-00001")
                .containsEntry("published", LocalDate.of(2019, 5, 1)).doesNotContainKey("publisher");

        assertThat(node(batch, id("intrusion-set", 2)).props()).containsEntry("sources", List.of(vendorReport, indictment));
        assertThat(node(batch, id("malware", 3)).props()).containsEntry("sources", List.of(vendorReport));
        assertThat(node(batch, id("identity", 1)).props()).doesNotContainKey("sources");

        // Listed by both reports: both are its sources, asserted at the earlier publication.
        var uses = relationship(batch, id("intrusion-set", 2), RelType.USES, id("malware", 3));
        assertThat(uses.sources()).containsExactly(vendorReport, indictment);
        assertThat(uses.asserted()).isEqualTo(LocalDate.of(2019, 5, 1));
        // Listed by no report: asserted when the STIX relationship was created.
        var targets = relationship(batch, id("intrusion-set", 2), RelType.TARGETS, id("identity", 1));
        assertThat(targets.sources()).isEmpty();
        assertThat(targets.asserted()).isEqualTo(LocalDate.of(2021, 6, 15));
    }

    @Test
    void externalReferencesOfRelationshipsBecomeSourcesKeyedByUrl() {
        var batch = read("external-references.json");
        String attack = Ids.of(NodeType.Source, "https://attack.mitre.org/software/S9001");
        String blog = Ids.of(NodeType.Source, "https://blog.example/loader");

        assertThat(batch.nodes().stream().filter(n -> n.type() == NodeType.Source))
                .extracting(NodeRecord::id, NodeRecord::props)
                .containsExactly(
                        tuple(attack, Map.of("name", "mitre-attack", "title", "mitre-attack", "kind", "dataset",
                                "url", "https://attack.mitre.org/software/S9001", "publisher", "mitre-attack")),
                        tuple(blog, Map.of("name", "Doe, J. (2021, May 4). The Example loader. Retrieved May 5, 2021.",
                                "title", "Doe, J. (2021, May 4). The Example loader. Retrieved May 5, 2021.", "kind", "vendor-report",
                                "url", "https://blog.example/loader", "publisher", "Example Blog 2021")));
        var uses = relationship(batch, id("intrusion-set", 1), RelType.USES, id("malware", 2));
        assertThat(uses.sources()).containsExactly(attack, blog);
        // No source is dated: asserted when the relationship was created.
        assertThat(uses.asserted()).isEqualTo(LocalDate.of(2021, 9, 9));
        assertThat(relationship(batch, id("intrusion-set", 1), RelType.TARGETS, id("identity", 3)).sources()).containsExactly(blog);
        assertThat(node(batch, id("intrusion-set", 1)).externalIds()).containsExactly("stix:" + id("intrusion-set", 1), "mitre-attack:G9001");
        assertThat(node(batch, id("malware", 2)).externalIds()).containsExactly("stix:" + id("malware", 2), "mitre-attack:S9001");
    }

    @Test
    void confidenceFromTheRelationshipElseItsSourceElseFifty() {
        var batch = read("confidence.json");

        assertThat(batch.relationships()).extracting(RelationshipRecord::from, RelationshipRecord::type, RelationshipRecord::confidence)
                .containsExactly(
                        tuple(id("intrusion-set", 1), RelType.USES, 80),
                        tuple(id("intrusion-set", 1), RelType.TARGETS, 70),
                        tuple(id("intrusion-set", 2), RelType.USES, 50));
    }

    @Test
    void relationshipTypesMapMechanicallyOrToRelatedTo() {
        var batch = read("relationship-types.json");
        String group = id("intrusion-set", 1);

        assertThat(batch.relationships().stream().filter(r -> r.type() != RelType.IN_SECTOR))
                .extracting(RelationshipRecord::from, RelationshipRecord::type, RelationshipRecord::to, RelationshipRecord::originalType)
                .containsExactly(
                        tuple(id("campaign", 4), RelType.ATTRIBUTED_TO, group, null),
                        tuple(group, RelType.TARGETS, id("identity", 5), null),
                        tuple(group, RelType.USES, id("malware", 2), null),
                        tuple(group, RelType.RELATED_TO, id("identity", 5), "compromises"),
                        tuple(group, RelType.RELATED_TO, id("threat-actor", 6), "related-to"),
                        // Only entity resolution says POSSIBLY_SAME_AS.
                        tuple(group, RelType.RELATED_TO, id("threat-actor", 6), "possibly-same-as"),
                        tuple(id("malware", 3), RelType.RELATED_TO, id("malware", 2), "variant-of"));
        var targets = relationship(batch, group, RelType.TARGETS, id("identity", 5));
        assertThat(targets.validFrom()).isEqualTo(LocalDate.of(2015, 1, 1));
        assertThat(targets.validTo()).isEqualTo(LocalDate.of(2016, 6, 30));
        assertThat(targets.description()).isEqualTo("Example Bear targeted the utility's network.");
        assertThat(batch.warnings()).containsExactly("dropped 1 revoked-by relationships");
    }

    @Test
    void otherObjectsAreKeptAsStixObjectOrCountedNeverSilentlyDropped() {
        var batch = read("stix-objects.json");

        assertThat(batch.nodes()).extracting(NodeRecord::id, NodeRecord::type, n -> n.props().get("stix_type"), n -> n.props().get("name"))
                .containsExactly(
                        tuple(id("attack-pattern", 1), NodeType.StixObject, "attack-pattern", "Spearphishing Attachment"),
                        tuple(id("indicator", 2), NodeType.StixObject, "indicator", "Example C2 address"),
                        // No name: the id stands in, so that every node has one.
                        tuple(id("indicator", 3), NodeType.StixObject, "indicator", id("indicator", 3)),
                        tuple(id("vulnerability", 4), NodeType.StixObject, "vulnerability", "CVE-2099-0001"),
                        tuple(id("x-acme-widget", 5), NodeType.StixObject, "x-acme-widget", "Acme widget"));
        assertThat(batch.relationships()).extracting(RelationshipRecord::from, RelationshipRecord::type, RelationshipRecord::to, RelationshipRecord::originalType)
                .containsExactly(tuple(id("indicator", 2), RelType.RELATED_TO, id("attack-pattern", 1), "indicates"));
        assertThat(batch.warnings()).containsExactly(
                "kept 1 attack-pattern, 2 indicator, 1 vulnerability, 1 x-acme-widget objects as StixObject",
                "skipped 1 domain-name, 1 ipv4-addr, 1 marking-definition, 1 sighting objects: not graph nodes",
                "dropped 1 relationships whose source or target is not a graph node");
    }

    @Test
    void revokedAndDeprecatedObjectsAreSkippedWithTheirRelationships() {
        var batch = read("revoked-deprecated.json");

        assertThat(batch.nodes()).extracting(NodeRecord::id).containsExactly(id("intrusion-set", 1), id("malware", 4));
        assertThat(batch.relationships()).extracting(RelationshipRecord::from, RelationshipRecord::type, RelationshipRecord::to)
                .containsExactly(tuple(id("intrusion-set", 1), RelType.USES, id("malware", 4)));
        assertThat(batch.warnings()).containsExactly(
                "skipped 2 revoked and 1 deprecated objects, and 3 relationships touching them",
                "dropped 1 revoked-by relationships");
        assertThat(batch.references()).isEmpty();
    }

    @Test
    void tlp1MarkingsMapToTlp2WordsMostRestrictiveWins() {
        var batch = read("markings-tlp1.json");

        assertThat(batch.nodes()).extracting(n -> n.props().get("name"), n -> n.props().get("tlp"))
                .containsExactly(tuple("White Group", "clear"), tuple("Green Group", "green"), tuple("Amber Group", "amber"),
                        tuple("Red Group", "red"), tuple("Mixed Group", "amber"), tuple("Unmarked Group", null));
        assertThat(batch.relationships()).singleElement().extracting(RelationshipRecord::tlp).isEqualTo("red");
    }

    @Test
    void tlp2MarkingsPredefinedAndDefinedInTheBundle() {
        var batch = read("markings-tlp2.json");

        assertThat(batch.nodes()).extracting(n -> n.props().get("name"), n -> n.props().get("tlp"))
                .containsExactly(tuple("Clear Group", "clear"), tuple("Green Group", "green"), tuple("Amber Group", "amber"),
                        tuple("Amber Strict Group", "amber+strict"), tuple("Red Group", "red"),
                        tuple("Own Red Group", "red"), tuple("Statement Group", null), tuple("Strictest Wins Group", "amber+strict"));
        assertThat(batch.warnings()).containsExactly("skipped 3 marking-definition objects: not graph nodes");
    }

    @Test
    void stix20ObjectsWithoutSpecVersionAreRead() {
        // Timestamps without milliseconds would fail the STIX 2.1 schema: STIX 2.0 objects get the basic checks only.
        var batch = read("stix20.json");

        var group = node(batch, id("intrusion-set", 1));
        assertThat(group.type()).isEqualTo(NodeType.ThreatGroup);
        assertThat(group.aliases()).containsExactly("Twenty Team");
        assertThat(group.externalIds()).containsExactly("stix:" + id("intrusion-set", 1), "mitre-attack:G9002");
        var tool = node(batch, id("tool", 2));
        assertThat(tool.props()).containsEntry("stix_type", "tool").containsEntry("tlp", "amber");
        assertThat(tool.aliases()).containsExactly("ETool");
        // STIX 2.0 names the threat-actor types in labels.
        var sponsor = node(batch, id("threat-actor", 3));
        assertThat(sponsor.type()).isEqualTo(NodeType.Agency);
        assertThat(sponsor.props()).containsEntry("threat_actor_types", List.of("nation-state"));
        assertThat(batch.relationships()).extracting(RelationshipRecord::from, RelationshipRecord::type, RelationshipRecord::to, RelationshipRecord::asserted)
                .containsExactly(tuple(id("intrusion-set", 1), RelType.USES, id("tool", 2), LocalDate.of(2017, 5, 31)));
    }

    @Test
    void aRelationshipToAnObjectOutsideTheBundleIsAReference() {
        var batch = read("dangling-reference.json");

        assertThat(batch.references()).containsExactly(id("malware", 99));
        assertThat(batch.relationships()).extracting(RelationshipRecord::from, RelationshipRecord::type, RelationshipRecord::to)
                .containsExactly(tuple(id("intrusion-set", 1), RelType.USES, id("malware", 99)));
    }

    // ---- refusals ----

    @Test
    void notJsonNamesTheLine() {
        assertThat(rejected("bad-json.json").problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("not valid JSON");
            assertThat(p.line()).isEqualTo(7);
        });
    }

    @Test
    void notABundle() {
        assertThat(rejected("not-a-bundle.json").problems()).extracting(Problem::pointer, Problem::line)
                .containsExactly(tuple("/type", 2), tuple("/id", 4), tuple("/objects", 1)); // a missing member: the line the object starts on
        assertThat(rejected("not-a-bundle.json").problems().getFirst().message()).startsWith("not a STIX bundle: type is \"campaign\"");
        assertThatThrownBy(() -> READER.read("list.json", "[{\"type\": \"bundle\"}]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems()).singleElement()
                        .extracting(Problem::message).asString().startsWith("not a STIX bundle"));
    }

    @Test
    void schemaViolationsNameTheirPointerAndLine() {
        var e = rejected("bad-schema.json");

        assertThat(e.file()).isEqualTo("bad-schema.json");
        assertThat(e.problems()).extracting(Problem::pointer, Problem::line)
                .containsExactly(tuple("/objects/0/is_family", 5), tuple("/objects/1/first_seen", 20), tuple("/objects/2/confidence", 31));
        assertThat(e.problems()).extracting(Problem::message).containsExactly(
                "STIX 2.1 schema: required property 'is_family' not found",
                "STIX 2.1 schema: does not match the regex pattern ^[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]|60)(\\.[0-9]+)?Z$",
                "STIX 2.1 schema: must have a maximum value of 100");
    }

    @Test
    void malformedIdsAndReferences() {
        assertThat(rejected("bad-ids.json").problems()).extracting(Problem::pointer, Problem::message).containsExactly(
                tuple("/objects/0/id", "id \"intrusion-set--not-a-uuid\" is not a STIX identifier (<type>--<UUID>)"),
                tuple("/objects/1/id", "id \"tool--00000002-0000-4000-8000-000000000002\" does not start with its type \"malware--\""),
                tuple("/objects/2/created_by_ref", "created_by_ref \"identity--1234\" is not a STIX identifier (<type>--<UUID>)"),
                tuple("/objects/2/source_ref", "source_ref \"APT1\" is not a STIX identifier (<type>--<UUID>)"),
                tuple("/objects/3/object_refs/1", "\"malware:2\" is not a STIX identifier (<type>--<UUID>)"),
                tuple("/objects/3/object_marking_refs/0", "\"TLP:RED\" is not a STIX identifier (<type>--<UUID>)"));
    }

    @Test
    void missingCreatedModifiedOrRelationshipType() {
        // The 2.1 campaign's missing created is reported once, not again by the schema.
        assertThat(rejected("bad-missing-fields.json").problems()).extracting(Problem::pointer, Problem::line, Problem::message).containsExactly(
                tuple("/objects/0/created", 6, "created is required"),
                tuple("/objects/1/modified", 12, "modified is required"),
                tuple("/objects/2/modified", 22, "modified \"yesterday\" is not a STIX timestamp (YYYY-MM-DDTHH:MM:SS[.sss]Z)"),
                tuple("/objects/2/relationship_type", 18, "relationship_type is required"),
                tuple("/objects/3/created", 26, "created is required"));
    }

    // ---- the real bundles in ../shared/data ----

    @Nested
    class SharedData {

        private Path data;

        @BeforeEach
        void locate() {
            data = sharedData("").toAbsolutePath().normalize();
        }

        private ImportBatch readFile(Path file) throws IOException {
            return READER.read(file.getFileName().toString(), Files.readAllBytes(file));
        }

        private static Map<String, Long> count(List<NodeRecord> nodes) {
            var counts = new TreeMap<String, Long>();
            nodes.forEach(n -> counts.merge(n.type().name(), 1L, Long::sum));
            return counts;
        }

        private static Map<String, Long> countRelationships(List<RelationshipRecord> relationships) {
            var counts = new TreeMap<String, Long>();
            relationships.forEach(r -> counts.merge(r.type().name() + (r.originalType() == null ? "" : "/" + r.originalType()), 1L, Long::sum));
            return counts;
        }

        @Test
        void oasisApt1Report() throws IOException {
            var batch = readFile(data.resolve("oasis-stix21-examples/examples/threat-reports/apt1.json"));

            assertThat(batch.nodes()).hasSize(47);
            assertThat(count(batch.nodes())).isEqualTo(Map.of("Agency", 1L, "Person", 4L, "Sector", 1L, "Software", 16L,
                    "Source", 1L, "StixObject", 19L, "ThreatGroup", 5L));
            assertThat(countRelationships(batch.relationships())).isEqualTo(Map.of("ATTRIBUTED_TO", 7L, "IN_SECTOR", 4L,
                    "RELATED_TO/indicates", 7L, "USES", 16L));
            assertThat(batch.warnings()).containsExactly("kept 7 attack-pattern, 12 indicator objects as StixObject");
            assertThat(batch.references()).isEmpty();

            String report = "report--e33ffe07-2f4c-48d8-b0af-ee2619d765cf";
            assertThat(node(batch, report).props()).containsEntry("published", LocalDate.of(2013, 2, 19))
                    .containsEntry("kind", "vendor-report").containsEntry("title", "APT1: Exposing One of China's Cyber Espionage Units");
            var cpc = node(batch, "threat-actor--d5b62b58-df7c-46b1-a435-4d01945fe21d");
            assertThat(cpc.type()).isEqualTo(NodeType.Agency);
            assertThat(cpc.props()).containsEntry("name", "Communist Party of China");
            var apt1 = node(batch, "intrusion-set--da1065ce-972c-4605-8755-9cd1074e3b5a");
            assertThat(apt1.aliases()).containsExactly("Comment Crew", "Comment Group", "Shady Rat");
            assertThat(apt1.props()).containsEntry("first_seen", LocalDate.of(2006, 6, 1));
            // Every STIX relationship is in the report: it is their source and its date their assertion.
            var attributed = relationship(batch, "intrusion-set--da1065ce-972c-4605-8755-9cd1074e3b5a", RelType.ATTRIBUTED_TO,
                    "threat-actor--d5b62b58-df7c-46b1-a435-4d01945fe21d");
            assertThat(attributed.sources()).containsExactly(report);
            assertThat(attributed.asserted()).isEqualTo(LocalDate.of(2013, 2, 19));
            assertThat(attributed.confidence()).isEqualTo(50);
        }

        @Test
        void oasisPoisonIvyReport() throws IOException {
            var batch = readFile(data.resolve("oasis-stix21-examples/examples/threat-reports/poisonivy.json"));

            assertThat(count(batch.nodes())).isEqualTo(Map.of("Campaign", 3L, "Organization", 1L, "Sector", 1L, "Software", 25L,
                    "Source", 1L, "StixObject", 35L));
            assertThat(countRelationships(batch.relationships())).isEqualTo(Map.of("IN_SECTOR", 1L, "RELATED_TO/indicates", 55L,
                    "RELATED_TO/mitigates", 1L, "TARGETS", 9L, "USES", 25L));
            assertThat(batch.warnings()).containsExactly("kept 3 attack-pattern, 1 course-of-action, 25 indicator, 6 vulnerability objects as StixObject");
            assertThat(node(batch, "report--f2b63e80-b523-4747-a069-35c002c690db").props())
                    .containsEntry("publisher", "FireEye, Inc.").containsEntry("published", LocalDate.of(2013, 8, 21));
        }

        @Test
        void attackIcsBundle() throws IOException {
            Path file;
            try (Stream<Path> files = Files.list(data.resolve("mitre-attack-ics-stix21/ics-attack"))) {
                file = files.filter(p -> p.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
            }
            long started = System.nanoTime();
            var batch = readFile(file);
            System.out.printf("Read %s in %d ms: %d nodes, %d relationships%n", file.getFileName(),
                    (System.nanoTime() - started) / 1_000_000, batch.nodes().size(), batch.relationships().size());

            assertThat(count(batch.nodes())).isEqualTo(Map.of("Campaign", 7L, "Organization", 1L, "Software", 23L, "Source", 158L,
                    "StixObject", 368L, "ThreatGroup", 14L));
            assertThat(countRelationships(batch.relationships())).isEqualTo(Map.of("ATTRIBUTED_TO", 5L, "RELATED_TO/detects", 83L,
                    "RELATED_TO/mitigates", 331L, "TARGETS", 685L, "USES", 267L));
            assertThat(batch.warnings()).containsExactly(
                    "kept 83 attack-pattern, 52 course-of-action, 82 x-mitre-analytic, 18 x-mitre-asset, 1 x-mitre-collection, "
                            + "36 x-mitre-data-component, 83 x-mitre-detection-strategy, 1 x-mitre-matrix, 12 x-mitre-tactic objects as StixObject",
                    "skipped 1 marking-definition objects: not graph nodes",
                    "skipped 2 revoked and 37 deprecated objects",
                    "dropped 2 revoked-by relationships");
            assertThat(batch.references()).isEmpty();
            assertThat(batch.nodes().stream().filter(n -> n.type() == NodeType.ThreatGroup).flatMap(n -> n.externalIds().stream()))
                    .filteredOn(x -> x.startsWith("mitre-attack:")).hasSize(14);
        }

        @Test
        void attackEnterprisePerObjectFiles() throws IOException {
            Path root = data.resolve("mitre-attack-enterprise-stix20/enterprise-attack");
            var menuPass = readFile(root.resolve("intrusion-set/intrusion-set--222fbd21-fc4f-4b7e-9f85-0e6e3a76c33f.json"));

            var group = menuPass.nodes().getFirst();
            assertThat(group.type()).isEqualTo(NodeType.ThreatGroup);
            assertThat(group.props()).containsEntry("name", "menuPass");
            assertThat(group.externalIds()).containsExactly("stix:intrusion-set--222fbd21-fc4f-4b7e-9f85-0e6e3a76c33f", "mitre-attack:G0045");
            assertThat(group.aliases()).contains("APT10", "Stone Panda", "Cicada").doesNotContain("menuPass");

            // Alone, a relationship file points outside itself at both ends.
            var one = readFile(root.resolve("relationship/relationship--003f23dd-24c7-4b3b-b703-0bf081d638f4.json"));
            assertThat(one.references()).containsExactlyInAnyOrder("intrusion-set--03506554-5f37-4f8f-9ce4-0e9f01a1b484",
                    "malware--b42378e0-f147-496f-992a-26a49705395b");

            // Every file reads on its own, and all of them together form a closed bundle.
            var mapper = JsonMapper.builder().build();
            ObjectNode all = mapper.createObjectNode().put("type", "bundle").put("id", "bundle--00000000-0000-4000-8000-000000000000")
                    .put("spec_version", "2.0");
            var objects = all.putArray("objects");
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            }
            for (Path file : files) {
                readFile(file);
                mapper.readTree(file.toFile()).get("objects").forEach(objects::add);
            }
            var batch = READER.read("enterprise-attack.json", mapper.writeValueAsBytes(all));
            assertThat(files).hasSizeGreaterThan(2000);
            assertThat(batch.references()).isEmpty();
            assertThat(batch.nodes()).filteredOn(n -> n.externalIds().contains("mitre-attack:G0045"))
                    .singleElement().extracting(NodeRecord::id).isEqualTo("intrusion-set--222fbd21-fc4f-4b7e-9f85-0e6e3a76c33f");
        }
    }
}
