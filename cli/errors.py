"""The errors users can cause become one line on stderr and a non-zero exit."""
from __future__ import annotations

import typer
from typer.core import TyperGroup

from orggraph.graph.store import StoreError
from orggraph.loaders.dates import DateError

EXIT_ERROR = 1


PREFIX = "error: "  # the one prefix of every error line


def fail(message: str, code: int = EXIT_ERROR) -> None:
    """Print one error line on stderr and exit."""
    typer.echo(PREFIX + message, err=True)
    raise typer.Exit(code)


class ErrorsAsOneLine(TyperGroup):
    """Turn the errors users can cause into one line on stderr and exit code 1."""

    def invoke(self, ctx: typer.Context):
        try:
            return super().invoke(ctx)
        except (StoreError, DateError) as exc:
            fail(str(exc))
        except OSError as exc:
            fail(f"{exc.strerror or exc}{': ' + exc.filename if exc.filename else ''}")
        except KeyboardInterrupt:
            typer.echo("interrupted", err=True)
            ctx.exit(130)
