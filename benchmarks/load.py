"""End-to-end loading of a real archive into a fresh embedded store, beside the floor.

    .venv/bin/python benchmarks/load.py [CORPUS.jsonl.gz] [--scale N] [--limit N]

Prints wall time, articles/s, MB/s, peak RSS of the load (the `orggraph load` process and
its workers), the store's size on disk, and the floor (decompress + JSON + name regex
over the same input) with the ratio; then recipe latencies (median of repeated runs)
on the loaded graph.  `--scale 10` loads the corpus ten times over with distinct ids
(a 10x archive).  Targets on a 2-core machine: corpus ≤ 60 s (≤ 20x the floor), recipe
medians ≤ 20 ms, 10x time ≤ 11x and peak RSS ≤ 2 GiB.  Run by hand; not in the test suite.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from orggraph.graph.store import open_store  # noqa: E402
from orggraph.loaders.names import PERSON_NAME_PATTERN  # noqa: E402
from orggraph.queries import run_recipe  # noqa: E402

DEFAULT_CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "baomoi-2017.jsonl.gz")
RECIPES = [
    ("who-held", {"title": "Bí thư", "organization": "thanh uy", "date": "2017-06-01"}),
    ("timeline", {"person": "nguyen xuan phuc"}),
    ("holders", {"organization": "tinh uy", "date": "2017-06-01"}),
    ("succession", {"title": "Chủ tịch", "organization": "uy ban nhan dan"}),
    ("sub-organizations", {"organization": "tinh uy"}),
    ("congresses", {"organization": "dang uy"}),
    ("attendees", {"organization": "dang uy"}),
    ("people", {"name": "nguyen van"}),
    ("statements", {"person": "nguyen xuan phuc"}),
]


def build_input(corpus: str, scale: int, limit: int | None, target: str) -> tuple[int, int]:
    """The corpus (repeated `scale` times with distinct ids) as one .jsonl.gz file."""
    count = size = 0
    with gzip.open(target, "wt", encoding="utf-8", compresslevel=1) as out:
        for copy in range(scale):
            with gzip.open(corpus, "rt", encoding="utf-8") as fh:
                for n, line in enumerate(fh):
                    if limit and n >= limit:
                        break
                    row = json.loads(line)
                    if copy:
                        row["id"] = f"{row['id']}-copy{copy}"
                        row["text"] = row["text"] + f"\n(bản {copy})"  # a distinct text: a distinct article
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                    count += 1
                    size += len(row["text"].encode("utf-8"))
    return count, size


def floor(path: str) -> float:
    names = re.compile(PERSON_NAME_PATTERN)
    started = time.perf_counter()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            sum(1 for _ in names.finditer(json.loads(line)["text"]))
    return time.perf_counter() - started


def dir_size(path: str) -> int:
    return sum(os.path.getsize(os.path.join(r, f)) for r, _, files in os.walk(path) for f in files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of the corpus")
    parser.add_argument("--keep", help="keep the database in this directory")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="orggraph-bench-")
    try:
        source = os.path.join(work, "input.jsonl.gz")
        count, size = build_input(args.corpus, args.scale, args.limit, source)
        mb = size / 1e6
        floor_seconds = floor(source)
        db = args.keep or os.path.join(work, "db")
        exe = os.path.join(os.path.dirname(sys.executable), "orggraph")
        started = time.perf_counter()
        result = subprocess.run([exe, "--db", db, "load", source], capture_output=True, text=True)
        seconds = time.perf_counter() - started
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        if result.returncode not in (0, 3):
            sys.exit(f"load failed: {result.stderr.strip().splitlines()[-1:]}")
        print(f"input: {count} articles, {mb:.1f} MB of text (scale {args.scale})")
        print(f"load: {seconds:.1f} s, {count / seconds:.0f} articles/s, {mb / seconds:.2f} MB/s, "
              f"peak RSS {rss:.0f} MiB (largest process), store {dir_size(db) / 1e6:.0f} MB")
        print(f"floor: {floor_seconds:.1f} s ({mb / floor_seconds:.1f} MB/s); load/floor = {seconds / floor_seconds:.1f}x")
        print(f"summary: {result.stderr.strip().splitlines()[-1]}")
        with open_store(db, read_only=True) as store:
            for name, params in RECIPES:
                times = []
                for _ in range(15):
                    t = time.perf_counter()
                    rows = run_recipe(store, name, params).rows
                    times.append((time.perf_counter() - t) * 1000)
                print(f"recipe {name:<18} median {statistics.median(times):7.2f} ms  ({len(rows)} rows)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
