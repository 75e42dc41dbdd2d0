// name: sub-organizations
// description: Organizations stated to be under an organization, up to five levels down.
// param: organization: search — the parent organization's name or part of it, e.g. "Thành ủy Hải Phòng"
MATCH path = (c:Organization)-[:SUBORDINATE_TO*1..5]->(o:Organization)
WHERE o.search CONTAINS $organization
RETURN o.name AS organization, c.name AS sub_organization, length(path) AS depth, c.kind AS kind
ORDER BY organization, depth, sub_organization
