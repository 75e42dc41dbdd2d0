"""Identity across articles: which person nodes of one name are one real person.

Resolution keys a person per article (`resolve.person_scopes`): the same name in the
same province is one node from the start.  A national figure is still named in many
provinces and years, so after a load the nodes that share a name (as written, tone
marks kept: Thành and Thanh are two names) are compared, and those whose posts fit one career become one node.  The evidence, in
the order it is tried:

1. a position held in both ("both held Bí thư of Thành ủy Hồ Chí Minh");
2. an organization in common ("both held posts in Thành ủy Hồ Chí Minh");
3. a province in common (posts in organizations of the same province);
4. a central post: when the name has exactly one career holding a central post
   (Politburo, Central Committee, Government, National Assembly, a ministry or a
   central board) and exactly one other career, they are one national figure;
5. a node with no post of its own (only mentioned) joins the one career that holds
   posts in its article's province, or else the name's only career if it is a
   national one.

Namesakes whose posts share nothing (a Khối secretary in Quảng Ninh, a district
official in Hồ Chí Minh City) stay apart, and so does anything the curation file
split.  Each merge keeps its reason, so `orggraph resolution NAME` can show it.
This module is pure: graph/identity.py reads the nodes and applies the merges.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional


@dataclass
class Post:
    position: str  # Position key
    position_name: str  # "Bí thư Thành ủy Hồ Chí Minh"
    organization: str  # Organization key
    organization_name: str
    level: Optional[str]  # central, province, …
    province: Optional[str]  # the organization's locality, as written
    statements: int = 1
    kind: Optional[str] = None  # party_committee, ministry, …

    @property
    def central(self) -> bool:
        """A post in a central body: the Central Committee and its boards, the Government,
        the National Assembly, a ministry."""
        return self.level == "central" or self.kind == "ministry" or (
            not self.province and "Trung ương" in self.organization_name)


@dataclass
class Node:
    """A person node as the graph holds it, with what is known of its career."""

    key: str
    name: str
    posts: list[Post] = field(default_factory=list)
    article_provinces: set[str] = field(default_factory=set)  # localities of the articles naming it
    mentions: int = 0  # articles naming it
    fixed: bool = False  # made by a curation split: never merged automatically

    @property
    def statements(self) -> int:
        return sum(p.statements for p in self.posts)

    @property
    def scoped_posts(self) -> list[Post]:
        return [p for p in self.posts if "#unscoped@" not in p.organization]

    @property
    def central(self) -> bool:
        return any(p.central for p in self.scoped_posts)

    @property
    def provinces(self) -> set[str]:
        return {p.province for p in self.scoped_posts if p.province}


@dataclass
class Merge:
    keep: str
    absorb: str
    reason: str


def _first_shared(a: list[Node], b: list[Node]) -> Optional[str]:
    """The strongest evidence that two careers are one, or None."""
    pos_a = {p.position: p.position_name for n in a for p in n.scoped_posts}
    pos_b = {p.position for n in b for p in n.scoped_posts}
    shared = sorted(set(pos_a) & pos_b)
    if shared:
        return f"both held {pos_a[shared[0]]}"
    org_a = {p.organization: p.organization_name for n in a for p in n.scoped_posts}
    org_b = {p.organization for n in b for p in n.scoped_posts}
    shared = sorted(set(org_a) & org_b)
    if shared:
        return f"both held posts in {org_a[shared[0]]}"
    prov = sorted(set().union(*(n.provinces for n in a)) & set().union(*(n.provinces for n in b)))
    if prov:
        return f"both held posts in {prov[0]}"
    return None


def _rank(nodes: list[Node]) -> Node:
    """The node a career keeps: a national key first, then a province's over an article's, then
    the best attested, then the smallest key (a rule over the members alone, so any load
    order keeps the same node)."""
    return min(nodes, key=lambda n: (not n.key.endswith("@national"), "@a:" in n.key,
                                     -(n.statements + n.mentions), n.key))


def _describe(nodes: list[Node]) -> str:
    posts = sorted({p.position_name for n in nodes for p in n.scoped_posts})
    return "; ".join(posts[:3]) + (" …" if len(posts) > 3 else "")


def resolve_name(nodes: Iterable[Node]) -> list[Merge]:
    """The merges that make the nodes of one name one node per career."""
    nodes = sorted(nodes, key=lambda n: n.key)
    free = [n for n in nodes if not n.fixed]
    strong = [n for n in free if n.scoped_posts]
    weak = [n for n in free if not n.scoped_posts]
    # Careers: groups of nodes joined by shared evidence (rules 1-3), with the reason
    # each node joined.
    careers: list[list[Node]] = []
    reasons: dict[str, str] = {}
    for node in strong:
        joined = None
        for career in list(careers):
            why = _first_shared([node], career)
            if why is None:
                continue
            if joined is None:
                career.append(node)
                reasons[node.key] = why
                joined = career
            else:  # the node bridges two careers: they are one
                joined.extend(career)
                for other in career:
                    reasons.setdefault(other.key, why)
                careers.remove(career)
        if joined is None:
            careers.append([node])
    # Rule 4: one national career and one other career are one national figure.
    national = [c for c in careers if any(n.central for n in c)]
    if len(careers) == 2 and len(national) >= 1:
        first, second = careers
        why = (f"a central post ({_describe([n for n in first + second if n.central])}) and no other career "
               "of this name")
        for node in first + second:
            reasons.setdefault(node.key, why)
        first.extend(second)
        careers = [first]
    # Rule 5: mentions without posts.
    for node in weak:
        if node.key.endswith("@national") and len(careers) == 1:
            careers[0].append(node)
            reasons[node.key] = "named without a post; the only career of this name"
            continue
        by_province = [c for c in careers if node.article_provinces & set().union(*(n.provinces for n in c))]
        if len(by_province) == 1:
            place = sorted(node.article_provinces & set().union(*(n.provinces for n in by_province[0])))[0]
            by_province[0].append(node)
            reasons[node.key] = f"named without a post in an article on {place}, where this career holds posts"
        elif len(careers) == 1 and any(n.central for n in careers[0]):
            careers[0].append(node)
            reasons[node.key] = "named without a post; the only career of this name is a national one"
    merges = []
    for career in careers:
        if len(career) < 2:
            continue
        keep = _rank(career)
        for node in career:
            if node.key != keep.key:
                why = _first_shared([node], [n for n in career if n is not node]) if node.scoped_posts else None
                merges.append(Merge(keep.key, node.key, why or reasons.get(node.key) or "one career"))
    return merges
