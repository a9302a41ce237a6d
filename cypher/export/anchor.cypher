// anchor: the marking and labels of the entity an export starts from (root, chain ends, provider).
// Parameters: $id. Columns: id, labels, tlp (null when unset: clear). No row when the id is unknown.
// Bounds: one index look-up by id.
MATCH (n:Entity {id: $id})
RETURN n.id AS id, labels(n) AS labels, n.tlp AS tlp
