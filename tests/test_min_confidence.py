"""`--min-confidence`: the facts export (and the recipes) leave out the statements extraction
was less sure of; the default leaves out nothing stored (extraction keeps 0.5 and more)."""
from __future__ import annotations

import json


def _facts(cli, db, *options) -> list[dict]:
    code, out, err = cli("--db", db, "export", "facts", *options)
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines()]


def test_export_leaves_out_the_held_office_statements_below_the_threshold(cli, seeds_db):
    every = _facts(cli, seeds_db)
    sure = sorted({f["confidence"] for f in every if f["fact"] == "held_office"})
    assert len(sure) > 1 and sure[0] >= 0.5  # the seeds hold statements of more than one confidence
    threshold = sure[-1]
    kept = _facts(cli, seeds_db, "--min-confidence", str(threshold))
    assert kept == [f for f in every if f["fact"] != "held_office" or f["confidence"] >= threshold]
    assert [f for f in kept if f["fact"] == "held_office"]
    assert len(kept) < len(every)
    assert _facts(cli, seeds_db, "--min-confidence", "0.5") == every  # what extraction keeps


def test_a_threshold_outside_zero_to_one_is_one_line(cli, seeds_db):
    code, _, err = cli("--db", seeds_db, "export", "facts", "--min-confidence", "1.5")
    assert code == 2 and err.strip().count("\n") == 0 and "--min-confidence" in err, err


def _rows(cli, db, *args) -> list[dict]:
    code, out, err = cli("--db", db, *args, "-f", "json")
    assert code == 0, err
    return json.loads(out)


def test_recipes_and_commands_leave_out_what_rests_only_on_less_sure_statements(cli, seeds_db):
    said = _rows(cli, seeds_db, "recipe", "statements", "--param", "person=le")
    sure = sorted({r["confidence"] for r in said})
    assert len(sure) > 1
    threshold = sure[-1]
    kept = _rows(cli, seeds_db, "recipe", "statements", "--param", "person=le", "--param",
                 f"min_confidence={threshold}")
    assert kept == [r for r in said if r["confidence"] >= threshold] and 0 < len(kept) < len(said)
    # a tenure stays when its surest statement reaches the threshold
    best: dict[tuple, float] = {}
    for r in said:
        if not r["rejected"]:
            post = (r["person"], r["title"], r["organization"])
            best[post] = max(best.get(post, 0.0), r["confidence"])
    every = _rows(cli, seeds_db, "timeline", "le tien chau")
    sure_only = _rows(cli, seeds_db, "timeline", "le tien chau", "--min-confidence", str(threshold))
    assert sure_only == [r for r in every if best[(r["person"], r["title"], r["organization"])] >= threshold]
    assert 0 < len(sure_only) < len(every)
    assert _rows(cli, seeds_db, "timeline", "le tien chau", "--min-confidence", "0.5") == every
    roster = _rows(cli, seeds_db, "roster", "Thành ủy Hải Phòng", "--min-confidence", "1")
    assert all(best[(r["person"], r["title"], r["organization"])] >= 1 for r in roster)


def test_a_recipe_threshold_outside_zero_to_one_is_one_line(cli, seeds_db):
    code, _, err = cli("--db", seeds_db, "recipe", "statements", "--param", "person=le", "--param",
                       "min_confidence=high")
    assert code == 1 and err.strip().count("\n") == 0 and "from 0 to 1" in err, err
