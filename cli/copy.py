"""`orggraph copy --to-neo4j URI`: move the embedded graph into Neo4j without re-extracting.

cli/main.py calls `register(app)`; the command reads the embedded database (`--db`,
opened read-only) and merges every node and relationship into the Neo4j server, in
batches, one transaction each (graph/copy.py).  Running it again changes nothing.
"""
from __future__ import annotations

import sys

import typer


def register(app: typer.Typer) -> None:
    """Add the `copy` command to the `orggraph` app."""

    @app.command("copy")
    def copy(
        ctx: typer.Context,
        to_neo4j: str = typer.Option(..., "--to-neo4j", metavar="URI", envvar="NEO4J_URI", show_envvar=True,
                                     help="The Neo4j server to copy into, e.g. bolt://localhost:7687 (user and "
                                          "password from NEO4J_USERNAME, NEO4J_PASSWORD; NEO4J_DATABASE)."),
        batch_size: int = typer.Option(1000, "--batch-size", min=1, help="Nodes or relationships per transaction."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress and no summary."),
    ) -> None:
        """Copy the embedded graph (--db) into a Neo4j server, without re-extracting.

        Nodes are merged on key and every property set from the embedded graph; running it
        again changes nothing, and nothing only Neo4j holds is deleted.
        Example: orggraph copy --to-neo4j bolt://localhost:7687
        """
        from orggraph.graph.copy import copy_graph
        from orggraph.graph.neo4j_store import Neo4jStore
        from orggraph.graph.store import open_store

        db = ctx.obj.db  # always the embedded store, whatever --neo4j / NEO4J_URI says
        show_progress = not quiet and sys.stderr.isatty()

        def on_progress(summary) -> None:
            typer.echo(f"\rcopying: {summary.node_count} nodes, {summary.relationship_count} relationships",
                       err=True, nl=False)

        with open_store(db, read_only=True) as source, Neo4jStore(to_neo4j) as target:
            summary = copy_graph(source, target, batch_size=batch_size,
                                 on_progress=on_progress if show_progress else None)
        if show_progress:
            typer.echo("\r\033[K", err=True, nl=False)
        if not quiet:
            typer.echo(f"{summary.line()}: from {db} to {to_neo4j}", err=True)
