"""loaders/dates.py: the day comes before the month, and the year is often left out."""
import pytest

from orggraph.loaders.dates import (
    DateMention,
    event_date,
    find_dates,
    looks_like_stamp,
    parse_article_date,
    parse_term,
)


def mentions(sentence, article_date=None):
    return [(m.text, m.value) for m in find_dates(sentence, article_date)]


@pytest.mark.parametrize(
    "sentence, article_date, expected",
    [
        # seeds/000
        ("(CLO) Sáng 4/8/2020, Đảng bộ khối các cơ quan thành phố Hải Phòng tiến hành khai mạc Đại hội",
         None, [("Sáng 4/8/2020", "2020-08-04")]),
        # seeds/001: no year, it comes from the page's stamp
        ("(HPĐT)- Sáng 16-10, đồng chí Lê Tiến Châu, Ủy viên Trung ương Đảng, Bí thư Thành ủy",
         "2024-10-16", [("Sáng 16-10", "2024-10-16")]),
        # seeds/004
        ("Ngày 16/3, Đảng bộ khối MTTQ và các tổ chức chính trị - xã hội thành phố đã tổ chức Hội nghị",
         "2023-03-20", [("Ngày 16/3", "2023-03-16")]),
        # dev-15: a range of days, the first one counts
        ("Trong 2 ngày 14 -15/5, Tổng Bí thư Nguyễn Phú Trọng đã đến thăm, làm việc tại tỉnh Hòa Bình",
         "2017-05-16", [("ngày 14 -15/5", "2017-05-14")]),
        # dev-12
        ("Trước đó, ngày 15 - 18/4/2017, Đoàn kiểm tra 469 của Bộ Chính trị đã làm việc",
         None, [("ngày 15 - 18/4/2017", "2017-04-15")]),
        # dev-02
        ("bà Trần Trương Mạnh Hoài được nhận vào công tác tại Phòng Nội vụ UBND huyện Tuy Đức từ tháng 7/2009",
         "2017-07-05", [("tháng 7/2009", "2009-07")]),
        ("Tháng 8/2015, bà Hoài được giới thiệu, bầu vào Ban Chấp hành Đảng bộ huyện Tuy Đức nhiệm kỳ III "
         "(2015-2020).", None, [("Tháng 8/2015", "2015-08")]),
        ("Tuy nhiên, cũng trong thời gian được cử đi học, ngày 27/7/2011, bà Hoài được bổ nhiệm làm Phó "
         "Trưởng Phòng GD&ĐT theo Quyết định số 1038/QĐ-UBND của UBND huyện Tuy Đức.",
         None, [("ngày 27/7/2011", "2011-07-27")]),
        # dev-03
        ("đến tháng 6.2016 thì giữ chức Bí thư Đảng ủy xã", None, [("tháng 6.2016", "2016-06")]),
        ("Năm 2008, bà Hoàng được bầu giữ chức Chủ tịch MTTQ Việt Nam xã Quế Long",
         None, [("Năm 2008", "2008")]),
        ("Bà Lê Thị Thanh Hoàng cũng làm cán bộ xã từ năm 1997.", None, [("năm 1997", "1997")]),
        # dev-06: months and bare years in a career
        ("Ông đã từng giữ các vị trí từ 10/1990 đến 1995: Chuyên viên",
         None, [("10/1990", "1990-10"), ("1995", "1995")]),
        ("- Từ 3/7/2017: Ông là Thành viên HĐTV", None, [("3/7/2017", "2017-07-03")]),
        # dev-09: the long form
        ("được Bộ Giáo dục và Đào tạo công nhậntheo Quyết địnhsố 2245/QĐ-BGDĐT ngày 06 tháng 08năm 2020của Bộ",
         None, [("ngày 06 tháng 08năm 2020", "2020-08-06")]),
        # seeds/003 stamp style, dash separators
        ("Thứ Bảy, 11-07-2020, 16:19", None, [("Thứ Bảy, 11-07-2020", "2020-07-11")]),
        # corpus: a weekday, a bracketed date, a dotted day
        ("Tờ báo, số ra ngày thứ Hai, 22/5, đã công bố 58 bức ảnh", "2017-05-25",
         [("thứ Hai, 22/5", "2017-05-22")]),
        ("Tính đến hôm nay (6/2), đã có 73% vé được bán", "2017-02-06",
         [("hôm nay (6/2)", "2017-02-06")]),
        ("Rằm tháng Giêng năm nay (11/2), tại 81 Trần Quốc Toản", "2017-02-12", [("11/2", "2017-02-11")]),
        ("Theo báo cáo được công bố hôm 8.2, 1/3 giáo viên cho biết", "2017-02-10",
         [("hôm 8.2", "2017-02-08")]),
    ],
)
def test_find_dates(sentence, article_date, expected):
    assert mentions(sentence, article_date) == expected


def test_year_inferred_across_new_year():
    # corpus, an article of early January 2017 about late December
    sentence = "Tiếp đến, ngày 28/12, khoảng 30 người, hầu hết là phụ nữ bịt mặt mang chất bẩn ô uế ném vào trụ sở"
    assert mentions(sentence, "2017-01-05") == [("ngày 28/12", "2016-12-28")]
    # within a month after the article's date it stays in the article's year
    assert mentions("Ngày 5/2, đoàn sẽ làm việc tại tỉnh.", "2017-01-05") == [("Ngày 5/2", "2017-02-05")]
    # a partial article date is enough
    assert mentions("Sáng 16-10, đồng chí Lê Tiến Châu chủ trì", "2024") == [("Sáng 16-10", "2024-10-16")]


def test_no_year_and_no_article_date_keeps_the_mention_without_value():
    found = find_dates("Ngày 16/3, Đảng bộ khối MTTQ đã tổ chức Hội nghị", None)
    assert found == [DateMention(0, 9, "Ngày 16/3", None, "Ngày")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Đại hội đại biểu lần thứ VI, nhiệm kỳ 2020 - 2025.",  # seeds/000
        "thực hiện các chỉ tiêu tại Nghị quyết Đại hội 6 Đảng bộ Khối nhiệm kỳ 2020-2025",  # seeds/001
        "Nghị quyết Đại hội Đảng bộ Khối lần thứ II, nhiệm kỳ 20202025 gắn với triển khai",  # seeds/004
        "được bổ nhiệm vào ngạch công chức theo Quyết định số 312/QĐ-SNV của Sở Nội vụ.",  # dev-02
        "Nghị quyết 45 của Bộ Chính trị về xây dựng và phát triển thành phố",  # seeds/001
        "kết nạp 653 quần chúng ưu tú vào đảng, đạt 81,63% so với chỉ tiêu đề ra",  # seeds/001
        "có rất nhiều em nhỏ từ 1-2 tuổi ở nước ngoài về vào khu cách ly",  # dev-19
        "Thực hiện Chỉ thị 05/2017 của Ban Thường vụ",
        "Kết quả xổ số Mega 6/45; có khoảng 1/3 người trưởng thành",  # corpus
        "với 4.466 đảng viên; khóa học 2010-2012",
        "31/02/2020 là ngày không có",
    ],
)
def test_not_day_dates(sentence):
    assert find_dates(sentence, "2024-10-16") == []


def test_a_period_of_months_is_not_a_day_but_its_year_counts():
    # seeds/001
    sentence = "kết quả thực hiện nhiệm vụ 9 tháng năm 2024, phương hướng, nhiệm vụ trong thời gian tới."
    assert mentions(sentence, "2024-10-16") == [("năm 2024", "2024")]


@pytest.mark.parametrize(
    "text, term",
    [
        ("Đại hội đại biểu lần thứ VI, nhiệm kỳ 2020 - 2025.", (2020, 2025)),
        ("Nghị quyết Đại hội 6 Đảng bộ Khối nhiệm kỳ 2020-2025;", (2020, 2025)),
        ("nhiệm kỳ 2020 – 2025", (2020, 2025)),
        ("Đại hội Đảng bộ Khối lần thứ II, nhiệm kỳ 20202025 gắn với", (2020, 2025)),
        ("Nhiệm kỳ 2015 - 2020, bám sát sự lãnh đạo của Thành ủy", (2015, 2020)),
        ("Kết quả năm 2020, 2021, 2022, Đảng ủy", None),
        ("giai đoạn 2015-2030", None),
        ("năm 2020-2021", None),
        ("với 4.466 đảng viên", None),
    ],
)
def test_parse_term(text, term):
    assert parse_term(text) == term


@pytest.mark.parametrize(
    "line",
    [
        "07:56 16/10/2024",
        "Print Thứ Bảy, 26/01/2019 23:02",
        "Thứ Bảy, 11-07-2020, 16:19",
        "Giờ đăng: 13:22 22-05-2025",
        "Cập nhật 10:15 ngày 04/08/2020",
    ],
)
def test_stamp_lines(line):
    assert looks_like_stamp(line)


@pytest.mark.parametrize(
    "line",
    ["(CLO) Sáng 4/8/2020, Đảng bộ khối các cơ quan thành phố", "Thống kê truy cập", "Tag:", "2020 - 2025"],
)
def test_not_stamp_lines(line):
    assert not looks_like_stamp(line)


@pytest.mark.parametrize(
    "stamps, value",
    [
        (["07:56 16/10/2024"], "2024-10-16"),
        (["Print Thứ Bảy, 26/01/2019 23:02"], "2019-01-26"),
        (["Thứ Bảy, 11-07-2020, 16:19"], "2020-07-11"),
        (["Giờ đăng: 13:22 22-05-2025"], "2025-05-22"),
        (["Cập nhật 10:15 ngày 04/08/2020"], "2020-08-04"),
    ],
)
def test_article_date_from_stamp(stamps, value):
    assert parse_article_date(stamps, ["Sáng 4/8/2019, Đại hội khai mạc."]) == value


def test_article_date_priority():
    lead = ["(CLO) Sáng 4/8/2020, Đảng bộ khối các cơ quan thành phố Hải Phòng tiến hành khai mạc Đại hội"]
    assert parse_article_date(["07:56 16/10/2024"], lead, "2021-04-27") == "2021-04-27"
    assert parse_article_date([], lead, "2021-04-27T10:00:00") == "2021-04-27"
    assert parse_article_date([], lead, "27/04/2021") == "2021-04-27"
    assert parse_article_date(["07:56 16/10/2024"], lead, "không rõ") == "2024-10-16"
    assert parse_article_date(["07:56 31/02/2024"], lead) == "2020-08-04"  # an impossible stamp is skipped
    assert parse_article_date([], lead) == "2020-08-04"
    assert parse_article_date([], ["Ngày 16/3, Đảng bộ khối MTTQ tổ chức Hội nghị"]) is None  # no year


def test_article_date_not_from_a_founding_or_a_document_date():
    # seeds/002, without its stamp: "thành lập ngày 27/1/1994" is not the article's event
    paragraphs = [
        "Đảng ủy Khối các cơ quan thành phố vừa có văn bản gửi các cấp ủy cơ sở trực thuộc Đảng ủy Khối.",
        "Đảng bộ khối các cơ quan thành phố được thành lập ngày 27/1/1994, là Đảng bộ cấp trên cơ sở "
        "trực thuộc Thành ủy.",
    ]
    assert parse_article_date([], paragraphs) is None
    # dev-12: a decision's date
    assert parse_article_date([], [
        "Đoàn kiểm tra theo Quyết định số 469-QĐNS/TW ngày 21/3/2017 của Bộ Chính trị đã làm việc."
    ]) is None


@pytest.mark.parametrize(
    "paragraphs, article_date, value",
    [
        (["(HPĐT)- Sáng 16-10, đồng chí Lê Tiến Châu chủ trì làm việc"], "2024-10-16", "2024-10-16"),
        (["Khối MTTQ", ": Ngày 16/3, Đảng bộ khối MTTQ đã tổ chức Hội nghị"], "2023-04-02", "2023-03-16"),
        (["Trong 2 ngày 14 -15/5, Tổng Bí thư Nguyễn Phú Trọng đã đến thăm"], "2017-05-16", "2017-05-14"),
        (["Chiều 12/7 tại Hà Nội, Tạp chí Cộng sản tổ chức Hội nghị"], "2017-07-13", "2017-07-12"),
        # seeds/003: ", ngày 11-7," opens a clause
        (["Sau hai ngày làm việc với tinh thần đoàn kết, ngày 11-7, Đại hội đại biểu Đảng bộ Khối cơ quan "
          "tỉnh Quảng Ninh lần thứ IX nhiệm kỳ 2020-2025 đã thành công tốt đẹp."], "2020-07-11", "2020-07-11"),
        # no cued date in the lead: the article's date
        (["Đảng bộ khối các cơ quan thành phố được thành lập ngày 27/1/1994."], "2019-01-26", "2019-01-26"),
        (["Ngày 16/3, Đảng bộ khối MTTQ đã tổ chức Hội nghị"], None, None),
    ],
)
def test_event_date(paragraphs, article_date, value):
    assert event_date(paragraphs, article_date) == value


# --- load --date and statement dates (issue 12) ----------------------------------------
from orggraph.loaders.dates import DateRange, parse_date_range, statement_date  # noqa: E402


@pytest.mark.parametrize("text, first, last, partial", [
    ("2017", "2017", "2017", "2017"),
    ("2017-06", "2017-06", "2017-06", "2017-06"),
    ("2017-02..2017-07", "2017-02", "2017-07", "2017"),
    ("2017-02-01..2017-02-28", "2017-02-01", "2017-02-28", "2017-02"),
])
def test_parse_date_range(text, first, last, partial):
    period = parse_date_range(text)
    assert (period.first, period.last, period.partial) == (first, last, partial)


@pytest.mark.parametrize("text", ["17", "2017-13", "2017-07..2017-02", "2016..2017", "June 2017", ""])
def test_parse_date_range_refuses_what_is_no_period(text):
    with pytest.raises(ValueError):
        parse_date_range(text)


def test_a_period_contains_dates_at_any_precision():
    period = DateRange("2017-02", "2017-07")
    assert period.contains("2017-02-01") and period.contains("2017-07-31") and period.contains("2017-05")
    assert not period.contains("2017-08-01") and not period.contains("1947-05-20")


@pytest.mark.parametrize("sentence, expected", [
    # the one date of the sentence dates the start
    ("Ngày 12/4/2017, ông Nguyễn Văn An được bổ nhiệm giữ chức Giám đốc Sở Y tế.", "2017-04-12"),
    # a birth date, a deadline, a founding or history never does: the article's date does
    ("Ông Nguyễn Văn An (sinh năm 1962) được bổ nhiệm giữ chức Giám đốc Sở Y tế.", "2017-05-02"),
    ("Ông A được bầu làm Chủ tịch, phấn đấu đến năm 2020 hoàn thành mục tiêu.", "2017-05-02"),
    ("Ông A được bổ nhiệm Giám đốc Sở, đơn vị thành lập ngày 20/5/1947.", "2017-05-02"),
    ("Ông A được bổ nhiệm Giám đốc Sở, kế tục truyền thống từ năm 1930.", "2017-05-02"),
    # a date after the article is a plan, not a fact
    ("Ông A sẽ được bổ nhiệm Giám đốc Sở từ ngày 1/1/2019.", "2017-05-02"),
])
def test_statement_date(sentence, expected):
    assert statement_date(sentence, "2017-05-02", "2017-05-02") == expected
