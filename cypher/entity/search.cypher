// search: entities whose name, an alias or an external id (G0045) matches a full-text query (case-insensitive).
// Parameters: $query (Lucene syntax, built and escaped by EntityService), $label (allow-listed label or null), $limit,
//   $visible (the TLP words the caller may see, from Tlp.atOrBelow(); a node without tlp is clear).
// Columns: id, labels, name, aliases. Bounded by LIMIT $limit.
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WHERE ($label IS NULL OR $label IN labels(node))
  AND coalesce(node.tlp, 'clear') IN $visible
RETURN node.id AS id, labels(node) AS labels, node.name AS name, coalesce(node.aliases, []) AS aliases
ORDER BY score DESC, name
LIMIT $limit
