// undo-run-nodes: deletes the nodes one import run with batch commits created (after
// undo-run-relationships; see there why all of them are its own). Imports write one at a time, so
// no other file has linked to them.
// Parameters: $run. Columns: none.
// Bounds: one scan of the Entity label, deleted in transactions of 10,000 (runs as an auto-commit
// statement).
MATCH (n:Entity)
WHERE n._import_run = $run
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
