// summary: id, name and labels of one entity (for the head of an answer, and for 404s).
// Parameters: $id, $visible (the TLP words the caller may see; no tlp: clear).
// Columns: node {id, name, labels}; no row when the id is unknown or marked above the caller's clearance.
MATCH (n:Entity {id: $id})
WHERE coalesce(n.tlp, 'clear') IN $visible
RETURN n {.id, .name, labels: labels(n)} AS node
