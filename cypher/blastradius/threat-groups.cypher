// threat-groups: groups known to have targeted or compromised a provider, or a provider that
// serves it within $depth hops upstream (through which it can be reached).
// Parameters: $id (provider id), $depth (1..4), $visible (the TLP words the caller may see; no tlp:
//   clear): only visible groups, through visible TARGETS/COMPROMISED links, at visible providers
//   reached through visible SERVES links.
// Columns: id, name, via (name of the provider attacked), viaId.
// Bounds: at most 4 hops upstream; LIMIT 200.
MATCH (msp:Entity {id: $id})
WHERE coalesce(msp.tlp, 'clear') IN $visible
MATCH p = SHORTEST 1 (upstream:Organization)
      ((a)-[s:SERVES]->() WHERE coalesce(s.tlp, 'clear') IN $visible AND coalesce(a.tlp, 'clear') IN $visible){0,4}
      (msp)
WHERE length(p) <= $depth AND coalesce(upstream.tlp, 'clear') IN $visible
MATCH (group:ThreatGroup)-[t:TARGETS|COMPROMISED]->(upstream)
WHERE coalesce(t.tlp, 'clear') IN $visible AND coalesce(group.tlp, 'clear') IN $visible
RETURN DISTINCT group.id AS id, group.name AS name, upstream.name AS via, upstream.id AS viaId
ORDER BY name, via
LIMIT 200
