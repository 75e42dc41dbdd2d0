"""`orggraph viz …`: interactive pictures of the graph as self-contained HTML pages."""
from __future__ import annotations

import typer

from cli.errors import ErrorsAsOneLine

app = typer.Typer(cls=ErrorsAsOneLine, no_args_is_help=True,
                  help="Draw hierarchies, careers and congresses as interactive pages that work offline.")
