"""A newcomer's first hour, through the real CLI (issue 14): dates that exist, unknown names
that are errors with suggestions, output that fits, --version, completion, `load -`,
loads that leave nothing behind, and the whole graph as GraphML or GEXF."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import networkx as nx
import pytest

from tests.conftest import SEEDS

EXE = os.path.join(os.path.dirname(sys.executable), "orggraph")
# A namesake with another career (no post, organization or province in common): two people.
HAU_GIANG = {"id": "hg-1", "date": "2022-01-05",
             "text": "Sáng 5/1/2022, đồng chí Đỗ Mạnh Hiến, Bí thư Tỉnh ủy Hậu Giang "
                     "chủ trì Hội nghị Ban Chấp hành Đảng bộ tỉnh."}


def _one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: "), err
    return lines[0]


# --- 2. dates ------------------------------------------------------------------------------
@pytest.mark.parametrize("args, option", [
    (["who-held", "Bí thư", "Thành ủy Hải Phòng", "--on", "2020-13-45"], "--on"),
    (["roster", "Thành ủy Hải Phòng", "--on", "2020-02-30"], "--on"),
    (["recipe", "holders", "--param", "date=2020-13-45"], "--param date"),
    (["recipe", "who-held", "--param", "title=bi thu", "--param", "organization=x", "--param", "date=2021-2"],
     "--param date"),
    (["viz", "hierarchy", "Thành ủy Hải Phòng", "--on", "2021-02-29"], "--on"),
])
def test_impossible_dates_are_refused_naming_the_option(cli, seeds_db, args, option):
    code, out, err = cli("--db", seeds_db, *args)
    assert code == 1 and out == ""
    assert _one_error_line(err).startswith(f"error: {option} must be a real ISO date")


def test_partial_and_leap_dates_are_dates(cli, seeds_db):
    for on in ("2024", "2024-10", "2024-02-29"):
        code, _, err = cli("--db", seeds_db, "roster", "Thành ủy Hải Phòng", "--on", on, "-f", "json")
        assert code == 0, err
    code, out, _ = cli("--db", seeds_db, "who-held", "Bí thư", "Thành ủy Hải Phòng", "--on", "2024-10-16", "-f", "json")
    assert [r["person"] for r in json.loads(out)] == ["Lê Tiến Châu"]


# --- 3. unknown and ambiguous names ----------------------------------------------------------
@pytest.mark.parametrize("args, what, suggestion", [
    (["who-held", "Bí thư", "Thành ủy Hà Lội"], "organization", "Thành ủy Hải Phòng"),
    (["succession", "Bí thư", "Thành ủy Hà Lội"], "organization", "Thành ủy Hải Phòng"),
    (["roster", "Thanh uy Hai Phongg"], "organization", "Thành ủy Hải Phòng"),
    (["hierarchy", "Thành ủy Hà Lội"], "organization", "Thành ủy Hải Phòng"),
    (["timeline", "le tien chao"], "person", "Lê Tiến Châu"),
    (["timeline", "Pham Xuan Tanh"], "person", "Phạm Xuân Thanh"),
    (["viz", "hierarchy", "Thành ủy Hà Lội"], "organization", "Thành ủy Hải Phòng"),
    (["viz", "person", "le tien chao"], "person", "Lê Tiến Châu"),
])
def test_an_unknown_name_is_an_error_with_the_closest_names(cli, seeds_db, tmp_path, monkeypatch, args, what,
                                                           suggestion):
    monkeypatch.chdir(tmp_path)  # viz would write its page here
    code, out, err = cli("--db", seeds_db, *args)
    assert code == 1 and out == ""
    line = _one_error_line(err)
    assert line.startswith(f"error: no {what} matches")
    assert "did you mean:" in line and suggestion in line.split("did you mean:")[1]
    assert not list(tmp_path.glob("*.html"))


def test_a_name_like_nothing_in_the_graph_says_how_to_list_names(cli, seeds_db):
    code, _, err = cli("--db", seeds_db, "timeline", "nobody here")
    assert code == 1
    assert "no person matches 'nobody here'" in _one_error_line(err) and "recipe people" in err


def test_an_ambiguous_name_lists_the_candidates(cli, seeds_db):
    code, _, err = cli("--db", seeds_db, "who-held", "Bí thư", "hai phong")
    line = _one_error_line(err)
    assert code == 1 and "matches 4 organizations" in line
    for name in ("Thành ủy Hải Phòng", "Ủy ban nhân dân thành phố Hải Phòng"):
        assert name in line


def test_namesakes_are_told_apart_by_key(cli, seeds_copy):
    code, _, err = cli("--db", seeds_copy, "load", "-", input=json.dumps(HAU_GIANG, ensure_ascii=False) + "\n")
    assert code == 0, err
    code, out, _ = cli("--db", seeds_copy, "timeline", "do manh hien", "-f", "json")  # both, as one name
    assert code == 0
    assert {("Tỉnh ủy Hậu Giang"), "Thành ủy Hải Phòng"} <= {r["organization"] for r in json.loads(out)}
    code, _, err = cli("--db", seeds_copy, "viz", "person", "do manh hien", "-o", os.devnull)  # one picture: which?
    assert code == 1 and "p:đỗ mạnh hiến@hai phong" in err and "p:đỗ mạnh hiến@hau giang" in err
    code, out, _ = cli("--db", seeds_copy, "timeline", "p:do manh hien@hau giang", "-f", "json")  # no marks needed
    assert code == 0
    assert {(r["title"], r["organization"]) for r in json.loads(out)} >= {("Bí thư", "Tỉnh ủy Hậu Giang")}
    assert all(r["organization"] != "Thành ủy Hải Phòng" for r in json.loads(out))


# --- 4. curation ---------------------------------------------------------------------------
def test_an_alias_is_searchable(cli, seeds_copy):
    code, _, _ = cli("--db", seeds_copy, "timeline", "le tien chan")
    assert code == 1
    code, _, err = cli("--db", seeds_copy, "curate", "alias", "p:le tien chau@hai phong", "Lê Tiến Chân")
    assert code == 0, err
    code, out, err = cli("--db", seeds_copy, "timeline", "le tien chan", "-f", "json")
    assert code == 0, err
    assert ("Bí thư", "Thành ủy Hải Phòng") in {(r["title"], r["organization"]) for r in json.loads(out)}


def _readme_block(after: str) -> str:
    readme = (SEEDS.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index("```sh\n", readme.index(after)) + len("```sh\n")
    return readme[start:readme.index("```", start)]


def test_the_readme_curation_examples_run_as_written_on_the_seeds(seeds_copy):
    block = _readme_block("### Correcting the machine")
    assert "orggraph curate merge" in block and "orggraph curate split" in block
    env = dict(os.environ, ORGGRAPH_DB=seeds_copy, PATH=os.path.dirname(EXE) + os.pathsep + os.environ["PATH"])
    env.pop("NEO4J_URI", None)
    result = subprocess.run(["sh", "-ex", "-c", block], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr.lower()
    keys = subprocess.run([EXE, "--db", seeds_copy, "recipe", "people", "--param", "name=do manh hien", "-f", "json"],
                          capture_output=True, text=True, env=env).stdout
    assert {r["key"] for r in json.loads(keys)} == {"p:đỗ mạnh hiến@hai phong", "p:đỗ mạnh hiến@hau giang"}


# --- 5. a load that loads nothing ------------------------------------------------------------
def test_loading_a_missing_file_into_a_new_database_leaves_nothing(tmp_path):
    db = tmp_path / "new.db"
    result = subprocess.run([EXE, "--db", str(db), "load", str(tmp_path / "nope.txt")], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 3
    assert result.stderr.strip().splitlines() == [f"skipped: {tmp_path / 'nope.txt'}: no such file or directory"]
    assert not db.exists()


def test_usage_errors_have_the_one_prefix(cli):
    for args in (["lod", "x"], ["load"], ["--nope"], ["export", "graph", "--format", "xx"]):
        code, _, err = cli(*args)
        assert code == 2
        assert _one_error_line(err)


# --- 6. output -------------------------------------------------------------------------------
def test_tables_fit_the_terminal_and_hide_evidence(cli, seeds_db):
    for width in (80, 100, 160):
        for args in (["who-held", "Bí thư", "Thành ủy Hải Phòng"], ["roster", "Thành ủy Hải Phòng"],
                     ["succession", "Bí thư", "khoi cac co quan thanh pho hai phong"], ["timeline", "le tien chau"]):
            code, out, _ = cli("--db", seeds_db, *args, env={"COLUMNS": str(width)})
            assert code == 0
            assert max(len(line.rstrip()) for line in out.splitlines()) <= width, (width, args, out)
            assert "Bí thư" in out and "evidence" not in out
            assert "organiza\n" not in out and "organization" in out  # headers stay whole
    code, out, _ = cli("--db", seeds_db, "who-held", "Bí thư", "Thành ủy Hải Phòng", "--evidence",
                       env={"COLUMNS": "100"})
    assert code == 0 and "evidence" in out and "Thành ủy Hải" in out


def test_columns_choose_in_every_format(cli, seeds_db):
    base = ("--db", seeds_db, "roster", "Thành ủy Hải Phòng")
    code, out, _ = cli(*base, "-f", "json", "--columns", "person,title")
    assert code == 0 and json.loads(out)[0].keys() == {"person", "title"}
    code, out, _ = cli(*base, "--columns", "person")
    assert "Lê Tiến Châu" in out and "Thành ủy Hải Phòng" not in out
    code, _, err = cli(*base, "--columns", "person,nope")
    assert code == 1 and "no column 'nope'" in _one_error_line(err) and "organization" in err


def test_jsonl_and_tsv_match_json(cli, seeds_db):
    base = ("--db", seeds_db, "who-held", "Bí thư", "Thành ủy Hải Phòng")
    rows = json.loads(cli(*base, "-f", "json")[1])
    assert rows and "evidence" in rows[0]  # json keeps every column
    lines = cli(*base, "-f", "jsonl")[1].splitlines()
    assert [json.loads(line) for line in lines] == rows
    tsv = list(csv.DictReader(io.StringIO(cli(*base, "-f", "tsv")[1]), delimiter="\t"))
    assert [r["person"] for r in tsv] == [r["person"] for r in rows]
    assert json.loads(tsv[0]["evidence"]) == rows[0]["evidence"]


# --- 7. version, completion, standard input --------------------------------------------------
def test_version_and_completion():
    from orggraph import __version__

    result = subprocess.run([EXE, "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == f"orggraph {__version__}"
    # Typer finds the shell from the process tree: run it from bash, as a user would (the trailing
    # command keeps bash from exec'ing orggraph in its place).
    result = subprocess.run(["bash", "-c", f"'{EXE}' --show-completion; status=$?; exit $status"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "_ORGGRAPH_COMPLETE=complete_bash" in result.stdout, result.stderr


def test_load_reads_json_lines_or_text_from_standard_input(cli, tmp_path):
    db = str(tmp_path / "db")
    code, _, err = cli("--db", db, "load", "-", input=json.dumps(HAU_GIANG, ensure_ascii=False) + "\n")
    assert code == 0 and "1 loaded" in err
    text = (SEEDS / "001_7239dae0792dcdec.txt").read_text(encoding="utf-8")
    code, _, err = cli("--db", db, "load", "-", input=text)
    assert code == 0 and "1 loaded" in err
    code, out, _ = cli("--db", db, "export", "facts")
    sources = {json.loads(line)["source"] for line in out.splitlines()}
    assert sources == {"hg-1", "stdin"}


# --- 9. GraphML and GEXF ---------------------------------------------------------------------
@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_export_graph_for_networkx_and_gephi(cli, seeds_db, tmp_path, fmt, read):
    path = tmp_path / f"seeds.{fmt}"
    code, _, err = cli("--db", seeds_db, "export", "graph", "--format", fmt, "-o", str(path))
    assert code == 0, err
    graph = read(str(path))
    nodes = json.loads(cli("--db", seeds_db, "query", "MATCH (n) RETURN count(n) AS n", "-f", "json")[1])[0]["n"]
    rels = json.loads(cli("--db", seeds_db, "query", "MATCH ()-[r]->() RETURN count(r) AS n", "-f", "json")[1])[0]["n"]
    assert graph.number_of_nodes() == nodes and graph.number_of_edges() == rels
    assert f"wrote {nodes} nodes and {rels} relationships" in err
    chau = "Person:p:lê tiến châu@hai phong"
    assert graph.nodes[chau]["name"] == "Lê Tiến Châu" and graph.nodes[chau]["type"] == "Person"
    assert any(d["relationship"] == "HELD_OFFICE" for _, _, d in graph.out_edges(chau, data=True))
    said = [graph.nodes[s]["sentence"] for s, _, d in graph.in_edges(chau, data=True) if d["relationship"] == "SUBJECT"]
    assert any("Bí thư Thành ủy" in sentence for sentence in said)  # the Statement nodes, with their sentences
