"""`orggraph viz …`: interactive pictures of the graph as self-contained HTML pages.

A thin layer: parse the arguments, call graph.visualize, write the page, print its path.
"""
from __future__ import annotations

from typing import List, Optional

import typer

from orggraph.cli.errors import ErrorsAsOneLine
from orggraph.cli.output import ParamOption

app = typer.Typer(cls=ErrorsAsOneLine, no_args_is_help=True,
                  help="Draw hierarchies, careers and congresses as interactive pages that work offline.\n\n"
                       "Each command writes one self-contained HTML file (no internet needed to open it) and "
                       "prints its path. Hover a box or a line for dates, sources and the sentence that says "
                       "so; click to keep the details open. Large pages open at a readable zoom; the search "
                       "box finds a name, the legend's check boxes hide a kind of box.")

OutputOption = typer.Option(None, "--output", "-o", metavar="FILE",
                            help="Write the page here [default: a name from the command, e.g. "
                                 "hierarchy-thanh-uy-hai-phong.html, in the current directory].")
MaxNodesOption = typer.Option(2500, "--max-nodes", min=1, metavar="N",
                              help="Refuse to draw more nodes than this (an unreadable hairball helps nobody).")


def _write(picture, output: Optional[str], kind: str, text: str) -> None:
    from orggraph.graph.visualize import default_filename, write_html

    path = write_html(picture, output or default_filename(kind, text))
    typer.echo(path)
    typer.echo(f"{picture.title}: {picture.node_count} nodes, {picture.edge_count} links", err=True)


@app.command("hierarchy")
def hierarchy(
    ctx: typer.Context,
    org: str = typer.Argument(..., metavar="ORG", help="The organization, e.g. \"Thành ủy Hải Phòng\" "
                              "(diacritics and case optional; part of the name is enough when it is unique)."),
    depth: int = typer.Option(3, "--depth", "-d", min=0, help="Levels of subordinate organizations to draw."),
    on: Optional[str] = typer.Option(None, "--on", metavar="DATE",
                                     help="Show who held the key posts on this ISO date [default: today; on a graph whose "
                                          "latest article is over a year old, that article's date, said on "
                                          "the page]."),
    output: Optional[str] = OutputOption,
    max_nodes: int = MaxNodesOption,
) -> None:
    """The organization tree below ORG and the chain above it, top-down, each organization with its key
    holders on a date."""
    from orggraph.graph.visualize import hierarchy as build

    with ctx.obj.open(read_only=True) as store:
        picture = build(store, org, depth=depth, on=on, max_nodes=max_nodes)
    _write(picture, output, "hierarchy", org)


@app.command("person")
def person(
    ctx: typer.Context,
    name: str = typer.Argument(..., metavar="NAME", help="The person, e.g. \"le tien chau\" (or a Person key)."),
    output: Optional[str] = OutputOption,
    max_nodes: int = MaxNodesOption,
) -> None:
    """A person's career as a timeline: one row per post, grouped by organization, each tenure a bar
    on a time axis; congresses and events on the same axis; undated posts apart. Who held each post
    before and after is in its details."""
    from orggraph.graph.visualize import person as build

    with ctx.obj.open(read_only=True) as store:
        picture = build(store, name, max_nodes=max_nodes)
    _write(picture, output, "person", name)


@app.command("congress")
def congress(
    ctx: typer.Context,
    org: str = typer.Argument(..., metavar="ORG", help="The organization whose congress to draw."),
    ordinal: Optional[int] = typer.Option(None, "--ordinal", "-n", min=1, metavar="N",
                                          help="Which congress (lần thứ N) [default: the latest in the graph]."),
    output: Optional[str] = OutputOption,
    max_nodes: int = MaxNodesOption,
) -> None:
    """A congress of ORG: its organization and who attended it, grouped by role (chair, elected,
    speaker, delegate, guest)."""
    from orggraph.graph.visualize import congress as build

    with ctx.obj.open(read_only=True) as store:
        picture = build(store, org, ordinal=ordinal, max_nodes=max_nodes)
    _write(picture, output, "congress", org + (f"-{ordinal}" if ordinal else ""))


@app.command("query")
def query(
    ctx: typer.Context,
    cypher: str = typer.Argument(..., help="A read-only Cypher query, e.g. "
                                 "\"MATCH path = (p:Person)-[:HELD_OFFICE]->(:Position)-[:OF]->(:Organization) "
                                 "RETURN path\"."),
    param: Optional[List[str]] = ParamOption,
    output: Optional[str] = OutputOption,
    timeout: float = typer.Option(30.0, "--timeout", min=0,
                                  help="Stop the query after this many seconds (0: no limit)."),
    max_nodes: int = MaxNodesOption,
) -> None:
    """Draw what a read-only query returns (the same guard as `orggraph query`: only reading clauses).

    Nodes, relationships and paths in the result are drawn; other values are
    ignored. Return paths (MATCH path = … RETURN path) to draw exactly what was
    matched. A relationship returned on its own (RETURN a, r, b) joins the
    nearest node column before it to the nearest one after it in the same row,
    pointing the way the schema says (the embedded store does not say which
    nodes a returned relationship joins);
    nodes(path) followed by relationships(path) are paired up; node columns in
    one row with nothing between them are joined by a dashed "same row" line.
    """
    from orggraph.cli.main import parse_params
    from orggraph.graph.query_guard import bounded, check_params, check_read_query
    from orggraph.graph.visualize import query_picture

    params = parse_params(param)
    check_read_query(cypher)  # the same guard as `orggraph query`
    check_params(cypher, params)
    with ctx.obj.open(read_only=True) as store, bounded(store, timeout or None):
        picture = query_picture(store, cypher, params, timeout=timeout or None, max_nodes=max_nodes)
    _write(picture, output, "query", cypher)
