package org.attributiongraph.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: the STIX 2.1 bundle writer alone on a provider's neighbourhood held in memory (a provider, its
 * clients, their countries, a threat group that targeted it); no database. Run as BENCHMARKS.md says.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StixWriteBenchmark {

    @Param({"1000", "20000"})
    public int clients;

    private Subgraph subgraph;

    @Setup
    public void build() {
        List<Subgraph.Node> nodes = new ArrayList<>();
        List<Subgraph.Rel> rels = new ArrayList<>();
        String msp = "identity--" + UUID.nameUUIDFromBytes("msp".getBytes());
        String group = "intrusion-set--" + UUID.nameUUIDFromBytes("group".getBytes());
        nodes.add(new Subgraph.Node(msp, List.of("Entity", "Organization", "MSP"), Map.of("name", "Provider", "tlp", "clear")));
        nodes.add(new Subgraph.Node(group, List.of("Entity", "ThreatGroup"), Map.of("name", "Group", "tlp", "clear",
                "aliases", List.of("Alias One", "Alias Two"), "first_seen", LocalDate.of(2009, 1, 1))));
        rels.add(new Subgraph.Rel(group, "TARGETS", msp, Map.of("confidence", 80L, "tlp", "clear")));
        for (String iso : List.of("US", "DE", "FR", "JP", "GB")) {
            nodes.add(new Subgraph.Node("location--" + UUID.nameUUIDFromBytes(iso.getBytes()), List.of("Entity", "Country"),
                    Map.of("name", "Country " + iso, "country", iso, "tlp", "clear")));
        }
        for (int i = 0; i < clients; i++) {
            String id = "identity--" + UUID.nameUUIDFromBytes(("client" + i).getBytes());
            nodes.add(new Subgraph.Node(id, List.of("Entity", "Organization"), Map.of("name", "Client " + i, "tlp", "clear")));
            rels.add(new Subgraph.Rel(msp, "SERVES", id, Map.of("confidence", 70L, "tlp", "clear", "sources", List.of())));
            String country = nodes.get(2 + i % 5).id();
            rels.add(new Subgraph.Rel(id, "LOCATED_IN", country, Map.of("confidence", 90L, "tlp", "clear")));
        }
        subgraph = new Subgraph(List.of(msp), nodes, rels);
    }

    @Benchmark
    public Written stix() {
        return StixExport.write(subgraph);
    }
}
