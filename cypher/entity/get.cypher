// get: one entity, its properties (book-keeping ones removed by the caller) and its neighbours.
// Parameters: $id, $limit (neighbours shown), $visible (the TLP words the caller may see; no tlp: clear).
// An entity marked above the caller's clearance gives no row (answered as an unknown id); neighbours
// and degree count only visible nodes through visible relationships; visibleSources are the ids in
// the node's own sources list that name visible Source nodes (the caller replaces the list with them).
// Columns: node, labels, neighbours, degree, visibleSources. Bounds: LIMIT $limit neighbours.
MATCH (n:Entity {id: $id})
WHERE coalesce(n.tlp, 'clear') IN $visible
RETURN properties(n) AS node,
       labels(n) AS labels,
       COLLECT {
         MATCH (n)-[r]-(m:Entity)
         WHERE coalesce(r.tlp, 'clear') IN $visible AND coalesce(m.tlp, 'clear') IN $visible
         WITH r, m, type(r) AS relation
         ORDER BY relation, m.name
         LIMIT $limit
         RETURN {direction: CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END,
                 relation: relation, confidence: r.confidence,
                 node: m {.id, .name, labels: labels(m)}}
       } AS neighbours,
       COUNT { MATCH (n)-[r]-(m:Entity) WHERE coalesce(r.tlp, 'clear') IN $visible AND coalesce(m.tlp, 'clear') IN $visible } AS degree,
       COLLECT {
         MATCH (s:Source) WHERE s.id IN coalesce(n.sources, []) AND coalesce(s.tlp, 'clear') IN $visible
         RETURN s.id
       } AS visibleSources
