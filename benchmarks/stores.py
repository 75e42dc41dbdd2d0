"""The embedded store and Neo4j side by side: the same archive loaded into each, then the
same recipes timed on each.  One run.

    .venv/bin/python benchmarks/stores.py [CORPUS.jsonl.gz] [--limit N] [--neo4j URI]

Loads the 2017 archive (or its first N articles) with `orggraph load` into a fresh embedded
store and into Neo4j (a fresh Neo4j 5.26 started from Maven Central like the tests',
tests/neo4j_server.py, with its 512 MiB heap; or `--neo4j URI`, whose database is emptied
first), and prints load time and recipe medians (15 runs each, after one warm-up) in two
columns.  Needs java and mvn unless --neo4j is given.  Run by hand; not in the test suite.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "benchmarks"))

from load import DEFAULT_CORPUS, RECIPES, build_input  # noqa: E402

from orggraph.graph.copy import graph_counts  # noqa: E402
from orggraph.graph.store import open_store  # noqa: E402
from orggraph.queries import run_recipe  # noqa: E402

RUNS = 15


def load(exe: str, target: list[str], source: str) -> float:
    started = time.perf_counter()
    result = subprocess.run([exe, *target, "load", "--quiet", source], capture_output=True, text=True)
    if result.returncode not in (0, 3):
        sys.exit(f"load into {' '.join(target)} failed: {result.stderr.strip().splitlines()[-1:]}")
    return time.perf_counter() - started


def medians(store) -> dict[str, tuple[float, int]]:
    out = {}
    for name, params in RECIPES:
        rows = run_recipe(store, name, params).rows  # warm-up (Neo4j plans and caches the query)
        times = []
        for _ in range(RUNS):
            t = time.perf_counter()
            run_recipe(store, name, params)
            times.append((time.perf_counter() - t) * 1000)
        out[name] = (statistics.median(times), len(rows))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of the corpus")
    parser.add_argument("--neo4j", metavar="URI", help="an external scratch Neo4j server (its database is emptied)")
    args = parser.parse_args()
    if not os.path.exists(args.corpus):
        sys.exit(f"no such corpus: {args.corpus}")

    from orggraph.graph.neo4j_store import Neo4jStore

    work = tempfile.mkdtemp(prefix="orggraph-stores-")
    server = None
    try:
        source = os.path.join(work, "input.jsonl.gz")
        count, size = build_input(args.corpus, 1, args.limit, source)
        uri = args.neo4j
        if not uri:
            from tests.neo4j_server import Neo4jServer, why_unavailable

            reason = why_unavailable()
            if reason:
                sys.exit(reason.replace("NEO4J_URI is not set and ", "") + "; or pass --neo4j URI")
            server = Neo4jServer(Path(work) / "neo4j")
            uri = server.uri
        with Neo4jStore(uri) as store:
            store.write("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
        exe = os.path.join(os.path.dirname(sys.executable), "orggraph")
        db = os.path.join(work, "db")
        seconds = {"embedded": load(exe, ["--db", db], source), "neo4j": load(exe, ["--neo4j", uri], source)}
        with open_store(db, read_only=True) as embedded, Neo4jStore(uri, read_only=True) as neo4j:
            counts = graph_counts(embedded), graph_counts(neo4j)
            timed = medians(embedded), medians(neo4j)
        print(f"input: {count} articles, {size / 1e6:.1f} MB of text; graph: "
              f"{sum(counts[0].values())} nodes and relationships (embedded), {sum(counts[1].values())} (Neo4j)")
        print(f"{'':<34}{'embedded':>14}{'Neo4j 5.26':>14}")
        print(f"{'load':<34}{seconds['embedded']:>12.1f} s{seconds['neo4j']:>12.1f} s")
        print(f"{'articles/s':<34}{count / seconds['embedded']:>14.0f}{count / seconds['neo4j']:>14.0f}")
        for name, _ in RECIPES:
            (a, rows_a), (b, rows_b) = timed[0][name], timed[1][name]
            same = "" if rows_a == rows_b else f"  (rows differ: {rows_a} vs {rows_b})"
            print(f"{'recipe ' + name + ' (median)':<34}{a:>11.1f} ms{b:>11.1f} ms  {rows_a} rows{same}")
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
