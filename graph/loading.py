"""Loading: read → extract → resolve → write, for many articles.

Extraction (the costly, pure part) runs in worker processes; writing stays in
this process, a group of whole articles per transaction, so an interrupted load
leaves only whole articles behind and a re-run finishes the job.  Articles already
in the graph are skipped before extraction.  A first load into an empty embedded
store takes the bulk path instead (graph/bulk.py): everything in one transaction at
the end.
"""
from __future__ import annotations

import itertools
import os
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional

from orggraph.graph.bulk import bulk_write, is_empty
from orggraph.graph.identity import consolidate
from orggraph.graph.store import DiskFull, Store
from orggraph.graph.writer import next_seq, write_batch
from orggraph.loaders.curation import Curation
from orggraph.loaders.dates import DateRange
from orggraph.loaders.extract import extract_article
from orggraph.loaders.read import RawArticle, ReadProblem, article_key, input_size, read_inputs
from orggraph.loaders.resolve import GraphBatch, to_batch

MIN_FREE_BYTES = 8 * 2 ** 20  # never start a group with less free space than this
SMALL_INPUT = 32  # below this many articles, worker processes cost more than they save
# Articles written per transaction: each is still whole or absent after a crash (a
# group commits together), and a group costs one query per label and type, not per article.
GROUP_SIZE = 500
# Articles handed to a worker at once: one task per article cost 3.5 CPU-seconds of
# hand-offs (futures, queues, the curation pickled each time) on the 14,594-article
# archive, sixteen per task 1 second.
TASK_SIZE = 16
TRANSIENT_RETRIES = 3


@dataclass
class LoadSummary:
    read: int = 0
    loaded: int = 0
    already_loaded: int = 0
    skipped: int = 0
    statements: int = 0
    nodes: int = 0
    relationships: int = 0
    bytes: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)
    input_bytes: int = 0  # size of the input files
    done_bytes: int = 0  # of which read and extracted
    merged: int = 0  # person nodes merged into others by evidence (graph/identity.py)

    def line(self) -> str:
        rate = self.read / self.seconds if self.seconds else 0.0
        return (f"read {self.read} articles: {self.loaded} loaded, {self.already_loaded} already loaded, "
                f"{self.skipped} skipped; {self.statements} statements, {self.nodes} nodes and "
                f"{self.relationships} relationships written, {self.merged} person nodes merged by evidence, "
                f"in {self.seconds:.1f} s ({rate:.0f} articles/s)")


def process_article(raw: RawArticle, curation: Optional[Curation] = None) -> GraphBatch:
    """The pure part of loading one article (runs in a worker)."""
    return to_batch(extract_article(raw), curation)


def _statement_count(batch: GraphBatch) -> int:
    return len(batch.statements) + len(
        [r for r in batch.rels.get("MENTIONS", {}).values() if r.get("sentence")])


def load_paths(store: Store, paths: Iterable[str], *, workers: int | None = None,
               curation: Optional[Curation] = None, group_size: int = GROUP_SIZE,
               on_problem: Callable[[ReadProblem], None] | None = None,
               on_progress: Callable[[LoadSummary], None] | None = None,
               undated: Optional[DateRange] = None) -> LoadSummary:
    """Load articles; `undated` dates those that carry no date (`load --date`).  Then the
    person nodes of one name that are one career become one (graph/identity.py)."""
    store.setup_schema()
    summary = LoadSummary()
    started = time.perf_counter()
    known = {row[0] for row in store.read("MATCH (a:Article) RETURN a.key").rows}
    seq = [next_seq(store)]  # the next statement's number, advanced once a group commits
    # A first load into an empty embedded store gathers everything and writes it at the end
    # in one transaction of COPY FROM (graph/bulk.py); other loads write group by group.
    everything = GraphBatch("") if store.bulk_loads and not known and is_empty(store) else None
    paths = list(paths)
    summary.input_bytes = input_size(paths)
    offsets: dict[str, int] = {}  # bytes of the files read before each file

    def fresh_articles() -> Iterator[RawArticle]:
        for item in read_inputs(paths):
            if isinstance(item, ReadProblem):
                summary.skipped += item.skipped  # a warning (skipped=False) loads the article anyway
                summary.problems.append(str(item))
                if on_problem:
                    on_problem(item)
                continue
            summary.read += 1
            summary.bytes += item.size
            key = item.key or article_key(item.text)
            if key in known:
                summary.already_loaded += 1
                continue
            known.add(key)
            if undated is not None and not item.date:
                item.undated = undated
            yield item

    group: list[GraphBatch] = []
    growth: list[int] = []  # bytes each written group added to the store's files
    # One writer thread: while a group is written, this thread goes on reading and
    # handing articles to the extraction workers.  At most one group waits.
    writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="orggraph-writer")
    pending: Optional[Future] = None

    def write(batches: list[GraphBatch]) -> None:
        if everything is not None:
            for batch in batches:
                everything.absorb(batch)
            summary.loaded += len(batches)
            summary.statements += sum(_statement_count(b) for b in batches)
            return
        _check_space(store, summary, growth)
        size_before = store.size_bytes()
        merged = GraphBatch(batches[0].article_key)
        for batch in batches:
            merged.absorb(batch)
        for attempt in range(TRANSIENT_RETRIES + 1):
            try:
                outcome = write_batch(store, merged, check_loaded=False, first_seq=seq[0])
                break
            except DiskFull as exc:
                raise DiskFull(f"{exc}; stopped after {summary.loaded} articles written (all of them kept; the "
                               "group being written was dropped: free some space and run the load again)") from None
            except Exception as exc:  # a server's passing conflict: the group rolled back whole, so retry it
                if not getattr(exc, "transient", False) or attempt == TRANSIENT_RETRIES:
                    raise
                time.sleep(0.5 * (attempt + 1))
        seq[0] += len(merged.statements)
        growth.append(max(0, store.size_bytes() - size_before))
        summary.loaded += len(batches)
        summary.nodes += outcome.nodes
        summary.relationships += outcome.relationships
        summary.statements += sum(_statement_count(b) for b in batches)
        summary.seconds = time.perf_counter() - started
        if on_progress:
            on_progress(summary)

    def flush() -> None:
        nonlocal pending
        if pending is not None:
            pending.result()  # a failed write stops the load here, with its error
            pending = None
        if group:
            pending = writer.submit(write, list(group))
            group.clear()

    try:
        for raw, batch in _extract_all(fresh_articles(), workers, curation):
            _advance(summary, raw, offsets)
            summary.seconds = time.perf_counter() - started
            if on_progress:
                on_progress(summary)
            if isinstance(batch, Exception):
                summary.skipped += 1
                problem = ReadProblem(raw.source, f"could not extract: {batch.__class__.__name__}: {batch}")
                summary.problems.append(str(problem))
                if on_problem:
                    on_problem(problem)
                continue
            group.append(batch)
            if len(group) >= group_size:
                flush()
        flush()
        flush()
        if everything is not None and everything.article_keys:
            _check_space(store, summary, growth)
            try:
                outcome = bulk_write(store, everything)
            except DiskFull as exc:
                raise DiskFull(f"{exc}; nothing was written (a first load writes everything at the end): free some "
                               "space and run the load again") from None
            summary.nodes, summary.relationships = outcome.nodes, outcome.relationships
    finally:
        writer.shutdown(wait=True)
    summary.merged = len(consolidate(store, curation).merges)
    summary.seconds = time.perf_counter() - started
    return summary


def _check_space(store: Store, summary: LoadSummary, growth: list[int]) -> None:
    """Stop before a group the disk has no room for: the engine aborts the process on a
    full disk in the middle of a write.  A group needs room for its write-ahead log and
    for the checkpoint that copies it into the database, so three times the most any
    group has added so far, and never less than MIN_FREE_BYTES."""
    free = store.free_bytes()
    if free is None:
        return
    # a checkpoint may copy the whole write-ahead log into the database
    needed = max(MIN_FREE_BYTES, 3 * max(growth, default=0)) + store.pending_bytes()
    if free < needed:
        raise DiskFull(f"disk full: {free / 2 ** 20:.1f} MB free where the database is, the next group needs about "
                       f"{needed / 2 ** 20:.0f} MB; stopped after {summary.loaded} articles written (all of them "
                       "kept: free some space and run the load again to finish)")


def _advance(summary: LoadSummary, raw: RawArticle, offsets: dict[str, int]) -> None:
    """Progress in input bytes: the files before this article's, plus its position in its file."""
    key = raw.input_file
    if key not in offsets:
        offsets[key] = summary.done_bytes
    summary.done_bytes = min(summary.input_bytes, offsets[key] + raw.read_to) if summary.input_bytes else 0


def _safe_process(raw: RawArticle, curation: Optional[Curation] = None) -> GraphBatch | Exception:
    try:
        return process_article(raw, curation)
    except Exception as exc:  # one bad article must not stop the load
        return exc


def _safe_process_all(raws: list[RawArticle], curation: Optional[Curation] = None) -> list[GraphBatch | Exception]:
    return [_safe_process(raw, curation) for raw in raws]


def _extract_all(articles: Iterator[RawArticle], workers: int | None,
                 curation: Optional[Curation]) -> Iterator[tuple[RawArticle, object]]:
    """Extract in order; in worker processes, TASK_SIZE articles per task, once the input
    is large enough."""
    workers = workers or os.cpu_count() or 1
    head: list[RawArticle] = []
    for raw in articles:
        head.append(raw)
        if len(head) >= SMALL_INPUT:
            break
    if workers <= 1 or len(head) < SMALL_INPUT:
        for raw in head:
            yield raw, _safe_process(raw, curation)
        for raw in articles:
            yield raw, _safe_process(raw, curation)
        return
    window = (GROUP_SIZE + workers * 32) // TASK_SIZE  # tasks in flight: workers keep extracting while a group is written
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[tuple[list[RawArticle], Future]] = deque()

        def tasks() -> Iterator[list[RawArticle]]:
            task: list[RawArticle] = []
            for raw in itertools.chain(head, articles):
                task.append(raw)
                if len(task) >= TASK_SIZE:
                    yield task
                    task = []
            if task:
                yield task

        for task in tasks():
            pending.append((task, pool.submit(_safe_process_all, task, curation)))
            if len(pending) >= window:
                raws, future = pending.popleft()
                yield from zip(raws, future.result())
        while pending:
            raws, future = pending.popleft()
            yield from zip(raws, future.result())
