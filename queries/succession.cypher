// name: succession
// description: The holders of a post in order, each with the tenure, what it rests on (its first sentences, and how many more), and whom they replaced.
// param: title: search — the title, e.g. "Bí thư" (exact title; matched without diacritics or case)
// param: organization: search — the organization's name or part of it, e.g. "Khối các cơ quan thành phố Hải Phòng"
// param: min_confidence: confidence? — leave out tenures whose surest statement is below this (0 to 1), e.g. 0.8
MATCH (p:Person)-[h:HELD_OFFICE]->(x:Position)-[:OF]->(o:Organization)
WHERE x.search = $title AND o.search CONTAINS $organization
  AND ($min_confidence IS NULL OR h.confidence >= $min_confidence)
OPTIONAL MATCH (previous:Person {key: h.replaces})
UNWIND h.first_statements AS first
MATCH (s:Statement {key: first})
WITH * ORDER BY s.seq SKIP 0
WITH p, x, o, h.start_date AS start_date, h.start_basis AS start_basis, h.end_date AS end_date,
     h.end_basis AS end_basis, h.status AS status, h.elected_at AS elected_at, h.first_seen AS first_seen,
     previous.name AS replaces, h.statements AS statements, collect(s.sentence) AS evidence
RETURN o.name AS organization, x.title AS title, p.name AS person, start_date, start_basis, end_date, end_basis,
       status, elected_at, replaces, evidence, statements - size(evidence) AS more_evidence
ORDER BY organization, coalesce(start_date, first_seen, '9999'), person
