"""The two stores, side by side on the same articles: the seeds and the development set
(../shared/eval/dev.jsonl where present, else the seeds alone) loaded into the embedded
store and into a real Neo4j server must give the same facts export, the same rows for
every recipe and every row-printing command, and `copy --to-neo4j` must give the same
graph as loading Neo4j directly.

Parameters come from the graph itself (its organizations, posts, people and dates), so
the comparison covers what the articles hold, not only the README's examples.
"""
from __future__ import annotations

import json
import shutil

import pytest

from orggraph.graph.copy import graph_counts
from orggraph.graph.store import open_store
from tests.conftest import ROOT, SEEDS
from tests.graph.test_copy_and_bulk_export import _dump
from tests.graph.test_store_contract import _normal, fresh_neo4j, neo4j_store

DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
SAMPLE = 6  # organizations, posts and people asked about per command
DATES = ["2017-06-01", "2020-08-04", "2024-10-16"]


def _inputs() -> list[str]:
    return [str(SEEDS)] + ([str(DEV)] if DEV.exists() else [])


@pytest.fixture(scope="module")
def both(neo4j_uri, tmp_path_factory):
    """(embedded database path, Neo4j URI, the Neo4j graph's dump), the same articles in each."""
    from orggraph.graph.loading import load_paths

    path = str(tmp_path_factory.mktemp("differential") / "db")
    with open_store(path) as store:
        embedded = load_paths(store, _inputs(), workers=1)
    with fresh_neo4j() as store:
        server = load_paths(store, _inputs(), workers=1)
        dump = _dump(store)
    assert (server.loaded, server.skipped) == (embedded.loaded, embedded.skipped)
    assert embedded.loaded >= 5 + (40 if DEV.exists() else 0)
    return path, neo4j_uri, dump


def _spread(values: list, n: int = SAMPLE) -> list:
    """n values spread evenly over a sorted list (deterministic, covers both ends)."""
    values = sorted(set(v for v in values if v))
    if len(values) <= n:
        return values
    return [values[round(i * (len(values) - 1) / (n - 1))] for i in range(n)]


def _questions(db: str) -> list[list[str]]:
    """Every row-printing command, with arguments drawn from the graph."""
    with open_store(db, read_only=True) as store:
        posts = store.read("MATCH (:Person)-[:HELD_OFFICE]->(x:Position)-[:OF]->(o:Organization) "
                           "RETURN DISTINCT x.title, o.name").rows
        organizations = [r[0] for r in store.read("MATCH (o:Organization) RETURN o.name").rows]
        people = [r[0] for r in store.read("MATCH (p:Person) RETURN p.name").rows]
        congresses = [r[0] for r in store.read("MATCH (:Congress)-[:OF]->(o:Organization) RETURN o.name").rows]
    posts = _spread([tuple(p) for p in posts])
    organizations = _spread(organizations)
    people = _spread(people)
    asked: list[list[str]] = []
    for title, organization in posts:
        asked.append(["who-held", title, organization])
        asked += [["who-held", title, organization, "--on", date] for date in DATES]
        asked.append(["succession", title, organization])
    for organization in organizations:
        asked.append(["roster", organization])
        asked += [["roster", organization, "--on", date] for date in DATES[1:]]
        asked.append(["hierarchy", organization])
        asked.append(["recipe", "sub-organizations", "--param", f"organization={organization}"])
        asked.append(["recipe", "parent-organizations", "--param", f"organization={organization}"])
        asked.append(["recipe", "organizations", "--param", f"name={organization.split()[-1]}"])
    for organization in _spread(congresses, 4):
        asked.append(["recipe", "congresses", "--param", f"organization={organization}"])
        asked.append(["recipe", "attendees", "--param", f"organization={organization}"])
        asked.append(["recipe", "attendees", "--param", f"organization={organization}", "--param", "ordinal=6"])
    for person in people:
        asked.append(["timeline", person])
        asked.append(["recipe", "people", "--param", f"name={person.split()[-1]}"])
    asked.append(["roster", "a"])  # a name that matches many organizations: the same refusal from both
    asked += [["recipe", "holders"], ["recipe", "holders", "--param", "date=2020-08-04"]]
    asked.append(["recipe", "who-held", "--param", "title=Bí thư", "--param", "organization=hai phong"])
    asked.append(["query", "MATCH (p:Person)-[h:HELD_OFFICE]->(x:Position) RETURN p.key AS person, x.key AS post, "
                           "h.start_date, h.end_date, h.status, h.replaces, h.replaced_by, h.first_seen, h.last_seen"])
    asked.append(["query", "MATCH (o:Organization) WHERE o.search CONTAINS $q RETURN o, o.kind, o.level",
                  "--param", "q=ha"])
    asked.append(["query", "MATCH (a:Article)-[m:MENTIONS]->(n) RETURN a.key, n.key, "
                           "m.sentence, m.reported"])
    return asked


def test_the_facts_export_is_the_same(both):
    from orggraph.graph.export import iter_facts

    db, _, _ = both
    with open_store(db, read_only=True) as embedded:
        expected = list(iter_facts(embedded))
    with neo4j_store(read_only=True) as server:
        got = list(iter_facts(server))
    assert len(expected) > (50 if DEV.exists() else 40)  # the seeds alone give 43 facts
    assert got == expected  # the export sorts its rows: the same order too


def test_every_row_printing_command_gives_the_same_rows(both, cli):
    db, uri, _ = both
    questions = _questions(db)
    assert len(questions) > 60
    answered = 0
    refused = 0
    for question in questions:
        code, want, err = cli("--db", db, *question, "-f", "json")
        code_neo4j, got, err_neo4j = cli("--neo4j", uri, *question, "-f", "json")
        assert code_neo4j == code, (question, err, err_neo4j)
        if code != 0:  # an ambiguous or unknown name: the same one-line refusal from both stores
            assert code == 1 and err.strip() == err_neo4j.strip() and err.startswith("error: "), (question, err)
            refused += 1
            continue
        want, got = json.loads(want), json.loads(got)
        assert _normal(got) == _normal(want), question
        answered += bool(want)
    assert answered > len(questions) // 2  # most questions have answers: the comparison compares something
    assert refused < len(questions) // 4


def test_every_recipe_answers_the_same_from_the_library(both):
    """Every recipe through queries.run_recipe (what the CLI and the pictures use), with and
    without its optional parameters, over the graph's own organizations, people and posts."""
    from orggraph.queries import load_recipes, run_recipe

    db, _, _ = both
    with open_store(db, read_only=True) as store:
        names = {"organization": _spread([r[0] for r in store.read("MATCH (o:Organization) RETURN o.search").rows], 5),
                 "person": _spread([r[0] for r in store.read("MATCH (p:Person) RETURN p.search").rows], 5),
                 "title": _spread([r[0] for r in store.read("MATCH (x:Position) RETURN x.search").rows], 3),
                 "date": DATES, "ordinal": [None, "6"], "key": [None],
                 "min_confidence": [None, "0.8", "0.9"]}
    names["name"] = names["person"]
    runs = []
    for recipe in load_recipes().values():
        required = [p.name for p in recipe.params if not p.optional]
        optional = [p.name for p in recipe.params if p.optional]
        for i in range(5):
            given = {p: names[p][i % len(names[p])] for p in required}
            runs.append((recipe.name, given))
            runs.append((recipe.name, {**given, **{p: names[p][i % len(names[p])] for p in optional}}))
    with open_store(db, read_only=True) as embedded, neo4j_store(read_only=True) as server:
        for name, given in runs:
            want, got = run_recipe(embedded, name, given), run_recipe(server, name, given)
            assert got.columns == want.columns, name
            assert _normal(got.rows) == _normal(want.rows), (name, given)


def test_the_graphs_are_the_same_node_for_node(both):
    db, _, dump = both
    with open_store(db, read_only=True) as embedded:
        assert dump == _dump(embedded)


def test_copy_gives_the_same_graph_as_a_direct_load(both, cli, tmp_path):
    """Last in the module: it empties the server and copies the embedded graph there."""
    db, uri, direct = both
    fresh_neo4j().close()
    source = str(tmp_path / "db")
    shutil.copytree(db, source)
    code, _, err = cli("--db", source, "copy", "--to-neo4j", uri)
    assert code == 0, err
    with neo4j_store(read_only=True) as server, open_store(source, read_only=True) as embedded:
        assert graph_counts(server) == graph_counts(embedded)
        assert _dump(server) == direct
