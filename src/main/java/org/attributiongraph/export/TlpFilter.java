package org.attributiongraph.export;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.attributiongraph.graph.GraphModel.NodeType;
import org.attributiongraph.graph.GraphModel.Tlp;

/**
 * The one place where markings decide what leaves the service. Every format writes only what
 * {@link #visibleAt} returns, so a caller's clearance can later narrow an export by passing a lower cap.
 */
final class TlpFilter {

    private TlpFilter() {
    }

    /**
     * What may be shared at {@code cap}: nodes and relationships marked at most {@code cap}; not the
     * relationships that touch a dropped node; source lists (of relationships and nodes) without the
     * ids of sources that are dropped or not in the subgraph; and no node that only dropped
     * relationships or dropped citations held in the selection (the anchors stay).
     */
    static Subgraph visibleAt(Subgraph graph, Tlp cap) {
        Set<String> marked = new HashSet<>();
        for (var node : graph.nodes()) {
            if (node.tlp().ordinal() <= cap.ordinal()) {
                marked.add(node.id());
            }
        }
        Set<String> sources = new HashSet<>();
        for (var node : graph.nodes()) {
            if (marked.contains(node.id()) && node.type() == NodeType.Source) {
                sources.add(node.id());
            }
        }
        List<Subgraph.Rel> relationships = new ArrayList<>();
        Set<String> held = new HashSet<>(graph.anchors());
        for (var rel : graph.relationships()) {
            if (rel.tlp().ordinal() <= cap.ordinal() && marked.contains(rel.from()) && marked.contains(rel.to())) {
                var kept = withSources(rel.props(), rel.sources(), sources);
                relationships.add(new Subgraph.Rel(rel.from(), rel.type(), rel.to(), kept));
                held.add(rel.from());
                held.add(rel.to());
                held.addAll(Subgraph.stringsOf(kept.get("sources")));
            }
        }
        List<Subgraph.Node> nodes = new ArrayList<>();
        Set<String> cited = new HashSet<>();
        for (var node : graph.nodes()) {
            if (marked.contains(node.id()) && held.contains(node.id()) && node.type() != NodeType.Source) {
                var props = withSources(node.props(), node.strings("sources"), sources);
                nodes.add(new Subgraph.Node(node.id(), node.labels(), props));
                cited.addAll(Subgraph.stringsOf(props.get("sources")));
            }
        }
        for (var node : graph.nodes()) {
            if (sources.contains(node.id()) && (held.contains(node.id()) || cited.contains(node.id()))) {
                nodes.add(node);
            }
        }
        return new Subgraph(graph.anchors().stream().filter(marked::contains).toList(), nodes, relationships);
    }

    /** The properties with {@code sources} narrowed to the visible ones (and dropped when none is). */
    private static LinkedHashMap<String, Object> withSources(Map<String, Object> props, List<String> cited,
                                                             Set<String> visible) {
        var copy = new LinkedHashMap<>(props);
        if (props.containsKey("sources")) {
            List<String> kept = cited.stream().filter(visible::contains).toList();
            if (kept.isEmpty()) {
                copy.remove("sources");
            } else {
                copy.put("sources", kept);
            }
        }
        return copy;
    }
}
