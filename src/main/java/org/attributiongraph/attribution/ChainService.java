package org.attributiongraph.attribution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.attributiongraph.graph.Graph;
import org.attributiongraph.graph.GraphModel.Tlp;
import org.attributiongraph.graph.NodeRef;
import org.attributiongraph.web.BadRequestException;
import org.attributiongraph.web.NotFoundException;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

@Service
public class ChainService {

    static final int MAX_HOPS = 8;
    static final int MAX_LIMIT = 100;

    private final Graph graph;
    private final String chains;
    private final String summary;

    ChainService(Graph graph) {
        this.graph = graph;
        this.chains = graph.statement("attribution/chains");
        this.summary = graph.statement("entity/summary");
    }

    /**
     * Checks its parameters itself (400 on bad ones), so every caller gets the same bounds. Nothing
     * marked above {@code clearance} appears: an entity above it is not found, paths through it are not followed.
     */
    public Chains chains(String from, int maxHops, int minConfidence, LocalDate asOf, int limit, Tlp clearance) {
        if (from.isBlank() || from.length() > 200) {
            throw new BadRequestException("from must be an entity id (at most 200 characters)");
        }
        if (maxHops < 1 || maxHops > MAX_HOPS) {
            throw new BadRequestException("maxHops must be between 1 and " + MAX_HOPS);
        }
        if (minConfidence < 0 || minConfidence > 100) {
            throw new BadRequestException("minConfidence must be between 0 and 100");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("from", from);
        params.put("maxHops", maxHops);
        params.put("minConfidence", minConfidence);
        params.put("asOf", asOf);
        params.put("limit", limit);
        params.put("visible", clearance.atOrBelow());
        return graph.readTransaction(tx -> {
            var head = tx.run(summary, Map.of("id", from, "visible", clearance.atOrBelow())).list();
            if (head.isEmpty()) {
                throw new NotFoundException("No entity with id " + from);
            }
            var found = tx.run(chains, params).list(ChainService::chain);
            return new Chains(NodeRef.of(head.getFirst().get("node")), found);
        });
    }

    private static Chains.Chain chain(Record r) {
        List<NodeRef> nodes = r.get("nodes").asList(NodeRef::of);
        List<Value> hops = r.get("hops").asList(v -> v);
        List<Chains.Hop> chain = new ArrayList<>();
        for (int i = 0; i < hops.size(); i++) {
            chain.add(hop(nodes.get(i), hops.get(i), nodes.get(i + 1)));
        }
        // Four decimals are plenty for a product of percentages, and keep the JSON readable.
        double confidence = Math.round(r.get("confidence").asDouble() * 10_000) / 10_000.0;
        return new Chains.Chain(NodeRef.of(r.get("state")), confidence, chain);
    }

    private static Chains.Hop hop(NodeRef from, Value v, NodeRef to) {
        return new Chains.Hop(from, v.get("relation").asString(), to,
                v.get("confidence").asInt(), v.get("asserted").isNull() ? null : v.get("asserted").asLocalDate(),
                v.get("sources").asList(s -> new Chains.Evidence(s.get("id").asString(), s.get("kind").asString(null),
                        s.get("title").asString(null), s.get("url").asString(null), s.get("publisher").asString(null),
                        s.get("published").isNull() ? null : s.get("published").asLocalDate())));
    }
}
