"""The real CLI over the real embedded store: load, query, recipes, who-held,
timeline, export, and the one-line errors."""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import subprocess
import sys

from tests.conftest import ROOT, SEEDS

COUNTS = ("MATCH (n) RETURN count(n) AS nodes",
          "MATCH ()-[r]->() RETURN count(r) AS relationships",
          "MATCH (s:Statement) RETURN count(s) AS statements")


def _counts(cli, db: str) -> list:
    out = []
    for query in COUNTS:
        code, stdout, _ = cli("--db", db, "query", query, "--format", "json")
        assert code == 0
        out.append(json.loads(stdout)[0])
    return out


def test_loading_the_seeds_twice_changes_nothing(cli, tmp_path):
    db = str(tmp_path / "db")
    code, _, err = cli("--db", db, "load", str(SEEDS))
    assert code == 0, err
    assert "5 loaded" in err
    first = _counts(cli, db)
    assert first[0]["nodes"] > 20 and first[2]["statements"] >= 11
    code, _, err = cli("--db", db, "load", str(SEEDS))
    assert code == 0
    assert "0 loaded, 5 already loaded" in err
    assert _counts(cli, db) == first


def test_query_cannot_write_without_flag(cli, seeds_copy):
    code, _, err = cli("--db", seeds_copy, "query", "CREATE (:Person {key: 'x', name: 'X'})")
    assert code == 1
    assert err.startswith("error: refused") and "--write" in err
    assert len(err.strip().splitlines()) == 1
    code, out, _ = cli("--db", seeds_copy, "query", "MATCH (p:Person {key: 'x'}) RETURN count(p) AS n", "-f", "json")
    assert json.loads(out) == [{"n": 0}]
    code, _, _ = cli("--db", seeds_copy, "query", "CREATE (:Person {key: 'x', name: 'X'})", "--write")
    assert code == 0
    code, out, _ = cli("--db", seeds_copy, "query", "MATCH (p:Person {key: 'x'}) RETURN count(p) AS n", "-f", "json")
    assert json.loads(out) == [{"n": 1}]


def test_query_parameters_are_parameters(cli, seeds_db):
    nasty = "x' OR 1=1 // \\\" }) DETACH DELETE n"
    code, out, _ = cli("--db", seeds_db, "query", "RETURN $q AS q", "--param", f"q={nasty}", "-f", "json")
    assert code == 0
    assert json.loads(out) == [{"q": nasty}]


def test_who_held_answers_from_the_seeds(cli, seeds_db):
    code, out, _ = cli("--db", seeds_db, "who-held", "Bí thư", "Thành ủy Hải Phòng", "-f", "json")
    assert code == 0
    rows = json.loads(out)
    assert [r["person"] for r in rows] == ["Lê Tiến Châu"]
    assert rows[0]["organization"] == "Thành ủy Hải Phòng"
    assert any("Bí thư Thành ủy" in e for e in rows[0]["evidence"])


def test_names_match_without_diacritics(cli, seeds_db):
    code, out, _ = cli("--db", seeds_db, "timeline", "le tien chau", "-f", "json")
    assert code == 0
    titles = {(r["title"], r["organization"]) for r in json.loads(out)}
    assert ("Bí thư", "Thành ủy Hải Phòng") in titles
    assert ("Ủy viên Ban Chấp hành", "Ban Chấp hành Trung ương Đảng") in titles


def test_deputy_is_never_the_full_title(cli, seeds_db):
    code, out, _ = cli("--db", seeds_db, "who-held", "bi thu", "thanh uy hai phong", "-f", "json")
    people = {r["person"] for r in json.loads(out)}
    assert "Đỗ Mạnh Hiến" not in people and "Nguyễn Thị Nghĩa" not in people


def test_every_output_format(cli, seeds_db):
    code, out, _ = cli("--db", seeds_db, "recipe", "holders", "--param", "organization=thanh uy hai phong", "-f", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {"organization", "title", "person"} <= set(rows[0])
    code, out, _ = cli("--db", seeds_db, "recipe", "holders", "--param", "organization=thanh uy hai phong")
    assert code == 0 and "Lê Tiến Châu" in out


def test_recipe_list_and_unknown_recipe(cli, seeds_db):
    code, out, _ = cli("recipe", "list", "-f", "json")
    names = {r["recipe"] for r in json.loads(out)}
    assert {"who-held", "timeline", "holders", "sub-organizations", "congresses", "attendees"} <= names
    code, _, err = cli("--db", seeds_db, "recipe", "nope")
    assert code == 1 and err.startswith("error: unknown recipe 'nope'")


def test_recipe_checks_its_parameters(cli, seeds_db):
    code, _, err = cli("--db", seeds_db, "recipe", "who-held", "--param", "title=Bí thư")
    assert code == 1 and "needs --param organization" in err
    code, _, err = cli("--db", seeds_db, "recipe", "holders", "--param", "date=16/10/2024")
    assert code == 1 and "ISO date" in err
    code, _, err = cli("--db", seeds_db, "recipe", "holders", "--param", "novalue")
    assert code == 1 and "NAME=VALUE" in err


def test_bad_cypher_and_missing_database_are_one_line(cli, seeds_db, tmp_path):
    code, _, err = cli("--db", seeds_db, "query", "MATCH (n RETURN n")
    assert code == 1 and err.startswith("error: Parser exception") and len(err.strip().splitlines()) == 1
    code, _, err = cli("--db", str(tmp_path / "none"), "query", "MATCH (n) RETURN n")
    assert code == 1 and "no database" in err


def test_missing_input_is_reported_and_skipped(cli, tmp_path):
    db = str(tmp_path / "db")
    code, _, err = cli("--db", db, "load", str(tmp_path / "missing.txt"), str(SEEDS / "000_b5463ef16decb005.txt"))
    assert code == 3
    assert "skipped: " in err and "missing.txt: no such file" in err
    assert "1 loaded" in err


def test_jsonl_input_uses_ids_as_sources(cli, tmp_path):
    path = tmp_path / "articles.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for seed in sorted(SEEDS.glob("*.txt"))[:2]:
            fh.write(json.dumps({"id": "id-" + seed.stem[:3], "text": seed.read_text(encoding="utf-8")}) + "\n")
        fh.write("not json\n")
        fh.write(json.dumps({"id": "empty"}) + "\n")
    db = str(tmp_path / "db")
    code, _, err = cli("--db", db, "load", str(path))
    assert code == 3 and "not a JSON object" in err and "no 'text'" in err
    code, out, _ = cli("--db", db, "export", "facts")
    sources = {json.loads(line)["source"] for line in out.splitlines()}
    assert sources == {"id-000", "id-001"}


def test_export_facts_contract(cli, seeds_db, tmp_path):
    target = tmp_path / "facts.jsonl"
    code, _, err = cli("--db", seeds_db, "export", "facts", "--format", "jsonl", "-o", str(target))
    assert code == 0 and "wrote" in err
    facts = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    kinds = {f["fact"] for f in facts}
    assert kinds == {"held_office", "subordinate_to", "congress", "attended"}
    for fact in facts:
        assert fact["source"].endswith(".txt") and fact["evidence"]
    held = next(f for f in facts if f["fact"] == "held_office" and f["person"] == "Lê Tiến Châu"
                and f["title"] == "Bí thư")
    assert held == {"fact": "held_office", "person": "Lê Tiến Châu", "title": "Bí thư",
                    "organization": "Thành ủy Hải Phòng", "status": "current", "as_of": "2024-10-16",
                    "source": "001_7239dae0792dcdec.txt", "evidence": held["evidence"], "basis": "attested",
                    "confidence": held["confidence"]}
    assert 0 < held["confidence"] <= 1  # extraction's, stored on the statement
    code, out, _ = cli("--db", seeds_db, "export", "facts", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(facts)


def test_scorer_on_seeds(seeds_db, tmp_path, cli):
    """The evaluation's own scorer, when it is beside the project (shared/eval)."""
    scorer = ROOT.parent / "shared" / "eval" / "score.py"
    gold = ROOT.parent / "shared" / "eval" / "gold" / "seeds.json"
    if not scorer.exists():
        import pytest
        pytest.skip("shared/eval is not beside this checkout")
    target = tmp_path / "facts.jsonl"
    cli("--db", seeds_db, "export", "facts", "-o", str(target))
    result = subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--pred", str(target), "--json"],
                            capture_output=True, text=True, check=True)
    figures = json.loads(result.stdout)
    assert figures["held_office"]["f1"] >= 0.95
    assert figures["byline_or_non_holder_as_holder"] == 0


def test_console_script_and_help(tmp_path):
    exe = os.path.join(os.path.dirname(sys.executable), "orggraph")
    result = subprocess.run([exe, "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    for command in ("load", "query", "recipe", "who-held", "timeline", "export"):
        assert command in result.stdout
    result = subprocess.run([exe, "--db", str(tmp_path / "none"), "query", "MATCH (n) RETURN n"],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
