"""loaders/markdown.py: pages saved as markdown (the 2025 pages: biographies, digests) read as text."""
from orggraph.loaders.extract import extract_article
from orggraph.loaders.markdown import looks_like_markdown, markdown_to_text
from orggraph.loaders.read import RawArticle

BIOGRAPHY = """# Nguyễn Văn Nên

**Nguyễn Văn Nên** (sinh ngày 14 tháng 7 năm 1957) là một chính khách Việt Nam. Ông hiện là **Ủy viên Bộ Chính trị**, Bí thư Thành ủy Thành phố Hồ Chí Minh.[1]

| Họ tên | Chức vụ |
|---|---|
| Phan Văn Mãi | Chủ tịch UBND TP.HCM |
"""


def test_markup_goes_and_table_rows_become_lines():
    assert looks_like_markdown(BIOGRAPHY) and not looks_like_markdown("Sáng 16-10, đồng chí Lê Tiến Châu phát biểu.")
    text = markdown_to_text(BIOGRAPHY)
    assert "**" not in text and "[1]" not in text and "|" not in text and "---" not in text
    assert "Phan Văn Mãi, Chủ tịch UBND TP.HCM" in text.splitlines()
    assert markdown_to_text("Xem [Bộ Công Thương](https://moit.gov.vn) và _Nhân Dân_.") == "Xem Bộ Công Thương và Nhân Dân."


def test_a_biography_in_markdown():
    facts = {(h.person, h.title, h.organization.name) for h in extract_article(RawArticle("bio.md", BIOGRAPHY)).held_office}
    assert facts == {("Nguyễn Văn Nên", "Ủy viên Bộ Chính trị", "Ban Chấp hành Trung ương Đảng"),
                     ("Nguyễn Văn Nên", "Bí thư", "Thành ủy Thành phố Hồ Chí Minh"),
                     ("Phan Văn Mãi", "Chủ tịch", "Ủy ban nhân dân Thành phố Hồ Chí Minh")}


def test_a_pronoun_needs_someone_named_before():
    facts = extract_article(RawArticle("x.txt", "Ông hiện là Bí thư Thành ủy Hải Phòng.")).held_office
    assert facts == []
