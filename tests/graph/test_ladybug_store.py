"""The embedded store against the real LadybugDB engine: schema, idempotent batched
writes, atomic transactions, read-only opening, locking and timeouts."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from orggraph.graph.model import NODES, RELATIONSHIPS
from orggraph.graph.store import DatabaseInUse, QueryError, QueryTimeout, ReadOnlyError, RelWrite, StoreError, open_store



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


AWKWARD = ['Đồng chí A, "B"; C\\D', "dòng một\ndòng hai", "  lề  ", "x" * 5000]


def _statement(key: str, sentence: str, **props) -> dict:
    return {"key": key, "fact": "held_office", "status": "current", "as_of": None, "basis": "attested",
            "congress": None, "confidence": 1.0, "sentence": sentence, "rejected": False, "seq": 0, **props}


def test_bulk_rows_round_trip_through_copy(store):
    """The bulk path writes CSV files for COPY FROM: every awkward value comes back as written."""
    store.bulk_nodes("Statement", [_statement(f"s:{i}", text, seq=i, confidence=0.5 + i / 10, rejected=i == 1)
                                   for i, text in enumerate(AWKWARD)])
    store.bulk_nodes("Person", [_person("p:1", "Lê, \"A\"")])
    store.bulk_relationships(RelWrite("SUBJECT", "Statement", "Person"), [{"src": "s:0", "dst": "p:1"}])
    rows = store.read("MATCH (s:Statement) RETURN s.sentence, s.seq, s.confidence, s.rejected, s.as_of "
                      "ORDER BY s.seq").rows
    assert rows == [[text, i, 0.5 + i / 10, i == 1, None] for i, text in enumerate(AWKWARD)]
    assert store.read("MATCH (s:Statement)-[:SUBJECT]->(p:Person) RETURN s.key, p.name").rows == [["s:0", 'Lê, "A"']]


def test_bulk_rows_with_quotes_only_far_down_round_trip(store):
    """Hundreds of plain rows before the first quoted field (a key with a comma): the
    reader must not guess an unquoted dialect from the first rows."""
    plain = [_statement(f"s:{i}", f"câu {i}", seq=i) for i in range(600)]
    store.bulk_nodes("Statement", plain + [_statement(f"s:{600 + i}", text, seq=600 + i)
                                           for i, text in enumerate(AWKWARD)])
    store.bulk_nodes("Person", [_person(f"p:{i}", f"Người {i}") for i in range(600)] + [_person("p:x, y", 'Lê, "A"')])
    store.bulk_relationships(RelWrite("SUBJECT", "Statement", "Person"),
                             [{"src": f"s:{i}", "dst": f"p:{i}"} for i in range(600)] + [{"src": "s:600", "dst": "p:x, y"}])
    assert store.read("MATCH (s:Statement) WHERE s.seq >= 600 RETURN s.sentence ORDER BY s.seq").rows == [
        [text] for text in AWKWARD]
    assert store.read("MATCH (s:Statement {key: 's:600'})-[:SUBJECT]->(p:Person) RETURN p.key, p.name").rows == [
        ["p:x, y", 'Lê, "A"']]
    assert store.read("MATCH (:Statement)-[r:SUBJECT]->(:Person) RETURN count(r)").rows == [[601]]


@pytest.mark.parametrize("keys", [["s:1", "s:2", "s:3"], ["s:1, s:2", 'x"y', "[z]"]])
def test_bulk_relationships_keep_their_lists(store, keys):
    """A tenure's list of statement keys goes through COPY FROM; a list that the CSV list
    syntax cannot hold is written by CREATE instead, and comes back the same."""
    store.bulk_nodes("Person", [_person("p:1", "A")])
    store.bulk_nodes("Position", [{"key": "x:1", "name": "Bí thư", "search": "bi thu", "title": "Bí thư",
                                   "single_holder": True}])
    store.bulk_relationships(RelWrite("HELD_OFFICE", "Person", "Position"),
                             [{"src": "p:1", "dst": "x:1", "first_statements": keys, "statements": 7}])
    assert store.read("MATCH (:Person)-[h:HELD_OFFICE]->(:Position) RETURN h.first_statements, h.statements").rows == [
        [keys, 7]]


def test_bulk_rows_roll_back_with_their_transaction(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.bulk_nodes("Statement", [_statement("s:1", "câu")])
            raise RuntimeError("boom")
    assert store.read("MATCH (s:Statement) RETURN count(s)").rows == [[0]]


def test_a_database_from_an_older_version_is_one_line(tmp_path):
    """Before statements were rows, their arrays lived on HELD_OFFICE and there was no Statement table."""
    import ladybug

    path = tmp_path / "old"
    path.mkdir()
    db = ladybug.Database(str(path / "graph.lbdb"))
    conn = ladybug.Connection(db)
    conn.execute("CREATE NODE TABLE Person(key STRING, name STRING, PRIMARY KEY(key))")
    conn.execute("CREATE NODE TABLE Position(key STRING, PRIMARY KEY(key))")
    conn.execute("CREATE REL TABLE HELD_OFFICE(FROM Person TO Position, sources STRING[], evidence STRING[])")
    conn.close()
    db.close()
    for read_only in (True, False):
        with pytest.raises(StoreError, match=r"older orggraph .*load the articles again into a new database"):
            open_store(str(path), read_only=read_only)


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


def test_a_lookup_runs_on_one_thread_and_the_next_read_on_every_core(store):
    """Recipes are lookups: one thread is faster for them; a scan after one gets every core back."""
    threads = "CALL current_setting('threads') RETURN *"
    every_core = store.read(threads).rows[0][0]
    store.merge_nodes("Person", [_person("p:a", "Lê Văn A")], ["name", "search", "aliases"])
    assert store.read(threads, lookup=True).rows == [["1"]]
    assert store.read("MATCH (p:Person) RETURN p.key", lookup=True).rows == [["p:a"]]
    assert store.read(threads).rows == [[every_core]]
