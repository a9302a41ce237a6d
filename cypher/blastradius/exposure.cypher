// exposure: the providers through which an organization is exposed: those that serve it, and those
// that serve them, within $depth hops; each once at its smallest hop count.
// Parameters: $id (organization id), $depth (1..4), $visible (the TLP words the caller may see; no
//   tlp: clear): only visible providers through visible SERVES links and visible providers between.
// Columns: id, name, hops.
// Bounds: at most 4 hops (the pattern's cap); LIMIT 1000.
MATCH (org:Entity {id: $id})
WHERE coalesce(org.tlp, 'clear') IN $visible
MATCH p = SHORTEST 1 (provider:Organization)
      ((a)-[s:SERVES]->() WHERE coalesce(s.tlp, 'clear') IN $visible AND coalesce(a.tlp, 'clear') IN $visible){1,4}
      (org)
WHERE length(p) <= $depth AND provider <> org
RETURN provider.id AS id, provider.name AS name, length(p) AS hops
ORDER BY hops, name
LIMIT 1000
