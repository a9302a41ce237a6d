// summary: id, name and labels of one entity (for the head of an answer, and for 404s).
// Parameters: $id. Columns: node {id, name, labels}; no row when the id is unknown.
MATCH (n:Entity {id: $id})
RETURN n {.id, .name, labels: labels(n)} AS node
