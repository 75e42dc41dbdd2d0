"""The store interface both backends implement, and the errors users see.

A store knows how to set up the schema, write batches idempotently (`UNWIND
$rows … MERGE` on `key`), run a query read-only or writable, and close.  Per-store
differences (DDL, how nodes come back, bulk writes) live in the implementations,
never in recipes.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterator, Sequence

from orggraph.graph.model import NODE_LABELS, REL_TYPES


class StoreError(Exception):
    """A problem the user can act on; the CLI prints it as one line."""


class DatabaseInUse(StoreError):
    pass


class QueryError(StoreError):
    pass


class ReadOnlyError(StoreError):
    pass


class QueryTimeout(StoreError):
    pass


class DiskFull(StoreError):
    """The disk (or the database's filesystem) has no room for the next write."""


@dataclass
class Result:
    columns: list[str]
    rows: list[list[Any]]

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row)) for row in self.rows]


@dataclass(frozen=True)
class RelWrite:
    """How to MERGE one relationship type: endpoints by key, and the properties to set
    (what each article says is a Statement node, so nothing accumulates here)."""

    rel_type: str
    from_label: str
    to_label: str
    set_props: Sequence[str] = ()


class Store:
    """Base class: subclasses implement the primitives below."""

    read_only: bool = False

    def setup_schema(self) -> None:
        raise NotImplementedError

    def merge_nodes(self, label: str, rows: list[dict], props: Sequence[str]) -> None:
        """MERGE nodes on `key`, setting `props` from each row; a null in a row keeps the
        stored value (a later article that omits a congress's term does not erase it)."""
        raise NotImplementedError

    def merge_relationships(self, spec: RelWrite, rows: list[dict]) -> None:
        """MERGE relationships between nodes found by `from`/`to` keys in each row."""
        raise NotImplementedError

    def create_nodes(self, label: str, rows: list[dict], props: Sequence[str]) -> None:
        """Nodes known to be new (an article being loaded); MERGE unless a store has a
        faster way to add them."""
        self.merge_nodes(label, rows, props)

    def create_relationships(self, spec: RelWrite, rows: list[dict]) -> None:
        """Relationships known to be new (those from an article being loaded)."""
        self.merge_relationships(spec, rows)

    # Whether bulk_nodes/bulk_relationships are faster than creating rows one query at a time.
    bulk_loads: bool = False

    def bulk_nodes(self, label: str, rows: list[dict]) -> None:
        """Nodes for an empty store (every property of the label from the rows)."""
        props = NODE_LABELS[label].properties
        self.create_nodes(label, [{p: row.get(p) for p in props} for row in rows], [p for p in props if p != "key"])

    def bulk_relationships(self, spec: RelWrite, rows: list[dict]) -> None:
        """Relationships for an empty store (every property of the type from the rows)."""
        props = tuple(REL_TYPES[spec.rel_type].properties)
        self.create_relationships(RelWrite(spec.rel_type, spec.from_label, spec.to_label, props),
                                  [{"src": row["src"], "dst": row["dst"], **{p: row.get(p) for p in props}}
                                   for row in rows])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside are committed together or not at all."""
        raise NotImplementedError
        yield

    def read(self, cypher: str, params: dict | None = None, timeout: float | None = None, *,
             lookup: bool = False) -> Result:
        """Run a read query.  `lookup`: the query reads a few rows through keys and links (a
        recipe), not a scan of everything; a store may run it differently (the embedded one
        on one thread: its threads' hand-offs cost more than such a query's work)."""
        raise NotImplementedError

    def write(self, cypher: str, params: dict | None = None, timeout: float | None = None) -> Result:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def free_bytes(self) -> int | None:
        """Free space where the store writes, or None when it is not on this machine."""
        return None

    def size_bytes(self) -> int:
        """Bytes the store's files take on this machine (0 for a server)."""
        return 0

    def pending_bytes(self) -> int:
        """Bytes written but not yet checkpointed into the store's main file."""
        return 0

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


DEFAULT_DB = "orggraph-data"


def default_db_path() -> str:
    return os.environ.get("ORGGRAPH_DB") or DEFAULT_DB


def open_store(db: str | None = None, *, read_only: bool = False, neo4j_uri: str | None = None) -> Store:
    """Open the embedded store at `db` (a directory), or Neo4j when a URI is given."""
    if neo4j_uri:
        try:
            from orggraph.graph.neo4j_store import Neo4jStore
        except ImportError as exc:  # pragma: no cover - the Neo4j store arrives with its issue
            raise StoreError(f"the Neo4j store is not available: {exc}") from exc
        return Neo4jStore(neo4j_uri, read_only=read_only)
    from orggraph.graph.ladybug_store import LadybugStore

    return LadybugStore(db or default_db_path(), read_only=read_only)
