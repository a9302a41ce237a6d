// undo-run-relationships: deletes the relationships one import run created, for a run with batch
// commits that failed or was interrupted. Such a run only ever creates (its statements are the
// create fast path, and it stops at the first element that already exists), so every relationship
// carrying its run id is its own.
// Parameters: $run. Columns: none.
// Bounds: one scan of the relationships, deleted in transactions of 10,000 (runs as an auto-commit
// statement).
MATCH ()-[r]->()
WHERE r._import_run = $run
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS
