package org.attributiongraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.attributiongraph.Fixtures.fixture;

import java.time.LocalDate;
import java.util.List;

import org.attributiongraph.graph.GraphModel.RelType;
import org.junit.jupiter.api.Test;

/** The csv-relationships reader on its own: the mapping, the references it hands on, every refusal with its line. */
class CsvRelationshipsReaderTests {

    private static final String GROUP = "intrusion-set--8d3d7d2e-3f6a-4c59-a1a3-9c1b8a3f5e01";
    private static final String GERMANY = "location--84248de6-6ab4-5018-a280-7e932c1c1e77";
    private static final String LITWARE = "identity--711a5691-9dce-5a80-ac18-3c172bc76b10";
    private static final String LIST = "report--aab0c37a-0379-5940-85e7-42bbb9ad2bd6";
    private static final String TYPES = "ATTRIBUTED_TO, MEMBER_OF, EMPLOYED_BY, CONTRACTED_BY, PART_OF, CONTROLLED_BY, SPONSORED_BY, "
            + "TARGETS, COMPROMISED, SERVES, SUBCONTRACTS_TO, IN_SECTOR, LOCATED_IN, USES, CHARGES, ALLEGES, ISSUED_BY, DESIGNATES, "
            + "RELATED_TO, POSSIBLY_SAME_AS";

    private final CsvRelationshipsReader reader = new CsvRelationshipsReader();

    private List<String> problems(String name) {
        try {
            reader.read(name, fixture("csv/" + name));
        } catch (ImportRejectedException e) {
            return e.problems().stream().map(Problem::message).toList();
        }
        throw new AssertionError(name + " was accepted");
    }

    @Test
    void rowsBecomeRelationshipsAndTheirIdsReferences() {
        var batch = reader.read("relationships.csv", fixture("csv/relationships.csv"));

        assertThat(batch.nodes()).isEmpty();
        assertThat(batch.relationships()).containsExactly(
                new RelationshipRecord(GROUP, RelType.TARGETS, GERMANY, 70, List.of(LIST), null, LocalDate.of(2015, 1, 1), null,
                        "Seen by two vendors, not confirmed", "amber", null),
                // A source named twice is cited once.
                new RelationshipRecord(LITWARE, RelType.LOCATED_IN, GERMANY, 90, List.of(LIST), null, null, null, null, null, null));
        assertThat(batch.references()).containsExactlyInAnyOrder(GROUP, GERMANY, LITWARE, LIST);
    }

    @Test
    void headerProblemsAreListedAndNoRowIsRead() {
        String columns = ":START_ID,:END_ID,:TYPE,confidence:int,sources:string[],valid_from:date,valid_to:date,description,tlp";
        assertThat(problems("bad-relationships-header.csv")).containsExactly(
                "line 1, column confidence: unknown column; the columns are " + columns,
                "line 1, column weight:int: unknown column; the columns are " + columns,
                "line 1, column :TYPE: the column appears twice",
                "line 1: the header needs the column :END_ID",
                "line 1: the header needs the column confidence:int");
    }

    @Test
    void everyBadRowIsReportedWithItsLineAndColumn() {
        assertThat(problems("bad-relationships.csv")).containsExactly(
                "line 3, column :TYPE: unknown relationship type \"OWNED_BY\"; allowed: " + TYPES,
                "line 4, column confidence: confidence 140 is outside 0-100",
                "line 5, column confidence: \"high\" is not an integer from 0 to 100",
                "line 6, column confidence: confidence is required (an integer from 0 to 100)",
                "line 7, column :START_ID: \"APT10\" is not an id of the form type--uuid (lower case)",
                "line 8, column sources: every relationship needs at least one source id",
                "line 9, column valid_to: valid_to 2019-01-01 is before valid_from 2020-01-01",
                "line 10, column valid_from: \"2020-02-30\" is not a date (YYYY-MM-DD)",
                "line 11, column tlp: unknown TLP \"purple\"; allowed: clear, green, amber, amber+strict, red",
                "line 12: the relationship " + GROUP + " TARGETS " + GERMANY + " is already on line 2; list all its sources in one row");
    }
}
