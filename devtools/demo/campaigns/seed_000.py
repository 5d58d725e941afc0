"""Seed 000: Ủy ban nhân dân huyện Hồng Ngự (Đồng Tháp), Kế hoạch phát động phong trào thi đua
chuyên đề về bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân năm 2021.

Source: /work/shared/seeds/000_e96f462c3cb2064c.txt (plain-text extraction, re-flowed here).

Judgement calls:
- The seed has no header (no quốc hiệu block, Số, place or date): document lines, number,
  notation, place and dates stay blank/None.
- The three căn cứ are one printed sentence ("Thực hiện A; B và C. …"). They are three
  LEGAL_BASES rows, lead "Thực hiện" on the first and "" on the other two; each `text` is the
  row as printed without the lead word and without the joining "; ", " và " or final ".".
  `subject` drops the connecting "về việc"/"về".
- II. MỤC TIÊU: the six "+ …" key targets are not typed; the paragraph that introduces them
  ("- Phấn đấu thực hiện … năm 2021:") stays and the section carries block="indicator_list": the key
  targets print as "+ …" lines.
- IV.2 "Số lượng khen thưởng tập thể, cá nhân:" has block="quotas" and no body: its two lines
  (05 tập thể, 10 cá nhân) are rendered from CAMPAIGN_QUOTAS.
- III.2's 2.1–2.5 are numbered body paragraphs (as in FORMAT.md), not level-3 headings; IV.1.1
  and IV.1.2 are level-3 headings because they are printed as headings ("1.1. Tập thể:").
- V.7 is printed as a single sentence with no separate heading: the whole sentence is the
  level-2 heading and its body is empty.
- The archive line and the wrong cross-reference "Các đơn vị tại mục IV" (the units are in
  mục V) are kept as printed.
- A doubled space inside a line (in "phòng chống suy dinh dưỡng") is taken as extraction spacing
  and reduced to one; the lowercase "mặc dù" after a full stop in 2.4 is kept.
- period_start/period_end are the calendar year named in the title ("năm 2021"); the seed gives
  no other dates. PERIODS: "Định kỳ 06 tháng, năm" gives no deadline, so deadline None and
  deadline_text "".
"""

from datetime import date

CAMPAIGN = dict(
    key="seed-000",
    issuer="HN",
    document_kind="plan",
    document_parent_line="",
    document_name_line="ỦY BAN NHÂN DÂN HUYỆN HỒNG NGỰ",
    title=(
        "Phát động phong trào thi đua chuyên đề về bảo vệ, chăm sóc và nâng cao sức khỏe Nhân "
        "dân năm 2021"
    ),
    theme="",
    form="thematic",
    form_label="",
    number=None,
    notation="KH-UBND",
    place="",
    issue_date=None,
    issue_month=None,
    issue_year=None,
    year=2021,
    period_start=date(2021, 1, 1),
    period_end=date(2021, 12, 31),
    status="closed",
    preamble=(
        "Ủy ban nhân dân Huyện xây dựng kế hoạch phát động phong trào thi đua chuyên đề về bảo "
        "vệ, chăm sóc và nâng cao sức khỏe Nhân dân năm 2021, nội dung cụ thể như sau:"
    ),
    closing=(
        "Yêu cầu các ban, ngành, đoàn thể Huyện và Ủy ban nhân dân các xã, thị trấn căn cứ vào "
        "chức năng nhiệm vụ được giao tổ chức thực hiện đúng tiến độ, đạt chỉ tiêu và đảm bảo "
        "thời gian đề ra./."
    ),
    signer_prefix=(
        "TM. ỦY BAN NHÂN DÂN\n"
        "KT. CHỦ TỊCH"
    ),
    signer_title="PHÓ CHỦ TỊCH",
    signer_name="Huỳnh Văn Tài",
    source_note=(
        "Văn bản nguồn 000: Kế hoạch phát động phong trào thi đua chuyên đề về bảo vệ, chăm "
        "sóc và nâng cao sức khỏe Nhân dân năm 2021 của UBND huyện Hồng Ngự (Đồng Tháp). Văn bản chỉ ghi "
        "“Định kỳ 06 tháng, năm”; ngày hạn nộp là dữ liệu minh họa."
    ),
)


LEGAL_BASES = [
    dict(
        lead="Thực hiện",
        separator=';',
        kind="Kế hoạch",
        number="42/KH-UBND",
        issued_on=date(2021, 4, 4),
        issuer_name="Ủy ban nhân dân tỉnh Đồng Tháp",
        subject=(
            "phát động đợt thi đua chuyên đề lập thành tích chào mừng các ngày lễ, kỷ niệm lớn "
            "trong năm 2021"
        ),
        text=(
            "Kế hoạch số 42/KH-UBND ngày 04 tháng 4 năm 2021 của Ủy ban nhân dân tỉnh Đồng "
            "Tháp, về việc phát động đợt thi đua chuyên đề lập thành tích chào mừng các ngày "
            "lễ, kỷ niệm lớn trong năm 2021"
        ),
    ),
    dict(
        lead="",
        separator=' và',
        kind="Nghị quyết",
        number="97/NQ-HĐND",
        issued_on=date(2020, 12, 24),
        issuer_name="Hội đồng nhân dân huyện Hồng Ngự",
        subject="Kế hoạch phát triển kinh tế - xã hội năm 2021",
        text=(
            "Nghị quyết số 97/NQ-HĐND ngày 24 tháng 12 năm 2020 của Hội đồng nhân dân huyện "
            "Hồng Ngự về Kế hoạch phát triển kinh tế - xã hội năm 2021"
        ),
    ),
    dict(
        lead="",
        separator='.',
        kind="Kế hoạch",
        number="69/KH-UBND",
        issued_on=date(2021, 3, 11),
        issuer_name="Ủy ban nhân dân Huyện",
        subject=(
            "phát động đợt thi đua chuyên đề lập thành tích chào mừng các ngày lễ, kỷ niệm lớn "
            "trong năm 2021"
        ),
        text=(
            "Kế hoạch số 69/KH-UBND ngày 11 tháng 3 năm 2021 của Ủy ban nhân dân Huyện phát "
            "động đợt thi đua chuyên đề lập thành tích chào mừng các ngày lễ, kỷ niệm lớn "
            "trong năm 2021"
        ),
    ),
]

SECTIONS = [
    dict(level=1, heading="I. MỤC ĐÍCH, YÊU CẦU.", body=""),
    dict(
        level=2,
        heading="1. Mục đích:",
        body=(
            "- Nhằm thực hiện có hiệu quả Kế hoạch, Chương trình hành động của Ban Chấp hành "
            "Đảng bộ Huyện về lãnh đạo đẩy mạnh hoạt động về việc Chăm sóc sức khỏe Nhân dân "
            "trên địa bàn, góp phần tích cực vào việc nâng cao chất lượng bảo vệ và chăm sóc "
            "sức khỏe.\n"
            "- Nâng cao trách nhiệm của các phòng, ban, ngành, đoàn thể Huyện và cơ sở trong "
            "công tác nâng cao sức khỏe cả về thể chất và tinh thần, tầm vóc, tuổi thọ, chất "
            "lượng cuộc sống của người dân; bảo đảm mọi người dân đều được quản lý, chăm sóc "
            "sức khỏe."
        ),
    ),
    dict(
        level=2,
        heading="2. Yêu cầu:",
        body=(
            "- Các cấp, các ngành, địa phương tổ chức triển khai thực hiện tốt các mục tiêu, "
            "chỉ tiêu của công tác bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân trên địa bàn "
            "Huyện. Đồng thời, nhận thức đầy đủ vai trò, trách nhiệm và tầm quan trọng của "
            "công tác bảo vệ, chăm sóc và nâng cao sức khỏe nhân dân vì sức khỏe là vốn quý "
            "nhất của mỗi người dân và của cả xã hội.\n"
            "- Bảo vệ, chăm sóc và nâng cao sức khỏe là nghĩa vụ, trách nhiệm của mỗi người "
            "dân, của các ngành, các cấp và toàn xã hội, đòi hỏi sự tham gia tích cực của các "
            "phòng, ban, ngành, Mặt trận Tổ quốc và các đoàn thể, trong đó ngành y tế là nòng "
            "cốt. Đảm bảo công tác bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân phải gắn với "
            "Chương trình xây dựng nông thôn mới và các chương trình phát triển kinh tế - xã "
            "hội khác trên địa bàn Huyện.\n"
            "- Công tác quản lý, nâng cao chất lượng sức khỏe phải được lồng ghép vào chương "
            "trình, kế hoạch của các ngành, đơn vị để triển khai, quán triệt thực hiện với "
            "quyết tâm đạt và vượt chỉ tiêu kế hoạch đề ra."
        ),
    ),
    dict(
        level=1,
        heading="II. MỤC TIÊU.",
        body=(
            "- Tiếp tục củng cố và kiện toàn mạng lưới y tế cơ sở. Giảm tỷ lệ mắc bệnh và tử "
            "vong, thực hiện tốt các chương trình, mục tiêu y tế Quốc gia.\n"
            "- Tăng cường công tác truyền thông - giáo dục sức khỏe trong cộng đồng nhằm nâng "
            "cao nhận thức của người dân trong việc giữ gìn sức khỏe, tích cực và chủ động "
            "tham gia các hoạt động trong công tác phòng, chống dịch bệnh.\n"
            "- Phấn đấu thực hiện đạt và vượt các chỉ tiêu trọng tâm về nâng cao chất lượng "
            "sức khỏe trên địa bàn Huyện năm 2021:"
        ),
        block="indicator_list",
    ),
    dict(level=1, heading="III. NỘI DUNG THI ĐUA.", body=""),
    dict(
        level=2,
        heading="1. Về thực hiện nhiệm vụ trọng tâm:",
        body=(
            "- Nâng cao nhận thức, vai trò của các cấp lãnh đạo Đảng, chính quyền, các ban, "
            "ngành, các tổ chức chính trị - xã hội, tổ chức xã hội nghề nghiệp; củng cố và "
            "kiện toàn Ban Chỉ đạo chăm sóc sức khỏe Nhân dân các cấp, các Ban Chỉ đạo xây "
            "dựng kế hoạch cụ thể, thiết thực để tăng cường chỉ đạo thực hiện công tác chăm "
            "sóc sức khỏe Nhân dân.\n"
            "- Tạo sự chuyển biến mạnh mẽ về nhận thức, hành động của các phòng, ngành, địa "
            "phương và người dân trong công tác bảo vệ, chăm sóc và nâng cao sức khỏe Nhân "
            "dân; bảo đảm sự lãnh đạo của Đảng, sự quản lý của Nhà nước trong công tác bảo vệ, "
            "chăm sóc và nâng cao sức khỏe Nhân dân; khắc phục, những hạn chế, tồn tại trong "
            "thời gian qua, xây dựng các cơ chế, chính sách đổi mới các hoạt động bảo vệ, chăm "
            "sóc và nâng cao sức khỏe nhân dân, góp phần phát triển kinh tế - xã hội.\n"
            "- Tích cực đẩy mạnh công tác tuyên truyền giáo dục sức khỏe nhằm nâng cao ý thức "
            "người dân trong cộng đồng. Xây dựng và củng cố mạng lưới cộng tác viên, nâng cao "
            "kỹ năng truyền thông giáo dục sức khỏe, chủ động thực hiện tốt công tác phòng "
            "chống dịch bệnh, ngộ độc thực phẩm, phòng chống suy dinh dưỡng, các bệnh xã hội "
            "như lao, tâm thần, da liễu, HIV/AIDS… xây dựng nếp sống văn minh, rèn luyện thân "
            "thể, hạn chế những lối sống và thói quen có hại đối với sức khỏe, tham gia các "
            "hoạt động bảo vệ, chăm sóc và nâng cao sức khỏe cho cộng đồng.\n"
            "- Tăng cường dự báo tình hình dịch bệnh, kịp thời phát hiện, xử lý triệt để dịch "
            "bệnh nguy hiểm; khống chế, không để lây lan thành dịch lớn trên địa bàn. Thực "
            "hiện đạt các chỉ tiêu kế hoạch Chương trình mục tiêu y tế Quốc gia."
        ),
    ),
    dict(
        level=2,
        heading="2. Giải pháp thực hiện:",
        body=(
            "2.1. Cần quán triệt sâu sắc quan điểm của Chủ tịch Hồ Chí Minh “Cách mạng càng "
            "khó khăn, càng phải tổ chức các phong trào thi đua yêu nước”. Khi đất nước gặp "
            "nhiều khó khăn, thách thức thì các cấp ủy Đảng, các cấp chính quyền càng phải "
            "tăng cường vai trò lãnh đạo và tổ chức các phong trào thi đua nhằm khơi dậy lòng "
            "yêu nước, tập hợp sức mạnh của toàn dân, tập trung vật chất và tinh thần, chủ "
            "động, sáng tạo, đưa đất nước và cách mạng vượt qua mọi khó khăn, thử thách để "
            "tiến lên.\n"
            "2.2. Khi xây dựng kế hoạch thực hiện phong trào thi đua chuyên đề, bên cạnh xác "
            "định mục tiêu, nội dung, đối tượng, phạm vi, biện pháp thực hiện, cần có nội dung "
            "kiểm tra, giám sát và phân công trách nhiệm, tiến độ trong quá trình thực hiện. "
            "Kế hoạch phải cụ thể và chỉ rõ: Cơ quan, đơn vị khởi xướng, chủ trì; cơ quan, đơn "
            "vị phối hợp; lực lượng và điều kiện thực thi; công tác kiểm tra, giám sát, đánh "
            "giá sơ kết, tổng kết, rút kinh nghiệm và đề xuất khen thưởng.\n"
            "2.3. Phát động phong trào thi đua chuyên đề cần xác định rõ mục tiêu, chỉ tiêu, "
            "đối tượng, nội dung, biện pháp, phạm vi tổ chức phong trào. Trong đó, nội dung "
            "quan trọng nhất để tổ chức phong trào thi đua hiện nay là phải bám sát nhiệm vụ "
            "chính trị của từng ngành, từng đơn vị để đề ra nội dung thi đua toàn diện, vượt "
            "mức các nhiệm vụ, chỉ tiêu trong chương trình, kế hoạch đề ra hàng năm hoặc từng "
            "thời điểm cụ thể.\n"
            "2.4. Cơ quan tham mưu về công tác thi đua và cấp có thẩm quyền phát động phong "
            "trào thi đua phải nhanh nhạy, nắm bắt những vấn đề bức xúc, nổi cộm, những khâu "
            "yếu, việc khó của địa phương, đơn vị và hơn nữa phải chủ động, tích cực nghiên "
            "cứu, tìm tòi, đề xuất nội dung và phương thức để tháo gỡ thông qua việc tổ chức "
            "các phong trào thi đua theo chuyên đề, phong trào thi đua đột xuất. mặc dù phong "
            "trào thi đua theo đợt, theo chuyên đề, chỉ có khoảng thời gian nhất định nhưng nó "
            "là tiền đề cho các đợt thi đua tiếp theo, phải xác định quyết tâm cao trong thực "
            "hiện chuyên đề đã xác định, phải tập trung nhân lực và các nguồn lực để hướng vào "
            "giải quyết những khó khăn, tồn tại đó.\n"
            "2.5. Công tác thông tin tuyên truyền, cổ vũ các phong trào thi đua, các gương "
            "điển hình tiên tiến là biện pháp vô cùng hiệu quả trong việc giáo dục, động viên, "
            "nêu gương trong xã hội. Do vậy, cơ quan, tổ chức, đơn vị cần đầu tư làm tốt công "
            "tác tuyên truyền các phong trào thi đua, nêu gương các cá nhân, định kỳ tổ chức "
            "các hình thức tôn vinh, gặp mặt các điển hình tiên tiến, các nhân tố mới để cổ "
            "vũ, động viên phong trào."
        ),
    ),
    dict(
        level=1,
        heading="IV. KHEN THƯỞNG.",
        body=(
            "Ủy ban nhân dân Huyện xem xét tặng giấy khen cho các tập thể, cá nhân hoàn thành "
            "mục tiêu, chỉ tiêu trong phong trào thi đua chuyên đề về bảo vệ, chăm sóc và nâng "
            "cao sức khỏe Nhân dân năm 2021 tiêu chuẩn cụ thể như sau:"
        ),
    ),
    dict(level=2, heading="1. Tiêu chuẩn, điều kiện khen thưởng:", body=""),
    dict(
        level=3,
        heading="1.1. Tập thể:",
        body=(
            "- Đối với Ủy ban nhân dân các xã, thị trấn: Thực hiện đạt 100% các chỉ tiêu trọng "
            "tâm về nâng cao chất lượng sức khỏe trên địa bàn năm 2021 đã nêu trên.\n"
            "- Đối với các phòng, ban, ngành, đoàn thể Huyện: Phối hợp, hoàn thành tốt các "
            "nhiệm vụ được phân công theo kế hoạch."
        ),
    ),
    dict(
        level=3,
        heading="1.2. Cá nhân:",
        body=(
            "- Hoàn thành tốt nhiệm vụ được giao, đạt chất lượng cao.\n"
            "- Chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước, có tinh "
            "thần tự lực, tự cường, đoàn kết, tương trợ, tích cực tham gia phong trào thi đua."
        ),
    ),
    dict(level=2, heading="2. Số lượng khen thưởng tập thể, cá nhân:", body="", block="quotas"),
    dict(level=1, heading="V. TỔ CHỨC THỰC HIỆN.", body=""),
    dict(
        level=2,
        heading="1. Phòng Nội vụ (Thường trực Hội đồng Thi đua - Khen thưởng Huyện):",
        body=(
            "Tham mưu Ủy ban nhân dân Huyện theo dõi, kiểm tra, đôn đốc Ủy ban nhân dân các "
            "xã, thị trấn trong việc triển khai, tổ chức thực hiện kế hoạch. Phối hợp Phòng Y "
            "tế đánh giá bình xét các tập thể, cá nhân có thành tích xuất sắc tham gia thực "
            "hiện phong trào thi đua hiệu quả, hoàn thành chỉ tiêu, về đích sớm."
        ),
    ),
    dict(
        level=2,
        heading="2. Phòng Y tế:",
        body=(
            "- Triển khai kịp thời các văn bản chỉ đạo của Huyện, thông tin đầy đủ về các chế "
            "độ chính sách bảo hiểm xã hội, nâng cao việc khám chữa bệnh kịp thời giải đáp "
            "quyết những khó khăn vướng mắc trong ngành tạo điều kiện cơ sở hoạt động tốt "
            "trong việc chăm sóc sức khỏe.\n"
            "- Tham mưu Ủy ban nhân dân Huyện tăng cường công tác kiểm tra, giám sát để thực "
            "hiện tốt các công tác đề ra.\n"
            "- Định kỳ 06 tháng, năm báo cáo tình hình và kết quả triển khai thực hiện phong "
            "trào thi đua trên địa bàn Huyện Hội đồng Thi đua - Khen thưởng Huyện (qua Phòng "
            "Nội vụ) tổng hợp."
        ),
    ),
    dict(
        level=2,
        heading="3. Bảo hiểm xã hội Huyện:",
        body=(
            "Tham mưu Ủy ban nhân dân Huyện theo dõi, kiểm tra, đôn đốc Ủy ban nhân dân các "
            "xã, thị trấn trong việc triển khai, tổ chức thực hiện kế hoạch. Phối hợp với "
            "Phòng Y tế đánh giá, bình xét các tập thể, cá nhân có thành tích xuất sắc hoàn "
            "thành chỉ tiêu về bảo hiểm xã hội, bảo hiểm y tế."
        ),
    ),
    dict(
        level=2,
        heading="4. Phòng Văn hóa và Thông tin:",
        body=(
            "Thực hiện tốt công tác tuyên truyền, phổ biến phong trào thi đua chuyên đề về bảo "
            "vệ, chăm sóc và nâng cao sức khỏe người dân trên địa bàn Huyện năm 2021 thông qua "
            "các phương tiện truyền thanh, trang thông tin điện tử, hoạt động tuyên truyền bám "
            "sát các nội dung, mục tiêu, chỉ tiêu thi đua đã đề ra. Tuyên truyền thông tin đầy "
            "đủ về chính sách, chế độ và điều kiện và nghĩa vụ của người dân khi tham gia bảo "
            "hiểm y tế, chính sách xã hội, nhằm nâng cao nhận thức, tự lực vươn lên góp phần "
            "hạn chế rủi ro trong công tác khám chữa bệnh."
        ),
    ),
    dict(
        level=2,
        heading="5. Phòng Tài chính và Kế hoạch:",
        body=(
            "Nghiên cứu, đề xuất dành một khoản kinh phí từ ngân sách để hỗ trợ thực hiện kế "
            "hoạch phát động thi đua chuyên đề về bảo vệ, chăm sóc và nâng cao sức khỏe nhân "
            "dân trên địa bàn Huyện năm 2021, góp phần thực hiện thắng lợi Chương trình hành "
            "động của Huyện ủy, kế hoạch của Ủy ban nhân dân Huyện."
        ),
    ),
    dict(
        level=2,
        heading="6. Ủy ban nhân dân các xã, thị trấn:",
        body=(
            "- Phối hợp chặt chẽ, thường xuyên với Phòng Y tế, chủ động xây dựng kế hoạch phát "
            "động phong trào thi đua và tổ chức triển khai thực hiện công tác về nâng cao chất "
            "lượng Chăm sóc sức khỏe người dân trên địa bàn năm 2021.\n"
            "- Định kỳ 06 tháng, năm báo cáo tình hình và kết quả triển khai thực hiện phong "
            "trào thi đua chuyên đề về Phòng Nội vụ và Phòng Y tế để tổng hợp báo cáo về trên "
            "theo quy định."
        ),
    ),
    dict(
        level=2,
        heading=(
            "7. Đề nghị Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội Huyện có kế "
            "hoạch lồng ghép phát động phong trào thi đua chuyên đề nêu trên."
        ),
        body="",
    ),
]

RECIPIENTS = [
    dict(text="CT, các PCT/UBND Huyện"),
    dict(text="Các đơn vị tại mục IV"),
    dict(text="LĐVP"),
    dict(text="Lưu: VT, CV/VX.", is_archive=True),
]

SUBCAMPAIGNS = []

CAMPAIGN_QUOTAS = {"collective": 5, "individual": 10}

# The seed says only "Định kỳ 06 tháng, năm": the dates are the demo's (the source note says
# so), so that the completeness matrix has on-time, late and missing reports to show.
PERIODS = [
    dict(kind="six_month", year=2021, deadline_text="Định kỳ 06 tháng, trước ngày 20/6",
         deadline=date(2021, 6, 20), deadline_inclusive=False),
    dict(kind="year", year=2021, deadline_text="Định kỳ năm, trước ngày 20/12",
         deadline=date(2021, 12, 20), deadline_inclusive=False),
]

PARTICIPANTS = "communes"
