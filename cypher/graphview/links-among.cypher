// links-among: the relationships of the given types between the given nodes, for drawing.
// Parameters: $ids (list, at most a few thousand; already narrowed to what the caller may see),
//   $types (allow-listed), $limit, $visible (the TLP words the caller may see; no tlp: clear).
// Columns: from (id), relation, to (id), confidence. Bounds: index look-ups by id, LIMIT $limit.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
WHERE type(r) IN $types AND b.id IN $ids
  AND coalesce(r.tlp, 'clear') IN $visible AND coalesce(a.tlp, 'clear') IN $visible AND coalesce(b.tlp, 'clear') IN $visible
RETURN a.id AS from, type(r) AS relation, b.id AS to, r.confidence AS confidence
LIMIT $limit
