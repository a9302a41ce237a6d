package org.attributiongraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.attributiongraph.graph.GraphModel.RelType;
import org.junit.jupiter.api.Test;

class SyntheticEcosystemTests {

    private static List<ImportBatch> generate(int orgs, long seed) {
        List<ImportBatch> batches = new ArrayList<>();
        new SyntheticEcosystem(orgs, seed).generate(batches::add);
        return batches;
    }

    @Test
    void sameSeedSameGraphOtherSeedOtherGraph() {
        assertThat(generate(3_000, 42)).isEqualTo(generate(3_000, 42));
        assertThat(generate(3_000, 42)).isNotEqualTo(generate(3_000, 43));
    }

    @Test
    void clientCountsAreHeavyTailedAndEveryOrganizationIsServed() {
        var batches = generate(20_000, 1);
        Map<String, Integer> clients = new HashMap<>();
        var served = new HashSet<String>();
        for (var batch : batches) {
            for (var rel : batch.relationships()) {
                if (rel.type() == RelType.SERVES) {
                    clients.merge(rel.from(), 1, Integer::sum);
                    served.add(rel.to());
                }
            }
        }
        var sorted = clients.values().stream().sorted().toList();
        int largest = sorted.getLast();
        int median = sorted.get(sorted.size() / 2);
        assertThat(clients.get(SyntheticEcosystem.providerId(0))).isEqualTo(largest);
        assertThat(largest).isGreaterThan(20 * median);
        long organizations = batches.stream().flatMap(b -> b.nodes().stream())
                .filter(n -> n.id().startsWith("identity--") && n.props().get("name").toString().matches(".* \\d+$")).count();
        assertThat(organizations).isGreaterThanOrEqualTo(20_000);
        assertThat(served.size()).isGreaterThan(19_900 - 100); // every client, and the providers that are served
    }

    @Test
    void batchesStayBoundedAndRelationshipsAreUnique() {
        var batches = generate(120_000, 3);
        assertThat(batches).allSatisfy(b -> assertThat(b.nodes().size()).isLessThanOrEqualTo(SyntheticEcosystem.CHUNK));
        var keys = new HashSet<String>();
        batches.forEach(b -> b.relationships().forEach(r -> assertThat(keys.add(r.from() + r.type() + r.to())).isTrue()));
        assertThatThrownBy(() -> new SyntheticEcosystem(5, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
