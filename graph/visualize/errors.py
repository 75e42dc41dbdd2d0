"""The errors a picture can raise; the CLI prints each as one line."""
from __future__ import annotations

from orggraph.graph import lookup
from orggraph.graph.store import StoreError


class VizError(StoreError):
    """A picture that cannot be drawn as asked; the CLI prints it as one line."""


class NotFound(VizError, lookup.NotFound):
    pass


class Ambiguous(VizError, lookup.Ambiguous):
    pass


class TooLarge(VizError):
    pass
