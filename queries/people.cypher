// name: people
// description: Persons whose name contains the text, with how many posts and articles name them.
// param: name: search — part of a name, e.g. "nguyen manh"
MATCH (p:Person)
WHERE p.search CONTAINS $name
OPTIONAL MATCH (p)-[h:HELD_OFFICE]->(:Position)
WITH p, count(h) AS posts
OPTIONAL MATCH (a:Article)-[:MENTIONS]->(p)
RETURN p.name AS person, p.key AS key, posts, count(a) AS articles
ORDER BY person, key
