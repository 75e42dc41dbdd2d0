// name: organizations
// description: Organizations whose name contains the text, with kind, level, locality and how many posts they have.
// param: name: search — part of a name, e.g. "hai phong"
MATCH (o:Organization)
WHERE o.search CONTAINS $name
OPTIONAL MATCH (x:Position)-[:OF]->(o)
RETURN o.name AS organization, o.kind AS kind, o.level AS level, o.locality AS locality, count(x) AS positions
ORDER BY organization
