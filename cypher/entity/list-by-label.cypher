// list-by-label: entities with one label, by name.
// Parameters: $label (allow-listed), $limit, $visible (the TLP words the caller may see; no tlp: clear).
// Columns: id, labels, name, aliases. Bounded by LIMIT $limit.
MATCH (node:$($label))
WHERE coalesce(node.tlp, 'clear') IN $visible
RETURN node.id AS id, labels(node) AS labels, node.name AS name, coalesce(node.aliases, []) AS aliases
ORDER BY name
LIMIT $limit
