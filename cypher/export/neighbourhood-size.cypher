// neighbourhood-size: how many relationships and nodes a neighbourhood export would hold; run only
// when the export is over its cap, to name the size in the refusal.
// Parameters: $id (root id), $depth (1..3), $nodeLimit (inner nodes counted per level), $limit (rows counted).
// Columns: relationships, nodes (distinct ends of those relationships), truncated (true when the
// counting stopped at $limit rows: the numbers are then lower bounds).
// Bounds: at most 3 hops as in neighbourhood.cypher, LIMIT $nodeLimit per level and $limit rows,
// and the caller's transaction timeout.
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
MATCH (inner)-[r]-(other:Entity)
WITH r, other
LIMIT $limit
RETURN count(DISTINCT r) AS relationships, count(DISTINCT other) AS nodes, count(*) = $limit AS truncated
