"""The statistics mode in the award workbooks (issue 16): an optional column, so files made from the
older templates still import; written the way people write it; a wrong one names its row."""

from io import BytesIO

import pytest
from openpyxl import Workbook

from awards import excel, services
from awards.models import RegisterEntry

pytestmark = pytest.mark.django_db


def _book(sheet_title: str, headers: list[str], rows: list[list]) -> BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    book.save(buffer)
    return BytesIO(buffer.getvalue())


def test_the_register_file_reads_the_mode_and_an_older_file_still_imports(plan, types, cast, tree):
    person = plan["people"]["an"]
    people = {person.employee_code.upper(): person}
    base = [person.employee_code, "", "BK_TINH_CN", "2025", "Chủ tịch UBND tỉnh", "12/QĐ-UBND", "05/01/2026", ""]
    rows, errors = excel.read_register(
        _book(excel.REGISTER_SHEET, [*excel.REGISTER_HEADERS, excel.MODE],
              [[*base, "đột xuất"], [*base[:5], "13/QĐ-UBND", *base[6:], "Khang chien"],
               [*base[:5], "14/QĐ", *base[6:], "theo"]]),
        people=people, organisations={}, types=types)
    # A file with an error saves nothing (the view refuses it whole); the rows read are these.
    assert [r.mode for r in rows[:2]] == ["sudden", "resistance"]
    assert [(e.row, e.column) for e in errors] == [(4, excel.MODE)]
    made = services.import_register(by=cast["secretariat"], owner=tree["A"], rows=rows[:2])
    assert [e.mode for e in made] == ["sudden", "resistance"]
    # A file from the template before the column: every row "thường xuyên".
    old_rows, old_errors = excel.read_register(_book(excel.REGISTER_SHEET, excel.REGISTER_HEADERS, [base]),
                                               people=people, organisations={}, types=types)
    assert old_errors == [] and old_rows[0].mode == ""
    entry = services.import_register(by=cast["secretariat"], owner=tree["A"],
                                     rows=[old_rows[0].__class__(**{**old_rows[0].__dict__, "reference": "15/QĐ"})])
    assert RegisterEntry.objects.get(pk=entry[0].pk).mode == "regular"


def test_the_nomination_list_reads_the_mode_or_takes_the_campaigns(proposal, plan, types):
    person = plan["people"]["an"]
    rows, errors = excel.read_list(
        _book(excel.LIST_SHEET, [*excel.LIST_HEADERS, excel.MODE],
              [["1", person.employee_code, "", "", "GK_SYT_CN", "2026", "", "Chống dịch", "Đột xuất"],
               ["2", person.employee_code, "", "", "LDTT", "2026", "", "", ""]]),
        people={person.employee_code.upper(): person}, organisations={}, types=types, programmes={},
        default_year=2026)
    assert errors == [] and [r.mode for r in rows] == ["sudden", ""]
    assert excel.MODE in [c.value for c in next(iter(
        __import__("openpyxl").load_workbook(BytesIO(excel.list_template(proposal, list(types.values()))))
        [excel.LIST_SHEET].iter_rows(max_row=1)))]
