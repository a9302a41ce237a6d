// record-run: book-keeping for one imported file (not part of the domain graph, not in /api/stats).
// A run with batch commits was marked as being written by begin-run, with a heartbeat; this ends
// the mark, and the heartbeat goes with it (it only tells a live unfinished run from a dead one).
// Parameters: $run, $format, $file, $sha256, $started, $finished, $nodesCreated, $relationshipsCreated
MERGE (r:ImportRun {id: $run})
SET r.format = $format,
    r.file = $file,
    r.sha256 = $sha256,
    r.started = $started,
    r.finished = $finished,
    r.nodes_created = $nodesCreated,
    r.relationships_created = $relationshipsCreated
REMOVE r.writing, r.heartbeat
