"""The errors users can cause become one line on stderr and a non-zero exit."""
from __future__ import annotations

import typer
from typer.core import TyperGroup

try:
    from typer._click.exceptions import UsageError  # recent Typer vendors Click
except ImportError:  # pragma: no cover - Typer with Click as a dependency
    from click.exceptions import UsageError


def _one_line(exc: UsageError) -> bool:
    """Usage errors become one line, except "no arguments: here is the help"."""
    return type(exc).__name__ != "NoArgsIsHelpError"

from orggraph.graph.store import StoreError
from orggraph.loaders.dates import DateError

EXIT_ERROR = 1
EXIT_USAGE = 2  # Click's code for a bad option or argument


PREFIX = "error: "  # the one prefix of every error line


def fail(message: str, code: int = EXIT_ERROR) -> None:
    """Print one error line on stderr and exit."""
    typer.echo(PREFIX + message, err=True)
    raise typer.Exit(code)


class ErrorsAsOneLine(TyperGroup):
    """Turn the errors users can cause into one line on stderr: exit code 1, or 2 for a bad
    option or argument."""

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except UsageError as exc:  # a bad global option (`orggraph --nope`)
            if not _one_line(exc):
                raise
            fail(f"{exc.format_message()} (see {info_name} --help)", EXIT_USAGE)

    def invoke(self, ctx: typer.Context):
        try:
            return super().invoke(ctx)
        except (StoreError, DateError) as exc:
            fail(str(exc))
        except OSError as exc:
            fail(f"{exc.strerror or exc}{': ' + exc.filename if exc.filename else ''}")
        except UsageError as exc:  # Click would print usage lines and "Error:"; one line, one prefix
            if not _one_line(exc):
                raise
            where = exc.ctx.command_path if exc.ctx else ctx.command_path
            fail(f"{exc.format_message()} (see {where} --help)", EXIT_USAGE)
        except KeyboardInterrupt:
            typer.echo("interrupted", err=True)
            ctx.exit(130)
