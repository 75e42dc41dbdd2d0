// name: parent-organizations
// description: The organizations an organization is under (stated in a sentence, or from the standard structure: `basis`), up to five levels up.
// param: organization: search — the organization's name or part of it, e.g. "Khối các cơ quan thành phố Hải Phòng"
MATCH path = (o:Organization)-[:SUBORDINATE_TO*1..5]->(p:Organization)
WHERE o.search CONTAINS $organization
RETURN o.name AS organization, p.name AS parent_organization, length(path) AS depth, p.kind AS kind,
       CASE WHEN all(r IN relationships(path) WHERE coalesce(r.stated, false)) THEN 'stated' ELSE 'registry' END AS basis
ORDER BY organization, depth, parent_organization
