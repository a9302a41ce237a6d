// find-run-by-sha: has a file with this content already been imported?
// Parameters: $sha256. Returns: count (0 or more).
MATCH (r:ImportRun {sha256: $sha256})
RETURN count(r) AS count
