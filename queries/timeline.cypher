// name: timeline
// description: A person's posts in order, with dates, status and evidence (the first sentences of each, and how many more).
// param: person: search — the person's name, e.g. "le tien chau"
// param: key: person_key? — a person key, to tell namesakes apart, e.g. "p:lê tiến châu@hai phong" (or "p:le tien chau@hai phong" when only one key folds to it)
// param: min_confidence: confidence? — leave out tenures whose surest statement is below this (0 to 1), e.g. 0.8
MATCH (p:Person)-[h:HELD_OFFICE]->(x:Position)-[:OF]->(o:Organization)
WHERE p.search CONTAINS $person AND ($key IS NULL OR p.key = $key)
  AND ($min_confidence IS NULL OR h.confidence >= $min_confidence)
UNWIND h.first_statements AS first
MATCH (s:Statement {key: first})
WITH * ORDER BY s.seq SKIP 0
WITH p, x, o, h.start_date AS start_date, h.end_date AS end_date, h.status AS status, h.first_seen AS first_seen,
     h.last_seen AS last_seen, h.statements AS statements, collect(s.sentence) AS evidence
RETURN p.name AS person, x.title AS title, o.name AS organization, start_date, end_date, status, first_seen,
       last_seen, evidence, statements - size(evidence) AS more_evidence
ORDER BY person, coalesce(start_date, first_seen, '9999'), title
