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
