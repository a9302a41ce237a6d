// neighbourhood: the relationships within $depth hops of an entity, for drawing.
// Parameters: $id, $depth (1..2), $limit (relationships). Columns: from, relation, to, confidence.
// Bounds: at most 2 hops (the pattern's cap), LIMIT $limit distinct relationships.
MATCH (start:Entity {id: $id})
MATCH p = (start)-[*1..2]-(:Entity)
WHERE length(p) <= $depth
UNWIND relationships(p) AS r
WITH DISTINCT r
LIMIT $limit
WITH r, startNode(r) AS a, endNode(r) AS b
RETURN a {.id, .name, labels: labels(a)} AS from, type(r) AS relation,
       b {.id, .name, labels: labels(b)} AS to, r.confidence AS confidence
