package org.attributiongraph.export;

import org.attributiongraph.graph.GraphModel.Tlp;

/**
 * One exported file.
 *
 * @param highest       the most restrictive marking the file holds (clear when it holds nothing marked)
 * @param nodes         nodes written (for STIX: objects other than relationships and markings)
 * @param relationships relationships written
 * @param omitted       nodes and relationships of the (TLP-filtered) subgraph that the format cannot
 *                      carry and that were left out, for the caller to be told
 */
record Written(byte[] content, Tlp highest, int nodes, int relationships, int omitted) {
}
