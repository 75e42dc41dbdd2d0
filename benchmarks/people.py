"""How many person nodes a real archive gives per person name, before and after
resolution by evidence (issue 12), and who holds the top posts on a date.

    .venv/bin/python benchmarks/people.py --db /tmp/arch                  # a graph already loaded
    .venv/bin/python benchmarks/people.py --load [CORPUS] --date 2017     # load into a fresh store first

Prints persons, distinct names (folded), persons per distinct name, the share of
names split into several nodes, the nodes of a few names given with --name, and the
`who-held --on` answer for the posts given with --post (defaults: the national and
big-city leadership).  It checks nothing: compare the figures by hand.  Run by hand;
not in the test suite.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from orggraph.graph.store import open_store  # noqa: E402
from orggraph.loaders.normalize import fold  # noqa: E402
from orggraph.queries import run_recipe  # noqa: E402
from orggraph.queries.answers import who_held_on  # noqa: E402

DEFAULT_CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "baomoi-2017.jsonl.gz")
NAMES = ["Đinh La Thăng", "Nguyễn Thiện Nhân", "Nguyễn Xuân Phúc", "Nguyễn Phú Trọng", "Nguyễn Đức Chung",
         "Hoàng Trung Hải", "Nguyễn Thị Kim Ngân", "Nguyễn Mạnh Cường"]
POSTS = [("Thủ tướng", "Chính phủ"), ("Chủ tịch", "Quốc hội"), ("Tổng Bí thư", "Ban Chấp hành Trung ương Đảng"),
         ("Bí thư", "Thành ủy Hà Nội"), ("Chủ tịch", "Ủy ban nhân dân thành phố Hà Nội"),
         ("Bí thư", "Thành ủy Thành phố Hồ Chí Minh"), ("Chủ tịch", "Ủy ban nhân dân Thành phố Hồ Chí Minh"),
         ("Bí thư", "Thành ủy Đà Nẵng"), ("Chủ tịch", "Ủy ban nhân dân thành phố Đà Nẵng")]


def person_figures(store) -> dict:
    rows = store.read("MATCH (p:Person) RETURN p.search, count(p)").rows
    persons = sum(n for _, n in rows)
    split = sum(1 for _, n in rows if n > 1)
    return {"persons": persons, "names": len(rows), "per_name": persons / len(rows) if rows else 0.0,
            "split_share": split / len(rows) if rows else 0.0, "split": split,
            "max": max(rows, key=lambda r: r[1]) if rows else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="an embedded store already loaded")
    parser.add_argument("--load", nargs="?", const=DEFAULT_CORPUS, help="load this archive into a fresh store first")
    parser.add_argument("--date", default="2017", help="--date for the load (default 2017)")
    parser.add_argument("--on", default="2017-06-01", help="the date to ask who held the posts on")
    parser.add_argument("--name", action="append", help="a name to count nodes of (repeatable)")
    args = parser.parse_args()
    db = args.db
    if args.load:
        db = db or os.path.join(tempfile.mkdtemp(prefix="people-bench-"), "db")
        started = time.perf_counter()
        subprocess.run([os.path.join(ROOT, ".venv", "bin", "orggraph"), "--db", db, "load", "--quiet",
                        "--date", args.date, args.load], check=False)
        print(f"load: {time.perf_counter() - started:.1f} s into {db}")
    if not db:
        parser.error("give --db PATH or --load [CORPUS]")
    with open_store(db, read_only=True) as store:
        f = person_figures(store)
        print(f"persons {f['persons']}, distinct names {f['names']}, persons per name {f['per_name']:.3f}, "
              f"names split into several nodes {f['split']} ({100 * f['split_share']:.1f}%), "
              f"most nodes: {f['max'][0]!r} x{f['max'][1]}")
        for name in args.name or NAMES:
            keys = [r[0] for r in store.read("MATCH (p:Person {search: $s}) RETURN p.key ORDER BY p.key",
                                             {"s": fold(name)}).rows]
            print(f"  {name}: {len(keys)} node(s) {keys[:4]}{' …' if len(keys) > 4 else ''}")
        print(f"who-held --on {args.on}:")
        for title, organization in POSTS:
            params = {"title": fold(title), "organization": fold(organization)}
            on = run_recipe(store, "who-held", {**params, "date": args.on})
            every = run_recipe(store, "who-held", {**params, "date": None})
            answer = who_held_on(on, args.on, every, organization).dicts()
            people = ", ".join(f"{r['person']} [{r['status']}] ({r['organization']})" for r in answer) or "(nobody)"
            print(f"  {title} / {organization}: {people}")


if __name__ == "__main__":
    main()
