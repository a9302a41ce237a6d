// neighbourhood: the relationships within $depth hops of an entity, for drawing.
// Parameters: $id, $depth (1..2), $limit (relationships), $visible (the TLP words the caller may see;
//   no tlp: clear): only paths whose every node and relationship is visible.
// Columns: from, relation, to, confidence.
// Bounds: at most 2 hops (the pattern's cap), LIMIT $limit distinct relationships.
MATCH (start:Entity {id: $id})
WHERE coalesce(start.tlp, 'clear') IN $visible
MATCH p = (start)-[*1..2]-(:Entity)
WHERE length(p) <= $depth
  AND all(r IN relationships(p) WHERE coalesce(r.tlp, 'clear') IN $visible)
  AND all(n IN nodes(p) WHERE coalesce(n.tlp, 'clear') IN $visible)
UNWIND relationships(p) AS r
WITH DISTINCT r
LIMIT $limit
WITH r, startNode(r) AS a, endNode(r) AS b
RETURN a {.id, .name, labels: labels(a)} AS from, type(r) AS relation,
       b {.id, .name, labels: labels(b)} AS to, r.confidence AS confidence
