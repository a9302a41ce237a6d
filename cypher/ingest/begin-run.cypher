// begin-run: marks an import whose batches commit one by one (batch commits) as being written, before
// its first batch. If the process stops before record-run, the next start finds the mark
// (interrupted-runs) and undoes what the run committed.
// Parameters: $run, $format, $file, $started.
CREATE (:ImportRun {id: $run, format: $format, file: $file, started: $started, writing: true})
