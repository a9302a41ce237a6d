// export-roots: how large the depth-2 neighbourhood of each candidate root is, so the benchmark can
// export the largest one under its caps.
// Parameters: $ids (candidate root ids). Columns: id, relationships (relationships touching the root
// or one of its neighbours; an upper bound, since one between two of them counts twice).
// Bounds: one row per candidate; degree counts only.
UNWIND $ids AS id
MATCH (root:Entity {id: id})
CALL (root) {
  MATCH (root)--(n)
  WITH DISTINCT n
  RETURN sum(COUNT { (n)--() }) AS around
}
RETURN id, COUNT { (root)--() } + around AS relationships
