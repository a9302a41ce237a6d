// chains: attribution chains from an entity up to the states behind it.
// Parameters: $from (entity id), $maxHops (1..8), $minConfidence (0..100), $asOf (date or null),
//   $limit (1..100), $visible (the TLP words the caller may see, from Tlp.atOrBelow(); no tlp: clear).
// Follows only the responsibility types, from the actor towards the state; a hop counts when its
// confidence reaches $minConfidence and, with $asOf, when it was asserted (earliest source) on or
// before that date and held at it. A chain ends at the first Country it reaches. A path through a node
// or relationship marked above the caller's clearance is not followed; hop sources are the visible ones.
// Columns: state {id, name, labels}, confidence (product of hop confidences / 100), nodes (the path's
// nodes in order), hops (relation, confidence, asserted, sources of hop i, from nodes[i] to nodes[i+1]).
// Bounds: at most 8 hops (the pattern's own cap; $maxHops narrows it), LIMIT $limit, and the
// caller's transaction timeout.
MATCH (start:Entity {id: $from})
WHERE coalesce(start.tlp, 'clear') IN $visible
MATCH path = (start)
      (()-[r:ATTRIBUTED_TO|MEMBER_OF|EMPLOYED_BY|CONTRACTED_BY|PART_OF|CONTROLLED_BY|SPONSORED_BY]->(step)
        WHERE r.confidence >= $minConfidence
          AND NOT step:Source
          AND coalesce(r.tlp, 'clear') IN $visible AND coalesce(step.tlp, 'clear') IN $visible
          AND ($asOf IS NULL OR (r.asserted <= $asOf
               AND (r.valid_from IS NULL OR r.valid_from <= $asOf)
               AND (r.valid_to IS NULL OR r.valid_to >= $asOf)))){1,8}
      (state:Country)
WHERE length(path) <= $maxHops
  AND none(n IN nodes(path)[1..-1] WHERE n:Country)
  AND size(nodes(path)) = size(reduce(seen = [], n IN nodes(path) | CASE WHEN n IN seen THEN seen ELSE seen + n END))
WITH state, path, reduce(c = 1.0, rel IN relationships(path) | c * rel.confidence / 100.0) AS confidence
ORDER BY confidence DESC, length(path) ASC, state.name
LIMIT $limit
RETURN state {.id, .name, labels: labels(state)} AS state,
       confidence,
       [n IN nodes(path) | n {.id, .name, labels: labels(n)}] AS nodes,
       [rel IN relationships(path) | {
          relation: type(rel),
          confidence: rel.confidence,
          asserted: rel.asserted,
          sources: COLLECT {
            MATCH (s:Source) WHERE s.id IN rel.sources AND coalesce(s.tlp, 'clear') IN $visible
            RETURN s {.id, .kind, .title, .url, .publisher, .published}
            ORDER BY s.published, s.title
          }
       }] AS hops
