"""The Vietnamese words and colors a picture uses for what the graph holds."""
from __future__ import annotations

from dataclasses import dataclass

from orggraph.loaders.normalize import fold


@dataclass(frozen=True)
class Style:
    name: str  # the legend's word
    shape: str  # vis shape: box, ellipse, database, text
    background: str
    border: str
    swatch: str  # the legend's CSS swatch: box, ellipse, pill, square, dashed
    radius: int = 4
    dashes: bool = False


STYLES: dict[str, Style] = {
    "Organization": Style("Tổ chức", "box", "#dbe8f7", "#1f5fa8", "box", 4),
    "Position": Style("Chức vụ", "ellipse", "#fff1cc", "#b7791f", "ellipse"),
    "Person": Style("Người", "box", "#dff3e4", "#2f855a", "pill", 14),
    "Congress": Style("Đại hội", "box", "#fde2e1", "#c53030", "square", 0),
    "Event": Style("Sự kiện", "box", "#efe6fb", "#6b46c1", "dashed", 4, True),
    "Article": Style("Bài báo", "box", "#edf2f7", "#4a5568", "square", 0),
}
OTHER_STYLE = Style("Khác", "box", "#f7fafc", "#718096", "box", 2)
# The marks on a timeline's axis (a person's page).
MARK_STYLES: dict[str, Style] = {
    "_bar": Style("nhiệm kỳ (có ngày bắt đầu)", "box", "#f6ad55", "#b7791f", "box", 3),
    "_seen": Style("thời gian thấy trong bài báo", "box", "#fdebc8", "#b7791f", "dashed", 3, True),
    "_mark": Style("ngày đại hội, sự kiện", "box", "#b794f4", "#553c9a", "square", 7),
}
# The organization, person or congress a page is about: a deeper fill and a thick border.
FOCUS = {
    "Organization": ("#b9d4f5", "#0b3d91"),
    "Person": ("#b5e3c4", "#1c5d3a"),
    "Congress": ("#f8c4c0", "#8b1e1e"),
    "Position": ("#fde3a7", "#7b4a0b"),
    "Event": ("#dccaf7", "#44267f"),
}

REL_WORDS = {
    "SUBORDINATE_TO": "trực thuộc",
    "HELD_OFFICE": "giữ chức",
    "OF": "thuộc",
    "ATTENDED": "dự",
    "MENTIONS": "nhắc đến",
}
REL_COLORS = {
    "SUBORDINATE_TO": "#1f5fa8",
    "HELD_OFFICE": "#b7791f",
    "OF": "#718096",
    "ATTENDED": "#6b46c1",
    "MENTIONS": "#a0aec0",
    "_row": "#cbd5e0",
}
ROLE_WORDS = {
    "chair": "chủ trì",
    "elected": "được bầu",
    "speaker": "phát biểu",
    "delegate": "đại biểu",
    "guest": "dự",
}
ROLE_ORDER = ["chair", "elected", "speaker", "delegate", "guest"]
ROLE_HEADINGS = {
    "chair": "Chủ trì",
    "elected": "Được bầu",
    "speaker": "Phát biểu",
    "delegate": "Đại biểu",
    "guest": "Khách mời, dự",
}
STATUS_WORDS = {"current": "đương nhiệm", "ended": "đã thôi", "unknown": "chưa rõ còn giữ"}
LEVEL_WORDS = {
    "central": "cấp Trung ương",
    "province": "cấp tỉnh",
    "district": "cấp huyện",
    "commune": "cấp xã",
    "bloc": "cấp khối",
    "grassroots": "cấp cơ sở",
}
KIND_WORDS = {
    "party_committee": "cấp ủy Đảng",
    "party_cell": "chi bộ",
    "state_body": "cơ quan nhà nước",
    "front": "Mặt trận, đoàn thể",
    "ministry": "bộ, ngành",
    "enterprise": "doanh nghiệp",
}
EVENT_KIND_WORDS = {"conference": "hội nghị", "working_session": "buổi làm việc", "ceremony": "lễ"}

# The posts shown first in an organization's box (folded titles); lower comes first.
_TITLE_RANK = {
    "tong bi thu": 0, "bi thu": 0, "chu tich": 1, "truong doan": 1, "truong ban": 1, "giam doc": 1,
    "bo truong": 1, "chanh an": 1, "vien truong": 1, "chu nhiem": 1, "thu tuong": 1,
    "pho bi thu thuong truc": 2, "pho bi thu": 3, "pho chu tich thuong truc": 4, "pho chu tich": 5,
}


def _title_rank(title: str | None) -> int:
    t = fold(title or "")
    if t in _TITLE_RANK:
        return _TITLE_RANK[t]
    if t.startswith("truong"):
        return 1
    if t.startswith("pho"):
        return 6
    if t.startswith("uy vien ban thuong vu"):
        return 7
    if t.startswith("uy vien"):
        return 8
    return 6
