package org.attributiongraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.attributiongraph.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A small generated ecosystem in the real store: chains reach states, the largest provider's radius is the largest. */
class SyntheticEcosystemIT extends IntegrationTest {

    @Autowired
    ImportService imports;

    @Test
    void generatedGraphAnswersChainsAndBlastRadius() {
        var summary = new SyntheticEcosystem(4_000, 11).generate(batch -> imports.writeGenerated("synthetic-test", batch));
        var again = new long[1];
        new SyntheticEcosystem(4_000, 11).generate(batch -> again[0] += imports.writeGenerated("synthetic-test", batch).nodes().created());
        assertThat(again[0]).as("regenerating with the same seed creates nothing").isZero();

        var chains = get("/api/attribution/chains?from=" + summary.firstGroup()).body().get("chains");
        assertThat(chains).isNotEmpty();
        assertThat(chains.get(0).at("/state/type").asString()).isEqualTo("Country");

        long largest = get("/api/msps/" + summary.largestProvider() + "/blast-radius?depth=2").body().get("clientCount").asLong();
        long median = get("/api/msps/" + summary.medianProvider() + "/blast-radius?depth=2").body().get("clientCount").asLong();
        assertThat(largest).isGreaterThan(median).isGreaterThan(100);
    }
}
