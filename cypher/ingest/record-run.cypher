// record-run: book-keeping for one imported file (not part of the domain graph, not in /api/stats).
// Parameters: $run, $format, $file, $sha256, $started, $finished, $nodesCreated, $relationshipsCreated
MERGE (r:ImportRun {id: $run})
SET r.format = $format,
    r.file = $file,
    r.sha256 = $sha256,
    r.started = $started,
    r.finished = $finished,
    r.nodes_created = $nodesCreated,
    r.relationships_created = $relationshipsCreated
