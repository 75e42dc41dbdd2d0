"""CSV files for `neo4j-admin database import full`: `orggraph export graph`.

The offline bulk importer builds a Neo4j database from CSV far faster than MERGE over
Bolt, for graphs of millions of relationships.  Layout (see the Neo4j operations
manual, "Import"):

- `nodes-<Label>.csv`, one per label: `:ID,:LABEL,key,name,…` with typed columns
  (`ordinal:long`, `reported:boolean`, `aliases:string[]`).
- `relationships-<TYPE>.csv`, one per type: `:START_ID,:END_ID,:TYPE,…`.
- `schema.cypher`: the uniqueness constraints the importer does not create; run it
  once after the import (cypher-shell -f schema.cypher, or paste it into Browser).

IDs.  All nodes share the importer's global ID space, and a node's ID is its label and
key, `Person:p:le tien chau@…`, so IDs never collide across labels and one
relationships file per type can point at any of its endpoint labels (OF goes from
Position, Congress and Event).  The `:ID` column has no property name, so the ID is not
stored; `key` is a column of its own.

Values.  Strings are always quoted (an empty string stays empty; an empty field is
null, so the property is absent), quotes doubled.  Arrays are joined with the array
delimiter, `;` (the importer's default) unless an element contains one, when the first
of `|` and U+001F that no element contains is used; the printed command names it.  A
null element of an array is written "␀", as the Neo4j store writes it (graph/neo4j_store.py
reads it back as null).  An empty array is written as an empty field: the importer
imports no empty arrays, so the property is absent after the import.
"""
from __future__ import annotations

import os
import shlex
from dataclasses import dataclass, field
from typing import Any

from orggraph.graph.copy import BATCH_SIZE, iter_node_batches, iter_relationship_batches, node_keys
from orggraph.graph.model import BOOL, DOUBLE, INT, NODES, RELATIONSHIPS, STRINGS
from orggraph.graph.neo4j_store import NULL_ELEMENT, constraint_statements
from orggraph.graph.store import Store, StoreError

ARRAY_DELIMITERS = (";", "|", "\x1f")
COMPOSE_DIR = "/import"  # where `command(compose=True)` mounts the files in the container
_COLUMN_TYPES = {INT: ":long", BOOL: ":boolean", DOUBLE: ":double", STRINGS: ":string[]"}


@dataclass
class BulkExport:
    directory: str
    node_files: dict[str, str] = field(default_factory=dict)  # label -> path
    relationship_files: dict[str, str] = field(default_factory=dict)  # type -> path
    schema_file: str = ""
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    array_delimiter: str = ";"
    multiline: bool = False

    def command(self, database: str = "neo4j", admin: str = "neo4j-admin", compose: bool = False) -> str:
        """An example `neo4j-admin database import full` command line for these files; with
        `compose`, run in the docker-compose.yml service with the files mounted at /import."""
        def path(file: str) -> str:
            return shlex.quote(f"{COMPOSE_DIR}/{os.path.basename(file)}" if compose else file)

        # The database name goes first: since 5.19 a name after --nodes=… is read as one more file.
        lines = [f"{admin} database import full {shlex.quote(database)} --overwrite-destination"]
        if compose:
            mount = shlex.quote(f"{self.directory}:{COMPOSE_DIR}:ro")
            lines[0] = f"docker compose run --rm --no-deps -v {mount} neo4j " + lines[0]
        lines += [f"--nodes={path(file)}" for file in self.node_files.values()]
        lines += [f"--relationships={path(file)}" for file in self.relationship_files.values()]
        options = f"--array-delimiter={shlex.quote(_delimiter_arg(self.array_delimiter))}"
        if self.multiline:
            options += " --multiline-fields=true"
        lines.append(options)
        return " \\\n    ".join(lines)


class _DelimiterInData(Exception):
    pass


def export_graph(store: Store, output_dir: str, *, batch_size: int = BATCH_SIZE) -> BulkExport:
    """Write the CSV files and schema.cypher into `output_dir` (created if needed)."""
    if os.path.exists(output_dir) and not os.path.isdir(output_dir):
        raise StoreError(f"{output_dir} is a file, not a directory")
    os.makedirs(output_dir, exist_ok=True)
    for delimiter in ARRAY_DELIMITERS:
        try:
            return _export(store, output_dir, delimiter, batch_size)
        except _DelimiterInData:
            continue
    raise StoreError("every array delimiter (; | U+001F) occurs inside array values: cannot write CSV arrays")


def _export(store: Store, output_dir: str, delimiter: str, batch_size: int) -> BulkExport:
    out = BulkExport(os.path.abspath(output_dir), array_delimiter=delimiter)
    keys: dict[str, list[str]] = {}
    for node in NODES:
        keys[node.name] = node_keys(store, node.name)
        props = list(node.properties)
        header = [":ID", ":LABEL"] + [p + _COLUMN_TYPES.get(node.properties[p], "") for p in props]
        path = os.path.join(out.directory, f"nodes-{node.name}.csv")
        count = 0
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(",".join(header) + "\n")
            for rows in iter_node_batches(store, node, keys[node.name], batch_size):
                for row in rows:
                    cells = [_id(node.name, row["key"]), node.name]
                    cells += [row.get(p) for p in props]
                    fh.write(_line(cells, [None, None] + [node.properties[p] for p in props], out) + "\n")
                    count += 1
        out.node_files[node.name], out.nodes[node.name] = path, count
    for rel in RELATIONSHIPS:
        props = list(rel.properties)
        header = [":START_ID", ":END_ID", ":TYPE"] + [p + _COLUMN_TYPES.get(rel.properties[p], "") for p in props]
        path = os.path.join(out.directory, f"relationships-{rel.name}.csv")
        count = 0
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(",".join(header) + "\n")
            for from_label, to_label in rel.pairs:
                for rows in iter_relationship_batches(store, rel, from_label, to_label, keys[from_label], batch_size):
                    for row in rows:
                        cells = [_id(from_label, row["src"]), _id(to_label, row["dst"]), rel.name]
                        cells += [row.get(p) for p in props]
                        fh.write(_line(cells, [None, None, None] + [rel.properties[p] for p in props], out) + "\n")
                        count += 1
        out.relationship_files[rel.name], out.relationships[rel.name] = path, count
    out.schema_file = os.path.join(out.directory, "schema.cypher")
    with open(out.schema_file, "w", encoding="utf-8") as fh:
        fh.write("// Run once after `neo4j-admin database import full`: the importer creates no constraints.\n")
        fh.writelines(statement + ";\n" for statement in constraint_statements())
    return out


def _id(label: str, key: str) -> str:
    return f"{label}:{key}"


def _line(cells: list[Any], kinds: list[str | None], out: BulkExport) -> str:
    return ",".join(_cell(value, kind, out) for value, kind in zip(cells, kinds))


def _cell(value: Any, kind: str | None, out: BulkExport) -> str:
    if value is None:
        return ""
    if kind == STRINGS or isinstance(value, list):
        if not value:
            return ""
        elements = [NULL_ELEMENT if e is None else str(e) for e in value]
        if any(out.array_delimiter in e for e in elements):
            raise _DelimiterInData()
        return _quoted(out.array_delimiter.join(elements), out)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return _quoted(str(value), out)


def _quoted(text: str, out: BulkExport) -> str:
    if "\n" in text or "\r" in text:
        out.multiline = True
    return '"' + text.replace('"', '""') + '"'


def _delimiter_arg(delimiter: str) -> str:
    return delimiter if delimiter.isprintable() and not delimiter.isspace() else f"U+{ord(delimiter):04X}"


def read_csv(path: str, array_delimiter: str = ";") -> tuple[list[str], list[list[Any]]]:
    """Read a file back as the importer would (for tests and checks): the header, and
    rows with typed columns converted and arrays split; empty fields are None."""
    import csv

    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        rows = [[_parse(cell, column, array_delimiter) for cell, column in zip(row, header)] for row in reader]
    return header, rows


def _parse(cell: str, column: str, delimiter: str) -> Any:
    if cell == "":
        return None
    kind = column.partition(":")[2]
    if kind == "long":
        return int(cell)
    if kind == "boolean":
        return cell == "true"
    if kind == "string[]":
        return [None if e == NULL_ELEMENT else e for e in cell.split(delimiter)]
    return cell
