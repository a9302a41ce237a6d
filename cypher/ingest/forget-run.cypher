// forget-run: removes an unfinished run's mark, last, once everything it committed is undone (so an
// undo stopped part-way is found and finished at the next start).
// Parameters: $run. Columns: none.
MATCH (r:ImportRun {id: $run})
WHERE r.writing
DELETE r
