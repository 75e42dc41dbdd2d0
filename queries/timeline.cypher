// name: timeline
// description: A person's posts in order, with dates, status and evidence.
// param: person: search — the person's name, e.g. "le tien chau"
// param: key: text? — a person key, to tell namesakes apart, e.g. "p:le tien chau@hai phong"
MATCH (p:Person)-[h:HELD_OFFICE]->(x:Position)-[:OF]->(o:Organization)
WHERE p.search CONTAINS $person AND ($key IS NULL OR p.key = $key)
RETURN p.name AS person, x.title AS title, o.name AS organization, h.start_date AS start_date,
       h.end_date AS end_date, h.status AS status, h.first_seen AS first_seen, h.last_seen AS last_seen,
       h.evidence AS evidence
ORDER BY person, coalesce(h.start_date, h.first_seen, '9999'), title
