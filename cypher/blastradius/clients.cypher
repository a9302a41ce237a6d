// clients: one page of the organizations a provider's compromise exposes, nearest first.
// Parameters: $id (provider id), $depth (1..4), $offset, $limit (1..1000).
// Columns: id, name, hops, country (ISO code or null), sectors (list).
// Bounds: at most 4 hops (the pattern's cap); SKIP $offset LIMIT $limit after a top-k sort.
MATCH (msp:MSP {id: $id})
MATCH p = SHORTEST 1 (msp)-[:SERVES]->{1,4}(client:Organization)
WHERE length(p) <= $depth AND client <> msp
WITH client, length(p) AS hops
ORDER BY hops, client.name, client.id
SKIP $offset
LIMIT $limit
RETURN client.id AS id, client.name AS name, hops,
       COLLECT { MATCH (client)-[:LOCATED_IN]->(c:Country) RETURN c.country ORDER BY c.country }[0] AS country,
       COLLECT { MATCH (client)-[:IN_SECTOR]->(s:Sector) RETURN DISTINCT s.name ORDER BY s.name } AS sectors
