package org.attributiongraph.graphview;

import java.util.List;

/** A drawable graph ({@code nodes} and {@code links}, as force-graph and Cytoscape libraries expect). */
record GraphView(String view, List<Node> nodes, List<Link> links, boolean truncated) {

    record Node(String id, String type, String name) {
    }

    record Link(String source, String target, String relation, Integer confidence) {
    }
}
