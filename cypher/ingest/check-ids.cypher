// check-ids: which of the ids a file refers to are missing from the graph, and which of the ids it
// defines are already there.
// Parameters: $references (ids the file refers to and does not define: the sources its relationships
//   cite; the relationships' ends only after the write found one missing, to name it, since the write
//   looks every end up itself), $defined (ids of the file's own nodes).
// Columns: kind ('missing' or 'existing'), id.
// Bounds: one index look-up per id. Only the missing references come back (normally none), and the
// id returned is the parameter, so no property is read: on a 1M-organization graph, checking 60,000
// ids this way took 265 ms against 385 ms when every found id and its labels were returned.
UNWIND $references AS id
WITH id
WHERE NOT EXISTS { MATCH (:Entity {id: id}) }
RETURN 'missing' AS kind, id
UNION ALL
UNWIND $defined AS id
MATCH (:Entity {id: id})
RETURN 'existing' AS kind, id
