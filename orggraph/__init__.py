"""orggraph: who holds which post in Vietnam's party and state organizations, from the news.

The project's folders install under this one import name: ``graph/`` is ``orggraph.graph``,
``loaders/`` is ``orggraph.loaders``, ``queries/`` is ``orggraph.queries`` and ``cli/`` is
``orggraph.cli`` (see ``[tool.setuptools.package-dir]`` in pyproject.toml), so ``pip install``
adds a single top-level name to site-packages.
"""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("orggraph")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+unknown"

__all__ = ["open_graph", "__version__"]


def __getattr__(name: str):
    """`from orggraph import open_graph` loads the API on first use (the CLI does not need it)."""
    if name == "open_graph":
        from orggraph.api import open_graph

        return open_graph
    raise AttributeError(f"module 'orggraph' has no attribute {name!r}")
