// content: how much the two ingest writers stored, to show they wrote the same graph: entities,
// relationships between them, and the number of properties on each side.
// Parameters: none. Columns: nodes, nodeProperties, relationships, relationshipProperties.
// Bounds: one scan of the benchmark's own store.
MATCH (n:Entity)
WITH count(n) AS nodes, sum(size(keys(n))) AS nodeProperties
OPTIONAL MATCH (:Entity)-[r]->(:Entity)
RETURN nodes, nodeProperties, count(r) AS relationships, sum(size(keys(r))) AS relationshipProperties
