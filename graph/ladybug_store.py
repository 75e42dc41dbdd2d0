"""The embedded default store: LadybugDB, in-process, no server.

`--db PATH` names a directory; the graph lives in `PATH/graph.lbdb` beside the
user's curation file.  Queries from `orggraph query` open the database read-only,
so whatever the text says, it cannot write.

Readers and one writer share the files safely: the writer checkpoints (after a commit
once the write-ahead log passes CHECKPOINT_WAL_BYTES, and on close) holding an
exclusive lock on `graph.lbdb.lock`; readers hold a shared lock while open, and replay
only committed transactions from the write-ahead log.  A reader that cannot get in within a few
seconds says "database is in use, try again".  A write-ahead log that ends in a torn
write (the disk filled, the process was killed mid-write) is replayed up to its last
committed transaction, with a warning, instead of refusing to open.
"""
from __future__ import annotations

import csv
import fcntl
import os
import re
import shutil
import tempfile
import time
from contextlib import contextmanager
from typing import Any, Iterable, Iterator, Sequence

import ladybug

from orggraph.graph.model import BOOL, NODE_LABELS, NODES, REL_TYPES, RELATIONSHIPS, STRING, STRINGS
from orggraph.graph.store import (DatabaseInUse, DiskFull, QueryError, QueryTimeout, ReadOnlyError, RelWrite, Result,
                                  Store, StoreError)

GRAPH_FILE = "graph.lbdb"
# The engine's page cache when opened read-only (its default is 80% of the machine's
# memory); a query's own working memory is bounded by graph/query_guard.py.
READ_ONLY_BUFFER_POOL = 512 * 2 ** 20
# A writer's: pages beyond it are written out and read back, so a first load of a large
# archive (one transaction) stays within its memory bound instead of the engine's default.
WRITER_BUFFER_POOL = 1024 * 2 ** 20


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


# Both ends of a relationship by key, one after the other: written as one MATCH of two
# patterns, the engine plans a cross product of both tables with every row (minutes for a
# few thousand rows at ten times the archive); this way each end is a primary-key lookup.
_BY_KEYS = "MATCH (a:{a} {{key: r.src}}) WITH a, r MATCH (b:{b} {{key: r.dst}})"

_LOCKED = re.compile(r"Could not set lock|lock is held", re.I)
_BUSY = re.compile(r"checkpoint recovery is pending", re.I)
_TORN_WAL = re.compile(r"WAL file is corrupted|WAL replay", re.I)
_IO_ERROR = re.compile(r"IO exception|No space left|Cannot write to file|Cannot extend file|Cannot resize", re.I)
LOCK_FILE = GRAPH_FILE + ".lock"  # shared by open readers, exclusive while a writer checkpoints
WRITER_LOCK_FILE = GRAPH_FILE + ".writer"  # held by the one writer for as long as it is open
READER_PATIENCE = 5.0  # seconds a reader waits for a writer's checkpoint before giving up
# The engine checkpoints on its own at about this size; here the store does it, under the lock.
CHECKPOINT_WAL_BYTES = 16 * 2 ** 20
WRITER_PATIENCE = 10.0  # seconds a writer waits for open readers before checkpointing anyway
IN_USE = "database is in use (a load is writing it), try again: {path}"


class LadybugStore(Store):
    bulk_loads = True

    def __init__(self, path: str, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.notice: str | None = None  # a warning the command shows (a recovered write-ahead log)
        self._conn = self._db = None
        self._lock_fd: int | None = None
        self._writer_fd: int | None = None
        file = os.path.join(path, GRAPH_FILE)
        if not read_only:
            if os.path.exists(path) and not os.path.isdir(path):
                raise StoreError(f"{path} is a file, not a database directory")
            os.makedirs(path, exist_ok=True)
        self._lock_fd = _open_lock(path, LOCK_FILE, create=not read_only)
        self._writer_fd = None if read_only else _open_lock(path, WRITER_LOCK_FILE, create=True)
        try:
            if self._writer_fd is not None and not _try_lock(self._writer_fd, fcntl.LOCK_EX):
                raise DatabaseInUse(f"database is in use by another process: {path}")
            if read_only:
                self._open_reader(file)
            else:
                with self._exclusive():
                    self._open_writer(file)
        except BaseException:
            self.close()
            raise
        self._in_transaction = False
        self._scratch: str | None = None  # a directory for the CSV files COPY FROM reads
        self._refuse_old_schema()

    def _open_reader(self, file: str) -> None:
        """Shared lock for as long as the store is open; the engine's own "recovery pending"
        (a writer checkpointing without our lock, e.g. an older version) is waited out too."""
        deadline = time.monotonic() + READER_PATIENCE
        while True:
            if self._lock_fd is None or _try_lock(self._lock_fd, fcntl.LOCK_SH):
                if not os.path.exists(file):
                    raise StoreError(f"no database at {self.path}: load some articles first "
                                     f"(orggraph --db {self.path} load …)")
                busy = IN_USE.format(path=self.path)
                try:
                    self._db = ladybug.Database(file, read_only=True, buffer_pool_size=READ_ONLY_BUFFER_POOL,
                                                throw_on_wal_replay_failure=False)
                    self._conn = ladybug.Connection(self._db)
                    if self._conn.execute("CALL show_tables() RETURN count(*)").get_next()[0]:
                        return
                    busy = f"database at {self.path} has no graph yet (is a first load starting?), try again"
                except RuntimeError as exc:
                    if not _BUSY.search(str(exc)):
                        self.close()
                        raise self._open_error(exc) from None
                self._close_engine()
                self._unlock()
            else:
                busy = IN_USE.format(path=self.path)
            if time.monotonic() > deadline:
                if not _writer_alive(self.path):
                    raise DatabaseInUse(f"database at {self.path} was left mid-write (a full disk or a crash): run "
                                        f"any writing command, e.g. `orggraph --db {self.path} load …`, to recover it "
                                        "once there is free space")
                raise DatabaseInUse(busy)
            time.sleep(0.1)

    def _open_writer(self, file: str) -> None:
        try:
            self._connect(file, strict=True)
        except RuntimeError as exc:
            if not _TORN_WAL.search(str(exc)):
                raise self._open_error(exc) from None
            self._close_engine()
            try:
                self._connect(file, strict=False)
            except RuntimeError as again:
                raise self._open_error(again) from None
            self.notice = (f"the database's write-ahead log in {self.path} ended in a torn write (a full disk or a "
                           "crash): every committed transaction was recovered, the unfinished one dropped")
            self._execute("CHECKPOINT")  # (under the writer's lock already)

    def _connect(self, file: str, *, strict: bool) -> None:
        # Checkpoints only when this store says (after each commit, under the lock).
        self._db = ladybug.Database(file, auto_checkpoint=False, throw_on_wal_replay_failure=strict,
                                    buffer_pool_size=WRITER_BUFFER_POOL)
        self._conn = ladybug.Connection(self._db)

    def _open_error(self, exc: BaseException) -> StoreError:
        message = _first_line(exc)
        if _LOCKED.search(message):
            return DatabaseInUse(f"database is in use by another process: {self.path}")
        if _BUSY.search(message):
            return DatabaseInUse(IN_USE.format(path=self.path))
        if _IO_ERROR.search(message):
            return DiskFull(f"cannot open database {self.path}: {message} (is the disk full?)")
        return StoreError(f"cannot open database {self.path}: {message}")

    @contextmanager
    def _exclusive(self) -> Iterator[None]:
        """No reader opens while the files are rewritten (checkpoint, first open, close).  A
        reader that stays open longer than WRITER_PATIENCE is not waited for (the engine
        then tells late readers "recovery pending", which they wait out)."""
        locked = False
        if self._lock_fd is not None:
            deadline = time.monotonic() + WRITER_PATIENCE
            while not (locked := _try_lock(self._lock_fd, fcntl.LOCK_EX)) and time.monotonic() < deadline:
                time.sleep(0.05)
        try:
            yield
        finally:
            if locked:
                fcntl.flock(self._lock_fd, fcntl.LOCK_UN)

    def _checkpoint(self) -> None:
        with self._exclusive():
            self._execute("CHECKPOINT")

    def _unlock(self, close: bool = False) -> None:
        if self._lock_fd is not None:
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
        if close:
            for name in ("_lock_fd", "_writer_fd"):
                fd = getattr(self, name, None)
                if fd is not None:
                    os.close(fd)  # closing releases the writer's lock too
                    setattr(self, name, None)

    def pending_bytes(self) -> int:
        return self._wal_bytes()

    def _wal_bytes(self) -> int:
        try:
            return os.path.getsize(os.path.join(self.path, GRAPH_FILE + ".wal"))
        except OSError:
            return 0

    def free_bytes(self) -> int | None:
        try:
            return shutil.disk_usage(self.path).free
        except OSError:
            return None

    def size_bytes(self) -> int:
        total = 0
        for name in (GRAPH_FILE, GRAPH_FILE + ".wal"):
            try:
                total += os.path.getsize(os.path.join(self.path, name))
            except OSError:
                pass
        return total

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
        sets = [f"x.{p} = {_typed(f'r.{p}', types[p])}" for p in spec.set_props]
        cypher = (f"UNWIND $rows AS r {_BY_KEYS.format(a=spec.from_label, b=spec.to_label)} "
                  f"MERGE (a)-[x:{spec.rel_type}]->(b)")
        if sets:
            cypher += " SET " + ", ".join(sets)
        self._execute(cypher, {"rows": rows})

    def create_nodes(self, label: str, rows: list[dict], props: Sequence[str]) -> None:
        if not rows:
            return
        types = NODE_LABELS[label].properties
        values = ", ".join(f"{p}: {_typed(f'r.{p}', types[p])}" for p in ("key", *props))
        self._execute(f"UNWIND $rows AS r CREATE (n:{label} {{{values}}})", {"rows": rows})

    def bulk_nodes(self, label: str, rows: list[dict]) -> None:
        """COPY FROM a temporary CSV file: far faster than CREATE into an empty table, but
        a transaction that COPYs into a table holding data commits slowly, so only the
        first load into an empty store uses it.  Rows whose lists hold more than plain words
        use CREATE."""
        types = NODE_LABELS[label].properties
        lists = [p for p, kind in types.items() if kind == STRINGS]
        if any(_UNPLAIN.search(v) for row in rows for p in lists for v in row.get(p) or ()):
            self.create_nodes(label, [{p: row.get(p) for p in types} for row in rows], [p for p in types if p != "key"])
        elif rows:  # lists only of plain words (a first load's persons have none): COPY spells them
            self._copy(label, ([row.get(p) for p in types] for row in rows), list(types.values()))

    def bulk_relationships(self, spec: RelWrite, rows: list[dict]) -> None:
        """COPY FROM for relationships (every property of the type, from the rows); lists
        only of plain words (statement keys), else CREATE."""
        rel = REL_TYPES[spec.rel_type]
        if not rows:
            return
        lists = [p for p, kind in rel.properties.items() if kind == STRINGS]
        if any(_UNPLAIN.search(v) for row in rows for p in lists for v in row.get(p) or ()):
            super().bulk_relationships(spec, rows)
            return
        options = f"from='{spec.from_label}', to='{spec.to_label}', " if len(rel.pairs) > 1 else ""
        self._copy(spec.rel_type, ([row["src"], row["dst"], *(row.get(p) for p in rel.properties)] for row in rows),
                   [STRING, STRING, *rel.properties.values()], options)

    def create_relationships(self, spec: RelWrite, rows: list[dict]) -> None:
        if not rows:
            return
        types = REL_TYPES[spec.rel_type].properties
        props = spec.set_props
        values = ", ".join(f"{p}: {_typed(f'r.{p}', types[p])}" for p in props)
        self._execute(f"UNWIND $rows AS r {_BY_KEYS.format(a=spec.from_label, b=spec.to_label)} "
                      f"CREATE (a)-[x:{spec.rel_type} {{{values}}}]->(b)", {"rows": rows})

    def _copy(self, table: str, rows: Iterable[list], kinds: list[str], options: str = "") -> None:
        """Rows (streamed: a first load's millions of mentions are not copied again) into a
        CSV file, then COPY FROM it."""
        if self._scratch is None:
            self._scratch = tempfile.mkdtemp(prefix="orggraph-copy-")
        path = os.path.join(self._scratch, f"{table}.csv")
        with open(path, "w", encoding="utf-8", newline="") as fh:
            out = csv.writer(fh)
            for row in rows:
                out.writerow([_csv_value(v, k) for v, k in zip(row, kinds)])
        try:
            # The dialect said in full: left to itself the reader guesses it from the first rows,
            # and a quoted field further down (a name with a comma) then breaks the row.
            self._execute(f"COPY {table} FROM '{path}' ({options}header=false, parallel=false, delim=',', "
                          "quote='\"', escape='\"')")
        finally:
            os.remove(path)

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
        if not self.read_only and self._wal_bytes() > CHECKPOINT_WAL_BYTES:
            self._checkpoint()

    def read(self, cypher: str, params: dict | None = None, timeout: float | None = None, *,
             lookup: bool = False) -> Result:
        if not lookup:
            return self._execute(cypher, params, timeout=timeout)
        # A recipe on one thread: at 10x the archive its median is 20-35 % lower than on
        # the engine's default (every core), while a scan over a whole table is faster on
        # every core, so only lookups are run this way (benchmarks/load.py).
        self._conn.set_max_threads_for_exec(1)
        try:
            return self._execute(cypher, params, timeout=timeout)
        finally:
            self._conn.set_max_threads_for_exec(0)  # back to the database's limit (every core)

    def write(self, cypher: str, params: dict | None = None, timeout: float | None = None) -> Result:
        if self.read_only:
            raise ReadOnlyError("the database is open read-only")
        return self._execute(cypher, params, timeout=timeout)

    def interrupt(self) -> None:
        """Ask the running query to stop (from another thread)."""
        if self._conn is not None:
            self._conn.interrupt()

    def close(self) -> None:
        if getattr(self, "_scratch", None):
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None
        if getattr(self, "_db", None) is not None:
            with (self._exclusive() if not self.read_only else _nothing()):  # closing a writer checkpoints
                self._close_engine()
        self._unlock(close=True)

    def _close_engine(self) -> None:
        conn, db = self._conn, self._db
        self._conn = self._db = None
        if conn is not None:
            conn.close()
        if db is not None:
            db.close()

    # -- helpers ----------------------------------------------------------------------------
    def _refuse_old_schema(self) -> None:
        """A graph from before statements were rows (their arrays on HELD_OFFICE) cannot be
        read or extended by this version: say so in one line rather than fail later."""
        tables = {row[1] for row in self._execute("CALL show_tables() RETURN *").rows}
        if "HELD_OFFICE" in tables and "Statement" not in tables:
            self.close()
            raise StoreError(f"the database at {self.path} was written by an older orggraph (statements kept on "
                             f"HELD_OFFICE); load the articles again into a new database: "
                             f"orggraph --db NEW_DIR load …")

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
            if _IO_ERROR.search(message):
                raise DiskFull(f"cannot write to {self.path}: {message} (is the disk full?)") from None
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


_UNPLAIN = re.compile(r"[\[\],'\"\\{}\s]")  # what a list element in a CSV field may not hold


def _csv_value(value: Any, kind: str) -> Any:
    """A field of the CSV files COPY FROM reads: empty is null, booleans and lists (of plain
    words) as the parser spells them."""
    if value is None:
        return ""
    if kind == BOOL:
        return "true" if value else "false"
    if kind == STRINGS:
        return "[" + ",".join(value) + "]"
    return value


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def _open_lock(path: str, name: str, create: bool) -> int | None:
    """A lock file beside the graph; None where it cannot be had (a read-only directory)."""
    file = os.path.join(path, name)
    try:
        return os.open(file, os.O_RDWR | os.O_CREAT if create else os.O_RDONLY, 0o644)
    except OSError:
        return None


def _writer_alive(path: str) -> bool:
    fd = _open_lock(path, WRITER_LOCK_FILE, create=False)
    if fd is None:
        return True  # cannot tell: assume a writer
    try:
        return not _try_lock(fd, fcntl.LOCK_SH)
    finally:
        os.close(fd)


def _try_lock(fd: int, mode: int) -> bool:
    try:
        fcntl.flock(fd, mode | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


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
