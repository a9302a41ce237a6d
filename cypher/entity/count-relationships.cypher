// count-relationships: how many relationships of each type of the model.
// Everything: for a caller cleared for TLP:RED (the count store answers without reading a
// property); other callers get the -visible variant.
// Parameters: $types (the model's types, from GraphModel). Columns: type, count.
UNWIND $types AS type
CALL (type) {
  MATCH ()-[r:$(type)]->()
  RETURN count(r) AS count
}
RETURN type, count
