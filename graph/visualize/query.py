"""The query page: the nodes, relationships and paths any read-only query returns."""
from __future__ import annotations

import hashlib
import json
from typing import Any

import networkx as nx

from orggraph.graph.provenance import STATED, attach_evidence
from orggraph.graph.store import Store
from orggraph.graph.visualize.layout import CHAR, layout_layers
from orggraph.graph.visualize.lookup import _articles, _source_keys
from orggraph.graph.visualize.errors import VizError
from orggraph.graph.visualize.picture import DEFAULT_MAX_NODES, Picture, _add_box, check_size
from orggraph.graph.visualize.text import clip, describe_node, node_tip, provenance, tenure_text, wrap
from orggraph.graph.visualize.words import REL_WORDS, ROLE_WORDS, STATUS_WORDS, STYLES


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
    attach_evidence(store, [(rel, a.partition(":")[2], b.partition(":")[2]) for a, b, rel in col.edges.values()
                            if rel.get("_type") in STATED])
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
        g.add_edge(a, b, type=rel.get("_type"), text=text, detail=detail, tip=node_tip(detail))
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
