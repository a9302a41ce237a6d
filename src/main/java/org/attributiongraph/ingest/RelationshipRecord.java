package org.attributiongraph.ingest;

import java.time.LocalDate;
import java.util.List;

import org.attributiongraph.graph.GraphModel.RelType;

/**
 * A relationship as every reader hands it to the writer.
 *
 * @param sources      ids of Source nodes (in the batch or already in the graph)
 * @param asserted     the earliest publication date among the sources (or the STIX {@code created}
 *                     where no source is dated); null only when nothing gives a date
 * @param originalType the type as the input named it, kept for {@code RELATED_TO}; null otherwise
 */
record RelationshipRecord(String from, RelType type, String to, int confidence, List<String> sources,
                          LocalDate asserted, LocalDate validFrom, LocalDate validTo, String description,
                          String tlp, String originalType) {

    RelationshipRecord withEnds(String newFrom, String newTo) {
        return new RelationshipRecord(newFrom, type, newTo, confidence, sources, asserted, validFrom, validTo,
                description, tlp, originalType);
    }
}
