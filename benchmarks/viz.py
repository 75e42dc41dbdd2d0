"""How long a 2,000-node picture takes, from the store to pixels in an offline Chromium.

    .venv/bin/python benchmarks/viz.py [--nodes 2000] [--keep DIR]

Builds a synthetic embedded store (a province: one committee, 30 district committees, grassroots
organizations under them, two post holders each), then times two pages of about --nodes nodes:

- hierarchy: `viz hierarchy` of the province (organizations with their holders inside the boxes);
- query: `viz query` returning paths person → post → organization → the organization above it
  (a mixed graph laid out in layers).

For each: seconds to build the picture (queries, networkx, layout), to write the HTML, and for headless
Chromium (network cut off) to open the page and take a screenshot; the page's size; what the page
tried to fetch (nothing, or it fails); the share of the picture area that was drawn.  The target is
< 15 s in Chromium.  Exit code 1 when a page misses it.  Run by hand; not part of the test suite.

    .venv/bin/python benchmarks/viz.py --archive [--db /tmp/vizarch] [--out viz-archive]

Screenshots of real careers and a large hierarchy, and what a reader sees when each page opens:
loads the 2017 archive (--corpus, ~45 s on a quiet machine) into --db unless it is already there,
then for Đinh La Thăng and Nguyễn Thiện Nhân draws `viz person` of the node with the most posts (the
archive may split a person into several nodes), and `viz hierarchy` of the synthetic province at
--hierarchy-orgs organizations (the archive's own hierarchies have at most three boxes).  For each:
the PNG written to --out, the opening zoom, the labels on screen, pairs of boxes that overlap
(0, or it fails), the share of the picture drawn.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from orggraph.graph import visualize as V  # noqa: E402
from orggraph.graph.store import RelWrite, open_store  # noqa: E402

TARGET_SECONDS = 15.0
TITLES = ("Bí thư", "Phó Bí thư", "Chủ tịch", "Ủy viên Ban Thường vụ")
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi")


def build_store(path: str, n_orgs: int, holders: int = 2, districts: int = 30) -> None:
    """A province of n_orgs organizations: 0 is the province committee, 1..districts its district
    committees, the rest grassroots organizations spread over the districts."""
    def parent(i: int) -> int:
        return 0 if i <= districts else 1 + (i - districts - 1) % districts

    def name(i: int) -> str:
        if i == 0:
            return "Tỉnh ủy Thử Nghiệm"
        if i <= districts:
            return f"Huyện ủy Thử Nghiệm {i}"
        return f"Đảng ủy xã Thử Nghiệm {i}"

    with open_store(path) as store:
        store.setup_schema()
        with store.transaction():
            store.merge_nodes("Organization", [
                {"key": f"o:{i}", "name": name(i), "search": V.fold(name(i)), "kind": "party_committee",
                 "level": "province" if i == 0 else "district" if i <= districts else "commune"}
                for i in range(n_orgs)], ["name", "search", "kind", "level"])
            store.merge_relationships(
                RelWrite("SUBORDINATE_TO", "Organization", "Organization"),
                [{"src": f"o:{i}", "dst": f"o:{parent(i)}"} for i in range(1, n_orgs)])
            positions, people, held, of = [], [], [], []
            for i in range(n_orgs):
                for j in range(holders):
                    title = TITLES[j % len(TITLES)]
                    person = f"{SURNAMES[(i + j) % len(SURNAMES)]} Văn Thử {i}-{j}"
                    positions.append({"key": f"pos:{i}:{j}", "name": f"{title} {name(i)}", "search": V.fold(title),
                                      "title": title})
                    people.append({"key": f"p:{i}:{j}", "name": person, "search": V.fold(person)})
                    held.append({"src": f"p:{i}:{j}", "dst": f"pos:{i}:{j}", "start_date": "2020-08-04",
                                 "status": "current"})
                    of.append({"src": f"pos:{i}:{j}", "dst": f"o:{i}"})
            store.merge_nodes("Position", positions, ["name", "search", "title"])
            store.merge_nodes("Person", people, ["name", "search"])
            store.merge_relationships(RelWrite("HELD_OFFICE", "Person", "Position", ("start_date", "status")), held)
            store.merge_relationships(RelWrite("OF", "Position", "Organization"), of)


def measure(label: str, build, out_dir: str) -> tuple[float, bool]:
    started = time.perf_counter()
    picture = build()
    built = time.perf_counter() - started
    page = os.path.join(out_dir, f"{label}.html")
    started = time.perf_counter()
    V.write_html(picture, page)
    written = time.perf_counter() - started
    result = V.render_offline(page, os.path.join(out_dir, f"{label}.png"))
    drawn = V.drawn_fraction(result.png, 150) if os.path.exists(result.png) else 0.0
    ok = result.returncode == 0 and not result.requests and result.seconds < TARGET_SECONDS and drawn > 0.01
    print(f"{label:10} {picture.node_count:5d} nodes {picture.edge_count:5d} links | build {built:5.2f} s | "
          f"write {written:4.2f} s, {os.path.getsize(page) / 1e6:4.1f} MB | chromium {result.seconds:5.2f} s "
          f"(target < {TARGET_SECONDS:g} s) | drawn {drawn:.1%} | fetched {len(result.requests)} | "
          f"{'OK' if ok else 'FAIL'}")
    if result.requests:
        print("  tried to fetch:", *result.requests[:5])
    return result.seconds, ok


ARCHIVE = "/work/shared/corpus/baomoi-2017.jsonl.gz"
CAREERS = ("Đinh La Thăng", "Nguyễn Thiện Nhân")
READABLE = 0.8  # page.js opens no smaller than this when the whole picture would be smaller


def biggest_person(store, name: str) -> tuple[str, int]:
    """The key of the person node of this name with the most posts, and their number."""
    rows = store.read("MATCH (p:Person)-[h:HELD_OFFICE]->(:Position) WHERE p.search = $q "
                      "RETURN p.key AS key, count(h) AS posts ORDER BY posts DESC, key LIMIT 1",
                      {"q": V.fold(name)}).rows
    if not rows:
        raise SystemExit(f"no person named {name} with posts in the database")
    return rows[0][0], rows[0][1]


def screenshot(label: str, picture, out_dir: str) -> bool:
    page, png = os.path.join(out_dir, f"{label}.html"), os.path.join(out_dir, f"{label}.png")
    V.write_html(picture, page)
    result = V.render_offline(page, png)
    view = V.opening_view(page)
    drawn = V.drawn_fraction(png, 150) if os.path.exists(png) else 0.0
    overlaps = view.overlaps()
    ok = (result.returncode == 0 and not result.requests and not overlaps and view.scale >= READABLE - 1e-6
          and len(view.labels()) >= 5 and drawn > 0.01)
    print(f"{label:24} {picture.node_count:5d} nodes | chromium {result.seconds:5.2f} s | opens at zoom "
          f"{view.scale:.2f} | {len(view.labels()):3d} labels on screen, {len(overlaps)} overlapping | drawn "
          f"{drawn:.1%} | {'OK' if ok else 'FAIL'} | {png}")
    for a, b in overlaps[:5]:
        print(f"  overlap: {a.text!r} / {b.text!r}")
    return ok


def archive(args) -> int:
    from orggraph.graph.loading import load_paths

    os.makedirs(args.out, exist_ok=True)
    if not os.path.exists(args.db):
        started = time.perf_counter()
        with open_store(args.db) as store:
            summary = load_paths(store, [args.corpus])
        print(f"loaded {summary.loaded} articles of {args.corpus} into {args.db} in "
              f"{time.perf_counter() - started:.0f} s")
    results = []
    with open_store(args.db, read_only=True) as store:
        for name in CAREERS:
            key, posts = biggest_person(store, name)
            picture = V.person(store, key)
            print(f"{name}: {key} ({posts} posts) — {picture.subtitle}")
            results.append(screenshot(f"person-{V.slug(name)}", picture, args.out))
    work = tempfile.mkdtemp(prefix="orggraph-viz-bench-")
    try:
        db = os.path.join(work, "db")
        build_store(db, args.hierarchy_orgs)
        with open_store(db, read_only=True) as store:
            picture = V.hierarchy(store, "Tỉnh ủy Thử Nghiệm", depth=3, on="2024-01-01")
            print(f"synthetic province: {picture.subtitle}")
            results.append(screenshot("hierarchy-large", picture, args.out))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"pages and screenshots in {os.path.abspath(args.out)}")
    return 0 if all(results) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000, help="Nodes per page (default 2000).")
    parser.add_argument("--keep", metavar="DIR", help="Keep the pages and screenshots in DIR.")
    parser.add_argument("--archive", action="store_true",
                        help="Screenshot the archive's two big careers and a large hierarchy instead.")
    parser.add_argument("--corpus", default=ARCHIVE, help=f"The archive to load (default {ARCHIVE}).")
    parser.add_argument("--db", default="/tmp/vizarch", help="Its database; loaded when missing (default /tmp/vizarch).")
    parser.add_argument("--out", default="viz-archive", help="Where the pages and PNGs go (default ./viz-archive).")
    parser.add_argument("--hierarchy-orgs", type=int, default=450,
                        help="Organizations in the large synthetic hierarchy (default 450).")
    args = parser.parse_args()
    if not V.find_chromium():
        print("chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 2
    if args.archive:
        return archive(args)
    work = tempfile.mkdtemp(prefix="orggraph-viz-bench-")
    out_dir = args.keep or work
    os.makedirs(out_dir, exist_ok=True)
    try:
        db = os.path.join(work, "db")
        started = time.perf_counter()
        build_store(db, args.nodes)
        print(f"synthetic store: {args.nodes} organizations, {2 * args.nodes} posts and holders "
              f"in {time.perf_counter() - started:.1f} s")
        per_org = 5  # an organization, two posts, two holders
        query_orgs = [f"o:{i}" for i in range(args.nodes // per_org)]
        cypher = ("MATCH path = (p:Person)-[:HELD_OFFICE]->(x:Position)-[:OF]->(o:Organization)"
                  "-[:SUBORDINATE_TO]->(b:Organization) WHERE o.key IN $keys RETURN path")
        with open_store(db, read_only=True) as store:
            results = [
                measure("hierarchy", lambda: V.hierarchy(store, "Tỉnh ủy Thử Nghiệm", depth=5, on="2024-01-01",
                                                         max_nodes=args.nodes + 1), out_dir),
                measure("query", lambda: V.query_picture(store, cypher, {"keys": query_orgs},
                                                         max_nodes=args.nodes + 1), out_dir),
            ]
        if args.keep:
            print(f"pages and screenshots in {args.keep}")
        worst = max(seconds for seconds, _ in results)
        print(f"slowest page in chromium: {worst:.2f} s for ~{args.nodes} nodes (target < {TARGET_SECONDS:g} s)")
        return 0 if all(ok for _, ok in results) else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
