// count-hidden-nodes: per label, how many nodes lie above the caller's clearance; the counts the
// caller sees are the count store's totals minus these.
// Parameters: $visible (the TLP words the caller may see; no tlp: clear). Columns: label, count.
// Bounds: an existence scan of the entity_tlp index: reads only the nodes that carry a marking.
MATCH (n:Entity)
WHERE n.tlp IS NOT NULL AND NOT n.tlp IN $visible
UNWIND labels(n) AS label
RETURN label, count(*) AS count
