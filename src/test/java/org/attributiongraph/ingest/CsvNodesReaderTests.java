package org.attributiongraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.attributiongraph.Fixtures.fixture;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.attributiongraph.graph.GraphModel.ExtraLabel;
import org.attributiongraph.graph.GraphModel.NodeType;
import org.attributiongraph.graph.Ids;
import org.junit.jupiter.api.Test;

/** The csv-nodes reader on its own: typed columns, labels, derived ids, and every refusal with its line. */
class CsvNodesReaderTests {

    private static final String LABELS = "one of Country, Agency, Organization, Person, ThreatGroup, Campaign, Incident, Software, "
            + "Sector, Source, plus optionally MSP (on Organization), Contractor (on Organization), Indictment (on Source), "
            + "Sanction (on Source)";

    private final CsvNodesReader reader = new CsvNodesReader();

    private List<String> problems(String name) {
        try {
            reader.read(name, fixture("csv/" + name));
        } catch (ImportRejectedException e) {
            return e.problems().stream().map(Problem::message).toList();
        }
        throw new AssertionError(name + " was accepted");
    }

    @Test
    void rowsBecomeNodesWithTypedPropertiesAndDerivedIds() {
        var batch = reader.read("nodes.csv", fixture("csv/nodes.csv"));

        assertThat(batch.nodes()).extracting(NodeRecord::id, NodeRecord::type, NodeRecord::extraLabels, NodeRecord::props,
                NodeRecord::aliases).containsExactly(
                tuple("intrusion-set--8d3d7d2e-3f6a-4c59-a1a3-9c1b8a3f5e01", NodeType.ThreatGroup, Set.of(),
                        Map.of("name", "Test Panda", "description", "A group, with a comma", "tlp", "green",
                                "first_seen", LocalDate.of(2015, 6, 1)),
                        List.of("Panda Test", "TP")),
                // Empty ids are derived like the curated ones, so these merge with them.
                tuple(Ids.of(NodeType.Organization, "litware managed services"), NodeType.Organization, Set.of(ExtraLabel.MSP),
                        Map.of("name", "Litware Managed Services", "employees", 120L), List.of()),
                tuple(Ids.of(NodeType.Country, "DE"), NodeType.Country, Set.of(), Map.of("name", "Germany", "country", "DE"),
                        List.of("Deutschland")),
                tuple(Ids.of(NodeType.Sector, "financial services"), NodeType.Sector, Set.of(),
                        Map.of("name", "financial-services"), List.of("Finance")),
                tuple(Ids.of(NodeType.Source, "https://data.example.com/litware/clients.csv"), NodeType.Source, Set.of(),
                        Map.of("name", "Litware client list", "kind", "dataset", "url", "https://data.example.com/litware/clients.csv"),
                        List.of()));
        assertThat(batch.relationships()).isEmpty();
        assertThat(batch.references()).isEmpty();
    }

    @Test
    void headerProblemsAreListedAndNoRowIsRead() {
        assertThat(problems("bad-nodes-header.csv")).containsExactly(
                "line 1, column Aliases: a property name must be snake_case ([a-z][a-z0-9_]*)",
                "line 1, column score:decimal: unknown type \"decimal\"; allowed: string, int, long, float, double, boolean, date, "
                        + "each also as an array (type[]), or one of :ID, :LABEL",
                "line 1, column _secret: a property name must be snake_case ([a-z][a-z0-9_]*)",
                "line 1, column name: the column name appears twice",
                "line 1, column description:int: description must be description:string");
    }

    @Test
    void everyBadRowIsReportedWithItsLineAndColumn() {
        assertThat(problems("bad-nodes.csv")).containsExactly(
                "line 2, column :LABEL: unknown label \"Organisation\"; allowed: " + LABELS,
                "line 3, column :LABEL: a node needs exactly one primary label, found [ThreatGroup, Person]; allowed: " + LABELS,
                "line 4, column :LABEL: the label MSP is only allowed on Organization nodes",
                "line 5, column id:ID: \"apt10\" is not an id of the form type--uuid (lower case); leave it empty to derive it from the name",
                "line 6, column employees: \"many\" is not an integer",
                "line 7, column first_seen: \"2015-02-30\" is not a date (YYYY-MM-DD)",
                "line 8, column country: \"Germany\" is not an ISO 3166-1 alpha-2 code",
                "line 9, column name: \"banking\" is not a STIX industry-sector word",
                "line 10, column tlp: unknown TLP \"purple\"; allowed: clear, green, amber, amber+strict, red",
                "line 11, column name: name is required",
                "line 12, column kind: a Source needs a kind, one of indictment, government-statement, sanction, vendor-report, press, dataset",
                "line 12, column url: a Source needs its url",
                "line 13, column country: country is only allowed on a Country; link other nodes to theirs with LOCATED_IN",
                "line 15, column id:ID: the node " + Ids.of(NodeType.Organization, "northwind managed it") + " is already on line 14");
    }
}
