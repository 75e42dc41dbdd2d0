"""loaders/cleanup.py: the body apart from page furniture, credits and bylines."""
import json
import re
from pathlib import Path

import pytest

from orggraph.loaders.cleanup import clean_article
from orggraph.loaders.normalize import normalize_text
from orggraph.loaders.sentences import split_lines_and_sentences

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
DEV = REPO.parent / "shared" / "eval" / "dev.jsonl"


def seed(name: str):
    path = next(SEEDS.glob(name + "_*.txt"))
    return clean_article(normalize_text(path.read_text(encoding="utf-8")))


def dev_articles() -> dict[str, dict]:
    if not DEV.exists():
        return {}
    rows = (json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip())
    return {row["id"]: row for row in rows}


def dev(article_id: str):
    articles = dev_articles()
    if article_id not in articles:
        pytest.skip("shared/eval/dev.jsonl not available")
    row = articles[article_id]
    title = normalize_text(row["title"]) if row.get("title") else None
    return clean_article(normalize_text(row["text"]), title)


def clean(text: str, title: str | None = None):
    return clean_article(normalize_text(text), title)


# --- the seeds -------------------------------------------------------------------------------
def test_seed_000_headline_outlet_tag_and_repeated_captions():
    art = seed("000")
    assert art.title == "Hải Phòng: Đại hội Đảng bộ khối các cơ quan thành công tốt đẹp"
    assert art.paragraphs[0].startswith("Sáng 4/8/2020, Đảng bộ khối các cơ quan thành phố Hải Phòng")
    assert "(CLO)" in art.debris and "Audio" in art.debris and "Điều chỉnh kích thước chữ" in art.debris
    caption = "Bí thư Đảng ủy khối các cơ quan, Phạm Xuân Thanh- Phát biểu tại Đại hội"
    assert art.paragraphs.count(caption) == 1  # printed twice in a row on the page, kept once
    assert art.paragraphs.count("Phó bí thư Thường trực Thành ủy, Nguyễn Thị Nghĩa- Phát biểu tại Đại hội") == 1
    assert art.paragraphs.count("Quang cảnh Đại hội") == 1
    assert art.bylines == [] and art.stamps == []


def test_seed_001_stamp_sign_in_and_tags():
    art = seed("001")
    assert art.title == "Phát huy mạnh mẽ, sắc nét trong lãnh đạo, chỉ đạo thực hiện nhiệm vụ"
    assert art.stamps == ["07:56 16/10/2024"]
    assert art.paragraphs[0].startswith("Sáng 16-10, đồng chí Lê Tiến Châu, Ủy viên Trung ương Đảng")
    assert {"Sign In", "Tag:", "File đính kèm", "(HPĐT)-"} <= set(art.debris)
    assert art.paragraphs[-1].endswith("luân chuyển để cán bộ có điều kiện rèn luyện, trưởng thành.")


def test_seed_002_byline_footer_and_related_links():
    art = seed("002")
    assert art.stamps == ["Print Thứ Bảy, 26/01/2019 23:02"]
    assert art.title is None  # its first line is a sentence, not a headline
    assert art.paragraphs[0].startswith("Đảng ủy Khối các cơ quan thành phố vừa có văn bản gửi")
    assert art.bylines == ["P.V"]
    assert "Mã QR Code truy cập vào Fanpage Cổng tin tức Thành phố Hải Phòng" in art.debris
    assert art.debris[-1] == "Tin khác"
    assert art.paragraphs[-1].endswith("thực sự trong sạch, vững mạnh.")


def test_seed_003_capitals_byline():
    art = seed("003")
    assert art.title == "Bế mạc Đại hội đại biểu Đảng bộ Khối cơ quan tỉnh Quảng Ninh lần thứ IX"
    assert art.stamps == ["Thứ Bảy, 11-07-2020, 16:19"]
    assert art.bylines == ["QUANG THỌ"]
    assert art.paragraphs[0] == "Ban chấp hành Đảng ủy Khối cơ quan tỉnh Quảng Ninh nhiệm kỳ 2020-2025."


def test_seed_004_two_authors_and_visitor_counter():
    art = seed("004")
    assert art.bylines == ["Hồng Hạnh", "Lương Huấn"]
    assert art.paragraphs[0].startswith("Ngày 16/3, Đảng bộ khối MTTQ")  # the stray ": " is gone
    assert {"Thời tiết", "Thống kê truy cập", "Đang online 35474 Tổng lượt truy cập 85948940"} <= set(art.debris)
    assert art.paragraphs[-1].endswith("thực hiện có hiệu quả lan tỏa Chủ đề công tác năm 2023.")


# --- bylines glued to the last sentence, photo credits (dev set) ---------------------------------
@pytest.mark.parametrize(
    "article_id, bylines, last_words",
    [
        ("dev-01", ["Xuân Tùng"], "Cơ quan lý luận và chính trị của Ban Chấp hành Trung ương Đảng."),
        ("dev-02", ["Đặng Dương"], "chúng tôi sẽ thông tin tới báo chí”, ông Lộc khẳng định."),
        ("dev-03", ["Tấn Tú", "Lê Đình Dũng"], "có uy tín thì vẫn được đề bạt bổ nhiệm."),
        ("dev-04", ["Vũ Di"], "Phó trưởng Phòng Kinh tế và Hạ tầng huyện này."),
        ("dev-11", ["Trí Dũng"], "đối ngoại của đất nước trong tình hình mới."),
        ("dev-12", ["Quốc Đạt"], "gần dân, phục vụ nhân dân."),
        ("dev-15", ["Trí Dũng", "Nguyễn Sự"], "du lịch trên địa bàn và trồng cây lưu niệm tại đây."),
        ("dev-19", ["Huỳnh Hải"], "Thứ trưởng Trần Văn Thuấn nhấn mạnh."),
    ],
)
def test_final_bylines(article_id, bylines, last_words):
    art = dev(article_id)
    assert art.bylines == bylines
    assert art.paragraphs[-1].endswith(last_words)


def test_photo_credits_are_cut_out_of_the_text():
    art = dev("dev-11")
    body = "\n".join(art.paragraphs)
    assert "Toàn cảnh Hội nghị. Dự Hội nghị có các đồng chí: Nguyễn Phú Trọng" in body
    assert "Ảnh:" not in body
    assert "Ảnh: Trí Dũng/TTXVN" in art.debris
    assert "TTXVN/Tin Tức" in art.debris and "TTXVN" not in " ".join(art.bylines)
    art = dev("dev-04")
    assert "Ông Ngọc phát biểu tại họp báo. Theo ông Ngọc, sau khi báo chí phản ánh" in "\n".join(art.paragraphs)
    art = dev("dev-07")
    assert (
        "Các thành viên Hội đồng bầu cử quốc gia tại cuộc họp báo công bố danh sách 868 người ứng cử "
        "đại biểu Quốc hội sau 3 vòng hiệp thương." in art.paragraphs
    )
    assert "Quốc Chính" in art.bylines


def test_a_credit_run_into_the_next_sentence():
    # corpus: no period between the credit and the next sentence
    art = clean(
        "Lý và Phương tại phiên tòa. Ảnh: Quốc Thắng Công an quận Thủ Đức xác định hai bị cáo có tội.\n"
        "Hiện trường vụ cháy. Ảnh: AFP/TTXVN Ngày 16/5, hàng trăm người dân đã tới.\n"
        "Một số hình ảnh: Messi, Suarez và Fabregas tháp tùng."
    )
    assert art.paragraphs == [
        "Lý và Phương tại phiên tòa. Công an quận Thủ Đức xác định hai bị cáo có tội.",
        "Hiện trường vụ cháy. Ngày 16/5, hàng trăm người dân đã tới.",
        "Một số hình ảnh: Messi, Suarez và Fabregas tháp tùng.",  # not a credit: mid-sentence
    ]
    assert art.bylines == ["Quốc Thắng"]


def test_markdown_page_with_source_credit_and_link():
    art = dev("dev-20")
    assert art.title == "Chủ tịch UBND TPHCM: Quy hoạch bổ sung mạng lưới đường sắt đô thị"
    assert art.paragraphs[0] == "Chủ tịch UBND TPHCM Nguyễn Văn Được phát biểu."
    assert art.stamps == ["Giờ đăng: 13:22 22-05-2025"]
    assert "Nội dung chính" in art.debris
    assert "Theo Trang tin Điện tử Đảng bộ Thành phố Hồ Chí Minh" in art.debris
    assert any(d.startswith("Link bài viết gốc: https://www.hcmcpv.org.vn/") for d in art.debris)
    assert art.bylines == []


def test_a_title_that_is_really_the_lead_stays_in_the_body():
    # dev-08: the "title" is the lead sentence and names office holders
    art = dev("dev-08")
    assert art.title.startswith("Tham dự buổi lễ còn có Bộ GD&ĐT Nguyễn Kim Sơn")
    assert art.paragraphs[0] == art.title
    # a real headline repeated on the first line is dropped
    art = dev("dev-01")
    assert art.title == "Đồng chí Đoàn Minh Huấn được bổ nhiệm làm Tổng biên tập Tạp chí Cộng sản"
    assert art.paragraphs[0].startswith("Chiều 12/7 tại Hà Nội")


# --- small pages ----------------------------------------------------------------------------------
def test_related_links_cut_only_after_the_body_starts():
    art = clean(
        "Tin khác\n"
        "Hải Phòng: Đại hội Đảng bộ khối các cơ quan thành công tốt đẹp\n"
        "Sáng 4/8/2020, Đảng bộ khối các cơ quan thành phố Hải Phòng khai mạc Đại hội.\n"
        "Tin liên quan\n"
        "Đồng chí Lê Tiến Châu làm việc với Đảng ủy Khối các cơ quan thành phố\n"
        "Bí thư Thành ủy dự Đại hội Đảng bộ quận"
    )
    assert art.title == "Hải Phòng: Đại hội Đảng bộ khối các cơ quan thành công tốt đẹp"
    assert art.paragraphs == ["Sáng 4/8/2020, Đảng bộ khối các cơ quan thành phố Hải Phòng khai mạc Đại hội."]
    assert art.debris == [
        "Tin khác",
        "Tin liên quan",
        "Đồng chí Lê Tiến Châu làm việc với Đảng ủy Khối các cơ quan thành phố",
        "Bí thư Thành ủy dự Đại hội Đảng bộ quận",
    ]


def test_an_office_holder_on_the_last_line_is_content_not_a_byline():
    art = clean(
        "Sáng 4/8/2020, Đảng bộ khối các cơ quan thành phố Hải Phòng khai mạc Đại hội.\n"
        "Phó bí thư Thường trực Thành ủy, Nguyễn Thị Nghĩa- Phát biểu tại Đại hội\n"
        "Quang cảnh Đại hội"
    )
    assert art.paragraphs[1:] == [
        "Phó bí thư Thường trực Thành ủy, Nguyễn Thị Nghĩa- Phát biểu tại Đại hội",
        "Quang cảnh Đại hội",
    ]
    assert art.bylines == []


@pytest.mark.parametrize(
    "last_line, paragraph, bylines",
    [
        # corpus endings
        ("Đó là thành quả của cả tập thể./. Phạm Huân - Vũ Hợp/VOV-Washington",
         "Đó là thành quả của cả tập thể./.", ["Phạm Huân", "Vũ Hợp"]),
        ("Vụ việc đang được Công an làm rõ. Theo Vnexpress", "Vụ việc đang được Công an làm rõ.", []),
        ("Xin trân trọng cảm ơn Thứ trưởng! Trần Trung (thực hiện)", "Xin trân trọng cảm ơn Thứ trưởng!",
         ["Trần Trung"]),
        ("giảm thua lỗ cho người chăn nuôi. T.Nhung", "giảm thua lỗ cho người chăn nuôi.", ["T.Nhung"]),
        ("diễn ra vào ngày 9/2 tới./. Hồng Anh/VOV-Trung tâm Tin Yonhap", "diễn ra vào ngày 9/2 tới./.",
         ["Hồng Anh"]),
        ("vẫn đông khách. Dã Quỳ (Tổng hợp theo báo Pháp luật TP. HCM, Vietnamnet)", "vẫn đông khách.",
         ["Dã Quỳ"]),
        ("Vị trí xảy ra vụ hỏa hoạn. Ảnh: Google Maps. Lê Trai", "Vị trí xảy ra vụ hỏa hoạn.", ["Lê Trai"]),
        # content, not credits
        ("Đồng chí Nguyễn Văn Hải, Bí thư Tỉnh ủy", "Đồng chí Nguyễn Văn Hải, Bí thư Tỉnh ủy", []),
        ("Kinh tế đạt kết quả tốt. Phó Bí Thư Nguyễn Văn A",
         "Kinh tế đạt kết quả tốt. Phó Bí Thư Nguyễn Văn A", []),
    ],
)
def test_corpus_bylines(last_line, paragraph, bylines):
    art = clean("Hải Phòng: tin tức\n" + last_line)
    assert art.paragraphs == [paragraph]
    assert art.bylines == bylines


# --- invariants over every annotated article --------------------------------------------------------
KNOWN_BYLINES = {
    "002": ["P.V"],
    "003": ["QUANG THỌ"],
    "004": ["Hồng Hạnh", "Lương Huấn"],
    "dev-01": ["Xuân Tùng"],
    "dev-02": ["Đặng Dương"],
    "dev-03": ["Tấn Tú", "Lê Đình Dũng"],
    "dev-04": ["Vũ Di"],
    "dev-05": ["Công Hạnh"],
    "dev-07": ["Quốc Chính", "Phương Thảo"],
    "dev-10": ["Duy Tuyên"],
    "dev-11": ["Trí Dũng"],
    "dev-15": ["Trí Dũng", "Nguyễn Sự"],
    "dev-19": ["Huỳnh Hải"],
}
FURNITURE = re.compile(
    r"Sign In|Tin khác|Tin liên quan|Đang online|Tổng lượt truy cập|Thống kê truy cập|Điều chỉnh kích thước chữ"
    r"|QR Code|File đính kèm|Link bài viết gốc|Nội dung chính|Ảnh: |\(Ảnh|\(CLO\)|\(HPĐT\)|Tin, ảnh"
)


def all_articles():
    for path in sorted(SEEDS.glob("*.txt")):
        yield path.name[:3], path.read_text(encoding="utf-8"), None
    for article_id, row in dev_articles().items():
        yield article_id, row["text"], row.get("title")


def test_invariants_on_seeds_and_dev():
    seen = 0
    for article_id, raw, title in all_articles():
        seen += 1
        text = normalize_text(raw)
        art = clean_article(text, normalize_text(title) if title else None)
        sentences = split_lines_and_sentences(art.paragraphs)
        assert sentences, article_id
        body = "\n".join(art.paragraphs)
        assert not FURNITURE.search(body), (article_id, FURNITURE.search(body).group())
        for stamp in art.stamps:
            assert stamp not in body
        for name in KNOWN_BYLINES.get(article_id, []):
            assert name in art.bylines, (article_id, name)
            assert not art.paragraphs[-1].endswith(name), (article_id, name)
        # nothing that names a "Bí thư" is lost: every mention is still in the body or the title
        kept = body + "\n" + (art.title or "")
        for m in re.finditer(r"Bí thư", text):
            context = re.match(r"[^.\n]{0,40}", text[m.start():]).group()
            assert context in kept, (article_id, context)
        assert all(s == s.strip() and s for s in sentences)
    assert seen >= 5


def test_a_caption_run_into_its_credit():
    # dev set (2017): "Chủ tịch LĐLĐ TP HCM Trần Kim Yến báo cáo … về hoạt động Công đoàn TP Ảnh: Hồng Đào Trong dịp Tết"
    text = "Chủ tịch LĐLĐ TP HCM Trần Kim Yến báo cáo về hoạt động Công đoàn TP Ảnh: Hồng Đào Trong dịp Tết, các cấp CĐ đã vận động."
    art = clean_article(normalize_text(text))
    body = "\n".join(art.paragraphs)
    assert "Ảnh:" not in body and "Hồng Đào" not in body and "Trong dịp Tết" in body
