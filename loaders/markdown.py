"""Markdown pages as plain article text: web pages saved as markdown (biographies, government
digests, legal Q&A) wrap names in `**bold**`, lay people out in `| tables |`, and end sentences
with footnote marks `[1]`.  Extraction reads sentences, so the markup goes and a table row
becomes a line whose cells are separated by commas ("Phan Văn Mãi, Chủ tịch UBND TP.HCM")."""
from __future__ import annotations

import re

_LOOKS_LIKE = re.compile(r"\*\*\S|^#{1,6}\s|^\|.*\|\s*$|\]\(", re.M)
_LINK = re.compile(r"!?\[([^\]\n]{0,200})\]\([^)\n]{0,500}\)")
_FOOTNOTE = re.compile(r"\[(?:\d{1,3}|[a-z]|cần dẫn nguồn|note \d+)\]")
_EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)")
_HEADING = re.compile(r"^#{1,6}\s*", re.M)
_BULLET = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+", re.M)
_RULE = re.compile(r"^\s*(?:[-*_=]\s*){3,}$", re.M)
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


def looks_like_markdown(text: str) -> bool:
    head = text[:20000]
    # Every mark _LOOKS_LIKE finds holds one of these: most news has none, and a substring
    # test is much cheaper than the pattern's search line by line.
    if "*" not in head and "#" not in head and "|" not in head and "](" not in head:
        return False
    return bool(_LOOKS_LIKE.search(head))


# Where an encyclopedia page's own text ends: its references, notes and links name people by
# the titles they held when each cited article ran ("Tổng Bí thư Nguyễn Phú Trọng từ trần").
_BACK_MATTER = re.compile(r"^#{1,6}\s*(?:Tham khảo|Chú thích|Liên kết ngoài|Xem thêm|Nguồn|Đọc thêm|Ghi chú)\s*$",
                          re.M | re.I)


def markdown_to_text(text: str) -> str:
    """The words of a markdown page, line by line, without its markup or its back matter."""
    back = _BACK_MATTER.search(text)
    if back:
        text = text[:back.start()]
    text = _LINK.sub(r"\1", text)
    text = _FOOTNOTE.sub("", text)
    lines = []
    for line in text.split("\n"):
        stripped = line.strip()
        if _TABLE_SEPARATOR.match(stripped) or _RULE.match(stripped):
            continue
        if "|" in stripped and stripped.count("|") >= 2:
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            stripped = ", ".join(c for c in cells if c)
        elif stripped == "|":
            continue
        lines.append(stripped)
    text = "\n".join(lines)
    text = _HEADING.sub("", text)
    text = _BULLET.sub("", text)
    return _EMPHASIS.sub("", text)
