// begin-run: marks an import whose batches commit one by one (batch commits) as being written, before
// its first batch. If the process stops before record-run, a later start or import finds the mark
// (interrupted-runs) and undoes what the run committed. The heartbeat, in the server's clock, is
// renewed with every batch (heartbeat-run), so another process sharing the server can tell a live
// run from a dead one.
// Parameters: $run, $format, $file, $started.
CREATE (:ImportRun {id: $run, format: $format, file: $file, started: $started, writing: true, heartbeat: datetime()})
