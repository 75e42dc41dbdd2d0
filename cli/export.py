"""`orggraph export …`: write what the graph holds to files."""
from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Optional

import typer

from orggraph.cli.errors import ErrorsAsOneLine
from orggraph.cli.output import Format, MinConfidenceOption, print_rows

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
    min_confidence: Optional[float] = MinConfidenceOption,
) -> None:
    """One row per statement: held_office, subordinate_to, congress, attended, each with source and evidence."""
    from orggraph.graph.export import ALL_COLUMNS, iter_facts

    settings = ctx.obj
    with settings.open(read_only=True) as store:
        facts = list(iter_facts(store, min_confidence))
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


class GraphFormat(str, Enum):
    neo4j = "neo4j"
    graphml = "graphml"
    gexf = "gexf"


@app.command("graph")
def export_graph(
    ctx: typer.Context,
    fmt: GraphFormat = typer.Option(GraphFormat.neo4j, "--format", "-f",
                                    help="neo4j: CSV files for neo4j-admin; graphml or gexf: one file for "
                                         "Gephi, Cytoscape or networkx."),
    output_dir: str = typer.Option("neo4j-import", "--output-dir", "-d", metavar="DIR",
                                   help="Where to write the CSV files (created if needed)."),
    output: Optional[str] = typer.Option(None, "--output", "-o", metavar="FILE",
                                         help="The GraphML or GEXF file [default: graph.graphml or graph.gexf]."),
    compose: bool = typer.Option(False, "--compose", help="Print the command for the docker-compose.yml "
                                 "service (files mounted at /import) rather than a local neo4j-admin."),
) -> None:
    """The whole graph: CSV files for `neo4j-admin database import full` (and the command line
    to run), or one GraphML or GEXF file.

    neo4j: one nodes file per label (nodes-Person.csv …), one relationships file per type
    (relationships-HELD_OFFICE.csv …), and schema.cypher with the constraints to create
    after the import; the command line is printed on stdout.  graphml, gexf: node ids are
    Label:key, lists are JSON strings (nx.read_graphml reads it back).
    """
    from orggraph.graph.bulk_export import export_graph as write_files

    settings = ctx.obj
    if fmt is not GraphFormat.neo4j:
        from orggraph.graph.networkx_export import write_graph_file

        path = output or f"graph.{fmt.value}"
        with settings.open(read_only=True) as store:
            graph = write_graph_file(store, path, fmt.value)
        typer.echo(f"wrote {graph.number_of_nodes()} nodes and {graph.number_of_edges()} relationships to {path}",
                   err=True)
        return
    with settings.open(read_only=True) as store:
        done = write_files(store, output_dir)
    typer.echo(f"wrote {sum(done.nodes.values())} nodes in {len(done.node_files)} files and "
               f"{sum(done.relationships.values())} relationships in {len(done.relationship_files)} files "
               f"to {done.directory}", err=True)
    if compose:
        typer.echo("Import them with the service stopped (docker compose stop neo4j); this replaces its "
                   "database 'neo4j':", err=True)
        typer.echo(done.command(compose=True))
        typer.echo("then docker compose start neo4j, and create the constraints: docker compose exec -T neo4j "
                   f"cypher-shell -u neo4j -p \"$NEO4J_PASSWORD\" < {done.schema_file}", err=True)
    else:
        typer.echo("Import them into a stopped Neo4j (this replaces its database 'neo4j'):", err=True)
        typer.echo(done.command())
        typer.echo(f"then start it and create the constraints: cypher-shell -u neo4j -f {done.schema_file}",
                   err=True)
