// interrupted-runs: imports with batch commits that never reached record-run because their process
// stopped. With $exclusive (an in-process store: its lock keeps every other process out) that is every
// marked run. On a shared server, a run of another live process renews its heartbeat with each batch,
// so only a run whose heartbeat is older than $stale counts (and a mark without one, left by an older
// version).
// Parameters: $exclusive (boolean), $stale (duration). Columns: run, file.
// Bounds: the ImportRun label, one row per unfinished run (normally none).
MATCH (r:ImportRun)
WHERE r.writing
  AND ($exclusive OR r.heartbeat IS NULL OR r.heartbeat < datetime() - $stale)
RETURN r.id AS run, r.file AS file
