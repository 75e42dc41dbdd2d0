// name: holders
// description: Who holds which post: everyone holding a post in an organization (all organizations when none is given), optionally on a date.
// param: organization: search? — the organization's name or part of it, e.g. "Thành ủy Hải Phòng"
// param: date: date? — an ISO date (2024-10-16); only tenures that cover it (start ≤ date < end; a tenure with no dated statement covers no date)
MATCH (p:Person)-[h:HELD_OFFICE]->(x:Position)-[:OF]->(o:Organization)
WHERE ($organization IS NULL OR o.search CONTAINS $organization)
  AND ($date IS NULL OR (
        coalesce(h.start_date, h.first_seen) IS NOT NULL
    AND left($date, size(coalesce(h.start_date, h.first_seen))) >= coalesce(h.start_date, h.first_seen)
    AND (h.end_date IS NULL
         OR (size(h.end_date) = 10 AND h.end_date > $date)
         OR (size(h.end_date) < 10 AND h.end_date >= left($date, size(h.end_date))))))
RETURN o.name AS organization, x.title AS title, p.name AS person, h.start_date AS start_date,
       h.end_date AS end_date, h.status AS status, h.evidence AS evidence
ORDER BY organization, title, person
