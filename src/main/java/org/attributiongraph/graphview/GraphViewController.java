package org.attributiongraph.graphview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.attributiongraph.attribution.ChainService;
import org.attributiongraph.blastradius.BlastRadiusService;
import org.attributiongraph.graph.Graph;
import org.attributiongraph.graph.GraphModel.RelType;
import org.attributiongraph.graph.GraphModel.Tlp;
import org.attributiongraph.graph.NodeRef;
import org.attributiongraph.security.Caller;
import org.attributiongraph.web.BadRequestException;
import org.attributiongraph.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/graph?view=chains|blast-radius|neighbourhood&id=...}: the same answers as the
 * chain, blast-radius and entity endpoints, shaped for drawing, never more than {@value #MAX_NODES} nodes,
 * and nothing marked above the caller's clearance.
 */
@RestController
class GraphViewController {

    static final int MAX_NODES = 500;

    private final ChainService chains;
    private final BlastRadiusService blastRadius;
    private final Graph graph;
    private final String neighbourhood;
    private final String linksAmong;
    private final String entitySummary;

    GraphViewController(ChainService chains, BlastRadiusService blastRadius, Graph graph) {
        this.chains = chains;
        this.blastRadius = blastRadius;
        this.graph = graph;
        this.neighbourhood = graph.statement("graphview/neighbourhood");
        this.linksAmong = graph.statement("graphview/links-among");
        this.entitySummary = graph.statement("entity/summary");
    }

    @GetMapping("/api/graph")
    GraphView view(@RequestParam String view, @RequestParam String id,
                   @RequestParam(required = false) Integer depth,
                   @RequestParam(defaultValue = "6") int maxHops,
                   @RequestParam(defaultValue = "0") int minConfidence,
                   @RequestParam(required = false) LocalDate asOf,
                   Caller caller) {
        Tlp clearance = caller.clearance();
        return switch (view) {
            case "chains" -> chains(id, maxHops, minConfidence, asOf, clearance);
            case "blast-radius" -> blastRadius(id, depth == null ? 2 : depth, clearance);
            case "neighbourhood" -> neighbourhood(id, depth == null ? 1 : depth, clearance);
            default -> throw new BadRequestException("view must be one of chains, blast-radius, neighbourhood");
        };
    }

    private GraphView chains(String id, int maxHops, int minConfidence, LocalDate asOf, Tlp clearance) {
        var answer = chains.chains(id, maxHops, minConfidence, asOf, 100, clearance);
        var nodes = new LinkedHashMap<String, GraphView.Node>();
        var links = new LinkedHashMap<String, GraphView.Link>();
        nodes.put(answer.from().id(), node(answer.from()));
        for (var chain : answer.chains()) {
            for (var hop : chain.hops()) {
                nodes.putIfAbsent(hop.from().id(), node(hop.from()));
                nodes.putIfAbsent(hop.to().id(), node(hop.to()));
                links.putIfAbsent(hop.from().id() + hop.relation() + hop.to().id(),
                        new GraphView.Link(hop.from().id(), hop.to().id(), hop.relation(), hop.confidence()));
            }
        }
        return new GraphView("chains", List.copyOf(nodes.values()), List.copyOf(links.values()), false);
    }

    private GraphView blastRadius(String id, int depth, Tlp clearance) {
        var radius = blastRadius.blastRadius(id, depth, 0, MAX_NODES - 1, clearance);
        List<GraphView.Node> nodes = new ArrayList<>();
        nodes.add(new GraphView.Node(radius.msp().id(), "Organization", radius.msp().name()));
        radius.clients().forEach(c -> nodes.add(new GraphView.Node(c.id(), "Organization", c.name())));
        var ids = nodes.stream().map(GraphView.Node::id).toList();
        var links = graph.read(linksAmong, Map.of("ids", ids, "types", List.of(RelType.SERVES.name()), "limit", 5 * MAX_NODES,
                        "visible", clearance.atOrBelow())).stream()
                .map(r -> new GraphView.Link(r.get("from").asString(), r.get("to").asString(), r.get("relation").asString(),
                        r.get("confidence").isNull() ? null : r.get("confidence").asInt()))
                .toList();
        return new GraphView("blast-radius", nodes, links, radius.truncated());
    }

    private GraphView neighbourhood(String id, int depth, Tlp clearance) {
        if (depth < 1 || depth > 2) {
            throw new BadRequestException("depth of a neighbourhood must be 1 or 2");
        }
        BadRequestException.requireId("id", id);
        var visible = clearance.atOrBelow();
        NodeRef start = graph.read(entitySummary, Map.of("id", id, "visible", visible), r -> NodeRef.of(r.get("node")));
        if (start == null) {
            throw new NotFoundException("No entity with id " + id);
        }
        var rows = graph.read(neighbourhood, Map.of("id", id, "depth", depth, "limit", MAX_NODES, "visible", visible));
        var nodes = new LinkedHashMap<String, GraphView.Node>();
        nodes.put(start.id(), node(start));
        List<GraphView.Link> links = new ArrayList<>();
        for (var r : rows) {
            var from = NodeRef.of(r.get("from"));
            var to = NodeRef.of(r.get("to"));
            if (nodes.size() >= MAX_NODES && (!nodes.containsKey(from.id()) || !nodes.containsKey(to.id()))) {
                continue;
            }
            nodes.putIfAbsent(from.id(), node(from));
            nodes.putIfAbsent(to.id(), node(to));
            links.add(new GraphView.Link(from.id(), to.id(), r.get("relation").asString(),
                    r.get("confidence").isNull() ? null : r.get("confidence").asInt()));
        }
        return new GraphView("neighbourhood", List.copyOf(nodes.values()), links, rows.size() >= MAX_NODES);
    }

    private static GraphView.Node node(NodeRef ref) {
        return new GraphView.Node(ref.id(), ref.type(), ref.name());
    }
}
