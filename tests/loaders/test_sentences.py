"""loaders/sentences.py: a fact and its evidence are one sentence."""
import pytest

from orggraph.loaders.sentences import split_lines_and_sentences, split_sentences


def test_numbers_percentages_and_lists_stay_in_their_sentence():
    # seeds/001
    paragraph = (
        "Báo cáo tại cuộc làm việc, đồng chí Phạm Quang Hiển, Bí thư Đảng ủy Khối các cơ quan thành phố "
        "cho biết, Đảng bộ Khối các cơ quan thành phố có 62 tổ chức cơ sở đảng trực thuộc; 442 chi bộ và "
        "10 đảng bộ bộ phận trực thuộc đảng bộ cơ sở, với 4.466 đảng viên. Từ đầu nhiệm kỳ 2020-2025 đến "
        "nay, Đảng ủy Khối và các tổ chức đảng thuộc Khối đoàn kết, thống nhất cao. Trong đó, những chỉ "
        "tiêu đạt, vượt chỉ tiêu Nghị quyết Đại hội 6 Đảng bộ Khối đề ra. Nổi bật, kết nạp 653 quần chúng "
        "ưu tú vào đảng, đạt 81,63% so với chỉ tiêu đề ra; 100% số chi bộ thuộc Đảng bộ Khối duy trì nền "
        "nếp sinh hoạt chi bộ theo quy định; hơn 40 chi bộ, đảng bộ cơ sở đăng ký xây dựng mô hình "
        "“Dân vận khéo”, đạt tỷ lệ 64,5%..."
    )
    assert split_sentences(paragraph) == [
        "Báo cáo tại cuộc làm việc, đồng chí Phạm Quang Hiển, Bí thư Đảng ủy Khối các cơ quan thành phố "
        "cho biết, Đảng bộ Khối các cơ quan thành phố có 62 tổ chức cơ sở đảng trực thuộc; 442 chi bộ và "
        "10 đảng bộ bộ phận trực thuộc đảng bộ cơ sở, với 4.466 đảng viên.",
        "Từ đầu nhiệm kỳ 2020-2025 đến nay, Đảng ủy Khối và các tổ chức đảng thuộc Khối đoàn kết, thống nhất cao.",
        "Trong đó, những chỉ tiêu đạt, vượt chỉ tiêu Nghị quyết Đại hội 6 Đảng bộ Khối đề ra.",
        "Nổi bật, kết nạp 653 quần chúng ưu tú vào đảng, đạt 81,63% so với chỉ tiêu đề ra; 100% số chi bộ "
        "thuộc Đảng bộ Khối duy trì nền nếp sinh hoạt chi bộ theo quy định; hơn 40 chi bộ, đảng bộ cơ sở "
        "đăng ký xây dựng mô hình “Dân vận khéo”, đạt tỷ lệ 64,5%...",
    ]


def test_list_of_people_separated_by_semicolons_is_one_sentence():
    # seeds/001
    sentence = (
        "Cùng làm việc có các đồng chí: Đỗ Mạnh Hiến, Phó bí thư Thường trực Thành ủy; Lê Anh Quân, "
        "Ủy viên Ban Thường vụ Thành ủy, Phó chủ tịch Thường trực UBND thành phố; đại diện lãnh đạo "
        "các ban, ngành liên quan."
    )
    assert split_sentences(sentence) == [sentence]


@pytest.mark.parametrize(
    "paragraph, sentences",
    [
        (  # corpus
            "Sáng nay, tại Hà Nội và TP. Hồ Chí Minh, Thường trực Chính phủ đã họp với lãnh đạo 2 thành phố. "
            "Tiếp đến, ngày 28/12, khoảng 30 người kéo đến.",
            [
                "Sáng nay, tại Hà Nội và TP. Hồ Chí Minh, Thường trực Chính phủ đã họp với lãnh đạo 2 thành phố.",
                "Tiếp đến, ngày 28/12, khoảng 30 người kéo đến.",
            ],
        ),
        (  # dev-06
            "Chiều 3/7, tại TCT Bảo đảm ATHH miền Nam - TP. Vũng Tàu, Bộ GTVT đã công bố Quyết Định của "
            "Bộ trưởng Bộ GTVT. Ông Bùi Thế Hùng phát biểu cảm ơn",
            [
                "Chiều 3/7, tại TCT Bảo đảm ATHH miền Nam - TP. Vũng Tàu, Bộ GTVT đã công bố Quyết Định của "
                "Bộ trưởng Bộ GTVT.",
                "Ông Bùi Thế Hùng phát biểu cảm ơn",
            ],
        ),
        (  # dev-08
            "Trước đó, ngày 14/1, Thủ tướng Chính phủ Nguyễn Xuân Phúc ký Quyết định bổ nhiệm PGS. TS Vũ Hải "
            "Quân, Phó Giám đốc thường trực ĐH Quốc gia TP.HCM, giữ chức Giám đốc ĐHQG TP.HCM. "
            "PGS.TS Vũ Hải Quân năm nay 47 tuổi.",
            [
                "Trước đó, ngày 14/1, Thủ tướng Chính phủ Nguyễn Xuân Phúc ký Quyết định bổ nhiệm PGS. TS Vũ "
                "Hải Quân, Phó Giám đốc thường trực ĐH Quốc gia TP.HCM, giữ chức Giám đốc ĐHQG TP.HCM.",
                "PGS.TS Vũ Hải Quân năm nay 47 tuổi.",
            ],
        ),
        (  # dev-09 title, and "ThS." from the corpus
            "GS.TS Lê Anh Tuấn tân Chủ tịch Hội đồng trường ĐH Bách khoa Hà Nội. ThS. Hoàng Khánh Toàn cho "
            "biết. Th.S Nguyễn Văn A đến.",
            [
                "GS.TS Lê Anh Tuấn tân Chủ tịch Hội đồng trường ĐH Bách khoa Hà Nội.",
                "ThS. Hoàng Khánh Toàn cho biết.",
                "Th.S Nguyễn Văn A đến.",
            ],
        ),
        (  # dev-03: a month written with a period
            "Theo ông Dũng, ông Đỗ Đình Hùng đã có tổng cộng 21 năm công tác tại UBND xã Quế Long, đến tháng "
            "6.2016 thì giữ chức Bí thư Đảng ủy xã. Bà Lê Thị Thanh Hoàng cũng làm cán bộ xã từ năm 1997.",
            [
                "Theo ông Dũng, ông Đỗ Đình Hùng đã có tổng cộng 21 năm công tác tại UBND xã Quế Long, đến "
                "tháng 6.2016 thì giữ chức Bí thư Đảng ủy xã.",
                "Bà Lê Thị Thanh Hoàng cũng làm cán bộ xã từ năm 1997.",
            ],
        ),
        (  # corpus: an initial in a photo credit
            "Người đàn ông gieo mình xuống sông tự tử. Ảnh: T. Sơn. Theo thông tin ban đầu, sau khi",
            ["Người đàn ông gieo mình xuống sông tự tử.", "Ảnh: T. Sơn.", "Theo thông tin ban đầu, sau khi"],
        ),
        (  # corpus: a Roman numeral ends the sentence, "St." does not
            "Đảng và trực tiếp chỉ đạo quá trình chuẩn bị Đại hội lần thứ VI. Tổng Bí thư Trường Chinh cho "
            "rằng phải đổi mới. Còn với trường St. Bonaventure, màn ăn mừng sớm đã trở thành thất bại.",
            [
                "Đảng và trực tiếp chỉ đạo quá trình chuẩn bị Đại hội lần thứ VI.",
                "Tổng Bí thư Trường Chinh cho rằng phải đổi mới.",
                "Còn với trường St. Bonaventure, màn ăn mừng sớm đã trở thành thất bại.",
            ],
        ),
        (  # "./." closes an article; a byline follows
            "Nga muốn xây dựng mối quan hệ tốt đẹp hơn./. Thùy Linh/VOV-Trung tâm Tin",
            ["Nga muốn xây dựng mối quan hệ tốt đẹp hơn./.", "Thùy Linh/VOV-Trung tâm Tin"],
        ),
        (  # corpus: a period glued to the next sentence
            "Đừng buồn nhé.Chúc bạn tìm được hạnh phúc trong cuộc sống! Thật sao? Vâng… Tiếp theo.",
            [
                "Đừng buồn nhé.",
                "Chúc bạn tìm được hạnh phúc trong cuộc sống!",
                "Thật sao?",
                "Vâng…",
                "Tiếp theo.",
            ],
        ),
        (  # dev-06: a list of dashes
            "Ông đã từng giữ các vị trí từ 10/1990 đến 1995: Chuyên viên thuộc Công ty Bảo đảm an toàn "
            "Hàng hải 1. - Từ 1995 đến 6/2001: Chuyên viên Phòng kế hoạch.",
            [
                "Ông đã từng giữ các vị trí từ 10/1990 đến 1995: Chuyên viên thuộc Công ty Bảo đảm an toàn "
                "Hàng hải 1.",
                "- Từ 1995 đến 6/2001: Chuyên viên Phòng kế hoạch.",
            ],
        ),
        (  # numbered points are not sentences of their own
            "1. Tuổi Thìn Năm 2017, những người tuổi Thìn thuận lợi. 2. Tuổi Hợi Những người tuổi Hợi giàu có.",
            [
                "1. Tuổi Thìn Năm 2017, những người tuổi Thìn thuận lợi.",
                "2. Tuổi Hợi Những người tuổi Hợi giàu có.",
            ],
        ),
    ],
)
def test_split_sentences(paragraph, sentences):
    assert split_sentences(paragraph) == sentences


def test_short_quotation_is_not_split():
    # dev-02
    sentence = (
        "“Chúng tôi cam kết sẽ xử lý vấn đề này theo đúng trách nhiệm, thẩm quyền của mình, không để xảy "
        "ra tình trạng cục bộ địa phương. Sau khi có báo cáo của Sở nội vụ, chúng tôi sẽ thông tin tới "
        "báo chí”, ông Lộc khẳng định."
    )
    assert split_sentences(sentence + " Theo Đặng Dương (Dân Trí)") == [sentence, "Theo Đặng Dương (Dân Trí)"]


def test_lowercase_after_period_is_not_a_boundary():
    # "v.v. các" and the like continue the sentence
    assert split_sentences("Các ban, ngành, v.v. các đơn vị đã tham dự.") == [
        "Các ban, ngành, v.v. các đơn vị đã tham dự."
    ]


def test_split_lines_and_sentences_keeps_order_and_strips():
    paragraphs = [
        " Quang cảnh Đại hội ",
        "Sáng 4/8/2020, Đảng bộ khối các cơ quan thành phố Hải Phòng khai mạc Đại hội. Với 197 đại biểu.",
        "",
    ]
    assert split_lines_and_sentences(paragraphs) == [
        "Quang cảnh Đại hội",
        "Sáng 4/8/2020, Đảng bộ khối các cơ quan thành phố Hải Phòng khai mạc Đại hội.",
        "Với 197 đại biểu.",
    ]


@pytest.mark.parametrize("text, expected", [
    # a heading or a caption run into the next sentence: a capitalized "Ông"/"Bà" before a full name
    ("Ông Đinh La Thăng làm Phó trưởng Ban Kinh tế Trung ương Ông Phạm Minh Chính sau đó công bố quyết định điều "
     "động của Bộ Chính trị với ông Đinh La Thăng.",
     ["Ông Đinh La Thăng làm Phó trưởng Ban Kinh tế Trung ương",
      "Ông Phạm Minh Chính sau đó công bố quyết định điều động của Bộ Chính trị với ông Đinh La Thăng."]),
    ("Ảnh tư liệu Ông Hoàng Minh Quân - Trưởng phòng quản lý cho biết.",
     ["Ảnh tư liệu", "Ông Hoàng Minh Quân - Trưởng phòng quản lý cho biết."]),
    # places and a stage name keep their sentence
    ("Đoàn đến thăm quận Hai Bà Trưng và tỉnh Bà Rịa - Vũng Tàu.",
     ["Đoàn đến thăm quận Hai Bà Trưng và tỉnh Bà Rịa - Vũng Tàu."]),
    ("Ca sỹ Đông Nhi và Ông Cao Thắng vừa xuất hiện cùng chiếc xe.",
     ["Ca sỹ Đông Nhi và Ông Cao Thắng vừa xuất hiện cùng chiếc xe."]),
    ("Trường THCS Bà Triệu tổ chức lễ khai giảng.", ["Trường THCS Bà Triệu tổ chức lễ khai giảng."]),
])
def test_a_glued_heading_before_ong_or_ba_ends_a_sentence(text, expected):
    assert split_sentences(text) == expected
