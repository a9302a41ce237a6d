// merge-relationships: create or update a batch of relationships of one type.
// Parameters: $type (from the allow-list in GraphModel, never from input),
//   $rows [{from, to, confidence, sources: [source ids], asserted: date, valid_from, valid_to, description, tlp,
//   stix_type (the original type of a RELATED_TO, else null)}],
//   $run, $file.
// Sources are united; asserted keeps the earliest publication date among all sources seen.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$($type)]->(b)
SET r.confidence = row.confidence,
    r.sources = reduce(acc = coalesce(r.sources, []), s IN row.sources | CASE WHEN s IN acc THEN acc ELSE acc + s END),
    r.asserted = CASE WHEN r.asserted IS NULL OR row.asserted < r.asserted THEN row.asserted ELSE r.asserted END,
    r.valid_from = row.valid_from,
    r.valid_to = row.valid_to,
    r.description = coalesce(row.description, r.description),
    r.tlp = coalesce(row.tlp, r.tlp, 'clear'),
    r.stix_type = coalesce(row.stix_type, r.stix_type),
    r._import_run = $run,
    r._source = $file
