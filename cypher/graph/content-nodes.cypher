// content-nodes: every node of the store with its labels and properties, less per-run book-keeping,
// so that two stores can be compared (the crash-recovery test digests it). Import runs are included
// by what they recorded (format, file, sha256, counts) but not by their random id or their times.
// Parameters: $skip (property keys left out of every node, e.g. _import_run).
// Columns: id (null for an ImportRun), labels, props (a list of [key, value] pairs).
// Bounds: none: it reads the whole store; for tests and audits, never behind a request.
MATCH (n)
RETURN CASE WHEN n:ImportRun THEN null ELSE n.id END AS id,
       labels(n) AS labels,
       [k IN keys(n) WHERE NOT k IN $skip AND NOT (n:ImportRun AND k IN ['id', 'started', 'finished']) | [k, n[k]]] AS props
