// summary: how many distinct organizations a provider's compromise exposes, by country and sector.
// Parameters: $id (provider id), $depth (1..4), $visible (the TLP words the caller may see; no tlp: clear).
// Every organization reachable along SERVES within $depth hops counts once (a provider serving
// another provider exposes that provider's clients at the next hop); cycles between providers
// neither loop nor count twice.
// Columns: clientCount, byHops (list of {hops, count}), byCountry (list of {country, count}), bySector (list of {sector, count}).
// Bounds: at most 4 hops (one branch per hop, $depth switches them on); aggregated in the database.
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
CALL (client) {
  OPTIONAL MATCH (client)-[l:LOCATED_IN]->(country:Country)
    WHERE coalesce(l.tlp, 'clear') IN $visible AND coalesce(country.tlp, 'clear') IN $visible
  RETURN min(country.country) AS country
}
CALL (client) {
  OPTIONAL MATCH (client)-[i:IN_SECTOR]->(sector:Sector)
    WHERE coalesce(i.tlp, 'clear') IN $visible AND coalesce(sector.tlp, 'clear') IN $visible
  RETURN collect(DISTINCT sector.name) AS sectors
}
WITH count(client) AS clientCount,
     collect(hops) AS allHops,
     collect(country) AS countries,
     collect(sectors) AS sectorLists
// Sectors are counted by unwinding the lists: concatenating them with reduce copied the
// accumulated list once per client (quadratic in the client count).
RETURN clientCount,
       COLLECT { UNWIND allHops AS h WITH h, count(*) AS n RETURN {hops: h, count: n} ORDER BY h } AS byHops,
       COLLECT { UNWIND countries AS c WITH c, count(*) AS n RETURN {country: c, count: n} ORDER BY n DESC, c } AS byCountry,
       COLLECT { UNWIND sectorLists AS l UNWIND l AS s WITH s, count(*) AS n RETURN {sector: s, count: n} ORDER BY n DESC, s } AS bySector
