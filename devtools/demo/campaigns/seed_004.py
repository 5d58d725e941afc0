"""Seed 004: the action programme that UBND huyện Châu Thành (Đồng Tháp) reports on — Chương
trình hành động số 59, 60-CTr/TU of the Ban Chấp hành Đảng bộ Tỉnh khóa X implementing Nghị
quyết 20, 21-NQ/TW (Hội nghị Trung ương 6 khóa XII), year 2020.

Source: /work/shared/seeds/004_d6569b08e4310173.txt, which is the district's report (Báo cáo
kết quả triển khai, thực hiện …) with its appendix, not the programme itself.

Judgement calls:
- The programme's own header is not in the seed: document lines, number, notation, place,
  dates and signer are blank/None, and there is no preamble, closing or Nơi nhận (RECIPIENTS
  = []). The report's own header, signer (Đỗ Nhật Định) and recipients belong to the later
  reports feature and are not used here. issuer "CT" is the district that holds the programme
  and reports on it (the programme itself was adopted by the Tỉnh ủy). No period dates are
  stated: period_start/period_end None.
- The title uses the seed's wording "59, 60-CTr/TU" (as in the report's first paragraph and
  closing), not the report title's "59,60-CT/TU".
- LEGAL_BASES: KH 158/KH-UBND and KH 159/KH-UBND of 11/7/2018 (UBND tỉnh Đồng Tháp) with
  their subjects exactly as the seed states them; the second row's lead is "" because both
  share the printed "Thực hiện". "sức khoẻ" keeps the seed's spelling.
- SECTIONS hold only what the seed says about the programme; the headings are editorial (the
  seed has no such headings), the body sentences are the seed's own:
  "Nội dung chương trình": two bullets composed from the seed's wording (59-CTr/TU → Nghị quyết
  20-NQ/TW …; 60-CTr/TU → Nghị quyết 21-NQ/TW …).
  "Văn bản triển khai tại Huyện": three bullets, each a sentence of report §I.1–2 quoted
  verbatim (CTr 225, 226-CTr/HU with the quán triệt of 179 participants; KH 155,156/KH-UBND;
  QĐ 537/QĐ-UBND of 26/6/2020).
  "Các chỉ tiêu dân số - kế hoạch hóa gia đình" (block="indicators"): the appendix table is
  indicator data, not typed here. "Yêu cầu báo cáo" (block="periods").
- PERIODS: one ad_hoc period for 2020 answering Công văn 3899/SYT-KHTC of 13/11/2020; the seed
  gives no deadline (deadline None, deadline_text "").
"""

from datetime import date

CAMPAIGN = dict(
    key="seed-004",
    issuer="CT",
    document_kind="action_programme",
    document_parent_line="",
    document_name_line="",
    title=(
        "Chương trình hành động số 59, 60-CTr/TU của Ban Chấp hành Đảng bộ Tỉnh khóa X thực "
        "hiện Nghị quyết số 20, 21-NQ/TW Hội nghị Trung ương 6 khóa XII"
    ),
    theme="",
    form="regular",
    form_label="",
    number=None,
    notation="",
    place="",
    issue_date=None,
    issue_month=None,
    issue_year=None,
    year=2020,
    period_start=None,
    period_end=None,
    status="closed",
    preamble="",
    closing="",
    signer_prefix="",
    signer_title="",
    signer_name="",
    source_note=(
        "Văn bản nguồn 004: Báo cáo của UBND huyện Châu Thành (Đồng Tháp) về kết quả thực hiện "
        "Chương trình hành động số 59, 60-CTr/TU năm 2020, kèm phụ lục; chương trình mà báo "
        "cáo trả lời."
    ),
)


LEGAL_BASES = [
    dict(
        lead="Thực hiện",
        separator=';',
        kind="Kế hoạch",
        number="158/KH-UBND",
        issued_on=date(2018, 7, 11),
        issuer_name="Ủy ban nhân dân tỉnh Đồng Tháp",
        subject=(
            "thực hiện Chương trình hành động số 59-CTr/TU của Ban Chấp hành Đảng bộ Tỉnh khóa "
            "X thực hiện Nghị quyết số 20-NQ/TW Hội nghị Trung ương 6 khóa XII về tăng cường "
            "công tác bảo vệ, chăm sóc và nâng cao sức khoẻ nhân dân trong tình hình mới"
        ),
        text=(
            "Kế hoạch số 158/KH-UBND ngày 11 tháng 7 năm 2018 của Ủy ban nhân dân tỉnh Đồng "
            "Tháp về việc thực hiện Chương trình hành động số 59-CTr/TU của Ban Chấp hành Đảng "
            "bộ Tỉnh khóa X thực hiện Nghị quyết số 20-NQ/TW Hội nghị Trung ương 6 khóa XII về "
            "tăng cường công tác bảo vệ, chăm sóc và nâng cao sức khoẻ nhân dân trong tình "
            "hình mới"
        ),
    ),
    dict(
        lead="",
        separator='.',
        kind="Kế hoạch",
        number="159/KH-UBND",
        issued_on=date(2018, 7, 11),
        issuer_name="Ủy ban nhân dân tỉnh Đồng Tháp",
        subject=(
            "thực hiện Chương trình hành động số 60-CTr/TU của Ban Chấp hành Đảng bộ Tỉnh khóa "
            "X thực hiện Nghị quyết số 21-NQ/TW Hội nghị Trung ương 6 khóa XII về công tác dân "
            "số trong tình hình mới"
        ),
        text=(
            "Kế hoạch số 159/KH-UBND ngày 11 tháng 7 năm 2018 của Ủy ban nhân dân tỉnh Đồng "
            "Tháp về thực hiện Chương trình hành động số 60-CTr/TU của Ban Chấp hành Đảng bộ "
            "Tỉnh khóa X thực hiện Nghị quyết số 21-NQ/TW Hội nghị Trung ương 6 khóa XII về "
            "công tác dân số trong tình hình mới"
        ),
    ),
]

SECTIONS = [
    dict(
        level=1,
        heading="Nội dung chương trình",
        body=(
            "- Chương trình hành động số 59-CTr/TU của Ban Chấp hành Đảng bộ Tỉnh khóa X thực "
            "hiện Nghị quyết số 20-NQ/TW Hội nghị Trung ương 6 khóa XII về tăng cường công tác "
            "bảo vệ, chăm sóc và nâng cao sức khoẻ nhân dân trong tình hình mới.\n"
            "- Chương trình hành động số 60-CTr/TU của Ban Chấp hành Đảng bộ Tỉnh khóa X thực "
            "hiện Nghị quyết số 21-NQ/TW Hội nghị Trung ương 6 khóa XII về công tác dân số "
            "trong tình hình mới."
        ),
    ),
    dict(
        level=1,
        heading="Văn bản triển khai tại Huyện",
        body=(
            "- Ủy ban nhân dân Huyện tham mưu Ban Thường vụ Huyện uỷ đã tiến hành xây dựng "
            "Chương trình hành động số 225, 226-CTr/HU để cụ thể hoá việc lãnh đạo tổ chức "
            "thực hiện và tổ chức triển khai, quán triệt cho các đồng chí là Huyện uỷ viên, bí "
            "thư chi, đảng bộ cơ sở, Trưởng, Phó các ban, ngành, các tổ chức chính trị - xã "
            "hội, Chủ tịch Ủy ban nhân dân xã, thị trấn có 179 đồng chí dự.\n"
            "- Đồng thời xây dựng Kế hoạch số 155,156/KH-UBND tổ chức triển khai thực hiện "
            "trên địa bàn Huyện.\n"
            "- Kịp thời kiện toàn hợp nhất Ban Chỉ đạo bảo vệ, chăm sóc và nâng cao sức khỏe "
            "nhân dân, Ban Chỉ đạo liên ngành về vệ sinh an toàn thực phẩm thành Ban Chỉ đạo "
            "bảo vệ, chăm sóc, nâng cao sức khỏe nhân dân và vệ sinh an toàn thực phẩm trên "
            "địa bàn huyện Châu Thành tại Quyết định 537/QĐ-UBND ngày 26 tháng 6 năm 2020."
        ),
    ),
    dict(
        level=1,
        heading="Các chỉ tiêu dân số - kế hoạch hóa gia đình",
        body="",
        block="indicators",
    ),
    dict(level=1, heading="Yêu cầu báo cáo", body="", block="periods"),
]

RECIPIENTS = []

SUBCAMPAIGNS = []

CAMPAIGN_QUOTAS = {}

PERIODS = [
    dict(
        kind="ad_hoc",
        year=2020,
        label="Thực hiện năm 2020",
        deadline_text="",
        deadline=None,
        deadline_inclusive=False,
        request_reference=(
            "Công văn số 3899/SYT-KHTC ngày 13 tháng 11 năm 2020 của Sở Y tế tỉnh Đồng Tháp về "
            "việc phối hợp báo cáo kết quả thực hiện Chương trình hành động số 59, 60-CTr/TU "
            "của Ban Chấp hành Đảng bộ Tỉnh khóa X"
        ),
    ),
]

PARTICIPANTS = "communes"
