// create-nodes: the fast path of merge-nodes for a batch whose nodes are expected to be new.
// Parameters: as merge-nodes ($labels from the allow-list in GraphModel, $run, $file, $rows [{id, name,
//   description, props, aliases, external_ids, names}], the lists already free of repeats).
// A node this statement creates is owned by $file, so every value is simply set: no ownership CASE,
// no list unions. A row whose id already exists is left untouched here (the created-nodes counter
// then falls short of the batch size) and the caller sends the batch through merge-nodes.
// Columns: none. Bounds: one batch; one index look-up per row.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
  ON CREATE SET n:$($labels),
                n += row.props,
                n.name = row.name,
                n.description = row.description,
                n.tlp = coalesce(row.props.tlp, 'clear'),
                n.aliases = row.aliases,
                n.external_ids = row.external_ids,
                n._names = row.names,
                n._origin = $file,
                n._import_run = $run,
                n._source = $file
