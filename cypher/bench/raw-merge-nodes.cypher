// raw-merge-nodes: the benchmark's baseline for node ingest, the plain statement one would write by
// hand: merge on the id, set the labels and the properties, nothing else.
// Parameters: $labels (a label set of the model, from GraphModel via the generator), $rows [{id, props}].
// Columns: none. Bounds: one batch of rows (the writer's batch size).
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$($labels)
SET n += row.props
