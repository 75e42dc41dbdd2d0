"""Reading articles from files, directories, globs and JSON Lines.

Yields `RawArticle`s and, for inputs that cannot be read, `ReadProblem`s, so one
bad file is reported and skipped while the rest loads.  An article's `source` is
its file name, or its `id` in JSON Lines.

Hostile input stays bounded: a line is read at most MAX_TEXT_BYTES at a time (a
`.gz` that inflates to gigabytes without a newline is skipped, not held in memory),
a row nested too deeply is one skipped row, only regular files are opened (a FIFO
would block for ever), `**` globs and directory walks follow no symbolic link to a
directory (no loops), and an unreadable directory is reported.
"""
from __future__ import annotations

import contextlib
import glob
import gzip
import hashlib
import itertools
import json
import os
import re
import stat
import sys
import zlib
from dataclasses import dataclass
from typing import BinaryIO, Iterable, Iterator

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl", ".jsonl.gz", ".json.gz", ".ndjson")
MAX_TEXT_BYTES = 5_000_000  # a "text" larger than this is not an article
MAX_SKIPPED_LINE = 100_000_000  # a "line" longer than this: the file is not JSON Lines, stop reading it


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
    key: str = ""  # article_key(text), set by read_inputs
    size: int = 0  # bytes of the text in UTF-8, set by read_inputs


def article_key(text: str) -> str:
    """A hash of the article's text: the same text is the same article."""
    return _key(text.encode("utf-8"))


def _key(data: bytes) -> str:
    return "a:" + hashlib.sha1(data).hexdigest()[:20]


def input_size(paths: Iterable[str]) -> int:
    """Bytes of every input file, for a progress bar's total (0 when unknown)."""
    total = 0
    for path in paths:
        for file in _expand(path) or []:
            if isinstance(file, ReadProblem):
                continue
            try:
                total += os.path.getsize(file)
            except OSError:
                pass
    return total


@dataclass
class ReadProblem:
    source: str
    message: str
    skipped: bool = True  # False: a warning, the article is loaded

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


STDIN = "-"


def read_inputs(paths: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[RawArticle | ReadProblem]:
    """Every article under the given paths, in a stable order; "-" is standard input.  Two
    articles with one source (a JSON Lines id, a file name) but different texts are both
    kept, the second under `source#2`, with a warning."""
    texts: dict[str, str] = {}  # source -> digest of its text
    for path in paths:
        if path == STDIN:
            for item in read_stream(stdin or sys.stdin.buffer):
                if isinstance(item, RawArticle):
                    _identify(item)
                yield item
            continue
        files = _expand(path)
        if files is None:
            yield ReadProblem(path, "no such file or directory")
            continue
        if not any(isinstance(f, str) for f in files):
            yield from files  # directories that could not be read
            yield ReadProblem(path, "no articles found (expected .txt, .html, .jsonl or .jsonl.gz files)")
            continue
        for file in files:
            if isinstance(file, ReadProblem):
                yield file
                continue
            for item in read_file(file):
                if isinstance(item, RawArticle):
                    warning = _keep_apart(item, texts)
                    if warning:
                        yield warning
                yield item


def _identify(item: RawArticle) -> None:
    """The article's key and size, from one encoding of its text.  A lone surrogate (JSON
    can spell one: "\\ud800") is no character: it becomes U+FFFD, so it cannot stop a load."""
    try:
        data = item.text.encode("utf-8")
    except UnicodeEncodeError:
        item.text = item.text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
        data = item.text.encode("utf-8")
    item.key, item.size = _key(data), len(data)


def _keep_apart(item: RawArticle, texts: dict[str, str]) -> ReadProblem | None:
    _identify(item)
    digest = item.key  # the same text under the same source is the same article
    known = texts.setdefault(item.source, digest)
    if known == digest:
        return None
    original, n = item.source, 2
    while texts.get(f"{original}#{n}", digest) != digest:
        n += 1
    item.source = f"{original}#{n}"
    texts[item.source] = digest
    return ReadProblem(original, f"another article has the same id with a different text: kept apart as "
                                 f"{item.source}", skipped=False)


def _expand(path: str) -> list[str | ReadProblem] | None:
    if any(ch in path for ch in "*?["):
        if "**" in path:
            found = _walk_glob(path)
            return found if found else None
        matches = sorted(glob.glob(path))
        return [m for m in matches if not os.path.isdir(m)] if matches else None
    if os.path.isdir(path):
        return _walk(path, lambda file: file.lower().endswith(ARTICLE_SUFFIXES))
    if os.path.lexists(path):
        return [path]
    return None


def _walk(top: str, wanted) -> list[str | ReadProblem]:
    """Files under `top` that `wanted` accepts, sorted; directories that cannot be read
    become problems.  Symbolic links to directories are not followed (no loops)."""
    found: list[str | ReadProblem] = []

    def unreadable(error: OSError) -> None:
        found.append(ReadProblem(error.filename or top, f"cannot read directory: {error.strerror or error}"))

    for root, dirs, names in os.walk(top, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [f for f in (os.path.join(root, n) for n in sorted(names)) if wanted(f)]
    return found


def _walk_glob(pattern: str) -> list[str | ReadProblem]:
    """A `**` glob without following symbolic links to directories (Python's glob
    follows them and loops for ever on a link to a parent)."""
    magic = re.search(r"[*?\[]", pattern).start()
    top = os.path.dirname(pattern[:magic]) or "."
    regex = re.compile(_glob_regex(pattern))
    prefix = "" if pattern.startswith("./") or top != "." else "./"

    def wanted(file: str) -> bool:
        name = file[len(prefix):] if prefix and file.startswith(prefix) else file
        return bool(regex.fullmatch(name)) and not os.path.basename(name).startswith(".")

    return [f[len(prefix):] if isinstance(f, str) and prefix and f.startswith(prefix) else f
            for f in _walk(top, wanted)]


def _glob_regex(pattern: str) -> str:
    out = []
    for part in re.split(r"(\*\*/|\*\*|\*|\?|\[[^\]]+\])", pattern):
        if part == "**/":
            out.append("(?:[^/]*/)*")
        elif part == "**":
            out.append(".*")
        elif part == "*":
            out.append("[^/]*")
        elif part == "?":
            out.append("[^/]")
        elif len(part) > 2 and part.startswith("[") and part.endswith("]"):
            inner = part[1:-1]
            out.append("[" + ("^" + inner[1:] if inner.startswith("!") else inner).replace("\\", "\\\\") + "]")
        else:
            out.append(re.escape(part))
    return "".join(out)


def read_file(path: str) -> Iterator[RawArticle | ReadProblem]:
    name = os.path.basename(path)
    lower = name.lower()
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        yield ReadProblem(path, f"cannot read: {exc.strerror or exc}")
        return
    if not stat.S_ISREG(mode):
        kind = "a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else \
            "a socket" if stat.S_ISSOCK(mode) else "a directory" if stat.S_ISDIR(mode) else "not a file"
        yield ReadProblem(path, f"not a regular file ({kind})")
        return
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
            for line in (lines if lines is not None else _bounded_lines(fh)):
                number += 1
                if line is None:
                    yield ReadProblem(path, f"stopped at line {number}: a line longer than "
                                            f"{MAX_SKIPPED_LINE // 1_000_000} MB, not JSON Lines")
                    return
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


def _bounded_lines(fh) -> Iterator[bytes | None]:
    """The file's lines, each read at most MAX_TEXT_BYTES + 1 at a time (an overlong line
    comes back cut, and is skipped by its row check); None for a line that never ends."""
    while True:
        line = fh.readline(MAX_TEXT_BYTES + 1)  # never more than this in memory
        if not line:
            return
        if len(line) > MAX_TEXT_BYTES and not line.endswith(b"\n") and not _skip_rest_of_line(fh, len(line)):
            yield None
            return
        yield line


def _skip_rest_of_line(fh, read: int) -> bool:
    """Read past the rest of an overlong line without keeping it; False when it never ends."""
    while read <= MAX_SKIPPED_LINE:
        chunk = fh.readline(1 << 20)
        read += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return True
    return False


def _parse_row(path: str, number: int, line: bytes) -> RawArticle | ReadProblem:
    where = f"{path}:{number}"
    if len(line) > MAX_TEXT_BYTES:
        return ReadProblem(where, f"row larger than {MAX_TEXT_BYTES // 1_000_000} MB: skipped")
    try:
        row = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return ReadProblem(where, f"not a JSON object ({exc.__class__.__name__})")
    except RecursionError:
        return ReadProblem(where, "JSON nested too deeply")
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
