/** Graphs for drawing: nodes and links of a chain, a blast radius or a neighbourhood, bounded. */
package org.attributiongraph.graphview;
