"""A report template keeps the notes a unit typed as text through download and upload, even
those that look like formulas (security issue, point 2)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from indicators import services
from indicators.models import Result
from indicators.services import CellInput
from tests.common.test_xlsx_text_cells import assert_no_formula

pytestmark = pytest.mark.django_db


def test_notes_typed_by_a_unit_go_through_the_template_and_back_unchanged(login, plan, tree, cast):
    """Unit staff type a note that looks like a formula; the template they download and upload
    again without a change keeps every note as typed."""
    notes = {"BHYT": '=HYPERLINK("http://x","y")', "SDD": "- Như trên;", "TYT": "+ Không xảy ra…"}
    period, org = plan["period"], tree["A.BV"]
    services.save_report(by=cast["staff"], period=period, organisation=org, cells={
        plan["rows"]["BHYT"].pk: CellInput("91", note=notes["BHYT"]),
        plan["rows"]["SDD"].pk: CellInput("< 14", note=notes["SDD"]),
        plan["rows"]["TYT"].pk: CellInput("12/12", note=notes["TYT"]),
    })
    client = login(cast["staff"])
    content = client.get(reverse("indicators:report-template", args=[period.pk, org.pk])).content
    assert_no_formula(content)
    response = client.post(reverse("indicators:report-upload", args=[period.pk, org.pk]),
                           {"file": SimpleUploadedFile("bao-cao.xlsx", content)})
    assert response.status_code == 302
    saved = {r.indicator.definition.code: (r.actual_text, r.note)
             for r in Result.objects.select_related("indicator__definition")}
    assert saved == {"BHYT": ("91", notes["BHYT"]), "SDD": ("< 14", notes["SDD"]), "TYT": ("12/12", notes["TYT"])}
