"""Small text helpers: escaping, wrapping, dates, tenures, provenance lines, tooltips and the
header lines that describe a node."""
from __future__ import annotations

import hashlib
import re
import textwrap
from typing import Any

from orggraph.graph.visualize.errors import VizError
from orggraph.loaders.dates import DateError, check_iso_date
from orggraph.graph.visualize.words import (EVENT_KIND_WORDS, KIND_WORDS, LEVEL_WORDS, OTHER_STYLE, STATUS_WORDS,
                                           STYLES)
from orggraph.loaders.normalize import fold


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


def check_date(value: str | None) -> str | None:
    """The --on date, checked as every command checks dates (loaders/dates.py)."""
    try:
        return check_iso_date(value, "--on")
    except DateError as exc:
        raise VizError(str(exc)) from None


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


def node_tip(detail: str, max_lines: int = 24, width: int = 400) -> str:
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


def _status(h: dict) -> str:
    return STATUS_WORDS.get(h.get("status"), "chưa rõ")
