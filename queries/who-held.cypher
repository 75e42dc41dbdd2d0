// name: who-held
// description: Who held a title at an organization (optionally on a date), with the tenure and the evidence.
// param: title: search — the title, e.g. "Bí thư" (exact title; matched without diacritics or case)
// param: organization: search — the organization's name or part of it, e.g. "Thành ủy Hải Phòng"
// param: date: date? — an ISO date (2020-08-04); only tenures that cover it (start ≤ date < end; a tenure with no dated statement covers no date)
MATCH (p:Person)-[h:HELD_OFFICE]->(x:Position)-[:OF]->(o:Organization)
WHERE x.search = $title AND o.search CONTAINS $organization
  AND ($date IS NULL OR (
        coalesce(h.start_date, h.first_seen) IS NOT NULL
    AND left($date, size(coalesce(h.start_date, h.first_seen))) >= coalesce(h.start_date, h.first_seen)
    AND (h.end_date IS NULL
         OR (size(h.end_date) = 10 AND h.end_date > $date)
         OR (size(h.end_date) < 10 AND h.end_date >= left($date, size(h.end_date))))))
RETURN p.name AS person, x.title AS title, o.name AS organization, h.start_date AS start_date,
       h.end_date AS end_date, h.status AS status, h.first_seen AS first_seen, h.last_seen AS last_seen,
       h.start_basis AS start_basis, h.end_basis AS end_basis, x.single_holder AS single_holder,
       h.stated_status AS stated_status, h.stated_as_of AS stated_as_of, h.evidence AS evidence
ORDER BY o.search = $organization DESC, coalesce(h.start_date, h.first_seen, '') DESC, person
