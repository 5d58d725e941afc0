"""Seed 003: Sở Y tế Thái Nguyên, Kế hoạch phát động phong trào thi đua đặc biệt “Thái Nguyên
đoàn kết, chung sức đồng lòng cùng cả nước thi đua phòng, chống và chiến thắng đại dịch
Covid-19” (December 2021).

Source: /work/shared/seeds/003_88c10373f572e6f5.txt (plain-text extraction, re-flowed here).

Judgement calls:
- The extraction lost the left header block: document_parent_line "UBND TỈNH THÁI NGUYÊN" and
  document_name_line "SỞ Y TẾ" are the standard lines for this issuer, not read from the seed.
  "Số: /KH-SYT", "Thái Nguyên, ngày tháng 12 năm 2021" → number None, notation "KH-SYT",
  issue_month 12, issue_year 2021.
- form "thematic" with form_label "đặc biệt"; year 2021; the seed states no campaign period,
  so period_start/period_end are None. No indicators, no quota, no reporting deadlines
  (PERIODS = []).
- The căn cứ are one printed sentence. Rows: the Tổng Bí thư's appeal of 29/7/2021 (lead
  "Hưởng ứng"), the Thủ tướng's special campaign (lead "": it shares the "Hưởng ứng … và …" of
  the first row; no number or date printed), KH 194/KH-UBND of 29/10/2021 (lead "Thực hiện").
  Each `text` is the row as printed without lead, joining " và " and ";". Spacing "COVID - 19"
  in the PM's campaign name is kept as printed.
- Page-break artefact joined in I.1 ("tự / giác"). The unbalanced quote in I.1 ("“phòng là cơ
  bản, … thường xuyên thực hiện thắng lợi “mục tiêu kép” …"), the straight quotes, "trong xuất
  sắc" in V.1 and the final ";" of II.5 are kept as printed.
- Sections I, II, III, V (no IV) with their printed capitalisation ("III. Tiêu chí, hình thức
  và tiêu chuẩn khen thưởng", "V. Tổ chức thực hiện"); III.1–3 and V.1–3 are level-2 headings.
- closing is the printed final paragraph, contact officer and phone number included.
- Archive line exactly as printed: "Lưu VT. TCHC . nadt./." (drafter's initials).
"""

from datetime import date

CAMPAIGN = dict(
    key="seed-003",
    issuer="TN",
    document_kind="plan",
    document_parent_line="UBND TỈNH THÁI NGUYÊN",
    document_name_line="SỞ Y TẾ",
    title=(
        "Phát động phong trào thi đua đặc biệt “Thái Nguyên đoàn kết, chung sức đồng lòng cùng "
        "cả nước thi đua phòng, chống và chiến thắng đại dịch Covid-19”"
    ),
    theme="",
    form="thematic",
    form_label="đặc biệt",
    number=None,
    notation="KH-SYT",
    place="Thái Nguyên",
    issue_date=None,
    issue_month=12,
    issue_year=2021,
    year=2021,
    period_start=None,
    period_end=None,
    status="closed",
    preamble=(
        "Sở Y tế Thái Nguyên phát động phong trào thi đua “Thái Nguyên đoàn kết, chung sức "
        "đồng lòng cùng cả nước thi đua phòng, chống và chiến thắng đại dịch Covid-19” như "
        "sau:"
    ),
    closing=(
        "Trong quá trình tổ chức thực hiện, nếu có vướng mắc, các đơn vị liên hệ phòng Tổ chức "
        "- Hành chính Sở Y tế để giải quyết. Đầu mối liên hệ: Chuyên viên Đinh Thị Na, phòng "
        "Tổ chức - Hành chính Sở Y tế, Điện thoại: 0977763793. Đề nghị các đơn vị nghiêm túc "
        "thực hiện./."
    ),
    signer_prefix="",
    signer_title="GIÁM ĐỐC",
    signer_name="Đặng Ngọc Huy",
    source_note=(
        "Văn bản nguồn 003: Kế hoạch phát động phong trào thi đua đặc biệt “Thái Nguyên đoàn "
        "kết, chung sức đồng lòng cùng cả nước thi đua phòng, chống và chiến thắng đại dịch "
        "Covid-19” của Sở Y tế Thái Nguyên."
    ),
)


LEGAL_BASES = [
    dict(
        lead="Hưởng ứng",
        separator=' và',
        kind="Lời kêu gọi",
        number="",
        issued_on=date(2021, 7, 29),
        issuer_name="Tổng Bí thư Nguyễn Phú Trọng",
        subject="toàn dân đoàn kết phòng, chống đại dịch COVID-19",
        text=(
            "lời kêu gọi toàn dân đoàn kết phòng, chống đại dịch COVID-19 ngày 29/7/2021 của "
            "Tổng Bí thư Nguyễn Phú Trọng"
        ),
    ),
    dict(
        lead="",
        separator=';',
        kind="Phong trào thi đua",
        number="",
        issued_on=None,
        issuer_name="Thủ tướng Chính phủ",
        subject=(
            "Cả nước đoàn kết, chung sức, đồng lòng thi đua phòng chống và chiến thắng đại "
            "dịch COVID - 19"
        ),
        text=(
            "phong trào thi đua đặc biệt do Thủ tướng Chính phủ phát động “Cả nước đoàn kết, "
            "chung sức, đồng lòng thi đua phòng chống và chiến thắng đại dịch COVID - 19”"
        ),
    ),
    dict(
        lead="Thực hiện",
        separator=';',
        kind="Kế hoạch",
        number="194/KH-UBND",
        issued_on=date(2021, 10, 29),
        issuer_name="UBND tỉnh Thái Nguyên",
        subject=(
            "Kế hoạch tổ chức phong trào thi đua đặc biệt “Thái Nguyên đoàn kết, chung sức "
            "đồng lòng cùng cả nước thi đua phòng, chống và chiến thắng đại dịch Covid-19”"
        ),
        text=(
            "Kế hoạch số 194/KH-UBND ngày 29/10/2021 của UBND tỉnh Thái Nguyên, Kế hoạch tổ "
            "chức phong trào thi đua đặc biệt “Thái Nguyên đoàn kết, chung sức đồng lòng cùng "
            "cả nước thi đua phòng, chống và chiến thắng đại dịch Covid-19”"
        ),
    ),
]

SECTIONS = [
    dict(level=1, heading="I. MỤC ĐÍCH, YÊU CẦU", body=""),
    dict(
        level=2,
        heading="1. Mục đích",
        body=(
            "- Xây dựng, lan tỏa phong trào thi đua \"Toàn dân phòng, chống dịch Covid-19\"; "
            "“Thái Nguyên đoàn kết, chung sức đồng lòng cùng cả nước thi đua phòng, chống và "
            "chiến thắng đại dịch Covid-19” trên địa bàn tỉnh Thái Nguyên.\n"
            "- Phát huy sức mạnh của toàn hệ thống y tế, tập trung cao nhất mọi nguồn lực cho "
            "công tác phòng, chống dịch Covid-19 với phương châm “phòng là cơ bản, chiến lược "
            "lâu dài, chống là quan trọng, thường xuyên thực hiện thắng lợi “mục tiêu kép” vừa "
            "phòng chống dịch Covid-19 vừa hoàn thành tốt nhiệm vụ chính trị góp phần đảm bảo "
            "an sinh xã hội, chăm sóc sức khỏe nhân dân.\n"
            "- Đề cao tinh thần thi đua, phát huy sáng tạo, huy động mọi nguồn lực đề xuất các "
            "biện pháp, giải pháp trên mọi lĩnh vực đẩy lùi dịch bệnh hạn chế thiệt hại về "
            "người và tài sản.\n"
            "- Đẩy mạnh tuyên truyền bằng nhiều hình thức đa dạng, sinh động, phù hợp với các "
            "biện pháp phòng, chống đại dịch COVID-19 và những yêu cầu nghiêm ngặt trong "
            "phòng, chống đại dịch để nâng cao nhận thức, ý thức người dân; cổ vũ mọi người "
            "dân thi đua chấp hành tốt các quy định của chính quyền các cấp; phát huy truyền "
            "thống “tương thân, tương ái”, “lá lành đùm lá rách” tự giác, sẵn sàng hỗ trợ lẫn "
            "nhau vượt qua mọi khó khăn với tinh thần “mỗi người dân là một chiến sĩ”, “mỗi "
            "gia đình, cơ quan, đơn vị, địa phương là một pháo đài chống dịch”."
        ),
    ),
    dict(
        level=2,
        heading="2. Yêu cầu",
        body=(
            "- Việc thực hiện phong trào thi đua phải được quan tâm, chú trọng, trở thành "
            "nhiệm vụ trọng tâm song hành cùng với việc thực hiện nhiệm vụ chính trị của các "
            "đơn vị, việc thực hiện nhiệm vụ chuyên môn của mỗi công chức, viên chức.\n"
            "- Phong trào thi đua phải được triển khai nghiêm túc, sâu rộng tại các đơn vị với "
            "nội dung, hình thức phong phú, thiết thực, có tiêu chí rõ ràng, cụ thể phù hợp "
            "các quy định của Đảng, Nhà nước và tình hình thực tiễn của từng đơn vị.\n"
            "- Phân công và xác định rõ trách nhiệm của các cấp, các ngành trong thực hiện "
            "nhiệm vụ. Tăng cường phối hợp giữa các phòng, ban, cơ quan, đơn vị với cấp ủy, "
            "chính quyền; Kịp thời biểu dương, khen thưởng các tổ chức, cá nhân có thành tích "
            "xuất sắc trong công tác phòng, chống dịch Covid-19."
        ),
    ),
    dict(
        level=1,
        heading="II. NỘI DUNG",
        body=(
            "1. Thi đua thực hiện tốt các chủ trương, Chỉ thị, Nghị quyết của Ban Chấp hành "
            "Trung ương, Bộ Chính trị, Ban Bí thư, Quốc hội, Thủ tướng Chính phủ, Hội đồng "
            "nhân dân, Ủy ban nhân dân tỉnh, Tỉnh ủy, Sở Y tế về công tác phòng chống đại dịch "
            "Covid-19. Đề cao vai trò, trách nhiệm của người đứng đầu đơn vị trong lãnh đạo, "
            "chỉ đạo điều hành thực hiện các nhiệm vụ để đáp ứng yêu cầu cấp bách trong công "
            "tác phòng chống dịch.\n"
            "2. Thi đua đảm bảo an sinh xã hội, chăm lo sức khỏe nhân dân đặc biệt là người có "
            "công, gia đình chính sách, người nghèo, trẻ em dưới 6 tuổi; người cao tuổi; người "
            "khuyết tật và lực lượng tuyến đầu phòng chống dịch.\n"
            "3. Thi đua triển khai hiệu quả, an toàn Chiến lược Vắc xin phòng chống dịch "
            "Covid-19 nhằm đạt tỷ lệ miễn dịch cộng đồng. Huy động tối đa nguồn lực để công "
            "tác tiêm chủng được triển khai rộng khắp trên địa bàn tỉnh.\n"
            "4. Xây dựng các mô hình điển hình tiên tiến trong phong trào \"Thái Nguyên đoàn "
            "kết, chung sức đồng lòng cùng cả nước thi đua phòng, chống và chiến thắng đại "
            "dịch Covid-19\", gắn với các phong trào thi đua yêu nước tại cơ quan, đơn vị; tăng "
            "cường công tác tuyên truyền, bám sát cơ sở, kịp thời phát hiện, biểu dương gương "
            "người tốt, việc tốt và các mô hình tiêu biểu; những cách làm hay trong công tác "
            "phòng, chống dịch COVID-19 từ đó, nhân rộng những giá trị tốt đẹp tới các tầng "
            "lớp Nhân dân trong công tác phòng, chống dịch COVID-19; tạo sức lan tỏa rộng "
            "khắp, tiếp thêm sức mạnh và niềm tin tất thắng vào “cuộc chiến” chống đại dịch "
            "của đất nước.\n"
            "5. Thi đua đẩy mạnh ứng dụng công nghệ thông tin trong công tác phòng chống dịch; "
            "tuyên truyền vận động người dân sử dụng các ứng dụng phòng chống dịch trên điện "
            "thoại di động;"
        ),
    ),
    dict(level=1, heading="III. Tiêu chí, hình thức và tiêu chuẩn khen thưởng", body=""),
    dict(
        level=2,
        heading="1. Tiêu chí xét thi đua",
        body=(
            "- Các tập thể thi đua thực hiện tốt hoàn thành xuất sắc các nhiệm vụ được cấp có "
            "thẩm quyền giao. Năng động sáng tạo theo dõi sát tình hình diễn biến trong tỉnh, "
            "trong nước và quốc tế; chủ động phân tích, đánh giá, dự báo đề xuất các phương án "
            "kịch bản ứng phó, các giải pháp tổng thể, đồng bộ để tham mưu Sở Y tế chủ động "
            "phối hợp với các cấp ngành, địa phương hỗ trợ cá nhân, doanh nghiệp để phòng "
            "chống đại dịch.\n"
            "- Các tập thể nêu cao trách nhiệm, tinh thần sáng tạo, dám nghĩ dám làm, dám chịu "
            "trách nhiệm; tập trung lãnh đạo, chỉ đạo sát sao, huy động toàn lực tham gia "
            "phòng chống dịch, vừa thực hiện tốt nhiệm vụ chính trị, vừa phòng chống dịch hiệu "
            "quả vừa góp phần phát triển kinh tế xã hội; kiểm soát tốt nguy cơ từ bên ngoài, "
            "dập dịch triệt để từ bên trong, thần tốc xét nghiệm và tiêm chủng vắc xin phòng "
            "Covid-19 khoa học, an toàn cho nhân dân; thực hiện tốt chiến lược 5K+ vắc xin và "
            "thuốc, các biện pháp công nghệ, đảm bảo an sinh xã hội, chăm lo sức khỏe và đời "
            "sống nhân dân.\n"
            "- Các tập thể cá nhân tích cực tham gia vận động công chức, viên chức, người dân, "
            "doanh nghiệp tham gia giám sát và thực hiện các biện pháp phòng chống dịch.\n"
            "- Các lực lượng tuyến đầu tận lực với công việc, phục vụ nhân dân đồng thời đảm "
            "bảo công tác phòng chống dịch."
        ),
    ),
    dict(
        level=2,
        heading="2. Hình thức khen thưởng",
        body=(
            "- Huân chương lao động;\n"
            "- Bằng khen của Thủ tướng Chính phủ;\n"
            "- Bằng khen của Chủ tịch UBND tỉnh;\n"
            "- Giấy khen của Giám đốc Sở Y tế."
        ),
    ),
    dict(
        level=2,
        heading="3. Tiêu chuẩn khen thưởng",
        body=(
            "Căn cứ vào thành tích đạt được của các tập thể, cá nhân, việc xét khen thưởng các "
            "cấp cho các tập thể cá nhân tiêu biểu xuất sắc được thực hiện theo quy định của "
            "pháp luật về thi đua khen thưởng."
        ),
    ),
    dict(level=1, heading="V. Tổ chức thực hiện", body=""),
    dict(
        level=2,
        heading="1. Phòng Tổ chức - Hành chính Sở Y tế",
        body=(
            "Xây dựng, triển khai kế hoạch này; tổ chức giám sát thực hiện; rà soát đề nghị "
            "khen thưởng đối với các tập thể, cá nhân có thành tích trong xuất sắc trong phong "
            "trào thi đua."
        ),
    ),
    dict(
        level=2,
        heading="2. Các đơn vị trực thuộc Sở",
        body=(
            "Các đơn vị căn cứ chức năng nhiệm vụ xây dựng Kế hoạch tổ chức phong trào thi đua "
            "tại đơn vị, khen thưởng theo thẩm quyền và đề nghị cấp có thẩm quyền khen thưởng "
            "đúng quy định đảm bảo biểu dương kịp thời các tập thể cá nhân có thành tích trong "
            "công tác phòng chống dịch Covid-19."
        ),
    ),
    dict(
        level=2,
        heading="3. Trung tâm Kiểm soát bệnh tật",
        body=(
            "Tăng cường hoạt động thông tin truyền thông: tuyên truyền về tấm gương người tốt "
            "việc tốt, điển hình tiên tiến trong công tác phòng chống dịch Covid-19; các chủ "
            "trương, Chỉ thị, Nghị quyết của Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí "
            "thư, Quốc hội, Thủ tướng Chính phủ, Hội đồng nhân dân, Ủy ban nhân dân tỉnh, Tỉnh "
            "ủy, Sở Y tế về công tác phòng chống đại dịch Covid-19 trên địa bàn tỉnh; lan tỏa "
            "phong trào thi đua tới toàn thể công chức, viên chức trong hệ thống y tế."
        ),
    ),
]

RECIPIENTS = [
    dict(text="Ban Thi đua khen thưởng tỉnh"),
    dict(text="Ban Giám đốc"),
    dict(text="Website Sở Y tế"),
    dict(text="Các phòng thuộc Sở"),
    dict(text="Các đơn vị trực thuộc Sở"),
    dict(text="Lưu VT. TCHC . nadt./.", is_archive=True),
]

SUBCAMPAIGNS = []

CAMPAIGN_QUOTAS = {}

PERIODS = []

PARTICIPANTS = "children"
