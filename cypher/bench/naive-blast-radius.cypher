// naive-blast-radius: the benchmark's baseline for the blast radius at depth 2, the query one would
// write first: every path of one or two SERVES hops, the distinct ends counted.
// Parameters: $id (provider id). Columns: clients (distinct organizations within two hops, the
// provider itself included where a cycle leads back to it).
// Bounds: two hops.
MATCH (m:Entity {id: $id})-[:SERVES*1..2]->(c)
WHERE m:MSP
RETURN count(DISTINCT c) AS clients
