"""Text typed by people is written to every .xlsx as text, never as a formula, and reads back as
typed; figures and dates stay numbers (security issue, point 2)."""

import re
import zipfile
from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from common import xlsx

LOOKS_LIKE_A_FORMULA = [
    '=HYPERLINK("http://x","y")',
    "=1+1",
    "+ Không xảy ra dịch bệnh lớn",
    "- Như trên;",
    "@SUM(A1)",
    "#N/A",
    "=",
]


def sheet_xml(content: bytes) -> str:
    with zipfile.ZipFile(BytesIO(content)) as archive:
        return "".join(archive.read(name).decode() for name in archive.namelist()
                       if name.startswith("xl/worksheets/"))


def assert_no_formula(content: bytes) -> None:
    book = load_workbook(BytesIO(content))
    formulas = [cell.coordinate for ws in book.worksheets for row in ws.iter_rows() for cell in row
                if cell.data_type == "f"]
    assert formulas == []
    assert not re.search(r"<f[\s>/]", sheet_xml(content))


@pytest.mark.parametrize("text", LOOKS_LIKE_A_FORMULA)
def test_text_that_looks_like_a_formula_is_written_as_text_and_reads_back_as_typed(text):
    content = xlsx.write_workbook([xlsx.Sheet("Báo cáo", ["STT", text], [[1, text]], heading=[text])])
    assert_no_formula(content)
    cells = {cell.coordinate: cell for row in load_workbook(BytesIO(content))["Báo cáo"].iter_rows() for cell in row}
    assert cells["A1"].value == text          # the heading line
    assert cells["B3"].value == text          # a header
    assert cells["B4"].value == text          # a cell
    assert {cells[c].data_type for c in ("A1", "B3", "B4")} == {"s"}
    # What the importers read (read-only, cached values only) is the same text.
    rows = xlsx.read_sheet(BytesIO(xlsx.write_workbook([xlsx.Sheet("Báo cáo", ["STT", "Ghi chú"], [[1, text]])])),
                           "Báo cáo", ["STT", "Ghi chú"])
    assert rows == [(2, {"STT": 1, "Ghi chú": text})]


def test_text_that_excel_would_take_for_a_formula_keeps_the_text_prefix_style():
    content = xlsx.write_workbook([xlsx.Sheet("Báo cáo", ["Ghi chú"], [["=1+1"], ["- Như trên;"], ["Như trên"]])])
    sheet = load_workbook(BytesIO(content))["Báo cáo"]
    # Excel shows no apostrophe, but editing the cell keeps text.
    assert [sheet.cell(row=r, column=1).quotePrefix for r in (2, 3, 4)] == [True, True, False]


def test_figures_and_dates_stay_numbers_and_dates():
    content = xlsx.write_workbook([xlsx.Sheet("Số liệu", ["Số", "Nguyên", "Ngày"],
                                              [[Decimal("11.88"), 580000, date(2026, 6, 20)]])])
    sheet = load_workbook(BytesIO(content))["Số liệu"]
    number, whole, day = (sheet.cell(row=2, column=c) for c in (1, 2, 3))
    assert (number.data_type, number.value, number.number_format) == ("n", 11.88, "#,##0.00")
    assert (whole.data_type, whole.value) == ("n", 580000)
    assert day.is_date and day.value.date() == date(2026, 6, 20) and day.number_format == xlsx.DATE_FORMAT


@pytest.mark.django_db
def test_units_exported_with_formula_like_text_import_back_unchanged(login, tree, cast):
    from tests.factories import make_person
    from units import services
    from units.models import Organisation

    Organisation.objects.filter(pk=tree["A.BV"].pk).update(address="=1+1")
    make_person(tree["A.BV"], "Nguyễn Văn Đức", "NV1", position="- Trưởng khoa;")
    response = login(cast["secretariat"]).get(reverse("units:export"), {"root": tree["A"].pk})
    assert_no_formula(response.content)
    result = services.import_workbook(by=cast["secretariat"], root=tree["A"], file=BytesIO(response.content))
    assert result.errors == []
    assert (result.updated_units, result.updated_people) == (0, 0)
    assert Organisation.objects.get(pk=tree["A.BV"].pk).address == "=1+1"
