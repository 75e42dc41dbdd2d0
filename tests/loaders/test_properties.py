"""Random Unicode, with combining marks, control characters and Vietnamese pieces,
into every loader stage: nothing raises, and normalization is stable."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orggraph.loaders.cleanup import clean_article
from orggraph.loaders.dates import event_date, find_dates, parse_article_date, parse_term
from orggraph.loaders.extract import extract_article
from orggraph.loaders.names import find_person_names
from orggraph.loaders.normalize import fold, normalize_text
from orggraph.loaders.organizations import PlaceContext, canonical_org
from orggraph.loaders.places import article_locality, find_provinces, province_named
from orggraph.loaders.read import RawArticle
from orggraph.loaders.resolve import to_batch
from orggraph.loaders.sentences import split_sentences
from orggraph.loaders.titles import parse_chain

PIECES = ["Bí thư", "Phó Bí thư TT", "Thành ủy", "Tỉnh ủy Quảng Ninh", "UBND", "huyện", "xã", "đồng chí",
          "Lê Tiến Châu", "Nguyễn Thị", "nguyên", "Đại hội", "lần thứ", "XII", "nhiệm kỳ 2020 - 2025",
          "trực thuộc", "16/10/2024", "Sáng 4/8", "(", ")", ",", ";", ".", ":", "-", "–", "\n", "\u00a0", "\u0301",
          "\u0323", "\u200b", "\x00", "\x1b", "TP.HCM", "Ủy", "Uỷ", "hoà", "quý", "được bổ nhiệm làm", "Trưởng ban"]

text = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=80).map(" ".join),
)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(text)
def test_normalization_is_total_and_stable(value):
    once = normalize_text(value)
    assert normalize_text(once) == once
    assert "\x00" not in once
    fold(value)


@FAST
@given(text, st.one_of(st.none(), text))
def test_cleanup_sentences_and_dates_never_raise(value, title):
    clean = clean_article(normalize_text(value), title=title)
    for paragraph in clean.paragraphs:
        split_sentences(paragraph)
    date = parse_article_date(clean.stamps, clean.paragraphs, title)
    event_date(clean.paragraphs, date)
    find_dates(value, "2024-10-16")
    find_dates(value, None)
    parse_term(value)


@FAST
@given(text)
def test_places_names_titles_and_organizations_never_raise(value):
    normalized = normalize_text(value)
    find_provinces(normalized)
    article_locality(normalized[:80], [normalized], normalized)
    province_named(normalized)
    find_person_names(normalized)
    for start in range(0, len(normalized), 7):
        parse_chain(normalized, start)
    context = PlaceContext(province_named("Hải Phòng"), {"commune": "xã Quế Long"})
    canonical_org(normalized, context)
    canonical_org(normalized)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text, st.one_of(st.none(), text), st.one_of(st.none(), text), st.booleans())
def test_the_whole_article_path_never_raises(value, title, date, html):
    raw = RawArticle(source="x", text=value, title=title, date=date, html=html)
    batch = to_batch(extract_article(raw))
    assert batch.article_key in batch.nodes["Article"]
