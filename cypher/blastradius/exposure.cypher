// exposure: the providers through which an organization is exposed: those that serve it, and those
// that serve them, within $depth hops; each once at its smallest hop count.
// Parameters: $id (organization id), $depth (1..4). Columns: id, name, hops.
// Bounds: at most 4 hops (the pattern's cap); LIMIT 1000.
MATCH (org:Entity {id: $id})
MATCH p = SHORTEST 1 (provider:Organization)-[:SERVES]->{1,4}(org)
WHERE length(p) <= $depth AND provider <> org
RETURN provider.id AS id, provider.name AS name, length(p) AS hops
ORDER BY hops, name
LIMIT 1000
