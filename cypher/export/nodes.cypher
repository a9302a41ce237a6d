// nodes: the labels and stored properties of the given nodes, for export.
// Parameters: $ids (node ids, at most the node cap plus the sources cited), $limit.
// Columns: id, labels, properties (every stored property; the caller leaves out the _-prefixed
// bookkeeping). Unknown ids give no row.
// Bounds: one index look-up per id, LIMIT $limit.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
LIMIT $limit
