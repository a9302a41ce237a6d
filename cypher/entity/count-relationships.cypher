// count-relationships: how many relationships of each type of the model.
// Parameters: $types (the model's types, from GraphModel). Columns: type, count.
UNWIND $types AS type
CALL (type) {
  MATCH ()-[r:$(type)]->()
  RETURN count(r) AS count
}
RETURN type, count
