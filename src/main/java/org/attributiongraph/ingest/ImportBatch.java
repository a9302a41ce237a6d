package org.attributiongraph.ingest;

import java.util.List;

/** Everything one file contributes, validated and mapped, ready to write. */
record ImportBatch(List<NodeRecord> nodes, List<RelationshipRecord> relationships, List<String> warnings) {
}
