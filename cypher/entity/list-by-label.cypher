// list-by-label: entities with one label, by name.
// Parameters: $label (allow-listed), $limit. Columns: id, labels, name, aliases. Bounded by LIMIT $limit.
MATCH (node:$($label))
RETURN node.id AS id, labels(node) AS labels, node.name AS name, coalesce(node.aliases, []) AS aliases
ORDER BY name
LIMIT $limit
