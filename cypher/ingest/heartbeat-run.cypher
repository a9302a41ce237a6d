// heartbeat-run: renews the heartbeat of a run with batch commits, in the transaction of each batch,
// so it commits with the batch.
// Parameters: $run. Columns: none. Bounds: one look-up through the import_run_id constraint.
MATCH (r:ImportRun {id: $run})
SET r.heartbeat = datetime()
