"""Reading articles from files, directories, globs and JSON Lines.

Yields `RawArticle`s and, for inputs that cannot be read, `ReadProblem`s, so one
bad file is reported and skipped while the rest loads.  An article's `source` is
its file name, or its `id` in JSON Lines.
"""
from __future__ import annotations

import contextlib
import glob
import gzip
import itertools
import json
import os
import sys
import zlib
from dataclasses import dataclass
from typing import BinaryIO, Iterable, Iterator

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl", ".jsonl.gz", ".json.gz", ".ndjson")
MAX_TEXT_BYTES = 5_000_000  # a "text" larger than this is not an article


@dataclass
class RawArticle:
    source: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    html: bool = False
    read_to: int = 0  # bytes of its input file read so far (compressed bytes for .gz): for progress
    input_file: str = ""
    undated: object = None  # a dates.DateRange from `load --date`: the period an article with no date of its own is from


def input_size(paths: Iterable[str]) -> int:
    """Bytes of every input file, for a progress bar's total (0 when unknown)."""
    total = 0
    for path in paths:
        for file in _expand(path) or []:
            try:
                total += os.path.getsize(file)
            except OSError:
                pass
    return total


@dataclass
class ReadProblem:
    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


STDIN = "-"


def read_inputs(paths: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[RawArticle | ReadProblem]:
    """Every article under the given paths, in a stable order; "-" is standard input."""
    for path in paths:
        if path == STDIN:
            yield from read_stream(stdin or sys.stdin.buffer)
            continue
        files = _expand(path)
        if files is None:
            yield ReadProblem(path, "no such file or directory")
            continue
        if not files:
            yield ReadProblem(path, "no articles found (expected .txt, .html, .jsonl or .jsonl.gz files)")
            continue
        for file in files:
            yield from read_file(file)


def _expand(path: str) -> list[str] | None:
    if any(ch in path for ch in "*?["):
        matches = sorted(glob.glob(path, recursive=True))
        return [m for m in matches if os.path.isfile(m)] if matches else None
    if os.path.isdir(path):
        found = []
        for root, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found += [os.path.join(root, n) for n in sorted(names) if n.lower().endswith(ARTICLE_SUFFIXES)]
        return found
    if os.path.isfile(path):
        return [path]
    return None


def read_file(path: str) -> Iterator[RawArticle | ReadProblem]:
    name = os.path.basename(path)
    lower = name.lower()
    if lower.endswith((".jsonl", ".jsonl.gz", ".json.gz", ".ndjson")):
        yield from _read_jsonl(path)
        return
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_TEXT_BYTES + 1)
    except OSError as exc:
        yield ReadProblem(path, f"cannot read: {exc.strerror or exc}")
        return
    problem = _check_bytes(data)
    if problem:
        yield ReadProblem(path, problem)
        return
    text = data.decode("utf-8")
    is_html = lower.endswith((".html", ".htm"))
    yield RawArticle(source=name, text=text, html=is_html, read_to=len(data), input_file=path)


def _check_bytes(data: bytes) -> str | None:
    if len(data) > MAX_TEXT_BYTES:
        return f"larger than {MAX_TEXT_BYTES // 1_000_000} MB: not an article"
    if not data.strip():
        return "empty file"
    if b"\x00" in data[:8192]:
        return "binary file, not text"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"not valid UTF-8 (byte {exc.start})"
    return None


def _open_lines(path: str):
    if path.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


def read_stream(stream: BinaryIO, name: str = "stdin") -> Iterator[RawArticle | ReadProblem]:
    """Standard input: JSON Lines when its first non-blank byte opens an object, else one
    text article whose source is `name`."""
    first = b""
    for first in stream:
        if first.strip():
            break
    if first.lstrip().startswith(b"{"):
        yield from _read_jsonl(name, itertools.chain([first], stream))
        return
    data = first + stream.read(MAX_TEXT_BYTES + 1 - len(first))
    problem = _check_bytes(data)
    if problem:
        yield ReadProblem(name, problem)
        return
    yield RawArticle(source=name, text=data.decode("utf-8"), html=data.lstrip()[:15].lower().startswith(
        (b"<!doctype", b"<html")), read_to=len(data), input_file=name)


def _read_jsonl(path: str, lines: Iterable[bytes] | None = None) -> Iterator[RawArticle | ReadProblem]:
    try:
        fh = _open_lines(path) if lines is None else contextlib.nullcontext(lines)
    except OSError as exc:
        yield ReadProblem(path, f"cannot read: {exc.strerror or exc}")
        return
    number = rows = 0
    try:
        with fh:
            raw = getattr(fh, "fileobj", fh) if lines is None else None  # a gzip file's compressed stream
            for number, line in enumerate(lines if lines is not None else fh, 1):
                if not line.strip():
                    continue
                rows += 1
                item = _parse_row(path, number, line)
                if isinstance(item, RawArticle) and raw is not None:
                    item.read_to, item.input_file = raw.tell(), path
                yield item
    except (OSError, EOFError, zlib.error) as exc:
        yield ReadProblem(path, f"stopped at line {number + 1}: {exc.__class__.__name__}: {exc}")
        return
    if rows == 0:
        yield ReadProblem(path, "no rows: an empty JSON Lines file")


def _parse_row(path: str, number: int, line: bytes) -> RawArticle | ReadProblem:
    where = f"{path}:{number}"
    if len(line) > MAX_TEXT_BYTES:
        return ReadProblem(where, f"row larger than {MAX_TEXT_BYTES // 1_000_000} MB: skipped")
    try:
        row = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return ReadProblem(where, f"not a JSON object ({exc.__class__.__name__})")
    if not isinstance(row, dict):
        return ReadProblem(where, "not a JSON object")
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        return ReadProblem(where, "row has no 'text'")
    ident = row.get("id")
    source = str(ident) if ident not in (None, "") else f"{os.path.basename(path)}:{number}"
    return RawArticle(
        source=source,
        text=text,
        title=_str_or_none(row.get("title")),
        date=_str_or_none(row.get("date")),
        url=_str_or_none(row.get("url")),
        html=bool(row.get("html")) or text.lstrip()[:15].lower().startswith(("<!doctype", "<html")),
    )


def _str_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
