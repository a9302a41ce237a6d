// count-hidden-relationships: per type, how many relationships the caller may not see: those marked
// above the clearance and those touching a node marked above it, each once.
// Parameters: $types (the model's types, from GraphModel), $visible (the TLP words the caller may
// see; no tlp: clear). Columns: type, count.
// Bounds: existence scans of the tlp indexes (V0002) and the relationships of the hidden nodes only.
CALL () {
  MATCH (n:Entity)
  WHERE n.tlp IS NOT NULL AND NOT n.tlp IN $visible
  MATCH (n)-[r]-()
  RETURN r
  UNION
  UNWIND $types AS type
  CALL (type) {
    MATCH ()-[r:$(type)]->()
    WHERE r.tlp IS NOT NULL AND NOT r.tlp IN $visible
    RETURN r
  }
  RETURN r
}
RETURN type(r) AS type, count(r) AS count
