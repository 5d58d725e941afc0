"""A report template downloaded before a colleague's save and imported after it (issue 13, item 5 b):
the file carries what it was made from, and the import merges or flags exactly as the grid does."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from indicators import excel, services
from indicators.models import Result, Submission
from indicators.services import CellInput

pytestmark = pytest.mark.django_db

ACTUAL, NOTE = 7, 8


def template(client, plan, org) -> bytes:
    return client.get(reverse("indicators:report-template", args=[plan["period"].pk, org.pk])).content


def filled(content: bytes, plan, *, drop_origin=False, **typed) -> bytes:
    """The template with some cells typed: BHYT="95" or BHYT=("95", "ghi chú")."""
    book = load_workbook(BytesIO(content))
    sheet = book[excel.SHEET]
    rows = {str(sheet.cell(row=r, column=2).value): r for r in range(2, sheet.max_row + 1)}
    for code, value in typed.items():
        text, note = value if isinstance(value, tuple) else (value, None)
        row = rows[str(plan["rows"][code].pk)]
        sheet.cell(row=row, column=ACTUAL, value=text)
        if note is not None:
            sheet.cell(row=row, column=NOTE, value=note)
    if drop_origin:
        del book[excel.ORIGIN_SHEET]
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(client, plan, org, content):
    return client.post(reverse("indicators:report-upload", args=[plan["period"].pk, org.pk]),
                       {"file": SimpleUploadedFile("bao-cao.xlsx", content)}, follow=True)


def stored(plan):
    by_id = {r.indicator_id: (r.actual_text, r.note) for r in Result.objects.all()}
    return {code: by_id.get(row.pk, ("", ""))[0] for code, row in plan["rows"].items()}


def colleague_saves(plan, org, cast, **cells):
    services.save_report(by=cast["head"], period=plan["period"], organisation=org,
                         cells={plan["rows"][code].pk: CellInput(text) for code, text in cells.items()})


def test_the_template_carries_its_report_and_version_in_a_hidden_sheet_of_text(login, plan, tree, cast):
    colleague_saves(plan, tree["A.BV"], cast, BHYT="90")
    book = load_workbook(BytesIO(template(login(cast["staff"]), plan, tree["A.BV"])))
    origin = book[excel.ORIGIN_SHEET]
    assert origin.sheet_state == "hidden" and book.sheetnames[0] == excel.SHEET
    values = {row[0]: row[1] for row in origin.iter_rows(min_row=2, values_only=True)}
    assert values["Phiên bản"] == str(Submission.objects.get().version)
    assert values[str(plan["rows"]["BHYT"].pk)] == "90"
    assert all(isinstance(cell.value, str) for row in origin.iter_rows() for cell in row if cell.value is not None)


def test_a_cell_only_the_colleague_changed_after_the_download_keeps_their_value(login, plan, tree, cast):
    client, org = login(cast["staff"]), tree["A.BV"]
    colleague_saves(plan, org, cast, BHYT="90", SDD="13")
    content = template(client, plan, org)
    colleague_saves(plan, org, cast, BHYT="93", SDD="13")
    response = upload(client, plan, org, filled(content, plan, SDD="12", TYT="4/4"))
    assert response.redirect_chain  # saved: back on the report
    assert stored(plan) == {"BHYT": "93", "SDD": "12", "TYT": "4/4"}
    assert "giữ số liệu họ đã lưu ở 1 ô tệp không sửa: " in response.content.decode()


def test_a_cell_both_changed_differently_is_flagged_with_both_values_and_nothing_is_saved(login, plan, tree, cast):
    client, org = login(cast["staff"]), tree["A.BV"]
    colleague_saves(plan, org, cast, BHYT="90")
    content = template(client, plan, org)
    colleague_saves(plan, org, cast, BHYT="93", TYT="3/4")
    before = Submission.objects.get().version
    response = upload(client, plan, org, filled(content, plan, BHYT="95", SDD="12"))
    page = response.content.decode()
    assert response.status_code == 200 and not response.redirect_chain
    assert "Chưa lưu gì từ tệp" in page and "tệp ghi “95”, đã lưu “93”" in page
    assert stored(plan) == {"BHYT": "93", "SDD": "", "TYT": "3/4"} and Submission.objects.get().version == before
    # The grid shows the file's figures merged with the colleague's: nothing typed in the file is lost.
    assert 'value="95"' in page and 'value="12"' in page and 'value="3/4"' in page
    # Saving that grid (it posts to the report, at the version now stored) overwrites knowingly.
    rows = plan["rows"]
    data = {"action": "save", "version": str(before), f"actual-{rows['BHYT'].pk}": "95",
            f"orig-{rows['BHYT'].pk}": "93", f"actual-{rows['SDD'].pk}": "12", f"actual-{rows['TYT'].pk}": "3/4",
            f"orig-{rows['TYT'].pk}": "3/4"}
    assert f'action="{reverse("indicators:report", args=[plan["period"].pk, org.pk])}"' in page
    assert client.post(reverse("indicators:report", args=[plan["period"].pk, org.pk]), data).status_code == 302
    assert stored(plan) == {"BHYT": "95", "SDD": "12", "TYT": "3/4"}


def test_a_template_without_a_version_flags_every_cell_differing_from_a_stored_value(login, plan, tree, cast):
    client, org = login(cast["staff"]), tree["A.BV"]
    colleague_saves(plan, org, cast, BHYT="90", SDD="13")
    content = filled(template(client, plan, org), plan, drop_origin=True, BHYT="90", SDD="12", TYT="4/4")
    page = upload(client, plan, org, content).content.decode()
    assert "không ghi phiên bản" in page and "tệp ghi “12”, đã lưu “13”" in page
    # Equal to the stored value, or over an empty cell: nothing to flag.
    assert "tệp ghi “90”" not in page and "tệp ghi “4/4”" not in page
    assert stored(plan) == {"BHYT": "90", "SDD": "13", "TYT": ""}


def test_a_template_of_another_unit_is_refused(login, plan, tree, cast):
    other = template(login(cast["secretariat"]), plan, tree["A.TT"])
    client = login(cast["staff"])
    response = upload(client, plan, tree["A.BV"], filled(other, plan, BHYT="95"))
    assert "mẫu báo cáo của đơn vị khác" in response.content.decode()
    assert not Result.objects.exists()


def test_an_unchanged_report_imports_its_own_template_as_typed(login, plan, tree, cast):
    client, org = login(cast["staff"]), tree["A.BV"]
    colleague_saves(plan, org, cast, BHYT="90")
    response = upload(client, plan, org, filled(template(client, plan, org), plan, BHYT="91", SDD="12"))
    assert response.redirect_chain and stored(plan) == {"BHYT": "91", "SDD": "12", "TYT": ""}
