"""One printer for every command that prints rows: table, JSON or CSV.

`json` is one JSON array of objects keyed by column name (scripts and the
evaluation rely on it); `csv` has a header row, lists as JSON; `table` is for
people and shortens long lists of evidence.
"""
from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from typing import Any, Iterable, TextIO

import typer


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


# Options every row-printing command shares.
FormatOption = typer.Option(Format.table, "--format", "-f", help="Output as a table, one JSON array, or CSV.")
ParamOption = typer.Option(None, "--param", "-p", metavar="NAME=VALUE", help="A query parameter (repeatable).")


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


def print_rows(columns: list[str], rows: Iterable[list[Any]], fmt: Format | str = Format.table,
               out: TextIO | None = None, title: str | None = None) -> int:
    """Print rows; return how many were printed."""
    out = out or sys.stdout
    fmt = Format(fmt)
    rows = list(rows)
    if fmt is Format.json:
        json.dump([dict(zip(columns, row)) for row in rows], out, ensure_ascii=False, default=str)
        out.write("\n")
    elif fmt is Format.csv:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else
                             ("" if v is None else v) for v in row])
    else:
        _print_table(columns, rows, out, title)
    return len(rows)


def _print_table(columns: list[str], rows: list[list[Any]], out: TextIO, title: str | None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, width=None if out.isatty() else 200, soft_wrap=False)
    table = Table(title=title, show_lines=False, header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*[_cell(v) for v in row])
    console.print(table)
    if not rows:
        console.print("(no rows)")
