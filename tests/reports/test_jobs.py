"""Large documents go to the background worker: the user follows the job's progress and gets the
file on its page; nobody else can see the job."""

from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from campaigns.models import ReportingPeriod
from reports import jobs, services
from reports.models import DocumentJob, Report
from tests.factories import make_campaign
from tests.reports.conftest import complete
from units.access import SYSTEM

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(tree):
    campaign = make_campaign(tree["A"], participants=[tree["A.BV"], tree["A.TT"]], status="in_progress")
    period = ReportingPeriod.objects.create(campaign=campaign, kind="year", year=2026, label="Năm 2026")
    return services.create_report(by=SYSTEM, campaign=campaign, organisation=tree["A"], period=period)


def test_a_large_report_is_rendered_by_the_worker_and_offered_on_its_page(login, cast, report, monkeypatch):
    monkeypatch.setattr(jobs, "INLINE_ROWS", 0)   # every document counts as large
    client = login(cast["secretariat"])
    response = client.get(reverse("reports:report-pdf", args=[report.pk]))
    job = DocumentJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert job.status == DocumentJob.Status.DONE and job.progress == 100   # the test backend runs it at once
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Đã tạo xong" in page and reverse("reports:job-file", args=[job.pk]) in page
    data = b"".join(client.get(reverse("reports:job-file", args=[job.pk])).streaming_content)
    assert data.startswith(b"%PDF")
    other = login(cast["outsider"])
    assert other.get(job.get_absolute_url()).status_code == 404
    assert other.get(reverse("reports:job-file", args=[job.pk])).status_code == 404


def test_a_large_report_being_issued_keeps_its_edition_from_the_worker(cast, report, monkeypatch,
                                                                      django_capture_on_commit_callbacks):
    monkeypatch.setattr(jobs, "INLINE_ROWS", 0)
    with django_capture_on_commit_callbacks(execute=True):
        issued = services.issue_report(by=cast["leader"], report=complete(report), number=9, notation="BC-SYT",
                                       issue_date=date(2026, 11, 9), signer_title="Giám đốc", signer_name="A")
    assert sorted(issued.files.values_list("kind", "edition")) == [("generated", 1), ("issued", 1)]
    assert DocumentJob.objects.get(document="report_edition").status == DocumentJob.Status.DONE
    assert DocumentJob.objects.get(document="report_signing").status == DocumentJob.Status.DONE


@pytest.mark.django_db(transaction=True)
def test_the_database_queue_and_its_worker_render_the_document(tree, settings, monkeypatch):
    """The real queue on PostgreSQL: enqueued in one transaction, picked up by `db_worker`."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    campaign = make_campaign(tree["A"], participants=[tree["A.BV"]], status="in_progress")
    period = ReportingPeriod.objects.create(campaign=campaign, kind="year", year=2026, label="Năm 2026")
    report = services.create_report(by=SYSTEM, campaign=campaign, organisation=tree["A"], period=period)
    job = jobs.start(document="report", obj=Report.objects.get(pk=report.pk), title="Báo cáo", by=SYSTEM)
    assert DocumentJob.objects.get(pk=job.pk).status == DocumentJob.Status.QUEUED
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    job.refresh_from_db()
    assert job.status == DocumentJob.Status.DONE and job.file.read().startswith(b"%PDF")
