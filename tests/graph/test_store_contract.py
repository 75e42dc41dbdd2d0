"""One behavioural contract for every Store: the embedded store and a real Neo4j server
(the session's `neo4j_uri`: NEO4J_URI when set, else Neo4j 5.26 started by the tests).

Schema idempotent, MERGE idempotent on key, provenance appends, atomic transactions,
read-only refusal, parameters never pasted, bad Cypher as QueryError, timeouts, result
shapes; then the CLI and the recipes over both stores.  The last section checks the Neo4j
store's own logic (Cypher it sends, transactions, error translation, result shapes)
against a stand-in driver, so it runs everywhere.

The Neo4j leg empties the database it is pointed at: it refuses (skips) a database that
holds nodes it did not create, so point NEO4J_URI at a scratch server.
"""
from __future__ import annotations

import datetime
import json
import os
import re
import shutil

import pytest

from orggraph.graph.model import NODES
from orggraph.graph.store import QueryError, QueryTimeout, ReadOnlyError, RelWrite, Store, StoreError, open_store
from tests.conftest import SEEDS
from tests.neo4j_server import NEO4J

MARKER = "OrggraphTestRun"  # a node the tests leave while they own the Neo4j database

HELD = RelWrite("HELD_OFFICE", "Person", "Position", ("status", "start_date"))
PERSON_PROPS = ["name", "search", "aliases"]
POSITION_PROPS = ["name", "search", "title"]


def _person(key: str, name: str) -> dict:
    return {"key": key, "name": name, "search": name.lower(), "aliases": []}


def _position(key: str = "x") -> dict:
    return {"key": key, "name": "Bí thư", "search": "bi thu", "title": "Bí thư"}


def _count(store: Store, label: str) -> int:
    return store.read(f"MATCH (n:{label}) RETURN count(n)").rows[0][0]


# -- the Neo4j server -----------------------------------------------------------------------
_claimed = False


def neo4j_store(read_only: bool = False) -> Store:
    """A store on the session's server (a test using it requests the `neo4j_uri` fixture)."""
    if not NEO4J.uri:
        raise RuntimeError("no Neo4j server yet: the test must request the neo4j_uri fixture")
    from orggraph.graph.neo4j_store import Neo4jStore

    return Neo4jStore(NEO4J.uri, read_only=read_only)


def fresh_neo4j() -> Store:
    """A writable Neo4j store over an emptied database, its schema set up."""
    global _claimed
    store = neo4j_store()
    if not _claimed:
        others = store.read(f"MATCH (n) WHERE NOT n:{MARKER} RETURN count(n)").rows[0][0]
        ours = store.read(f"MATCH (n:{MARKER}) RETURN count(n)").rows[0][0]
        if others and not ours:
            store.close()
            pytest.skip(f"the Neo4j database at {NEO4J.uri} holds {others} nodes the tests did not create; "
                        "they empty it, so point NEO4J_URI at a scratch server")
        store.write(f"MERGE (:{MARKER} {{by: 'orggraph tests'}})")
        _claimed = True
    store.write(f"MATCH (n) WHERE NOT n:{MARKER} DETACH DELETE n")
    store.setup_schema()
    return store


@pytest.fixture(scope="session", autouse=True)
def _release_neo4j():
    """Empties an external server at the end (the tests' own server is thrown away)."""
    yield
    if NEO4J.external and NEO4J.uri and _claimed:
        from orggraph.graph.neo4j_store import Neo4jStore

        with Neo4jStore(NEO4J.uri) as store:
            store.write("MATCH (n) DETACH DELETE n")


class Kit:
    """Opens one store of a kind, writable or read-only, over the same graph."""

    def __init__(self, kind: str, path: str) -> None:
        self.kind, self.path = kind, path

    def open(self, read_only: bool = False) -> Store:
        if self.kind == "neo4j":
            return neo4j_store(read_only)
        return open_store(self.path, read_only=read_only)


@pytest.fixture(params=["embedded", "neo4j"])
def kit(request, tmp_path):
    kit = Kit(request.param, str(tmp_path / "db"))
    if kit.kind == "neo4j":
        request.getfixturevalue("neo4j_uri")
        fresh_neo4j().close()
    else:
        with kit.open() as store:
            store.setup_schema()
    return kit


@pytest.fixture()
def store(kit):
    s = kit.open()
    yield s
    s.close()


# -- the contract ---------------------------------------------------------------------------
def test_schema_setup_is_idempotent_and_keys_are_unique(store):
    store.setup_schema()
    store.setup_schema()
    store.write("CREATE (:Person {key: 'p:1', name: 'A'})")
    with pytest.raises(QueryError):
        store.write("CREATE (:Person {key: 'p:1', name: 'B'})")
    assert _count(store, "Person") == 1


def test_merge_is_idempotent_on_key(store):
    rows = [_person("p:1", "Lê Tiến Châu"), _person("p:2", "Đỗ Mạnh Hiến")]
    store.merge_nodes("Person", rows, PERSON_PROPS)
    store.merge_nodes("Person", rows, PERSON_PROPS)
    assert _count(store, "Person") == 2
    store.merge_nodes("Person", [_person("p:1", "Lê Tiến Châu (sửa)")], PERSON_PROPS)
    assert store.read("MATCH (p:Person {key: 'p:1'}) RETURN p.name").rows == [["Lê Tiến Châu (sửa)"]]
    assert _count(store, "Person") == 2


def test_relationship_merge_is_idempotent_and_sets_properties(store):
    store.merge_nodes("Person", [_person("p:1", "A")], PERSON_PROPS)
    store.merge_nodes("Position", [_position()], POSITION_PROPS)
    for status in ("current", "ended"):
        store.merge_relationships(HELD, [{"src": "p:1", "dst": "x", "status": status, "start_date": "2024-10-16"}])
    rows = store.read("MATCH ()-[h:HELD_OFFICE]->() RETURN h.status, h.start_date, count(*)").rows
    assert rows == [["ended", "2024-10-16", 1]]


def test_set_properties_overwrite_and_missing_endpoints_write_nothing(store):
    store.merge_nodes("Person", [_person("p:1", "A")], PERSON_PROPS)
    store.merge_nodes("Congress", [{"key": "c:1", "name": "Đại hội", "search": "dai hoi", "ordinal": 6}],
                      ["name", "search", "ordinal"])
    attended = RelWrite("ATTENDED", "Person", "Congress", ("role",))
    for role in ("delegate", "chair"):
        store.merge_relationships(attended, [{"src": "p:1", "dst": "c:1", "role": role}])
    store.merge_relationships(attended, [{"src": "p:404", "dst": "c:1", "role": "guest"}])
    assert store.read("MATCH (:Person)-[t:ATTENDED]->(c:Congress) RETURN t.role, c.ordinal").rows == [["chair", 6]]


def test_a_null_inside_a_list_property_keeps_its_place(store):
    """Neo4j stores no null inside a list: its store writes "␀" there and reads it back as null."""
    store.merge_nodes("Person", [{**_person("p:1", "A"), "aliases": [None, "Lê A"]}], PERSON_PROPS)
    (aliases, person), = store.read("MATCH (p:Person) RETURN p.aliases, p").rows
    assert aliases == [None, "Lê A"]
    assert person["aliases"] == [None, "Lê A"]  # inside a whole node too


def test_transaction_commits_and_reads_inside_see_its_writes(store):
    with store.transaction():
        store.merge_nodes("Person", [_person("p:1", "A")], PERSON_PROPS)
        with store.transaction():  # nested: part of the same transaction
            store.merge_nodes("Person", [_person("p:2", "B")], PERSON_PROPS)
        assert _count(store, "Person") == 2
        store.write("MATCH (p:Person {key: 'p:2'}) SET p.name = 'B2'")
    assert store.read("MATCH (p:Person) RETURN p.key, p.name ORDER BY p.key").rows == [["p:1", "A"], ["p:2", "B2"]]


def test_transaction_rolls_back_on_error(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.merge_nodes("Person", [_person("p:9", "X")], PERSON_PROPS)
            raise RuntimeError("boom")
    assert _count(store, "Person") == 0


def test_transaction_rolls_back_when_a_query_fails(store):
    with pytest.raises(QueryError):
        with store.transaction():
            store.merge_nodes("Person", [_person("p:1", "A")], PERSON_PROPS)
            store.write("MATCH (n RETURN n")
    assert _count(store, "Person") == 0
    store.merge_nodes("Person", [_person("p:2", "B")], PERSON_PROPS)  # the store is still usable
    assert _count(store, "Person") == 1


def test_read_only_refuses_writes(kit, store):
    store.merge_nodes("Person", [_person("p:1", "A")], PERSON_PROPS)
    store.close()
    ro = kit.open(read_only=True)
    try:
        with pytest.raises(ReadOnlyError, match=r"^refused: this query writes.*--write"):
            ro.read("CREATE (:Person {key: 'x'})")
        with pytest.raises(ReadOnlyError):
            ro.write("CREATE (:Person {key: 'x'})")
        with pytest.raises(ReadOnlyError):
            ro.merge_nodes("Person", [_person("p:2", "B")], PERSON_PROPS)
        assert ro.read("MATCH (p:Person) RETURN p.key").rows == [["p:1"]]
    finally:
        ro.close()


def test_parameters_are_never_pasted_into_the_query(store):
    nasty = "Lê' }) MATCH (n) DETACH DELETE n // \\ \" $name"
    store.merge_nodes("Person", [_person("p:1", nasty)], PERSON_PROPS)
    rows = store.read("MATCH (p:Person) WHERE p.name = $name RETURN p.name, $name AS echoed", {"name": nasty}).rows
    assert rows == [[nasty, nasty]]
    assert _count(store, "Person") == 1


def test_null_parameters_work_in_recipe_patterns(store):
    store.merge_nodes("Person", [_person("p:1", "A")], PERSON_PROPS)
    cypher = ("MATCH (p:Person) WHERE ($date IS NULL OR left($date, 4) >= '2020') AND ($name IS NULL OR "
              "p.search CONTAINS $name) RETURN p.key")
    assert store.read(cypher, {"date": None, "name": None}).rows == [["p:1"]]
    assert store.read(cypher, {"date": "2019-01-01", "name": None}).rows == []
    assert store.read(cypher, {"date": "2024-10-16", "name": "a"}).rows == [["p:1"]]


def test_bad_cypher_is_a_one_line_query_error(store):
    with pytest.raises(QueryError) as caught:
        store.read("MATCH (n RETURN n")
    message = str(caught.value)
    assert message and "\n" not in message


def test_long_query_is_stopped(kit, store):
    if kit.kind == "embedded":
        with pytest.raises(QueryTimeout, match="stopped after 0.3 s"):
            store.read("UNWIND range(1, 200000000) AS x WITH x WHERE x % 7 = 0 RETURN count(*)", timeout=0.3)
        return
    # Neo4j stops a query past its timeout when it next touches the store or waits (a pure
    # computation may run on): a write waiting for a lock another transaction holds.
    store.merge_nodes("Person", [_person("p:1", "A")], PERSON_PROPS)
    holder = kit.open()
    try:
        with holder.transaction():
            holder.write("MATCH (p:Person {key: 'p:1'}) SET p.name = 'held'")
            with pytest.raises(QueryTimeout, match="stopped after 1 s"):
                store.write("MATCH (p:Person {key: 'p:1'}) SET p.name = 'waiting'", timeout=1)
    finally:
        holder.close()
    assert store.read("MATCH (p:Person {key: 'p:1'}) RETURN p.name").rows == [["held"]]


def test_result_shapes(store):
    store.merge_nodes("Person", [_person("p:1", "A")], PERSON_PROPS)
    store.merge_nodes("Position", [_position()], POSITION_PROPS)
    store.merge_relationships(HELD, [{"src": "p:1", "dst": "x", "status": "current", "start_date": "2024"}])
    result = store.read("MATCH (p:Person)-[h:HELD_OFFICE]->(x:Position) "
                        "RETURN p, h, x.title AS title, [1, 2] AS numbers, true AS yes, null AS nothing, 3 AS three")
    assert result.columns == ["p", "h", "title", "numbers", "yes", "nothing", "three"]
    (person, held, title, numbers, yes, nothing, three), = result.rows
    assert person == {"key": "p:1", "name": "A", "search": "a", "aliases": [], "_label": "Person"}
    assert held == {"status": "current", "start_date": "2024", "_type": "HELD_OFFICE"}
    assert (title, numbers, yes, nothing, three) == ("Bí thư", [1, 2], True, None, 3)
    assert result.dicts()[0]["title"] == "Bí thư"


def test_paths_come_back_as_nodes_and_relationships(kit, store):
    store.merge_nodes("Person", [_person("p:1", "A")], PERSON_PROPS)
    store.merge_nodes("Position", [_position()], POSITION_PROPS)
    store.merge_relationships(HELD, [{"src": "p:1", "dst": "x", "status": "current", "start_date": "2024"}])
    (path,), = store.read("MATCH path = (p:Person)-[h:HELD_OFFICE]->(x:Position) RETURN path").rows
    assert set(path) == {"nodes", "relationships"}
    assert [n["_label"] for n in path["nodes"]] == ["Person", "Position"]
    assert [n["key"] for n in path["nodes"]] == ["p:1", "x"]
    assert [r["_type"] for r in path["relationships"]] == ["HELD_OFFICE"]
    assert path["relationships"][0]["status"] == "current"


def test_every_label_can_be_written_and_counted(store):
    for node in NODES:
        row = {p: None for p in node.properties}
        row.update(key=f"{node.name}:1", name=node.name, search=node.name.lower())
        store.merge_nodes(node.name, [row], [p for p in node.properties if p != "key"])
        assert _count(store, node.name) == 1


# -- the CLI and the recipes over both stores ----------------------------------------------
@pytest.fixture(params=["embedded", "neo4j"])
def seeded(request, seeds_db, tmp_path):
    """Global CLI options naming a store that holds the seeds."""
    if request.param == "neo4j":
        from orggraph.graph.loading import load_paths

        uri = request.getfixturevalue("neo4j_uri")
        with fresh_neo4j() as store:
            summary = load_paths(store, [str(SEEDS)], workers=1)
        assert summary.loaded == 5
        return ["--neo4j", uri]
    target = str(tmp_path / "db")
    shutil.copytree(seeds_db, target)
    return ["--db", target]


def _json(cli, *args):
    code, out, err = cli(*args, "-f", "json")
    assert code == 0, err
    return json.loads(out)


def test_cli_query_is_read_only_without_write(cli, seeded):
    code, _, err = cli(*seeded, "query", "CREATE (:Person {key: 'x', name: 'X'})")
    assert code == 1
    assert err.startswith("error: refused") and "--write" in err and len(err.strip().splitlines()) == 1
    assert _json(cli, *seeded, "query", "MATCH (p:Person {key: 'x'}) RETURN count(p) AS n") == [{"n": 0}]
    code, _, err = cli(*seeded, "query", "CREATE (:Person {key: 'x', name: 'X'})", "--write")
    assert code == 0, err
    assert _json(cli, *seeded, "query", "MATCH (p:Person {key: 'x'}) RETURN count(p) AS n") == [{"n": 1}]


def test_cli_errors_are_one_line(cli, seeded):
    code, _, err = cli(*seeded, "query", "MATCH (n RETURN n")
    assert code == 1 and err.startswith("error: ") and len(err.strip().splitlines()) == 1
    code, out, _ = cli(*seeded, "query", "RETURN $q AS q", "--param", "q=x' OR 1=1 //", "-f", "json")
    assert json.loads(out) == [{"q": "x' OR 1=1 //"}]


def test_cli_reloading_changes_nothing(cli, seeded):
    counts = ("MATCH (p:Person)<-[:SUBJECT]-(s:Statement)-[:OBJECT]->(:Position) "
              "RETURN count(DISTINCT p) AS people, count(s) AS statements")
    before = _json(cli, *seeded, "query", counts)
    code, _, err = cli(*seeded, "load", str(SEEDS))
    assert code == 0 and "0 loaded, 5 already loaded" in err
    assert _json(cli, *seeded, "query", counts) == before


def test_cli_who_held_answers_from_the_seeds(cli, seeded):
    rows = _json(cli, *seeded, "who-held", "Bí thư", "Thành ủy Hải Phòng")
    assert [r["person"] for r in rows] == ["Lê Tiến Châu"]


def _recipe_runs():
    """Every recipe with the parameters its help suggests (the seeds answer them)."""
    from orggraph.queries import load_recipes

    examples = {"organization": "hai phong", "title": "Bí thư", "person": "le tien chau", "name": "hai phong",
                "date": "2024-10-16", "ordinal": "6", "min_confidence": "0.9",
                "key": "p:le tien chau@hai phong"}  # a person key, typed without tone marks
    for recipe in load_recipes().values():
        yield recipe.name, {p.name: examples.get(p.name, "a") for p in recipe.params if not p.optional}
        optional = {p.name: examples.get(p.name, "a") for p in recipe.params if p.optional}
        if optional:
            yield recipe.name, {**{p.name: examples.get(p.name, "a") for p in recipe.params if not p.optional},
                                **optional}


def test_every_recipe_gives_the_same_answer_on_both_stores(seeds_db, neo4j_uri):
    """The recipes are written once: on Neo4j they must answer as on the embedded store."""
    from orggraph.graph.loading import load_paths
    from orggraph.queries import run_recipe

    with open_store(seeds_db, read_only=True) as embedded:
        expected = {(name, json.dumps(params)): run_recipe(embedded, name, params) for name, params in _recipe_runs()}
    assert any(result.rows for result in expected.values())
    with fresh_neo4j() as store:
        load_paths(store, [str(SEEDS)], workers=1)
    with neo4j_store(read_only=True) as neo4j:
        for (name, params), want in expected.items():
            got = run_recipe(neo4j, name, json.loads(params))
            assert got.columns == want.columns, name
            assert _normal(got.rows) == _normal(want.rows), (name, params)


def test_facts_export_is_the_same_on_both_stores(seeds_db, neo4j_uri):
    from orggraph.graph.export import iter_facts
    from orggraph.graph.loading import load_paths

    with open_store(seeds_db, read_only=True) as embedded:
        expected = list(iter_facts(embedded))
    with fresh_neo4j() as store:
        load_paths(store, [str(SEEDS)], workers=1)
    with neo4j_store(read_only=True) as neo4j:
        assert _normal(list(iter_facts(neo4j))) == _normal(expected)


def _normal(rows):
    """Rows as comparable text, order-insensitive where a recipe leaves the order open."""
    return sorted(json.dumps(row, ensure_ascii=False, sort_keys=True, default=str) for row in rows)


# -- the Neo4j store's own logic, against a stand-in driver (runs without a server) ---------
class _Record:
    def __init__(self, values):
        self._values = values

    def values(self):
        return list(self._values)


class _Result:
    def __init__(self, columns, rows):
        self._columns, self._rows = columns, rows

    def keys(self):
        return list(self._columns)

    def __iter__(self):
        return iter(_Record(r) for r in self._rows)


class _Tx:
    def __init__(self, driver, mode, kind, timeout=None):
        self.driver, self.mode, self.kind, self.timeout = driver, mode, kind, timeout

    def run(self, cypher, params=None):
        self.driver.log.append((self.kind, self.mode, cypher, params, self.timeout))
        if self.driver.fail:
            raise self.driver.fail
        return _Result(*self.driver.answer)

    def commit(self):
        self.driver.log.append(("commit", self.mode))

    def rollback(self):
        self.driver.log.append(("rollback", self.mode))


class _Session:
    def __init__(self, driver, config):
        self.driver, self.config = driver, config

    @property
    def mode(self):
        return self.config["default_access_mode"]

    def begin_transaction(self):
        self.driver.log.append(("begin", self.mode))
        return _Tx(self.driver, self.mode, "explicit")

    def execute_read(self, work):
        return work(_Tx(self.driver, "READ", "managed", getattr(work, "timeout", None)))

    def execute_write(self, work):
        return work(_Tx(self.driver, "WRITE", "managed", getattr(work, "timeout", None)))

    def close(self):
        pass


class _Driver:
    def __init__(self, connect_error=None):
        self.log, self.fail, self.answer, self.connect_error = [], None, (["n"], [[1]]), connect_error
        self.closed = False

    def verify_connectivity(self):
        if self.connect_error:
            raise self.connect_error

    def session(self, **config):
        return _Session(self, config)

    def close(self):
        self.closed = True


@pytest.fixture()
def fake(monkeypatch):
    import orggraph.graph.neo4j_store as module

    driver = _Driver()
    monkeypatch.setattr(module, "_make_driver", lambda uri, auth, **config: driver)
    monkeypatch.setenv("NEO4J_PASSWORD", "secret")
    return driver


def _server_error(code: str, message: str):
    from neo4j.exceptions import Neo4jError

    hydrate = getattr(Neo4jError, "_hydrate_neo4j", None)
    if hydrate is None:  # pragma: no cover - the driver's internals moved
        pytest.skip("this neo4j driver cannot build server errors offline")
    return hydrate(code=code, message=message)


def test_neo4j_schema_is_one_unique_constraint_per_label(fake):
    from orggraph.graph.neo4j_store import Neo4jStore

    fake.answer = (["old"], [[False]])
    with Neo4jStore("bolt://localhost:7687") as store:
        store.setup_schema()
    statements = [entry[2] for entry in fake.log]
    assert statements[:len(NODES)] == [f"CREATE CONSTRAINT {n.name.lower()}_key IF NOT EXISTS FOR (n:{n.name}) "
                                       "REQUIRE n.key IS UNIQUE" for n in NODES]
    assert {entry[1] for entry in fake.log[:len(NODES)]} == {"WRITE"}
    # then one read for a graph written by an older version (statement arrays on HELD_OFFICE)
    assert [entry[1] for entry in fake.log[len(NODES):]] == ["READ"] and "h.sources" in statements[-1]


def test_neo4j_refuses_a_graph_written_by_an_older_version(fake):
    from orggraph.graph.neo4j_store import Neo4jStore

    fake.answer = (["old"], [[True]])  # a HELD_OFFICE with statement arrays
    with Neo4jStore("bolt://localhost:7687") as store:
        with pytest.raises(StoreError, match="older orggraph .* load the articles again"):
            store.setup_schema()


def test_neo4j_merges_are_batched_unwind_merge(fake):
    from orggraph.graph.neo4j_store import Neo4jStore

    with Neo4jStore("bolt://localhost:7687") as store:
        store.merge_nodes("Person", [_person("p:1", "A")], PERSON_PROPS)
        store.merge_nodes("Person", [{**_person("p:2", "B"), "aliases": [None, "Bê"]}], PERSON_PROPS)
        store.merge_relationships(HELD, [{"src": "p:1", "dst": "x", "status": "current", "start_date": "2020"}])
    (_, _, nodes, node_params, _), (_, _, _, aliased, _), (_, _, rels, rel_params, _) = fake.log
    assert nodes == ("UNWIND $rows AS r MERGE (n:Person {key: r.key}) "
                     "SET n.name = r.name, n.search = r.search, n.aliases = r.aliases")
    assert node_params == {"rows": [_person("p:1", "A")]}
    assert aliased["rows"][0]["aliases"] == ["\u2400", "Bê"]  # no null inside a stored list
    assert rels == ("UNWIND $rows AS r MATCH (a:Person {key: r.src}) MATCH (b:Position {key: r.dst}) "
                    "MERGE (a)-[x:HELD_OFFICE]->(b) SET x.status = r.status, x.start_date = r.start_date")
    assert rel_params["rows"][0]["status"] == "current"


def test_neo4j_transaction_is_one_explicit_transaction(fake):
    from orggraph.graph.neo4j_store import Neo4jStore

    with Neo4jStore("bolt://localhost:7687") as store:
        with store.transaction():
            store.merge_nodes("Person", [_person("p:1", "A")], PERSON_PROPS)
            store.read("MATCH (n) RETURN n")
            store.write("MATCH (n) SET n.x = 1")
        assert [e[0] for e in fake.log] == ["begin", "explicit", "explicit", "explicit", "commit"]
        fake.log.clear()
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.merge_nodes("Person", [_person("p:1", "A")], PERSON_PROPS)
                raise RuntimeError("boom")
        assert [e[0] for e in fake.log] == ["begin", "explicit", "rollback"]
        fake.log.clear()
        store.read("RETURN 1", timeout=2.5)
        assert fake.log == [("managed", "READ", "RETURN 1", {}, 2.5)]


def test_neo4j_read_only_store_refuses_before_asking(fake):
    from orggraph.graph.neo4j_store import Neo4jStore

    with Neo4jStore("bolt://localhost:7687", read_only=True) as store:
        for attempt in (lambda: store.write("CREATE ()"), lambda: store.setup_schema(),
                        lambda: store.merge_nodes("Person", [_person("p:1", "A")], PERSON_PROPS)):
            with pytest.raises(ReadOnlyError):
                attempt()
    assert fake.log == []


@pytest.mark.parametrize("code, message, error, text", [
    ("Neo.ClientError.Statement.SyntaxError", "Invalid input 'RETURN': expected ')' (line 1, column 10)\n"
     "\"MATCH (n RETURN n\"\n          ^", QueryError, "Invalid input 'RETURN': expected ')' (line 1, column 10)"),
    ("Neo.ClientError.Statement.AccessMode", "Writing in read access mode not allowed.", ReadOnlyError,
     "refused: this query writes, and the database is open read-only (pass --write to allow writing)"),
    ("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration", "The transaction has been terminated.",
     QueryTimeout, "query stopped after 0.5 s (raise --timeout to allow longer)"),
    ("Neo.TransientError.Transaction.LockClientStopped", "The transaction has been terminated.", QueryTimeout,
     "query stopped after 0.5 s (raise --timeout to allow longer)"),
    ("Neo.ClientError.Database.DatabaseNotFound", "Database does not exist.", StoreError,
     "Neo4j at bolt://localhost:7687 has no database None (NEO4J_DATABASE)"),
    ("Neo.TransientError.Transaction.DeadlockDetected", "ForsetiClient can't acquire lock", StoreError,
     "Neo4j: ForsetiClient can't acquire lock (a transient error: nothing was written; run it again)"),
])
def test_neo4j_server_errors_become_one_line(fake, code, message, error, text):
    from orggraph.graph.neo4j_store import Neo4jStore

    fake.fail = _server_error(code, message)
    with Neo4jStore("bolt://localhost:7687") as store:
        with pytest.raises(error) as caught:
            store.read("MATCH (n) RETURN n", timeout=0.5)
    assert str(caught.value) == text
    if "DeadlockDetected" in code:
        assert getattr(caught.value, "transient", False)


def test_neo4j_refused_credentials_are_one_line(monkeypatch):
    import orggraph.graph.neo4j_store as module
    from neo4j.exceptions import AuthError

    denied = _server_error("Neo.ClientError.Security.Unauthorized", "The client is unauthorized.")
    assert isinstance(denied, AuthError)
    driver = _Driver(connect_error=denied)
    monkeypatch.setattr(module, "_make_driver", lambda uri, auth, **config: driver)
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    with pytest.raises(StoreError, match=r"^Neo4j refused the credentials for user 'neo4j' at bolt://h:7687 "
                                         r"\(NEO4J_PASSWORD is not set\)$"):
        module.Neo4jStore("bolt://h:7687")
    assert driver.closed


def test_neo4j_server_down_is_one_line():
    """The real driver against a port nobody listens on."""
    import socket

    from orggraph.graph.neo4j_store import Neo4jStore

    with socket.socket() as probe:  # a free port, closed again: connecting is refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(StoreError, match=rf"^cannot reach Neo4j at bolt://127.0.0.1:{port}: connection refused"):
        Neo4jStore(f"bolt://127.0.0.1:{port}")
    with pytest.raises(StoreError, match=r"^not a Neo4j URI: http://localhost:7474"):
        Neo4jStore("http://localhost:7474")


def test_neo4j_results_have_the_shared_shape():
    from neo4j.graph import Graph, Node, Path
    from neo4j.time import Date

    from orggraph.graph.neo4j_store import _plain

    graph = Graph()
    person = Node(graph, "4:x:1", 1, ["Person"], {"key": "p:1", "name": "A", "aliases": []})
    position = Node(graph, "4:x:2", 2, ["Position"], {"key": "x", "title": "Bí thư"})
    held = graph.relationship_type("HELD_OFFICE")(graph, "5:x:1", 1, {"sources": ["a:1"]})
    held._start_node, held._end_node = person, position
    assert _plain(person) == {"key": "p:1", "name": "A", "aliases": [], "_label": "Person"}
    assert _plain(held) == {"sources": ["a:1"], "_type": "HELD_OFFICE"}
    assert _plain(Path(person, held)) == {"nodes": [_plain(person), _plain(position)],
                                          "relationships": [_plain(held)]}
    assert _plain([person, {"d": Date(2024, 10, 16)}]) == [_plain(person), {"d": datetime.date(2024, 10, 16)}]
    assert _plain(["\u2400", "2020"]) == [None, "2020"]  # how a null list element is stored


def test_neo4j_cli_errors_without_a_server(cli):
    code, _, err = cli("--neo4j", "bolt://127.0.0.1:9", "query", "RETURN 1")
    assert code == 1 and err.startswith("error: cannot reach Neo4j at bolt://127.0.0.1:9")
    assert len(err.strip().splitlines()) == 1


# -- the server the Neo4j leg expects ---------------------------------------------------------
def test_docker_compose_serves_neo4j_5_on_localhost_only():
    import yaml

    from tests.conftest import ROOT

    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    neo4j = compose["services"]["neo4j"]
    assert re.fullmatch(r"neo4j:5\.\d+-community", neo4j["image"])  # a pinned minor, not a moving tag
    assert sorted(neo4j["ports"]) == ["127.0.0.1:7474:7474", "127.0.0.1:7687:7687"]
    assert "${NEO4J_PASSWORD:?" in neo4j["environment"]["NEO4J_AUTH"]  # no default password
    assert neo4j["volumes"] == ["neo4j-data:/data"] and "neo4j-data" in compose["volumes"]
    assert neo4j["healthcheck"]["test"][0] == "CMD-SHELL"
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    job = workflow["jobs"]["test"]
    assert job["services"]["neo4j"]["image"] == neo4j["image"]  # CI tests the server users run
    assert job["env"]["NEO4J_URI"] == "bolt://localhost:7687"
    assert job["services"]["neo4j"]["env"]["NEO4J_AUTH"] == "neo4j/" + job["env"]["NEO4J_PASSWORD"]


def test_the_test_server_is_the_release_users_run():
    """tests/neo4j-server builds the same Neo4j minor release as docker-compose.yml serves."""
    import yaml

    from tests.conftest import ROOT

    image = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))["services"]["neo4j"]["image"]
    pom = (ROOT / "tests" / "neo4j-server" / "pom.xml").read_text(encoding="utf-8")
    version = re.search(r"<neo4j.version>([\d.]+)</neo4j.version>", pom).group(1)
    assert image == f"neo4j:{'.'.join(version.split('.')[:2])}-community"
