// name: sub-organizations
// description: Organizations under an organization (stated in a sentence, or from the standard structure: `basis`), up to five levels down.
// param: organization: search — the parent organization's name or part of it, e.g. "Thành ủy Hải Phòng"
MATCH path = (c:Organization)-[:SUBORDINATE_TO*1..5]->(o:Organization)
WHERE o.search CONTAINS $organization
RETURN o.name AS organization, c.name AS sub_organization, length(path) AS depth, c.kind AS kind,
       CASE WHEN all(r IN relationships(path) WHERE coalesce(r.stated, false)) THEN 'stated' ELSE 'registry' END AS basis
ORDER BY organization, depth, sub_organization
