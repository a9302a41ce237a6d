// create-relationships: the fast path of merge-relationships for a batch whose relationships are
// expected to be new.
// Parameters: as merge-relationships ($type written in by the writer, $run, $file, $rows [{from, to,
//   confidence, sources (free of repeats), asserted, valid_from, valid_to, description, tlp, stix_type}]).
// A relationship this statement creates is owned by $file, so every value is simply set. One that
// already exists is left untouched here (the created-relationships counter then falls short of the
// batch size) and the caller sends the batch through merge-relationships.
// Columns: none. Bounds: one batch; two index look-ups per row.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$($type)]->(b)
  ON CREATE SET r.confidence = row.confidence,
                r.valid_from = row.valid_from,
                r.valid_to = row.valid_to,
                r.description = row.description,
                r.sources = row.sources,
                r.asserted = row.asserted,
                r.tlp = coalesce(row.tlp, 'clear'),
                r.stix_type = row.stix_type,
                r._origin = $file,
                r._import_run = $run,
                r._source = $file
