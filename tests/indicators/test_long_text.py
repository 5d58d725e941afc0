"""Text longer than a report's field holds is refused beside the field and kept as typed, never
cut (issue 13, item 5 d): the narrative (once cut at 20.000), a figure, an Excel figure and note."""

from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from indicators import excel, services
from indicators.models import Result, Submission
from indicators.services import CellInput

pytestmark = pytest.mark.django_db


def report_url(plan, org):
    return reverse("indicators:report", args=[plan["period"].pk, org.pk])


def test_a_25000_character_narrative_is_refused_beside_its_field_and_kept_whole(login, plan, tree, cast):
    story = "Đã triển khai tiêm chủng mở rộng. " * 735  # 24.990 characters
    story += "x" * (25_000 - len(story))
    response = login(cast["staff"]).post(report_url(plan, tree["A.BV"]), {
        "action": "save", "version": "1", f"actual-{plan['rows']['BHYT'].pk}": "92", "narrative_done": story,
        "narrative_proposals": "Đề xuất ngắn"})
    content = response.content.decode()
    assert response.status_code == 200
    assert 'id="error-narrative_done">Tối đa 20.000 ký tự (đã nhập 25.000).' in content
    assert story in content and "Đề xuất ngắn" in content and 'value="92"' in content
    assert not Submission.objects.filter(narrative_done__gt="").exists() and not Result.objects.exists()


def test_the_service_refuses_an_over_long_narrative_rather_than_store_it_cut(plan, tree, cast):
    with pytest.raises(ValidationError) as raised:
        services.save_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"], cells={},
                             narrative={"narrative_done": "a" * 20_001})
    assert raised.value.message_dict == {"narrative_done": ["Tối đa 20.000 ký tự (đã nhập 20.001)."]}


def test_a_narrative_of_exactly_the_limit_is_saved_whole(login, plan, tree, cast):
    response = login(cast["staff"]).post(report_url(plan, tree["A.BV"]), {
        "action": "save", "version": "1", "narrative_done": "b" * 20_000})
    assert response.status_code == 302 and len(Submission.objects.get().narrative_done) == 20_000


def test_a_figure_longer_than_its_cell_is_refused_not_cut(plan, tree, cast):
    with pytest.raises(services.GridErrors) as raised:
        services.save_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"],
                             cells={plan["rows"]["TYT"].pk: CellInput("12/12 " + "trạm " * 30)})
    assert "Tối đa 100 ký tự (đã nhập 155)." in raised.value.cells[plan["rows"]["TYT"].pk]
    assert not Result.objects.exists()


def test_an_excel_figure_or_note_too_long_is_reported_by_row_and_column(login, plan, tree, cast):
    client = login(cast["staff"])
    args = [plan["period"].pk, tree["A.BV"].pk]
    book = load_workbook(BytesIO(client.get(reverse("indicators:report-template", args=args)).content))
    sheet = book[excel.SHEET]
    sheet.cell(row=2, column=7, value="9" * 101)
    sheet.cell(row=3, column=7, value="12")
    sheet.cell(row=3, column=8, value="n" * 600)
    buffer = BytesIO()
    book.save(buffer)
    content = client.post(reverse("indicators:report-upload", args=args),
                          {"file": SimpleUploadedFile("bao-cao.xlsx", buffer.getvalue())}).content.decode()
    assert "<td>2</td><td>Thực hiện</td><td>Tối đa 100 ký tự (đã nhập 101).</td>" in content
    assert "<td>3</td><td>Ghi chú</td><td>Tối đa 500 ký tự (đã nhập 600).</td>" in content
    assert not Result.objects.exists()
