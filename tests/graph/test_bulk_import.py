"""`orggraph export graph` proven on a real Neo4j: the printed `neo4j-admin database import
full` command, run as printed by Neo4j 5.26's own importer (from Maven Central, see
tests/neo4j_server.py), builds a database that answers like the embedded graph it came from."""
from __future__ import annotations

import json
import shlex

import pytest

from orggraph.graph.bulk_export import export_graph
from orggraph.graph.copy import graph_counts
from orggraph.graph.model import NODES
from orggraph.graph.store import open_store
from tests.graph.test_copy_and_bulk_export import _dump
from tests.graph.test_store_contract import _normal, _recipe_runs


@pytest.fixture(scope="module")
def imported(seeds_db, tmp_path_factory):
    """A second Neo4j server whose database `neo4j` is the importer's work on the seeds' CSVs."""
    from tests.neo4j_server import Neo4jServer, neo4j_admin, skip_or_fail, why_unavailable

    reason = why_unavailable()
    if reason:  # the importer runs here, whatever NEO4J_URI says
        skip_or_fail(reason.replace("NEO4J_URI is not set and ", ""))
    root = tmp_path_factory.mktemp("bulk-import")
    with open_store(seeds_db, read_only=True) as store:
        done = export_graph(store, str(root / "csv"))
    words = shlex.split(done.command().replace("\\\n", " "))
    assert words[0] == "neo4j-admin"
    home = root / "home"
    ran = neo4j_admin(home, *words[1:])
    assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr[-3000:]
    server = Neo4jServer(home)
    try:
        from orggraph.graph.neo4j_store import Neo4jStore

        with Neo4jStore(server.uri) as store:  # schema.cypher, as cypher-shell would run it
            for chunk in open(done.schema_file, encoding="utf-8").read().split(";"):
                statement = "\n".join(l for l in chunk.splitlines() if not l.lstrip().startswith("//")).strip()
                if statement:
                    store.write(statement)
        yield server.uri
    finally:
        server.stop()


def _without_empty(rows: list[str]) -> list[str]:
    """A dump without nulls and empty lists: the importer imports no empty arrays, and an
    array of empty strings ([""]) is empty to it too: both become absent properties (README, "Neo4j", differences)."""
    out = []
    for row in rows:
        value = json.loads(row)
        for entity in value if isinstance(value, list) else [value]:
            if isinstance(entity, dict):
                for k in [k for k, v in entity.items() if v is None or (isinstance(v, list) and not any(v))]:
                    del entity[k]
        out.append(json.dumps(value, ensure_ascii=False, sort_keys=True))
    return sorted(out)


def test_the_imported_graph_is_the_exported_graph(imported, seeds_db):
    from orggraph.graph.neo4j_store import Neo4jStore

    with open_store(seeds_db, read_only=True) as source, Neo4jStore(imported, read_only=True) as target:
        assert graph_counts(target) == graph_counts(source)
        got, want = _without_empty(_dump(target)), _without_empty(_dump(source))
        assert ([r for r in got if r not in want][:2], [r for r in want if r not in got][:2]) == ([], [])
        assert got == want
        constraints = target.read("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type").rows
        assert sorted(constraints) == sorted([[node.name], ["key"], "UNIQUENESS"] for node in NODES)


def test_the_imported_graph_answers_like_the_original(imported, seeds_db):
    from orggraph.graph.export import iter_facts
    from orggraph.graph.neo4j_store import Neo4jStore
    from orggraph.queries import run_recipe

    with open_store(seeds_db, read_only=True) as source, Neo4jStore(imported, read_only=True) as target:
        assert list(iter_facts(target)) == list(iter_facts(source))
        answered = 0
        for name, params in _recipe_runs():
            want, got = run_recipe(source, name, params), run_recipe(target, name, params)
            assert got.columns == want.columns, name
            assert _normal(got.rows) == _normal(want.rows), (name, params)
            answered += bool(want.rows)
        assert answered > 5
