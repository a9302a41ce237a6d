package org.attributiongraph.entity;

import java.util.List;
import java.util.Map;

import org.attributiongraph.graph.NodeRef;

/** Response shapes of the entity endpoints. */
final class EntityViews {

    private EntityViews() {
    }

    record SearchResult(List<Item> items) {
    }

    record Item(String id, String type, String name, List<String> aliases) {
    }

    record Entity(String id, String type, List<String> labels, String name, Map<String, Object> properties,
                  long degree, List<Neighbour> neighbours) {
    }

    record Neighbour(String direction, String relation, Integer confidence, NodeRef node) {
    }

    record Stats(Map<String, Long> nodes, Map<String, Long> relationships) {
    }
}
