package org.attributiongraph.attribution;

import java.time.LocalDate;
import java.util.List;

import org.attributiongraph.graph.NodeRef;

/** The answer to "who stands behind this?": every chain from {@code from} to a state, best first. */
record Chains(NodeRef from, List<Chain> chains) {

    /** One path to a state; {@code confidence} is the product of the hop confidences, each over 100. */
    record Chain(NodeRef state, double confidence, List<Hop> hops) {
    }

    record Hop(NodeRef from, String relation, NodeRef to, int confidence, LocalDate asserted, List<Evidence> sources) {
    }

    record Evidence(String id, String kind, String title, String url, String publisher, LocalDate published) {
    }
}
