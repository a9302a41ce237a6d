package org.attributiongraph.ingest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.attributiongraph.graph.Graph;
import org.attributiongraph.graph.GraphModel.NodeType;
import org.attributiongraph.graph.Ids;
import org.attributiongraph.graph.GraphModel.RelType;
import org.attributiongraph.ingest.ImportResult.Merge;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * Lands what different sources say about one actor on one node. A new ThreatGroup, Agency,
 * Organization or Country whose external id (ATT&CK id, MISP uuid, STIX id), ISO code, or
 * normalised name or alias matches exactly one existing entity is merged into it: its id is
 * rewritten to the existing one, its name becomes an alias, and its external ids and sources are
 * kept. Several matches are never merged: the record stays apart, linked to each candidate by
 * {@code POSSIBLY_SAME_AS}, and the import reports it.
 */
@Component
final class EntityResolver {

    static final Set<NodeType> RESOLVED = EnumSet.of(NodeType.ThreatGroup, NodeType.Agency, NodeType.Organization, NodeType.Country);
    static final int POSSIBLY_SAME_CONFIDENCE = 50;

    private final Graph graph;
    private final String candidates;

    EntityResolver(Graph graph) {
        this.graph = graph;
        this.candidates = graph.statement("ingest/resolution-candidates");
    }

    record Resolved(ImportBatch batch, List<Merge> merges) {
    }

    private record Candidate(String id, NodeType type, String name, Set<String> names, Set<String> externalIds,
                             String country) {
    }

    /**
     * @param existing ids of the batch that are already in the graph: those are the same node
     *                 already and are not resolved again
     */
    Resolved resolve(ImportBatch batch, Set<String> existing) {
        Map<NodeType, List<NodeRecord>> open = new LinkedHashMap<>();
        for (NodeRecord node : batch.nodes()) {
            if (RESOLVED.contains(node.type()) && !existing.contains(node.id())) {
                for (NodeType label : searchLabels(node)) {
                    open.computeIfAbsent(label, k -> new ArrayList<>()).add(node);
                }
            }
        }
        if (open.isEmpty()) {
            return new Resolved(batch, List.of());
        }
        Map<String, List<Candidate>> byRecord = new HashMap<>();
        for (var entry : open.entrySet()) {
            var found = new Matches(candidates(entry.getKey(), entry.getValue()));
            for (NodeRecord node : entry.getValue()) {
                var matched = found.of(node);
                if (!matched.isEmpty()) {
                    byRecord.computeIfAbsent(node.id(), k -> new ArrayList<>()).addAll(matched);
                }
            }
        }

        Map<String, String> idMap = new HashMap<>();
        List<NodeRecord> nodes = new ArrayList<>();
        List<RelationshipRecord> relationships = new ArrayList<>();
        List<String> warnings = new ArrayList<>(batch.warnings());
        List<Merge> merges = new ArrayList<>();
        for (NodeRecord node : batch.nodes()) {
            var found = pick(node, byRecord.getOrDefault(node.id(), List.of()));
            if (found.size() == 1) {
                Candidate target = found.getFirst();
                idMap.put(node.id(), target.id());
                nodes.add(mergedInto(node, target));
                merges.add(new Merge(node.id(), node.name(), target.id(), target.name(), matchedOn(node, target)));
            } else {
                nodes.add(node);
                for (Candidate c : found) {
                    relationships.add(new RelationshipRecord(node.id(), RelType.POSSIBLY_SAME_AS, c.id(), POSSIBLY_SAME_CONFIDENCE,
                            List.of(), null, null, null, "shares " + matchedOn(node, c) + " with an existing entity", null, null));
                }
                if (found.size() > 1) {
                    warnings.add(node.type() + " \"" + node.name() + "\" (" + node.id() + ") matches " + found.size()
                            + " existing entities (" + String.join(", ", found.stream().map(c -> c.name() + " " + c.id()).toList())
                            + "): kept apart and linked POSSIBLY_SAME_AS");
                }
            }
        }
        for (RelationshipRecord rel : batch.relationships()) {
            relationships.add(rel.withEnds(idMap.getOrDefault(rel.from(), rel.from()), idMap.getOrDefault(rel.to(), rel.to())));
        }
        return new Resolved(new ImportBatch(nodes, relationships, warnings, batch.references()), merges);
    }

    /** A nation-state threat actor may be the state body itself (STIX "Unit 61398" vs the curated agency). */
    private static Set<NodeType> searchLabels(NodeRecord node) {
        if (node.type() == NodeType.ThreatGroup && node.props().get("threat_actor_types") instanceof List<?> types
                && types.contains("nation-state")) {
            return EnumSet.of(NodeType.ThreatGroup, NodeType.Agency);
        }
        return EnumSet.of(node.type());
    }

    private List<Candidate> candidates(NodeType label, List<NodeRecord> records) {
        Set<String> names = new HashSet<>();
        Set<String> externalIds = new HashSet<>();
        Set<String> countries = new HashSet<>();
        for (NodeRecord r : records) {
            names.addAll(r.names());
            externalIds.addAll(r.externalIds());
            if (r.props().get("country") instanceof String iso) {
                countries.add(iso);
            }
        }
        return graph.importRead(candidates, Map.of("label", label.name(), "names", List.copyOf(names),
                        "externalIds", List.copyOf(externalIds), "countries", List.copyOf(countries)))
                .stream()
                .map(r -> new Candidate(r.get("id").asString(),
                        NodeType.of(r.get("labels").asList(Value::asString)).orElse(label),
                        r.get("name").asString(null),
                        new HashSet<>(r.get("names").asList(Value::asString)),
                        new HashSet<>(r.get("externalIds").asList(Value::asString)),
                        r.get("country").asString(null)))
                .toList();
    }

    /**
     * One label's candidates, looked up by what a record can match on (the conditions of
     * {@link #matchedOn}). Comparing every record with every candidate cost records x candidates:
     * a file of 40,000 organizations that all share names with the graph's made 1.6 billion pairs.
     */
    private static final class Matches {
        private final List<Candidate> candidates;
        private final Map<String, List<Integer>> byExternalId = new HashMap<>();
        private final Map<String, List<Integer>> byCountry = new HashMap<>();
        private final Map<String, List<Integer>> byName = new HashMap<>();

        Matches(List<Candidate> candidates) {
            this.candidates = candidates;
            for (int i = 0; i < candidates.size(); i++) {
                Candidate c = candidates.get(i);
                for (String x : c.externalIds()) {
                    byExternalId.computeIfAbsent(x, k -> new ArrayList<>()).add(i);
                }
                if (c.country() != null) {
                    byCountry.computeIfAbsent(c.country(), k -> new ArrayList<>()).add(i);
                }
                for (String name : c.names()) {
                    byName.computeIfAbsent(name, k -> new ArrayList<>()).add(i);
                }
            }
        }

        /** The candidates the record matches, in the order the graph returned them. */
        List<Candidate> of(NodeRecord node) {
            var found = new TreeSet<Integer>();
            node.externalIds().forEach(x -> found.addAll(byExternalId.getOrDefault(x, List.of())));
            if (node.type() == NodeType.Country && node.props().get("country") instanceof String iso) {
                found.addAll(byCountry.getOrDefault(iso, List.of()));
            }
            node.names().forEach(name -> found.addAll(byName.getOrDefault(name, List.of())));
            return found.stream().map(candidates::get).toList();
        }
    }

    /**
     * Strong evidence first: an external id or ISO code decides alone. Among name matches, a
     * candidate whose own name is the newcomer's name beats candidates that only share an alias
     * (ATT&CK's "OilRig" is MISP's "OilRig", not MISP's "CHRYSENE" that lists OilRig as a synonym).
     */
    private static List<Candidate> pick(NodeRecord node, List<Candidate> found) {
        var unique = new LinkedHashMap<String, Candidate>();
        found.forEach(c -> unique.putIfAbsent(c.id(), c));
        var strong = unique.values().stream().filter(c -> !matchedOn(node, c).startsWith("name")).toList();
        if (!strong.isEmpty()) {
            return strong;
        }
        String name = node.name() == null ? null : Ids.normalise(node.name());
        var sameName = unique.values().stream().filter(c -> c.name() != null && Ids.normalise(c.name()).equals(name)).toList();
        return sameName.size() == 1 ? sameName : List.copyOf(unique.values());
    }

    private static String matchedOn(NodeRecord node, Candidate c) {
        for (String x : node.externalIds()) {
            if (c.externalIds().contains(x)) {
                return "external id " + x;
            }
        }
        if (node.type() == NodeType.Country && c.country() != null && c.country().equals(node.props().get("country"))) {
            return "ISO code " + c.country();
        }
        for (String name : node.names()) {
            if (c.names().contains(name)) {
                return "name \"" + name + "\"";
            }
        }
        return null;
    }

    /**
     * The record takes the existing node's id and label; the writer then keeps the existing name
     * and description and adds the incoming name as an alias (see cypher/ingest/merge-nodes.cypher).
     */
    private static NodeRecord mergedInto(NodeRecord node, Candidate target) {
        return new NodeRecord(target.id(), target.type(), target.type() == node.type() ? node.extraLabels() : Set.of(),
                node.props(), node.aliases(), node.externalIds());
    }
}
