// merge-relationships: create or update a batch of relationships of one type.
// Parameters: $type (the writer writes a type of the allow-list, GraphModel.RelType, in place of the
//   dynamic type before it runs the statement: a written type gets a good plan even on a store
//   without relationships; run as it is, the file takes $type as a parameter), $run, $file,
//   $rows [{from, to, confidence, sources: [source ids], asserted: date, valid_from, valid_to, description, tlp,
//   stix_type (the original type of a RELATED_TO, else null)}].
// The file that created a relationship owns its confidence, validity and description; other files
// add their sources (and fill what is missing). asserted keeps the earliest date among all sources.
// Columns: rows (the rows whose two ends were found: fewer than $rows means an end is missing, and
//   the writer refuses the file). Bounds: one batch; two index look-ups per row.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$($type)]->(b)
  ON CREATE SET r._origin = $file
WITH r, row, (r.confidence IS NULL OR r._origin = $file) AS owner
SET r.confidence = CASE WHEN owner THEN row.confidence ELSE r.confidence END,
    r.valid_from = CASE WHEN owner THEN row.valid_from ELSE coalesce(r.valid_from, row.valid_from) END,
    r.valid_to = CASE WHEN owner THEN row.valid_to ELSE coalesce(r.valid_to, row.valid_to) END,
    r.description = CASE WHEN owner THEN coalesce(row.description, r.description) ELSE coalesce(r.description, row.description) END,
    r.sources = reduce(acc = coalesce(r.sources, []), s IN row.sources | CASE WHEN s IN acc THEN acc ELSE acc + s END),
    r.asserted = CASE WHEN r.asserted IS NULL OR row.asserted < r.asserted THEN row.asserted ELSE r.asserted END,
    r.tlp = coalesce(CASE WHEN owner THEN row.tlp END, r.tlp, 'clear'),
    r.stix_type = coalesce(row.stix_type, r.stix_type),
    r._import_run = $run,
    r._source = $file
RETURN count(*) AS rows
