// name: congresses
// description: The congresses of an organization, by ordinal, with term, date and the articles that mention them.
// param: organization: search — the organization's name or part of it, e.g. "Khối các cơ quan"
MATCH (c:Congress)-[:OF]->(o:Organization)
WHERE o.search CONTAINS $organization
OPTIONAL MATCH (a:Article)-[:MENTIONS]->(c)
RETURN o.name AS organization, c.ordinal AS ordinal, c.name AS congress, c.term_start AS term_start,
       c.term_end AS term_end, c.start_date AS date, count(a) AS articles
ORDER BY organization, ordinal
