// clients: one page of the organizations a provider's compromise exposes, nearest first.
// Parameters: $id (provider id), $depth (1..4), $visible (the TLP words the caller may see; no tlp: clear), $offset, $limit (1..1000).
// Columns: id, name, hops, country (ISO code or null), sectors (list).
// Bounds: at most 4 hops (one branch per hop); SKIP $offset LIMIT $limit after a top-k sort.
// The id's index is on Entity; MSP only filters (MATCH (msp:MSP {id: $id}) scanned every provider).
MATCH (msp:Entity {id: $id})
WHERE msp:MSP AND coalesce(msp.tlp, 'clear') IN $visible
// Only visible clients through visible providers and SERVES links count, and only visible
// countries and sectors through visible links. One distinct set per hop count; min() keeps each
// client at its smallest. (SHORTEST from one source to every target was over 10x slower here on a
// large provider.)
CALL (msp) {
  MATCH (msp) (()-[s:SERVES]->(x) WHERE coalesce(s.tlp, 'clear') IN $visible AND coalesce(x.tlp, 'clear') IN $visible){1} (c:Organization) RETURN DISTINCT c, 1 AS hops
  UNION ALL
  WITH msp WHERE $depth >= 2 MATCH (msp) (()-[s:SERVES]->(x) WHERE coalesce(s.tlp, 'clear') IN $visible AND coalesce(x.tlp, 'clear') IN $visible){2} (c:Organization)
    RETURN DISTINCT c, 2 AS hops
  UNION ALL
  WITH msp WHERE $depth >= 3 MATCH (msp) (()-[s:SERVES]->(x) WHERE coalesce(s.tlp, 'clear') IN $visible AND coalesce(x.tlp, 'clear') IN $visible){3} (c:Organization)
    RETURN DISTINCT c, 3 AS hops
  UNION ALL
  WITH msp WHERE $depth >= 4 MATCH (msp) (()-[s:SERVES]->(x) WHERE coalesce(s.tlp, 'clear') IN $visible AND coalesce(x.tlp, 'clear') IN $visible){4} (c:Organization)
    RETURN DISTINCT c, 4 AS hops
}
WITH msp, c AS client, min(hops) AS hops
WHERE client <> msp
WITH client, hops
ORDER BY hops, client.name, client.id
SKIP $offset
LIMIT $limit
RETURN client.id AS id, client.name AS name, hops,
       COLLECT { MATCH (client)-[l:LOCATED_IN]->(c:Country)
                WHERE coalesce(l.tlp, 'clear') IN $visible AND coalesce(c.tlp, 'clear') IN $visible RETURN c.country ORDER BY c.country }[0] AS country,
       COLLECT { MATCH (client)-[i:IN_SECTOR]->(s:Sector)
                WHERE coalesce(i.tlp, 'clear') IN $visible AND coalesce(s.tlp, 'clear') IN $visible RETURN DISTINCT s.name ORDER BY s.name } AS sectors
