// name: statements
// description: Which articles say that a person held a post: every statement, with its status, date, article and sentence.
// param: person: search — the person's name or part of it, e.g. "le tien chau"
// param: title: search? — only this title, e.g. "Bí thư" (exact title; matched without diacritics or case)
// param: organization: search? — only posts at organizations whose name contains this, e.g. "hai phong"
// param: min_confidence: confidence? — leave out statements less sure than this (0 to 1), e.g. 0.8
MATCH (a:Article)-[:STATES]->(s:Statement)-[:SUBJECT]->(p:Person), (s)-[:OBJECT]->(x:Position)-[:OF]->(o:Organization)
WHERE p.search CONTAINS $person AND ($title IS NULL OR x.search = $title)
  AND ($organization IS NULL OR o.search CONTAINS $organization)
  AND ($min_confidence IS NULL OR s.confidence >= $min_confidence)
RETURN p.name AS person, x.title AS title, o.name AS organization, s.status AS status, s.as_of AS as_of,
       s.basis AS basis, s.confidence AS confidence, a.source AS source, a.date AS article_date, s.sentence AS sentence,
       coalesce(s.rejected, false) AS rejected
ORDER BY person, organization, title, coalesce(s.as_of, ''), source, s.seq
