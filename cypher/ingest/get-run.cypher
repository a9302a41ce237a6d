// get-run: one import run's record.
// Parameters: $run. Returns: run (map) or no row.
MATCH (r:ImportRun {id: $run})
RETURN r {.id, .format, .file, .sha256, started: toString(r.started), finished: toString(r.finished),
          .nodes_created, .relationships_created} AS run
