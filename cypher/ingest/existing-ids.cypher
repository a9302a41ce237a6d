// existing-ids: which of these ids are already in the graph.
// Parameters: $ids (list). Columns: id, labels (of each id found). Index look-ups only.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, labels(n) AS labels
