// name: parent-organizations
// description: The organizations an organization is stated to be under, up to five levels up.
// param: organization: search — the organization's name or part of it, e.g. "Khối các cơ quan thành phố Hải Phòng"
MATCH path = (o:Organization)-[:SUBORDINATE_TO*1..5]->(p:Organization)
WHERE o.search CONTAINS $organization
RETURN o.name AS organization, p.name AS parent_organization, length(path) AS depth, p.kind AS kind
ORDER BY organization, depth, parent_organization
