"""Tests for queries/__init__.py: the recipe header, parameter binding, and every
shipped recipe running on the graph of the five seeds (the `seeds_db` fixture)."""

from __future__ import annotations

import pytest

from orggraph.graph.store import open_store
from orggraph.queries import Param, Recipe, RecipeError, bind_params, get_recipe, load_recipes, parse_recipe, run_recipe

HEADER = """\
// name: who-held
// description: Who held a title at an organization.
// param: title: search — the title, e.g. "Bí thư"
// param: organization: search — e.g. "Thành ủy Hải Phòng"
// param: date: date? — an ISO date (2020-08-04)
// param: ordinal: int? - a congress ordinal
// param: note: text?
MATCH (p:Person) RETURN p.name
// a comment inside the body stays in the body
"""


# ---------------------------------------------------------------------------------------
# parse_recipe


def test_parse_recipe_reads_name_description_and_params():
    r = parse_recipe(HEADER)
    assert r.name == "who-held"
    assert r.description == "Who held a title at an organization."
    assert [(p.name, p.kind, p.optional) for p in r.params] == [
        ("title", "search", False), ("organization", "search", False), ("date", "date", True),
        ("ordinal", "int", True), ("note", "text", True)]
    assert r.params[0].help == 'the title, e.g. "Bí thư"'
    assert r.params[3].help == "a congress ordinal"
    assert r.params[4].help == ""


def test_parse_recipe_body_is_the_cypher_after_the_header():
    r = parse_recipe(HEADER)
    assert r.cypher.startswith("MATCH (p:Person) RETURN p.name")
    assert "// a comment inside the body stays in the body" in r.cypher
    assert "// name:" not in r.cypher and "// param:" not in r.cypher


def test_parse_recipe_without_name_is_an_error():
    with pytest.raises(RecipeError):
        parse_recipe("// description: nameless\nMATCH (n) RETURN n")


@pytest.mark.parametrize("line", ["// param: date: datetime — unknown type", "// param: no type at all",
                                  "// param: x y: text"])
def test_parse_recipe_bad_param_line_is_an_error(line):
    with pytest.raises(RecipeError):
        parse_recipe(f"// name: bad\n{line}\nMATCH (n) RETURN n")


# ---------------------------------------------------------------------------------------
# bind_params

RECIPE = parse_recipe(HEADER)


def test_search_params_are_folded_like_node_search():
    bound = bind_params(RECIPE, {"title": "Bí thư", "organization": "Thành uỷ  Hải Phòng"})
    assert bound["title"] == "bi thu"
    assert bound["organization"] == "thanh uy hai phong"


def test_search_param_accepts_text_already_folded():
    assert bind_params(RECIPE, {"title": "bi thu", "organization": "hai phong"})["title"] == "bi thu"


def test_text_param_is_normalized_not_folded():
    bound = bind_params(RECIPE, {"title": "x", "organization": "y", "note": "Thành uỷ"})
    assert bound["note"] == "Thành ủy"  # new tone placement, diacritics kept


@pytest.mark.parametrize("value", ["2020", "2020-07", "2020-08-04", " 2020-08-04 "])
def test_date_param_accepts_iso_dates_possibly_partial(value):
    assert bind_params(RECIPE, {"title": "x", "organization": "y", "date": value})["date"] == value.strip()


@pytest.mark.parametrize("value", ["4/8/2020", "2020-8-4", "16-10", "yesterday", "20200804"])
def test_date_param_rejects_non_iso(value):
    with pytest.raises(RecipeError):
        bind_params(RECIPE, {"title": "x", "organization": "y", "date": value})


def test_int_param_is_converted():
    assert bind_params(RECIPE, {"title": "x", "organization": "y", "ordinal": "6"})["ordinal"] == 6


@pytest.mark.parametrize("value", ["VI", "6.5", "six"])
def test_int_param_rejects_non_integers(value):
    with pytest.raises(RecipeError):
        bind_params(RECIPE, {"title": "x", "organization": "y", "ordinal": value})


def test_optional_params_not_given_are_null():
    bound = bind_params(RECIPE, {"title": "x", "organization": "y"})
    assert bound["date"] is None and bound["ordinal"] is None and bound["note"] is None


def test_optional_param_given_empty_is_null():
    assert bind_params(RECIPE, {"title": "x", "organization": "y", "date": ""})["date"] is None


@pytest.mark.parametrize("given", [{"organization": "y"}, {"title": "", "organization": "y"},
                                   {"title": None, "organization": "y"}])
def test_missing_required_param_is_an_error_naming_it(given):
    with pytest.raises(RecipeError, match="title"):
        bind_params(RECIPE, given)


def test_unknown_param_is_an_error_naming_it():
    with pytest.raises(RecipeError, match="organisation"):
        bind_params(RECIPE, {"title": "x", "organisation": "y"})


def test_unknown_recipe_is_an_error():
    with pytest.raises(RecipeError):
        get_recipe("no-such-recipe")


# ---------------------------------------------------------------------------------------
# The shipped recipes

README_RECIPES = {"who-held", "timeline", "holders", "sub-organizations", "congresses", "attendees", "people", "statements",
                  "organizations"}

# Plausible values for the seeds' graph, by parameter name (and kind as a fallback).
PLAUSIBLE = {"title": "Bí thư", "organization": "Thành ủy Hải Phòng", "person": "Lê Tiến Châu",
             "name": "hai phong", "date": "2024-10-16", "ordinal": "6"}
BY_KIND = {"search": "hai phong", "text": "Hải Phòng", "date": "2020-08-04", "int": "6", "confidence": "0.8",
           "person_key": "p:le tien chau@hai phong"}  # typed without tone marks: one key folds to it


def plausible(recipe: Recipe, with_optional: bool) -> dict[str, str]:
    return {p.name: PLAUSIBLE.get(p.name, BY_KIND[p.kind]) for p in recipe.params
            if with_optional or not p.optional}


def test_every_readme_recipe_ships():
    assert README_RECIPES <= set(load_recipes())


def test_every_recipe_has_a_description_and_valid_params():
    for recipe in load_recipes().values():
        assert recipe.description, recipe.name
        assert recipe.cypher.strip(), recipe.name
        for param in recipe.params:
            assert isinstance(param, Param) and param.kind in {"search", "text", "date", "int", "confidence", "person_key"}
            assert f"${param.name}" in recipe.cypher, f"{recipe.name} never uses ${param.name}"


@pytest.fixture(scope="module")
def seeds_store(seeds_db):
    store = open_store(seeds_db, read_only=True)
    yield store
    store.close()


@pytest.mark.parametrize("name", sorted(load_recipes()))
@pytest.mark.parametrize("with_optional", [False, True])
def test_every_recipe_runs_on_the_seeds_graph(seeds_store, name, with_optional):
    result = run_recipe(seeds_store, name, plausible(get_recipe(name), with_optional), timeout=30)
    assert result.columns
    assert all(len(row) == len(result.columns) for row in result.rows)


def rows(store, recipe, **given):
    return run_recipe(store, recipe, given, timeout=30).dicts()


def test_who_held_bi_thu_thanh_uy_hai_phong_is_le_tien_chau(seeds_store):
    found = rows(seeds_store, "who-held", title="bi thu", organization="Thành ủy Hải Phòng")
    assert {r["person"] for r in found if r["organization"] == "Thành ủy Hải Phòng"} == {"Lê Tiến Châu"}
    assert all(r["title"] == "Bí thư" for r in found)  # "Phó Bí thư" is another title
    [chau] = [r for r in found if r["person"] == "Lê Tiến Châu"]
    assert chau["status"] == "current"
    assert any("Lê Tiến Châu" in sentence for sentence in chau["evidence"])


def test_who_held_on_a_date_before_the_first_attestation_finds_nobody(seeds_store):
    assert rows(seeds_store, "who-held", title="Bí thư", organization="Thành ủy Hải Phòng", date="2019-01-01") == []


def test_who_held_the_khoi_secretary_on_the_congress_day(seeds_store):
    found = rows(seeds_store, "who-held", title="bi thu", organization="khoi cac co quan thanh pho hai phong",
                 date="2020-08-04")
    assert [r["person"] for r in found] == ["Phạm Xuân Thanh"]


def test_timeline_lists_the_persons_posts(seeds_store):
    found = rows(seeds_store, "timeline", person="le tien chau")
    assert {(r["title"], r["organization"]) for r in found} == {
        ("Ủy viên Ban Chấp hành", "Ban Chấp hành Trung ương Đảng"),
        ("Bí thư", "Thành ủy Hải Phòng"),
        ("Trưởng Đoàn", "Đoàn đại biểu Quốc hội thành phố Hải Phòng"),
    }


def test_holders_of_thanh_uy_hai_phong(seeds_store):
    found = rows(seeds_store, "holders", organization="Thành ủy Hải Phòng", date="2024-10-16")
    pairs = {(r["title"], r["person"]) for r in found}
    assert {("Bí thư", "Lê Tiến Châu"), ("Phó Bí thư Thường trực", "Đỗ Mạnh Hiến"),
            ("Ủy viên Ban Thường vụ", "Lê Anh Quân")} <= pairs
    # the unscoped "Thành ủy" of seeds/004 is not Hải Phòng's
    assert "Vũ Thị Mai Anh" not in {r["person"] for r in found}


def test_sub_organizations_of_thanh_uy_hai_phong(seeds_store):
    found = rows(seeds_store, "sub-organizations", organization="thanh uy hai phong")
    assert {r["sub_organization"] for r in found} == {"Đảng ủy Khối các cơ quan thành phố Hải Phòng"}


def test_congresses_of_the_quang_ninh_khoi(seeds_store):
    found = rows(seeds_store, "congresses", organization="khoi cac co quan tinh quang ninh")
    assert [(r["ordinal"], r["term_start"], r["term_end"], r["date"]) for r in found] == [(9, 2020, 2025, "2020-07-11")]


def test_attendees_of_the_sixth_khoi_congress(seeds_store):
    found = rows(seeds_store, "attendees", organization="khoi cac co quan thanh pho hai phong", ordinal="6")
    assert {r["person"] for r in found} == {"Phạm Xuân Thanh", "Nguyễn Thị Nghĩa"}


def test_statements_say_which_articles_say_that_a_person_held_a_post(seeds_store):
    found = rows(seeds_store, "statements", person="le tien chau", title="Bí thư", organization="thanh uy hai phong")
    assert found and {(r["person"], r["title"], r["organization"]) for r in found} == {
        ("Lê Tiến Châu", "Bí thư", "Thành ủy Hải Phòng")}
    assert {r["source"] for r in found} == {"001_7239dae0792dcdec.txt"}
    assert all("Lê Tiến Châu" in r["sentence"] and r["as_of"] == "2024-10-16" and not r["rejected"] for r in found)
    every_post = rows(seeds_store, "statements", person="le tien chau")
    assert {r["title"] for r in every_post} > {"Bí thư"}  # and his other posts, without a title


def test_people_match_without_diacritics(seeds_store):
    assert [r["person"] for r in rows(seeds_store, "people", name="Đỗ Mạnh")] == ["Đỗ Mạnh Hiến"]


def test_people_never_include_bylines(seeds_store):
    names = {row[0] for row in seeds_store.read("MATCH (p:Person) RETURN p.name").rows}
    assert "Lê Tiến Châu" in names
    assert not names & {"P.V", "QUANG THỌ", "Quang Thọ", "Hồng Hạnh", "Lương Huấn", "Hồ Chí Minh", "Tô Hiệu"}


def test_organizations_of_hai_phong(seeds_store):
    names = {r["organization"] for r in rows(seeds_store, "organizations", name="hai phong")}
    assert {"Thành ủy Hải Phòng", "Đảng ủy Khối các cơ quan thành phố Hải Phòng",
            "Ủy ban nhân dân thành phố Hải Phòng", "Đoàn đại biểu Quốc hội thành phố Hải Phòng"} <= names
