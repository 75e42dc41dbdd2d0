"""One printer, and one set of output options, for every command that prints rows.

`--format table|json|jsonl|csv|tsv` (`-f`): `json` is one JSON array of objects keyed
by column name (scripts and the evaluation rely on it); `jsonl` one object per line;
`csv` and `tsv` have a header row, lists and objects as JSON. `table` is for people:
it fits the terminal's width and leaves out long columns (evidence) unless `--evidence`.
`--columns a,b` chooses the columns in every format.
"""
from __future__ import annotations

import csv
import functools
import inspect
import json
import os
import sys
import typing
from dataclasses import dataclass
from enum import Enum
from typing import Any, Iterable, Optional, TextIO

import typer

from orggraph.graph.store import StoreError


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"


MinConfidenceOption = typer.Option(
    None, "--min-confidence", min=0.0, max=1.0, metavar="X",
    help="Leave out what rests only on statements less sure than X (0 to 1; extraction keeps only those of 0.5 "
         "and more, so by default nothing stored is left out).")

# Columns too long for a table row; shown in tables only with --evidence (or by --columns).
LONG_COLUMNS = ("evidence", "more_evidence")
PIPE_WIDTH = 200  # table width when stdout is not a terminal and COLUMNS is not set

FormatOption = typer.Option(Format.table, "--format", "-f",
                            help="table (fits the terminal), json (one array), jsonl (one object per line), "
                                 "csv or tsv.")
ColumnsOption = typer.Option(None, "--columns", "-c", metavar="A,B,…",
                             help="Only these columns, in this order (any format).")
EvidenceOption = typer.Option(False, "--evidence", help="Show the evidence sentences in a table too "
                                                         "(json, jsonl, csv and tsv always have them).")
ParamOption = typer.Option(None, "--param", "-p", metavar="NAME=VALUE", help="A query parameter (repeatable).")


@dataclass
class Output:
    """How the user asked rows to be printed."""

    fmt: Format = Format.table
    columns: Optional[str] = None
    evidence: bool = False

    def choose(self, columns: list[str], rows: list[list[Any]]) -> tuple[list[str], list[list[Any]]]:
        if self.columns:
            wanted = [c.strip() for c in self.columns.split(",") if c.strip()]
            unknown = [c for c in wanted if c not in columns]
            if unknown:
                raise StoreError(f"--columns: no column {unknown[0]!r}; the columns are: {', '.join(columns)}")
        elif Format(self.fmt) is Format.table and not self.evidence:
            wanted = [c for c in columns if c not in LONG_COLUMNS]
        else:
            return columns, rows
        index = [columns.index(c) for c in wanted]
        return wanted, [[row[i] for i in index] for row in rows]

    def print(self, columns: list[str], rows: Iterable[list[Any]], out: TextIO | None = None,
              title: str | None = None) -> int:
        """Print rows as asked; return how many were printed."""
        columns, rows = self.choose(list(columns), [list(r) for r in rows])
        return print_rows(columns, rows, self.fmt, out=out, title=title)


def rows_command(func):
    """Give a row-printing command the shared options (--format, --columns, --evidence);
    the command receives them as `output: Output`."""
    signature = inspect.signature(func)
    shared = [inspect.Parameter("fmt", inspect.Parameter.KEYWORD_ONLY, default=FormatOption, annotation=Format),
              inspect.Parameter("columns", inspect.Parameter.KEYWORD_ONLY, default=ColumnsOption,
                                annotation=Optional[str]),
              inspect.Parameter("evidence", inspect.Parameter.KEYWORD_ONLY, default=EvidenceOption,
                                annotation=bool)]
    hints = typing.get_type_hints(func)
    params = [p.replace(annotation=hints.get(p.name, p.annotation)) for p in signature.parameters.values()
              if p.name != "output"]

    @functools.wraps(func)
    def command(*args, fmt: Format, columns: Optional[str], evidence: bool, **kwargs):
        return func(*args, output=Output(fmt, columns, evidence), **kwargs)

    command.__signature__ = signature.replace(parameters=params + shared)
    command.__annotations__ = {p.name: p.annotation for p in params + shared}
    del command.__wrapped__  # Typer must see the new signature, not the wrapped one
    return command


def _cell(value: Any, limit: int = 80) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        parts = [_cell(v, limit) for v in value if v is not None]
        text = " | ".join(parts)
        return text if len(text) <= limit * 2 else text[: limit * 2 - 1] + "…"
    if isinstance(value, dict):
        label = value.get("_label") or value.get("_type")
        name = value.get("name") or value.get("title") or value.get("key")
        return f"({label}: {name})" if label and name else json.dumps(value, ensure_ascii=False)
    text = str(value)
    return text if len(text) <= limit * 3 else text[: limit * 3 - 1] + "…"


def _flat(value: Any) -> Any:
    """A value for one CSV/TSV cell: lists and objects as JSON, null as empty."""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else value


def print_rows(columns: list[str], rows: Iterable[list[Any]], fmt: Format | str = Format.table,
               out: TextIO | None = None, title: str | None = None) -> int:
    """Print rows (all columns); return how many were printed."""
    out = out or sys.stdout
    fmt = Format(fmt)
    rows = list(rows)
    if fmt is Format.json:
        json.dump([dict(zip(columns, row)) for row in rows], out, ensure_ascii=False, default=str)
        out.write("\n")
    elif fmt is Format.jsonl:
        for row in rows:
            out.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=str) + "\n")
    elif fmt in (Format.csv, Format.tsv):
        writer = csv.writer(out, lineterminator="\n", delimiter="," if fmt is Format.csv else "\t")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_flat(v) for v in row])
    else:
        _print_table(columns, rows, out, title)
    return len(rows)


def terminal_width(out: TextIO) -> int | None:
    """The terminal's width (None: let rich ask it); COLUMNS when set; else wide, for pipes."""
    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    return None if out.isatty() else PIPE_WIDTH


TEXT_MIN = 16  # a wrapping text column gets at least this many characters
PADDING = 3  # characters between two table columns (a space and its padding)


def _print_table(columns: list[str], rows: list[list[Any]], out: TextIO, title: str | None) -> None:
    """A table that fits the width: headers whole, short columns (dates, statuses) unwrapped,
    long text wrapped on words. When even that is too wide, one block per row, each line a
    column and its value (psql's expanded display)."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, width=terminal_width(out), soft_wrap=False, highlight=False)
    cells = [[_cell(v) for v in row] for row in rows]
    longest = [max([len(r[i]) for r in cells] + [0]) for i in range(len(columns))]
    needs = [max(len(c), min(n, TEXT_MIN)) for c, n in zip(columns, longest)]
    if sum(needs) + PADDING * (len(columns) - 1) > console.width:
        if rows:
            _print_records(console, columns, cells, title)
        else:
            console.print("(no rows)")
        return
    table = Table(title=title, box=box.SIMPLE_HEAD, show_edge=False, header_style="bold", pad_edge=False)
    for column, n, need in zip(columns, longest, needs):
        table.add_column(column, overflow="fold", no_wrap=n <= need, min_width=need)
    for row in cells:
        table.add_row(*row)
    console.print(table)
    if not rows:
        console.print("(no rows)")


def _print_records(console, columns: list[str], cells: list[list[str]], title: str | None) -> None:
    from rich.table import Table

    if title:
        console.print(title)
    width = max(len(c) for c in columns)
    for number, row in enumerate(cells, 1):
        console.rule(f"{number}", align="left", characters="─")
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True, min_width=width)
        grid.add_column(overflow="fold")
        for column, value in zip(columns, row):
            if value:
                grid.add_row(column, value)
        console.print(grid)
