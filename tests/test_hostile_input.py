"""Loading hostile input stays bounded and loses nothing quietly: overlong lines and
gzip bombs are skipped without holding them in memory, one deeply nested row is one
skipped row, FIFOs, devices and symlink loops never hang a load, unreadable
directories are reported, and two rows with one id but different texts are kept apart.
Each runs the real CLI in a subprocess, with a time limit, and measures its memory."""
from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile

import pytest

from tests.conftest import run_measuring_memory

EXE = os.path.join(os.path.dirname(sys.executable), "orggraph")
GOOD = {"id": "good-1", "text": "Sáng 16-10-2024, đồng chí Lê Tiến Châu, Bí thư Thành ủy Hải Phòng chủ trì hội nghị."}


def _peak_mb(args: list[str], timeout: float = 120) -> tuple[int, str, float]:
    return run_measuring_memory([EXE, *args], timeout=timeout)


def _sources(db: str) -> list[str]:
    result = subprocess.run([EXE, "--db", db, "query", "MATCH (a:Article) RETURN a.source AS s ORDER BY s",
                             "-f", "json"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return [row["s"] for row in json.loads(result.stdout)]


def test_gzip_bomb_without_newline_is_skipped_in_bounded_memory(tmp_path):
    bomb = tmp_path / "bomb.jsonl.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as fh:
        fh.write((json.dumps(GOOD, ensure_ascii=False) + "\n").encode())
        block = b"a" * (1 << 20)
        for _ in range(1500):  # 1.5 GB inflated, one line, about 1.5 MB on disk
            fh.write(block)
    code, stderr, peak = _peak_mb(["--db", str(tmp_path / "db"), "load", "--quiet", str(bomb)])
    assert code == 3, stderr
    assert "bomb.jsonl.gz: stopped at line 2: a line longer than 100 MB" in stderr
    assert "Traceback" not in stderr
    assert peak < 400, peak  # the whole line held in memory passed 1.5 GB
    assert _sources(str(tmp_path / "db")) == ["good-1"]


def test_overlong_row_is_one_skipped_row(tmp_path):
    rows = tmp_path / "rows.jsonl"
    with open(rows, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "big", "text": "x" * 6_000_000}) + "\n")
        fh.write(json.dumps(GOOD, ensure_ascii=False) + "\n")
    code, stderr, _ = _peak_mb(["--db", str(tmp_path / "db"), "load", "--quiet", str(rows)])
    assert code == 3 and "rows.jsonl:1: row larger than 5 MB" in stderr, stderr
    assert _sources(str(tmp_path / "db")) == ["good-1"]


def test_dev_zero_behind_a_symlink_and_a_fifo_are_skipped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.jsonl").write_text(json.dumps(GOOD, ensure_ascii=False) + "\n", encoding="utf-8")
    os.symlink("/dev/zero", folder / "zero.jsonl")
    os.mkfifo(folder / "pipe.txt")
    code, stderr, peak = _peak_mb(["--db", str(tmp_path / "db"), "load", "--quiet", str(folder)])
    assert code == 3, stderr
    assert "zero.jsonl: not a regular file (a device)" in stderr
    assert "pipe.txt: not a regular file (a FIFO)" in stderr
    assert peak < 400, peak
    assert _sources(str(tmp_path / "db")) == ["good-1"]


def test_a_symlink_loop_does_not_hang_a_recursive_glob(tmp_path):
    folder = tmp_path / "in" / "sub"
    folder.mkdir(parents=True)
    (folder / "good.jsonl").write_text(json.dumps(GOOD, ensure_ascii=False) + "\n", encoding="utf-8")
    os.symlink("..", folder / "loop")
    os.symlink(".", folder / "again")  # two loops: a glob that follows them branches exponentially
    code, stderr = _run_with_timeout([EXE, "--db", str(tmp_path / "db"), "load", "--quiet",
                                      str(tmp_path / "in" / "**" / "*.jsonl")], 120)
    assert code == 0, stderr
    assert _sources(str(tmp_path / "db")) == ["good-1"]


def _run_with_timeout(args: list[str], timeout: float) -> tuple[int, str]:
    try:
        result = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{' '.join(args)} did not finish in {timeout} s")
    return result.returncode, result.stderr


def test_deeply_nested_row_is_one_skipped_row(tmp_path):
    rows = tmp_path / "rows.jsonl"
    with open(rows, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(GOOD, ensure_ascii=False) + "\n")
        fh.write("[" * 200_000 + "]" * 200_000 + "\n")
        fh.write('{"id": "nested", "text": "x", "title": ' + "{\"a\": " * 100_000 + "1" + "}" * 100_000 + "}\n")
    code, stderr, _ = _peak_mb(["--db", str(tmp_path / "db"), "load", "--quiet", str(rows)])
    assert code == 3, stderr
    assert "rows.jsonl:2: JSON nested too deeply" in stderr and "rows.jsonl:3: JSON nested too deeply" in stderr
    assert "internal" not in stderr
    assert _sources(str(tmp_path / "db")) == ["good-1"]


_READ_AS_USER = """
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("read", sys.argv[1])
read = sys.modules["read"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(read)  # loaders/read.py needs only the standard library
print(json.dumps([[type(i).__name__, str(i)] for i in read.read_inputs([sys.argv[2]])]))
"""


def test_unreadable_directory_is_reported(tmp_path):
    """A chmod 000 directory is a problem (so `load` exits 3), not silently nothing.  Root
    reads such a directory anyway, so as root the reader runs as the user nobody."""
    from orggraph.loaders import read as read_module

    base = tempfile.mkdtemp(prefix="orggraph-unreadable-")
    folder = os.path.join(base, "in")
    try:
        os.makedirs(os.path.join(folder, "closed"))
        with open(os.path.join(folder, "good.jsonl"), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(GOOD, ensure_ascii=False) + "\n")
        with open(os.path.join(folder, "closed", "more.jsonl"), "w", encoding="utf-8") as fh:
            fh.write(json.dumps({**GOOD, "id": "hidden"}, ensure_ascii=False) + "\n")
        for path in (base, folder):
            os.chmod(path, 0o755)
        os.chmod(os.path.join(folder, "good.jsonl"), 0o644)
        os.chmod(os.path.join(folder, "closed"), 0)
        if os.geteuid() != 0:
            items = [[type(i).__name__, str(i)] for i in read_module.read_inputs([folder])]
        else:
            python = shutil.which("python3", path="/usr/bin:/usr/local/bin") or sys.executable
            result = subprocess.run([python, "-c", _READ_AS_USER, read_module.__file__, folder], capture_output=True,
                                    text=True, timeout=60, user=65534, group=65534, extra_groups=[], cwd=base)
            if result.returncode != 0:
                pytest.skip(f"cannot run a Python as the user nobody here: {result.stderr.strip()[-200:]}")
            items = json.loads(result.stdout)
        assert ["ReadProblem", f"{folder}/closed: cannot read directory: Permission denied"] in items, items
        assert [kind for kind, _ in items].count("RawArticle") == 1
    finally:
        os.chmod(os.path.join(folder, "closed"), 0o755)
        shutil.rmtree(base, ignore_errors=True)


def test_same_id_with_different_texts_is_kept_apart_with_a_warning(tmp_path):
    rows = tmp_path / "rows.jsonl"
    other = {"id": "good-1", "text": "Sáng 4-8-2020, đồng chí Phạm Xuân Thanh, Bí thư Đảng ủy Khối các cơ quan "
                                     "thành phố Hải Phòng phát biểu."}
    rows.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (GOOD, other, GOOD)), encoding="utf-8")
    code, stderr, _ = _peak_mb(["--db", str(tmp_path / "db"), "load", "--quiet", str(rows)])
    assert code == 0, stderr
    assert stderr.strip() == ("warning: good-1: another article has the same id with a different text: "
                              "kept apart as good-1#2")
    assert _sources(str(tmp_path / "db")) == ["good-1", "good-1#2"]


@pytest.mark.parametrize("via_stdin", [False, True], ids=["file", "stdin"])
def test_a_lone_surrogate_escape_stops_nothing(tmp_path, via_stdin):
    """JSON can spell half a character ("\\ud800"); it becomes U+FFFD and the article still loads."""
    broken = {"id": "broken-1", "text": GOOD["text"].replace("chủ trì", "@@ chủ trì")}
    line = json.dumps(broken, ensure_ascii=False).replace("@@", "\\ud800")  # the six characters \ud800
    assert json.loads(line)["text"].count("\ud800") == 1
    rows = tmp_path / "rows.jsonl"
    rows.write_text(line + "\n" + json.dumps(GOOD, ensure_ascii=False) + "\n", encoding="utf-8")
    db = str(tmp_path / "db")
    args = [EXE, "--db", db, "load", "--quiet", "-" if via_stdin else str(rows)]
    result = subprocess.run(args, input=rows.read_bytes() if via_stdin else None, capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    export = subprocess.run([EXE, "--db", db, "export", "facts", "-f", "json"], capture_output=True, text=True,
                            timeout=120)
    facts = json.loads(export.stdout)
    assert sorted(f["source"] for f in facts if f["fact"] == "held_office") == ["broken-1", "good-1"]
    assert any("\ufffd" in f["evidence"] for f in facts if f["source"] == "broken-1")


INVISIBLE = ["\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067",
             "\u2068", "\u2069", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]


@pytest.mark.parametrize("mark", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_invisible_format_characters_hide_no_fact(mark):
    from orggraph.loaders.extract import extract_article
    from orggraph.loaders.read import RawArticle

    def holders(text: str) -> list:
        return sorted((h.person, h.title, h.organization.name)
                      for h in extract_article(RawArticle(source="t", text=text)).held_office)

    clean = GOOD["text"]
    expected = holders(clean)
    assert expected == [("Lê Tiến Châu", "Bí thư", "Thành ủy Hải Phòng")]
    for word in ("Lê Tiến Châu", "Châu", "Bí thư", "Thành ủy"):
        at = clean.index(word)
        inside = [at + 2] if mark != "\u200b" else []  # a zero-width space inside a word is a break
        for cut in (at, *inside, at + len(word)):  # before, inside, after
            text = clean[:cut] + mark + clean[cut:]
            assert holders(text) == expected, repr(text)
    in_name = clean.replace("Lê Tiến Châu", f"Lê{mark}Tiến{mark}Châu" if mark == "\u200b" else f"Lê {mark}Tiến Châu")
    assert holders(in_name) == expected, repr(in_name)


def test_extraction_grows_linearly_with_the_names_in_a_sentence():
    """Four times the names may take about four times as long, not sixteen (it was
    quadratic: 2k/4k/8k names took 1/2.9/9.6 s).  `benchmarks/long_sentence.py` prints
    the figures up to 100,000 names."""
    import time

    sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "benchmarks"))
    from long_sentence import article

    from orggraph.loaders.extract import extract_article
    from orggraph.loaders.read import RawArticle

    def took(names: int) -> float:
        text = article(names)
        best = float("inf")
        for _ in range(2):
            started = time.perf_counter()
            extract_article(RawArticle(source="t", text=text))
            best = min(best, time.perf_counter() - started)
        return best

    took(10)  # lexicons load once
    small, large = took(2500), took(10000)
    assert large / small < 8, (small, large)
