// count-nodes-visible: how many nodes the caller may see carry each label of the model.
// Parameters: $labels (the model's labels, from GraphModel), $visible (the TLP words the caller may
// see; no tlp: clear). Columns: label, count. Bounds: one label scan per label.
UNWIND $labels AS label
CALL (label) {
  MATCH (n:$(label))
  WHERE coalesce(n.tlp, 'clear') IN $visible
  RETURN count(n) AS count
}
RETURN label, count
