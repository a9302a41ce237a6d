// threat-groups: groups known to have targeted or compromised a provider, or a provider that
// serves it within $depth hops upstream (through which it can be reached).
// Parameters: $id (provider id), $depth (1..4). Columns: id, name, via (name of the provider attacked), viaId.
// Bounds: at most 4 hops upstream; LIMIT 200.
MATCH (msp:Entity {id: $id})
MATCH p = SHORTEST 1 (upstream:Organization)-[:SERVES]->{0,4}(msp)
WHERE length(p) <= $depth
MATCH (group:ThreatGroup)-[:TARGETS|COMPROMISED]->(upstream)
RETURN DISTINCT group.id AS id, group.name AS name, upstream.name AS via, upstream.id AS viaId
ORDER BY name, via
LIMIT 200
