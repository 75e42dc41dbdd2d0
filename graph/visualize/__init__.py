"""Pictures people can read: hierarchies, careers, congresses and query results as
self-contained interactive HTML pages.

Each picture is built in three steps:

1. **query** the store (Cypher that LadybugDB and Neo4j both accept) into a
   networkx graph whose nodes carry their label (`group`), a display text, a
   tooltip and a detail text (dates, sources, the evidence sentence):
   `hierarchy.py`, `person.py`, `congress.py`, `query.py` (one page each), with
   `lookup.py` (finding what to draw), `text.py` (dates, provenance, tooltips)
   and `words.py` (the Vietnamese words and colors);
2. **lay it out** in Python (`layout.py`: `x`, `y` per node: a top-down tree for
   hierarchies, rows for careers and congresses, BFS layers for anything else),
   so the page needs no physics simulation and a 2,000-node page draws in seconds;
3. **render** one HTML file (`render.py`, with `page.css` and `page.js`) with
   vis-network inlined (the copy pyvis ships), a legend, tooltips and a detail
   panel.  The page refers to no URL: no CDN, no stylesheet, no web font; it
   works from a USB stick on a plane.

Pictures above a size limit (`DEFAULT_MAX_NODES`) are refused with `TooLarge`
rather than drawn as an unreadable hairball.

`browser.render_offline` opens a page in headless Chromium with the network cut
off, takes a screenshot and reports what the page tried to fetch; the tests and
`benchmarks/viz.py` use it.
"""
from __future__ import annotations

from orggraph.graph.visualize.browser import (Box, OpeningView, Rendering, drawn_fraction, external_references,
                                              find_chromium, opening_view, render_offline)
from orggraph.graph.visualize.congress import congress
from orggraph.graph.visualize.hierarchy import hierarchy
from orggraph.graph.visualize.layout import (BOLD_SIZE, CHAR, FONT_SIZE, LINE_HEIGHT, MARGIN, estimate_size,
                                             layout_grid, layout_layers, layout_row, layout_tree, set_size)
from orggraph.graph.visualize.lookup import find_organization, find_person
from orggraph.graph.visualize.person import person
from orggraph.graph.visualize.errors import Ambiguous, NotFound, TooLarge, VizError
from orggraph.graph.visualize.picture import (BIG_EDGES, BIG_NODES, DEFAULT_DEPTH, DEFAULT_MAX_NODES, Picture,
                                              check_size)
from orggraph.graph.visualize.query import QUERY_HELP, query_picture
from orggraph.graph.visualize.render import page_data, render_html, vis_js_path, write_html
from orggraph.graph.visualize.text import (check_date, clip, covers, default_filename, describe_node, markup,
                                           node_tip, provenance, slug, tenure_text, wrap)
from orggraph.graph.visualize.words import STYLES, Style
from orggraph.loaders.normalize import fold

__all__ = [
    "Ambiguous", "BIG_EDGES", "Box", "OpeningView", "opening_view", "BIG_NODES", "BOLD_SIZE", "CHAR", "DEFAULT_DEPTH", "DEFAULT_MAX_NODES", "FONT_SIZE",
    "LINE_HEIGHT", "MARGIN", "NotFound", "Picture", "QUERY_HELP", "Rendering", "STYLES", "Style", "TooLarge",
    "VizError", "check_date", "check_size", "clip", "congress", "covers", "default_filename", "describe_node",
    "drawn_fraction", "estimate_size", "external_references", "find_chromium", "find_organization", "find_person",
    "fold", "hierarchy", "layout_grid", "layout_layers", "layout_row", "layout_tree", "markup", "node_tip",
    "page_data", "person", "provenance", "query_picture", "render_html", "render_offline", "set_size", "slug",
    "tenure_text", "vis_js_path", "wrap", "write_html",
]
