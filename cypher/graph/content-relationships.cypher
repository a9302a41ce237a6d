// content-relationships: every relationship of the store by its ends' ids, its type and its
// properties, less per-run book-keeping, so that two stores can be compared (see content-nodes).
// Parameters: $skip (property keys left out, e.g. _import_run).
// Columns: from, type, to, props (a list of [key, value] pairs).
// Bounds: none: it reads the whole store; for tests and audits, never behind a request.
MATCH (a)-[r]->(b)
RETURN a.id AS from, type(r) AS type, b.id AS to,
       [k IN keys(r) WHERE NOT k IN $skip | [k, r[k]]] AS props
