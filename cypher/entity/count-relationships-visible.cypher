// count-relationships-visible: how many relationships of each type of the model the caller may see: the
// relationship and both its ends at or below the clearance.
// Parameters: $types (the model's types, from GraphModel), $visible (the TLP words the caller may
// see; no tlp: clear). Columns: type, count. Bounds: one relationship type scan per type.
UNWIND $types AS type
CALL (type) {
  MATCH (a)-[r:$(type)]->(b)
  WHERE coalesce(r.tlp, 'clear') IN $visible AND coalesce(a.tlp, 'clear') IN $visible AND coalesce(b.tlp, 'clear') IN $visible
  RETURN count(r) AS count
}
RETURN type, count
