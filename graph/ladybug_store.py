"""The embedded default store: LadybugDB, in-process, no server.

`--db PATH` names a directory; the graph lives in `PATH/graph.lbdb` beside the
user's curation file.  Queries from `orggraph query` open the database read-only,
so whatever the text says, it cannot write.
"""
from __future__ import annotations

import os
import re
from contextlib import contextmanager
from typing import Any, Iterator, Sequence

import ladybug

from orggraph.graph.model import NODE_LABELS, NODES, REL_TYPES, RELATIONSHIPS, STRING
from orggraph.graph.store import (DatabaseInUse, QueryError, QueryTimeout, ReadOnlyError, RelWrite, Result, Store,
                         StoreError)

GRAPH_FILE = "graph.lbdb"
# The engine's page cache when opened read-only (its default is 80% of the machine's
# memory); a query's own working memory is bounded by graph/query_guard.py.
READ_ONLY_BUFFER_POOL = 512 * 2 ** 20


def _ddl() -> list[str]:
    statements = []
    for node in NODES:
        cols = ", ".join(f"{name} {kind}" for name, kind in node.properties.items())
        statements.append(f"CREATE NODE TABLE IF NOT EXISTS {node.name}({cols}, PRIMARY KEY(key))")
    for rel in RELATIONSHIPS:
        pairs = ", ".join(f"FROM {a} TO {b}" for a, b in rel.pairs)
        cols = "".join(f", {name} {kind}" for name, kind in rel.properties.items())
        statements.append(f"CREATE REL TABLE IF NOT EXISTS {rel.name}({pairs}{cols})")
    return statements


def _typed(expression: str, kind: str) -> str:
    """Parameters are typed from their values; a column of nulls or empty lists would
    be inferred as STRING, so non-string columns are cast to their declared type."""
    return expression if kind == STRING else f"CAST({expression} AS {kind})"


def _plain(value: Any) -> Any:
    """Nodes and relationships come back as dicts with `_ID`/`_LABEL`; give them the
    shape both stores share: properties plus `_label` (nodes) or `_type` (relationships)."""
    if isinstance(value, dict) and "_LABEL" in value:
        out = {k: v for k, v in value.items() if not k.startswith("_") and v is not None}
        out["_type" if "_SRC" in value else "_label"] = value["_LABEL"]
        return out
    if isinstance(value, dict) and ("_NODES" in value or "_nodes" in value):  # a path
        nodes = value.get("_NODES", value.get("_nodes")) or []
        rels = value.get("_RELS", value.get("_rels")) or []
        keys = {repr(n.get("_ID")): n.get("key") for n in nodes}
        plain_rels = []
        for rel in rels:  # each relationship names its ends by key, as the Neo4j store's do
            plain = _plain(rel)
            plain["_start"], plain["_end"] = keys.get(repr(rel.get("_SRC"))), keys.get(repr(rel.get("_DST")))
            plain_rels.append(plain)
        return {"nodes": [_plain(n) for n in nodes], "relationships": plain_rels}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


_LOCKED = re.compile(r"Could not set lock|lock is held", re.I)


class LadybugStore(Store):
    def __init__(self, path: str, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        file = os.path.join(path, GRAPH_FILE)
        if read_only and not os.path.exists(file):
            raise StoreError(f"no database at {path}: load some articles first (orggraph --db {path} load …)")
        if not read_only:
            if os.path.exists(path) and not os.path.isdir(path):
                raise StoreError(f"{path} is a file, not a database directory")
            os.makedirs(path, exist_ok=True)
        try:
            extra = {"buffer_pool_size": READ_ONLY_BUFFER_POOL} if read_only else {}
            self._db = ladybug.Database(file, read_only=read_only, **extra)
            self._conn = ladybug.Connection(self._db)
        except RuntimeError as exc:
            if _LOCKED.search(str(exc)):
                raise DatabaseInUse(f"database is in use by another process: {path}") from None
            raise StoreError(f"cannot open database {path}: {_first_line(exc)}") from None
        self._in_transaction = False

    # -- primitives -------------------------------------------------------------------------
    def setup_schema(self) -> None:
        for statement in _ddl():
            self._execute(statement)

    def merge_nodes(self, label: str, rows: list[dict], props: Sequence[str]) -> None:
        if not rows:
            return
        types = NODE_LABELS[label].properties
        # A value an article does not give (null) keeps what an earlier article gave.
        sets = ", ".join(f"n.{p} = coalesce({_typed(f'r.{p}', types[p])}, n.{p})" for p in props)
        self._execute(f"UNWIND $rows AS r MERGE (n:{label} {{key: r.key}})" + (f" SET {sets}" if sets else ""),
                      {"rows": rows})

    def merge_relationships(self, spec: RelWrite, rows: list[dict]) -> None:
        if not rows:
            return
        types = REL_TYPES[spec.rel_type].properties
        on_create = [f"x.{p} = {_typed(f'r.{p}', types[p])}" for p in (*spec.set_props, *spec.append_props)]
        on_match = [f"x.{p} = {_typed(f'r.{p}', types[p])}" for p in spec.set_props]
        on_match += [f"x.{p} = coalesce(x.{p}, []) + {_typed(f'r.{p}', types[p])}" for p in spec.append_props]
        cypher = (f"UNWIND $rows AS r MATCH (a:{spec.from_label} {{key: r.src}}), (b:{spec.to_label} {{key: r.dst}}) "
                  f"MERGE (a)-[x:{spec.rel_type}]->(b)")
        if on_create:
            cypher += " ON CREATE SET " + ", ".join(on_create)
        if on_match:
            cypher += " ON MATCH SET " + ", ".join(on_match)
        self._execute(cypher, {"rows": rows})

    def create_nodes(self, label: str, rows: list[dict], props: Sequence[str]) -> None:
        if not rows:
            return
        types = NODE_LABELS[label].properties
        values = ", ".join(f"{p}: {_typed(f'r.{p}', types[p])}" for p in ("key", *props))
        self._execute(f"UNWIND $rows AS r CREATE (n:{label} {{{values}}})", {"rows": rows})

    def create_relationships(self, spec: RelWrite, rows: list[dict]) -> None:
        if not rows:
            return
        types = REL_TYPES[spec.rel_type].properties
        values = ", ".join(f"{p}: {_typed(f'r.{p}', types[p])}" for p in (*spec.set_props, *spec.append_props))
        self._execute(f"UNWIND $rows AS r MATCH (a:{spec.from_label} {{key: r.src}}), (b:{spec.to_label} {{key: r.dst}}) "
                      f"CREATE (a)-[x:{spec.rel_type} {{{values}}}]->(b)", {"rows": rows})

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._in_transaction:
            yield
            return
        self._execute("BEGIN TRANSACTION")
        self._in_transaction = True
        try:
            yield
        except BaseException:
            self._in_transaction = False
            try:
                self._conn.execute("ROLLBACK")
            except RuntimeError:
                pass
            raise
        self._in_transaction = False
        self._execute("COMMIT")

    def read(self, cypher: str, params: dict | None = None, timeout: float | None = None) -> Result:
        return self._execute(cypher, params, timeout=timeout)

    def write(self, cypher: str, params: dict | None = None, timeout: float | None = None) -> Result:
        if self.read_only:
            raise ReadOnlyError("the database is open read-only")
        return self._execute(cypher, params, timeout=timeout)

    def interrupt(self) -> None:
        """Ask the running query to stop (from another thread)."""
        if self._conn is not None:
            self._conn.interrupt()

    def close(self) -> None:
        conn, db = getattr(self, "_conn", None), getattr(self, "_db", None)
        self._conn = self._db = None
        if conn is not None:
            conn.close()
        if db is not None:
            db.close()

    # -- helpers ----------------------------------------------------------------------------
    def _execute(self, cypher: str, params: dict | None = None, timeout: float | None = None) -> Result:
        if self._conn is None:
            raise StoreError("the database is closed")
        cypher, params = _inline_nulls(cypher, params or {})
        if timeout:
            self._conn.set_query_timeout(int(timeout * 1000))
        try:
            result = self._conn.execute(cypher, params)
        except RuntimeError as exc:
            message = _first_line(exc)
            if "read-only" in message:
                raise ReadOnlyError("refused: this query writes, and the database is open read-only "
                                    "(pass --write to allow writing)") from None
            if message.startswith("Interrupted"):
                raise QueryTimeout(f"query stopped after {timeout:g} s (raise --timeout to allow longer)") from None
            raise QueryError(message) from None
        finally:
            if timeout:
                self._conn.set_query_timeout(0)
        if isinstance(result, list):  # several statements: keep the last one's rows
            result = result[-1]
        columns = result.get_column_names()
        rows = []
        while result.has_next():
            rows.append([_plain(v) for v in result.get_next()])
        return Result(columns, rows)


def _inline_nulls(cypher: str, params: dict) -> tuple[str, dict]:
    """A null parameter has no type to infer, and the binder refuses one used in two
    places ("$date IS NULL OR … left($date, …)"); such parameters become the NULL
    literal.  Only the literal is written into the query, never a user's value."""
    nulls = [name for name, value in params.items() if value is None]
    if not nulls:
        return cypher, params
    pattern = re.compile(r"\$(%s)\b" % "|".join(re.escape(n) for n in nulls))
    return pattern.sub("NULL", cypher), {k: v for k, v in params.items() if v is not None}


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__
