package org.attributiongraph.ingest;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.attributiongraph.graph.GraphModel.ExtraLabel;
import org.attributiongraph.graph.GraphModel.NodeType;

/**
 * A node as every reader hands it to the writer.
 *
 * @param props non-null properties only (a missing value must not erase what another file set)
 */
record NodeRecord(String id, NodeType type, Set<ExtraLabel> extraLabels, Map<String, Object> props,
                  List<String> aliases, List<String> externalIds) {
}
