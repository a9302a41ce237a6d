// radius: every organization a provider's compromise exposes within $depth SERVES hops, each once at
// its smallest hop count, with its country and sectors. The service counts and pages them (and
// caches the whole answer until the graph changes), so the expansion runs once per answer.
// Parameters: $id (provider id), $depth (1..4), $visible (the TLP words the caller may see; no tlp: clear).
// A provider serving another provider exposes that provider's clients at the next hop; cycles
// neither loop nor count twice. Only visible clients through visible providers and SERVES links
// count, and only visible countries and sectors through visible links.
// Columns: id, name, hops, country (smallest visible ISO code or null), sectors (visible names).
// Bounds: at most 4 hops. The service replaces the pattern's upper bound "*1..4" by $depth (a bound
// cannot be a parameter), so a shallow question never walks deeper; length(p) <= $depth keeps the
// statement right either way. The id's index is on Entity; MSP only filters.
MATCH (msp:Entity {id: $id})
WHERE msp:MSP AND coalesce(msp.tlp, 'clear') IN $visible
MATCH p = (msp)-[s:SERVES*1..4]->(client:Organization)
WHERE length(p) <= $depth AND client <> msp
  AND all(r IN s WHERE coalesce(r.tlp, 'clear') IN $visible)
  AND all(n IN nodes(p)[1..] WHERE coalesce(n.tlp, 'clear') IN $visible)
WITH client, min(length(p)) AS hops
// One walk over the client's links finds both its country and its sectors.
CALL (client) {
  OPTIONAL MATCH (client)-[l:LOCATED_IN|IN_SECTOR]->(t)
  WHERE coalesce(l.tlp, 'clear') IN $visible AND coalesce(t.tlp, 'clear') IN $visible
  RETURN min(CASE WHEN type(l) = 'LOCATED_IN' AND t:Country THEN t.country END) AS country,
         collect(DISTINCT CASE WHEN type(l) = 'IN_SECTOR' AND t:Sector THEN t.name END) AS sectors
}
RETURN client.id AS id, client.name AS name, hops, country, sectors
