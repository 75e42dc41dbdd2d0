"""Statements as rows (issue 13): the facts export and the tenures are what the graph gave
when statements were arrays on HELD_OFFICE (tests/fixtures/, made with that code); a load
in groups on top of an earlier load gives the graph of one bulk load; rejecting marks."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from orggraph.graph.export import iter_facts
from orggraph.graph.loading import load_paths
from orggraph.graph.store import open_store
from orggraph.graph.tenures import EVIDENCE, STORED
from orggraph.loaders.normalize import fold
from orggraph.loaders.tenure import FIELDS
from tests.conftest import ROOT, SEEDS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
NEW_FIELDS = ("basis", "confidence")  # facts fields the array-based graph did not export


def _facts(store) -> list[str]:
    return sorted(json.dumps({k: v for k, v in row.items() if k not in NEW_FIELDS}, ensure_ascii=False,
                             sort_keys=True) for row in iter_facts(store))


def _tenures(store, fields=FIELDS) -> list[str]:
    cols = ", ".join(f"h.{f} AS {f}" for f in fields)
    rows = store.read(f"MATCH (p:Person)-[h:HELD_OFFICE]->(x:Position) RETURN p.key AS person, "
                      f"x.key AS position, {cols}").dicts()
    return sorted(json.dumps(row, ensure_ascii=False, sort_keys=True) for row in rows)


def _expected(name: str) -> list[str]:
    return (FIXTURES / name).read_text(encoding="utf-8").splitlines()


def _dev_or_skip() -> Path:
    if not DEV.exists():
        pytest.skip("shared/eval/dev.jsonl not available (the clone has nothing beside it)")
    if hashlib.sha1(DEV.read_bytes()).hexdigest() != (FIXTURES / "dev.sha1").read_text().split()[0]:
        pytest.skip("shared/eval/dev.jsonl changed since tests/fixtures were made (see tests/fixtures/README.md)")
    return DEV


def test_the_seeds_give_the_facts_and_tenures_of_the_array_graph(seeds_db):
    with open_store(seeds_db, read_only=True) as store:
        assert _facts(store) == _expected("facts-before-seeds.jsonl")
        assert _tenures(store) == _expected("tenures-before-seeds.jsonl")


def test_the_dev_set_gives_the_facts_and_tenures_of_the_array_graph(tmp_path):
    dev = _dev_or_skip()
    with open_store(str(tmp_path / "db")) as store:
        load_paths(store, [str(dev)], workers=1)
        assert _facts(store) == _expected("facts-before-dev.jsonl")
        assert _tenures(store) == _expected("tenures-before-dev.jsonl")


def test_loading_in_groups_on_top_gives_the_graph_of_one_bulk_load(tmp_path):
    """The first load into an empty store is the bulk path; a second load writes group by
    group and recomputes only the tenures it touches."""
    files = sorted(str(p) for p in SEEDS.iterdir())
    with open_store(str(tmp_path / "bulk")) as store:
        load_paths(store, files, workers=1)
        facts, tenures = _facts(store), _tenures(store, STORED)
    with open_store(str(tmp_path / "steps")) as store:
        load_paths(store, files[:2], workers=1)
        load_paths(store, files[2:], workers=1, group_size=1)
        assert _facts(store) == facts
        assert _tenures(store, STORED) == tenures
        seqs = [row[0] for row in store.read("MATCH (s:Statement) RETURN s.seq ORDER BY s.seq").rows]
    assert seqs == list(range(len(seqs)))  # numbered in load order, across loads


def test_every_statement_links_its_article_subject_and_object(seeds_db):
    with open_store(seeds_db, read_only=True) as store:
        total = store.read("MATCH (s:Statement) RETURN count(s)").rows[0][0]
        linked = store.read("MATCH (a:Article)-[:STATES]->(s:Statement)-[:SUBJECT]->(), (s)-[:OBJECT]->() "
                            "RETURN s.fact, count(s)").rows
        tenures = store.read("MATCH (p:Person)-[h:HELD_OFFICE]->(x:Position) "
                             "WHERE NOT EXISTS { MATCH (p)<-[:SUBJECT]-(:Statement)-[:OBJECT]->(x) } "
                             "RETURN count(h)").rows[0][0]
    assert sum(n for _, n in linked) == total > 0
    assert {fact for fact, _ in linked} == {"held_office", "subordinate_to", "attended"}
    assert tenures == 0  # every tenure rests on statements


def _said(store) -> dict[tuple[str, str], list[tuple[int, str, str]]]:
    """Each (person, position)'s statements (not rejected) as (seq, key, sentence), in load order."""
    said: dict[tuple[str, str], list[tuple[int, str, str]]] = {}
    for person, position, seq, key, sentence in store.read(
            "MATCH (x:Position)<-[:OBJECT]-(s:Statement)-[:SUBJECT]->(p:Person) "
            "WHERE s.rejected IS NULL OR NOT s.rejected RETURN p.key, x.key, s.seq, s.key, s.sentence").rows:
        said.setdefault((person, position), []).append((seq, key, sentence))
    return {pair: sorted(rows) for pair, rows in said.items()}


def _check_counts(store) -> int:
    said = _said(store)
    tenures = store.read("MATCH (p:Person)-[h:HELD_OFFICE]->(x:Position) "
                         "RETURN p.key, x.key, h.statements, h.first_statements").rows
    assert {(p, x) for p, x, _, _ in tenures} == set(said)
    for person, position, count, first in tenures:
        rows = said[(person, position)]
        assert (count, first) == (len(rows), [key for _, key, _ in rows[:EVIDENCE]]), (person, position)
    return max(len(rows) for rows in said.values())


def test_tenures_count_their_statements_and_recipes_show_the_first_few(tmp_path):
    """A tenure counts its statements and keeps the keys of the first ones; the recipes show
    the first EVIDENCE sentences in load order and how many more there are, through a bulk
    load, a load in groups on top, and a rejection."""
    from orggraph.graph.curation import reject_statements
    from orggraph.queries import run_recipe

    variants = tmp_path / "variants.jsonl"
    with open(variants, "w", encoding="utf-8") as fh:
        for i in range(6):
            for seed in sorted(SEEDS.glob("*.txt")):
                text = seed.read_text(encoding="utf-8") + f"\n\nBản tin số {i + 1}."
                fh.write(json.dumps({"id": f"{seed.stem}-v{i + 1}", "text": text}, ensure_ascii=False) + "\n")
    with open_store(str(tmp_path / "db")) as store:
        load_paths(store, [str(SEEDS)], workers=1)  # the bulk path
        _check_counts(store)
        load_paths(store, [str(variants)], workers=1, group_size=4)  # group by group on top
        assert _check_counts(store) > EVIDENCE
        reject_statements(store, "Lê Tiến Châu", "Bí thư", "Thành ủy Hải Phòng", "001_7239dae0792dcdec.txt")
        _check_counts(store)
        said = _said(store)
        for row in run_recipe(store, "timeline", {"person": "le tien chau"}).dicts():
            [(person, position)] = [pair for pair in said if pair[0].startswith("p:lê tiến châu")
                                    and pair[1].startswith(f"pos:{fold(row['title'])}@o:{fold(row['organization'])}")]
            rows = said[(person, position)]
            assert row["evidence"] == [sentence for _, _, sentence in rows[:EVIDENCE]]
            assert row["more_evidence"] == len(rows) - min(EVIDENCE, len(rows))
