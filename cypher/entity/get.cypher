// get: one entity, its properties (book-keeping ones removed by the caller) and its neighbours.
// Parameters: $id, $limit (neighbours shown). Columns: node, labels, neighbours, degree.
MATCH (n:Entity {id: $id})
RETURN properties(n) AS node,
       labels(n) AS labels,
       COLLECT {
         MATCH (n)-[r]-(m:Entity)
         WITH r, m, type(r) AS relation
         ORDER BY relation, m.name
         LIMIT $limit
         RETURN {direction: CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END,
                 relation: relation, confidence: r.confidence,
                 node: m {.id, .name, labels: labels(m)}}
       } AS neighbours,
       COUNT { (n)-[]-(:Entity) } AS degree
