package org.attributiongraph.graph;

import org.attributiongraph.graph.GraphModel.NodeType;
import org.neo4j.driver.Value;

/** How answers name a node: its id, its primary type and its name. */
public record NodeRef(String id, String type, String name) {

    /** From a map projection {@code {id, name, labels}}. */
    public static NodeRef of(Value value) {
        return new NodeRef(value.get("id").asString(), typeOf(value.get("labels").asList(Value::asString)),
                value.get("name").asString(null));
    }

    public static String typeOf(Iterable<String> labels) {
        return NodeType.of(labels).map(Enum::name).orElse("Unknown");
    }
}
