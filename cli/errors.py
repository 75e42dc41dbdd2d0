"""The errors users can cause become one line on stderr and a non-zero exit."""
from __future__ import annotations

import typer
from typer.core import TyperGroup

from orggraph.graph.store import StoreError

EXIT_ERROR = 1


class ErrorsAsOneLine(TyperGroup):
    """Turn the errors users can cause into one line on stderr and exit code 1."""

    def invoke(self, ctx: typer.Context):
        try:
            return super().invoke(ctx)
        except StoreError as exc:
            typer.echo(f"error: {exc}", err=True)
            ctx.exit(EXIT_ERROR)
        except OSError as exc:
            typer.echo(f"error: {exc.strerror or exc}{': ' + exc.filename if exc.filename else ''}", err=True)
            ctx.exit(EXIT_ERROR)
        except KeyboardInterrupt:
            typer.echo("interrupted", err=True)
            ctx.exit(130)
