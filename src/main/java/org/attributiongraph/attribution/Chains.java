package org.attributiongraph.attribution;

import java.time.LocalDate;
import java.util.List;

import org.attributiongraph.graph.NodeRef;

/** The answer to "who stands behind this?": every chain from {@code from} to a state, best first. */
public record Chains(NodeRef from, List<Chain> chains) {

    /** One path to a state; {@code confidence} is the product of the hop confidences, each over 100. */
    public record Chain(NodeRef state, double confidence, List<Hop> hops) {
    }

    public record Hop(NodeRef from, String relation, NodeRef to, int confidence, LocalDate asserted, List<Evidence> sources) {
    }

    public record Evidence(String id, String kind, String title, String url, String publisher, LocalDate published) {
    }
}
