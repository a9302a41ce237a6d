package org.attributiongraph.export;

import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a subgraph as Cytoscape.js elements JSON, which the web page draws and Cytoscape desktop
 * imports: {@code {"tlp", "elements": {"nodes": [{"data": {...}}], "edges": [{"data": {...}}]}}}.
 * The top-level {@code tlp} is the highest marking in the file.
 */
final class CytoscapeExport {

    private CytoscapeExport() {
    }

    static Written write(Subgraph graph) {
        var root = Json.object();
        root.put("tlp", graph.highest().word());
        var elements = root.putObject("elements");
        ArrayNode nodes = elements.putArray("nodes");
        for (var node : graph.nodes()) {
            var data = nodes.addObject().putObject("data");
            String name = node.name() != null ? node.name() : node.id();
            data.put("id", node.id());
            data.put("label", name);
            data.put("name", name);
            data.put("type", node.type().name());
            data.put("tlp", node.tlp().word());
            strings(data, "labels", node.extraLabels());
            strings(data, "aliases", node.strings("aliases"));
            for (String field : List.of("country", "kind", "url", "publisher", "published")) {
                if (node.text(field) != null) {
                    data.put(field, node.text(field));
                }
            }
            strings(data, "sources", node.strings("sources"));
        }
        ArrayNode edges = elements.putArray("edges");
        for (var rel : graph.relationships()) {
            var data = edges.addObject().putObject("data");
            data.put("id", rel.stixId());
            data.put("source", rel.from());
            data.put("target", rel.to());
            data.put("relation", rel.type());
            if (rel.confidence() != null) {
                data.put("confidence", rel.confidence());
            }
            data.put("tlp", rel.tlp().word());
            strings(data, "sources", rel.sources());
            for (String field : List.of("valid_from", "valid_to", "stix_type")) {
                if (rel.text(field) != null) {
                    data.put(field, rel.text(field));
                }
            }
        }
        return new Written(Json.write(root), graph.highest(), graph.nodes().size(), graph.relationships().size(), 0);
    }

    private static void strings(ObjectNode data, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = data.putArray(field);
            values.forEach(array::add);
        }
    }
}
