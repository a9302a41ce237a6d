package org.attributiongraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.attributiongraph.Fixtures.fixture;

import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.attributiongraph.ingest.Breakage.Broken;
import org.attributiongraph.ingest.Breakage.Shape;

/**
 * Every reader, fed valid fixtures broken at random (fixed seeds, so CI sees the same inputs every
 * time): it returns a batch whose records have ids, or refuses the file with problems that each name
 * the file and say something; never any other exception.
 */
class BrokenInputTests {

    static final String FILE = "broken-input.json";
    static final int TRIES = 500;

    /** The valid fixtures each format's breakage starts from. */
    static final Map<String, List<String>> SEEDS = Map.of(
            "case", List.of("case/mini.case.json", "export/small.case.json", "resolution/base.case.json", "export/tlp.case.json"),
            "stix", List.of("stix/confidence.json", "stix/identities.json", "stix/locations.json", "stix/reports.json",
                    "stix/relationship-types.json", "stix/stix20.json", "stix/markings-tlp2.json", "stix/threat-actors.json",
                    "stix/stix-objects.json", "stix/revoked-deprecated.json"),
            "misp", List.of("misp/threat-actor.json", "misp/sector.json", "misp/country.json"),
            "msp-clients", List.of("csv/msp-clients.csv"),
            "csv-nodes", List.of("csv/nodes.csv"),
            "csv-relationships", List.of("csv/relationships.csv"));

    static final Map<String, FormatReader> READERS = Map.of("case", new CaseReader(), "stix", new StixReader(),
            "misp", new MispReader(), "msp-clients", new MspClientsCsvReader(), "csv-nodes", new CsvNodesReader(),
            "csv-relationships", new CsvRelationshipsReader());

    private static final Map<String, int[]> OUTCOMES = new java.util.TreeMap<>();

    static Arbitrary<Broken> brokenFiles(String format) {
        Shape shape = format.startsWith("csv") || format.equals("msp-clients") ? Shape.CSV : Shape.JSON;
        return Arbitraries.of(SEEDS.get(format)).flatMap(seed -> Breakage.broken(seed, fixture(seed), shape));
    }

    /**
     * The reader's verdict on one input: true when it accepted it. Fails on anything but a batch or
     * a rejection whose problems all name the file.
     */
    static boolean acceptedBy(String format, String file, byte[] content) {
        try {
            var batch = READERS.get(format).read(file, content);
            assertThat(batch).isNotNull();
            batch.nodes().forEach(n -> assertThat(n.id()).isNotBlank());
            batch.relationships().forEach(r -> {
                assertThat(r.from()).isNotBlank();
                assertThat(r.to()).isNotBlank();
                assertThat(r.confidence()).isBetween(0, 100);
            });
            return true;
        } catch (ImportRejectedException e) {
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.file()).isEqualTo(file);
                assertThat(p.message()).isNotBlank();
            });
            return false;
        }
    }

    private static void check(String format, Broken input) {
        boolean accepted = acceptedBy(format, FILE, input.content());
        OUTCOMES.computeIfAbsent(format, f -> new int[2])[accepted ? 0 : 1]++;
    }

    @AfterContainer
    static void figures() {
        OUTCOMES.forEach((format, counts) -> System.out.printf("BrokenInputTests %s: %d broken files, %d still valid, %d refused%n",
                format, counts[0] + counts[1], counts[0], counts[1]));
    }

    /** The seeds HostileUploadsIT breaks are valid to begin with, so what it sees refused is what the breaking did. */
    @Example
    void theUploadSuiteSeedsAreValid() {
        HostileUploadsIT.SEEDS.forEach((format, seed) -> assertThat(acceptedBy(format, seed, fixture(seed))).as(seed).isTrue());
    }

    /** NUL and other control characters are refused where they stand, in JSON and CSV alike. */
    @Example
    void controlCharactersAreRefusedWithTheirPlace() {
        String json = new String(fixture("case/mini.case.json"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"Test Person\"", "\"Test\\u0000Person\"");
        var fromJson = catchRejection("case", "nul.case.json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(fromJson.problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/entities/1/name");
            assertThat(p.line()).isEqualTo(13);
            assertThat(p.message()).contains("U+0000");
        });

        String csv = "provider,client,client_country,client_sector,since,source_url\nA MSP,B\u001bC,DE,,,https://example.org/x\n";
        var fromCsv = catchRejection("msp-clients", "esc.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(fromCsv.problems()).singleElement().satisfies(p ->
                assertThat(p.message()).isEqualTo("line 2: field 2 holds the control character U+001B, which no field may hold"));
    }

    private static ImportRejectedException catchRejection(String format, String file, byte[] content) {
        var rejection = org.assertj.core.api.Assertions.catchThrowableOfType(ImportRejectedException.class,
                () -> READERS.get(format).read(file, content));
        assertThat(rejection).as(file).isNotNull();
        return rejection;
    }

    @Property(tries = TRIES, seed = "20261128")
    void caseFiles(@ForAll("case") Broken input) {
        check("case", input);
    }

    @Property(tries = TRIES, seed = "20261128")
    void stixBundles(@ForAll("stix") Broken input) {
        check("stix", input);
    }

    @Property(tries = TRIES, seed = "20261128")
    void mispClusters(@ForAll("misp") Broken input) {
        check("misp", input);
    }

    @Property(tries = TRIES, seed = "20261128")
    void mspClientsCsv(@ForAll("msp-clients") Broken input) {
        check("msp-clients", input);
    }

    @Property(tries = TRIES, seed = "20261128")
    void csvNodes(@ForAll("csv-nodes") Broken input) {
        check("csv-nodes", input);
    }

    @Property(tries = TRIES, seed = "20261128")
    void csvRelationships(@ForAll("csv-relationships") Broken input) {
        check("csv-relationships", input);
    }

    @Provide("case")
    Arbitrary<Broken> caseInput() {
        return brokenFiles("case");
    }

    @Provide("stix")
    Arbitrary<Broken> stixInput() {
        return brokenFiles("stix");
    }

    @Provide("misp")
    Arbitrary<Broken> mispInput() {
        return brokenFiles("misp");
    }

    @Provide("msp-clients")
    Arbitrary<Broken> mspClientsInput() {
        return brokenFiles("msp-clients");
    }

    @Provide("csv-nodes")
    Arbitrary<Broken> csvNodesInput() {
        return brokenFiles("csv-nodes");
    }

    @Provide("csv-relationships")
    Arbitrary<Broken> csvRelationshipsInput() {
        return brokenFiles("csv-relationships");
    }
}
