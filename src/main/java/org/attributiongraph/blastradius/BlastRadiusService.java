package org.attributiongraph.blastradius;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.attributiongraph.graph.Graph;
import org.attributiongraph.graph.GraphModel.Tlp;
import org.attributiongraph.web.BadRequestException;
import org.attributiongraph.web.NotFoundException;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

@Service
public class BlastRadiusService {

    static final int MAX_DEPTH = 4;
    static final int MAX_LIMIT = 1000;
    /** The radius statement's depth cap, replaced by the asked depth. */
    private static final String DEEPEST = "SERVES*1.." + MAX_DEPTH;

    private final Graph graph;
    private final Map<Integer, String> radiusByDepth = new HashMap<>();
    private final String threatGroups;
    private final String exposure;
    private final String entitySummary;
    private final RadiusCache cache;
    private final Duration radiusTimeout;

    BlastRadiusService(Graph graph, RadiusCache cache,
                       @org.springframework.beans.factory.annotation.Value("${graph.blast-radius.timeout:30s}") Duration radiusTimeout) {
        this.graph = graph;
        for (int depth = 1; depth <= MAX_DEPTH; depth++) {
            radiusByDepth.put(depth, radiusAt(graph.statement("blastradius/radius"), depth));
        }
        this.threatGroups = graph.statement("blastradius/threat-groups");
        this.exposure = graph.statement("blastradius/exposure");
        this.entitySummary = graph.statement("entity/summary");
        this.cache = cache;
        this.radiusTimeout = radiusTimeout;
    }

    /** The radius statement walking at most {@code depth} hops (a variable-length bound cannot be a parameter). */
    public static String radiusAt(String statement, int depth) {
        checkDepth(depth);
        if (statement.split(Pattern.quote(DEEPEST), -1).length != 2) {
            throw new IllegalStateException("cypher/blastradius/radius.cypher must contain " + DEEPEST + " exactly once");
        }
        return statement.replace(DEEPEST, "SERVES*1.." + depth);
    }

    public BlastRadius blastRadius(String id, int depth, int offset, int limit, Tlp clearance) {
        return blastRadius(id, depth, offset, limit, clearance, false);
    }

    /**
     * Checks its parameters itself (400 on bad ones), so every caller gets the same bounds. A provider
     * above {@code clearance} is not found; clients, counts and groups cover only visible nodes
     * reached through visible relationships. The whole radius is computed once per graph version and
     * clearance and kept where the version is known; {@code fresh} computes it again regardless.
     */
    public BlastRadius blastRadius(String id, int depth, int offset, int limit, Tlp clearance, boolean fresh) {
        checkDepth(depth);
        if (offset < 0) {
            throw new BadRequestException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
        }
        BadRequestException.requireId("id", id);
        var version = graph.version();
        Radius radius = version.isPresent()
                ? cache.get(new RadiusCache.Key(id, depth, clearance), version.getAsLong(), fresh, () -> radius(id, depth, clearance))
                : radius(id, depth, clearance);
        return radius.page(depth, offset, limit);
    }

    /** Under its own timeout: the first answer after a write walks the whole radius, every later page reads it from the cache. */
    private Radius radius(String id, int depth, Tlp clearance) {
        var visible = clearance.atOrBelow();
        return graph.readTransaction(tx -> {
            var msp = head(tx, id, visible);
            if (!msp.get("labels").asList(Value::asString).contains("MSP")) {
                throw new NotFoundException("No managed service provider with id " + id + " (" + msp.get("name").asString(null)
                        + " is not labelled MSP)");
            }
            Function<String, String> country = Radius.shared();
            Function<List<String>, List<String>> sectors = Radius.shared();
            var clients = tx.run(radiusByDepth.get(depth), Map.of("id", id, "visible", visible))
                    .list(r -> new BlastRadius.Client(r.get("id").asString(), r.get("name").asString(null), r.get("hops").asInt(),
                            country.apply(r.get("country").asString(null)),
                            sectors.apply(r.get("sectors").asList(Value::asString).stream().sorted().toList())));
            return Radius.of(ref(msp), clients, groups(tx, id, depth, visible));
        }, radiusTimeout);
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
}
