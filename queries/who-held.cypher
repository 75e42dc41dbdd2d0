// name: who-held
// description: Who held a title at an organization (optionally on a date), with the tenure and the evidence (its first sentences, and how many more).
// param: title: search — the title, e.g. "Bí thư" (exact title; matched without diacritics or case)
// param: organization: search — the organization's name or part of it, e.g. "Thành ủy Hải Phòng"
// param: date: date? — an ISO date (2020-08-04); only tenures that cover it (start ≤ date < end; a tenure with no dated statement covers no date)
// param: min_confidence: confidence? — leave out tenures whose surest statement is below this (0 to 1), e.g. 0.8
MATCH (p:Person)-[h:HELD_OFFICE]->(x:Position)-[:OF]->(o:Organization)
WHERE x.search = $title AND o.search CONTAINS $organization
  AND ($min_confidence IS NULL OR h.confidence >= $min_confidence)
WITH p, h, x, o, coalesce(h.start_date, h.first_seen) AS since
WHERE ($date IS NULL OR (
        since IS NOT NULL
    AND left($date, size(since)) >= since
    AND (h.end_date IS NULL
         OR (size(h.end_date) = 10 AND h.end_date > $date)
         OR (size(h.end_date) < 10 AND h.end_date >= left($date, size(h.end_date))))))
UNWIND h.first_statements AS first
MATCH (s:Statement {key: first})
WITH * ORDER BY s.seq SKIP 0
WITH p, x, o, h.start_date AS start_date, h.end_date AS end_date, h.status AS status, h.first_seen AS first_seen,
     h.last_seen AS last_seen, h.start_basis AS start_basis, h.end_basis AS end_basis, h.statements AS statements,
     collect(s.sentence) AS evidence
RETURN p.name AS person, x.title AS title, o.name AS organization, start_date, end_date, status, first_seen,
       last_seen, start_basis, end_basis, x.single_holder AS single_holder, p.key AS person_key,
       x.key AS position_key, statements, evidence, statements - size(evidence) AS more_evidence
ORDER BY o.search = $organization DESC, coalesce(start_date, first_seen, '') DESC, person
