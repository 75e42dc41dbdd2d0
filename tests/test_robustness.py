"""Bad input never crashes a load or leaves half an article; a load killed at any
point and run again ends in exactly the graph of one clean load."""
from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT, SEEDS

DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
EXE = os.path.join(os.path.dirname(sys.executable), "orggraph")


def _run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([EXE, *args], capture_output=True, text=True, timeout=300)
    if check:
        assert result.returncode in (0, 3), result.stderr
    return result


def _facts(db: str) -> list[str]:
    return sorted(_run("--db", db, "export", "facts").stdout.splitlines())


def _article_count(db: str) -> int:
    result = _run("--db", db, "query", "MATCH (a:Article) RETURN count(a) AS n", "-f", "json", check=False)
    return json.loads(result.stdout)[0]["n"] if result.returncode == 0 else 0


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """The seeds and 40 generated articles (each seed with a different closing line, so a
    different article), enough to kill a load after 9; the dev set too when it is beside us."""
    variants = tmp_path_factory.mktemp("inputs") / "variants.jsonl"
    with open(variants, "w", encoding="utf-8") as fh:
        for i in range(8):
            for seed in sorted(SEEDS.glob("*.txt")):
                text = seed.read_text(encoding="utf-8") + f"\n\nBản tin số {i + 1}."
                fh.write(json.dumps({"id": f"{seed.stem}-v{i + 1}", "text": text}, ensure_ascii=False) + "\n")
    paths = [str(SEEDS), str(variants)]
    if DEV.exists():
        paths.append(str(DEV))
    return paths


@pytest.mark.parametrize("kill_after", [1, 4, 9])
def test_kill_and_reload_gives_the_clean_graph(tmp_path, inputs, kill_after):
    clean = str(tmp_path / "clean")
    _run("--db", clean, "load", *inputs, "-q")
    expected = _facts(clean)
    assert len(expected) > 50

    killed = str(tmp_path / "killed")
    # One article first (the bulk path of an empty store), so the killed load writes group by group.
    _run("--db", killed, "load", str(sorted(SEEDS.iterdir())[0]), "-q")
    proc = subprocess.Popen([EXE, "--db", killed, "load", *inputs, "-q", "--group-size", "1", "--workers", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if _article_count(killed) >= 1 + kill_after:
                break
            time.sleep(0.05)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
    partial = _article_count(killed)
    assert partial >= min(kill_after, 1)

    _run("--db", killed, "load", *inputs, "-q")
    assert _facts(killed) == expected
    _run("--db", killed, "load", *inputs, "-q")  # and a third run changes nothing
    assert _facts(killed) == expected


@pytest.mark.parametrize("kill_at", [0.5, 2.0])
def test_a_killed_first_load_leaves_nothing_and_reloads_whole(tmp_path, inputs, kill_at):
    """The bulk path writes everything in one transaction at the end: killed before, nothing."""
    clean = str(tmp_path / "clean")
    _run("--db", clean, "load", *inputs, "-q")
    expected, total = _facts(clean), _article_count(clean)
    killed = str(tmp_path / "killed")
    proc = subprocess.Popen([EXE, "--db", killed, "load", *inputs, "-q", "--workers", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        proc.wait(timeout=kill_at)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert _article_count(killed) in (0, total)  # all or nothing
    _run("--db", killed, "load", *inputs, "-q")
    assert _facts(killed) == expected


def _bad_inputs(tmp_path) -> dict[str, str]:
    """One file per kind of bad input, each with the words its one-line message must contain."""
    files = {}
    (tmp_path / "empty.txt").write_bytes(b"")
    files["empty.txt"] = "empty file"
    (tmp_path / "latin1.txt").write_bytes("Bí thư Thành ủy".encode("cp1258", errors="replace") + b"\xff\xfe")
    files["latin1.txt"] = "not valid UTF-8"
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00" + os.urandom(200))
    files["binary.txt"] = "binary"
    (tmp_path / "huge.txt").write_bytes(b"x" * 50_000_001)
    files["huge.txt"] = "larger than"
    good = (SEEDS / "000_b5463ef16decb005.txt").read_text(encoding="utf-8")
    rows = "".join(json.dumps({"id": f"gz-{i}", "text": f"{good}\n{os.urandom(400).hex()}"}) + "\n"
                   for i in range(20))
    blob = gzip.compress(rows.encode("utf-8"))
    (tmp_path / "truncated.jsonl.gz").write_bytes(blob[: len(blob) * 3 // 4])
    files["truncated.jsonl.gz"] = "stopped at line"
    (tmp_path / "rows.jsonl").write_text('{"id": "ok", "text": "Hà Nội: tin ngắn."}\n{not json\n[1, 2]\n'
                                         '{"id": "no-text"}\n{"id": "blank", "text": "   "}\n', encoding="utf-8")
    files["rows.jsonl"] = "not a JSON object"
    (tmp_path / "page.html").write_text(
        "<html><head><title>Hải Phòng: Hội nghị</title><script>alert('x');document.write('Bí thư Giả')</script>"
        "</head><body><nav>Trang chủ | Tin khác</nav><article><p>Sáng 16-10-2024, đồng chí Lê Tiến Châu, "
        "Bí thư Thành ủy Hải Phòng chủ trì hội nghị.</p></article></body></html>", encoding="utf-8")
    return files


def test_bad_inputs_are_reported_and_skipped_while_the_rest_loads(tmp_path):
    bad = tmp_path / "in"
    bad.mkdir()
    expected = _bad_inputs(bad)
    (tmp_path / "nothing").mkdir()
    db = str(tmp_path / "db")
    result = _run("--db", db, "load", str(bad), str(tmp_path / "nothing"), str(tmp_path / "missing.txt"),
                  str(SEEDS / "001_7239dae0792dcdec.txt"), check=False)
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    for name, words in expected.items():
        assert any(name in line and words in line for line in lines), (name, words, result.stderr)
    assert any("missing.txt: no such file" in line for line in lines)
    assert any("nothing: no articles found" in line for line in lines)
    assert any("no 'text'" in line for line in lines)
    facts = [json.loads(line) for line in _run("--db", db, "export", "facts").stdout.splitlines()]
    holders = {(f["source"], f["person"], f["title"]) for f in facts if f["fact"] == "held_office"}
    assert ("001_7239dae0792dcdec.txt", "Lê Tiến Châu", "Bí thư") in holders
    assert ("page.html", "Lê Tiến Châu", "Bí thư") in holders  # the page's text, not its script
    assert not any(p == "Bí thư Giả" or "Giả" in p for _, p, _ in holders)
    assert any(src.startswith("gz-") for src, _, _ in holders)  # the rows before the cut load


def test_query_timeout_is_a_clean_error(tmp_path):
    db = str(tmp_path / "db")
    _run("--db", db, "load", str(SEEDS / "003_f801e71792efedb7.txt"))
    result = _run("--db", db, "query", "UNWIND range(1, 300000000) AS x WITH x WHERE x % 7 = 3 RETURN count(*)",
                  "--timeout", "0.3", check=False)
    assert result.returncode == 1
    assert result.stderr.startswith("error: query stopped after 0.3 s")
