"""The live demo campaign: Sở Y tế Thái Nguyên's annual plan for the current year, built on the
pattern of seeds 001 (indicators, reporting deadlines) and 002 (content items with quotas).

Labelled as demo data. Its dates are placed relative to the day the loader runs, so the demo
never goes stale: the six-month report is due in ten days (some units have sent it, donvi has
it to fill in), an ad hoc report was due last week (for late and missing reports) and the annual
report is due in about six weeks.
"""

from datetime import date, timedelta


def build(today: date) -> dict:
    # The campaign's year is the one that was running two months ago, so that early in January
    # the demo shows last year's campaign being summed up rather than a year with no past yet.
    year = (today - timedelta(days=60)).year
    issue_date = min(today - timedelta(days=2), max(date(year, 1, 12), today - timedelta(days=150)))
    six_month = today + timedelta(days=10)
    ad_hoc = today - timedelta(days=6)
    annual = today + timedelta(days=40)
    return {
        "CAMPAIGN": dict(
            key="live", issuer="TN", document_kind="plan",
            document_parent_line="UBND TỈNH THÁI NGUYÊN", document_name_line="SỞ Y TẾ",
            title=f"Phát động phong trào thi đua năm {year}",
            theme="Đoàn kết, sáng tạo, nâng cao chất lượng bảo vệ, chăm sóc sức khỏe Nhân dân",
            form="regular", form_label="", number=15, notation="KH-SYT", place="Thái Nguyên",
            issue_date=issue_date, year=year, period_start=date(year, 1, 1), period_end=date(year, 12, 31),
            status="in_progress",
            preamble=(
                f"Sở Y tế xây dựng Kế hoạch phát động phong trào thi đua năm {year} với chủ đề “Đoàn kết, sáng tạo, "
                "nâng cao chất lượng bảo vệ, chăm sóc sức khỏe Nhân dân” gồm các nội dung như sau:"
            ),
            closing=(
                "Sở Y tế yêu cầu các phòng thuộc Sở, các đơn vị trực thuộc tổ chức, triển khai phong trào thi đua "
                f"năm {year} ngay từ những tháng đầu năm, báo cáo đúng hạn để Hội đồng Thi đua - Khen thưởng ngành "
                "xem xét, đề nghị khen thưởng kịp thời./."
            ),
            signer_prefix="KT. GIÁM ĐỐC", signer_title="PHÓ GIÁM ĐỐC", signer_name="Trần Minh Khoa",
            source_note="Dữ liệu minh họa, dựng theo mẫu văn bản nguồn 001 và 002.",
        ),
        "LEGAL_BASES": [
            dict(lead="Căn cứ", kind="Luật", number="", issued_on=date(2022, 6, 15), issuer_name="Quốc hội",
                 subject="Thi đua, khen thưởng", text="Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"),
            dict(lead="Căn cứ", kind="Nghị định", number="152/2025/NĐ-CP", issued_on=date(2025, 6, 14),
                 issuer_name="Chính phủ",
                 subject="quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và "
                         "hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng",
                 text="Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân "
                      "quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều "
                      "của Luật Thi đua, khen thưởng"),
            dict(lead="Thực hiện", kind="Kế hoạch", number="", issued_on=None, issuer_name="Ủy ban nhân dân tỉnh",
                 subject=f"công tác thi đua, khen thưởng năm {year}",
                 text=f"Kế hoạch của Ủy ban nhân dân tỉnh về công tác thi đua, khen thưởng năm {year} "
                      "(minh họa: số, ngày của văn bản tỉnh chưa nhập)"),
        ],
        "SECTIONS": [
            dict(level=1, heading="I. MỤC ĐÍCH, YÊU CẦU", body=(
                "- Tạo chuyển biến trong nhận thức của công chức, viên chức, người lao động ngành Y tế về vị trí, vai "
                "trò của phong trào thi đua yêu nước; gắn thi đua với thực hiện nhiệm vụ chuyên môn, nâng cao chất "
                "lượng khám, chữa bệnh và phòng, chống dịch bệnh.\n"
                "- Phong trào thi đua phải thiết thực, có chỉ tiêu cụ thể, đo lường được; việc đánh giá, bình xét "
                "khen thưởng công khai, đúng người, đúng thành tích, thành tích đến đâu khen thưởng đến đó; quan tâm "
                "người trực tiếp lao động, cán bộ y tế cơ sở."
            )),
            dict(level=1, heading="II. CÁC CHỈ TIÊU CHỦ YẾU", body=""),
            dict(level=2, heading=f"1. Các chỉ tiêu y tế cơ bản năm {year}", body="", block="indicators"),
            dict(level=2, heading="2. Về các danh hiệu thi đua", body=(
                "- 100% công chức, viên chức, người lao động hoàn thành nhiệm vụ trở lên, trong đó ít nhất 95% đạt "
                "danh hiệu “Lao động tiên tiến”, 15% đạt danh hiệu “Chiến sĩ thi đua cơ sở”.\n"
                "- 100% tập thể hoàn thành nhiệm vụ trở lên, trong đó ít nhất 70% tập thể đạt danh hiệu “Tập thể Lao "
                "động tiên tiến”, 30% đạt danh hiệu “Tập thể Lao động xuất sắc”."
            )),
            dict(level=1, heading="III. NỘI DUNG THI ĐUA", body="", block="subcampaigns"),
            dict(level=1, heading="IV. TỔ CHỨC THỰC HIỆN", body=(
                "1. Phòng Tổ chức - Hành chính (Thường trực Hội đồng Thi đua - Khen thưởng ngành) làm đầu mối, theo "
                "dõi, đôn đốc, tổng hợp kết quả và tham mưu khen thưởng.\n"
                "2. Các phòng, đơn vị được phân công phụ trách nội dung thi đua xây dựng kế hoạch chi tiết, tiêu chí "
                "cụ thể, trình Lãnh đạo Sở phê duyệt; xét chọn, đề nghị khen thưởng.\n"
                "3. Thủ trưởng các đơn vị trực thuộc tổ chức phát động, ký kết giao ước thi đua trong đơn vị và trong "
                "khối thi đua; báo cáo kết quả về Sở Y tế theo các kỳ sau:"
            ), block="periods"),
        ],
        "RECIPIENTS": [
            dict(text="UBND tỉnh", purpose="báo cáo"),
            dict(text="Ban Thi đua - Khen thưởng tỉnh", purpose="báo cáo"),
            dict(text="Công đoàn ngành Y tế", purpose="P/hợp thực hiện"),
            dict(text="Lãnh đạo Sở"),
            dict(text="Các phòng thuộc Sở", purpose="T/hiện"),
            dict(text="Các đơn vị trực thuộc", purpose="T/hiện"),
            dict(text="Lưu: VT, TCHC.", is_archive=True),
        ],
        "SUBCAMPAIGNS": [
            dict(number="1", title_end=":",
                 title=f"Thi đua thực hiện “Hoàn thành chỉ tiêu, kế hoạch của ngành năm {year}”",
                 host_text="Sở Y tế", responsible_text="Phòng Kế hoạch - Tài chính", responsible="TN:KHTC",
                 content="Các đơn vị xây dựng kế hoạch, tổ chức triển khai để đạt và vượt các chỉ tiêu của ngành.",
                 award_timing=f"Cuối năm {year}", quotas={"collective": 5, "individual": 10},
                 needs_detailed_plan=True),
            dict(number="2", title_end=":",
                 title="Thi đua thực hiện tốt “Đổi mới phong cách, thái độ phục vụ của cán bộ y tế hướng "
                       "tới sự hài lòng của người bệnh”",
                 host_text="Sở Y tế", responsible_text="Phòng Nghiệp vụ Y", responsible="TN:NVY",
                 content="Nâng cao chất lượng phục vụ, thực hiện quy tắc ứng xử, khảo sát sự hài lòng người bệnh.",
                 award_timing=f"Trong năm {year}", quotas={"collective": 5, "individual": 10},
                 needs_detailed_plan=True),
            dict(number="3", title_end=":", title="Thi đua “Điều dưỡng, Hộ sinh, Trưởng Trạm y tế giỏi”",
                 host_text="Sở Y tế", responsible_text="Phòng Nghiệp vụ Y", responsible="TN:NVY",
                 content="Hội thi chuyên môn cho điều dưỡng, hộ sinh và trạm trưởng trạm y tế xã.",
                 award_timing=f"Quý IV năm {year}", quotas={"collective": 0, "individual": 10},
                 needs_detailed_plan=True),
            dict(number="4", title_end=":", title="Thi đua thực hiện các chương trình mục tiêu Y tế - Dân số",
                 host_text="Sở Y tế", responsible_label="Cơ quan phụ trách",
                 responsible_text="Các đơn vị phụ trách từng chương trình",
                 content="Hoàn thành xuất sắc các chỉ tiêu chương trình mục tiêu Y tế - Dân số.",
                 award_timing=f"Khi tổng kết các chương trình cuối năm {year}", quota_per_programme=True,
                 needs_detailed_plan=True, children=[
                     dict(number="4.a", title="Chương trình Tiêm chủng mở rộng", responsible_text="Trung tâm Kiểm soát "
                          "bệnh tật", responsible="TN:CDC", quotas={"collective": 2, "individual": 5}, is_demo=True),
                     dict(number="4.b", title="Chương trình phòng, chống bệnh không lây nhiễm",
                          responsible_text="Trung tâm Kiểm soát bệnh tật", responsible="TN:CDC",
                          quotas={"collective": 2, "individual": 5}, is_demo=True),
                 ]),
            dict(number="5", title_end=":", title="Khen thưởng đột xuất", host_text="Sở Y tế",
                 responsible_text="Phòng Tổ chức - Hành chính", responsible="TN:TCHC",
                 content="Khen thưởng kịp thời tập thể, cá nhân có thành tích đột xuất trong thực hiện nhiệm vụ.",
                 award_timing=f"Trong năm {year}", quotas={"collective": 5, "individual": 10}),
        ],
        "CAMPAIGN_QUOTAS": {},
        "PERIODS": [
            dict(kind="six_month", year=year, label=f"6 tháng đầu năm {year}",
                 deadline_text=f"trước ngày {six_month.day}/{six_month.month}", deadline=six_month,
                 deadline_inclusive=False),
            dict(kind="ad_hoc", year=year, label="Đột xuất: kết quả công tác phòng, chống dịch bệnh",
                 deadline_text=f"trước ngày {ad_hoc.day}/{ad_hoc.month}", deadline=ad_hoc, deadline_inclusive=False,
                 request_reference="Công văn của Sở Y tế đề nghị báo cáo đột xuất (minh họa)"),
            dict(kind="year", year=year, label=f"Năm {year}",
                 deadline_text=f"trước ngày {annual.day}/{annual.month}", deadline=annual, deadline_inclusive=False),
        ],
        "PARTICIPANTS": "children",
        "PLEDGES": [
            dict(title=f"Giao ước thi đua năm {year} của Khối các bệnh viện tuyến tỉnh",
                 bloc="Khối các bệnh viện tuyến tỉnh", parties=["TN:BVA", "TN:BVC", "TN:BVLBP", "TN:BVYHCT"],
                 signed_on=min(issue_date + timedelta(days=20), today),
                 commitments="1. Hoàn thành 100% chỉ tiêu chuyên môn được giao.\n2. Không để xảy ra sự cố y khoa "
                             "nghiêm trọng.\n3. Tỷ lệ hài lòng của người bệnh đạt trên 90%."),
            dict(title=f"Giao ước thi đua năm {year} của Khối các trung tâm y tế",
                 bloc="Khối các trung tâm y tế", parties=["TN:TTYT-PB", "TN:TTYT-DT", "TN:TTYT-DH", "TN:CDC"],
                 signed_on=min(issue_date + timedelta(days=25), today),
                 commitments="1. Duy trì 100% trạm y tế xã đạt Bộ tiêu chí quốc gia về y tế xã.\n2. Tỷ lệ trẻ em dưới "
                             "1 tuổi được tiêm chủng đầy đủ đạt từ 97% trở lên."),
        ],
    }


def build_province(today: date) -> dict:
    """UBND tỉnh Thái Nguyên's yearly plan, open for proposals: where the Sở's forwarded dossier is
    received (issue 16, item 2). A draft-free minimum: no number (recorded as issued elsewhere)."""
    year = (today - timedelta(days=60)).year
    return {
        "CAMPAIGN": dict(
            key="province", issuer="TNP", document_kind="plan", document_parent_line="",
            document_name_line="ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN",
            title=f"Kế hoạch tổ chức phong trào thi đua yêu nước năm {year} của tỉnh Thái Nguyên",
            theme="", form="regular", form_label="", place="Thái Nguyên", year=year,
            # Issued in January as the seeds' plans print it (no day): the province's statistics count it.
            issue_month=1, issue_year=year,
            period_start=date(year, 1, 1), period_end=date(year, 12, 31), status="in_progress",
            preamble="", closing="", signer_prefix="TM. ỦY BAN NHÂN DÂN", signer_title="CHỦ TỊCH", signer_name="",
            source_note="Dữ liệu minh họa: cơ quan cấp trên nhận hồ sơ điện tử của Sở Y tế.",
        ),
        "PERIODS": [],
    }
