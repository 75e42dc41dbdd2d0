"""Tests for loaders.structure: the standard structure from canonical names, and its
SUBORDINATE_TO edges marked `registry` apart from stated ones."""
from __future__ import annotations

import pytest

from orggraph.loaders.organizations import PlaceContext, canonical_org
from orggraph.loaders.places import province_named
from orggraph.loaders.resolve import to_batch
from orggraph.loaders.statements import ArticleInfo, Extraction, HeldOffice, Org, Subordination
from orggraph.loaders.structure import standard_parent


def org(phrase: str, province: str | None = None) -> Org:
    return canonical_org(phrase, PlaceContext(province_named(province)) if province else None)


@pytest.mark.parametrize("phrase, province, parent", [
    ("Sở Y tế tỉnh Thanh Hóa", None, "Ủy ban nhân dân tỉnh Thanh Hóa"),
    ("Sở Tài chính", "Hồ Chí Minh", "Ủy ban nhân dân thành phố Hồ Chí Minh"),
    ("Huyện ủy Thọ Xuân", "Thanh Hóa", "Tỉnh ủy Thanh Hóa"),
    ("Quận ủy Quận 1", "Hồ Chí Minh", "Thành ủy Thành phố Hồ Chí Minh"),
    ("Đảng ủy Khối các cơ quan tỉnh Quảng Ninh", None, "Tỉnh ủy Quảng Ninh"),
    ("Ban Tuyên giáo Trung ương", None, "Ban Chấp hành Trung ương Đảng"),
    ("Ủy ban Kiểm tra Trung ương", None, "Ban Chấp hành Trung ương Đảng"),
    # an article that does not say the province: the district's name does, when one province has it
    ("Huyện ủy Phú Xuyên", None, "Thành ủy Hà Nội"),
])
def test_standard_parent(phrase, province, parent):
    assert standard_parent(org(phrase, province)).name == parent


@pytest.mark.parametrize("phrase, province", [
    ("Thành ủy", "Đà Nẵng"),  # a province's committee: its place above is no edge here
    ("Chính phủ", None),
    ("Sở Tài chính", None),  # no province: no People's Committee to be under
    ("Huyện ủy Châu Thành", None),  # six provinces have a Châu Thành
])
def test_no_standard_parent(phrase, province):
    found = org(phrase, province)
    assert found is None or standard_parent(found) is None


def test_registry_edges_are_marked_apart_from_stated_ones():
    district = org("Huyện ủy Thọ Xuân", "Thanh Hóa")
    khoi = org("Đảng ủy Khối các cơ quan tỉnh Thanh Hóa")
    province = org("Tỉnh ủy", "Thanh Hóa")
    info = ArticleInfo(key="a:1", source="a1", title=None, date="2017-05-02", locality="Thanh Hóa", url=None)
    ex = Extraction(article=info, held_office=[HeldOffice("Lê Văn A", "Bí thư", district, "current", "2017-05-02", "…")],
                    subordination=[Subordination(khoi, province, "Đảng ủy Khối … trực thuộc Tỉnh ủy.")],
                    persons=["Lê Văn A"])
    batch = to_batch(ex)
    rows = {(src, dst): row for (src, dst, _, _), row in batch.rels["SUBORDINATE_TO"].items()}
    said = {(s["subject"], s["object"]): s["sentence"] for s in batch.statements if s["fact"] == "subordinate_to"}
    registry_only = ("o:huyen uy tho xuan", "o:tinh uy thanh hoa")
    assert rows[registry_only]["registry"] is True and not rows[registry_only]["stated"]
    assert registry_only not in said
    both = ("o:dang uy khoi cac co quan tinh thanh hoa", "o:tinh uy thanh hoa")
    assert rows[both]["registry"] is True and rows[both]["stated"] is True
    assert said[both] == "Đảng ủy Khối … trực thuộc Tỉnh ủy."
