// interrupted-runs: imports with batch commits that never reached record-run (the process stopped).
// Parameters: none. Columns: run, file.
// Bounds: the ImportRun label, one row per unfinished run (normally none).
MATCH (r:ImportRun)
WHERE r.writing
RETURN r.id AS run, r.file AS file
