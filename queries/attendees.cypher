// name: attendees
// description: Who attended the congresses and events of an organization, with their role and the evidence.
// param: organization: search — the organization's name or part of it, e.g. "Khối các cơ quan"
// param: ordinal: int? — only this congress (6 for "lần thứ VI")
MATCH (p:Person)-[t:ATTENDED]->(e)-[:OF]->(o:Organization)
WHERE o.search CONTAINS $organization AND ($ordinal IS NULL OR e.ordinal = $ordinal)
OPTIONAL MATCH (e)<-[:OBJECT]-(s:Statement)-[:SUBJECT]->(p)
WITH * ORDER BY s.seq SKIP 0
WITH e, o, p, t.role AS role,
     collect(CASE WHEN s.rejected THEN NULL ELSE s.sentence END) AS evidence
RETURN e.name AS event, o.name AS organization, p.name AS person, role, evidence
ORDER BY event, person
