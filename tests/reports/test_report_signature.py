"""Issue 13, item 3, for summary reports: trình ký freezes the figures and the prose as edition N
(PDF with the number and date blank, SHA-256); recording the issue stores the registry's number and
date beside it with an issued print made from the same frozen content, never from the data as it
reads now; a reopen with a reason makes the next trình ký edition N+1 and edition N stays."""

import hashlib
import re
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from campaigns.models import ReportingPeriod
from indicators import services as indicator_services
from indicators.services import CellInput
from reports import jobs, selectors, services
from reports.models import DocumentJob, Report, ReportFile
from tests.factories import make_campaign
from tests.reports.conftest import complete, frozen_body, page_texts, write
from tests.reports.test_partial_reporting import SENT_ON, scenario, whole_report  # noqa: F401 (a fixture)
from units.access import SYSTEM

pytestmark = pytest.mark.django_db
FROZEN = "Báo cáo lập khi 1/3 đơn vị đã gửi số liệu."
LATER = "Báo cáo lập khi 2/3 đơn vị đã gửi số liệu."
ISSUE = {"number": "45", "notation": "BC-SYT", "issue_date": "10/06/2026", "signer_title": "Giám đốc",
         "signer_name": "Nguyễn Văn An"}


def text(data: bytes, tmp_path) -> str:
    return " ".join(" ".join(page_texts(data, tmp_path)).split())


def read(row: ReportFile) -> bytes:
    row.refresh_from_db()
    with row.file.open("rb") as handle:
        return handle.read()


def download(client, report) -> bytes:
    response = client.get(reverse("reports:report-pdf", args=[report.pk]))
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content)


def another_unit_sends(scenario, cast, tree):  # noqa: F811
    indicator_services.save_and_submit_report(
        by=cast["other_staff"], period=scenario["period"], organisation=tree["A.TT"], today=SENT_ON,
        cells={scenario["rows"]["TYT"].pk: CellInput(actual_text="3")})


def test_trinh_ky_freezes_and_the_issued_print_shows_the_frozen_figures(
        scenario, cast, tree, login, tmp_path, fresh_storage):  # noqa: F811
    report = whole_report(scenario, cast)
    client = login(cast["leader"])
    send = reverse("reports:report-send", args=[report.pk])
    # The incomplete period is agreed to when the content is frozen: at trình ký.
    refused = client.post(send, {})
    assert refused.status_code == 200 and "đánh dấu ô này nếu vẫn trình ký" in refused.content.decode()
    assert Report.objects.get(pk=report.pk).status == Report.Status.DRAFT
    client.post(send, {"trinh-ky-confirm_incomplete": "on"})
    report = Report.objects.get(pk=report.pk)
    assert report.is_sent and report.snapshot["coverage"] == FROZEN
    signing = report.files.get(kind=ReportFile.Kind.GENERATED)
    signed_bytes = read(signing)
    assert signing.edition == 1 and signing.sha256 == hashlib.sha256(signed_bytes).hexdigest()
    printed = text(signed_bytes, tmp_path)
    assert "Số: /BC-SYT" in printed and re.search(r"ngày tháng \d+ năm 2026", printed) and FROZEN in printed
    assert download(client, report) == signed_bytes
    # Locked: edits need a reopen with a reason.
    with pytest.raises(ValidationError, match="đã trình ký"):
        services.save_report(by=cast["leader"], report=report, data={"title": "Khác"}, version=report.version)
    assert client.get(reverse("reports:report-update", args=[report.pk])).status_code == 302

    another_unit_sends(scenario, cast, tree)
    assert selectors.report_figures(report, SENT_ON)["coverage"] == LATER   # the live data did change
    page = client.get(report.get_absolute_url()).content.decode()
    assert FROZEN in page and LATER not in page and "Ghi nhận ban hành" in page
    assert "Kỳ báo cáo chưa đủ số liệu" not in page   # agreed to at trình ký, not asked again

    client.post(reverse("reports:report-issue", args=[report.pk]), ISSUE)
    report = Report.objects.get(pk=report.pk)
    assert report.is_issued and report.number == 45
    assert read(signing) == signed_bytes and signing.sha256 == hashlib.sha256(signed_bytes).hexdigest()
    issued = report.files.get(kind=ReportFile.Kind.ISSUED)
    assert (issued.edition, issued.registry_number, issued.registry_notation, issued.issue_date) == (
        1, 45, "BC-SYT", date(2026, 6, 10))
    issued_bytes = read(issued)
    assert issued.sha256 == hashlib.sha256(issued_bytes).hexdigest() and issued_bytes != signed_bytes
    printed = text(issued_bytes, tmp_path)
    assert "Số: 45/BC-SYT" in printed and "ngày 10 tháng 6 năm 2026" in printed
    assert FROZEN in printed and LATER not in printed
    assert download(client, report) == issued_bytes
    page = client.get(report.get_absolute_url()).content.decode()
    assert issued.sha256 in page and signing.sha256 in page and "Số 45/BC-SYT" in page


@pytest.fixture
def report(tree):
    campaign = make_campaign(tree["A"], participants=[tree["A.BV"], tree["A.TT"]], status="in_progress")
    period = ReportingPeriod.objects.create(campaign=campaign, kind="year", year=2026, label="Năm 2026")
    return complete(services.create_report(by=SYSTEM, campaign=campaign, organisation=tree["A"], period=period))


def issue(report, cast, number=7):
    return services.issue_report(by=cast["leader"], report=Report.objects.get(pk=report.pk), number=number,
                                 notation="BC-SYT", issue_date=date(2026, 11, 9), signer_title="Giám đốc",
                                 signer_name="Nguyễn Văn A")


def test_the_one_step_issue_sends_for_signature_and_issues_in_one_transaction(
        report, cast, tmp_path, settings, fresh_storage):
    settings.APP_TODAY = date(2026, 11, 10)
    with pytest.raises(ValidationError):
        services.issue_report(by=cast["leader"], report=report, number=7, notation="BC-SYT",
                              issue_date=date(2026, 12, 1), signer_title="Giám đốc", signer_name="A")
    assert Report.objects.get(pk=report.pk).status == Report.Status.DRAFT and not report.files.exists()
    issued = issue(report, cast)
    assert issued.is_issued and frozen_body(issued, "V.") == "Đôn đốc các đơn vị."
    rows = {row.kind: row for row in issued.files.all()}
    assert set(rows) == {"generated", "issued"} and rows["generated"].edition == rows["issued"].edition == 1
    assert "Số: /BC-SYT" in text(read(rows["generated"]), tmp_path)
    assert "Số: 07/BC-SYT" in text(read(rows["issued"]), tmp_path)
    changes = [c["label"] for e in issued.events.all() for c in e.changes]
    assert "Trình ký" in changes and "Bản ban hành (đã điền số, ngày)" in changes


def test_a_reopen_with_a_reason_makes_edition_2_and_edition_1_stays(report, cast, login, settings, fresh_storage):
    settings.APP_TODAY = date(2026, 11, 10)
    issue(report, cast)
    first = {row.kind: (row.pk, row.sha256, read(row)) for row in report.files.all()}
    with pytest.raises(ValidationError, match="lý do"):
        services.reopen_report(by=cast["leader"], report=report, reason=" ")
    services.reopen_report(by=cast["leader"], report=report, reason="Bổ sung số liệu của Trung tâm")
    draft = Report.objects.get(pk=report.pk)
    assert draft.status == Report.Status.DRAFT and draft.snapshot is None
    write(draft, {"V.": "Nhiệm vụ mới."}, by=cast["leader"])
    sent = services.send_report_for_signature(by=cast["leader"], report=draft)
    assert sent.is_sent and frozen_body(sent, "V.") == "Nhiệm vụ mới."
    assert services.latest_edition(sent).edition == 2
    # Edition 1 is as it was, with why it was reopened.
    for row in ReportFile.objects.filter(report=report, edition=1):
        assert (row.pk, row.sha256, read(row)) == first[row.kind]
    assert ReportFile.objects.get(report=report, edition=1, kind="generated").closed_reason == \
        "Bổ sung số liệu của Trung tâm"
    # Reopened again before its issue: trình ký makes edition 3; edition 2 is never issued.
    services.reopen_report(by=cast["leader"], report=sent, reason="Sửa lời văn")
    services.send_report_for_signature(by=cast["leader"], report=sent)
    final = issue(report, cast, number=8)
    assert sorted(final.files.values_list("kind", "edition")) == [
        ("generated", 1), ("generated", 2), ("generated", 3), ("issued", 1), ("issued", 3)]
    editions = selectors.report_editions(final)
    assert [e["number"] for e in editions] == [3, 2, 1]
    assert [a.reason for a in editions[2]["amendments"]] == ["Bổ sung số liệu của Trung tâm"]
    assert [a.reason for a in editions[1]["amendments"]] == ["Sửa lời văn"]
    page = login(cast["leader"]).get(final.get_absolute_url()).content.decode()
    assert "Phiên bản 3" in page and "Phiên bản 1" in page and "Mở lại: Bổ sung số liệu của Trung tâm" in page
    assert "Số 08/BC-SYT" in page and "Số 07/BC-SYT" in page


def test_the_signed_scan_attaches_to_the_edition_it_signs(report, cast, settings, fresh_storage):
    settings.APP_TODAY = date(2026, 11, 10)
    sent = services.send_report_for_signature(by=cast["leader"], report=report)
    with pytest.raises(ValidationError, match="đã ban hành"):
        services.attach_signed(by=cast["leader"], report=sent, upload=SimpleUploadedFile("k.pdf", b"%PDF-1.4\n"))
    issue(report, cast)
    services.reopen_report(by=cast["leader"], report=report, reason="Sai tên đơn vị")
    issue(report, cast, number=9)
    scan = services.attach_signed(by=cast["leader"], report=Report.objects.get(pk=report.pk),
                                  upload=SimpleUploadedFile("ban-ky.pdf", b"%PDF-1.4\nsigned\n"))
    assert scan.kind == ReportFile.Kind.SIGNED and scan.edition == 2
    assert selectors.report_editions(Report.objects.get(pk=report.pk))[0]["signed"] == scan


def test_a_large_report_is_frozen_through_the_worker(
        scenario, cast, tree, monkeypatch, tmp_path, django_capture_on_commit_callbacks):  # noqa: F811
    monkeypatch.setattr(jobs, "INLINE_ROWS", 0)
    report = whole_report(scenario, cast)
    with django_capture_on_commit_callbacks(execute=True):
        services.send_report_for_signature(by=cast["leader"], report=report)
    job = DocumentJob.objects.get(document="report_signing")
    assert job.status == DocumentJob.Status.DONE and job.edition.kind == ReportFile.Kind.GENERATED
    signing = ReportFile.objects.get(pk=job.edition_id)
    signed_bytes = read(signing)
    assert FROZEN in text(signed_bytes, tmp_path)
    another_unit_sends(scenario, cast, tree)
    with django_capture_on_commit_callbacks(execute=True):
        services.issue_report(by=cast["leader"], report=report, number=45, notation="BC-SYT",
                              issue_date=SENT_ON, signer_title="Giám đốc", signer_name="A")
    printed = DocumentJob.objects.get(document="report_edition")
    assert printed.status == DocumentJob.Status.DONE and printed.edition.kind == ReportFile.Kind.ISSUED
    issued_text = text(read(ReportFile.objects.get(pk=printed.edition_id)), tmp_path)
    assert "Số: 45/BC-SYT" in issued_text and FROZEN in issued_text and LATER not in issued_text
    assert read(signing) == signed_bytes
