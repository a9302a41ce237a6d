// merge-nodes: create or update a batch of nodes of one label set.
// Parameters: $labels (list, from the allow-list in GraphModel, never from input), $run, $file,
//   $rows [{id, name, description, props: {...other non-null properties}, aliases: [..],
//           external_ids: [..], names: [..normalised name and aliases]}].
// The file that created a node owns its name, description and properties; another file that
// merges into it only fills properties the node lacks, and adds its name as an alias. Aliases,
// external ids and the normalised names (_names, used by entity resolution) are united.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
  ON CREATE SET n._origin = $file
SET n:$($labels)
WITH n, row, (n.name IS NULL OR n._origin = $file) AS owner
FOREACH (key IN [k IN keys(row.props) WHERE owner OR n[k] IS NULL] | SET n[key] = row.props[key])
SET n.name = CASE WHEN owner THEN coalesce(row.name, n.name) ELSE n.name END,
    n.description = CASE WHEN owner OR n.description IS NULL THEN coalesce(row.description, n.description) ELSE n.description END,
    n.tlp = coalesce(n.tlp, 'clear'),
    n._import_run = $run,
    n._source = $file
WITH n, row
SET n.aliases = reduce(acc = coalesce(n.aliases, []),
                       a IN row.aliases + CASE WHEN row.name IS NOT NULL AND row.name <> n.name THEN [row.name] ELSE [] END |
                       CASE WHEN a IN acc THEN acc ELSE acc + a END),
    n.external_ids = reduce(acc = coalesce(n.external_ids, []), x IN row.external_ids | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    n._names = reduce(acc = coalesce(n._names, []), k IN row.names | CASE WHEN k IN acc THEN acc ELSE acc + k END)
