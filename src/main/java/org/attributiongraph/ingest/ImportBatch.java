package org.attributiongraph.ingest;

import java.util.List;
import java.util.Set;

/**
 * Everything one file contributes, validated and mapped, ready to write.
 *
 * @param references ids that relationships of the file point at but the file does not define; the
 *                   pipeline refuses the file, naming them, unless they are already in the graph
 */
record ImportBatch(List<NodeRecord> nodes, List<RelationshipRecord> relationships, List<String> warnings,
                   Set<String> references) {

    ImportBatch(List<NodeRecord> nodes, List<RelationshipRecord> relationships, List<String> warnings) {
        this(nodes, relationships, warnings, Set.of());
    }
}
