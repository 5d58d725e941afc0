"""A report's outline as data (issue 15), the pure rules: the defaults each kind starts from, what
counts as unwritten, the split into body and appendices, the briefing rows, the sheet names."""

from reports import outlines
from reports.outlines import APPENDIX, ITEM, PART, Section


def headings(sections):
    return [(s.level, s.heading, s.block) for s in sections]


def test_the_whole_campaigns_year_report_starts_from_todays_headings_and_blocks():
    sections = outlines.default_outline(kind="year", year=2026, whole=True, has_period=True)
    assert headings(sections) == [
        (PART, "I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN", "completeness"),
        (PART, "II. KẾT QUẢ THỰC HIỆN", "indicator_summary"),
        (ITEM, "", "indicator_tables"),
        (PART, "III. CÔNG TÁC KHEN THƯỞNG", "awards"),
        (PART, "IV. ĐÁNH GIÁ CHUNG", ""),
        (ITEM, "1. Mặt được", ""),
        (ITEM, "2. Hạn chế và nguyên nhân", ""),
        (PART, "V. NHIỆM VỤ, GIẢI PHÁP NĂM 2027", ""),
        (APPENDIX, "Phụ lục I", ""),
        (PART, "", "indicator_appendix"),
        (APPENDIX, "Phụ lục II", ""),
        (PART, "", "units"),
    ]


def test_a_units_six_month_report_without_a_period_has_no_figure_blocks():
    sections = outlines.default_outline(kind="six_month", year=2026, whole=False, has_period=False,
                                        prose={"proposals": "Bổ sung kinh phí."})
    assert [s.block for s in sections if s.block] == ["awards"]
    assert sections[-2].heading == "V. NHIỆM VỤ, GIẢI PHÁP 6 THÁNG CUỐI NĂM 2026"
    assert (sections[-1].heading, sections[-1].body) == ("VI. KIẾN NGHỊ, ĐỀ XUẤT", "Bổ sung kinh phí.")
    assert not any(s.level == APPENDIX for s in sections)


def test_a_report_frozen_before_outlines_prints_its_prose_under_the_headings_it_had():
    text = {"implementation": "Đã triển khai.", "strengths": "Tốt.", "weaknesses": "Chậm.", "tasks": "Đôn đốc.",
            "proposals": "", "results_text": "", "awards_text": "Khen 3 người."}
    sections = outlines.legacy_outline(text, kind="six_month", year=2026, whole=True, has_period=True)
    bodies = {s.heading: s.body for s in sections if s.body and s.level != APPENDIX}
    assert bodies == {"I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN": "Đã triển khai.",
                      "III. CÔNG TÁC KHEN THƯỞNG": "Khen 3 người.",
                      "1. Mặt được": "Tốt.", "2. Hạn chế và nguyên nhân": "Chậm.",
                      "V. NHIỆM VỤ, GIẢI PHÁP 6 THÁNG CUỐI NĂM 2026": "Đôn đốc."}


def test_unwritten_is_a_heading_with_nothing_under_it():
    sections = [Section("I. A", body="x"), Section("II. B"), Section("1. C", level=ITEM), Section("2. D", level=ITEM,
                block="awards"), Section("III. E"), Section("PHỤ LỤC", level=APPENDIX), Section("", block="briefing")]
    # II has a sub-section, so it is a heading over them; 1. and III. have neither text nor table.
    assert outlines.unwritten(sections) == ["1. C", "III. E"]
    assert outlines.unwritten([Section("", body="")]) == ["Đề mục thứ 1"]


def test_split_and_the_label_of_the_appendix_holding_a_table():
    sections = [Section("I. A", body="x"), Section("PHỤ LỤC", level=APPENDIX),
                Section("I- Quán triệt", block="briefing"), Section("II- Chỉ tiêu", block="indicator_appendix"),
                Section("Phụ lục II", level=APPENDIX), Section("", block="units")]
    body, appendices = outlines.split(sections)
    assert [s.heading for s in body] == ["I. A"]
    assert [[s.heading for s in a] for a in appendices] == [["PHỤ LỤC", "I- Quán triệt", "II- Chỉ tiêu"],
                                                            ["Phụ lục II", ""]]
    assert outlines.appendix_label(sections, "indicator_appendix") == "Phụ lục"   # as a sentence writes it
    assert outlines.appendix_label(sections, "units") == "Phụ lục II"
    assert outlines.appendix_label(sections, "awards") == ""


def test_briefing_rows_keep_what_was_typed_and_drop_empty_rows():
    rows = outlines.briefing_rows({"rows": [{"name": " Cấp huyện ", "marks": [0, 1, "x"]},
                                            {"name": "", "marks": []}, {"name": "", "marks": [False, True]},
                                            {"marks": None}]})
    width = len(outlines.BRIEFING_COLUMNS)
    assert rows == [{"name": "Cấp huyện", "marks": [False, True, True] + [False] * (width - 3)},
                    {"name": "", "marks": [False, True] + [False] * (width - 2)}]
    assert outlines.briefing_rows({}) == [] and outlines.briefing_rows(None) == []
    assert len(outlines.briefing_rows({"rows": [{"name": str(i)} for i in range(500)]})) == outlines.MAX_BRIEFING_ROWS


def test_sheet_names_follow_the_headings_and_are_what_excel_accepts():
    sections = [Section("II. KẾT QUẢ: thực hiện [đợt 1]/2026?*"), Section("", level=ITEM, block="indicator_tables"),
                Section("Phụ lục I", level=APPENDIX), Section("", block="indicator_appendix"),
                Section("", block="indicator_appendix"), Section("I. Tình hình", body="x"),
                Section("Một đề mục rất dài vượt quá ba mươi mốt ký tự của Excel", block="awards")]
    names = [name for _section, name in outlines.sheet_names(sections)]
    assert names == ["II. KẾT QUẢ thực hiện đợt 1 202", "Phụ lục I", "Phụ lục I 2",
                     "Một đề mục rất dài vượt quá ba"]
    assert all(len(n) <= 31 and not set(n) & set('[]:*?/\\') for n in names)


def test_column_headings_default_to_seed_004s_and_keep_what_the_issuer_typed():
    assert outlines.columns_of(Section(block="indicator_appendix"), 2020) == {
        "plan": "Kế hoạch năm 2020", "result": "Kết quả thực hiện năm 2020", "next": "Kế hoạch năm 2021"}
    typed = Section(block="indicator_appendix", data={"result": "TH 6 tháng", "next": "  "})
    assert outlines.columns_of(typed, 2026) == {"plan": "Kế hoạch năm 2026", "result": "TH 6 tháng",
                                                "next": "Kế hoạch năm 2027"}


def test_a_section_survives_the_json_it_is_frozen_as():
    section = Section("I- Quán triệt", level=PART, bold=False, body="a\nb", block="briefing",
                      data={"rows": [{"name": "X", "marks": [True]}]})
    assert Section.from_dict(section.as_dict()) == section
    assert "I- Quán triệt [Bảng quán triệt" in outlines.describe([section])


def test_a_saved_default_keeps_headings_and_blocks_and_next_years_report_reads_next_year():
    sections = outlines.default_outline(kind="year", year=2026, whole=True, has_period=True,
                                        prose={"strengths": "Tốt."})
    sections.append(Section("Phụ lục III", level=APPENDIX, body="Số liệu năm 2026"))
    sections.append(Section("", block="indicator_appendix", data={"plan": "KH 2026", "next": "KH 2027"}))
    template = outlines.as_template(sections, 2026)
    assert all(row["body"] == "" for row in template if row["level"] != APPENDIX)    # the prose stays behind
    again = outlines.from_template(template, 2027)
    assert "V. NHIỆM VỤ, GIẢI PHÁP NĂM 2028" in [s.heading for s in again]
    assert again[-2].body == "Số liệu năm 2027" and again[-1].data == {"plan": "KH 2027", "next": "KH 2028"}
    # Other numbers are the issuer's own: "số 59,60-CTr/TU", "1945" stay as typed.
    assert outlines.from_template(outlines.as_template([Section("Từ 1945 đến 2026, số 59")], 2026), 2030)[0] \
        .heading == "Từ 1945 đến 2030, số 59"


def test_the_history_records_only_the_sections_a_save_changed():
    old = [Section("I. A", body="a"), Section("II. B", body="b"), Section("III. C", body="c")]
    new = [Section("I. A", body="a"), Section("II. B", body="b đã sửa"), Section("III. C", body="c")]
    assert outlines.changed(old, new) == ("II. B: b", "II. B: b đã sửa")
    assert outlines.changed(old, old) == ("", "")
