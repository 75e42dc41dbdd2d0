"""Tests for loaders.identity: which nodes of one name are one career, and why.

The nodes are as resolution keys them per article (name@province, name@national,
name@article); a merge needs evidence from the posts, never the name alone.
"""
from __future__ import annotations

from orggraph.loaders.identity import Node, Post, resolve_name

CC = ("o:ban chap hanh trung uong dang", "Ban Chấp hành Trung ương Đảng", "central", None)
HCM_PARTY = ("o:thanh uy thanh pho ho chi minh", "Thành ủy Thành phố Hồ Chí Minh", "province", "Hồ Chí Minh")
HCM_DISTRICT = ("o:quan uy quan 1", "Quận ủy Quận 1", "district", "Hồ Chí Minh")
QN_KHOI = ("o:dang uy khoi cac co quan tinh quang ninh", "Đảng ủy Khối các cơ quan tỉnh Quảng Ninh", "bloc",
           "Quảng Ninh")
HN_PARTY = ("o:thanh uy ha noi", "Thành ủy Hà Nội", "province", "Hà Nội")
ECONOMIC_BOARD = ("o:ban kinh te trung uong", "Ban Kinh tế Trung ương", None, None)


def post(title: str, org: tuple, statements: int = 1, kind: str = "party_committee") -> Post:
    key, name, level, province = org
    return Post(f"pos:{title}@{key}", f"{title} {name}", key, name, level, province, statements, kind)


def node(key: str, *posts: Post, provinces=(), mentions: int = 1, fixed: bool = False) -> Node:
    return Node(key, "X", list(posts), set(provinces), mentions, fixed)


def merged(merges) -> dict[str, str]:
    return {m.absorb: m.keep for m in merges}


def test_a_position_held_in_both_is_one_career_and_says_so():
    a = node("p:x@national", post("Ủy viên Bộ Chính trị", CC))
    b = node("p:x@ho chi minh", post("Ủy viên Bộ Chính trị", CC), post("Bí thư", HCM_PARTY))
    [merge] = resolve_name([a, b])
    assert (merge.keep, merge.absorb) == ("p:x@national", "p:x@ho chi minh")
    assert merge.reason == "both held Ủy viên Bộ Chính trị Ban Chấp hành Trung ương Đảng"


def test_namesakes_whose_posts_share_nothing_stay_apart():
    # the Quảng Ninh Khối's Nguyễn Mạnh Cường and a Hồ Chí Minh City district's
    qn = node("p:nguyen manh cuong@quang ninh", post("Bí thư", QN_KHOI))
    hcm = node("p:nguyen manh cuong@ho chi minh", post("Phó Bí thư", HCM_DISTRICT))
    assert resolve_name([qn, hcm]) == []


def test_a_province_in_common_is_evidence():
    a = node("p:x@ho chi minh", post("Phó Bí thư", HCM_DISTRICT))
    b = node("p:x@a:1", post("Ủy viên Ban Thường vụ", HCM_PARTY))
    assert merged(resolve_name([a, b])) == {"p:x@a:1": "p:x@ho chi minh"}


def test_a_central_post_joins_the_only_other_career():
    national = node("p:dinh la thang@national", post("Phó Trưởng ban", ECONOMIC_BOARD, kind="party_board"))
    city = node("p:dinh la thang@ho chi minh", post("Bí thư", HCM_PARTY))
    [merge] = resolve_name([national, city])
    assert merge.keep == "p:dinh la thang@national"
    assert merge.reason.startswith("a central post")


def test_a_central_post_glues_no_two_provincial_namesakes():
    national = node("p:x@national", post("Phó Trưởng ban", ECONOMIC_BOARD, kind="party_board"))
    qn = node("p:x@quang ninh", post("Bí thư", QN_KHOI))
    hcm = node("p:x@ho chi minh", post("Phó Bí thư", HCM_DISTRICT))
    assert resolve_name([national, qn, hcm]) == []


def test_a_node_without_posts_joins_the_career_in_its_articles_province():
    qn = node("p:x@quang ninh", post("Bí thư", QN_KHOI))
    hcm = node("p:x@ho chi minh", post("Phó Bí thư", HCM_DISTRICT))
    mention = node("p:x@a:7", provinces={"Quảng Ninh"})
    assert merged(resolve_name([qn, hcm, mention])) == {"p:x@a:7": "p:x@quang ninh"}


def test_a_node_without_posts_or_place_joins_only_a_sole_national_career():
    national = node("p:x@national", post("Tổng Bí thư", CC))
    assert merged(resolve_name([national, node("p:x@a:1")])) == {"p:x@a:1": "p:x@national"}
    local = node("p:y@quang ninh", post("Bí thư", QN_KHOI))
    assert resolve_name([local, node("p:y@a:1")]) == []  # a name is no evidence


def test_a_curation_split_is_never_merged_back():
    a = node("p:x@national", post("Ủy viên Bộ Chính trị", CC))
    b = node("p:x@hau giang", post("Ủy viên Bộ Chính trị", CC), fixed=True)
    assert resolve_name([a, b]) == []


def test_the_node_kept_does_not_depend_on_the_order():
    nodes = [node("p:x@ha noi", post("Bí thư", HN_PARTY), mentions=9),
             node("p:x@a:3", post("Bí thư", HN_PARTY)), node("p:x@a:2", provinces={"Hà Nội"})]
    first = merged(resolve_name(nodes))
    assert first == merged(resolve_name(nodes[::-1])) == {"p:x@a:3": "p:x@ha noi", "p:x@a:2": "p:x@ha noi"}
