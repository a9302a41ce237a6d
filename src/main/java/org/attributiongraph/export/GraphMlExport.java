package org.attributiongraph.export;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.attributiongraph.graph.GraphModel.Tlp;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.jgrapht.nio.graphml.GraphMLExporter.AttributeCategory;

/**
 * Writes a subgraph as GraphML with JGraphT's exporter, every attribute declared by a {@code <key>},
 * so that Gephi and yEd read it: nodes carry {@code label} (the name, which Gephi shows), {@code name},
 * {@code type} (the primary label), {@code tlp} and {@code sources}; edges {@code label} and
 * {@code relation} (the type), {@code confidence}, {@code tlp} and {@code sources} (Source ids joined
 * by {@code ;}); the graph its highest marking in {@code tlp}.
 */
final class GraphMlExport {

    private GraphMlExport() {
    }

    private static final Pattern TLP_KEY = Pattern.compile("<key id=\"(key\\d+)\" for=\"all\" attr.name=\"tlp\"");
    private static final String GRAPH_START = "<graph edgedefault=\"directed\">";

    static Written write(Subgraph graph) {
        // Pseudograph: two nodes may be linked by relationships of several types.
        var g = new DirectedPseudograph<String, Subgraph.Rel>(null, null, false);
        Map<String, Subgraph.Node> nodes = new LinkedHashMap<>();
        graph.nodes().forEach(n -> {
            nodes.put(n.id(), n);
            g.addVertex(n.id());
        });
        graph.relationships().forEach(r -> g.addEdge(r.from(), r.to(), r));
        Tlp highest = graph.highest();

        var exporter = new GraphMLExporter<String, Subgraph.Rel>(id -> id);
        exporter.setEdgeIdProvider(Subgraph.Rel::stixId);
        exporter.registerAttribute("label", AttributeCategory.ALL, AttributeType.STRING);
        exporter.registerAttribute("name", AttributeCategory.NODE, AttributeType.STRING);
        exporter.registerAttribute("type", AttributeCategory.NODE, AttributeType.STRING);
        exporter.registerAttribute("relation", AttributeCategory.EDGE, AttributeType.STRING);
        exporter.registerAttribute("confidence", AttributeCategory.EDGE, AttributeType.INT);
        exporter.registerAttribute("tlp", AttributeCategory.ALL, AttributeType.STRING);
        exporter.registerAttribute("sources", AttributeCategory.ALL, AttributeType.STRING);
        exporter.setVertexAttributeProvider(id -> {
            var node = nodes.get(id);
            Map<String, Attribute> attributes = new LinkedHashMap<>();
            String name = node.name() != null ? node.name() : id;
            attributes.put("label", DefaultAttribute.createAttribute(name));
            attributes.put("name", DefaultAttribute.createAttribute(name));
            attributes.put("type", DefaultAttribute.createAttribute(node.type().name()));
            attributes.put("tlp", DefaultAttribute.createAttribute(node.tlp().word()));
            if (!node.strings("sources").isEmpty()) {
                attributes.put("sources", DefaultAttribute.createAttribute(String.join(";", node.strings("sources"))));
            }
            return attributes;
        });
        exporter.setEdgeAttributeProvider(rel -> {
            Map<String, Attribute> attributes = new LinkedHashMap<>();
            attributes.put("label", DefaultAttribute.createAttribute(rel.type()));
            attributes.put("relation", DefaultAttribute.createAttribute(rel.type()));
            if (rel.confidence() != null) {
                attributes.put("confidence", DefaultAttribute.createAttribute(rel.confidence()));
            }
            attributes.put("tlp", DefaultAttribute.createAttribute(rel.tlp().word()));
            if (!rel.sources().isEmpty()) {
                attributes.put("sources", DefaultAttribute.createAttribute(String.join(";", rel.sources())));
            }
            return attributes;
        });
        var out = new StringWriter();
        exporter.exportGraph(g, out);
        String text = withGraphMarking(out.toString().replace("\r\n", "\n"), highest);
        return new Written(text.getBytes(StandardCharsets.UTF_8), highest, graph.nodes().size(), graph.relationships().size(), 0);
    }

    /**
     * JGraphT's exporter declares keys for the graph ({@code for="all"}) but writes no graph-level
     * data, so the file's marking goes in as the first {@code <data>} of {@code <graph>}, where GraphML has it.
     */
    private static String withGraphMarking(String graphml, Tlp highest) {
        var key = TLP_KEY.matcher(graphml);
        if (!key.find() || !graphml.contains(GRAPH_START)) {
            throw new IllegalStateException("the GraphML exporter wrote no tlp key or no graph element");
        }
        String indent = "\n        ";
        return graphml.replaceFirst(Pattern.quote(GRAPH_START),
                Matcher.quoteReplacement(GRAPH_START + indent + "<data key=\"" + key.group(1) + "\">" + highest.word() + "</data>"));
    }
}
