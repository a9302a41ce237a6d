package org.attributiongraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.attributiongraph.Fixtures.fixture;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.attributiongraph.graph.GraphModel.ExtraLabel;
import org.attributiongraph.graph.GraphModel.NodeType;
import org.attributiongraph.graph.GraphModel.RelType;
import org.attributiongraph.graph.Ids;
import org.junit.jupiter.api.Test;

/** The MSP client-list reader on its own: the mapping of a good file, every refusal with its line, and its speed. */
class MspClientsCsvReaderTests {

    private static final String LIST = "https://www.example.org/msp/clients.csv";
    private static final String NORTHWIND = org("Northwind Managed IT");
    private static final String TAILSPIN = org("Tailspin Hosting");
    private static final String CONTOSO = org("Contoso Bank");

    private final MspClientsCsvReader reader = new MspClientsCsvReader();

    private static String org(String name) {
        return Ids.of(NodeType.Organization, Ids.normalise(name));
    }

    private static String source(String url) {
        return Ids.of(NodeType.Source, url);
    }

    private static NodeRecord node(ImportBatch batch, String id) {
        return batch.nodes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no node " + id));
    }

    private List<String> problems(byte[] content) {
        try {
            reader.read("list.csv", content);
        } catch (ImportRejectedException e) {
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("list.csv"));
            return e.problems().stream().map(Problem::message).toList();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void providersServeClientsThatAreLocatedAndInASector() {
        var batch = reader.read("msp-clients.csv", fixture("csv/msp-clients.csv"));

        assertThat(batch.nodes()).filteredOn(n -> n.type() == NodeType.Organization)
                .extracting(n -> n.props().get("name"), NodeRecord::extraLabels)
                .containsExactlyInAnyOrder(
                        tuple("Northwind Managed IT", Set.of(ExtraLabel.MSP)),
                        tuple("Contoso Bank", Set.of()),
                        tuple("Fabrikam, Inc.", Set.of()),
                        // A client in one row and a provider in another is both.
                        tuple("Tailspin Hosting", Set.of(ExtraLabel.MSP)),
                        tuple("The \"Blue\" Clinic", Set.of()));
        assertThat(batch.nodes()).filteredOn(n -> n.type() == NodeType.Country).extracting(NodeRecord::id)
                .containsExactly(Ids.of(NodeType.Country, "DE"), Ids.of(NodeType.Country, "US"), Ids.of(NodeType.Country, "GB"),
                        Ids.of(NodeType.Country, "JP"));
        assertThat(batch.nodes()).filteredOn(n -> n.type() == NodeType.Sector).extracting(NodeRecord::id)
                .containsExactly(Ids.of(NodeType.Sector, "financial services"), Ids.of(NodeType.Sector, "manufacturing"),
                        Ids.of(NodeType.Sector, "technology"), Ids.of(NodeType.Sector, "healthcare"));
        assertThat(node(batch, source(LIST)).props()).isEqualTo(Map.of("name", "www.example.org", "title", "www.example.org",
                "kind", "dataset", "url", LIST, "publisher", "example.org"));
        assertThat(batch.nodes()).hasSize(15);

        assertThat(batch.relationships()).filteredOn(r -> r.type() == RelType.SERVES)
                .extracting(RelationshipRecord::from, RelationshipRecord::to, RelationshipRecord::validFrom, RelationshipRecord::confidence)
                .containsExactly(
                        tuple(NORTHWIND, CONTOSO, LocalDate.of(2016, 3, 1), 50),
                        tuple(NORTHWIND, org("Fabrikam, Inc."), null, 50),
                        tuple(NORTHWIND, TAILSPIN, LocalDate.of(2017, 1, 15), 50),
                        tuple(TAILSPIN, org("The \"Blue\" Clinic"), LocalDate.of(2019, 6, 30), 50),
                        tuple(TAILSPIN, CONTOSO, null, 50));
        // Two rows locate Contoso Bank in Germany: one relationship citing both lists.
        assertThat(batch.relationships()).filteredOn(r -> r.type() == RelType.LOCATED_IN && r.from().equals(CONTOSO))
                .singleElement().satisfies(r -> assertThat(r.sources())
                        .containsExactly(source(LIST), source("https://data.example.net/tailspin.csv")));
        assertThat(batch.relationships()).filteredOn(r -> r.type() == RelType.IN_SECTOR).hasSize(4);
        assertThat(batch.relationships()).hasSize(13).allSatisfy(r -> assertThat(r.asserted()).isNull());
    }

    @Test
    void aWrongHeaderIsOneProblem() {
        assertThat(problems(fixture("csv/bad-msp-header.csv"))).containsExactly(
                "line 1: the header must be exactly \"provider,client,client_country,client_sector,since,source_url\", "
                        + "found \"provider,client,country,sector,since,source_url\"");
        assertThat(problems(new byte[0])).containsExactly("line 1: the file is empty; it must start with the header");
    }

    @Test
    void everyBadRowIsReportedWithItsLineAndColumn() {
        assertThat(problems(fixture("csv/bad-msp-rows.csv"))).containsExactly(
                "line 2, column client_country: \"Germany\" is not an ISO 3166-1 alpha-2 code; did you mean DE?",
                "line 3, column client_sector: \"Finance\" is not a STIX industry-sector word; did you mean financial-services?",
                // The quoted name spans lines 4 and 5: the row is on line 4.
                "line 4, column since: \"2016-13-01\" is not a date (YYYY-MM-DD)",
                "line 6, column source_url: \"ftp://example.org/list.csv\" is not an absolute http(s) URL",
                "line 7: expected 6 fields as in the header, found 7 (is there a comma in a value that is not quoted?)",
                "line 8, column provider: provider is required",
                "line 9: \"Northwind Managed IT\" serving \"Contoso Bank\" is already on line 2; give each provider and client one row",
                "line 10, column client: \"northwind managed it\" is the provider itself",
                "line 11: expected 6 fields as in the header, found 3");
    }

    @Test
    void aStrayQuoteStopsReadingAtItsLine() {
        assertThat(problems(fixture("csv/bad-msp-quote.csv"))).singleElement().asString()
                .startsWith("line 3: not valid CSV: Invalid character between encapsulated token and delimiter");
    }

    @Test
    void textThatIsNotUtf8IsRefused() {
        byte[] latin1 = (String.join(",", MspClientsCsvReader.HEADER) + "\nNorthwind,Caf\u00e9 M\u00fcller,DE,,,https://example.org/\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(problems(latin1)).containsExactly("line 2: not valid CSV: the file is not UTF-8 text");
    }

    @Test
    void aByteOrderMarkIsIgnored() {
        byte[] bom = ("\uFEFF" + String.join(",", MspClientsCsvReader.HEADER) + "\nNorthwind,Contoso,DE,,,https://example.org/\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(reader.read("bom.csv", bom).relationships()).hasSize(2);
    }

    @Test
    void aHundredThousandRowsAreReadQuickly() {
        var csv = new StringBuilder(String.join(",", MspClientsCsvReader.HEADER)).append('\n');
        String[] sectors = {"healthcare", "technology", "", "financial-services"};
        for (int i = 0; i < 100_000; i++) {
            csv.append("Provider ").append(i % 500).append(",Client ").append(i).append(',').append(i % 2 == 0 ? "DE" : "US")
                    .append(',').append(sectors[i % 4]).append(",2020-01-01,https://example.org/list").append(i % 10).append('\n');
        }
        byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        var batch = reader.read("big.csv", content);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("msp-clients: 100000 rows read in %d ms%n", took.toMillis());
        assertThat(batch.nodes()).hasSize(100_000 + 500 + 2 + 3 + 10);
        assertThat(batch.relationships()).hasSize(100_000 + 100_000 + 75_000);
        assertThat(took).isLessThan(Duration.ofSeconds(20));
    }
}
