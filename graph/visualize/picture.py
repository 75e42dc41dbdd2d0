"""What every page builder returns: a `Picture` (a networkx graph whose nodes and edges carry
their display attributes), the size limits, and how a box is added to it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from orggraph.graph.visualize.errors import TooLarge
from orggraph.graph.visualize.layout import BOLD_SIZE, FONT_SIZE, set_size
from orggraph.graph.visualize.text import markup, node_tip

DEFAULT_MAX_NODES = 2500
DEFAULT_DEPTH = 3
# Above these sizes the page drops edge labels and curved edges (both cost time on every redraw).
BIG_NODES = 300
BIG_EDGES = 600
# The longest chain above an organization that is followed (guards against cycles in bad data).
MAX_ANCESTOR_LEVELS = 12
# Key holders written inside an organization's box; the rest are in its detail text.
MAX_HOLDER_LINES = 6
# Other holders of the same post shown on each side of a person's tenure.
MAX_OTHER_HOLDERS = 6




@dataclass
class Picture:
    """A graph ready to render: nodes and edges carry their display attributes.

    Node attributes: `group` (the node's label: Organization, Person…), `text` (what the
    box says; `<b>`/`<i>` allowed, other text escaped by `markup`), `tip` (tooltip), `detail`
    (the full text the panel shows on click), `x`, `y`, `w`, `h`, and optionally `focus` (drawn
    darker) and `fixed_w`/`fixed_h` (drawn exactly `w` wide / `h` high: timeline bars, label
    columns).  Edge attributes: `type`, `text`, `tip`, `detail`, `dashes`, `arrow` (bool),
    `smooth` (a vis smooth option or None), `color`.

    `axis` (timelines): the year ticks and the rows' top and bottom, drawn behind the boxes.
    """

    graph: nx.MultiDiGraph
    title: str
    subtitle: str = ""
    kind: str = "query"
    notes: list[str] = field(default_factory=list)
    axis: dict | None = None

    @property
    def node_count(self) -> int:
        return self.graph.number_of_nodes()

    @property
    def edge_count(self) -> int:
        return self.graph.number_of_edges()


def check_size(count: int, max_nodes: int | None, what: str = "the picture") -> None:
    if max_nodes and count > max_nodes:
        raise TooLarge(f"{what} would have {count:,} nodes, above the limit of {max_nodes:,}: "
                       f"narrow it (a smaller --depth, a query with LIMIT) or raise --max-nodes")


def _add_box(g: nx.MultiDiGraph, key: Any, group: str, *, bold: list[str] = (), plain: list[str] = (),
             ital: list[str] = (), detail: str = "", tip: str | None = None, focus: bool = False) -> None:
    """A node whose label has bold, plain and italic lines (escaped), with its detail text, tooltip and size."""
    text = ([f"<b>{markup(line)}</b>" for line in bold] + [markup(line) for line in plain]
            + [f"<i>{markup(line)}</i>" for line in ital])
    g.add_node(key, group=group, text="\n".join(text), detail=detail,
               tip=node_tip(detail if tip is None else tip), focus=focus)
    set_size(g, key, [(line, BOLD_SIZE) for line in bold] + [(line, FONT_SIZE) for line in (*plain, *ital)])
