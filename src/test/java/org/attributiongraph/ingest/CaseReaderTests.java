package org.attributiongraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import static org.attributiongraph.Fixtures.caseFile;

import java.time.LocalDate;

import org.attributiongraph.graph.GraphModel.ExtraLabel;
import org.attributiongraph.graph.GraphModel.NodeType;
import org.attributiongraph.graph.GraphModel.RelType;
import org.junit.jupiter.api.Test;

/** The case reader on its own: mapping of a good file, and every problem of the bad ones with its place. */
class CaseReaderTests {

    private final CaseReader reader = new CaseReader();

    private ImportRejectedException rejected(String name) {
        try {
            reader.read(name, caseFile(name));
        } catch (ImportRejectedException e) {
            return e;
        }
        throw new AssertionError(name + " was accepted");
    }

    @Test
    void mapsEntitiesSourcesAndRelationships() {
        var batch = reader.read("mini.case.json", caseFile("mini.case.json"));

        assertThat(batch.nodes()).extracting(NodeRecord::type, n -> n.props().get("name"))
                .containsExactlyInAnyOrder(
                        tuple(NodeType.Source, "Early vendor report"), tuple(NodeType.Source, "Test indictment"),
                        tuple(NodeType.ThreatGroup, "Test Group"), tuple(NodeType.Person, "Test Person"),
                        tuple(NodeType.Organization, "Test Front Ltd"), tuple(NodeType.Agency, "Test Ministry"),
                        tuple(NodeType.Country, "Testland"));
        var indictment = batch.nodes().stream().filter(n -> "Test indictment".equals(n.props().get("name"))).findFirst().orElseThrow();
        assertThat(indictment.extraLabels()).containsExactly(ExtraLabel.Indictment);
        assertThat(indictment.props()).containsEntry("court", "Example District Court").containsEntry("published", LocalDate.of(2018, 12, 20));
        var front = batch.nodes().stream().filter(n -> "Test Front Ltd".equals(n.props().get("name"))).findFirst().orElseThrow();
        assertThat(front.extraLabels()).containsExactly(ExtraLabel.Contractor);

        assertThat(batch.relationships()).extracting(RelationshipRecord::type, RelationshipRecord::confidence, RelationshipRecord::asserted)
                .containsExactly(
                        tuple(RelType.ATTRIBUTED_TO, 80, LocalDate.of(2017, 4, 1)),
                        tuple(RelType.EMPLOYED_BY, 90, LocalDate.of(2018, 12, 20)),
                        // Two sources: asserted is the earlier of their publication dates.
                        tuple(RelType.CONTRACTED_BY, 50, LocalDate.of(2017, 4, 1)),
                        tuple(RelType.PART_OF, 100, LocalDate.of(2017, 4, 1)),
                        tuple(RelType.CHARGES, 100, LocalDate.of(2018, 12, 20)));
        assertThat(batch.relationships().get(2).sources()).hasSize(2);
    }

    @Test
    void idsAreDeterministicSoReimportsMerge() {
        var first = reader.read("a", caseFile("mini.case.json"));
        var second = reader.read("b", caseFile("mini.case.json"));
        assertThat(first.nodes()).extracting(NodeRecord::id).isEqualTo(second.nodes().stream().map(NodeRecord::id).toList());
        var country = first.nodes().stream().filter(n -> n.type() == NodeType.Country).findFirst().orElseThrow();
        assertThat(country.id()).startsWith("location--");
    }

    @Test
    void badJsonNamesTheLine() {
        var e = rejected("bad-json.case.json");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("not valid JSON");
            assertThat(p.line()).isEqualTo(15);
        });
    }

    @Test
    void missingRequiredField() {
        var e = rejected("bad-missing-field.case.json");
        // Reported once, at the entity; the relationships that use its key are not blamed for it.
        assertThat(e.problems()).extracting(Problem::pointer, Problem::message)
                .containsExactly(tuple("/entities/1/name", "name is required"));
        assertThat(e.problems().getFirst().line()).isNotNull();
    }

    @Test
    void unknownReference() {
        var e = rejected("bad-unknown-reference.case.json");
        assertThat(e.problems()).extracting(Problem::pointer, Problem::message)
                .containsExactly(tuple("/relationships/2/to", "unknown key \"nobody\": not an entity or source of this file"));
    }

    @Test
    void confidenceOutOfRange() {
        var e = rejected("bad-confidence.case.json");
        assertThat(e.problems()).extracting(Problem::pointer, Problem::message)
                .containsExactly(tuple("/relationships/0/confidence", "confidence 140 is outside 0-100"));
    }

    @Test
    void unknownRelationshipType() {
        var e = rejected("bad-relationship-type.case.json");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/relationships/3/type");
            assertThat(p.message()).startsWith("unknown relationship type \"OWNED_BY\"; allowed: ATTRIBUTED_TO");
        });
    }

    @Test
    void everyProblemIsListedAtOnce() {
        var e = rejected("bad-many-problems.case.json");
        assertThat(e.problems()).extracting(Problem::pointer).contains(
                "/sources/0/published", "/entities/1/name", "/entities/4/country",
                "/relationships/0/confidence", "/relationships/2/to", "/relationships/3/type");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("bad-many-problems.case.json"));
    }

    @Test
    void wrongShapes() {
        assertThatThrownBy(() -> reader.read("x", "[]".getBytes())).isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> reader.read("x", new byte[0])).isInstanceOf(ImportRejectedException.class);
        var e = (ImportRejectedException) org.assertj.core.api.Assertions.catchThrowable(() -> reader.read("x",
                "{\"format\":\"attribution-case/1\",\"case\":\"x\",\"title\":\"t\",\"sources\":{},\"entities\":[1],\"relationships\":[],\"extra\":true}".getBytes()));
        assertThat(e.problems()).extracting(Problem::pointer, Problem::message).containsExactlyInAnyOrder(
                tuple("/extra", "unknown field \"extra\""),
                tuple("/sources", "sources must be a JSON array"),
                tuple("/entities/0", "must be a JSON object"));
    }

    @Test
    void duplicateJsonKeysAreRefused() {
        var e = (ImportRejectedException) org.assertj.core.api.Assertions.catchThrowable(() -> reader.read("x",
                "{\"format\":\"attribution-case/1\",\"format\":\"attribution-case/1\"}".getBytes()));
        assertThat(e.problems().getFirst().message()).contains("Duplicate");
    }
}
