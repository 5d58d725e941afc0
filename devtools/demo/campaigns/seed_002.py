"""Seed 002: Sở Y tế Bà Rịa-Vũng Tàu, Kế hoạch phát động phong trào thi đua trong công chức,
viên chức và người lao động ngành Y tế tỉnh Bà Rịa-Vũng Tàu năm 2021.

Source: /work/shared/seeds/002_8c40c97d3f73d754.txt (plain-text extraction, re-flowed here).

Judgement calls:
- The seed has no header (no Số, place or date): number, place and dates stay blank/None. The
  header lines ("UBND TỈNH BÀ RỊA - VŨNG TÀU" / "SỞ Y TẾ") and the notation "KH-SYT" are the
  issuer's standard ones (as in seeds 001 and 003), not read from this seed. period_start/period_end
  are the calendar year named in the title.
- Three căn cứ, each with lead "Thực hiện"; the lowercase "chỉ thị số 04/CT-BYT" and the
  spacing "2021- 2025" are kept as printed.
- Section II "NỘI DUNG PHÁT ĐỘNG THI ĐUA:" has block="subcampaigns" and no body: items 1 and
  2 (2.1–2.12) are in SUBCAMPAIGNS. Titles drop the printed number and the heading's trailing
  ":" or "." (2.11 "Khen thưởng đột xuất."). host_text/responsible_text drop the final "." of
  the printed line; award_timing is the text after "Thời điểm xét khen thưởng:" without its
  final "." (also for item 1, where FORMAT.md's example kept it); content keeps its own
  punctuation as printed. Item 1's quota_note keeps its final ".". Item 1's office line has no
  final "." in the seed ("… ban ngành, đoàn thể"): responsible_end="" (the others print ".").
- host=None throughout: "Sở Y tế" is the issuer itself ("BRVT" is a root, not a host key) and
  "UBND tỉnh" is not in the demo tree. responsible keys: Phòng Kế hoạch – Tài chính → BRVT:KHTC,
  Công đoàn ngành Y tế → BRVT:CDN, Phòng Nghiệp vụ → BRVT:NV, Văn phòng Sở → BRVT:VP, Trung tâm
  Kiểm soát bệnh tật → BRVT:CDC, Đoàn Thanh niên Ngành Y tế → BRVT:DTN; 2.1's "Các cơ quan,
  đơn vị chức năng …" maps to none.
- Item "2" is a group (number, title, children only).
- Quotas: "5 tập thể và 10 cá nhân" → {"collective": 5, "individual": 10} (2.2–2.5, 2.7–2.11),
  with quota_printed="5 tập thể và 10 cá nhân" because the seed does not pad these counts (2.1 does);
  2.6 "10 cá nhân" → {"collective": 0, "individual": 10}; 2.12 has none ({}). 2.1 "05 tập thể
  và 10 cá nhân cho mỗi chương trình mục tiêu quốc gia" → quota_per_programme=True, quotas {}
  and no quota_note (the quota lives on the programmes).
- DEMO DATA, not in the seed: 2.1's three children (2.1.a/b/c — phòng, chống bệnh truyền
  nhiễm; Dân số và phát triển; An toàn thực phẩm) are plausible national programmes with
  responsible BRVT:CDC, BRVT:CCDS, BRVT:CCATTP and 5/10 quotas; they carry is_demo=True.
- needs_detailed_plan=True on 2.1–2.11 (§III.2: each body in charge drafts a detailed plan
  approved by Lãnh đạo Sở). 2.12 prints no host, responsible body or award timing: its
  paragraph is its content, responsible_text "Các khối thi đua" with no label.
- Typos kept: "mục tiệu", "tai tuyến", "dịch tể", "khen thương", the stray closing '"' after
  "hài lòng của người bệnh", "năm với chủ đề", "tế,....", "COVID- 19", "Covid -19".
- Recipients: the purpose in parentheses moves to `purpose`; archive line "Lưu: VT, VP.".
  "Đảng uỷ" keeps its printed spelling. The seed states no reporting deadlines: PERIODS = [].
"""

from datetime import date

CAMPAIGN = dict(
    key="seed-002",
    issuer="BRVT",
    document_kind="plan",
    document_parent_line="UBND TỈNH BÀ RỊA - VŨNG TÀU",
    document_name_line="SỞ Y TẾ",
    title=(
        "Phát động phong trào thi đua trong công chức, viên chức và người lao động ngành Y tế "
        "tỉnh Bà Rịa-Vũng Tàu năm 2021"
    ),
    theme="",
    form="regular",
    form_label="",
    number=None,
    notation="KH-SYT",
    place="",
    issue_date=None,
    issue_month=None,
    issue_year=None,
    year=2021,
    period_start=date(2021, 1, 1),
    period_end=date(2021, 12, 31),
    status="closed",
    preamble=(
        "Căn cứ vào chức năng, nhiệm vụ, Sở Y tế xây dựng kế hoạch phát động phong trào thi "
        "đua trong công chức, viên chức và người lao động ngành Y tế năm 2021, cụ thể như sau:"
    ),
    closing=(
        "Trên đây là Kế hoạch phát động phong trào thi đua trong công chức, viên chức và người "
        "lao động ngành Y tế tỉnh Bà Rịa-Vũng Tàu năm 2021, đề nghị các tổ chức, cơ quan, đơn "
        "vị, bộ phận nghiên cứu triển khai thực hiện tốt các nội dung kế hoạch để phong trào "
        "thi đua thật sự đạt hiệu quả./."
    ),
    signer_prefix="",
    signer_title="GIÁM ĐỐC",
    signer_name="Phạm Minh An",
    source_note=(
        "Văn bản nguồn 002: Kế hoạch phát động phong trào thi đua trong công chức, viên chức "
        "và người lao động ngành Y tế tỉnh Bà Rịa-Vũng Tàu năm 2021 của Sở Y tế Bà Rịa-Vũng "
        "Tàu."
    ),
)


LEGAL_BASES = [
    dict(
        lead="Thực hiện",
        kind="Chỉ thị",
        number="04/CT-BYT",
        issued_on=date(2021, 3, 29),
        issuer_name="Bộ Y tế",
        subject=(
            "tăng cường thực hiện công tác thi đua, khen thưởng trong ngành y tế giai đoạn "
            "2021-2025"
        ),
        text=(
            "chỉ thị số 04/CT-BYT ngày 29/03/2021 của Bộ Y tế về việc tăng cường thực hiện "
            "công tác thi đua, khen thưởng trong ngành y tế giai đoạn 2021-2025"
        ),
    ),
    dict(
        lead="Thực hiện",
        kind="Chỉ thị",
        number="03/CT-UBND",
        issued_on=date(2021, 2, 1),
        issuer_name="UBND tỉnh",
        subject=(
            "phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã "
            "hội năm 2021 và Kế hoạch phát triển kinh tế - xã hội 05 năm 2021- 2025 theo Nghị "
            "quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ VII"
        ),
        text=(
            "Chỉ thị số 03/CT-UBND ngày 01/02/2021 của UBND tỉnh về việc phát động phong trào "
            "thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2021 và Kế "
            "hoạch phát triển kinh tế - xã hội 05 năm 2021- 2025 theo Nghị quyết Đại hội đại "
            "biểu Đảng bộ tỉnh lần thứ VII"
        ),
    ),
    dict(
        lead="Thực hiện",
        kind="Kế hoạch",
        number="14/KH-UBND",
        issued_on=date(2021, 2, 2),
        issuer_name="UBND tỉnh",
        subject="công tác thi đua, khen thưởng năm 2021",
        text=(
            "Kế hoạch số 14/KH-UBND ngày 02/02/2021 của UBND tỉnh về công tác thi đua, khen "
            "thưởng năm 2021"
        ),
    ),
]

SECTIONS = [
    dict(
        level=1,
        heading="I. MỤC ĐÍCH, YÊU CẦU:",
        body=(
            "Đẩy mạnh phong trào thi đua yêu nước trên tất cả các lĩnh vực nhằm thực hiện "
            "thắng lợi các nhiệm vụ chính trị, các chỉ tiêu phát triển kinh tế - xã hội năm "
            "2021; thiết thực chào mừng kỷ niệm 30 năm Ngày thành lập tỉnh và các ngày lễ lớn "
            "trong năm của tỉnh.\n"
            "Tiếp tục đề cao vai trò trách nhiệm của các cấp ủy Đảng, chính quyền, đoàn thể, "
            "đặc biệt là trách nhiệm của người đứng đầu cơ quan, đơn vị cần tập trung chỉ đạo, "
            "tổ chức thực hiện các phong trào thi đua. Bảo đảm thiết thực, hiệu quả; lồng ghép "
            "công tác thi đua, khen thưởng gắn với việc thực hiện các nhiệm vụ trọng tâm của "
            "cơ quan, đơn vị. Tập trung giải quyết những nhiệm vụ cấp bách, đặc biệt là công "
            "tác phòng, chống dịch COVID-19, đạt được các chỉ tiêu của Tỉnh ủy, HĐND, UBND "
            "tỉnh và Bộ Y tế giao.\n"
            "Tăng cường việc thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị "
            "khóa XII về “Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí "
            "Minh”. Nâng cao ý thức, đạo đức công vụ, đạo đức nghề nghiệp; tăng cường kỷ "
            "cương, kỷ luật hành chính; phòng, chống tham nhũng, thực hành tiết kiệm, chống "
            "lãng phí, qua đó tiếp tục xây dựng hình ảnh cán bộ, công chức, viên chức, người "
            "lao động ngành y tế gương mẫu, tận tụy, chuẩn mực, chuyên nghiệp, trách nhiệm, kỷ "
            "cương, tận tình, thân thiện.\n"
            "Hưởng ứng tích cực, có hiệu quả các phong trào thi đua do UBND tỉnh và Bộ Y tế "
            "phát động. Đổi mới phương thức tổ chức các phong trào thi đua đa dạng về nội "
            "dung, phong phú về hình thức, bám sát nhiệm vụ chính trị của ngành, phù hợp với "
            "tình hình và điều kiện hiện tại; đặc biệt là nhiệm vụ phòng, chống dịch COVID-19 "
            "song song với việc thực hiện 06 nhóm nhiệm vụ trọng tâm giai đoạn 2021-2025: (1) "
            "Tập trung công tác xây dựng thể chế, hoàn thiện cơ chế, chính sách, đặc biệt các "
            "chính sách đổi mới trong phát triển ngành y tế; (2) Đổi mới công tác y tế dự "
            "phòng và nâng cao sức khỏe, bảo đảm an toàn, an ninh y tế; (3) Nâng cao chất "
            "lượng dịch vụ y tế; thực hiện chăm sóc toàn diện người bệnh; phát triển các kỹ "
            "thuật y khoa chuyên sâu; (4) Đổi mới căn bản, toàn diện đào tạo phát triển nguồn "
            "nhân lực y tế; (5) Đẩy mạnh việc nghiên cứu khoa học, đổi mới sáng tạo trong y "
            "học; hình thành các trung tâm nghiên cứu y học mạnh gắn với các trường và các "
            "bệnh viện. Đẩy nhanh tốc độ chuyển đổi số ngành y tế tiến tới y tế số, y tế thông "
            "minh phục vụ người dân; (6) Thực hiện bảo hiểm y tế toàn dân theo hướng đa dạng, "
            "đa tầng, hiện đại; đổi mới cơ chế tài chính, thay đổi trong đầu tư, ngân sách nhà "
            "nước ưu tiên đầu tư cho y tế cơ sở, địa bàn, lĩnh vực khó khăn; hoàn thiện cơ chế "
            "thu hút nguồn lực xã hội đầu tư cho chăm sóc sức khỏe.\n"
            "Tập trung đẩy mạnh truyền thông chủ trương của Đảng; chính sách, pháp luật của "
            "Nhà nước về công tác thi đua khen thưởng, bảo đảm thực hiện đồng bộ tốt cả bốn "
            "phương diện: Phát hiện, bồi dưỡng, tổng kết và nhân rộng điển hình tiên tiến. "
            "Tăng cường truyền thông về các phong trào thi đua yêu nước, gương người tốt, việc "
            "tốt, các điển hình tiên tiến để biểu dương, nhân rộng, tạo sức lan tỏa trong từng "
            "cơ quan, đơn vị và trong toàn ngành y tế. Chú trọng khen thưởng các tập thể, cá "
            "nhân là người lao động, người làm trực tiếp có thành tích xuất sắc đột xuất, đặc "
            "biệt trong công tác phòng, chống dịch COVID- 19.\n"
            "Đổi mới, tạo sự chuyển biến tích cực và nâng cao chất lượng công tác khen thưởng "
            "trên cơ sở đánh giá đúng thành tích, đúng tiêu chuẩn, bảo đảm dân chủ, công khai, "
            "minh bạch. Thường xuyên đôn đốc, kiểm tra, giám sát, sơ kết, tổng kết, đánh giá "
            "hiệu quả các phong trào thi đua yêu nước trên cơ sở đánh giá kết quả thực hiện "
            "nhiệm vụ chính trị của từng cơ quan, đơn vị. Đề cao tinh thần trách nhiệm nêu "
            "gương của lãnh đạo, người đứng đầu cơ quan, đơn vị trong thực thi pháp luật về "
            "thi đua, khen thưởng để phong trào thi đua thực sự trở thành ý thức tự giác, "
            "trách nhiệm của mỗi cấp, mỗi cơ quan, đơn vị và từng cá nhân.\n"
            "Củng cố tổ chức, bộ máy và nâng cao chất lượng cán bộ làm công tác thi đua, khen "
            "thưởng theo hướng gọn nhẹ, hoạt động hiệu quả nhằm đáp ứng yêu cầu đổi mới, nâng "
            "cao chất lượng công tác thi đua, khen thưởng. Chú trọng đào tạo, bồi dưỡng chuyên "
            "môn nghiệp vụ để xây dựng đội ngũ cán bộ làm công tác thi đua, khen thưởng có "
            "phẩm chất đạo đức tốt, có năng lực thực tiễn và tinh thông nghiệp vụ. Đẩy mạnh "
            "cải cách thủ tục hành chính, ứng dụng công nghệ thông tin trong công tác thi đua, "
            "khen thưởng. Tăng cường trách nhiệm và nâng cao chất lượng hoạt động của Hội đồng "
            "thi đua khen thưởng các cấp, bảo đảm hoạt động thi đua, khen thưởng thực sự là "
            "động lực phát triển và là biện pháp quan trọng góp phần tích cực vào việc thực "
            "hiện thắng lợi Nghị quyết Đại hội lần thứ XIII của Đảng, Nghị quyết Đại hội Đảng "
            "bộ tỉnh lần thứ VII."
        ),
    ),
    dict(level=1, heading="II. NỘI DUNG PHÁT ĐỘNG THI ĐUA:", body="", block="subcampaigns"),
    dict(level=1, heading="III. TỔ CHỨC THỰC HIỆN:", body=""),
    dict(
        level=2,
        heading="1. Công đoàn ngành y tế và Đoàn thanh niên ngành y tế:",
        body=(
            "Đề nghị Công đoàn ngành y tế và Đoàn thanh niên ngành y tế tham gia chủ trì 02 "
            "chuyên đề đã nêu trong phần II kế hoạch này."
        ),
    ),
    dict(
        level=2,
        heading=(
            "2. Các cơ quan, đơn vị, bộ phận được phân công phụ trách các chuyên đề thi đua:"
        ),
        body=(
            "- Chủ trì xây dựng kế hoạch thi đua cho từng chuyên đề được phân công, trong kế "
            "hoạch cần phải có tiêu chí cụ thể để làm cơ sở cho các tập thể, cá nhân phấn đấu "
            "và làm căn cứ xét khen thưởng; đối với những chuyên đề phải tổ chức hội thi, đề "
            "nghị cơ quan, đơn vị, bộ phận phụ trách phải xây dựng kế hoạch chi tiết tổ chức "
            "hội thi; các kế hoạch phải trình Lãnh đạo Sở Y tế phê duyệt.\n"
            "- Chịu trách nhiệm xét chọn, đề cử các tập thể, cá nhân có thành tích xuất sắc "
            "trong phong trào thi đua thực hiện các chuyên đề và đề xuất Hội đồng thi đua, "
            "khen thưởng ngành y tế xem xét trình cấp thẩm quyền khen thưởng."
        ),
    ),
    dict(
        level=2,
        heading="3. Các cơ quan, đơn vị trực thuộc Sở Y tế:",
        body=(
            "- Căn cứ Kế hoạch này và Kế hoạch thi đua cụ thể của các chuyên đề, xây dựng kế "
            "hoạch và phát động thi đua trong toàn cơ quan, đơn vị.\n"
            "- Tổ chức ký kết giao ước thi đua giữa các khoa, phòng, đội, tổ, trạm y tế,.... "
            "thuộc cơ quan, đơn vị; giữa các cơ quan, đơn vị trong Khối thi đua."
        ),
    ),
    dict(
        level=2,
        heading="4. Các phòng chuyên môn nghiệp vụ Sở Y tế:",
        body=(
            "- Văn phòng Sở (bộ phận thường trực của Hội đồng thi đua khen thưởng ngành y tế) "
            "có nhiệm vụ theo dõi, đôn đốc các cơ quan, đơn vị, bộ phận triển khai thực hiện "
            "phát động thi đua trong toàn ngành y tế. Tổng hợp và tham mưu Hội đồng thi đua, "
            "khen thưởng ngành y tế xem xét khen thưởng kịp thời các tập thể, cá nhân có thành "
            "tích xuất sắc trong các phong trào thi đua.\n"
            "- Các phòng chuyên môn, nghiệp vụ khác: Chủ trì xây dựng kế hoạch thi đua cho "
            "chuyên đề được phân công; tham mưu lãnh đạo Sở Y tế thẩm định các nội dung thi "
            "đua liên quan lĩnh vực chuyên môn, nghiệp vụ của phòng khi được đề xuất."
        ),
    ),
]

RECIPIENTS = [
    dict(text="HĐ TĐKT tỉnh", purpose="báo cáo"),
    dict(text="Đảng uỷ Sở Y tế", purpose="báo cáo"),
    dict(text="Các Sở, ngành thuộc Khối thi đua VII", purpose="để biết"),
    dict(text="Công đoàn ngành Y tế", purpose="P/hợp thực hiện"),
    dict(text="Đoàn Thanh niên ngành Y tế", purpose="P/hợp thực hiện"),
    dict(text="Các cơ quan, đơn vị trực thuộc Sở Y tế", purpose="T/hiện"),
    dict(text="Các phòng CMNV thuộc Sở Y tế", purpose="T/hiện"),
    dict(text="Lưu: VT, VP.", is_archive=True),
]

SUBCAMPAIGNS = [
    dict(
        number="1",
        title_end=":",
        title="Thi đua thực hiện các phong trào do UBND tỉnh và các sở, ngành phát động",
        host_label="Cơ quan chủ trì",
        host_text="UBND tỉnh",
        host=None,
        responsible_label="Cơ quan phụ trách",
        responsible_text="Ban Thi đua – Khen thưởng tỉnh và các Sở, ban ngành, đoàn thể",
        responsible_end="",
        responsible=None,
        content=(
            "Tổ chức các phong trào thi đua thực hiện thắng lợi toàn diện các mặt kinh tế-xã "
            "hội, quốc phòng-an ninh và xây dựng hệ thống chính trị; thi đua lập thành tích "
            "trong các công trình trọng điểm, chương trình mục tiêu quốc gia, chào mừng kỷ "
            "niệm các ngày lễ lớn."
        ),
        award_timing="Theo kế hoạch phát động của UBND tỉnh, các sở, ngành",
        quota_note="Theo số lượng phân bổ của từng nội dung thi đua.",
        quotas={},
        quota_per_programme=False,
        needs_detailed_plan=False,
        children=[],
    ),
    dict(
        number="2",
        title_end=":",
        title="Thi đua thực hiện các phong trào do Sở Y tế phát động",
        children=[
            dict(
                number="2.1",
                title_end=":",
                title="Thi đua thực hiện các chương trình mục tiêu Y tế - Dân số",
                host_label="Cơ quan chủ trì",
                host_text="Sở Y tế",
                host=None,
                responsible_label="Cơ quan phụ trách",
                responsible_text=(
                    "Các cơ quan, đơn vị chức năng phụ trách các chương trình mục tiêu Y tế - "
                    "Dân số"
                ),
                responsible=None,
                content=(
                    "Thi đua, phấn đấu hoàn thành xuất sắc nhiệm vụ các chương trình mục tiêu "
                    "Y tế - Dân số năm 2021."
                ),
                award_timing=(
                    "Khi tổng kết các chương trình mục tiêu Y tế - Dân số cuối năm 2021"
                ),
                quota_note="",
                quotas={},
                quota_per_programme=True,
                needs_detailed_plan=True,
                children=[
                    dict(
                        number="2.1.a",
                        title=(
                            "Chương trình mục tiêu Y tế - Dân số: Dự án phòng, chống bệnh "
                            "truyền nhiễm"
                        ),
                        host_label="",
                        host_text="",
                        host=None,
                        responsible_label="Cơ quan phụ trách",
                        responsible_text="Trung tâm Kiểm soát bệnh tật",
                        responsible="BRVT:CDC",
                        content="",
                        award_timing="",
                        quota_note="",
                        quotas={"collective": 5, "individual": 10},
                        quota_per_programme=False,
                        needs_detailed_plan=False,
                        is_demo=True,
                        children=[],
                    ),
                    dict(
                        number="2.1.b",
                        title="Chương trình mục tiêu Y tế - Dân số: Dự án Dân số và phát triển",
                        host_label="",
                        host_text="",
                        host=None,
                        responsible_label="Cơ quan phụ trách",
                        responsible_text="Chi cục Dân số - Kế hoạch hóa gia đình",
                        responsible="BRVT:CCDS",
                        content="",
                        award_timing="",
                        quota_note="",
                        quotas={"collective": 5, "individual": 10},
                        quota_per_programme=False,
                        needs_detailed_plan=False,
                        is_demo=True,
                        children=[],
                    ),
                    dict(
                        number="2.1.c",
                        title="Chương trình mục tiêu Y tế - Dân số: Dự án An toàn thực phẩm",
                        host_label="",
                        host_text="",
                        host=None,
                        responsible_label="Cơ quan phụ trách",
                        responsible_text="Chi cục An toàn vệ sinh thực phẩm",
                        responsible="BRVT:CCATTP",
                        content="",
                        award_timing="",
                        quota_note="",
                        quotas={"collective": 5, "individual": 10},
                        quota_per_programme=False,
                        needs_detailed_plan=False,
                        is_demo=True,
                        children=[],
                    ),
                ],
            ),
            dict(
                number="2.2",
                title="Thi đua thực hiện “Hoàn thành chỉ tiêu, kế hoạch của ngành năm 2021”",
                host_label="Cơ quan chủ trì",
                host_text="Sở Y tế",
                host=None,
                responsible_label="Bộ phận phụ trách",
                responsible_text="Phòng Kế hoạch – Tài chính",
                responsible="BRVT:KHTC",
                content=(
                    "Các cơ quan, đơn vị xây dựng kế hoạch, tổ chức triển khai thực hiện để "
                    "phấn đấu đạt chỉ tiêu, kế hoạch trong năm 2021."
                ),
                award_timing="Cuối năm 2021",
                quota_note="",
                quota_printed="5 tập thể và 10 cá nhân",
                quotas={"collective": 5, "individual": 10},
                quota_per_programme=False,
                needs_detailed_plan=True,
                children=[],
            ),
            dict(
                number="2.3",
                title="Thi đua “Học tập và làm theo tấm gương đạo đức, phong cách Hồ Chí Minh”",
                host_label="Cơ quan chủ trì",
                host_text="Sở Y tế",
                host=None,
                responsible_label="Bộ phận phụ trách",
                responsible_text="Công đoàn ngành Y tế",
                responsible="BRVT:CDN",
                content=(
                    "Đẩy mạnh thực hiện việc “Học tập và làm theo tư tưởng, đạo đức, phong "
                    "cách Hồ Chí Minh” theo chuyên đề năm 2021."
                ),
                award_timing="Trong năm 2021",
                quota_note="",
                quota_printed="5 tập thể và 10 cá nhân",
                quotas={"collective": 5, "individual": 10},
                quota_per_programme=False,
                needs_detailed_plan=True,
                children=[],
            ),
            dict(
                number="2.4",
                title="Thi đua thực hiện “Thầy thuốc như mẹ hiền”",
                host_label="Cơ quan chủ trì",
                host_text="Sở Y tế",
                host=None,
                responsible_label="Bộ phận phụ trách",
                responsible_text="Phòng Nghiệp vụ",
                responsible="BRVT:NV",
                content=(
                    "Trên tinh thần học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí "
                    "Minh, toàn thể CCVC-NLĐ ngành Y tế quyết tâm thực hiện tốt lời dạy của "
                    "Bác: “Lương y phải như từ mẫu” thể hiện bằng những hành động thiết thực "
                    "hiệu quả trong từng lĩnh vực công tác. Thực hiện trau dồi đạo đức nghề "
                    "nghiệp: thực hiện tốt 12 điều Y đức, 10 điều Dược đức, thực hiện tốt quy "
                    "tắc ứng xử, góp phần giảm phiền hà, nâng cao y đức người thầy thuốc và "
                    "niềm tin của người bệnh."
                ),
                award_timing="Trong năm 2021",
                quota_note="",
                quota_printed="5 tập thể và 10 cá nhân",
                quotas={"collective": 5, "individual": 10},
                quota_per_programme=False,
                needs_detailed_plan=True,
                children=[],
            ),
            dict(
                number="2.5",
                title=(
                    "Thi đua thực hiện tốt “Đổi mới phong cách, thái độ phục vụ của cán bộ y "
                    "tế hướng tới sự hài lòng của người bệnh”"
                ),
                host_label="Cơ quan chủ trì",
                host_text="Sở Y tế",
                host=None,
                responsible_label="Bộ phận phụ trách",
                responsible_text="Văn phòng Sở",
                responsible="BRVT:VP",
                content=(
                    "Toàn ngành Y tế quyết tâm thực hiện tốt Kế hoạch triển khai thực hiện "
                    "“Đổi mới phong cách, thái độ phục vụ của cán bộ y tế hướng tới sự hài "
                    "lòng của người bệnh” ban hành kèm theo Quyết định số 2151/QĐ-BYT ngày "
                    "04/6/2015 của Bộ Y tế."
                ),
                award_timing="Trong năm 2021",
                quota_note="",
                quota_printed="5 tập thể và 10 cá nhân",
                quotas={"collective": 5, "individual": 10},
                quota_per_programme=False,
                needs_detailed_plan=True,
                children=[],
            ),
            dict(
                number="2.6",
                title="Thi đua thực hiện “Điều dưỡng, Hộ sinh, Trưởng Trạm y tế giỏi”",
                host_label="Cơ quan chủ trì",
                host_text="Sở Y tế",
                host=None,
                responsible_label="Bộ phận phụ trách",
                responsible_text="Phòng Nghiệp vụ",
                responsible="BRVT:NV",
                content=(
                    "Điều dưỡng, Hộ sinh nâng cao ý thức về vai trò, nhiệm vụ của mình, thi "
                    "đua học tập, không ngừng nâng cao trình độ chuyên môn, rèn luyện đạo đức "
                    "nghề nghiệp, kỹ năng giao tiếp, hướng tới mục tiệu chăm sóc người bệnh "
                    "một cách toàn diện, đáp ứng sự hài lòng của người bệnh\". Trạm trưởng có "
                    "tinh thần học tập, trao đổi kinh nghiệm nâng cao năng lực trong công tác "
                    "quản lý, chuyên môn y tế tại Trạm Y tế các xã, góp phần thực hiện tốt "
                    "công tác chăm sóc sức khỏe cho nhân dân tai tuyến cơ sở."
                ),
                award_timing="Trong năm 2021",
                quota_note="",
                quotas={"collective": 0, "individual": 10},
                quota_per_programme=False,
                needs_detailed_plan=True,
                children=[],
            ),
            dict(
                number="2.7",
                title="Thi đua thực hiện tốt “Cải cách hành chính”",
                host_label="Cơ quan chủ trì",
                host_text="Sở Y tế",
                host=None,
                responsible_label="Bộ phận phụ trách",
                responsible_text="Văn phòng Sở",
                responsible="BRVT:VP",
                content=(
                    "Tổ chức thực hiện nghiêm túc hiệu quả công tác CCHC; có tinh thần trách "
                    "nhiệm cao và hoàn thành xuất sắc nhiệm vụ được giao; có sáng kiến, cải "
                    "tiến CCHC mang lại hiệu quả kinh tế; hiện đại hóa hành chính, hiện đại "
                    "hóa công sở; sản phẩm thuận lợi trong ứng dụng, tổ chức thực hiện; được "
                    "đánh giá là thân thiện và văn hóa công sở trong quan hệ công tác với tổ "
                    "chức, doanh nghiệp và nhân dân"
                ),
                award_timing="Cuối năm 2021",
                quota_note="",
                quota_printed="5 tập thể và 10 cá nhân",
                quotas={"collective": 5, "individual": 10},
                quota_per_programme=False,
                needs_detailed_plan=True,
                children=[],
            ),
            dict(
                number="2.8",
                title="Thi đua thực hiện tốt “Công tác dự phòng”",
                host_label="Cơ quan chủ trì",
                host_text="Sở Y tế",
                host=None,
                responsible_label="Bộ phận phụ trách",
                responsible_text="Trung tâm Kiểm soát bệnh tật",
                responsible="BRVT:CDC",
                content=(
                    "Chủ động triển khai công tác phòng chống dịch, duy trì công tác giám sát "
                    "dịch tể thường xuyên, xử lý dịch sớm giúp hạn chế số mắc và số tử vong. "
                    "Triển khai thực hiện tốt các chương trình mục tiêu quốc gia về y tế."
                ),
                award_timing="Cuối năm 2021",
                quota_note="",
                quota_printed="5 tập thể và 10 cá nhân",
                quotas={"collective": 5, "individual": 10},
                quota_per_programme=False,
                needs_detailed_plan=True,
                children=[],
            ),
            dict(
                number="2.9",
                title="Thi đua thực hiện tốt hoạt động “Khám chữa bệnh từ thiện”",
                host_label="Cơ quan chủ trì",
                host_text="Sở Y tế",
                host=None,
                responsible_label="Bộ phận phụ trách",
                responsible_text="Đoàn Thanh niên Ngành Y tế",
                responsible="BRVT:DTN",
                content=(
                    "Tích cực tham gia các hoạt động khám, chữa bệnh nhân đạo và chăm sóc sức "
                    "khỏe cộng đồng năm với chủ đề “Chung sức hành động, vì sức khỏe cộng "
                    "đồng”"
                ),
                award_timing="Cuối năm 2021",
                quota_note="",
                quota_printed="5 tập thể và 10 cá nhân",
                quotas={"collective": 5, "individual": 10},
                quota_per_programme=False,
                needs_detailed_plan=True,
                children=[],
            ),
            dict(
                number="2.10",
                title="Thi đua lập thành tích chào mừng “Ngày Thầy thuốc Việt Nam”",
                host_label="Cơ quan chủ trì",
                host_text="Sở Y tế",
                host=None,
                responsible_label="Bộ phận phụ trách",
                responsible_text="Văn phòng Sở",
                responsible="BRVT:VP",
                content=(
                    "Phát huy tính năng động, sáng tạo, hăng hái thi đua góp phần nâng cao "
                    "nhận thức, trách nhiệm của cán bộ lãnh đạo và nhân viên y tế với nhiệm vụ "
                    "được phân công; tăng cường đoàn kết thống nhất trong tập thể với phương "
                    "châm “Lấy người bệnh làm trung tâm phục vụ”; tạo sự ủng hộ, đồng thuận và "
                    "chia sẻ của cộng đồng đối với ngành Y tế, đáp ứng ngày một tốt hơn nhu "
                    "cầu chăm sóc, bảo vệ sức khỏe nhân dân."
                ),
                award_timing="Đầu năm 2021",
                quota_note="",
                quota_printed="5 tập thể và 10 cá nhân",
                quotas={"collective": 5, "individual": 10},
                quota_per_programme=False,
                needs_detailed_plan=True,
                children=[],
            ),
            dict(
                number="2.11",
                title_end=".",
                title="Khen thưởng đột xuất",
                host_label="Cơ quan chủ trì",
                host_text="Sở Y tế",
                host=None,
                responsible_label="Bộ phận phụ trách",
                responsible_text="Văn phòng Sở",
                responsible="BRVT:VP",
                content=(
                    "khen thương đột xuất các tập thể, cá nhân có những thành tích xuất sắc "
                    "trong thực hiện nhiệm vụ được giao và các nhiệm vụ phát sinh trong năm "
                    "2021."
                ),
                award_timing="Trong năm 2021",
                quota_note="",
                quota_printed="5 tập thể và 10 cá nhân",
                quotas={"collective": 5, "individual": 10},
                quota_per_programme=False,
                needs_detailed_plan=True,
                children=[],
            ),
            dict(
                number="2.12",
                title_end=":",
                title="Đổi mới và nâng cao chất lượng hoạt động của các khối thi đua",
                host_label="",
                host_text="",
                host=None,
                responsible_label="",
                responsible_text="Các khối thi đua",
                responsible=None,
                content=(
                    "Các khối thi đua điều chỉnh, bổ sung quy chế hoạt động của khối phù hợp "
                    "với tình hình thực tế theo quy định của Ngành và UBND tỉnh. Đề xuất khen "
                    "thưởng các khối thi đua có thành tích xuất sắc là gương điển hình của "
                    "khối, cần chỉnh sửa bổ sung nội dung, tiêu chí đánh giá thi đua của khối "
                    "đặc biệt là tiêu chí về công tác phòng chống dịch Covid -19."
                ),
                award_timing="",
                quota_note="",
                quotas={},
                quota_per_programme=False,
                needs_detailed_plan=False,
                children=[],
            ),
        ],
    ),
]

CAMPAIGN_QUOTAS = {}

PERIODS = []

PARTICIPANTS = "children"
