"""Read-only commands only read: the guard refuses what reaches files, code, the network,
settings or checkpoints; parameters are checked; a runaway query is stopped in time and
memory.  The dangerous probes run the real CLI in a subprocess (on unguarded code one of
them crashed the process)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from orggraph.graph.query_guard import QueryRefused, check_params, check_read_query
from orggraph.graph.store import QueryError
from tests.conftest import run_measuring_memory

EXE = os.path.join(os.path.dirname(sys.executable), "orggraph")


def _run(*args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([EXE, *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def _one_line_error(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


def test_copy_to_writes_no_file(seeds_db, tmp_path):
    for target in ("o.csv", "o.parquet"):
        out = tmp_path / target
        result = _run("--db", seeds_db, "query", f"COPY (RETURN 'x' AS x) TO '{out}'")
        _one_line_error(result, "refused: COPY … TO writes a file; this command only reads")
        assert not out.exists()


def test_viz_query_copy_writes_no_file(seeds_db, tmp_path):
    out = tmp_path / "o.csv"
    result = _run("--db", seeds_db, "viz", "query", f"COPY (MATCH (p:Person) RETURN p.name) TO '{out}'",
                  "-o", str(tmp_path / "page.html"))
    _one_line_error(result, "refused: COPY")
    assert not out.exists() and not (tmp_path / "page.html").exists()


def test_load_from_reads_no_file(seeds_db):
    result = _run("--db", seeds_db, "query",
                  "LOAD FROM '/etc/passwd' (file_format='csv', header=false, delim=':') RETURN * LIMIT 2")
    _one_line_error(result, "refused: LOAD FROM reads a file")
    assert "root" not in result.stdout


def test_load_extension_runs_no_code(seeds_db, tmp_path):
    if not shutil.which("gcc"):
        pytest.skip("gcc is not installed: cannot build a library whose constructor leaves a marker")
    marker = tmp_path / "marker"
    source = tmp_path / "ext.c"
    source.write_text('#include <stdio.h>\n__attribute__((constructor)) static void mark(void) '
                      f'{{ FILE *f = fopen("{marker}", "w"); if (f) {{ fputs("ran", f); fclose(f); }} }}\n')
    library = tmp_path / "libext.so"
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(library), str(source)], check=True)
    result = _run("--db", seeds_db, "query", f"LOAD EXTENSION '{library}'")
    _one_line_error(result, "refused: LOAD EXTENSION runs a library's code")
    assert not marker.exists()


def test_install_is_refused(seeds_db):
    _one_line_error(_run("--db", seeds_db, "query", "INSTALL json"), "refused: INSTALL")


def test_checkpoint_is_refused_and_readers_keep_working(seeds_copy):
    before = sorted(os.listdir(seeds_copy))
    _one_line_error(_run("--db", seeds_copy, "query", "CHECKPOINT"), "refused: CHECKPOINT")
    assert sorted(os.listdir(seeds_copy)) == before  # no .shadow or .wal left behind
    result = _run("--db", seeds_copy, "query", "MATCH (p:Person) RETURN count(p) AS n", "-f", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["n"] > 0


def test_table_function_reading_a_file_is_refused_not_a_crash(seeds_db):
    result = _run("--db", seeds_db, "query", "CALL read_csv_serial('/etc/hostname') RETURN *")
    _one_line_error(result, "refused: CALL read_csv_serial")


def test_settings_are_refused(seeds_db):
    _one_line_error(_run("--db", seeds_db, "query", "CALL threads=1"), "refused: CALL threads")


@pytest.mark.parametrize("cypher", [
    "MATCH (p:Person) WHERE p.search CONTAINS 'le' RETURN p.name AS name ORDER BY name LIMIT 3",
    "MATCH (p:Person)-[h:HELD_OFFICE]->(x:Position)-[:OF]->(o:Organization) "
    "RETURN p.name, x.title, o.name, h.start_date AS start, size(h.start_date) AS n",
    "MATCH path = (p:Person)-[:HELD_OFFICE]->(:Position) RETURN path, nodes(path), length(path) LIMIT 1",
    "UNWIND [1, 2, 3] AS x WITH x WHERE x > 1 RETURN collect(x), count(*), coalesce(null, 'copy') AS load",
    "// a comment with COPY and LOAD FROM\nMATCH (a:Article) WHERE a.title STARTS WITH 'COPY' RETURN a.key",
    "MATCH (a {key: 'k'}) OPTIONAL MATCH (a)-[r]->(b) RETURN a, r, b UNION MATCH (c:Congress) RETURN c, c, c",
    "CALL show_tables() RETURN *",
    "MATCH (n) RETURN count { MATCH (n)-->() } AS degree, exists { MATCH (n)-->() } AS linked",
])
def test_reading_queries_pass(cypher):
    check_read_query(cypher)


@pytest.mark.parametrize("cypher, words", [
    ("copy Person FROM '/tmp/x.csv'", "COPY … FROM"),
    ("LOAD WITH HEADERS (a STRING) FROM 'x.csv' RETURN *", "LOAD FROM"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "LOAD CSV"),
    ("ATTACH '/tmp/other' AS o (dbtype lbug)", "ATTACH"),
    ("EXPORT DATABASE '/tmp/out'", "EXPORT"),
    ("IMPORT DATABASE '/tmp/out'", "IMPORT"),
    ("MATCH (n) SET n.name = 'x'", "SET"),
    ("MATCH (n) DETACH DELETE n", "DETACH"),
    ("BEGIN TRANSACTION", "BEGIN"),
    ("RETURN 1; RETURN 2", "several statements"),
    ("CALL apoc.export.csv.all('/tmp/x.csv', {})", "CALL apoc.export.csv.all"),
    ("CALL dbms.setConfigValue('x', 'y')", "CALL dbms.setConfigValue"),
    ("RETURN apoc.load.json('http://x')", "apoc.load.json()"),
    ("RETURN read_csv('/etc/passwd')", "read_csv()"),
])
def test_other_escapes_are_refused(cypher, words):
    with pytest.raises(QueryRefused, match="^refused: ") as caught:
        check_read_query(cypher)
    assert words in str(caught.value)


def test_unbound_parameter_is_an_error(seeds_db):
    result = _run("--db", seeds_db, "query", "MATCH (p:Person) WHERE p.search CONTAINS $q RETURN p.name")
    _one_line_error(result, "$q", "--param q=")
    with pytest.raises(QueryError):
        check_params("RETURN $`a b`", {"q": "x"})
    check_params("RETURN $q, '$not_a_param'", {"q": "x"})


def test_non_utf8_parameter_is_one_line(seeds_db):
    result = subprocess.run([EXE, "--db", seeds_db, "query", "RETURN $q AS q", "--param", b"q=\xff\xfeabc"],
                            capture_output=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.decode().startswith("error: --param q: not valid UTF-8")
    assert result.stderr.count(b"\n") == 1


def test_huge_integer_parameter_is_one_line(seeds_db):
    result = _run("--db", seeds_db, "recipe", "attendees", "--param", "organization=hai phong",
                  "--param", "ordinal=99999999999999999999999")
    _one_line_error(result, "--param ordinal", "64 bits")


@pytest.mark.parametrize("date", ["2020-13-45", "2020-02-30", "2020-00", "20-08-04", "2020/08/04"])
def test_recipe_dates_are_checked(seeds_db, date):
    result = _run("--db", seeds_db, "recipe", "holders", "--param", f"date={date}")
    _one_line_error(result, "--param date", date)
    assert result.stdout == ""


@pytest.mark.parametrize("date", ["2020", "2020-08", "2020-08-04"])
def test_recipe_partial_dates_pass(seeds_db, date):
    result = _run("--db", seeds_db, "recipe", "holders", "--param", f"date={date}", "-f", "json")
    assert result.returncode == 0, result.stderr


def _peak_rss_mb(args: list[str], env: dict) -> tuple[int, str, float]:
    return run_measuring_memory([EXE, *args], env)


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="the memory bound reads /proc (Linux)")
def test_runaway_query_is_stopped_by_the_memory_bound(seeds_db):
    code, stderr, peak = _peak_rss_mb(["--db", seeds_db, "query", "UNWIND range(1, 1000000000) AS x RETURN count(x)",
                                       "--timeout", "600"], {"ORGGRAPH_QUERY_MEMORY_MB": "500"})
    assert code == 1
    assert stderr.startswith("error: query stopped: it needed more than 500 MB") and stderr.count("\n") == 1
    assert peak < 700  # unbounded it passes 2 GB within seconds


def test_runaway_query_is_stopped_by_the_timeout(seeds_db):
    code, stderr, peak = _peak_rss_mb(["--db", seeds_db, "query", "UNWIND range(1, 1000000000) AS x RETURN count(x)",
                                       "--timeout", "1"], {"ORGGRAPH_QUERY_MEMORY_MB": "6000"})
    assert code == 1
    assert stderr.startswith("error: query stopped after 1 s") and stderr.count("\n") == 1
    # stopped by the timeout (the message says so) before the 6,000 MB bound; unbounded, the engine alone
    # builds the whole 8 GB list (about 2 GB a second on a quiet machine of this kind)
    assert peak < 6000
