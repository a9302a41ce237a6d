// relationships: the stored relationships for given (from, type, to) keys, as an attribution chain
// lists its hops.
// Parameters: $keys [{from, type, to}] (type from the graph's own answer, compared, never spliced
//   into the statement), $limit (the relationship cap + 1).
// Columns: from, type, to, properties (every stored property).
// Bounds: two index look-ups per key, LIMIT $limit.
UNWIND $keys AS key
MATCH (a:Entity {id: key.from})-[r]->(b:Entity {id: key.to})
WHERE type(r) = key.type
RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS properties
LIMIT $limit
