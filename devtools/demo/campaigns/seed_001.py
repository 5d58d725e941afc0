"""Seed 001: Sở Y tế Kon Tum, Kế hoạch phát động phong trào thi đua năm 2022 (thi đua thường
xuyên), chủ đề "Đoàn kết, sáng tạo, thi đua xây dựng và bảo vệ Tổ quốc".

Source: /work/shared/seeds/001_bfece191c675f11c.txt (plain-text extraction, re-flowed here).

Judgement calls:
- The extraction lost the left header block (cơ quan chủ quản / cơ quan ban hành).
  document_parent_line "UBND TỈNH KON TUM" and document_name_line "SỞ Y TẾ" are the standard
  lines for this issuer (NĐ 30/2020), not read from the seed.
- "Số: /KH-SYT" and "Kon Tum, ngày tháng 01 năm 2022": number None, notation "KH-SYT",
  issue_date None, issue_month 1, issue_year 2022. period_start/period_end are the calendar
  year named in the title ("năm 2022").
- II.1 "Các chỉ tiêu y tế cơ bản năm 2022" carries block="indicators" and no body: the 14-row
  table is rendered from indicator data, not typed here. II.2 and II.3 (including the title
  targets 95 % / 15 % / 70 % / 30 % / 02 Cờ thi đua) are kept as printed prose.
- III keeps its printed numbering 1, 2, 3, 5, 6, 7, 8 (no 4) as numbered body paragraphs, after
  the lead-in sentence "Đề phong trào thi đua lan tỏa …" (typo "Đề" kept). Sections are I, II,
  III, V (no IV) as printed; V's items 1–4 are numbered body paragraphs like III's.
- Page-break artefacts joined: III.3 "Chú / trọng" and V.4 "Kiểm soát / bệnh tật tinh" (the
  typo "tinh" for "tỉnh" is kept), as are "Phân đấu" and the *…* italics markers of the seed
  (also in the preamble's theme).
- PERIODS: "6 tháng (trước ngày 20/6), năm (trước ngày 20/12)" → deadlines 20/6 and 20/12/2022,
  deadline_inclusive False ("trước ngày"); "đột xuất theo yêu cầu" has no date and is not a row.
"""

from datetime import date

CAMPAIGN = dict(
    key="seed-001",
    issuer="KT",
    document_kind="plan",
    document_parent_line="UBND TỈNH KON TUM",
    document_name_line="SỞ Y TẾ",
    title="Phát động phong trào thi đua năm 2022",
    theme="Đoàn kết, sáng tạo, thi đua xây dựng và bảo vệ Tổ quốc",
    form="regular",
    form_label="",
    number=None,
    notation="KH-SYT",
    place="Kon Tum",
    issue_date=None,
    issue_month=1,
    issue_year=2022,
    year=2022,
    period_start=date(2022, 1, 1),
    period_end=date(2022, 12, 31),
    status="closed",
    preamble=(
        "Sở Y tế xây dựng Kế hoạch phát động phong trào thi đua yêu nước năm 2022 với chủ đề "
        "“*Đoàn kết, sáng tạo, thi đua xây dựng và bảo vệ Tổ quốc*” gồm các nội dung như sau:"
    ),
    closing=(
        "Sở Y tế yêu cầu các cơ quan, đơn vị trực thuộc tổ chức, triển khai phong trào thi đua "
        "năm 2022 ngay từ những tháng đầu năm và kêu gọi toàn thể công chức, viên chức và "
        "người lao động phát huy vai trò, sức mạnh đoàn kết, phát huy trí tuệ, quyết tâm phấn "
        "đấu thi đua thực hiện thắng lợi các mục tiêu, chỉ tiêu của Ngành góp phần vào sự phát "
        "triển kinh tế - xã hội, đảm bảo quốc phòng – an ninh, xây dựng hệ thống chính trị của "
        "tỉnh năm 2022./."
    ),
    signer_prefix="",
    signer_title="GIÁM ĐỐC",
    signer_name="Võ Văn Thanh",
    source_note=(
        "Văn bản nguồn 001: Kế hoạch phát động phong trào thi đua năm 2022 của Sở Y tế Kon "
        "Tum."
    ),
)


LEGAL_BASES = [
    dict(
        lead="Căn cứ",
        kind="Văn bản phát động",
        number="129/UBND-KTTH",
        issued_on=date(2022, 1, 14),
        issuer_name="Ủy ban nhân dân tỉnh",
        subject=(
            "phát động phong trào thi đua thực hiện nhiệm vụ phát triển kinh tế - xã hội, bảo "
            "đảm quốc phòng - an ninh, xây dựng hệ thống chính trị của tỉnh năm 2022"
        ),
        text=(
            "Phát động phong trào thi đua số 129/UBND-KTTH ngày 14/01/2022 của Ủy ban nhân dân "
            "tỉnh phát động phong trào thi đua thực hiện nhiệm vụ phát triển kinh tế - xã hội, "
            "bảo đảm quốc phòng - an ninh, xây dựng hệ thống chính trị của tỉnh năm 2022"
        ),
    ),
]

SECTIONS = [
    dict(
        level=1,
        heading="I. MỤC TIÊU CHUNG:",
        body=(
            "- Tiếp tục tạo bước chuyển biến mạnh mẽ trong nhận thức của các cấp ủy đảng, "
            "chính quyền, đoàn thể và công chức, viên chức, người lao động ngành Y tế về vị "
            "trí, vai trò, tác dụng của phong trào thi đua yêu nước, xem thi đua là động lực "
            "tinh thần thúc đẩy vượt qua khó khăn thách thức, chủ động, sáng tạo nâng cao chất "
            "lượng khám, chữa bệnh và phòng chống dịch bệnh; thực hiện các chương trình mục "
            "tiêu quốc gia về y tế - dân số; đổi mới phong cách, thái độ phục vụ của cán bộ y "
            "tế, xây dựng cơ sở y tế “xanh - sạch - đẹp”, nâng cao chất lượng dịch vụ y tế "
            "hướng tới sự hài lòng của người bệnh, người dân; tiếp tục đưa ra những biện pháp "
            "chủ động, giải pháp hiệu quả để tiếp tục thực hiện thích ứng an toàn, linh hoạt, "
            "kiểm soát tốt tình hình dịch COVID-19 nói riêng và công tác phòng, chống dịch "
            "bệnh nói chung song hành cùng với nhiệm vụ trọng tâm của ngành trong năm 2022 và "
            "giai đoạn 2021-2025, phấn đấu hoàn thành xuất sắc nhiệm vụ bảo vệ, chăm sóc và "
            "nâng cao sức khỏe nhân dân lập thành tích chào mừng kỷ niệm 67 năm Ngày Thầy "
            "thuốc Việt Nam (27/02/1955-27/02/2022).\n"
            "- Tiếp tục phát huy nội lực, tranh thủ tối đa các nguồn lực để hoàn thành kế "
            "hoạch công tác y tế năm 2022 với mục tiêu chung: “Giảm tỷ lệ mắc và tử vong do "
            "dịch bệnh, góp phần tăng tuổi thọ, nâng cao các chỉ số sức khỏe cơ bản của người "
            "dân. Nâng cao năng lực và hiệu quả hoạt động của hệ thống y tế, tạo nền tảng vững "
            "chắc để phát triển hệ thống y tế công bằng, hiệu quả, chất lượng và bền vững, đáp "
            "ứng nhu cầu chăm sóc sức khỏe của nhân dân trong tình hình mới” cùng với các "
            "nhiệm vụ, giải pháp chủ yếu năm 2022 đối với công tác bảo vệ, chăm sóc và nâng "
            "cao sức khỏe nhân dân."
        ),
    ),
    dict(level=1, heading="II. CÁC CHỈ TIÊU CHỦ YẾU", body=""),
    dict(level=2, heading="1. Các chỉ tiêu y tế cơ bản năm 2022", body="", block="indicators"),
    dict(
        level=2,
        heading="2. Về xây dựng Đảng, chính quyền, đoàn thể",
        body=(
            "- Phân đấu 100% tổ chức cơ sở Đảng, Đoàn thanh niên hoàn thành tốt nhiệm vụ trở "
            "lên; Công đoàn cơ sở đạt vững mạnh trở lên.\n"
            "- Cơ quan, đơn vị đạt chuẩn về an toàn, an ninh trật tự.\n"
            "- Đẩy mạnh phong trào thi đua “giỏi việc nước, đảm việc nhà” và xây dựng “gia "
            "đình công chức, viên chức, lao động thành đạt” trong nữ công chức, viên chức, lao "
            "động."
        ),
    ),
    dict(
        level=2,
        heading="3. Về các danh hiệu thi đua:",
        body=(
            "- 100% công chức, viên chức, người lao động hoàn thành nhiệm vụ trở lên, trong đó "
            "ít nhất 95% đạt danh hiệu “Lao động tiên tiến”, 15% đạt danh hiệu “Chiến sĩ thi "
            "đua cơ sở”.\n"
            "- 100% tập thể hoàn thành nhiệm vụ trở lên, trong đó ít nhất 70% tập thể đạt danh "
            "hiệu “Tập thể Lao động tiên tiến”, 30% đạt danh hiệu “Tập thể Lao động xuất sắc”; "
            "02 đơn vị được tặng Cờ thi đua của Ủy ban nhân dân tỉnh."
        ),
    ),
    dict(
        level=1,
        heading="III. NỘI DUNG THI ĐUA",
        body=(
            "Đề phong trào thi đua lan tỏa trong toàn ngành, thực hiện có đạt hiệu quả các chỉ "
            "tiêu thi đua, Sở Y tế đề nghị các đơn vị:\n"
            "1. Tiếp tục tuyên truyền, quán triệt sâu sắc tư tưởng thi đua ái quốc của Chủ "
            "tịch Hồ Chí Minh; thực hiện có hiệu quả Chỉ thị số 34-CT/TW ngày 07 tháng 4 năm "
            "2014 của Bộ Chính trị (khóa XI) về việc “*tiếp tục đổi mới công tác thi đua, khen "
            "thưởng*”; Chỉ thị số 19/CT-TTg ngày 16 tháng 7 năm 2021 của Thủ tướng Chính phủ "
            "về việc phát động thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã "
            "hội năm 2021 và kế hoạch 5 năm (2021-2025) theo Nghị quyết Đại hội toàn quốc lần "
            "thứ XIII của Đảng; phát huy vai trò lãnh đạo, chỉ đạo của cấp ủy, chính quyền gắn "
            "với việc thực hiện có hiệu quả cuộc vận động “*Đẩy mạnh học tập và làm theo tư "
            "tưởng, đạo đức, phong cách Hồ Chí Minh*”, trong đó, chú trọng đổi mới cả nội "
            "dung, hình thức và phương pháp tổ chức các phong trào thi đua nhằm nâng cao chất "
            "lượng có hiệu quả trong công tác thi đua, khen thưởng để thực hiện thắng lợi các "
            "nhiệm vụ phát triển kinh tế - xã hội năm 2022.\n"
            "2. Căn cứ mục tiêu, chỉ tiêu thi đua, tổ chức phát động, triển khai các phong "
            "trào thi đua yêu nước bám sát vào nhiệm vụ chính trị được giao, phấn đấu hoàn "
            "thành toàn diện, vượt mức các chỉ tiêu kế hoạch đề ra. Trong đó, tập trung chỉ "
            "đạo các phong trào thi đua trọng tâm do Thủ tướng Chính phủ phát động: phong trào "
            "“*Cả nước chung tay xây dựng nông thôn mới*”, phong trào thi đua “*Cả nước chung "
            "tay vì người nghèo – không để ai bỏ lại phía sau*”, phong trào “*Cán bộ, công "
            "chức, viên chức thi đua thực hiện văn hóa nơi công sở*”, gắn với phong trào thi "
            "đua “*Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh*” và "
            "phong trào thi đua do tỉnh phát động.\n"
            "3. Tiếp tục nâng cao hiệu lực, hiệu quả quản lý nhà nước về y tế. Tích cực phối "
            "hợp với các sở, ban, ngành, địa phương trong phòng chống dịch bệnh. Tăng cường "
            "công tác giám sát nhằm phát hiện sớm các trường hợp mắc bệnh COVID-19, bạch hầu, "
            "sốt xuất huyết để cách ly, điều trị kịp thời, hạn chế tỷ lệ mắc và tử vong. Tiếp "
            "tục nâng cao chất lượng khám, chữa bệnh và sự hài lòng của người bệnh; giáo dục y "
            "đức, nâng cao trình độ chuyên môn, tinh thần thái độ phục vụ người bệnh. Đẩy mạnh "
            "cải cách hành chính trong lĩnh vực khám chữa bệnh gắn với việc ứng dụng công nghệ "
            "thông tin trong công tác quản lý, chuyên môn. Chú trọng công tác truyền thông "
            "giáo dục sức khỏe đến người dân, đảm bảo hiệu quả, đa dạng về nội dung và phong "
            "phú về hình thức nhằm khơi dậy phong trào.\n"
            "5. Chủ động và thực hiện quyết liệt trong đấu tranh, phòng ngừa các loại tội "
            "phạm, diễn biến hòa bình của các thế lực thù địch; đảm bảo tốt an ninh - chính "
            "trị và trật tự an toàn xã hội; thực hiện tiết kiệm, chống lãng phí; siết chặt kỷ "
            "luật, kỷ cương hành chính trong chỉ đạo, điều hành và thực thi nhiệm vụ; tăng "
            "cường công tác kiểm tra, giám sát việc thực hiện chức trách, nhiệm vụ được giao; "
            "quy chế dân chủ cơ sở.\n"
            "6. Tiếp tục nâng cao chất lượng quản lý nhà nước về thi đua, khen thưởng; phát "
            "huy vai trò lãnh đạo, chỉ đạo của cấp ủy, chính quyền và Hội đồng Thi đua - Khen "
            "thưởng các cấp; công tác khen thưởng phải tập trung chỉ đạo từ khâu đề xuất, lựa "
            "chọn, phải thật sự công khai, đảm bảo đúng quy trình, đúng thành tích, đúng đối "
            "tượng và tiêu chuẩn quy định, thành tích đến đâu khen thưởng đến đó; lưu ý quan "
            "tâm khen thưởng người trực tiếp lao động sản xuất, cán bộ cơ sở, người công tác ở "
            "những lĩnh vực, địa bàn khó khăn.\n"
            "7. Duy trì nâng cao chất lượng hoạt động cụm, khối thi đua. Thường xuyên đôn đốc, "
            "kiểm tra, sơ kết, tổng kết, đánh giá hiệu quả các phong trào thi đua yêu nước "
            "trên cơ sở đánh giá kết quả thực hiện nhiệm vụ chính trị của từng cơ quan, đơn "
            "vị.\n"
            "8. Kịp thời sơ kết, tổng kết các phong trào thi đua để rút kinh nghiệm và lựa "
            "chọn tập thể, cá nhân có thành tích tiêu biểu để biểu dương, tôn vinh, khen "
            "thưởng. Đề cao vai trò, trách nhiệm của người đứng đầu đơn vị trong việc phát "
            "hiện điển hình tiên tiến để đề nghị khen thưởng. Chú trọng khen thưởng người trực "
            "tiếp chăm sóc, khám chữa bệnh cho người bệnh và phòng chống dịch bệnh, tập thể, "
            "cá nhân lập thành tích đột xuất; quan tâm khen thưởng cấp cơ sở."
        ),
    ),
    dict(
        level=1,
        heading="V. TỔ CHỨC THỰC HIỆN",
        body=(
            "1. Sở Y tế phối hợp Công đoàn ngành Y tế tỉnh hướng dẫn Công đoàn cơ sở các đơn "
            "vị cùng với chính quyền cùng cấp tổ chức phát động phong trào thi đua sâu rộng, "
            "thiết thực và hiệu quả trong toàn ngành.\n"
            "2. Thủ trưởng các đơn vị trực thuộc xây dựng kế hoạch tổ chức phong trào thi đua "
            "phù hợp với điều kiện thực tiễn của đơn vị, đồng thời chỉ đạo, kiểm tra, hướng "
            "dẫn triển khai thực hiện kế hoạch đạt hiệu quả cao. Tổ chức sơ kết, tổng kết "
            "phong trào thi đua, xét chọn những tập thể, cá nhân tiêu biểu, xuất sắc để nêu "
            "gương điển hình tiên tiến và đề nghị các cấp biểu dương, khen thưởng tổng hợp báo "
            "cáo về Sở Y tế theo định kỳ 6 tháng (*trước ngày 20/6*), năm (*trước ngày 20/12*) "
            "và đột xuất theo yêu cầu.\n"
            "3. Phòng Tổ chức – Hành chính Sở Y tế làm đầu mối, phối hợp các phòng thuộc Sở và "
            "các đơn vị có liên quan tham mưu lãnh đạo Sở triển khai thực hiện, kiểm tra việc "
            "thực hiện kế hoạch và kịp thời báo cáo, đề xuất khen thưởng tập thể, cá nhân xuất "
            "sắc tiêu biểu theo quy định.\n"
            "4. Khoa Truyền thông, giáo dục sức khỏe thuộc Trung tâm Kiểm soát bệnh tật tinh "
            "chủ trì, phối hợp các đơn vị có liên quan tổ chức tuyên truyền, phổ biến nội dung "
            "của phong trào thi đua năm 2022 của ngành và kịp thời tuyên truyền các mô hình "
            "hay, gương người tốt việc tốt, điển hình tiên tiến trong các phong trào thi đua."
        ),
    ),
]

RECIPIENTS = [
    dict(text="UBND tỉnh"),
    dict(text="Sở Nội vụ"),
    dict(text="Công đoàn ngành Y tế"),
    dict(text="Lãnh đạo Sở Y tế"),
    dict(text="Các phòng thuộc Sở Y tế"),
    dict(text="Các đơn vị trực thuộc"),
    dict(text="Trang Thông tin điện tử Sở Y tế"),
    dict(text="Lưu: VT, TCHC.", is_archive=True),
]

SUBCAMPAIGNS = []

CAMPAIGN_QUOTAS = {}

PERIODS = [
    dict(
        kind="six_month",
        year=2022,
        deadline_text="trước ngày 20/6",
        deadline=date(2022, 6, 20),
        deadline_inclusive=False,
    ),
    dict(
        kind="year",
        year=2022,
        deadline_text="trước ngày 20/12",
        deadline=date(2022, 12, 20),
        deadline_inclusive=False,
    ),
]

PARTICIPANTS = "children"
