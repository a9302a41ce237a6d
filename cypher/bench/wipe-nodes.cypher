// wipe-nodes: after wipe-relationships, deletes every node of the benchmark's own store.
// Parameters: none. Columns: none. Bounds: commits every 50,000 deletions (run in an auto-commit transaction).
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 50000 ROWS
