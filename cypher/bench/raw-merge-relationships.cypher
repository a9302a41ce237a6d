// raw-merge-relationships: the benchmark's baseline for relationship ingest, written by hand: find
// both ends by id, merge the relationship, set its properties (the same ones the pipeline stores).
// Parameters: $type (a relationship type of the model, via the generator; the bench writes it in place
//   of the dynamic type, as one would by hand), $rows [{from, to, props}].
// Columns: none. Bounds: one batch of rows (the writer's batch size); index look-ups only.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$($type)]->(b)
SET r += row.props
