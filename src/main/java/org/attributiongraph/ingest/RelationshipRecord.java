package org.attributiongraph.ingest;

import java.time.LocalDate;
import java.util.List;

import org.attributiongraph.graph.GraphModel.RelType;

/** A relationship as every reader hands it to the writer; {@code asserted} is the earliest source date. */
record RelationshipRecord(String from, RelType type, String to, int confidence, List<String> sources,
                          LocalDate asserted, LocalDate validFrom, LocalDate validTo, String description,
                          String tlp) {
}
