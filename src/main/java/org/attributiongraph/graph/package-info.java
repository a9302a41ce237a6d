/** Neo4j plumbing: the embedded store, the driver, the Cypher catalog, the schema and the graph vocabulary. */
package org.attributiongraph.graph;
