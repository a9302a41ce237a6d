package org.attributiongraph.export;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.attributiongraph.graph.GraphModel.NodeType;
import org.attributiongraph.graph.GraphModel.Tlp;
import org.attributiongraph.graph.Ids;

/**
 * What one export holds: nodes with their labels and stored properties, relationships with theirs,
 * both sorted by id so that the same graph always writes the same bytes. {@code anchors} are the ids
 * the selection starts from (the root, a chain's ends, the provider): they stay even when isolated.
 */
record Subgraph(List<String> anchors, List<Node> nodes, List<Rel> relationships) {

    Subgraph {
        nodes = nodes.stream().sorted(Comparator.comparing(Node::id)).toList();
        relationships = relationships.stream().sorted(Comparator.comparing(Rel::key)).toList();
    }

    /** The most restrictive marking among everything here; clear for an empty subgraph. */
    Tlp highest() {
        Tlp highest = Tlp.CLEAR;
        for (Node node : nodes) {
            highest = max(highest, node.tlp());
        }
        for (Rel rel : relationships) {
            highest = max(highest, rel.tlp());
        }
        return highest;
    }

    static Tlp max(Tlp a, Tlp b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /**
     * A node: {@code props} are its stored properties without the {@code _}-prefixed bookkeeping,
     * as the driver gives them (String, Long, LocalDate, List).
     */
    record Node(String id, List<String> labels, Map<String, Object> props) {

        /** The primary label; a node with none of the model's labels counts as a StixObject. */
        NodeType type() {
            return NodeType.of(labels).orElse(NodeType.StixObject);
        }

        /** The extra labels (MSP, Contractor, Indictment, Sanction), sorted. */
        List<String> extraLabels() {
            String primary = type().name();
            return labels.stream().filter(l -> !l.equals(primary) && !l.equals("Entity")
                    && Set.of("MSP", "Contractor", "Indictment", "Sanction").contains(l)).sorted().toList();
        }

        String name() {
            return text("name");
        }

        Tlp tlp() {
            return tlpOf(props.get("tlp"));
        }

        String text(String key) {
            Object value = props.get(key);
            return value == null ? null : value.toString();
        }

        LocalDate date(String key) {
            return props.get(key) instanceof LocalDate date ? date : null;
        }

        List<String> strings(String key) {
            return stringsOf(props.get(key));
        }

        /** The STIX type its id starts with ({@code intrusion-set} of {@code intrusion-set--...}). */
        String idType() {
            int at = id.indexOf("--");
            return at < 0 ? id : id.substring(0, at);
        }
    }

    /** A relationship, keyed by its ends and type (the graph holds at most one per key). */
    record Rel(String from, String type, String to, Map<String, Object> props) {

        String key() {
            return from + " " + type + " " + to;
        }

        /** A STIX relationship id: UUIDv5 of the ends and the type, so every export names it alike. */
        String stixId() {
            return "relationship--" + Ids.uuid5(Ids.NAMESPACE, "relationship:" + from + "|" + type + "|" + to);
        }

        Tlp tlp() {
            return tlpOf(props.get("tlp"));
        }

        Integer confidence() {
            return props.get("confidence") instanceof Number n ? n.intValue() : null;
        }

        List<String> sources() {
            return stringsOf(props.get("sources"));
        }

        String text(String key) {
            Object value = props.get(key);
            return value == null ? null : value.toString();
        }

        LocalDate date(String key) {
            return props.get(key) instanceof LocalDate date ? date : null;
        }

        boolean touches(Collection<String> ids) {
            return ids.contains(from) || ids.contains(to);
        }
    }

    /**
     * A stored marking: missing means clear (the model's default); a value that is no TLP word is
     * treated as red, so that a typo can only ever hide data, never release it.
     */
    static Tlp tlpOf(Object value) {
        if (value == null) {
            return Tlp.CLEAR;
        }
        return Optional.of(value.toString()).flatMap(Tlp::parse).orElse(Tlp.RED);
    }

    @SuppressWarnings("unchecked")
    static List<String> stringsOf(Object value) {
        if (value instanceof List<?> list) {
            return ((List<Object>) list).stream().filter(v -> v != null).map(Object::toString).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }
}
