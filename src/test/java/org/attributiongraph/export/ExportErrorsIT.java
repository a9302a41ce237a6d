package org.attributiongraph.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad parameters answer 400, unknown ids 404, both as problem documents that say what is allowed. */
class ExportErrorsIT extends ExportIntegrationTest {

    private String person;
    private String group;
    private String hpe;

    @BeforeEach
    void load() {
        loadCase("small.case.json");
        person = idOf("Person", "Exfix Person");
        group = idOf("ThreatGroup", "Exfix Group");
        hpe = idOf("MSP", "Hewlett Packard Enterprise");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/export?root=ROOT&format=xml | format must be one of stix, graphml, csv, cytoscape",
            "/api/export?root=ROOT&format=stix&depth=0 | depth must be between 1 and 3",
            "/api/export?root=ROOT&format=stix&depth=9 | depth must be between 1 and 3",
            "/api/export?root=ROOT&format=stix&depth=two | depth must be a whole number written in decimal digits; got \"two\"",
            "/api/export?root=ROOT&format=stix&maxTlp=purple | maxTlp must be one of clear, green, amber, amber+strict, red",
            "/api/export?format=stix | Required parameter 'root' is not present.",
            "/api/export/chain?from=GROUP&format=stix&maxHops=9 | maxHops must be between 1 and 8",
            "/api/export/chain?from=GROUP&state=ROOT&format=stix | state must be the id of a Country (chains end at a state)",
            "/api/export/blast-radius?msp=HPE&format=csv&depth=0 | depth must be between 1 and 4",
            "/api/export/blast-radius?msp=HPE&format=csv&depth=9 | depth must be between 1 and 4"})
    void badParametersAre400(String path, String detail) {
        var response = get(path.replace("ROOT", person).replace("GROUP", group).replace("HPE", hpe));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("detail").asString()).isEqualTo(detail);
    }

    @ParameterizedTest
    @CsvSource({
            "/api/export?root=intrusion-set--00000000-0000-5000-8000-000000000000&format=graphml",
            "/api/export/chain?from=intrusion-set--00000000-0000-5000-8000-000000000000&format=stix",
            "/api/export/blast-radius?msp=identity--00000000-0000-5000-8000-000000000000&format=cytoscape"})
    void unknownIdsAre404(String path) {
        var response = get(path);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("detail").asString()).startsWith("No entity with id ").endsWith(" at or below TLP:CLEAR");
    }

    @Test
    void aProviderMustBeAnMspAndAChainMustReachTheState() {
        var notMsp = get("/api/export/blast-radius?msp=" + person + "&format=csv");
        assertThat(notMsp.status()).isEqualTo(404);
        assertThat(notMsp.body().get("detail").asString()).contains("is not labelled MSP");
        String bouvet = idOf("Country", "Bouvet Island");
        // Exfix Group's chain stops at the bureau: nothing in the fixture says whose organ it is within 1 hop.
        var unreached = get("/api/export/chain?from=" + group + "&state=" + bouvet + "&maxHops=1&format=stix");
        assertThat(unreached.status()).isEqualTo(404);
        assertThat(unreached.body().get("detail").asString()).isEqualTo("No attribution chain from " + group + " reaches " + bouvet + " within 1 hops");
    }
}
