// summary: how many distinct organizations a provider's compromise exposes, by country and sector.
// Parameters: $id (provider id), $depth (1..4).
// Every organization reachable along SERVES within $depth hops counts once (a provider serving
// another provider exposes that provider's clients at the next hop). SHORTEST 1 runs one
// breadth-first search from the provider, so cycles between providers neither loop nor count twice.
// Columns: clientCount, byHops (list of {hops, count}), byCountry (list of {country, count}), bySector (list of {sector, count}).
// Bounds: at most 4 hops (the pattern's cap; $depth narrows it); aggregated in the database.
MATCH (msp:MSP {id: $id})
MATCH p = SHORTEST 1 (msp)-[:SERVES]->{1,4}(client:Organization)
WHERE length(p) <= $depth AND client <> msp
WITH client, length(p) AS hops
CALL (client) {
  OPTIONAL MATCH (client)-[:LOCATED_IN]->(country:Country)
  RETURN min(country.country) AS country
}
CALL (client) {
  OPTIONAL MATCH (client)-[:IN_SECTOR]->(sector:Sector)
  RETURN collect(DISTINCT sector.name) AS sectors
}
WITH count(client) AS clientCount,
     collect(hops) AS allHops,
     collect(country) AS countries,
     reduce(acc = [], s IN collect(sectors) | acc + s) AS allSectors
RETURN clientCount,
       [h IN range(1, 4) WHERE h IN allHops | {hops: h, count: size([x IN allHops WHERE x = h])}] AS byHops,
       COLLECT { UNWIND countries AS c WITH c, count(*) AS n RETURN {country: c, count: n} ORDER BY n DESC, c } AS byCountry,
       COLLECT { UNWIND allSectors AS s WITH s, count(*) AS n RETURN {sector: s, count: n} ORDER BY n DESC, s } AS bySector
