"""Positions in pure Python (the pages need positions, not a physics engine): box sizes from
their label lines, a top-down tree, rows, grids, BFS layers for any graph and a timeline."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import networkx as nx

CHAR = 0.6  # average glyph width in em (DejaVu Sans, the widest of the usual fallbacks)
FONT_SIZE = 14
BOLD_SIZE = 15
MARGIN = 10
LINE_HEIGHT = 20  # px per label line (vis spaces lines by font size; taller lines keep diacritics apart)
STRUT = "<code>\u200b</code>"


def estimate_size(lines: list[tuple[str, int]]) -> tuple[float, float]:
    """(width, height) in px of a box whose label has these (text, font size) lines."""
    width = max((len(t) * s * CHAR + LINE_HEIGHT * CHAR for t, s in lines), default=40) + 2 * MARGIN
    height = sum(max(s, LINE_HEIGHT) for _, s in lines) + 2 * MARGIN
    return max(width, 60.0), max(height, 34.0)


def set_size(g: nx.MultiDiGraph, n: Any, lines: list[tuple[str, int]]) -> None:
    w, h = estimate_size(lines)
    g.nodes[n]["w"], g.nodes[n]["h"] = w, h


def layout_tree(g: nx.MultiDiGraph, root: Any, children: dict[Any, list], *, hgap: float = 36, vgap: float = 70,
                y0: float = 0.0, aspect: float = 1.6) -> None:
    """Top-down tree below `root` (children lists give the order); sets x, y.

    Leaves under a parent whose children are all leaves are packed in a grid of k columns under
    it; k is chosen, from none to one column, so that the whole tree is closest to `aspect`
    (width / height) without going below it: small trees keep their leaves side by side, a
    province with hundreds of grassroots organizations gets tidy columns instead of a thin line."""
    depth: dict[Any, int] = {root: 0}
    order = [root]
    for n in order:
        for c in children.get(n, []):
            if c not in depth:
                depth[c] = depth[n] + 1
                order.append(c)
    kids = {n: [c for c in children.get(n, []) if depth.get(c) == depth[n] + 1] for n in order}
    seen: set = {root}  # a node is the child of the first parent that reached it (the BFS tree)
    for n in order:
        kids[n] = [c for c in kids[n] if not (c in seen or seen.add(c))]
    leafy = [n for n in order if kids[n] and all(not kids[c] for c in kids[n])]
    level_h: dict[int, float] = {}
    for n in order:
        level_h[depth[n]] = max(level_h.get(depth[n], 0), g.nodes[n]["h"])
    level_y, y = {}, y0
    for d in sorted(level_h):
        if d:
            y += level_h[d - 1] / 2 + vgap + level_h[d] / 2
        level_y[d] = y
    row_gap = vgap / 2

    def rows_of(n, cols):
        ks = kids[n]
        return [ks[i:i + cols] for i in range(0, len(ks), cols)]

    def measure(cols):
        width: dict[Any, float] = {}
        bottom = max(level_y[d] + level_h[d] / 2 for d in level_h)
        for n in reversed(order):
            if cols and n in wrapped_set and len(kids[n]) > cols:
                rows = rows_of(n, cols)
                block = max(sum(g.nodes[c]["w"] for c in row) + hgap * (len(row) - 1) for row in rows)
                row_y = level_y[depth[n] + 1]
                for row in rows:
                    bottom = max(bottom, row_y + max(g.nodes[c]["h"] for c in row) / 2)
                    row_y += max(g.nodes[c]["h"] for c in row) + row_gap
            elif kids[n]:
                block = sum(width[c] for c in kids[n]) + hgap * (len(kids[n]) - 1)
            else:
                block = 0
            width[n] = max(g.nodes[n]["w"], block)
        return width, width[root], bottom - (y0 - level_h[0] / 2)

    wrapped_set = set(leafy)
    most = max((len(kids[n]) for n in leafy), default=0)
    candidates = [None] + [k for k in (24, 16, 12, 8, 6, 4, 3, 2, 1) if k < most]
    best = None
    for cols in candidates:
        width, w, h = measure(cols)
        ratio = w / max(h, 1.0)
        score = abs(math.log(ratio / aspect))
        if best is None or score < best[0]:
            best = (score, cols, width)
        if ratio <= aspect:
            break
    _, cols, width = best

    def place(n, left):
        g.nodes[n]["y"] = level_y[depth[n]]
        g.nodes[n]["x"] = left + width[n] / 2
        if cols and n in wrapped_set and len(kids[n]) > cols:
            row_y = level_y[depth[n] + 1]
            for row in rows_of(n, cols):
                row_h = max(g.nodes[c]["h"] for c in row)
                x = left + (width[n] - sum(g.nodes[c]["w"] for c in row) - hgap * (len(row) - 1)) / 2
                for c in row:
                    g.nodes[c]["x"], g.nodes[c]["y"] = x + g.nodes[c]["w"] / 2, row_y
                    x += g.nodes[c]["w"] + hgap
                row_y += row_h + row_gap
        elif kids[n]:
            x = left + (width[n] - sum(width[c] for c in kids[n]) - hgap * (len(kids[n]) - 1)) / 2
            for c in kids[n]:
                place(c, x)
                x += width[c] + hgap
            g.nodes[n]["x"] = (g.nodes[kids[n][0]]["x"] + g.nodes[kids[n][-1]]["x"]) / 2

    place(root, 0.0)


def layout_row(g: nx.MultiDiGraph, nodes: list, y: float, center: float = 0.0, hgap: float = 30) -> float:
    """Nodes side by side, centered on `center`; returns the row's height."""
    if not nodes:
        return 0.0
    total = sum(g.nodes[n]["w"] for n in nodes) + hgap * (len(nodes) - 1)
    x = center - total / 2
    for n in nodes:
        g.nodes[n]["x"], g.nodes[n]["y"] = x + g.nodes[n]["w"] / 2, y
        x += g.nodes[n]["w"] + hgap
    return max(g.nodes[n]["h"] for n in nodes)


def layout_grid(g: nx.MultiDiGraph, nodes: list, top: float, cols: int, center: float = 0.0,
                hgap: float = 24, vgap: float = 26) -> float:
    """Nodes in rows of `cols` starting at `top` (the first row's top edge); returns the y below the grid."""
    y = top
    for i in range(0, len(nodes), cols):
        row = nodes[i:i + cols]
        h = max(g.nodes[n]["h"] for n in row)
        layout_row(g, row, y + h / 2, center, hgap)
        y += h + vgap
    return y


def layout_layers(g: nx.MultiDiGraph, *, hgap: float = 30, vgap: float = 80, max_row: int | None = None) -> None:
    """Any graph: each connected part in BFS layers from its best-connected node (rows ordered by
    the mean position of their neighbors above), long layers wrapped, parts packed in shelves."""
    und = nx.Graph()
    und.add_nodes_from(g.nodes)
    und.add_edges_from((u, v) for u, v, _ in g.edges(keys=True) if u != v)
    parts = sorted((sorted(c, key=str) for c in nx.connected_components(und)), key=lambda c: (-len(c), str(c[0])))
    total_area = sum(g.nodes[n]["w"] * g.nodes[n]["h"] * 3 for n in g.nodes) or 1
    target_w = max(1400.0, math.sqrt(total_area) * 1.6)
    boxes = []
    for part in parts:
        root = max(part, key=lambda n: (und.degree(n), -len(str(n))))
        layers = [[root]]
        seen = {root}
        while True:
            pos = {n: i for i, n in enumerate(layers[-1])}
            nxt = {}
            for n in layers[-1]:
                for m in und.neighbors(n):
                    if m not in seen:
                        seen.add(m)
                        nxt[m] = []
            if not nxt:
                break
            for m in nxt:
                nxt[m] = [pos[k] for k in und.neighbors(m) if k in pos]
            layers.append(sorted(nxt, key=lambda m: (sum(nxt[m]) / len(nxt[m]) if nxt[m] else 0, str(m))))
        # Long layers wrap into rows of a length that makes the part about 1.6 times wider than tall.
        mean_w = sum(g.nodes[n]["w"] for n in part) / len(part) + hgap
        mean_h = sum(g.nodes[n]["h"] for n in part) / len(part) + vgap
        row_cap = max_row or max(6, int(math.sqrt(1.6 * len(part) * mean_h / mean_w)))
        rows = []
        for layer in layers:
            rows.extend(layer[i:i + row_cap] for i in range(0, len(layer), row_cap))
        y, width = 0.0, 0.0
        for row in rows:
            h = layout_row(g, row, y + max(g.nodes[n]["h"] for n in row) / 2, 0.0, hgap)
            width = max(width, sum(g.nodes[n]["w"] for n in row) + hgap * (len(row) - 1))
            y += h + vgap
        boxes.append((part, width, y))
    # Shelf packing: parts left to right, a new shelf when the line is full.
    x = shelf_y = shelf_h = 0.0
    for part, width, height in boxes:
        if x > 0 and x + width > target_w:
            x, shelf_y, shelf_h = 0.0, shelf_y + shelf_h + vgap, 0.0
        for n in part:
            g.nodes[n]["x"] += x + width / 2
            g.nodes[n]["y"] += shelf_y
        x += width + hgap * 3
        shelf_h = max(shelf_h, height)


# --------------------------------------------------------------------------------------------
# Timeline: time along x, one row per item
# --------------------------------------------------------------------------------------------
TIMELINE_WIDTH = 1100.0  # px the axis aims at, whatever the span of years
LABEL_GAP = 24.0  # between the label column and the axis


def date_years(date: str) -> float:
    """A full or partial ISO date as a fractional year: "2011" → 2011.0, "2011-07" → 2011.5."""
    parts = [int(p) for p in date[:10].split("-") if p.isdigit()]
    year, month, day = (parts + [1, 1])[:3]
    return year + (min(max(month, 1), 12) - 1) / 12 + (min(max(day, 1), 31) - 1) / 372


@dataclass
class TimeScale:
    """Where dates fall on the x axis: years `start`..`stop` at `per_year` px each, from x = 0."""
    first: str = ""  # the earliest and latest dates drawn ("" when nothing is dated)
    last: str = ""
    start: int = 0
    stop: int = 1
    per_year: float = 100.0

    def x(self, date: str) -> float:
        return (date_years(date) - self.start) * self.per_year

    @property
    def width(self) -> float:
        return (self.stop - self.start) * self.per_year

    def ticks(self) -> list[tuple[float, str]]:
        step = next((s for s in (1, 2, 5, 10, 20) if s * self.per_year >= 44), 50)
        first = -(-self.start // step) * step
        return [((y - self.start) * self.per_year, str(y)) for y in range(first, self.stop + 1, step)]


def timeline_scale(dates: list[str], width: float = TIMELINE_WIDTH) -> TimeScale:
    dates = sorted(d for d in dates if d and d[:4].isdigit())
    if not dates:
        return TimeScale()
    start = math.floor(date_years(dates[0]))
    stop = max(math.floor(date_years(dates[-1])) + 1, start + 1)
    per_year = min(max(width / (stop - start), 36.0), 240.0)
    return TimeScale(dates[0], dates[-1], start, stop, per_year)


def layout_timeline(g: nx.MultiDiGraph, rows: list[tuple[str, list]], scale: TimeScale, *, gap: float = 8,
                    group_gap: float = 22, indent: float = 22) -> dict:
    """Rows top-down: each row's first node is its label, right-aligned in a column left of the axis
    (organizations and the person the full column wide, posts and events indented, headings flush
    left); the others are marks on the axis from their `start` to their `end` date.  Labels and
    marks get a fixed width (`fixed_w`) so the column's edge is straight.  Returns the axis: its
    ticks and the top and bottom of the rows, for the page to draw."""
    wide = ("org", "person")
    # The column has room to spare: vis wraps a label it finds wider than its box, and it measures
    # each line as if written in the strut's font (LINE_HEIGHT px monospace), wider than the text.
    longest = max((len(re.sub(r"<[^>]+>", "", line)) for kind, r in rows if kind != "heading"
                   for line in g.nodes[r[0]].get("text", "").split("\n")), default=0)
    col = max(max((g.nodes[r[0]]["w"] + (0 if kind in wide else indent) for kind, r in rows if kind != "heading"),
                  default=200.0) + 40, longest * LINE_HEIGHT * CHAR + 2 * MARGIN + indent + 8)
    right = -LABEL_GAP
    y, top, previous = 0.0, None, None
    for kind, row in rows:
        label = row[0]
        # Drawn lines come out a few px taller than LINE_HEIGHT (diacritics, italics): leave room.
        h = max(g.nodes[n].get("h", 0) for n in row) + 4 * (g.nodes[label].get("text", "").count("\n") + 1)
        if previous is not None:
            y += previous / 2 + (group_gap if kind in ("org", "heading") else gap) + h / 2
        if top is None:
            top = y - h / 2
        d = g.nodes[label]
        if kind == "heading":
            d["x"] = right - col + d["w"] / 2
        else:
            d["w"] = col if kind in wide else col - indent
            d["fixed_w"] = True
            d["x"] = right - d["w"] / 2
        d["y"] = y
        for n in row[1:]:
            m = g.nodes[n]
            x0, x1 = scale.x(m["start"]), scale.x(m["end"])
            if m["group"] == "_mark":
                m["w"] = m["h"] = 14.0
                m["x"] = x0
            else:
                m["w"], m["h"] = max(x1 - x0, 8.0), 18.0
                m["x"] = x0 + m["w"] / 2
            m["y"], m["fixed_w"], m["fixed_h"] = y, True, True
        previous = h
    bottom = y + (previous or 0) / 2
    return {"ticks": [{"x": round(x, 1), "text": t} for x, t in scale.ticks()] if scale.first else [],
            "top": round((top or 0) - 8, 1), "bottom": round(bottom + 8, 1)}
