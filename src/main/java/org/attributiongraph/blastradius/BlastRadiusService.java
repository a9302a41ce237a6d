package org.attributiongraph.blastradius;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.attributiongraph.graph.Graph;
import org.attributiongraph.graph.GraphModel.Tlp;
import org.attributiongraph.web.BadRequestException;
import org.attributiongraph.web.NotFoundException;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

@Service
public class BlastRadiusService {

    static final int MAX_DEPTH = 4;
    static final int MAX_LIMIT = 1000;

    private final Graph graph;
    private final String summary;
    private final String clients;
    private final String threatGroups;
    private final String exposure;
    private final String entitySummary;

    BlastRadiusService(Graph graph) {
        this.graph = graph;
        this.summary = graph.statement("blastradius/summary");
        this.clients = graph.statement("blastradius/clients");
        this.threatGroups = graph.statement("blastradius/threat-groups");
        this.exposure = graph.statement("blastradius/exposure");
        this.entitySummary = graph.statement("entity/summary");
    }

    /**
     * Checks its parameters itself (400 on bad ones), so every caller gets the same bounds. A provider
     * above {@code clearance} is not found; clients, counts and groups cover only visible nodes
     * reached through visible relationships.
     */
    public BlastRadius blastRadius(String id, int depth, int offset, int limit, Tlp clearance) {
        checkDepth(depth);
        if (offset < 0) {
            throw new BadRequestException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
        }
        var visible = clearance.atOrBelow();
        return graph.readTransaction(tx -> {
            var msp = head(tx, id, visible);
            if (!msp.get("labels").asList(Value::asString).contains("MSP")) {
                throw new NotFoundException("No managed service provider with id " + id + " (" + msp.get("name").asString(null)
                        + " is not labelled MSP)");
            }
            Map<String, Object> params = Map.of("id", id, "depth", depth, "visible", visible);
            Record totals = tx.run(summary, params).single();
            var page = tx.run(clients, Map.of("id", id, "depth", depth, "offset", offset, "limit", limit, "visible", visible))
                    .list(r -> new BlastRadius.Client(r.get("id").asString(), r.get("name").asString(null), r.get("hops").asInt(),
                            r.get("country").asString(null), r.get("sectors").asList(Value::asString)));
            long count = totals.get("clientCount").asLong();
            return new BlastRadius(ref(msp), depth, count,
                    counts(totals.get("byHops"), "hops", v -> v.asInt()),
                    counts(totals.get("byCountry"), "country", Value::asString),
                    counts(totals.get("bySector"), "sector", Value::asString),
                    page, offset, limit, offset + page.size() < count, groups(tx, id, depth, visible));
        });
    }

    BlastRadius.Exposure exposure(String id, int depth, Tlp clearance) {
        checkDepth(depth);
        var visible = clearance.atOrBelow();
        return graph.readTransaction(tx -> {
            var org = head(tx, id, visible);
            var providers = tx.run(exposure, Map.of("id", id, "depth", depth, "visible", visible))
                    .list(r -> new BlastRadius.Provider(r.get("id").asString(), r.get("name").asString(null), r.get("hops").asInt()));
            return new BlastRadius.Exposure(ref(org), depth, providers, groups(tx, id, depth, visible));
        });
    }

    private List<BlastRadius.ThreatGroup> groups(TransactionContext tx, String id, int depth, List<String> visible) {
        return tx.run(threatGroups, Map.of("id", id, "depth", depth, "visible", visible)).list(r -> new BlastRadius.ThreatGroup(
                r.get("id").asString(), r.get("name").asString(null), r.get("via").asString(null), r.get("viaId").asString()));
    }

    private Value head(TransactionContext tx, String id, List<String> visible) {
        BadRequestException.requireId("id", id);
        var rows = tx.run(entitySummary, Map.of("id", id, "visible", visible)).list();
        if (rows.isEmpty()) {
            throw new NotFoundException("No entity with id " + id);
        }
        return rows.getFirst().get("node");
    }

    private static void checkDepth(int depth) {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new BadRequestException("depth must be between 1 and " + MAX_DEPTH);
        }
    }

    private static BlastRadius.Ref ref(Value node) {
        return new BlastRadius.Ref(node.get("id").asString(), node.get("name").asString(null));
    }

    private static <K> Map<K, Long> counts(Value list, String key, Function<Value, K> keyOf) {
        Map<K, Long> counts = new LinkedHashMap<>();
        list.asList(v -> v).forEach(v -> {
            if (!v.get(key).isNull()) {
                counts.put(keyOf.apply(v.get(key)), v.get("count").asLong());
            }
        });
        return counts;
    }
}
