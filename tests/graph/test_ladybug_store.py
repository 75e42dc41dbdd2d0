"""The embedded store against the real LadybugDB engine: schema, idempotent batched
writes, atomic transactions, read-only opening, locking and timeouts."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from orggraph.graph.model import NODES, RELATIONSHIPS
from orggraph.graph.store import DatabaseInUse, QueryError, QueryTimeout, ReadOnlyError, RelWrite, StoreError, open_store

HELD = RelWrite("HELD_OFFICE", "Person", "Position", (), ("sources", "evidence", "stated_status", "stated_as_of"))


def _person(key: str, name: str) -> dict:
    return {"key": key, "name": name, "search": name.lower(), "aliases": []}


@pytest.fixture()
def store(tmp_path):
    s = open_store(str(tmp_path / "db"))
    s.setup_schema()
    yield s
    s.close()


def test_schema_declares_every_label_and_relationship(store):
    tables = {row[1]: row[2] for row in store.read("CALL show_tables() RETURN *").rows}
    for node in NODES:
        assert tables.get(node.name) == "NODE"
    for rel in RELATIONSHIPS:
        assert tables.get(rel.name) == "REL"
    store.setup_schema()  # idempotent


def test_merge_is_idempotent_on_key(store):
    rows = [_person("p:1", "Lê Tiến Châu"), _person("p:2", "Đỗ Mạnh Hiến")]
    store.merge_nodes("Person", rows, ["name", "search", "aliases"])
    store.merge_nodes("Person", rows, ["name", "search", "aliases"])
    assert store.read("MATCH (p:Person) RETURN count(p)").rows == [[2]]
    assert store.read("MATCH (p:Person {key: 'p:1'}) RETURN p.name").rows == [["Lê Tiến Châu"]]


def test_relationship_provenance_accumulates(store):
    store.merge_nodes("Person", [_person("p:1", "A")], ["name", "search", "aliases"])
    store.merge_nodes("Position", [{"key": "x", "name": "Bí thư", "search": "bi thu", "title": "Bí thư"}],
                      ["name", "search", "title"])
    for source, sentence in (("a:1", "câu một"), ("a:2", "câu hai")):
        store.merge_relationships(HELD, [{"src": "p:1", "dst": "x", "sources": [source], "evidence": [sentence],
                                          "stated_status": ["current"], "stated_as_of": [None]}])
    rows = store.read("MATCH ()-[h:HELD_OFFICE]->() RETURN h.sources, h.evidence, count(*)").rows
    assert rows == [[["a:1", "a:2"], ["câu một", "câu hai"], 1]]


def test_transaction_rolls_back_on_error(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.merge_nodes("Person", [_person("p:9", "X")], ["name", "search", "aliases"])
            raise RuntimeError("boom")
    assert store.read("MATCH (p:Person) RETURN count(p)").rows == [[0]]


def test_read_only_refuses_writes(tmp_path, store):
    store.close()
    ro = open_store(str(tmp_path / "db"), read_only=True)
    try:
        with pytest.raises(ReadOnlyError, match="--write"):
            ro.read("CREATE (:Person {key: 'x'})")
        assert ro.read("MATCH (p:Person) RETURN count(p)").rows == [[0]]
    finally:
        ro.close()


def test_read_only_needs_an_existing_database(tmp_path):
    with pytest.raises(StoreError, match="no database"):
        open_store(str(tmp_path / "missing"), read_only=True)


def test_parameters_are_never_pasted_into_the_query(store):
    nasty = "Lê' }) MATCH (n) DETACH DELETE n // \\ \""
    store.merge_nodes("Person", [_person("p:1", nasty)], ["name", "search", "aliases"])
    rows = store.read("MATCH (p:Person) WHERE p.name = $name RETURN p.name", {"name": nasty}).rows
    assert rows == [[nasty]]
    assert store.read("MATCH (p:Person) RETURN count(p)").rows == [[1]]


def test_bad_cypher_is_a_query_error(store):
    with pytest.raises(QueryError, match="Parser exception"):
        store.read("MATCH (n RETURN n")


def test_long_query_is_stopped(store):
    with pytest.raises(QueryTimeout, match="stopped after"):
        store.read("UNWIND range(1, 200000000) AS x WITH x WHERE x % 7 = 0 RETURN count(*)", timeout=0.3)


def test_second_writer_is_told_the_database_is_in_use(tmp_path, store):
    holder = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(tmp_path.parent.parent)!r})
        from orggraph.graph.store import open_store
        s = open_store({str(tmp_path / 'db2')!r})
        print('ready', flush=True)
        time.sleep(30)
    """)
    import os
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    proc = subprocess.Popen([sys.executable, "-c", holder], stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout.readline().strip() == "ready"
        with pytest.raises(DatabaseInUse, match="in use"):
            open_store(str(tmp_path / "db2"))
    finally:
        proc.kill()
        proc.wait()


def test_nodes_come_back_as_plain_dicts(store):
    store.merge_nodes("Person", [_person("p:1", "A")], ["name", "search", "aliases"])
    (node,), = store.read("MATCH (p:Person) RETURN p").rows
    assert node == {"key": "p:1", "name": "A", "search": "a", "aliases": [], "_label": "Person"}
