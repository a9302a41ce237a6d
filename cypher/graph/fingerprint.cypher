// fingerprint: every node and relationship of the store with its labels or type, its ends and its properties, so
// that a check can prove an input changed nothing (counts by label and type, and a checksum over ids and properties).
// Parameters: none.
// Columns: kind ('node' or 'relationship'), names (the labels, or [type]), ends ([] or [start id, end id]), properties.
// Bounds: none on purpose: it reads the whole store once. For tests and checks on stores of test size, never an endpoint.
MATCH (n)
RETURN 'node' AS kind, labels(n) AS names, [] AS ends, properties(n) AS properties
UNION ALL
MATCH (a)-[r]->(b)
RETURN 'relationship' AS kind, [type(r)] AS names, [a.id, b.id] AS ends, properties(r) AS properties
