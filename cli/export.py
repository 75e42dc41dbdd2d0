"""`orggraph export …`: write what the graph holds to files."""
from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Optional

import typer

from cli.errors import ErrorsAsOneLine
from cli.output import Format, print_rows

app = typer.Typer(cls=ErrorsAsOneLine, no_args_is_help=True, help="Write what the graph holds to files.")


class FactsFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    json = "json"


@app.command("facts")
def export_facts(
    ctx: typer.Context,
    fmt: FactsFormat = typer.Option(FactsFormat.jsonl, "--format", "-f",
                                    help="jsonl: one fact per line (what the evaluation reads); csv; json array."),
    output: Optional[str] = typer.Option(None, "--output", "-o", metavar="FILE", help="Write to FILE, not stdout."),
) -> None:
    """One row per statement: held_office, subordinate_to, congress, attended, each with source and evidence."""
    from graph.export import ALL_COLUMNS, iter_facts

    settings = ctx.obj
    with settings.open(read_only=True) as store:
        facts = list(iter_facts(store))
    out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt is FactsFormat.jsonl:
            for fact in facts:
                out.write(json.dumps(fact, ensure_ascii=False) + "\n")
        else:
            rows = [[fact.get(c) for c in ALL_COLUMNS] for fact in facts]
            print_rows(ALL_COLUMNS, rows, Format.csv if fmt is FactsFormat.csv else Format.json, out=out)
    finally:
        if output:
            out.close()
    if output:
        typer.echo(f"wrote {len(facts)} facts to {output}", err=True)
