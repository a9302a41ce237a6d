// neighbourhood: every relationship within $depth hops of an entity, for export.
// A relationship lies within $depth hops exactly when one of its ends is at most $depth - 1 hops
// from the root, so the query collects those inner nodes level by level (each once, whatever the
// number of paths to it) and returns the relationships that touch them.
// Parameters: $id (root id), $depth (1..3), $nodeLimit (inner nodes kept per level: the node cap + 1,
//   since more inner nodes than that already break the cap), $limit (relationships: the cap + 1).
// Columns: from, type, to (ids and the relationship type), properties (every stored property).
// Bounds: at most 3 hops (two expansion levels, each DISTINCT and LIMIT $nodeLimit), LIMIT $limit
// relationships, and the caller's transaction timeout.
MATCH (root:Entity {id: $id})
CALL (root) {
  WITH root WHERE $depth >= 2
  MATCH (root)--(n:Entity)
  WITH DISTINCT n LIMIT $nodeLimit
  RETURN collect(n) AS first
}
CALL (first) {
  UNWIND first AS m
  WITH m WHERE $depth >= 3
  MATCH (m)--(n:Entity)
  WITH DISTINCT n LIMIT $nodeLimit
  RETURN collect(n) AS second
}
UNWIND [root] + first + second AS inner
WITH DISTINCT inner
MATCH (inner)-[r]-(:Entity)
WITH DISTINCT r
LIMIT $limit
RETURN startNode(r).id AS from, type(r) AS type, endNode(r).id AS to, properties(r) AS properties
