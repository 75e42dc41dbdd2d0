"""The guard in front of every query a user types into a read-only command.

Opening the database read-only stops writes to the graph, but not what an engine
does beside it: `COPY … TO` writes files, `LOAD FROM` and `LOAD CSV` read them,
`LOAD EXTENSION` runs a library's code, `INSTALL` reaches the network,
`CHECKPOINT` rewrites the database files, `CALL` runs procedures and changes
settings.  So `orggraph query` (without --write) and `viz query` admit only reading
clauses and the functions listed below, and refuse the rest with one line.  The
guard reads the query's words outside string literals and comments; it is a
whitelist, so a construct it does not know is refused, not let through.

A query is bounded in time and memory: the engine's own timeout and interrupt
stop most runaway queries; a few (`UNWIND range(1, 1000000000)` builds its whole
list in one step) check neither, so a watchdog thread ends the command with one
line when the query runs past `--timeout` by a grace period or the process's
memory passes QUERY_MEMORY_MB (env ORGGRAPH_QUERY_MEMORY_MB).  Read-only, the
database cannot be harmed by ending the process.

Parameters are checked too: every `$name` the query uses must be given (an
unbound parameter would silently be null), text must be valid UTF-8 and whole
numbers must fit in 64 bits.
"""
from __future__ import annotations

import os
import re
import sys
import threading
import time
from contextlib import contextmanager
from typing import Any, Iterable, Iterator

from orggraph.graph.store import QueryError, StoreError


class QueryRefused(StoreError):
    """A query a read-only command will not run."""


ONLY_READS = "this command only reads"

# Clauses and operators a reading query is made of.
_READING_WORDS = {
    "match", "optional", "where", "with", "unwind", "return", "order", "by", "skip", "limit", "union", "all",
    "distinct", "as", "and", "or", "xor", "not", "in", "is", "null", "true", "false", "case", "when", "then",
    "else", "end", "contains", "starts", "ends", "asc", "ascending", "desc", "descending", "exists", "count",
    "shortest", "allshortest", "any", "none", "single", "reduce", "filter", "extract", "trail", "acyclic",
    "walk", "explain", "profile", "cast", "nan", "inf",
}

# Functions that compute from their arguments and the graph only (no files, no
# network, no settings).  Both stores' spellings; compared in lowercase.
SAFE_FUNCTIONS = frozenset("""
count sum avg min max collect stdev stdevp percentilecont percentiledisc
size length coalesce head tail last nodes rels relationships properties labels label type id elementid keys
startnode endnode exists
tolower toupper lower upper lcase ucase left right substring substr trim ltrim rtrim split replace reverse
concat starts_with ends_with contains prefix suffix string_split split_part repeat lpad rpad initcap
levenshtein regexp_matches regexp_replace regexp_extract regexp_extract_all regexp_full_match
tostring to_string tointeger toint to_int64 to_int32 to_int16 to_int8 to_double to_float tofloat toboolean
to_date tostringornull tointegerornull tofloatornull tobooleanornull
abs ceil ceiling floor round sqrt sign exp ln log log2 log10 pow power rand pi e
range list_creation list_extract list_element list_concat list_cat list_append list_prepend list_contains
list_has list_position list_indexof list_slice list_reverse list_sort list_reverse_sort list_sum list_product
list_distinct list_unique list_any_value array_extract array_concat array_slice list_has_all list_transform
list_filter list_reduce list_to_string array_to_string
date timestamp datetime localdatetime localtime time duration interval date_part datepart date_trunc
datetrunc dayname monthname last_day greatest least year month day
is_trail is_acyclic cost struct_extract map_extract element_at cardinality map_keys map_values
nullif ifnull typeof hash md5 sha256 ascii chr unicode octet_length
""".split())

# Procedures that only describe the schema.
SAFE_PROCEDURES = frozenset({
    "show_tables", "table_info", "show_connection", "db.labels", "db.relationshiptypes", "db.propertykeys",
    "db.schema.visualization", "db.schema.nodetypeproperties", "db.schema.reltypeproperties",
})

_WRITES = {"create", "merge", "set", "delete", "remove", "drop", "alter", "foreach", "detach", "rename"}
_TRANSACTIONS = {"begin", "commit", "rollback", "transaction"}
_OTHER_CLAUSES = {"periodic", "csv", "headers", "project", "show", "terminate", "grant", "deny", "revoke",
                  "reset", "pragma", "settings"}
_CLAUSES = {"copy", "load", "install", "uninstall", "update", "extension", "checkpoint", "attach", "use", "export",
            "import", "call", *_WRITES, *_TRANSACTIONS, *_OTHER_CLAUSES}

# One token at a time: comments and strings (skipped), identifiers, parameters, punctuation.
_TOKEN = re.compile(r"""
    (?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z))
  | (?P<string>'(?:[^'\\]|\\.)*(?:'|\Z)|"(?:[^"\\]|\\.)*(?:"|\Z))
  | (?P<quoted>`(?:[^`]|``)*(?:`|\Z))
  | (?P<param>\$(?:[A-Za-z_]\w*|`[^`]*`|\d+))
  | (?P<word>[^\W\d]\w*)
  | (?P<number>\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)
  | (?P<space>\s+)
  | (?P<punct>.)
""", re.S | re.X)


def _tokens(cypher: str) -> list[tuple[str, str]]:
    return [(m.lastgroup, m.group()) for m in _TOKEN.finditer(cypher) if m.lastgroup not in ("comment", "space")]


def check_read_query(cypher: str) -> None:
    """Raise QueryRefused unless the query only reads the graph."""
    tokens = _tokens(cypher)
    for i, (kind, text) in enumerate(tokens):
        if kind == "punct" and text == ";" and any(k != "punct" or t != ";" for k, t in tokens[i + 1:]):
            raise QueryRefused(f"refused: several statements in one query; {ONLY_READS} one")
        if kind != "word":
            continue
        before = tokens[i - 1][1] if i else ""
        after = tokens[i + 1][1] if i + 1 < len(tokens) else ""
        if before in (".", ":") or after == ":" or before.lower() == "as":
            continue  # a property, a label or relationship type, a variable with its label, a map key, an alias
        word = text.lower()
        nxt = tokens[i + 1][1].lower() if i + 1 < len(tokens) else ""
        if word in _CLAUSES:
            _refuse_clause(word, nxt, tokens, i)
            continue
        if after == "(" or (after == "." and _dotted_call(tokens, i)):
            name = _dotted_name(tokens, i)
            if word in _READING_WORDS and after == "(":
                continue
            if before.lower() == "call":
                continue  # judged with its CALL
            if name.lower() not in SAFE_FUNCTIONS:
                raise QueryRefused(f"refused: {name}() is not on the list of functions a read-only query may "
                                   f"call (they compute from the graph; none reads files or settings)")


def _refuse_clause(word: str, nxt: str, tokens: list[tuple[str, str]], i: int) -> None:
    if word == "copy":
        rest = [t.lower() for k, t in tokens[i + 1:] if k == "word"]
        direction = "TO" if "to" in rest else "FROM"
        what = "writes a file" if direction == "TO" else "reads a file into the database"
        raise QueryRefused(f"refused: COPY … {direction} {what}; {ONLY_READS}")
    if word == "load":
        if nxt == "extension":
            raise QueryRefused(f"refused: LOAD EXTENSION runs a library's code; {ONLY_READS}")
        if nxt == "csv":
            raise QueryRefused(f"refused: LOAD CSV reads a file or a URL; {ONLY_READS} the graph")
        raise QueryRefused(f"refused: LOAD FROM reads a file; {ONLY_READS} the graph")
    if word in ("install", "uninstall", "update", "extension"):
        raise QueryRefused(f"refused: {word.upper()} fetches or changes extensions; {ONLY_READS}")
    if word == "checkpoint":
        raise QueryRefused(f"refused: CHECKPOINT rewrites the database files; {ONLY_READS}")
    if word in ("attach", "use"):
        raise QueryRefused(f"refused: {word.upper()} opens another database; {ONLY_READS} this one")
    if word in ("export", "import"):
        raise QueryRefused(f"refused: {word.upper()} DATABASE {'writes' if word == 'export' else 'reads'} "
                           f"files; {ONLY_READS}")
    if word == "call":
        if nxt == "{":
            return  # a subquery: its clauses are checked like the rest
        name = _dotted_name(tokens, i + 1) if i + 1 < len(tokens) else ""
        after_name = _after_dotted(tokens, i + 1)
        if name.lower() in SAFE_PROCEDURES and after_name == "(":
            return
        raise QueryRefused(f"refused: CALL {name or '…'} runs a procedure or changes a setting; {ONLY_READS} "
                           "(schema procedures such as CALL show_tables() are allowed)")
    if word in _WRITES:
        raise QueryRefused(f"refused: {word.upper()} writes to the graph, and this command is read-only "
                           "(orggraph query --write allows writing)")
    if word in _TRANSACTIONS:
        raise QueryRefused(f"refused: {word.upper()} controls transactions; {ONLY_READS}")
    if word in ("reset", "pragma", "settings"):
        raise QueryRefused(f"refused: {word.upper()} changes a setting; {ONLY_READS}")
    raise QueryRefused(f"refused: {word.upper()} is not a reading clause; {ONLY_READS}")


def _dotted_call(tokens: list[tuple[str, str]], i: int) -> bool:
    return _after_dotted(tokens, i) == "("


def _dotted_name(tokens: list[tuple[str, str]], i: int) -> str:
    parts = [tokens[i][1]]
    j = i + 1
    while j + 1 < len(tokens) and tokens[j][1] == "." and tokens[j + 1][0] == "word":
        parts.append(tokens[j + 1][1])
        j += 2
    return ".".join(parts)


def _after_dotted(tokens: list[tuple[str, str]], i: int) -> str:
    j = i + 1
    while j + 1 < len(tokens) and tokens[j][1] == "." and tokens[j + 1][0] == "word":
        j += 2
    return tokens[j][1] if j < len(tokens) else ""


_INT64 = (-(2 ** 63), 2 ** 63 - 1)


def check_params(cypher: str, params: dict[str, Any]) -> None:
    """Every parameter the query uses is given; values are valid UTF-8 and fit the engine's types."""
    used = []
    for kind, text in _tokens(cypher):
        if kind == "param":
            name = text[1:].strip("`")
            if name not in used:
                used.append(name)
    missing = [name for name in used if name not in params]
    if missing:
        raise QueryError(f"the query uses ${missing[0]} but no --param {missing[0]}=… was given")
    for name, value in params.items():
        _check_value(name, value)


def _check_value(name: str, value: Any) -> None:
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return
    if isinstance(value, int):
        if not _INT64[0] <= value <= _INT64[1]:
            raise QueryError(f"--param {name}: {value} does not fit in 64 bits")
        return
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise QueryError(f"--param {name}: not valid UTF-8 (character {exc.start})") from None
        return
    if isinstance(value, dict):
        for item in value.values():
            _check_value(name, item)
        return
    if isinstance(value, Iterable):
        for item in value:
            _check_value(name, item)


QUERY_MEMORY_MB = 2048  # the whole process, engine included
GRACE_SECONDS = 1.0  # after --timeout, the engine's own interrupt gets this long


def query_memory_mb() -> int:
    value = os.environ.get("ORGGRAPH_QUERY_MEMORY_MB", "")
    return int(value) if value.isdigit() and int(value) > 0 else QUERY_MEMORY_MB


def _rss_mb() -> float | None:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2 ** 20
    except (OSError, ValueError, IndexError):
        return None  # not Linux: the time bound still holds


@contextmanager
def bounded(store, timeout: float | None, memory_mb: int | None = None) -> Iterator[None]:
    """Stop the command with one line when the query runs too long or takes too much memory."""
    memory_mb = memory_mb or query_memory_mb()
    done = threading.Event()
    started = time.monotonic()

    def stop(message: str, wait: float) -> None:
        interrupt = getattr(store, "interrupt", None)
        if interrupt:
            interrupt()
        if wait and done.wait(wait):
            return  # the engine stopped it after all
        sys.stderr.write(f"error: {message}\n")
        sys.stderr.flush()
        os._exit(1)  # the engine does not listen: end the process (the database is open read-only)

    def watch() -> None:
        while not done.wait(0.05):
            rss = _rss_mb()
            if rss is not None and rss > memory_mb:
                return stop(f"query stopped: it needed more than {memory_mb} MB of memory "
                            "(ORGGRAPH_QUERY_MEMORY_MB=N raises the bound)", 0)
            if timeout and time.monotonic() - started > timeout + GRACE_SECONDS:
                return stop(f"query stopped after {timeout:g} s (raise --timeout to allow longer)", 0.5)

    thread = threading.Thread(target=watch, name="orggraph-query-watchdog", daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()


def read_checked(store, cypher: str, params: dict[str, Any], timeout: float | None = None):
    """Run a user's query through the guard, read-only, bounded in time and memory."""
    check_read_query(cypher)
    check_params(cypher, params)
    with bounded(store, timeout):
        return store.read(cypher, params, timeout=timeout)
