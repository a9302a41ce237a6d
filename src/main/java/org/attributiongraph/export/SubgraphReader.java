package org.attributiongraph.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.attributiongraph.attribution.ChainService;
import org.attributiongraph.blastradius.BlastRadiusService;
import org.attributiongraph.graph.Graph;
import org.attributiongraph.graph.GraphModel.NodeType;
import org.attributiongraph.graph.GraphModel.RelType;
import org.attributiongraph.graph.GraphModel.Tlp;
import org.attributiongraph.web.BadRequestException;
import org.attributiongraph.web.NotFoundException;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * Reads a {@link Selection} from the graph as a {@link Subgraph}: the relationships the selection
 * names, their ends, and the Source nodes they cite. The chain and blast-radius selections ask the
 * services that answer those questions, so an export holds exactly what the API shows. Sizes are
 * checked against the caps while reading, before anything large is built.
 */
@Component
class SubgraphReader {

    /** The most chains one export follows (the chain service's own maximum). */
    static final int MAX_CHAINS = 100;
    private static final int BLAST_RADIUS_PAGE = 1000;

    private final Graph graph;
    private final ChainService chains;
    private final BlastRadiusService blastRadius;
    private final ExportProperties caps;
    private final String neighbourhood;
    private final String neighbourhoodSize;
    private final String relationshipsByKey;
    private final String relationshipsFrom;
    private final String nodes;

    SubgraphReader(Graph graph, ChainService chains, BlastRadiusService blastRadius, ExportProperties caps) {
        this.graph = graph;
        this.chains = chains;
        this.blastRadius = blastRadius;
        this.caps = caps;
        this.neighbourhood = graph.statement("export/neighbourhood");
        this.neighbourhoodSize = graph.statement("export/neighbourhood-size");
        this.relationshipsByKey = graph.statement("export/relationships");
        this.relationshipsFrom = graph.statement("export/relationships-from");
        this.nodes = graph.statement("export/nodes");
    }

    /** The chains and the blast radius are read as a caller with {@code clearance} sees them; the caller filters the rest. */
    Subgraph read(Selection selection, Tlp clearance) {
        return switch (selection) {
            case Selection.Neighbourhood n -> neighbourhood(n);
            case Selection.Chain c -> chain(c, clearance);
            case Selection.BlastRadius b -> blastRadius(b, clearance);
        };
    }

    private Subgraph neighbourhood(Selection.Neighbourhood selection) {
        Map<String, Object> params = Map.of("id", selection.root(), "depth", selection.depth(),
                "nodeLimit", caps.maxNodes() + 1, "limit", caps.maxRelationships() + 1);
        List<Subgraph.Rel> rels = graph.read(neighbourhood, params).stream().map(SubgraphReader::rel).toList();
        if (rels.size() > caps.maxRelationships()) {
            throw tooLarge(neighbourhoodSize(selection));
        }
        Set<String> ids = new LinkedHashSet<>(List.of(selection.root()));
        rels.forEach(r -> {
            ids.add(r.from());
            ids.add(r.to());
        });
        if (ids.size() > caps.maxNodes()) {
            throw tooLarge(neighbourhoodSize(selection));
        }
        return complete(selection.anchors(), ids, rels);
    }

    /** The exact size, for the refusal; counting stops at ten times the cap. */
    private String neighbourhoodSize(Selection.Neighbourhood selection) {
        var size = graph.read(neighbourhoodSize, Map.of("id", selection.root(), "depth", selection.depth(),
                "nodeLimit", 10 * caps.maxNodes(), "limit", 10 * caps.maxRelationships()), r -> r);
        String more = size.get("truncated").asBoolean() ? "at least " : "";
        return more + String.format("%,d", size.get("relationships").asLong()) + " relationships and "
                + more + String.format("%,d", size.get("nodes").asLong()) + " nodes";
    }

    private Subgraph chain(Selection.Chain selection, Tlp clearance) {
        var answer = chains.chains(selection.from(), selection.maxHops(), 0, null, MAX_CHAINS, clearance);
        Map<String, Map<String, String>> keys = new LinkedHashMap<>();
        Set<String> ids = new LinkedHashSet<>(List.of(selection.from()));
        for (var chain : answer.chains()) {
            if (selection.state() != null && !chain.state().id().equals(selection.state())) {
                continue;
            }
            for (var hop : chain.hops()) {
                keys.putIfAbsent(hop.from().id() + " " + hop.relation() + " " + hop.to().id(),
                        Map.of("from", hop.from().id(), "type", hop.relation(), "to", hop.to().id()));
                ids.add(hop.from().id());
                ids.add(hop.to().id());
            }
        }
        if (selection.state() != null && keys.isEmpty()) {
            throw new NotFoundException("No attribution chain from " + selection.from() + " reaches " + selection.state()
                    + " within " + selection.maxHops() + " hops");
        }
        checkCaps(ids.size(), keys.size());
        List<Subgraph.Rel> rels = graph.read(relationshipsByKey, Map.of("keys", List.copyOf(keys.values()),
                "limit", caps.maxRelationships() + 1)).stream().map(SubgraphReader::rel).toList();
        return complete(selection.anchors(), ids, rels);
    }

    private Subgraph blastRadius(Selection.BlastRadius selection, Tlp clearance) {
        var first = blastRadius.blastRadius(selection.msp(), selection.depth(), 0, BLAST_RADIUS_PAGE, clearance);
        checkCaps(first.clientCount() + 1, 0);
        Set<String> organizations = new LinkedHashSet<>(List.of(selection.msp()));
        var page = first;
        while (true) {
            page.clients().forEach(c -> organizations.add(c.id()));
            if (!page.truncated()) {
                break;
            }
            page = blastRadius.blastRadius(selection.msp(), selection.depth(), page.offset() + page.limit(), BLAST_RADIUS_PAGE, clearance);
        }
        Set<String> groups = new LinkedHashSet<>();
        Set<String> attacked = new LinkedHashSet<>();
        for (var group : first.threatGroups()) {
            groups.add(group.id());
            attacked.add(group.viaId());
        }
        // Providers upstream that a group attacked belong to the picture: they are how it reaches this one.
        organizations.addAll(attacked);
        List<String> orgs = List.copyOf(organizations);
        int limit = caps.maxRelationships() + 1;
        List<Subgraph.Rel> rels = new ArrayList<>();
        rels.addAll(from(orgs, List.of(RelType.SERVES), orgs, limit));
        rels.addAll(from(orgs, List.of(RelType.LOCATED_IN, RelType.IN_SECTOR), null, limit));
        rels.addAll(from(List.copyOf(groups), List.of(RelType.TARGETS, RelType.COMPROMISED), List.copyOf(attacked), limit));
        Set<String> ids = new LinkedHashSet<>(orgs);
        ids.addAll(groups);
        rels.forEach(r -> {
            ids.add(r.from());
            ids.add(r.to());
        });
        checkCaps(ids.size(), rels.size());
        return complete(selection.anchors(), ids, rels);
    }

    private List<Subgraph.Rel> from(List<String> ids, List<RelType> types, List<String> to, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("ids", ids);
        params.put("types", types.stream().map(Enum::name).toList());
        params.put("to", to);
        params.put("limit", limit);
        return graph.read(relationshipsFrom, params).stream().map(SubgraphReader::rel).toList();
    }

    /** Loads the nodes, then the Source nodes that the relationships and nodes cite, and checks the caps. */
    private Subgraph complete(List<String> anchors, Set<String> ids, List<Subgraph.Rel> rels) {
        checkCaps(ids.size(), rels.size());
        Map<String, Subgraph.Node> found = new TreeMap<>();
        load(ids).forEach(n -> found.put(n.id(), n));
        Set<String> cited = new LinkedHashSet<>();
        rels.forEach(r -> cited.addAll(r.sources()));
        found.values().forEach(n -> cited.addAll(n.strings("sources")));
        cited.removeAll(found.keySet());
        load(cited).stream().filter(n -> n.type() == NodeType.Source).forEach(n -> found.put(n.id(), n));
        checkCaps(found.size(), rels.size());
        return new Subgraph(anchors, List.copyOf(found.values()), rels);
    }

    private List<Subgraph.Node> load(Set<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return graph.read(nodes, Map.of("ids", List.copyOf(ids), "limit", ids.size())).stream()
                .map(r -> new Subgraph.Node(r.get("id").asString(), r.get("labels").asList(Value::asString).stream().sorted().toList(),
                        properties(r.get("properties"))))
                .toList();
    }

    private void checkCaps(long nodeCount, long relationshipCount) {
        if (nodeCount > caps.maxNodes() || relationshipCount > caps.maxRelationships()) {
            throw tooLarge(String.format("%,d relationships and %,d nodes", relationshipCount, nodeCount));
        }
    }

    private BadRequestException tooLarge(String size) {
        return new BadRequestException("The export would hold " + size + "; the caps are " + String.format("%,d", caps.maxNodes())
                + " nodes and " + String.format("%,d", caps.maxRelationships())
                + " relationships (export.max-nodes, export.max-relationships). Choose a smaller depth or another root.");
    }

    private static Subgraph.Rel rel(Record r) {
        return new Subgraph.Rel(r.get("from").asString(), r.get("type").asString(), r.get("to").asString(),
                properties(r.get("properties")));
    }

    /** Stored properties without the {@code _}-prefixed bookkeeping (import run, source file, owner). */
    private static Map<String, Object> properties(Value map) {
        Map<String, Object> props = new TreeMap<>();
        for (String key : map.keys()) {
            if (!key.startsWith("_")) {
                props.put(key, map.get(key).asObject());
            }
        }
        return props;
    }
}
