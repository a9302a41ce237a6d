// relationships-from: the relationships of the given types that leave the given nodes, optionally
// only those that end at one of $to (for the SERVES links among a blast radius).
// Parameters: $ids (node ids, at most the node cap), $types (from GraphModel's allow-list),
//   $to (list of ids, or null for any end), $limit (the relationship cap + 1).
// Columns: from, type, to, properties (every stored property).
// Bounds: index look-ups by id, the relationships of those nodes only, LIMIT $limit.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
WHERE type(r) IN $types AND ($to IS NULL OR b.id IN $to)
RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS properties
LIMIT $limit
