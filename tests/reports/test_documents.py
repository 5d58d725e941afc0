"""The parts every document shares (pure)."""

from datetime import date

from reports import documents


def test_number_line_is_blank_for_the_registry_until_issued_and_padded_after():
    assert documents.number_line(None, "QĐ-SYT") == "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/QĐ-SYT"
    assert documents.number_line(5, "KH-SYT") == "Số: 05/KH-SYT"
    assert documents.number_line(125, "BC-SYT") == "Số: 125/BC-SYT"


def test_date_line_pads_days_and_the_first_two_months_and_leaves_a_draft_blank():
    line = documents.document_date_line
    assert line("Thái Nguyên", date(2026, 1, 5)) == "Thái Nguyên, ngày 05 tháng 01 năm 2026"
    assert line("Kon Tum", date(2026, 6, 26)) == "Kon Tum, ngày 26 tháng 6 năm 2026"
    blank = "\u00a0" * 6
    assert line("Kon Tum", None, year=2026) == f"Kon Tum, ngày {blank} tháng {blank} năm 2026"
    # The day and the number leave the registry the same room.
    assert documents.number_line(None, "QĐ-SYT") == f"Số: {blank}/QĐ-SYT"


def test_a_decision_prints_each_basis_after_can_cu_and_ends_its_bases_properly():
    law, decree = "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", "Nghị định số 152/2025/NĐ-CP …;"
    lines = documents.award_decision_bases([law, decree], plan_reference="Kế hoạch số 05/KH-SYT",
                                           proposer="Thường trực Hội đồng")
    assert lines == [f"Căn cứ {law};", "Căn cứ Nghị định số 152/2025/NĐ-CP …;", "Căn cứ Kế hoạch số 05/KH-SYT;",
                     "Xét đề nghị của Thường trực Hội đồng."]
    assert documents.award_decision_bases([law]) == [f"Căn cứ {law}."]


def test_the_signature_block_uppercases_authority_lines_but_not_the_name():
    sign = documents.signature("kt. giám đốc", "Phó Giám đốc", "Trần Minh Khoa")
    assert sign.prefix_lines == ["KT. GIÁM ĐỐC"] and sign.title == "PHÓ GIÁM ĐỐC" and sign.name == "Trần Minh Khoa"


def test_the_plan_and_every_other_document_print_one_number_line():
    from common import text

    assert documents.number_line is text.number_line
    # A draft without a notation yet still prints the line, blank for the registry (NĐ 30).
    assert documents.number_line(None, "") == "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"
    assert documents.number_line(7, "") == "Số: 07"


def test_a_plan_without_a_registry_number_is_cited_by_its_title_and_date_never_by_blanks():
    title = "Phát động phong trào thi đua chuyên đề về bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân năm 2021"
    issuer = "Ủy ban nhân dân huyện Hồng Ngự"
    assert documents.titled_reference("Kế hoạch", title, None, 2021, issuer) == (
        "Kế hoạch phát động phong trào thi đua chuyên đề về bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân "
        "năm 2021 của Ủy ban nhân dân huyện Hồng Ngự")
    # The year is said once; a date, when known, is the plan's own.
    assert documents.titled_reference("Kế hoạch", "Kế hoạch phát động phong trào thi đua", None, 2026, "Sở Y tế") == (
        "Kế hoạch phát động phong trào thi đua năm 2026 của Sở Y tế")
    assert documents.titled_reference("Kế hoạch", "Phát động phong trào thi đua năm 2026", date(2026, 1, 5), 2026,
                                      "Sở Y tế") == (
        "Kế hoạch phát động phong trào thi đua năm 2026 ngày 05 tháng 01 năm 2026 của Sở Y tế")
    assert documents.BLANK not in documents.titled_reference("Kế hoạch", title, None, None, issuer)


def test_a_campaign_inside_a_sentence_reads_as_the_campaign_not_as_the_plans_title():
    assert documents.campaign_in_sentence("Phát động phong trào thi đua năm 2026") == "phong trào thi đua năm 2026"
    assert documents.campaign_in_sentence(
        "Kế hoạch phát động phong trào thi đua đặc biệt “Thái Nguyên đoàn kết”") == (
        "phong trào thi đua đặc biệt “Thái Nguyên đoàn kết”")
    # A name that is no plan title stays a quoted name.
    assert documents.campaign_in_sentence("Thái Nguyên đoàn kết, chung sức") == (
        "phong trào “Thái Nguyên đoàn kết, chung sức”")
