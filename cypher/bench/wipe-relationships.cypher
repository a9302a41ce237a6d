// wipe-relationships: empties the benchmark's own store between measured phases (never run on a
// service's store; the bench command creates a fresh one).
// Parameters: none. Columns: none. Bounds: commits every 50,000 deletions (run in an auto-commit transaction).
MATCH ()-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS
