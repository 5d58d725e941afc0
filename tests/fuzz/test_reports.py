"""Summary reports: creating one, editing its prose, issuing it with the registry's number and date
(the PDF is made for real), reopening, attaching the signed copy; the search box and lists. Never a
500, never a change to Sở B's data."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from reports import services
from reports.models import Report
from tests.fuzz import strategies as s
from tests.fuzz.strategies import urls

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

PROSE = ["lead_in", "closing", "recipients"]


def outline_post(report) -> dict:
    """The edit page's outline as the browser posts it (reports.forms.SectionFormSet, prefix "muc")."""
    rows = services.outline_of(report)
    data = {"muc-TOTAL_FORMS": str(len(rows)), "muc-INITIAL_FORMS": str(len(rows)), "muc-MIN_NUM_FORMS": "0",
            "muc-MAX_NUM_FORMS": "200"}
    for i, row in enumerate(rows):
        data.update({f"muc-{i}-ORDER": str(i + 1), f"muc-{i}-heading": row.heading, f"muc-{i}-level": str(row.level),
                     f"muc-{i}-body": row.body, f"muc-{i}-block": row.block})
        if row.bold:
            data[f"muc-{i}-bold"] = "on"
    return data


def test_report_create(hostile, world):
    a, b = world.a, world.b
    hostile.fuzz(world.cast["secretariat"], urls("reports:report-create", world.ids("campaign")),
                 {"organisation": a.root.pk, "period": a["year_period"].pk},
                 {"organisation": s.ids([a.root.pk, a.hospital.pk, a["reporter"].pk], [b.root.pk, b.hospital.pk]),
                  "period": s.ids([a["period"].pk, a["year_period"].pk], [b["period"].pk, b["year_period"].pk])})


def test_report_prose(hostile, world):
    report = world.a["report"]
    base = {name: "" if getattr(report, name) is None else getattr(report, name) for name in services.EDIT_FIELDS}
    base.update(outline_post(report), version=report.version)
    fields = {name: s.text() for name in services.EDIT_FIELDS}
    fields.update({"version": s.whole_number(), "issue_month": s.whole_number(), "issue_year": s.whole_number(),
                   "muc-TOTAL_FORMS": s.whole_number(), "muc-0-ORDER": s.whole_number(), "muc-1-heading": s.text(),
                   "muc-1-level": s.whole_number(), "muc-1-body": s.text(), "muc-2-block": s.text(),
                   "muc-0-brief-0-name": s.text(), "muc-0-brief-0-3": s.text()})
    hostile.fuzz(world.cast["secretariat"], urls("reports:report-update", world.ids("report")), base, fields,
                 keep=("title", "notation", "signer_name"))


def test_report_issue_reopen_signed(hostile, world):
    user = world.cast["leader"]
    hostile.fuzz(user, urls("reports:report-issue", world.ids("report")),
                 {"number": "15", "notation": "BC-SYT", "issue_date": "10/06/2026", "signer_prefix": "KT. GIÁM ĐỐC",
                  "signer_title": "PHÓ GIÁM ĐỐC", "signer_name": "Trần Văn Ký"},
                 {"number": s.whole_number(), "notation": s.text(), "issue_date": s.day(), "signer_prefix": s.text(),
                  "signer_title": s.text(), "signer_name": s.text()}, keep=("notation", "signer_name"))
    hostile.fuzz(user, urls("reports:report-reopen", world.ids("issued_report")), {"reason": "Sửa số liệu"},
                 {"reason": s.text()})
    hostile.fuzz(user, urls("reports:report-signed", world.ids("issued_report")), {}, {"file": s.document()})


def test_hostile_prose_renders(world, client):
    """Prose saved with hostile text (as the form lets it through) still renders as a page and as
    the PDF the registry stores: right-to-left, emoji, zero-width and combining marks, markup,
    very long text."""
    report = world.a["report"]
    client.force_login(world.cast["secretariat"])

    @given(st.fixed_dictionaries({name: s.text(long=False) for name in PROSE}))
    def page(prose):
        from django.db import transaction

        with transaction.atomic():
            Report.objects.filter(pk=report.pk).update(**{k: v.replace("\x00", "") for k, v in prose.items()})
            # The outline's headings and prose, and a briefing row, as hostile as the rest.
            report.sections.update(heading=prose["lead_in"].replace("\x00", "")[:500],
                                   body=prose["closing"].replace("\x00", ""))
            report.sections.filter(order=1).update(block="briefing", data={"rows": [
                {"name": prose["recipients"].replace("\x00", ""), "marks": [True, "x", None]}]})
            response = client.get(reverse("reports:report", args=[report.pk]))
            assert response.status_code == 200
            transaction.set_rollback(True)

    page()
    long_text = "\n".join(s.VIETNAMESE + s.ODD[1:]) * 40
    Report.objects.filter(pk=report.pk).update(lead_in=long_text.replace("\x00", ""))
    report.sections.filter(order=2).update(body="‮ النص\u200b😀")
    response = client.get(reverse("reports:report-pdf", args=[report.pk]))
    assert response.status_code == 200


def test_search_and_lists(hostile, world):
    user = world.cast["staff"]
    hostile.fuzz(user, reverse("search"), {"q": "benh vien"}, {"q": s.text(), "page": s.whole_number()},
                 method="get")
    url = reverse("reports:report-list")
    hostile.fuzz(user, url, {}, {"phong-trao": s.ids(world.ids("campaign"), [])}, method="get")
    hostile.send(user, f"{url}?{urlencode({'phong-trao': '9' * 30})}", method="get")
