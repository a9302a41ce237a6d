package org.attributiongraph.entity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.attributiongraph.graph.Graph;
import org.attributiongraph.graph.GraphModel.ExtraLabel;
import org.attributiongraph.graph.GraphModel.NodeType;
import org.attributiongraph.graph.GraphModel.RelType;
import org.attributiongraph.graph.GraphModel.Tlp;
import org.attributiongraph.graph.NodeRef;
import org.attributiongraph.web.BadRequestException;
import org.attributiongraph.web.NotFoundException;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

@Service
class EntityService {

    static final int MAX_LIMIT = 200;
    private static final int NEIGHBOURS_SHOWN = 200;

    private final Graph graph;
    private final String search;
    private final String listByLabel;
    private final String get;
    private final String countNodes;
    private final String countRelationships;
    private final String countHiddenNodes;
    private final String countHiddenRelationships;

    EntityService(Graph graph) {
        this.graph = graph;
        this.search = graph.statement("entity/search");
        this.listByLabel = graph.statement("entity/list-by-label");
        this.get = graph.statement("entity/get");
        this.countNodes = graph.statement("entity/count-nodes");
        this.countRelationships = graph.statement("entity/count-relationships");
        this.countHiddenNodes = graph.statement("entity/count-hidden-nodes");
        this.countHiddenRelationships = graph.statement("entity/count-hidden-relationships");
    }

    EntityViews.SearchResult search(String q, String type, int limit, Tlp clearance) {
        String label = type == null || type.isBlank() ? null : label(type);
        List<Record> rows;
        if (q != null && !q.isBlank()) {
            Map<String, Object> params = new HashMap<>();
            params.put("query", luceneQuery(q));
            params.put("label", label);
            params.put("limit", limit);
            params.put("visible", clearance.atOrBelow());
            rows = graph.read(search, params);
        } else if (label != null) {
            rows = graph.read(listByLabel, Map.of("label", label, "limit", limit, "visible", clearance.atOrBelow()));
        } else {
            throw new BadRequestException("Give a search text q, a type, or both");
        }
        return new EntityViews.SearchResult(rows.stream().map(r -> new EntityViews.Item(
                r.get("id").asString(), NodeRef.typeOf(r.get("labels").asList(Value::asString)),
                r.get("name").asString(null), r.get("aliases").asList(Value::asString))).toList());
    }

    /** An entity marked above the clearance answers exactly as an unknown id. */
    EntityViews.Entity entity(String id, Tlp clearance) {
        BadRequestException.requireId("id", id);
        var record = graph.read(get, Map.of("id", id, "limit", NEIGHBOURS_SHOWN, "visible", clearance.atOrBelow()), r -> r);
        if (record == null) {
            throw new NotFoundException("No entity with id " + id);
        }
        Map<String, Object> properties = new TreeMap<>(record.get("node").asMap());
        properties.keySet().removeIf(k -> k.startsWith("_"));
        // The ids of sources above the clearance would name them: only the visible ones stay.
        if (properties.containsKey("sources")) {
            var visible = record.get("visibleSources").asList(Value::asString);
            if (visible.isEmpty()) {
                properties.remove("sources");
            } else {
                properties.put("sources", visible);
            }
        }
        var labels = record.get("labels").asList(Value::asString).stream().filter(l -> !l.equals("Entity")).sorted().toList();
        var neighbours = record.get("neighbours").asList(v -> new EntityViews.Neighbour(v.get("direction").asString(),
                v.get("relation").asString(), v.get("confidence").isNull() ? null : v.get("confidence").asInt(),
                NodeRef.of(v.get("node"))));
        return new EntityViews.Entity(id, NodeRef.typeOf(labels), labels, (String) properties.get("name"),
                properties, record.get("degree").asLong(), neighbours);
    }

    /**
     * Counts of what the caller may see: nodes at or below the clearance, relationships at or below it
     * whose ends are too. Totals come from the count store; below TLP:RED what lies above the clearance
     * is counted through the tlp indexes and subtracted, so the cost follows the marked elements only.
     */
    EntityViews.Stats stats(Tlp clearance) {
        var visible = clearance.atOrBelow();
        var labels = Arrays.stream(NodeType.values()).map(Enum::name).collect(Collectors.toList());
        Arrays.stream(ExtraLabel.values()).map(Enum::name).forEach(labels::add);
        var types = Arrays.stream(RelType.values()).map(Enum::name).toList();
        return graph.readTransaction(tx -> {
            Map<String, Long> nodes = new LinkedHashMap<>();
            tx.run(countNodes, Map.of("labels", labels)).forEachRemaining(r -> nodes.put(r.get("label").asString(), r.get("count").asLong()));
            Map<String, Long> rels = new LinkedHashMap<>();
            tx.run(countRelationships, Map.of("types", types)).forEachRemaining(r -> rels.put(r.get("type").asString(), r.get("count").asLong()));
            if (clearance != Tlp.RED) {
                tx.run(countHiddenNodes, Map.of("visible", visible))
                        .forEachRemaining(r -> nodes.computeIfPresent(r.get("label").asString(), (k, n) -> n - r.get("count").asLong()));
                tx.run(countHiddenRelationships, Map.of("types", types, "visible", visible))
                        .forEachRemaining(r -> rels.computeIfPresent(r.get("type").asString(), (k, n) -> n - r.get("count").asLong()));
            }
            return new EntityViews.Stats(nodes, rels);
        });
    }

    /** Only labels of the model may reach Cypher. */
    private static String label(String type) {
        return NodeType.parse(type).map(Enum::name)
                .or(() -> Arrays.stream(ExtraLabel.values()).filter(l -> l.name().equalsIgnoreCase(type)).findFirst().map(Enum::name))
                .orElseThrow(() -> new BadRequestException("Unknown type \"" + type + "\"; allowed: "
                        + Arrays.stream(NodeType.values()).map(Enum::name).collect(Collectors.joining(", "))
                        + ", MSP, Contractor, Indictment, Sanction"));
    }

    /**
     * Every word must match the start of a word of the name or an alias. The text is cut the way
     * the index's standard analyzer cuts it (at spaces and hyphens, keeping "U.S" and "people's"
     * whole, one term per Chinese character). Only letters, digits, dots and apostrophes reach
     * Lucene, none of them special to its syntax, so user text can never change the query's structure.
     */
    static String luceneQuery(String q) {
        List<String> terms = new ArrayList<>();
        for (String piece : q.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}.']+")) {
            String word = piece.replaceAll("^[.']+|[.']+$", "");
            var latin = new StringBuilder();
            for (int cp : word.codePoints().toArray()) {
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                    flush(latin, terms);
                    terms.add(Character.toString(cp));
                } else {
                    latin.appendCodePoint(cp);
                }
            }
            flush(latin, terms);
        }
        if (terms.isEmpty()) {
            throw new BadRequestException("q must contain at least one letter or digit");
        }
        return String.join(" AND ", terms);
    }

    private static void flush(StringBuilder word, List<String> terms) {
        if (!word.isEmpty()) {
            terms.add(word + "*");
            word.setLength(0);
        }
    }
}
