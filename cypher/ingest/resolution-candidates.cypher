// resolution-candidates: existing nodes of one label that share a normalised name or alias, an
// external id, or (countries) an ISO code with the incoming records.
// Parameters: $label (allow-listed), $names, $externalIds, $countries (lists).
// Columns: id, labels, name, names, externalIds, country.
// Bounds: one scan of the label per imported file, not per record.
MATCH (n:$($label))
WHERE any(k IN coalesce(n._names, []) WHERE k IN $names)
   OR any(x IN coalesce(n.external_ids, []) WHERE x IN $externalIds)
   OR (n.country IS NOT NULL AND n.country IN $countries)
RETURN n.id AS id, labels(n) AS labels, n.name AS name, coalesce(n._names, []) AS names,
       coalesce(n.external_ids, []) AS externalIds, n.country AS country
