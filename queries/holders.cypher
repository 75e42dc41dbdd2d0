// name: holders
// description: Who holds which post: everyone holding a post in an organization (all organizations when none is given), optionally on a date.
// param: organization: search? — the organization's name or part of it, e.g. "Thành ủy Hải Phòng"
// param: date: date? — an ISO date (2024-10-16); only tenures that cover it (start ≤ date < end; a tenure with no dated statement covers no date)
// param: min_confidence: confidence? — leave out tenures whose surest statement is below this (0 to 1), e.g. 0.8
MATCH (p:Person)-[h:HELD_OFFICE]->(x:Position)-[:OF]->(o:Organization)
WHERE ($organization IS NULL OR o.search CONTAINS $organization)
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
WITH p, x, o, h.start_date AS start_date, h.end_date AS end_date, h.status AS status, h.statements AS statements,
     collect(s.sentence) AS evidence
RETURN o.name AS organization, x.title AS title, p.name AS person, start_date, end_date, status, evidence,
       statements - size(evidence) AS more_evidence
ORDER BY organization, title, person
