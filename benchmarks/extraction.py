"""Extraction throughput on a real corpus, beside the floor of merely reading it.

    .venv/bin/python benchmarks/extraction.py [CORPUS.jsonl.gz] [--limit N]

Prints, for the same articles:
- floor: decompress, parse JSON and regex-scan the text for candidate names (MB/s);
- extraction in one process: normalize → … → statements → graph rows (MB/s per core);
- extraction on all cores through the loader's worker pool (MB/s, speed-up).
The target is ≥ 2 MB/s per core.  Run by hand; not part of the test suite.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from orggraph.graph.loading import process_article  # noqa: E402
from orggraph.loaders.names import PERSON_NAME_PATTERN  # noqa: E402
from orggraph.loaders.read import RawArticle  # noqa: E402

DEFAULT_CORPUS = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus", "baomoi-2017.jsonl.gz")


def read_corpus(path: str, limit: int | None) -> list[RawArticle]:
    articles = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            articles.append(RawArticle(source=str(row["id"]), text=row["text"]))
            if limit and len(articles) >= limit:
                break
    return articles


def floor(path: str, limit: int | None) -> tuple[float, int, int]:
    """Decompress, parse and regex-scan for names: what any reader of the file pays."""
    names = re.compile(PERSON_NAME_PATTERN)
    started = time.perf_counter()
    size = found = count = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            size += len(text.encode("utf-8"))
            found += sum(1 for _ in names.finditer(text))
            count += 1
            if limit and count >= limit:
                break
    return time.perf_counter() - started, size, found


def _extract_chunk(articles: list[RawArticle]) -> int:
    return sum(len(process_article(a).rels.get("HELD_OFFICE", {})) for a in articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args()

    seconds, size, found = floor(args.corpus, args.limit)
    mb = size / 1e6
    print(f"corpus: {args.corpus}")
    print(f"floor (decompress + JSON + name regex): {mb:.1f} MB in {seconds:.2f} s = {mb / seconds:.1f} MB/s "
          f"({found} name candidates)")

    articles = read_corpus(args.corpus, args.limit)
    process_article(articles[0])  # lexicons load once per process
    started = time.perf_counter()
    held = _extract_chunk(articles)
    single = time.perf_counter() - started
    print(f"extraction, 1 process: {len(articles)} articles in {single:.1f} s = {mb / single:.2f} MB/s per core, "
          f"{len(articles) / single:.0f} articles/s, {held} held-office relationships "
          f"({single / seconds:.1f}x the floor)")

    workers = os.cpu_count() or 1
    chunks = [articles[i:i + 64] for i in range(0, len(articles), 64)]
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        held_parallel = sum(pool.map(_extract_chunk, chunks))
    parallel = time.perf_counter() - started
    print(f"extraction, {workers} processes: {parallel:.1f} s = {mb / parallel:.2f} MB/s "
          f"(speed-up {single / parallel:.2f}x, same result: {held_parallel == held})")


if __name__ == "__main__":
    main()
