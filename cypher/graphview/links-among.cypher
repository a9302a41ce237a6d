// links-among: the relationships of the given types between the given nodes, for drawing.
// Parameters: $ids (list, at most a few thousand), $types (allow-listed), $limit.
// Columns: from (id), relation, to (id), confidence. Bounds: index look-ups by id, LIMIT $limit.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
WHERE type(r) IN $types AND b.id IN $ids
RETURN a.id AS from, type(r) AS relation, b.id AS to, r.confidence AS confidence
LIMIT $limit
