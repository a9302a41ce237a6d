// radius: every organization a provider's compromise exposes within $depth SERVES hops, each once at
// its smallest hop count, with its country and sectors. The service counts and pages them (and
// caches the whole answer until the graph changes), so the expansion runs once per answer.
// Parameters: $id (provider id), $visible (the TLP words the caller may see; no tlp: clear).
// A provider serving another provider exposes that provider's clients at the next hop; cycles
// neither loop nor count twice. Only visible clients through visible providers and SERVES links
// count, and only visible countries and sectors through visible links.
// Columns: id, name, hops, country (smallest visible ISO code or null), sectors (visible names).
// Bounds: at most 4 hops. The service replaces the pattern's upper bound "*1..4" by the asked depth
// (a bound cannot be a parameter), so a shallow question never walks deeper.
// Plan: the walk's predicates cover whole paths and the provider itself is dropped only after the
// smallest hop count is taken, so the planner walks breadth-first and reaches each client once
// (VarLengthExpand(Pruning,BFS)) instead of listing every path; a filter on length(p) or on part of
// nodes(p) loses that (with it, the largest provider's radius at 1M organizations took 4.0 s
// against 3.5 s). The id's index is on Entity; MSP only filters.
MATCH (msp:Entity {id: $id})
WHERE msp:MSP AND coalesce(msp.tlp, 'clear') IN $visible
MATCH p = (msp)-[s:SERVES*1..4]->(client:Organization)
WHERE all(r IN s WHERE coalesce(r.tlp, 'clear') IN $visible)
  AND all(n IN nodes(p) WHERE coalesce(n.tlp, 'clear') IN $visible)
WITH msp, client, min(length(p)) AS hops
WHERE client <> msp
// One walk over the client's links finds both its country and its sectors.
CALL (client) {
  OPTIONAL MATCH (client)-[l:LOCATED_IN|IN_SECTOR]->(t)
  WHERE coalesce(l.tlp, 'clear') IN $visible AND coalesce(t.tlp, 'clear') IN $visible
  RETURN min(CASE WHEN type(l) = 'LOCATED_IN' AND t:Country THEN t.country END) AS country,
         collect(DISTINCT CASE WHEN type(l) = 'IN_SECTOR' AND t:Sector THEN t.name END) AS sectors
}
RETURN client.id AS id, client.name AS name, hops, country, sectors
