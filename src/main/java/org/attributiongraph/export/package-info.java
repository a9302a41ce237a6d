/** Subgraph export: a neighbourhood, a chain or a blast radius as STIX 2.1, GraphML, CSV or Cytoscape JSON, TLP-filtered. */
package org.attributiongraph.export;
