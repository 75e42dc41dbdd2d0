"""Pictures people can read: hierarchies, careers, congresses and query results as
self-contained interactive HTML pages.

Each picture is built in three steps:

1. **query** the store (Cypher that LadybugDB and Neo4j both accept) into a
   networkx graph whose nodes carry their label (`group`), a display text, a
   tooltip and a detail text (dates, sources, the evidence sentence);
2. **lay it out** in Python (`x`, `y` per node: a top-down tree for hierarchies,
   rows for careers and congresses, BFS layers for anything else), so the page
   needs no physics simulation and a 2,000-node page draws in seconds;
3. **render** one HTML file with vis-network inlined (the copy pyvis ships), a
   legend, tooltips and a detail panel.  The page refers to no URL: no CDN, no
   stylesheet, no web font; it works from a USB stick on a plane.

Pictures above a size limit (`DEFAULT_MAX_NODES`) are refused with `TooLarge`
rather than drawn as an unreadable hairball.

`render_offline` opens a page in headless Chromium with the network cut off,
takes a screenshot and reports what the page tried to fetch; the tests and
`benchmarks/viz.py` use it.
"""
from __future__ import annotations

import datetime
import hashlib
import json
import math
import os
import re
import shutil
import subprocess
import tempfile
import textwrap
import time
from dataclasses import dataclass, field
from typing import Any, Iterable

import networkx as nx

from orggraph.graph.store import Store, StoreError
from orggraph.loaders.normalize import fold

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


class VizError(StoreError):
    """A picture that cannot be drawn as asked; the CLI prints it as one line."""


class NotFound(VizError):
    pass


class Ambiguous(VizError):
    pass


class TooLarge(VizError):
    pass


# --------------------------------------------------------------------------------------------
# Vietnamese words for what the graph holds
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Style:
    name: str  # the legend's word
    shape: str  # vis shape: box, ellipse, database, text
    background: str
    border: str
    swatch: str  # the legend's CSS swatch: box, ellipse, pill, square, dashed
    radius: int = 4
    dashes: bool = False


STYLES: dict[str, Style] = {
    "Organization": Style("Tổ chức", "box", "#dbe8f7", "#1f5fa8", "box", 4),
    "Position": Style("Chức vụ", "ellipse", "#fff1cc", "#b7791f", "ellipse"),
    "Person": Style("Người", "box", "#dff3e4", "#2f855a", "pill", 14),
    "Congress": Style("Đại hội", "box", "#fde2e1", "#c53030", "square", 0),
    "Event": Style("Sự kiện", "box", "#efe6fb", "#6b46c1", "dashed", 4, True),
    "Article": Style("Bài báo", "box", "#edf2f7", "#4a5568", "square", 0),
}
OTHER_STYLE = Style("Khác", "box", "#f7fafc", "#718096", "box", 2)
# The organization, person or congress a page is about: a deeper fill and a thick border.
FOCUS = {
    "Organization": ("#b9d4f5", "#0b3d91"),
    "Person": ("#b5e3c4", "#1c5d3a"),
    "Congress": ("#f8c4c0", "#8b1e1e"),
    "Position": ("#fde3a7", "#7b4a0b"),
    "Event": ("#dccaf7", "#44267f"),
}

REL_WORDS = {
    "SUBORDINATE_TO": "trực thuộc",
    "HELD_OFFICE": "giữ chức",
    "OF": "thuộc",
    "ATTENDED": "dự",
    "MENTIONS": "nhắc đến",
}
REL_COLORS = {
    "SUBORDINATE_TO": "#1f5fa8",
    "HELD_OFFICE": "#b7791f",
    "OF": "#718096",
    "ATTENDED": "#6b46c1",
    "MENTIONS": "#a0aec0",
    "_row": "#cbd5e0",
}
ROLE_WORDS = {
    "chair": "chủ trì",
    "elected": "được bầu",
    "speaker": "phát biểu",
    "delegate": "đại biểu",
    "guest": "dự",
}
ROLE_ORDER = ["chair", "elected", "speaker", "delegate", "guest"]
ROLE_HEADINGS = {
    "chair": "Chủ trì",
    "elected": "Được bầu",
    "speaker": "Phát biểu",
    "delegate": "Đại biểu",
    "guest": "Khách mời, dự",
}
STATUS_WORDS = {"current": "đương nhiệm", "ended": "đã thôi", "unknown": "chưa rõ còn giữ"}
LEVEL_WORDS = {
    "central": "cấp Trung ương",
    "province": "cấp tỉnh",
    "district": "cấp huyện",
    "commune": "cấp xã",
    "bloc": "cấp khối",
    "grassroots": "cấp cơ sở",
}
KIND_WORDS = {
    "party_committee": "cấp ủy Đảng",
    "party_cell": "chi bộ",
    "state_body": "cơ quan nhà nước",
    "front": "Mặt trận, đoàn thể",
    "ministry": "bộ, ngành",
    "enterprise": "doanh nghiệp",
}
EVENT_KIND_WORDS = {"conference": "hội nghị", "working_session": "buổi làm việc", "ceremony": "lễ"}

# The posts shown first in an organization's box (folded titles); lower comes first.
_TITLE_RANK = {
    "tong bi thu": 0, "bi thu": 0, "chu tich": 1, "truong doan": 1, "truong ban": 1, "giam doc": 1,
    "bo truong": 1, "chanh an": 1, "vien truong": 1, "chu nhiem": 1, "thu tuong": 1,
    "pho bi thu thuong truc": 2, "pho bi thu": 3, "pho chu tich thuong truc": 4, "pho chu tich": 5,
}


def _title_rank(title: str | None) -> int:
    t = fold(title or "")
    if t in _TITLE_RANK:
        return _TITLE_RANK[t]
    if t.startswith("truong"):
        return 1
    if t.startswith("pho"):
        return 6
    if t.startswith("uy vien ban thuong vu"):
        return 7
    if t.startswith("uy vien"):
        return 8
    return 6


# --------------------------------------------------------------------------------------------
# The picture
# --------------------------------------------------------------------------------------------
@dataclass
class Picture:
    """A graph ready to render: nodes and edges carry their display attributes.

    Node attributes: `group` (the node's label: Organization, Person…), `text` (what the
    box says; `<b>`/`<i>` allowed, other text escaped by `markup`), `tip` (tooltip), `detail`
    (the full text the panel shows on click), `x`, `y`, and optionally `focus` (drawn
    darker).  Edge attributes: `type`, `text`, `tip`, `detail`, `dashes`, `arrow` (bool),
    `smooth` (a vis smooth option or None), `color`.
    """

    graph: nx.MultiDiGraph
    title: str
    subtitle: str = ""
    kind: str = "query"
    notes: list[str] = field(default_factory=list)

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


# --------------------------------------------------------------------------------------------
# Small text helpers
# --------------------------------------------------------------------------------------------
def markup(text: Any) -> str:
    """Text safe inside a vis 'html' label (only <b>, <i>, <code> are tags there)."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;")


def wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(str(text), width=width, break_long_words=True, break_on_hyphens=False) or [""]


def clip(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def slug(text: str, limit: int = 60) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return s[:limit].rstrip("-") or "graph"


def default_filename(kind: str, text: str) -> str:
    """`hierarchy-thanh-uy-hai-phong.html`; queries get a short hash of their text."""
    if kind == "query":
        return f"query-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:8]}.html"
    return f"{kind}-{slug(text)}.html"


_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_date(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not _DATE.match(value):
        raise VizError(f"--on takes an ISO date like 2024-10-16, not {value!r}")
    return value


def _start(h: dict) -> str | None:
    return h.get("start_date") or h.get("first_seen")


def covers(h: dict, on: str) -> bool:
    """Whether a tenure covers a date: start ≤ date and (no end or date < end), each compared at
    the precision of the partial date it is compared with ("2020" ≤ "2020-08-04")."""
    if h.get("status") == "ended" and not h.get("end_date"):
        return False
    start = _start(h)
    if start and on[: len(start)] < start:
        return False
    end = h.get("end_date")
    if end and not on[: len(end)] < end:
        return False
    return True


def tenure_text(h: dict) -> str:
    start = h.get("start_date") or (f"thấy từ {h['first_seen']}" if h.get("first_seen") else "?")
    end = h.get("end_date")
    if end:
        tail = end
    elif h.get("status") == "current":
        tail = "nay"
    else:
        tail = "?"
    return f"{start} → {tail}"


def _lines(values: Any) -> list:
    if values is None:
        return []
    return list(values) if isinstance(values, (list, tuple)) else [values]


def provenance(props: dict, articles: dict[str, dict], *, limit: int | None = None, width: int = 0) -> list[str]:
    """'“sentence” — source, date' lines, one per distinct statement."""
    out, seen = [], set()
    sources, evidence = _lines(props.get("sources")), _lines(props.get("evidence"))
    for i in range(max(len(sources), len(evidence))):
        src = sources[i] if i < len(sources) else None
        ev = evidence[i] if i < len(evidence) else None
        if (src, ev) in seen:
            continue
        seen.add((src, ev))
        art = articles.get(src or "", {})
        where = ", ".join(x for x in (art.get("source") or src, art.get("date")) if x)
        sentence = clip(ev, width) if (ev and width) else ev
        out.append(f"“{sentence}” — {where}" if sentence else f"— {where}")
    if limit is not None and len(out) > limit:
        out = out[:limit] + [f"(và {len(out) - limit} câu khác)"]
    return out


def _node_tip(detail: str, max_lines: int = 24, width: int = 400) -> str:
    lines = [clip(line, width) if line else "" for line in detail.split("\n")]
    if len(lines) > max_lines:
        lines = lines[:max_lines] + ["… (bấm vào để xem đủ)"]
    return "\n".join(lines)


def describe_node(node: dict) -> list[str]:
    """Header lines for a node's detail text."""
    label = node.get("_label", "")
    style = STYLES.get(label, OTHER_STYLE)
    name = node.get("name") or node.get("title") or node.get("key") or ""
    lines = [name, style.name if label in STYLES else (label or "nút")]
    if label == "Organization":
        bits = [KIND_WORDS.get(node.get("kind"), node.get("kind")),
                LEVEL_WORDS.get(node.get("level"), node.get("level")), node.get("locality")]
        if any(bits):
            lines[1] += ": " + ", ".join(b for b in bits if b)
        if node.get("founded") or node.get("dissolved"):
            lines.append(f"thành lập {node.get('founded') or '?'}" + (f", giải thể {node['dissolved']}"
                                                                        if node.get("dissolved") else ""))
    elif label == "Congress":
        bits = []
        if node.get("ordinal"):
            bits.append(f"lần thứ {node['ordinal']}")
        if node.get("term_start") or node.get("term_end"):
            bits.append(f"nhiệm kỳ {node.get('term_start') or '?'}-{node.get('term_end') or '?'}")
        if node.get("start_date"):
            bits.append(f"ngày {node['start_date']}" + (f" → {node['end_date']}" if node.get("end_date") else ""))
        if node.get("delegates"):
            bits.append(f"{node['delegates']} đại biểu")
        if bits:
            lines.append(", ".join(bits))
    elif label == "Event":
        bits = [EVENT_KIND_WORDS.get(node.get("kind"), node.get("kind")), node.get("date") and f"ngày {node['date']}"]
        if any(bits):
            lines.append(", ".join(b for b in bits if b))
    elif label == "Article":
        for k in ("source", "date", "url"):
            if node.get(k):
                lines.append(f"{k}: {node[k]}")
    aliases = [a for a in _lines(node.get("aliases")) if a and a != name]
    if aliases:
        lines.append("còn gọi: " + "; ".join(aliases))
    return lines


# --------------------------------------------------------------------------------------------
# Store look-ups shared by the pictures
# --------------------------------------------------------------------------------------------
def _find(store: Store, label: str, text: str, what: str) -> dict:
    """The node of `label` whose key is `text`, else whose `search` is the folded text, else the one
    whose `search` contains it; several at the same step are ambiguous."""
    q = fold(text or "")
    if not q:
        raise NotFound(f"give the {what}'s name")
    exact = [r[0] for r in store.read(f"MATCH (n:{label}) WHERE n.key = $key OR n.search = $q RETURN n LIMIT 50",
                                      {"key": text, "q": q}).rows]
    by_key = [n for n in exact if n.get("key") == text]
    steps = [by_key, exact]
    if not exact:
        steps.append([r[0] for r in store.read(f"MATCH (n:{label}) WHERE n.search CONTAINS $q RETURN n LIMIT 50",
                                               {"q": q}).rows])
    for pick in steps:
        if len(pick) == 1:
            return pick[0]
        if len(pick) > 1:
            pick = sorted(pick, key=lambda n: (len(n.get("name") or ""), n.get("name") or "", n.get("key")))
            names = [n.get("name") for n in pick]
            shown = "; ".join(f"{n.get('name')} ({n.get('key')})" if names.count(n.get("name")) > 1
                              else str(n.get("name")) for n in pick[:6])
            more = " and more" if len(pick) > 6 else ""
            raise Ambiguous(f"{text!r} matches {len(pick)}{'+' if len(pick) == 50 else ''} {what}s: {shown}{more} "
                            f"— give more of the name, or the key")
    raise NotFound(f"no {what} matches {text!r} (names match without diacritics or case)")


def find_organization(store: Store, text: str) -> dict:
    return _find(store, "Organization", text, "organization")


def find_person(store: Store, text: str) -> dict:
    return _find(store, "Person", text, "person")


def _articles(store: Store, keys: Iterable[str]) -> dict[str, dict]:
    keys = sorted({k for k in keys if k})
    if not keys:
        return {}
    rows = store.read("MATCH (a:Article) WHERE a.key IN $keys RETURN a", {"keys": keys}).rows
    return {r[0]["key"]: r[0] for r in rows}


def _source_keys(props_list: Iterable[dict]) -> set[str]:
    out: set[str] = set()
    for props in props_list:
        out.update(s for s in _lines(props.get("sources")) if isinstance(s, str))
    return out


# --------------------------------------------------------------------------------------------
# Layout helpers (pure Python: the pages need positions, not a physics engine)
# --------------------------------------------------------------------------------------------
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


def _set_size(g: nx.MultiDiGraph, n: Any, lines: list[tuple[str, int]]) -> None:
    w, h = estimate_size(lines)
    g.nodes[n]["w"], g.nodes[n]["h"] = w, h


def _status(h: dict) -> str:
    return STATUS_WORDS.get(h.get("status"), "chưa rõ")


def _add_box(g: nx.MultiDiGraph, key: Any, group: str, *, bold: list[str] = (), plain: list[str] = (),
             ital: list[str] = (), detail: str = "", tip: str | None = None, focus: bool = False) -> None:
    """A node whose label has bold, plain and italic lines (escaped), with its detail text, tooltip and size."""
    text = ([f"<b>{markup(line)}</b>" for line in bold] + [markup(line) for line in plain]
            + [f"<i>{markup(line)}</i>" for line in ital])
    g.add_node(key, group=group, text="\n".join(text), detail=detail,
               tip=_node_tip(detail if tip is None else tip), focus=focus)
    _set_size(g, key, [(line, BOLD_SIZE) for line in bold] + [(line, FONT_SIZE) for line in (*plain, *ital)])


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
# Hierarchy: the organization tree below and the chain above, key holders on a date
# --------------------------------------------------------------------------------------------
def _holders(store: Store, org_keys: list[str]) -> list[dict]:
    if not org_keys:
        return []
    return store.read(
        "MATCH (p:Person)-[h:HELD_OFFICE]->(x:Position)-[:OF]->(o:Organization) WHERE o.key IN $keys "
        "RETURN o.key AS org, x.title AS title, x.name AS position, p.name AS person, p.key AS person_key, h",
        {"keys": org_keys}).dicts()


def hierarchy(store: Store, org: str, *, depth: int = DEFAULT_DEPTH, on: str | None = None,
              max_nodes: int | None = DEFAULT_MAX_NODES) -> Picture:
    """The organizations below `org` (SUBORDINATE_TO, `depth` levels) and the chain above it, top-down,
    each showing who held its key posts on `on` (default: today)."""
    on = check_date(on) or datetime.date.today().isoformat()
    top = find_organization(store, org)
    orgs: dict[str, dict] = {top["key"]: top}
    links: dict[tuple[str, str], dict] = {}  # (child, parent) -> the SUBORDINATE_TO properties
    children: dict[str, list[str]] = {}
    frontier = [top["key"]]
    for _ in range(max(depth, 0)):
        if not frontier:
            break
        rows = store.read("MATCH (c:Organization)-[r:SUBORDINATE_TO]->(p:Organization) WHERE p.key IN $keys "
                          "RETURN c, r, p.key AS parent", {"keys": frontier}).rows
        nxt = []
        for c, r, parent in sorted(rows, key=lambda row: (row[0].get("name") or "", row[0]["key"])):
            links.setdefault((c["key"], parent), r)
            children.setdefault(parent, []).append(c["key"])
            if c["key"] not in orgs:
                orgs[c["key"]] = c
                nxt.append(c["key"])
        check_size(len(orgs), max_nodes, f"the hierarchy of {top['name']}")
        frontier = nxt
    # The chain above: every organization the selected one is (transitively) under.
    above: dict[str, int] = {}
    frontier = [top["key"]]
    for level in range(1, MAX_ANCESTOR_LEVELS + 1):
        if not frontier:
            break
        rows = store.read("MATCH (c:Organization)-[r:SUBORDINATE_TO]->(p:Organization) WHERE c.key IN $keys "
                          "RETURN c.key AS child, r, p", {"keys": frontier}).rows
        nxt = []
        for child, r, p in sorted(rows, key=lambda row: (row[2].get("name") or "", row[2]["key"])):
            links.setdefault((child, p["key"]), r)
            if p["key"] not in orgs:
                orgs[p["key"]] = p
                above[p["key"]] = level
                nxt.append(p["key"])
        frontier = nxt
    check_size(len(orgs), max_nodes, f"the hierarchy of {top['name']}")

    tenures = [t for t in _holders(store, list(orgs)) if covers(t["h"], on)]
    articles = _articles(store, _source_keys([t["h"] for t in tenures] + list(links.values())))
    by_org: dict[str, list[dict]] = {}
    for t in tenures:
        by_org.setdefault(t["org"], []).append(t)

    g = nx.MultiDiGraph()
    for key, node in orgs.items():
        held = sorted(by_org.get(key, []), key=lambda t: (_title_rank(t["title"]), fold(t["title"] or ""),
                                                          t["person"] or ""))
        lines: list[str] = []
        for t in held[:MAX_HOLDER_LINES]:
            lines += wrap(f"{t['title']}: {t['person']}", 40)
        if len(held) > MAX_HOLDER_LINES:
            lines.append(f"+ {len(held) - MAX_HOLDER_LINES} người khác")
        detail = describe_node(node) + [""]
        tip = list(detail)
        if held:
            detail.append(f"Người giữ chức ngày {on}:")
        else:
            detail.append(f"Không có ai được ghi nhận giữ chức ở đây ngày {on}.")
        for i, t in enumerate(held):
            detail.append(f"• {t['title']}: {t['person']} ({tenure_text(t['h'])}, {_status(t['h'])})")
            detail += ["   " + line for line in provenance(t["h"], articles)]
            if i < MAX_HOLDER_LINES:  # the tooltip: each key holder with the first sentence that says so
                tip.append(f"• {t['title']}: {t['person']} ({tenure_text(t['h'])})")
                tip += ["   " + line for line in provenance(t["h"], articles, width=110)[:1]]
        if len(held) > MAX_HOLDER_LINES:
            tip.append(f"… và {len(held) - MAX_HOLDER_LINES} người khác (bấm để xem)")
        _add_box(g, key, "Organization", bold=wrap(node.get("name") or key, 30), plain=lines,
                 ital=[] if held else ["chưa rõ người giữ chức"], detail="\n".join(detail), tip="\n".join(tip),
                 focus=(key == top["key"]))
    for (child, parent), r in links.items():
        since = " ".join(x for x in (r.get("since") and f"từ {r['since']}", r.get("until") and f"đến {r['until']}")
                         if x)
        detail = [f"{orgs[child].get('name')} trực thuộc {orgs[parent].get('name')}"
                  + (f" ({since})" if since else "")] + provenance(r, articles)
        g.add_edge(child, parent, type="SUBORDINATE_TO", text="", detail="\n".join(detail),
                   tip=_node_tip("\n".join(detail[:3])))

    # Layout: the tree below, then the chain above stacked over the selected organization.
    layout_tree(g, top["key"], children)
    if above:
        levels: dict[int, list[str]] = {}
        for key, level in above.items():
            levels.setdefault(level, []).append(key)
        y = g.nodes[top["key"]]["y"] - g.nodes[top["key"]]["h"] / 2
        for level in sorted(levels):
            row = sorted(levels[level], key=lambda k: orgs[k].get("name") or k)
            h = max(g.nodes[k]["h"] for k in row)
            y -= 70 + h
            layout_row(g, row, y + h / 2, g.nodes[top["key"]]["x"], 40)

    below = len(orgs) - 1 - len(above)
    subtitle = (f"{below} tổ chức trực thuộc (tới {depth} cấp), {len(above)} cấp trên; "
                f"người giữ chức ngày {on}")
    return Picture(g, f"Hệ thống tổ chức: {top['name']}", subtitle, kind="hierarchy")


# --------------------------------------------------------------------------------------------
# A person's career: posts over time, their organizations, congresses and events, and the people
# who held the same posts before and after
# --------------------------------------------------------------------------------------------
def person(store: Store, name: str, *, max_nodes: int | None = DEFAULT_MAX_NODES) -> Picture:
    """A person's posts in time order (with their organizations), the congresses and events attended,
    and the people who held the same posts before and after."""
    who = find_person(store, name)
    key, who_name = who["key"], who.get("name") or who["key"]
    posts = store.read("MATCH (p:Person {key: $key})-[h:HELD_OFFICE]->(x:Position) "
                       "OPTIONAL MATCH (x)-[:OF]->(o:Organization) RETURN x, h, o", {"key": key}).rows
    went = store.read("MATCH (p:Person {key: $key})-[a:ATTENDED]->(c) "
                      "OPTIONAL MATCH (c)-[:OF]->(o:Organization) RETURN c, a, o.name AS org", {"key": key}).rows
    others = store.read("MATCH (p:Person {key: $key})-[:HELD_OFFICE]->(x:Position)<-[h:HELD_OFFICE]-(q:Person) "
                        "WHERE q.key <> $key RETURN x.key AS position, q, h", {"key": key}).rows
    articles = _articles(store, _source_keys([r[1] for r in posts] + [r[1] for r in went] + [r[2] for r in others]))
    g = nx.MultiDiGraph()
    me = "person:" + key

    # Posts, earliest first, and their organizations.
    mine: dict[str, dict] = {}  # post node -> this person's tenure
    org_posts: dict[str, list[str]] = {}
    orgs: dict[str, dict] = {}
    for x, h, o in sorted(posts, key=lambda r: (_start(r[1]) or "9999", _title_rank(r[0].get("title")),
                                                r[0].get("name") or "")):
        pk = "post:" + x["key"]
        if pk in mine:
            continue
        mine[pk] = h
        title = x.get("title") or x.get("name") or x["key"]
        dates = tenure_text(h)
        detail = [f"{who_name} giữ chức {x.get('name') or title}", f"{dates} ({_status(h)})"]
        if h.get("start_basis"):
            detail.append(f"bắt đầu: {h['start_basis']}"
                          + (f"; kết thúc: {h['end_basis']}" if h.get("end_basis") else ""))
        if h.get("first_seen"):
            detail.append(f"thấy trong bài: {h['first_seen']} → {h.get('last_seen') or h['first_seen']}")
        detail = "\n".join(detail + provenance(h, articles))
        _add_box(g, pk, "Position", bold=wrap(title, 26), plain=[dates], detail=detail)
        g.add_edge(me, pk, type="HELD_OFFICE", text="", detail=detail, tip=_node_tip(detail))
        if o:
            orgs["org:" + o["key"]] = o
            org_posts.setdefault("org:" + o["key"], []).append(pk)
    for ok, o in orgs.items():
        _add_box(g, ok, "Organization", plain=wrap(o.get("name") or o["key"], 28), detail="\n".join(describe_node(o)))
        for pk in org_posts[ok]:
            g.add_edge(pk, ok, type="OF", text="", detail=f"thuộc {o.get('name')}", tip=f"thuộc {o.get('name')}")

    # Other holders of each post: before this person's tenure (left of the post) or after (right).
    sides: dict[str, tuple[list, list]] = {pk: ([], []) for pk in mine}
    for position, q, h in sorted(others, key=lambda r: (_start(r[2]) or "9999", r[1].get("name") or "")):
        pk = "post:" + position
        own, theirs = _start(mine[pk]) or "", _start(h) or ""
        sides[pk][0 if theirs and own and theirs < own else 1].append((q, h))
    notes = []
    for pk, (before, after) in sides.items():
        if len(before) > MAX_OTHER_HOLDERS or len(after) > MAX_OTHER_HOLDERS:
            notes.append(f"{g.nodes[pk]['detail'].splitlines()[0]}: chỉ hiện {MAX_OTHER_HOLDERS} người "
                         f"giữ chức gần nhất trước và sau")
        sides[pk] = before, after = before[-MAX_OTHER_HOLDERS:], after[:MAX_OTHER_HOLDERS]
        for side, holders in (("trước", before), ("sau", after)):
            for q, h in holders:
                qk = f"other:{pk}:{q['key']}"
                dates = tenure_text(h)
                detail = "\n".join([f"{q.get('name')} — giữ chức này {side} {who_name}", f"{dates} ({_status(h)})"]
                                   + provenance(h, articles))
                _add_box(g, qk, "Person", plain=wrap(q.get("name") or q["key"], 24) + [dates], detail=detail)
                g.add_edge(qk, pk, type="HELD_OFFICE", text=side, detail=detail, tip=_node_tip(detail), dashes=True)

    # Congresses and events attended, in date order.
    events = []
    for c, a, org_name in went:
        ek = "event:" + c["key"]
        if ek in g:
            continue
        when = c.get("start_date") or c.get("date") or (str(c["term_start"]) if c.get("term_start") else "")
        lines = wrap(c.get("name") or c["key"], 30)
        if len(lines) > 3:
            lines = lines[:2] + [clip(lines[2] + " …", 30)]
        role = ROLE_WORDS.get(a.get("role"), a.get("role") or "dự")
        said = [f"{who_name}: {role}"] + provenance(a, articles)
        detail = "\n".join(describe_node(c) + ([f"của {org_name}"] if org_name else []) + said)
        _add_box(g, ek, c.get("_label") if c.get("_label") in ("Congress", "Event") else "Event", plain=lines,
                 ital=[when] if when else [], detail=detail)
        g.add_edge(me, ek, type="ATTENDED", text=role, detail="\n".join(said), tip=_node_tip("\n".join(said)))
        events.append((when or "9999", c.get("name") or "", ek))
    _add_box(g, me, "Person", bold=wrap(who_name, 24), focus=True,
             detail="\n".join(describe_node(who) + [f"{len(mine)} chức vụ, {len(events)} đại hội/sự kiện"]))
    check_size(g.number_of_nodes(), max_nodes, f"the career of {who_name}")

    # Layout: events on top, the person, then one column per post, organizations under their posts.
    hgap, inner = 40, 80  # between columns; between a post and its other holders (room for "trước"/"sau")
    columns = [[f"other:{pk}:{q['key']}" for q, _ in sides[pk][0]] + [pk]
               + [f"other:{pk}:{q['key']}" for q, _ in sides[pk][1]] for pk in mine]
    row_h = max((g.nodes[n]["h"] for col in columns for n in col), default=0)
    events_h = max((g.nodes[ek]["h"] for *_, ek in events), default=0)
    y_person = events_h / 2 + 100 + g.nodes[me]["h"] / 2 if events else 0.0
    y_posts = y_person + g.nodes[me]["h"] / 2 + 110 + row_h / 2
    widths = [sum(g.nodes[n]["w"] for n in col) + inner * (len(col) - 1) for col in columns]
    x = -(sum(widths) + hgap * max(len(columns) - 1, 0)) / 2
    for col, width in zip(columns, widths):
        layout_row(g, col, y_posts, x + width / 2, inner)
        x += width + hgap
    g.nodes[me]["x"], g.nodes[me]["y"] = 0.0, y_person
    layout_row(g, [ek for *_, ek in sorted(events)], 0.0, 0.0, 40)
    # Organizations under the mean of their posts, pushed apart where they would overlap.
    y_orgs = y_posts + row_h / 2 + 90 + max((g.nodes[ok]["h"] for ok in orgs), default=0) / 2
    right = -math.inf
    for ok in sorted(orgs, key=lambda ok: sum(g.nodes[pk]["x"] for pk in org_posts[ok]) / len(org_posts[ok])):
        want = sum(g.nodes[pk]["x"] for pk in org_posts[ok]) / len(org_posts[ok])
        left = max(want - g.nodes[ok]["w"] / 2, right + 30)
        g.nodes[ok]["x"], g.nodes[ok]["y"] = left + g.nodes[ok]["w"] / 2, y_orgs
        right = left + g.nodes[ok]["w"]
    shown = sum(len(b) + len(a) for b, a in sides.values())
    subtitle = (f"{len(mine)} chức vụ ở {len(orgs)} tổ chức, {len(events)} đại hội/sự kiện, "
                f"{shown} người giữ các chức ấy trước/sau")
    return Picture(g, f"Quá trình công tác: {who_name}", subtitle, kind="person", notes=notes)


# --------------------------------------------------------------------------------------------
# A congress: its organization and who attended it
# --------------------------------------------------------------------------------------------
def _role_rank(role: str) -> int:
    return ROLE_ORDER.index(role) if role in ROLE_ORDER else len(ROLE_ORDER)


def congress(store: Store, org: str, *, ordinal: int | None = None,
             max_nodes: int | None = DEFAULT_MAX_NODES) -> Picture:
    """A congress of `org` (the latest, or lần thứ `ordinal`): the organization above it and its
    attendees in rows by role (chair, elected, speaker, delegate, guest)."""
    o = find_organization(store, org)
    found = [r[0] for r in store.read("MATCH (c:Congress)-[:OF]->(o:Organization {key: $key}) RETURN c",
                                      {"key": o["key"]}).rows]
    if not found:
        raise NotFound(f"no congress of {o['name']} in the graph")
    found.sort(key=lambda c: (c.get("ordinal") is None, c.get("ordinal") or 0))
    numbered = [c for c in found if c.get("ordinal") is not None]
    if ordinal is None:
        c = numbered[-1] if numbered else found[-1]
    else:
        match = [c for c in numbered if c["ordinal"] == ordinal]
        if not match:
            have = ", ".join(str(c["ordinal"]) for c in numbered) or "none numbered"
            raise NotFound(f"no congress number {ordinal} of {o['name']} in the graph (have: {have})")
        c = match[0]
    attended = store.read("MATCH (p:Person)-[a:ATTENDED]->(c:Congress {key: $key}) RETURN p, a",
                          {"key": c["key"]}).rows
    elected = store.read("MATCH (p:Person)-[h:HELD_OFFICE]->(x:Position) WHERE h.elected_at = $key RETURN p, h, x",
                         {"key": c["key"]}).rows
    people: dict[str, dict] = {}
    roles: dict[str, list[tuple[str, dict]]] = {}
    for p, a in attended:
        people[p["key"]] = p
        roles.setdefault(p["key"], []).append((a.get("role") or "delegate", a))
    for p, h, x in elected:
        people[p["key"]] = p
        roles.setdefault(p["key"], []).append(("elected", {**h, "_title": x.get("title")}))
    check_size(len(people) + 2 + len(ROLE_ORDER), max_nodes, f"the congress {c['name']}")
    date = c.get("start_date")
    posts = store.read("MATCH (p:Person)-[h:HELD_OFFICE]->(x:Position)-[:OF]->(o:Organization {key: $org}) "
                       "WHERE p.key IN $keys RETURN p.key AS person, x.title AS title, h",
                       {"org": o["key"], "keys": sorted(people)}).dicts() if people else []
    titles: dict[str, list[str]] = {}  # each attendee's posts at the organization (on the congress date if known)
    for t in sorted(posts, key=lambda t: _title_rank(t["title"])):
        if not date or covers(t["h"], date) or t["h"].get("elected_at") == c["key"]:
            titles.setdefault(t["person"], []).append(t["title"])
    articles = _articles(store, _source_keys([a for rs in roles.values() for _, a in rs]))

    g = nx.MultiDiGraph()
    ck, okey = "congress:" + c["key"], "org:" + o["key"]
    _add_box(g, ck, "Congress", bold=wrap(c.get("name") or c["key"], 34), focus=True,
             detail="\n".join(describe_node(c) + [f"của {o.get('name')}",
                                                  f"{len(people)} người dự hoặc được bầu trong dữ liệu"]))
    _add_box(g, okey, "Organization", plain=wrap(o.get("name") or o["key"], 34), detail="\n".join(describe_node(o)))
    g.add_edge(ck, okey, type="OF", text="của", detail=f"{c.get('name')} — của {o.get('name')}",
               tip="đại hội của tổ chức")
    groups: dict[str, list[str]] = {}
    for pkey, p in people.items():
        rs = roles[pkey]
        role_words = ", ".join(dict.fromkeys(ROLE_WORDS.get(r, r) for r, _ in rs))
        detail = describe_node(p) + [f"tại đại hội: {role_words}"]
        if titles.get(pkey):
            detail.append(f"ở {o.get('name')}: " + "; ".join(titles[pkey]))
        for r, a in rs:
            if r == "elected" and a.get("_title"):
                detail.append(f"được bầu {a['_title']} ({tenure_text(a)})")
            detail += provenance(a, articles)
        nk = "person:" + pkey
        _add_box(g, nk, "Person", bold=wrap(p.get("name") or pkey, 24),
                 plain=wrap(", ".join(titles.get(pkey, [])[:2]), 30)[:2] if titles.get(pkey) else [],
                 detail="\n".join(detail))
        g.add_edge(nk, ck, type="ATTENDED", text="", detail="\n".join(detail), tip=role_words)
        groups.setdefault(min((r for r, _ in rs), key=_role_rank), []).append(nk)

    # Layout: the organization over the congress, attendees under it in rows by role, each headed.
    g.nodes[okey]["x"], g.nodes[okey]["y"] = 0.0, 0.0
    g.nodes[ck]["x"], g.nodes[ck]["y"] = 0.0, g.nodes[okey]["h"] / 2 + 80 + g.nodes[ck]["h"] / 2
    y = g.nodes[ck]["y"] + g.nodes[ck]["h"] / 2 + 90
    for role in sorted(groups, key=_role_rank):
        members = sorted(groups[role], key=lambda n: fold(g.nodes[n]["detail"].splitlines()[0]))
        heading = f"{ROLE_HEADINGS.get(role, role)} ({len(members)})"
        hk = "heading:" + role
        _add_box(g, hk, "_heading", bold=[heading], detail=heading)
        cols = max(4, min(10, math.ceil(math.sqrt(len(members) * 2))))
        below = layout_grid(g, members, y, cols)
        left = min(g.nodes[n]["x"] - g.nodes[n]["w"] / 2 for n in members[:cols])
        g.nodes[hk]["x"], g.nodes[hk]["y"] = left - 30 - g.nodes[hk]["w"] / 2, g.nodes[members[0]]["y"]
        y = below + 30
    when = f", ngày {date}" if date else ""
    term = f", nhiệm kỳ {c.get('term_start')}-{c.get('term_end')}" if c.get("term_start") else ""
    counts = ", ".join(f"{ROLE_HEADINGS.get(r, r).lower()}: {len(v)}" for r, v in groups.items())
    subtitle = f"{o.get('name')}{term}{when}; {counts or 'không có ai dự trong dữ liệu'}"
    return Picture(g, c.get("name") or "Đại hội", subtitle, kind="congress")


# --------------------------------------------------------------------------------------------
# Any read-only query: the nodes, relationships and paths it returns
# --------------------------------------------------------------------------------------------
QUERY_HELP = (
    "Nodes, relationships and paths in the result are drawn; other values are ignored. "
    "Paths (MATCH path = … RETURN path) draw exactly; a relationship returned on its own "
    "(RETURN a, r, b) joins the nearest node column before it to the nearest after it in the "
    "same row; nodes in one row with no relationship between them are joined by a dashed "
    "'same row' line."
)


def _schema_pairs() -> dict[str, set[tuple[str, str]]]:
    try:
        from orggraph.graph.model import RELATIONSHIPS

        return {r.name: set(r.pairs) for r in RELATIONSHIPS}
    except Exception:  # pragma: no cover - the schema module is always there; stay drawable anyway
        return {}


class _Collector:
    """Turns result values into nodes and edges, whatever shape the store gives them."""

    def __init__(self) -> None:
        self.nodes: dict[str, dict] = {}
        self.edges: dict[Any, tuple[str, str, dict]] = {}
        self.linked: set[frozenset] = set()
        self.pairs = _schema_pairs()
        self.loose = 0  # relationships whose ends were not in their row

    @staticmethod
    def _clean(value: dict, kind: str) -> dict:
        out = {k: v for k, v in value.items() if not k.startswith("_") and v is not None}
        out[kind] = value.get("_LABEL") or value.get(kind)
        return out

    @staticmethod
    def is_rel(value: Any) -> bool:
        return isinstance(value, dict) and ("_type" in value or ("_LABEL" in value and "_SRC" in value))

    @staticmethod
    def is_node(value: Any) -> bool:
        return isinstance(value, dict) and ("_label" in value or "_LABEL" in value) and "_SRC" not in value

    @staticmethod
    def is_path(value: Any) -> bool:
        return isinstance(value, dict) and ("_NODES" in value or "_nodes" in value
                                            or ("nodes" in value and "relationships" in value))

    def node(self, value: dict) -> str:
        if "_LABEL" in value:
            value = self._clean(value, "_label")
        ident = value.get("key")
        if ident is None:
            ident = "h:" + hashlib.sha1(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:16]
        ident = f"{value.get('_label')}:{ident}"
        self.nodes.setdefault(ident, value)
        return ident

    def edge(self, a: str, b: str, rel: dict, oriented: bool = False, ident: Any = None) -> None:
        rel = self._clean(rel, "_type") if "_LABEL" in rel else rel
        rtype = rel.get("_type") or "?"
        if not oriented:  # the schema knows which way a relationship type points
            la, lb = self.nodes[a].get("_label"), self.nodes[b].get("_label")
            pairs = self.pairs.get(rtype, set())
            if (la, lb) not in pairs and (lb, la) in pairs:
                a, b = b, a
        key = ("id", ident) if ident is not None else (a, b, rtype, json.dumps(rel, sort_keys=True, default=str))
        self.edges.setdefault(key, (a, b, rel))
        self.linked.add(frozenset((a, b)))

    def path(self, value: dict) -> list[str]:
        raw_nodes = value.get("_NODES") or value.get("_nodes")
        if raw_nodes is not None:  # LadybugDB's raw path: relationships name their ends by internal id
            ids = {}
            idents = []
            for n in raw_nodes:
                ident = self.node(n)
                ids[json.dumps(n.get("_ID"), sort_keys=True)] = ident
                idents.append(ident)
            for r in value.get("_RELS") or value.get("_rels") or []:
                a = ids.get(json.dumps(r.get("_SRC"), sort_keys=True))
                b = ids.get(json.dumps(r.get("_DST"), sort_keys=True))
                if a and b:
                    self.edge(a, b, r, oriented=True, ident=json.dumps(r.get("_ID"), sort_keys=True))
            return idents
        nodes = value.get("nodes") or []
        idents = [self.node(n) for n in nodes]  # the plain shape: node i, rel i, node i+1
        by_key = {n.get("key"): ident for n, ident in zip(nodes, idents)}
        for i, r in enumerate(value.get("relationships") or []):
            a, b = by_key.get(r.get("_start")), by_key.get(r.get("_end"))
            if a and b:  # the store says which way it points
                self.edge(a, b, r, oriented=True)
            elif i + 1 < len(idents):
                self.edge(idents[i], idents[i + 1], r)
        return idents

    def row(self, values: list) -> None:
        items: list[tuple[str, Any]] = []
        for value in values:
            if self.is_path(value):
                items.append(("path", self.path(value)))
            elif self.is_rel(value):
                items.append(("rel", value))
            elif self.is_node(value):
                items.append(("node", self.node(value)))
            elif isinstance(value, (list, tuple)):
                nodes = [v for v in value if self.is_node(v)]
                rels = [v for v in value if self.is_rel(v)]
                for v in value:
                    if self.is_path(v):
                        self.path(v)
                if nodes and rels and len(rels) == len(nodes) - 1 and all(
                        self.is_node(v) if i % 2 == 0 else self.is_rel(v) for i, v in enumerate(value)):
                    idents = [self.node(n) for n in nodes]  # [node, rel, node, …]
                    for i, r in enumerate(rels):
                        self.edge(idents[i], idents[i + 1], r)
                    items.append(("path", idents))
                else:
                    if nodes:
                        items.append(("nodes", [self.node(n) for n in nodes]))
                    if rels:
                        items.append(("rels", rels))
        for i, (kind, value) in enumerate(items):
            if kind == "rels":  # nodes(path), relationships(path)
                prev = next((v for k, v in reversed(items[:i]) if k == "nodes"), None)
                if prev is not None and len(prev) == len(value) + 1:
                    for j, r in enumerate(value):
                        self.edge(prev[j], prev[j + 1], r)
                    continue
                if len(value) != 1:
                    self.loose += len(value)
                    continue
                kind, value = "rel", value[0]
            if kind != "rel":
                continue
            # A relationship on its own: between the nearest node columns before and after it.
            before = next((v for k, v in reversed(items[:i]) if k == "node"), None)
            after = next((v for k, v in items[i + 1:] if k == "node"), None)
            if before is None or after is None:
                self.loose += 1
            else:
                self.edge(before, after, value)
        # Node columns side by side with nothing drawn between them: the same row.
        for (k1, n1), (k2, n2) in zip(items, items[1:]):
            if k1 == k2 == "node" and n1 != n2 and frozenset((n1, n2)) not in self.linked:
                self.edges.setdefault(("row", n1, n2), (n1, n2, {"_type": "_row"}))


def _node_lines(node: dict) -> tuple[list[str], list[str]]:
    """A node's label lines (its name, wrapped) and an italic line (its date) for the query picture."""
    label = node.get("_label")
    if label == "Article":
        name = node.get("title") or node.get("source") or node.get("name")
    else:
        name = node.get("name") or node.get("title")
    lines = wrap(name or node.get("key") or label or "?", 26)
    if len(lines) > 4:
        lines = lines[:3] + [clip(lines[3] + " …", 26)]
    when = node.get("date") if label == "Event" else node.get("start_date") if label == "Congress" else None
    return lines, [when] if when else []


def _rel_detail(rel: dict, a: dict, b: dict, articles: dict) -> tuple[str, str]:
    rtype = rel.get("_type") or "?"
    word = REL_WORDS.get(rtype, rtype)
    lines = [f"{a.get('name') or a.get('key')} — {word} → {b.get('name') or b.get('key')}"]
    text = ""
    if rtype == "HELD_OFFICE":
        text = tenure_text(rel)
        lines.append(f"{text} ({STATUS_WORDS.get(rel.get('status'), '?')})")
    elif rtype == "ATTENDED" and rel.get("role"):
        text = ROLE_WORDS.get(rel["role"], rel["role"])
        lines.append(text)
    elif rtype == "SUBORDINATE_TO" and (rel.get("since") or rel.get("until")):
        lines.append(f"{rel.get('since') or '?'} → {rel.get('until') or 'nay'}")
    elif rtype == "MENTIONS" and rel.get("sentence"):
        lines.append(f"“{rel['sentence']}”")
    lines += provenance(rel, articles)
    return text, "\n".join(lines)


def query_picture(store: Store, cypher: str, params: dict | None = None, *, timeout: float | None = 30,
                  max_nodes: int | None = DEFAULT_MAX_NODES) -> Picture:
    result = store.read(cypher, params or {}, timeout=timeout)
    col = _Collector()
    for row in result.rows:
        col.row(list(row))
        check_size(len(col.nodes), max_nodes, "the query's picture")
    if not col.nodes:
        raise VizError("the query returned no nodes or paths to draw: return nodes (RETURN p), paths "
                       "(MATCH path = (a)-[r]->(b) RETURN path) or nodes with their relationships (RETURN a, r, b)")
    articles = _articles(store, _source_keys(rel for _, _, rel in col.edges.values()))
    g = nx.MultiDiGraph()
    shown_elsewhere = ("_label", "name", "search", "aliases", "kind", "level", "locality", "source", "date", "url")
    for ident, node in col.nodes.items():
        detail = describe_node(node)
        detail += [f"{k}: {', '.join(map(str, v)) if isinstance(v, list) else v}" for k, v in sorted(node.items())
                   if k not in shown_elsewhere and v not in ("", [], None)]
        lines, extra = _node_lines(node)
        _add_box(g, ident, node.get("_label") if node.get("_label") in STYLES else "_other", plain=lines, ital=extra,
                 detail="\n".join(detail))
    for a, b, rel in col.edges.values():
        if rel.get("_type") == "_row":
            g.add_edge(a, b, type="_row", text="", detail="cùng một dòng kết quả", tip="cùng một dòng kết quả",
                       dashes=True, arrow=False)
            continue
        text, detail = _rel_detail(rel, col.nodes[a], col.nodes[b], articles)
        if rel.get("_type") not in REL_WORDS:  # the legend names the known types by color
            text = f"{rel.get('_type')} {text}".strip()
        g.add_edge(a, b, type=rel.get("_type"), text=text, detail=detail, tip=_node_tip(detail))
    for a, b, d in g.edges(data=True):  # room beside each node for the dates written on its lines
        room = 2 * len(d["text"]) * 12 * CHAR if d["text"] else 0  # two fanned lines: labels half as far apart
        for n in (a, b):
            g.nodes[n]["w"] = max(g.nodes[n]["w"], room)
    layout_layers(g, hgap=50, vgap=110)
    rels = sum(1 for *_, d in g.edges(data=True) if d["type"] != "_row")
    subtitle = f"{len(result.rows)} dòng kết quả: {g.number_of_nodes()} nút, {rels} quan hệ"
    notes = []
    if col.loose:
        notes.append(f"{col.loose} quan hệ không có đủ hai đầu trong dòng kết quả nên không vẽ được "
                     f"(hãy trả về đường đi: MATCH path = … RETURN path)")
    return Picture(g, "Kết quả truy vấn", subtitle, kind="query", notes=notes)


# --------------------------------------------------------------------------------------------
# Rendering: one HTML file, vis-network inlined, no URL of any kind
# --------------------------------------------------------------------------------------------
FONT_FACE = "'DejaVu Sans', 'Noto Sans', 'Segoe UI', Roboto, Arial, sans-serif"


def vis_js_path() -> str:
    """The vis-network build pyvis ships inside its package."""
    import pyvis

    base = os.path.join(os.path.dirname(pyvis.__file__), "lib")
    for version in ("vis-9.1.2", "vis-9.0.4"):
        path = os.path.join(base, version, "vis-network.min.js")
        if os.path.exists(path):
            return path
    raise VizError(f"vis-network is missing from the pyvis package ({base}): reinstall pyvis")


def _vis_js() -> str:
    with open(vis_js_path(), encoding="utf-8") as f:
        js = f.read()
    return js.replace("</script", "<\\/script")


def _group_options() -> dict:
    groups = {}
    for label, s in list(STYLES.items()) + [("_other", OTHER_STYLE)]:
        groups[label] = {
            "shape": s.shape,
            "color": {"background": s.background, "border": s.border,
                      "highlight": {"background": s.background, "border": "#1a202c"},
                      "hover": {"background": s.background, "border": "#1a202c"}},
            "shapeProperties": {"borderRadius": s.radius, "borderDashes": [5, 4] if s.dashes else False},
        }
    groups["_heading"] = {"shape": "text", "font": {"size": 16, "color": "#2d3748"}}
    return groups


def _legend(picture: Picture) -> list[tuple[str, str, Style | None]]:
    present = {d.get("group") for _, d in picture.graph.nodes(data=True)}
    items: list[tuple[str, str, Style | None]] = []
    for label, s in STYLES.items():
        if label in present:
            items.append(("node", s.name, s))
    if "_other" in present:
        items.append(("node", OTHER_STYLE.name, OTHER_STYLE))
    if any(d.get("focus") for _, d in picture.graph.nodes(data=True)):
        items.append(("focus", "đang xem", None))
    types = {d.get("type") for *_, d in picture.graph.edges(data=True)}
    for t in ("SUBORDINATE_TO", "HELD_OFFICE", "OF", "ATTENDED", "MENTIONS"):
        if t in types:
            items.append((f"edge:{t}", f"→ {REL_WORDS[t]}", None))
    if "_row" in types:
        items.append(("row", "cùng dòng kết quả", None))
    return items


def _esc(text: Any) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _script_json(value: Any) -> str:
    # "<" never appears raw, so no name can close the script element or open a comment in it.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def _strut(text: str) -> str:
    return "\n".join(line + STRUT for line in text.split("\n"))


def page_data(picture: Picture) -> dict:
    """The nodes, edges and options the page hands to vis-network."""
    g = picture.graph
    big = g.number_of_nodes() > BIG_NODES or g.number_of_edges() > BIG_EDGES
    ids = {n: i for i, n in enumerate(g.nodes)}
    nodes, details = [], {}
    for n, d in g.nodes(data=True):
        item = {"id": ids[n], "label": _strut(d.get("text") or markup(n)), "group": d.get("group") or "_other",
                "x": round(d.get("x", 0.0), 1), "y": round(d.get("y", 0.0), 1)}
        if d.get("tip"):
            item["title"] = d["tip"]
        lines = item["label"].count("\n") + 1
        if lines > 1:  # vis starts a label as if its lines were font-size tall; they are LINE_HEIGHT
            shift = -round((lines - 1) * (LINE_HEIGHT - FONT_SIZE) / 2, 1)
            item["font"] = {"vadjust": shift, **{mod: {"vadjust": shift} for mod in ("bold", "ital", "mono")}}
        if d.get("focus"):
            fill, border = FOCUS.get(item["group"], ("#e2e8f0", "#1a202c"))
            item["color"] = {"background": fill, "border": border,
                             "highlight": {"background": fill, "border": "#1a202c"},
                             "hover": {"background": fill, "border": "#1a202c"}}
            item["borderWidth"] = 3.5
        nodes.append(item)
        details[f"n{ids[n]}"] = d.get("detail") or ""
    edges = []
    for i, (a, b, d) in enumerate(g.edges(data=True)):
        item: dict[str, Any] = {"id": f"e{i}", "from": ids[a], "to": ids[b]}
        if d.get("text") and not big:
            item["label"] = d["text"]
        if d.get("tip"):
            item["title"] = d["tip"]
        if d.get("dashes"):
            item["dashes"] = True
        if not d.get("arrow", True):
            item["arrows"] = {"to": {"enabled": False}}
        color = d.get("color") or REL_COLORS.get(d.get("type"))
        if color:
            item["color"] = {"color": color}
        edges.append(item)
        details[f"e{i}"] = d.get("detail") or ""
    smooth: Any = False if big else {"type": "cubicBezier", "forceDirection": "vertical", "roundness": 0.45}
    options = {
        "autoResize": True,
        "physics": {"enabled": False, "solver": "barnesHut",
                    "barnesHut": {"gravitationalConstant": -6000, "springLength": 160, "avoidOverlap": 0.4},
                    "stabilization": {"enabled": True, "iterations": 200, "fit": False}},
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "interaction": {"hover": not big, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": False, "multiselect": False},
        "nodes": {"font": {"face": FONT_FACE, "size": FONT_SIZE, "color": "#1a202c", "multi": "html",
                           "bold": {"size": BOLD_SIZE, "face": FONT_FACE, "color": "#102a43"},
                           "ital": {"size": FONT_SIZE - 1, "face": FONT_FACE, "color": "#4a5568"},
                           # An invisible block that gives every line room for stacked Vietnamese diacritics.
                           "mono": {"size": LINE_HEIGHT, "face": "monospace", "color": "rgba(0,0,0,0)"}},
                  "margin": MARGIN, "borderWidth": 1.5, "borderWidthSelected": 3, "labelHighlightBold": False,
                  "shadow": False},
        "edges": {"font": {"face": FONT_FACE, "size": 12, "color": "#2d3748", "strokeWidth": 4,
                           "strokeColor": "#ffffff", "align": "horizontal"},
                  "color": {"color": "#718096", "highlight": "#2b6cb0", "hover": "#2b6cb0", "inherit": False},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}, "width": 1.3,
                  "smooth": smooth, "selectionWidth": 2},
        "groups": _group_options(),
    }
    return {"nodes": nodes, "edges": edges, "details": details, "options": options, "big": big}


_CSS = """
html,body{margin:0;height:100%;background:#fff;color:#1a202c;
  font-family:'DejaVu Sans','Noto Sans','Segoe UI',Roboto,Arial,sans-serif}
body{display:flex;flex-direction:column}
header{padding:8px 14px 6px;border-bottom:1px solid #e2e8f0}
header h1{font-size:18px;margin:0 0 2px}
.sub{font-size:13px;color:#4a5568;margin:0 0 5px}
.note{font-size:12px;color:#975a16;margin:0 0 4px}
.bar{display:flex;flex-wrap:wrap;align-items:center;gap:4px 18px;font-size:12.5px}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;list-style:none;margin:0;padding:0}
.legend li{display:flex;align-items:center;gap:6px}
.sw{display:inline-block;width:24px;height:14px;border:2px solid;box-sizing:border-box}
.sw.box{border-radius:3px}.sw.ellipse{border-radius:50%}.sw.pill{border-radius:7px}
.sw.square{border-radius:0}.sw.dashed{border-style:dashed;border-radius:3px}
.ln{display:inline-block;width:28px;border-top:2px solid #718096;position:relative}
.ln.dashed{border-top-style:dashed;border-color:#a0aec0}
.hint{color:#718096}
main{flex:1;position:relative;min-height:0}
#graph{position:absolute;inset:0}
#panel{position:absolute;right:12px;top:12px;width:400px;max-width:45%;max-height:calc(100% - 24px);
  overflow:auto;background:#fffffff2;border:1px solid #a0aec0;border-radius:6px;padding:10px 12px;
  font-size:13px;line-height:1.45;white-space:pre-wrap;display:none;box-shadow:0 2px 10px rgba(0,0,0,.15)}
#panel .close{float:right;cursor:pointer;border:0;background:none;font-size:16px;line-height:1}
div.vis-tooltip{position:absolute;visibility:hidden;padding:6px 9px;white-space:pre-wrap;max-width:480px;
  font-size:12.5px;line-height:1.4;background:#fffdf3;border:1px solid #a0aec0;border-radius:4px;
  box-shadow:2px 2px 8px rgba(0,0,0,.15);pointer-events:none;z-index:5;color:#1a202c;
  font-family:'DejaVu Sans','Noto Sans','Segoe UI',Roboto,Arial,sans-serif}
"""

_APP_JS = """
(function () {
  var D = JSON.parse(document.getElementById('orggraph-data').textContent);
  var container = document.getElementById('graph');
  var net = new vis.Network(container, {nodes: new vis.DataSet(D.nodes), edges: new vis.DataSet(D.edges)}, D.options);
  function fit() {
    net.fit({animation: false});
    if (net.getScale() > 1.15) { net.moveTo({scale: 1.15, animation: false}); }
  }
  var first = true;
  net.on('afterDrawing', function () {
    // Labels are measured at the first drawing: fit again now that every box has its size.
    if (first) { first = false; fit(); document.body.setAttribute('data-drawn', String(D.nodes.length)); }
  });
  fit();
  var panel = document.getElementById('panel'), text = document.getElementById('panel-text');
  net.on('click', function (p) {
    var key = p.nodes.length ? 'n' + p.nodes[0] : (p.edges.length ? p.edges[0] : null);
    if (key === null || !D.details[key]) { panel.style.display = 'none'; return; }
    text.textContent = D.details[key];
    panel.style.display = 'block';
  });
  document.getElementById('panel-close').onclick = function () { panel.style.display = 'none'; };
  document.getElementById('fit').onclick = fit;
  var physics = document.getElementById('physics');
  if (physics) {  // small pictures only: a simulation over thousands of nodes would freeze the page
    physics.onchange = function (e) { net.setOptions({physics: {enabled: e.target.checked}}); };
  }
  window.orggraph = net;
})();
"""


def render_html(picture: Picture) -> str:
    data = page_data(picture)
    legend = []
    style_group = next((d.get("group") for _, d in picture.graph.nodes(data=True) if d.get("focus")), None)
    for kind, word, style in _legend(picture):
        if kind == "node" and style:
            legend.append(f'<li><span class="sw {style.swatch}" style="background:{style.background};'
                          f'border-color:{style.border}"></span>{_esc(word)}</li>')
        elif kind == "focus":
            fill, border = FOCUS.get(style_group or "", ("#e2e8f0", "#1a202c"))
            legend.append(f'<li><span class="sw box" style="background:{fill};border:3.5px solid '
                          f'{border}"></span>{_esc(word)}</li>')
        elif kind.startswith("edge:"):
            color = REL_COLORS.get(kind[5:], "#718096")
            legend.append(f'<li><span class="ln" style="border-color:{color}"></span>{_esc(word)}</li>')
        else:
            legend.append(f'<li><span class="ln dashed"></span>{_esc(word)}</li>')
    notes = "".join(f'<p class="note">{_esc(n)}</p>' for n in picture.notes)
    physics = "" if data["big"] else '<label><input id="physics" type="checkbox"> Tự dàn lại</label>'
    hint = ("Rê chuột lên một nút hoặc đường để xem ngày, nguồn và câu trích; bấm để giữ chi tiết; "
            "kéo để di chuyển, cuộn để phóng to.")
    payload = {"nodes": data["nodes"], "edges": data["edges"], "details": data["details"], "options": data["options"]}
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="orggraph">
<title>{_esc(picture.title)}</title>
<style>{_CSS}</style>
</head>
<body data-kind="{_esc(picture.kind)}" data-nodes="{picture.node_count}" data-edges="{picture.edge_count}">
<header>
<h1>{_esc(picture.title)}</h1>
<p class="sub">{_esc(picture.subtitle)}</p>
{notes}<div class="bar"><ul class="legend">{''.join(legend)}</ul>
<span class="hint">{_esc(hint)}</span>
<button id="fit" type="button">Xem toàn bộ</button>
{physics}</div>
</header>
<main><div id="graph"></div>
<div id="panel"><button id="panel-close" class="close" type="button" title="Đóng">×</button>
<div id="panel-text"></div></div>
</main>
<script type="application/json" id="orggraph-data">{_script_json(payload)}</script>
<script>
{_vis_js()}
</script>
<script>{_APP_JS}</script>
</body>
</html>
"""


def write_html(picture: Picture, path: str) -> str:
    """Write the page; return its path."""
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    text = render_html(picture)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


# --------------------------------------------------------------------------------------------
# Checking a page: headless Chromium with the network cut off
# --------------------------------------------------------------------------------------------
_EXTERNAL = re.compile(r"""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:|wss?:|ftp:)?//)"""
                       r"""|(?:url\(\s*["']?\s*(?:https?:|wss?:)?//)"""
                       r"""|(?:@import\s+["']?(?:url\()?\s*["']?(?:https?:)?//)""", re.I)


def external_references(html_text: str) -> list[str]:
    """Attributes and CSS that would make a browser fetch something: `src=`/`href=` to a URL,
    `url(//…)`, `@import`.  (URLs inside the inlined library's license comment fetch nothing.)"""
    return [m.group(0) for m in _EXTERNAL.finditer(html_text)]


def find_chromium() -> str | None:
    for name in (os.environ.get("ORGGRAPH_CHROMIUM"), "chromium", "chromium-browser", "google-chrome", "chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


@dataclass
class Rendering:
    png: str
    seconds: float
    requests: list[str]  # URLs the page itself tried to fetch (not the browser's own background traffic)
    returncode: int
    log: str


def render_offline(html_path: str, png_path: str, *, width: int = 1400, height: int = 1000,
                   budget_ms: int = 8000, timeout: float = 90) -> Rendering:
    """Open `html_path` in headless Chromium with every request sent to a dead proxy and every host
    unresolvable, screenshot it to `png_path`, and report what the page tried to load (from
    Chromium's net log: requests the page initiated, whatever their outcome)."""
    chromium = find_chromium()
    if not chromium:
        raise VizError("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="orggraph-chromium-") as tmp:
        netlog = os.path.join(tmp, "net.json")
        cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--disable-background-networking", "--no-first-run", "--no-default-browser-check",
               "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps",
               "--hide-scrollbars", "--mute-audio",
               f"--user-data-dir={os.path.join(tmp, 'profile')}", f"--screenshot={os.path.abspath(png_path)}",
               f"--window-size={width},{height}", f"--virtual-time-budget={budget_ms}",
               "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
               "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
               f"--log-net-log={netlog}", "--net-log-capture-mode=Default",
               "file://" + os.path.abspath(html_path)]
        if os.path.exists(png_path):
            os.remove(png_path)
        started = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        seconds = time.perf_counter() - started
        requests = _page_requests(netlog)
    return Rendering(png_path, seconds, requests, proc.returncode, proc.stderr[-4000:])


def _page_requests(netlog: str) -> list[str]:
    try:
        with open(netlog, encoding="utf-8") as f:
            text = f.read()
    except OSError:
        return ["(no net log was written)"]
    try:
        data = json.loads(text)
    except json.JSONDecodeError:  # a log cut short: close it the way Chromium would
        data = json.loads(text.rstrip().rstrip(",") + "]}")
    types = {v: k for k, v in data.get("constants", {}).get("logEventTypes", {}).items()}
    out = []
    for event in data.get("events", []):
        if types.get(event.get("type")) != "URL_REQUEST_START_JOB":
            continue
        params = event.get("params", {})
        url = params.get("url")
        if not url:  # the end of a job: its start was counted
            continue
        if params.get("initiator") == "not an origin":  # the browser's own traffic, not the page's
            continue
        if url.split(":", 1)[0].lower() in ("file", "data", "blob", "about", "chrome", "devtools"):
            continue
        out.append(url)
    return out


def drawn_fraction(png_path: str, top: int = 0) -> float:
    """The share of the screenshot below `top` px whose pixels are not near-white (needs Pillow)."""
    from PIL import Image

    with Image.open(png_path) as img:
        img = img.convert("L")
        w, h = img.size
        region = img.crop((0, top, w, h))
        hist = region.histogram()
    total = sum(hist)
    return sum(hist[:235]) / total if total else 0.0
