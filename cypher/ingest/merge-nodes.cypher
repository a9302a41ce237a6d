// merge-nodes: create or update a batch of nodes of one primary label.
// Parameters: $labels (list, from the allow-list in GraphModel, never from input),
//   $rows [{id, props: {...non-null properties}, aliases: [..], external_ids: [..]}], $run, $file.
// Aliases and external ids are united with what the node already has; other properties overwrite.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$($labels),
    n += row.props,
    n.aliases = reduce(acc = coalesce(n.aliases, []), a IN row.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END),
    n.external_ids = reduce(acc = coalesce(n.external_ids, []), x IN row.external_ids | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    n.tlp = coalesce(row.props.tlp, n.tlp, 'clear'),
    n._import_run = $run,
    n._source = $file
