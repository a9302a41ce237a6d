// count-nodes: how many nodes carry each label of the model.
// Everything: for a caller cleared for TLP:RED (the count store answers without reading a
// property); other callers get the -visible variant.
// Parameters: $labels (the model's labels, from GraphModel). Columns: label, count.
UNWIND $labels AS label
CALL (label) {
  MATCH (n:$(label))
  RETURN count(n) AS count
}
RETURN label, count
