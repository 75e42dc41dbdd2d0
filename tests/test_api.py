"""The Python API (`from orggraph import open_graph`): the README's example runs as written,
and every method gives what the CLI prints with `--format json`."""
from __future__ import annotations

import doctest
import json
import shutil

import pytest

from tests.conftest import ROOT


def _readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```pycon\n", readme.index("## Python API")) + len("```pycon\n")
    return readme[start:readme.index("```", start)]


def test_the_readme_example_runs_as_written(seeds_db, tmp_path, monkeypatch):
    pytest.importorskip("pandas", reason="the README example calls .df(): pip install pandas")
    shutil.copytree(seeds_db, tmp_path / "orggraph-data")
    monkeypatch.chdir(tmp_path)
    test = doctest.DocTestParser().get_doctest(_readme_example(), {}, "README Python API", "README.md", 0)
    assert len(test.examples) >= 8
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


@pytest.mark.parametrize("method, args, cli_args", [
    ("who_held", ("Bí thư", "Thành ủy Hải Phòng"), ["who-held", "Bí thư", "Thành ủy Hải Phòng"]),
    ("who_held", ("bi thu", "khoi cac co quan thanh pho hai phong", "2020-08-04"),
     ["who-held", "bi thu", "khoi cac co quan thanh pho hai phong", "--on", "2020-08-04"]),
    ("succession", ("Bí thư", "Đảng ủy Khối các cơ quan thành phố Hải Phòng"),
     ["succession", "Bí thư", "Đảng ủy Khối các cơ quan thành phố Hải Phòng"]),
    ("roster", ("Thành ủy Hải Phòng", "2024-10-16"), ["roster", "Thành ủy Hải Phòng", "--on", "2024-10-16"]),
    ("timeline", ("le tien chau",), ["timeline", "le tien chau"]),
    ("hierarchy", ("Thành ủy Hải Phòng",), ["hierarchy", "Thành ủy Hải Phòng"]),
])
def test_the_api_answers_what_the_cli_prints(cli, seeds_db, method, args, cli_args):
    from orggraph import open_graph

    rows = getattr(open_graph(seeds_db), method)(*args)
    code, out, _ = cli("--db", seeds_db, *cli_args, "-f", "json")
    assert code == 0
    assert rows == json.loads(out) and rows
    assert rows.columns == list(rows[0])


def test_recipes_and_queries_take_keywords(seeds_db):
    from orggraph import open_graph

    g = open_graph(seeds_db)
    holders = g.recipe("holders", organization="Thành ủy Hải Phòng", date="2024-10-16")
    assert {r["person"] for r in holders} == {r["person"] for r in g.roster("Thành ủy Hải Phòng", on="2024-10-16")}
    assert g.query("RETURN $x AS x", x=3) == [{"x": 3}]


def test_the_api_raises_the_cli_errors(seeds_db, tmp_path):
    from orggraph import open_graph
    from orggraph.api import Ambiguous, DateError, NotFound, StoreError

    g = open_graph(seeds_db)
    with pytest.raises(NotFound, match="did you mean: Thành ủy Hải Phòng"):
        g.roster("Thành ủy Hà Lội")
    with pytest.raises(Ambiguous, match="matches 4 organizations"):
        g.who_held("Bí thư", "hai phong")
    with pytest.raises(DateError, match="on must be a real ISO date"):
        g.who_held("Bí thư", "Thành ủy Hải Phòng", on="2020-13-45")
    with pytest.raises(StoreError, match="no database"):
        open_graph(str(tmp_path / "none"))


def test_rows_as_a_data_frame(seeds_db):
    pytest.importorskip("pandas", reason="Rows.df() needs pandas: pip install pandas")
    from orggraph import open_graph

    frame = open_graph(seeds_db).who_held("Bí thư", "Thành ủy Hải Phòng").df()
    assert list(frame.columns)[:3] == ["person", "title", "organization"]
    assert frame["person"].tolist() == ["Lê Tiến Châu"]
