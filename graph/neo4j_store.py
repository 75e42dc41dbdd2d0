"""The Neo4j store: a Neo4j 5 server reached with the official `neo4j` driver.

`orggraph --neo4j bolt://localhost:7687 …` (or NEO4J_URI) selects it; the user, password
and database come from NEO4J_USERNAME (default neo4j), NEO4J_PASSWORD and NEO4J_DATABASE
(default: the server's default database).  It behaves like the embedded store
(graph/ladybug_store.py), so the same recipes, writer and tests run on both:

- `setup_schema()` creates one uniqueness constraint on `key` per label of graph.model
  (which also gives MERGE its index); Neo4j has no relationship tables to declare.
- Writes are batched `UNWIND $rows … MERGE` on `key`, as in the embedded store; the
  bulk path's writes (bulk_nodes/bulk_relationships) are the same MERGEs.
- `transaction()` is one explicit transaction (one article): committed when the block
  ends, rolled back when it raises.  Inside it, `read()`, `write()` and the merges all run
  in that transaction, so the writer's reads see what it has just written.
- `read()` outside a transaction runs in READ access mode, where the server refuses any
  write: the user gets ReadOnlyError, as with the embedded store opened read-only.
- Errors become one line: QueryError (bad Cypher: the server's first line),
  QueryTimeout, ReadOnlyError, or StoreError (server down, credentials refused, no such
  database).
- `timeout` is the driver's transaction timeout: the server stops the transaction when the
  query next touches the store or waits for a lock (a pure computation such as
  `UNWIND range(…)` may run on past it), and its monitor looks every 2 s by default.

Dialect differences absorbed here:
- Neo4j cannot store a list that contains null, which the embedded store can (an
  `aliases` list written with a null in it).  List properties
  written through merge_nodes/merge_relationships store such an element as "␀" (U+2400,
  SYMBOL FOR NULL), keeping the arrays aligned index by index, and every list read back
  turns "␀" into null again: both stores return [None, "2020"].  In Cypher on the server
  (Browser, UNWIND) the element is the string "␀", not null.
- Nodes, relationships and paths come back in the shape both stores share: a dict of
  properties plus `_label` (nodes) or `_type` (relationships); paths as
  {"nodes": [...], "relationships": [...]}; Neo4j temporal values as Python ones.
- Null parameters need nothing special (the embedded store inlines them as NULL).
- Server notifications (deprecations, unknown property keys on an empty graph) are not
  requested, so nothing but the one-line errors ever reaches stderr.

Transient errors (deadlocks, a leader switch) inside an article's transaction roll the
article back and raise TransientStoreError (`transient = True`): the article is in the
graph whole or not at all, so re-running the load finishes the job.  Reads and the
batches of `orggraph copy` are retried by the driver / by graph.copy.
"""
from __future__ import annotations

import logging
import os
import re
from contextlib import contextmanager
from typing import Any, Callable, Iterator, Sequence

import neo4j
import neo4j.graph
import neo4j.time
from neo4j import GraphDatabase, unit_of_work
from neo4j import exceptions as nx

from orggraph.graph.model import NODE_LABELS, NODES, REL_TYPES, STRINGS
from orggraph.graph.store import QueryError, QueryTimeout, ReadOnlyError, RelWrite, Result, Store, StoreError

DEFAULT_USER = "neo4j"
NULL_ELEMENT = "\u2400"  # "␀": how a null inside a list property is stored (Neo4j stores no null there)
CONNECT_TIMEOUT = 10.0  # seconds to reach the server before "cannot reach Neo4j"
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_SCHEME = re.compile(r"^(bolt|neo4j)(\+s|\+ssc)?://[^/\s]", re.I)

# A notification the user did not ask for would be logged at WARNING, and with no
# logging configured Python prints it on stderr; the driver asks the server for none.
logging.getLogger("neo4j").addHandler(logging.NullHandler())
logging.getLogger("neo4j.notifications").propagate = False


class TransientStoreError(StoreError):
    """The server gave up on a transaction that may succeed if run again."""

    transient = True


def constraint_statements() -> list[str]:
    """One uniqueness constraint on `key` per label (idempotent: IF NOT EXISTS)."""
    return [f"CREATE CONSTRAINT {node.name.lower()}_key IF NOT EXISTS "
            f"FOR (n:{node.name}) REQUIRE n.key IS UNIQUE" for node in NODES]


class Neo4jStore(Store):
    def __init__(self, uri: str, *, read_only: bool = False, username: str | None = None,
                 password: str | None = None, database: str | None = None) -> None:
        self.uri = uri
        self.read_only = read_only
        self.username = username or os.environ.get("NEO4J_USERNAME") or DEFAULT_USER
        self._password = password if password is not None else os.environ.get("NEO4J_PASSWORD")
        self.database = database or os.environ.get("NEO4J_DATABASE") or None
        self._tx: neo4j.Transaction | None = None
        self._tx_session: neo4j.Session | None = None
        self._driver = None
        self._driver = self._connect()
        self._bookmarks = GraphDatabase.bookmark_manager()

    # -- connection -------------------------------------------------------------------------
    def _connect(self):
        auth = (self.username, self._password) if self._password is not None else None
        if _SCHEME.match(self.uri) is None:
            raise StoreError(f"not a Neo4j URI: {self.uri} (use bolt://HOST:7687 or neo4j://HOST:7687)")
        config: dict[str, Any] = {"connection_timeout": CONNECT_TIMEOUT, "max_transaction_retry_time": 15.0,
                                  "notifications_min_severity": "OFF"}
        try:
            driver = _make_driver(self.uri, auth, **config)
        except (nx.ConfigurationError, ValueError) as exc:
            raise StoreError(f"not a Neo4j URI: {self.uri} (use bolt://HOST:7687 or neo4j://HOST:7687): "
                             f"{_first_line(exc)}") from None
        try:
            try:
                driver.verify_connectivity()
            except nx.ConfigurationError as exc:
                if "otification" not in str(exc):  # a server before 5.7 cannot filter notifications
                    raise
                driver.close()
                config.pop("notifications_min_severity")
                driver = _make_driver(self.uri, auth, **config)
                driver.verify_connectivity()
        except Exception as exc:
            driver.close()
            if isinstance(exc, ValueError):
                raise StoreError(f"not a Neo4j URI: {self.uri}: {_first_line(exc)}") from None
            error = self._translate(exc)
            if not isinstance(error, StoreError):
                error = StoreError(f"cannot connect to Neo4j at {self.uri}: {_first_line(exc)}")
            raise error from None
        return driver

    def _session(self, access_mode: str) -> neo4j.Session:
        if self._driver is None:
            raise StoreError("the database is closed")
        config: dict[str, Any] = {"default_access_mode": access_mode, "bookmark_manager": self._bookmarks}
        if self.database:
            config["database"] = self.database
        return self._driver.session(**config)

    # -- primitives -------------------------------------------------------------------------
    def setup_schema(self) -> None:
        self._refuse_if_read_only()
        # Schema changes cannot share a transaction with data writes: each runs on its own.
        for statement in constraint_statements():
            self._managed(neo4j.WRITE_ACCESS, statement, {}, None)
        old = self._managed(neo4j.READ_ACCESS, "MATCH ()-[h:HELD_OFFICE]->() WHERE h.sources IS NOT NULL "
                            "RETURN count(h) > 0 LIMIT 1", {}, None)
        if old.rows and old.rows[0][0]:
            raise StoreError(f"the database at {self.uri} was written by an older orggraph (statements kept on "
                             "HELD_OFFICE); empty it (MATCH (n) DETACH DELETE n) and load the articles again")

    def merge_nodes(self, label: str, rows: list[dict], props: Sequence[str]) -> None:
        if not rows:
            return
        self._refuse_if_read_only()
        node = NODE_LABELS.get(label)
        if node is None:
            raise StoreError(f"unknown node label {label!r}")
        props = [_name(p) for p in props]
        lists = {p for p in props if node.properties.get(p) == STRINGS}
        sets = ", ".join(f"n.{p} = r.{p}" for p in props)
        cypher = f"UNWIND $rows AS r MERGE (n:{label} {{key: r.key}})" + (f" SET {sets}" if sets else "")
        self._run_write(cypher, {"rows": _storable(rows, lists)})

    def merge_relationships(self, spec: RelWrite, rows: list[dict]) -> None:
        if not rows:
            return
        self._refuse_if_read_only()
        rel = REL_TYPES.get(spec.rel_type)
        if rel is None or spec.from_label not in NODE_LABELS or spec.to_label not in NODE_LABELS:
            raise StoreError(f"unknown relationship {spec.from_label}-[{spec.rel_type}]->{spec.to_label}")
        set_props = [_name(p) for p in spec.set_props]
        lists = {p for p in set_props if rel.properties.get(p) == STRINGS}
        cypher = (f"UNWIND $rows AS r MATCH (a:{spec.from_label} {{key: r.src}}) "
                  f"MATCH (b:{spec.to_label} {{key: r.dst}}) MERGE (a)-[x:{spec.rel_type}]->(b)")
        if set_props:
            cypher += " SET " + ", ".join(f"x.{p} = r.{p}" for p in set_props)
        self._run_write(cypher, {"rows": _storable(rows, lists)})

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._tx is not None:  # nested: part of the enclosing transaction
            yield
            return
        session = self._session(neo4j.READ_ACCESS if self.read_only else neo4j.WRITE_ACCESS)
        try:
            try:
                tx = session.begin_transaction()
            except Exception as exc:
                raise self._translate(exc) from None
            self._tx, self._tx_session = tx, session
            try:
                yield
            except BaseException:
                self._tx = self._tx_session = None
                try:
                    tx.rollback()
                except Exception:
                    pass
                raise
            self._tx = self._tx_session = None
            try:
                tx.commit()
            except Exception as exc:
                raise self._translate(exc) from None
        finally:
            self._tx = self._tx_session = None
            session.close()

    def read(self, cypher: str, params: dict | None = None, timeout: float | None = None, *,
             lookup: bool = False) -> Result:
        if self._tx is not None:
            return self._in_transaction(cypher, params, timeout)
        return self._managed(neo4j.READ_ACCESS, cypher, params, timeout)

    def write(self, cypher: str, params: dict | None = None, timeout: float | None = None) -> Result:
        self._refuse_if_read_only()
        return self._run_write(cypher, params, timeout)

    def close(self) -> None:
        tx, session, driver = self._tx, self._tx_session, getattr(self, "_driver", None)
        self._tx = self._tx_session = self._driver = None
        for closing in (getattr(tx, "rollback", None), getattr(session, "close", None),
                        getattr(driver, "close", None)):
            if closing is not None:
                try:
                    closing()
                except Exception:
                    pass

    # -- helpers ----------------------------------------------------------------------------
    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise ReadOnlyError("the database is open read-only")

    def _run_write(self, cypher: str, params: dict | None, timeout: float | None = None) -> Result:
        if self._tx is not None:
            return self._in_transaction(cypher, params, timeout)
        return self._managed(neo4j.WRITE_ACCESS, cypher, params, timeout)

    def _in_transaction(self, cypher: str, params: dict | None, timeout: float | None) -> Result:
        """Inside `transaction()` (the transaction's timeout is the server's default)."""
        try:
            return _collect(self._tx.run(cypher, params or {}))
        except Exception as exc:
            raise self._translate(exc, timeout, reading=self.read_only) from None

    def _managed(self, access_mode: str, cypher: str, params: dict | None, timeout: float | None) -> Result:
        """A transaction of its own; the driver retries it on transient errors."""

        def work(tx: neo4j.ManagedTransaction) -> Result:
            return _collect(tx.run(cypher, params or {}))

        if timeout:
            work = unit_of_work(timeout=timeout)(work)
        session = self._session(access_mode)
        try:
            run: Callable = session.execute_read if access_mode == neo4j.READ_ACCESS else session.execute_write
            return run(work)
        except Exception as exc:
            raise self._translate(exc, timeout, reading=access_mode == neo4j.READ_ACCESS) from None
        finally:
            session.close()

    def _translate(self, exc: BaseException, timeout: float | None = None, reading: bool = False) -> BaseException:
        """The driver's exceptions as the store's one-line errors."""
        if isinstance(exc, StoreError):
            return exc
        if isinstance(exc, nx.AuthError):
            hint = "" if self._password is not None else " (NEO4J_PASSWORD is not set)"
            return StoreError(f"Neo4j refused the credentials for user {self.username!r} at {self.uri}{hint}")
        if isinstance(exc, (nx.ServiceUnavailable, nx.SessionExpired, OSError)):
            return StoreError(f"cannot reach Neo4j at {self.uri}: {_unreachable_reason(exc)}")
        if isinstance(exc, nx.Neo4jError):
            code = exc.code or ""
            message = _first_line(exc)
            # The server stops a transaction past its timeout when the query next touches the
            # store or waits for a lock: the code names the timeout, or only the termination.
            stopped = code.endswith(("Transaction.Terminated", "Transaction.LockClientStopped"))
            if "TimedOut" in code or (stopped and (timeout or "time" in message.lower())):
                if timeout:
                    return QueryTimeout(f"query stopped after {timeout:g} s (raise --timeout to allow longer)")
                return QueryTimeout(f"query stopped: {message}")
            # A write in READ mode; a schema change in READ mode is refused as "Forbidden".
            if (code.endswith("Statement.AccessMode") or isinstance(exc, nx.ForbiddenOnReadOnlyDatabase)
                    or "read access mode" in message.lower()
                    or (reading and code == "Neo.ClientError.Security.Forbidden")):
                return ReadOnlyError("refused: this query writes, and the database is open read-only "
                                     "(pass --write to allow writing)")
            if code.endswith("Database.DatabaseNotFound"):
                return StoreError(f"Neo4j at {self.uri} has no database {self.database!r} (NEO4J_DATABASE)")
            if code.startswith("Neo.ClientError.Security."):
                return StoreError(f"Neo4j refused: {message}")
            if isinstance(exc, nx.ClientError):
                return QueryError(message)
            if isinstance(exc, nx.TransientError) or exc.is_retryable():
                return TransientStoreError(f"Neo4j: {message} (a transient error: nothing was written; "
                                           "run it again)")
            return StoreError(f"Neo4j: {message}")
        if isinstance(exc, nx.DriverError):
            return StoreError(f"Neo4j: {_first_line(exc)}")
        return exc


def _make_driver(uri: str, auth, **config):
    """The driver (a seam for tests without a server)."""
    return GraphDatabase.driver(uri, auth=auth, **config)


def _name(prop: str) -> str:
    if not _NAME.match(prop):
        raise StoreError(f"not a property name: {prop!r}")
    return prop


def _storable(rows: list[dict], lists: set[str]) -> list[dict]:
    """Neo4j stores no null inside a list: such an element becomes NULL_ELEMENT (see the module doc)."""
    if not lists:
        return rows
    out = []
    for row in rows:
        if any(isinstance(row.get(p), list) and None in row[p] for p in lists):
            row = {k: ([NULL_ELEMENT if e is None else e for e in v] if k in lists and isinstance(v, list) else v)
                   for k, v in row.items()}
        out.append(row)
    return out


def _collect(result: neo4j.Result) -> Result:
    columns = list(result.keys())
    rows = [[_plain(v) for v in record.values()] for record in result]
    return Result(columns, rows)


def _plain(value: Any) -> Any:
    """Nodes, relationships and paths in the shape both stores share."""
    if isinstance(value, neo4j.graph.Node):
        out = {k: _plain(v) for k, v in value.items()}
        labels = sorted(value.labels)
        out["_label"] = labels[0] if labels else None
        return out
    if isinstance(value, neo4j.graph.Relationship):
        out = {k: _plain(v) for k, v in value.items()}
        out["_type"] = value.type
        return out
    if isinstance(value, neo4j.graph.Path):
        return {"nodes": [_plain(n) for n in value.nodes], "relationships": [_plain(r) for r in value.relationships]}
    if isinstance(value, list):
        return [None if v == NULL_ELEMENT else _plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, neo4j.time.Duration):
        return str(value)
    to_native = getattr(value, "to_native", None)
    if to_native is not None and type(value).__module__.startswith("neo4j.time"):
        try:
            return to_native()
        except (ValueError, OverflowError):
            return str(value)
    return value


def _unreachable_reason(exc: BaseException) -> str:
    """The socket-level reason behind the driver's wrapping ("connection refused")."""
    seen: list[BaseException] = []
    pending = [exc]
    while pending and len(seen) < 20:
        current = pending.pop(0)
        seen.append(current)
        pending += [e for e in getattr(current, "exceptions", ()) if e not in seen]
        for nxt in (current.__cause__, current.__context__):
            if nxt is not None and nxt not in seen:
                pending.append(nxt)
    texts = [str(e) for e in seen]
    for text in texts:
        match = re.search(r"reason (?:\[Errno -?\d+\] )?([^)]+)\)", text)
        if match:
            return match.group(1).strip().lower() + " (is the server running? docker compose up -d)"
    for text in texts:
        if "DNS resolve" in text or "not known" in text:
            return "no such host"
        if "timed out" in text.lower():
            return f"no answer within {CONNECT_TIMEOUT:g} s"
    return _first_line(exc)


def _first_line(exc: BaseException) -> str:
    text = getattr(exc, "message", None)
    if not isinstance(text, str) or not text.strip():
        text = str(exc)
    text = text.strip()
    return text.splitlines()[0] if text else exc.__class__.__name__
