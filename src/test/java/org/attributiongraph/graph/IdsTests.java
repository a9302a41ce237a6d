package org.attributiongraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.attributiongraph.graph.GraphModel.NodeType;
import org.junit.jupiter.api.Test;

class IdsTests {

    @Test
    void uuid5MatchesTheRfcAlgorithm() {
        // Reference value of uuid5(NAMESPACE_DNS, "python.org") from RFC 4122 implementations.
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(Ids.uuid5(dns, "python.org")).hasToString("886313e1-3b8a-5372-9b90-0c9aee199e5d");
    }

    @Test
    void idsAreStixShapedAndStable() {
        String id = Ids.of(NodeType.ThreatGroup, Ids.normalise("APT10"));
        assertThat(id).startsWith("intrusion-set--").isEqualTo(Ids.of(NodeType.ThreatGroup, "apt10"));
        assertThat(Ids.of(NodeType.Person, "apt10")).isNotEqualTo(id);
    }

    @Test
    void normaliseIgnoresCaseAccentsAndPunctuation() {
        assertThat(Ids.normalise("  Tieto  Oyj ")).isEqualTo("tieto oyj");
        assertThat(Ids.normalise("Société Générale")).isEqualTo("societe generale");
        assertThat(Ids.normalise("U.S. Department of Justice")).isEqualTo("u s department of justice");
        assertThat(Ids.normalise("People's Republic of China")).isEqualTo("people's republic of china");
    }
}
