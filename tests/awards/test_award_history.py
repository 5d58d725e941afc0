"""QUÁ TRÌNH KHEN THƯỞNG (issue 16, item 3): a person's or unit's history from the register, as the
page shows it, as a PDF and as an .xlsx; the consecutive-year runs of the yearly titles."""

from __future__ import annotations

import re
import shutil
from datetime import date
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from awards.eligibility import Streak, title_streaks
from awards.models import AwardType, Decision, DecisionLine, RegisterEntry
from tests.factories import make_person

TODAY = date(2026, 11, 10)
SHIPPED = {"VN-Serif", "VN-Serif-Bold", "VN-Serif-Italic", "VN-Serif-Bold-Italic"}   # the font the CSS embeds
FORMULA = '=HYPERLINK("http://example.invalid","bấm")'


# --- The runs: pure, no database --------------------------------------------------------------------


def test_a_run_is_the_consecutive_years_ending_at_the_latest_year_held():
    (streak,) = title_streaks([("CSTĐCS", 2025), ("CSTĐCS", 2019), ("CSTĐCS", 2023), ("CSTĐCS", 2024)])
    assert streak.years == (2023, 2024, 2025)
    assert streak.text == "CSTĐCS: 2023, 2024, 2025 (03 năm liên tục)"


def test_a_gap_in_the_latest_year_leaves_a_run_of_one():
    (streak,) = title_streaks([("LĐTT", 2022), ("LĐTT", 2023), ("LĐTT", 2025)])
    assert streak == Streak("LĐTT", (2025,)) and streak.text == "LĐTT: 2025 (01 năm)"


def test_a_title_held_twice_in_one_year_counts_once_and_titles_keep_the_order_given():
    streaks = title_streaks([("B", 2024), ("A", 2024), ("B", 2024), ("B", 2025), ("A", 2025)])
    assert [(s.title, s.years) for s in streaks] == [("B", (2024, 2025)), ("A", (2024, 2025))]


def test_no_titles_no_runs():
    assert title_streaks([]) == []


def test_a_lapsed_run_still_shows_its_last_years():
    (streak,) = title_streaks([("TTLĐXS", 2018), ("TTLĐXS", 2019)])
    assert streak.years == (2018, 2019)


# --- The history from the database ---------------------------------------------------------------


def _decision(issuer, number, day, lines, *, revoked_because=""):
    decision = Decision.objects.create(
        issuer=issuer, title="Về việc khen thưởng", number=number, notation="QĐ-SYT", issue_date=day,
        status=Decision.Status.REVOKED if revoked_because else Decision.Status.ISSUED, revoke_reason=revoked_because)
    for order, (subject, code, year) in enumerate(lines):
        who = {"organisation": subject} if subject.__class__.__name__ == "Organisation" else {"person": subject}
        DecisionLine.objects.create(decision=decision, award_type=AwardType.objects.get(code=code),
                                    achievement_year=year, order=order, **who)
    return decision


def _entry(owner, code, year, reference, day, *, source=RegisterEntry.Source.BEFORE, note="",
           issuer_name="Giám đốc Sở Y tế A", **subject):
    return RegisterEntry.objects.create(award_type=AwardType.objects.get(code=code), achievement_year=year,
                                        issuer_name=issuer_name, reference=reference, decided_on=day, source=source,
                                        note=note, owner=owner, **subject)


@pytest.fixture
def person(tree, settings):
    """Nguyễn Văn An of A's hospital: CSTĐCS 2023 (before the system) and 2024 (decided above), 2025
    in the system; a CSTĐCS 2022 whose decision was revoked; LĐTT 2025; a Giấy khen 2025 (a form, no
    run). One note typed as a formula."""
    settings.APP_TODAY = TODAY
    an = make_person(tree["A.BV"], "Nguyễn Văn An", "BV01", birth_date=date(1985, 3, 7), gender="male",
                     position="Bác sĩ, Phó khoa Nội")
    _entry(tree["A"], "CSTDCS", 2023, "Số 201/QĐ-SYT", date(2024, 1, 10), note=FORMULA, person=an)
    _entry(tree["A"], "CSTDCS", 2024, "412/QĐ-UBND", date(2025, 2, 18), source=RegisterEntry.Source.HIGHER,
           issuer_name="Chủ tịch UBND tỉnh A", person=an)
    _decision(tree["A"], 12, date(2026, 1, 5), [(an, "CSTDCS", 2025), (an, "LDTT", 2025), (an, "GK_SYT_CN", 2025)])
    _decision(tree["A"], 30, date(2023, 1, 20), [(an, "CSTDCS", 2022)],
              revoked_because="Kê khai thành tích không đúng")
    return an


def test_the_page_shows_every_entry_the_revoked_one_marked_and_the_runs(person, cast, login):
    response = login(cast["staff"]).get(reverse("awards:register-person", args=[person.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    for text in ("Số 201/QĐ-SYT ngày 10/01/2024", "412/QĐ-UBND ngày 18/02/2025", "Số 12/QĐ-SYT ngày 05/01/2026",
                 "đã thu hồi", "Kê khai thành tích không đúng",
                 "Chiến sĩ thi đua cơ sở: 2023, 2024, 2025 (03 năm liên tục)", "Lao động tiên tiến: 2025 (01 năm)",
                 reverse("reports:history-person-pdf", args=[person.pk]),
                 reverse("awards:history-person-xlsx", args=[person.pk])):
        assert text in page, text
    assert "Giấy khen của Giám đốc Sở Y tế (cá nhân): 2025" not in page     # a form has no run


def test_the_history_is_oldest_first_and_notes_where_each_award_comes_from(person):
    from awards import selectors

    history = selectors.award_history(person=person)
    assert [(r.year, r.award) for r in history.rows] == [
        (2022, "Chiến sĩ thi đua cơ sở"), (2023, "Chiến sĩ thi đua cơ sở"), (2024, "Chiến sĩ thi đua cơ sở"),
        (2025, "Lao động tiên tiến"), (2025, "Chiến sĩ thi đua cơ sở"),
        (2025, "Giấy khen của Giám đốc Sở Y tế (cá nhân)")]
    notes = [r.note for r in history.rows]
    assert notes[0] == "Đã thu hồi: Kê khai thành tích không đúng" and history.rows[0].revoked
    assert notes[1] == f"Ghi nhận từ ngoài hệ thống; {FORMULA}"
    assert notes[2] == "Cấp trên quyết định"
    assert [r.decision_text for r in history.rows[:3]] == [
        "30/QĐ-SYT ngày 20/01/2023", "201/QĐ-SYT ngày 10/01/2024", "412/QĐ-UBND ngày 18/02/2025"]
    # The revoked 2022 never joins the run: 03 years, not 04.
    assert [s.text for s in history.streaks] == ["Lao động tiên tiến: 2025 (01 năm)",
                                                 "Chiến sĩ thi đua cơ sở: 2023, 2024, 2025 (03 năm liên tục)"]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_the_pdf_prints_the_subject_the_table_and_the_runs(person, cast, login, tmp_path):
    from tests.reports.conftest import fonts, info, page_texts, pdf_tool

    response = login(cast["staff"]).get(reverse("reports:history-person-pdf", args=[person.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert f'filename="qua-trinh-khen-thuong-ca-nhan-{person.pk}.pdf"' in response["Content-Disposition"]
    data = response.content
    # Reading order, not layout: a cell's wrapped lines come out one after another.
    text = " ".join(pdf_tool("pdftotext", data, tmp_path).split())
    for part in ("QUÁ TRÌNH KHEN THƯỞNG", "(Trích Sổ khen thưởng ngày 10/11/2026)", "Họ và tên: Nguyễn Văn An",
                 "Ngày sinh: 07/03/1985; giới tính: Nam", "Chức vụ: Bác sĩ, Phó khoa Nội",
                 "Đơn vị công tác: Bệnh viện Đa khoa", "Ghi chú",
                 "Đã thu hồi: Kê khai thành tích không đúng", "Ghi nhận từ ngoài hệ thống", "Cấp trên quyết định",
                 "ngày 05/01/2026", "412/QĐ-UBND",
                 "Chiến sĩ thi đua cơ sở: 2023, 2024, 2025 (03 năm liên tục)"):
        assert part in text, part
    layout = "".join(page_texts(data, tmp_path))
    assert re.findall(r"^\s*(20\d\d)\s", layout, flags=re.MULTILINE) == ["2022", "2023", "2024", "2025", "2025",
                                                                         "2025"]    # oldest first
    listed = fonts(data, tmp_path)
    assert listed and {name for name, _ in listed} <= SHIPPED and all(embedded == "yes" for _, embedded in listed)
    assert info(data, tmp_path)["Page size"].startswith("595.276 x 841.89")   # A4 portrait


def test_the_workbook_has_one_sheet_header_rows_dates_and_no_formulas(person, cast, login):
    response = login(cast["staff"]).get(reverse("awards:history-person-xlsx", args=[person.pk]))
    assert response.status_code == 200
    assert f'filename="qua-trinh-khen-thuong-ca-nhan-{person.pk}.xlsx"' in response["Content-Disposition"]
    workbook = load_workbook(BytesIO(response.content))
    (sheet,) = workbook.worksheets
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "QUÁ TRÌNH KHEN THƯỞNG"
    heading = [row[0] for row in values[1:7]]
    assert heading[:3] == ["Họ và tên: Nguyễn Văn An", "Ngày sinh: 07/03/1985; giới tính: Nam",
                           "Chức vụ: Bác sĩ, Phó khoa Nội; đơn vị công tác: Bệnh viện Đa khoa"]
    assert "Chiến sĩ thi đua cơ sở: 2023, 2024, 2025 (03 năm liên tục)" in heading[3]
    header_at = next(i for i, row in enumerate(values) if row[0] == "STT")
    assert values[header_at][:7] == ["STT", "Năm thành tích", "Danh hiệu thi đua / hình thức khen thưởng",
                                     "Số, ký hiệu quyết định", "Ngày quyết định", "Cơ quan quyết định", "Ghi chú"]
    rows = values[header_at + 1:]
    assert len(rows) == 6
    assert rows[0][1:4] == [2022, "Chiến sĩ thi đua cơ sở", "30/QĐ-SYT"]
    assert rows[0][6] == "Đã thu hồi: Kê khai thành tích không đúng"
    assert rows[1][4].date() == date(2024, 1, 10)                      # a date, shown dd/mm/yyyy
    assert sheet.cell(row=header_at + 3, column=5).number_format == "dd/mm/yyyy"
    # The note typed as a formula is text in the file, not a live formula.
    cell = sheet.cell(row=header_at + 3, column=7)
    assert cell.value == f"Ghi nhận từ ngoài hệ thống; {FORMULA}" and cell.data_type == "s"
    formulas = [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []


def test_a_formula_at_the_start_of_a_cell_stays_text(person, tree, cast, login):
    _entry(tree["A"], "LDTT", 2020, "=1+1", date(2021, 1, 5), issuer_name="=cmd|' /C calc'!A0", person=person)
    response = login(cast["staff"]).get(reverse("awards:history-person-xlsx", args=[person.pk]))
    sheet = load_workbook(BytesIO(response.content)).worksheets[0]
    cells = {c.value: c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
    for typed in ("=1+1", "=cmd|' /C calc'!A0"):
        assert cells[typed].data_type == "s" and cells[typed].quotePrefix


def test_a_unit_history_counts_its_collective_titles(tree, cast, login, settings):
    settings.APP_TODAY = TODAY
    hospital = tree["A.BV"]
    _entry(tree["A"], "TTLDXS", 2024, "Số 95/QĐ-UBND", date(2025, 1, 20), organisation=hospital)
    _decision(tree["A"], 7, date(2026, 1, 9), [(hospital, "TTLDXS", 2025)])
    client = login(cast["head"])
    page = client.get(reverse("awards:register-organisation", args=[hospital.pk])).content.decode()
    assert "Tập thể lao động xuất sắc: 2024, 2025 (02 năm liên tục)" in page
    sheet = load_workbook(BytesIO(client.get(reverse("awards:history-organisation-xlsx", args=[hospital.pk]))
                                  .content)).worksheets[0]
    assert sheet["A2"].value == "Tên tập thể: Bệnh viện Đa khoa" and sheet["A3"].value == "Trực thuộc: Sở Y tế A"
    response = client.get(reverse("reports:history-organisation-pdf", args=[hospital.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


@pytest.mark.parametrize("name", ["awards:register-person", "awards:history-person-xlsx",
                                  "reports:history-person-pdf"])
def test_a_person_outside_the_scope_is_404(person, cast, login, name):
    assert login(cast["outsider"]).get(reverse(name, args=[person.pk])).status_code == 404
    # A unit's staff sees its own people only: the health centre's does not see the hospital's.
    assert login(cast["other_staff"]).get(reverse(name, args=[person.pk])).status_code == 404


@pytest.mark.parametrize("name", ["awards:history-organisation-xlsx", "reports:history-organisation-pdf"])
def test_a_unit_outside_the_scope_is_404(tree, cast, login, name):
    assert login(cast["outsider"]).get(reverse(name, args=[tree["A.BV"].pk])).status_code == 404
    assert login(cast["staff"]).get(reverse(name, args=[tree["A.TT"].pk])).status_code == 404


@pytest.mark.parametrize("name", ["awards:history-person-xlsx", "reports:history-person-pdf"])
def test_the_query_count_does_not_grow_with_the_history(person, tree, cast, login, name,
                                                        django_assert_max_num_queries):
    client = login(cast["staff"])
    url = reverse(name, args=[person.pk])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    short = count()
    for year in range(2000, 2020):
        _entry(tree["A"], "LDTT", year, f"{year}/QĐ-BV", date(year + 1, 1, 10), person=person)
    _decision(tree["A"], 99, date(2020, 1, 10), [(person, "GK_SYT_CN", y) for y in range(2010, 2020)])
    assert count() == short
    # Session and user, the memberships (scope), the person with its unit, decision lines, entries.
    with django_assert_max_num_queries(6):
        client.get(url)
