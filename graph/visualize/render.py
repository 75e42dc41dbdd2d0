"""One HTML file per picture: vis-network inlined, the page's CSS and script (page.css, page.js
beside this module), a legend, tooltips and a detail panel; no URL of any kind."""
from __future__ import annotations

import json
import os
from functools import lru_cache
from importlib import resources
from typing import Any

from orggraph.graph.visualize.layout import BOLD_SIZE, FONT_SIZE, LINE_HEIGHT, MARGIN, STRUT
from orggraph.graph.visualize.errors import VizError
from orggraph.graph.visualize.picture import BIG_EDGES, BIG_NODES, Picture
from orggraph.graph.visualize.text import markup
from orggraph.graph.visualize.words import FOCUS, MARK_STYLES, OTHER_STYLE, REL_COLORS, REL_WORDS, STYLES, Style

FONT_FACE = "'DejaVu Sans', 'Noto Sans', 'Segoe UI', Roboto, Arial, sans-serif"


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    """The page's stylesheet or script, shipped beside this module."""
    return resources.files("orggraph.graph.visualize").joinpath(name).read_text(encoding="utf-8")


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
    for label, s in [*STYLES.items(), ("_other", OTHER_STYLE), *MARK_STYLES.items()]:
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
    """(kind, word, style) per legend entry; a node entry's kind is "node:" and its group."""
    present = {d.get("group") for _, d in picture.graph.nodes(data=True)}
    items: list[tuple[str, str, Style | None]] = []
    for label, s in [*STYLES.items(), ("_other", OTHER_STYLE), *MARK_STYLES.items()]:
        if label in present:
            items.append((f"node:{label}", s.name, s))
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


def _view(picture: Picture) -> dict | None:
    """What the page opens on when the whole picture is too small to read: the drawing's bounds and
    where to start (a timeline: its left edge; otherwise the box in focus, centred)."""
    g = picture.graph
    if not g.number_of_nodes():
        return None
    sides = [(d.get("x", 0.0), d.get("y", 0.0), d.get("w", 60.0) / 2, d.get("h", 34.0) / 2) for _, d in g.nodes(data=True)]
    view = {"left": min(x - w for x, _, w, _ in sides), "right": max(x + w for x, _, w, _ in sides),
            "top": min(y - h for _, y, _, h in sides), "bottom": max(y + h for _, y, _, h in sides)}
    if picture.axis:
        view["top"] = min(view["top"], picture.axis["top"] - 24)
    focus = next((d for _, d in g.nodes(data=True) if d.get("focus")), None)
    view["cx"] = focus.get("x", 0.0) if focus else (view["left"] + view["right"]) / 2
    view["align"] = "left" if picture.axis else "center"
    return {k: round(v, 1) if isinstance(v, float) else v for k, v in view.items()}


def page_data(picture: Picture) -> dict:
    """The nodes, edges and options the page hands to vis-network."""
    g = picture.graph
    big = g.number_of_nodes() > BIG_NODES or g.number_of_edges() > BIG_EDGES
    ids = {n: i for i, n in enumerate(g.nodes)}
    nodes, details = [], {}
    for n, d in g.nodes(data=True):
        text = d.get("text")
        item = {"id": ids[n], "label": _strut(text if text is not None else markup(n)) if text != "" else "",
                "group": d.get("group") or "_other", "x": round(d.get("x", 0.0), 1), "y": round(d.get("y", 0.0), 1)}
        if d.get("tip"):
            item["title"] = d["tip"]
        if d.get("shape"):
            item["shape"] = d["shape"]
        # A bar on a timeline, a label column: exactly as wide (and high) as laid out.  vis adds the
        # margin around the constraint; bars get a 1 px margin (0 would be read as "unset").
        margin = 1 if d.get("fixed_h") else MARGIN
        if d.get("fixed_h"):
            item["margin"] = {side: 1 for side in ("top", "bottom", "left", "right")}
            item["heightConstraint"] = {"minimum": round(d["h"] - 2, 1)}
        if d.get("fixed_w"):
            inner = round(max(d["w"] - 2 * margin, 1.0), 1)
            item["widthConstraint"] = {"minimum": inner, "maximum": inner}
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
    return {"nodes": nodes, "edges": edges, "details": details, "options": options, "big": big,
            "view": _view(picture), "axis": picture.axis}


def render_html(picture: Picture) -> str:
    data = page_data(picture)
    legend = []
    style_group = next((d.get("group") for _, d in picture.graph.nodes(data=True) if d.get("focus")), None)
    for kind, word, style in _legend(picture):
        if kind.startswith("node:") and style:  # a check box: untick to hide that kind of box
            legend.append(f'<li><label title="hiện/ẩn"><input class="kind" type="checkbox" checked '
                          f'data-groups="{_esc(kind[5:])}"><span class="sw {style.swatch}" '
                          f'style="background:{style.background};border-color:{style.border}"></span>'
                          f'{_esc(word)}</label></li>')
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
            "kéo để di chuyển, cuộn để phóng to; bỏ chọn một loại ở chú giải để ẩn nó.")
    payload = {k: data[k] for k in ("nodes", "edges", "details", "options", "view", "axis")}
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="orggraph">
<title>{_esc(picture.title)}</title>
<style>{_asset("page.css")}</style>
</head>
<body data-kind="{_esc(picture.kind)}" data-nodes="{picture.node_count}" data-edges="{picture.edge_count}">
<header>
<h1>{_esc(picture.title)}</h1>
<p class="sub">{_esc(picture.subtitle)}</p>
{notes}<div class="bar"><ul class="legend">{''.join(legend)}</ul>
<span class="find"><input id="search" type="search" placeholder="Tìm tên, chức vụ, tổ chức…" \
aria-label="Tìm"> <span id="found"></span></span>
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
<script>{_asset("page.js")}</script>
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
