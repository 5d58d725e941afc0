"""Every download and every signed copy names one edition; jobs survive their worker (issue: faults
survived, points 1 and 2). The queue is the dummy backend here: nothing runs until the test runs the
queued task itself, as a worker that is stuck, killed or slow would leave it."""

import io
from datetime import date, timedelta

import pytest
from django.core.files.storage import InMemoryStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from campaigns.models import ReportingPeriod
from common import files
from reports import jobs, services
from reports.models import DocumentJob, ReportFile
from tests.factories import make_campaign
from tests.reports.conftest import complete
from units.access import SYSTEM

pytestmark = pytest.mark.django_db
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}}


@pytest.fixture
def stuck(settings, monkeypatch):
    """Every document is large and the queue holds its tasks until the test runs one."""
    settings.TASKS = DUMMY
    monkeypatch.setattr(jobs, "INLINE_ROWS", 0)


@pytest.fixture
def report(tree):
    campaign = make_campaign(tree["A"], participants=[tree["A.BV"], tree["A.TT"]], status="in_progress")
    period = ReportingPeriod.objects.create(campaign=campaign, kind="year", year=2026, label="Năm 2026")
    return complete(services.create_report(by=SYSTEM, campaign=campaign, organisation=tree["A"], period=period))


def issue(client, report, number):
    return client.post(reverse("reports:report-issue", args=[report.pk]), {
        "number": number, "notation": "BC-SYT", "issue_date": "09/11/2026", "signer_title": "Giám đốc",
        "signer_name": "Nguyễn Văn A"}, follow=True)


def run(job: DocumentJob) -> None:
    """What a worker does with the job's queued task."""
    job.refresh_from_db()
    jobs.render_document.call(job.pk, job.token)


def download(client, report) -> bytes:
    response = client.get(reverse("reports:report-pdf", args=[report.pk]))
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content)


def test_a_reissue_whose_earlier_job_is_stuck_gets_its_own_edition_and_job(
        login, cast, report, stuck, django_capture_on_commit_callbacks):
    client = login(cast["leader"])
    with django_capture_on_commit_callbacks(execute=True):
        page = issue(client, report, 7).content.decode()
    # Not "Đã ban hành báo cáo và lưu bản PDF.": the copy does not exist yet.
    assert "đang được tạo" in page and "lưu bản PDF (phiên bản" not in page
    # Two copies of edition 1 are queued: the one sent for signature and the issued print.
    assert sorted(DocumentJob.objects.values_list("document", flat=True)) == ["report_edition", "report_signing"]
    first = DocumentJob.objects.get(document="report_edition")
    assert first.edition.edition == 1 and first.status == DocumentJob.Status.QUEUED
    # The download names the edition, and it is not made: the user is told, not given another copy.
    response = client.get(reverse("reports:report-pdf", args=[report.pk]))
    assert response.status_code == 302
    signed = SimpleUploadedFile("ban-ky.pdf", b"%PDF-1.4\nsigned\n")
    with pytest.raises(Exception, match="đang được tạo"):
        services.attach_signed(by=cast["leader"], report=report, upload=signed)

    with django_capture_on_commit_callbacks(execute=True):
        services.reopen_report(by=cast["leader"], report=report, reason="Sửa số liệu")
        issue(client, report, 8)
    first.refresh_from_db()
    second = DocumentJob.objects.get(document="report_edition", edition__edition=2)
    assert first.status == DocumentJob.Status.FAILED and "mở lại" in first.error
    assert second.edition.edition == 2 and second.edition_id != first.edition_id
    run(first)   # the stuck worker wakes up: the edition it was for is no longer wanted
    assert not ReportFile.objects.get(pk=first.edition_id).is_made
    run(second)
    second.refresh_from_db()
    assert second.status == DocumentJob.Status.DONE
    edition = ReportFile.objects.get(pk=second.edition_id)
    assert edition.is_made and len(edition.sha256) == 64
    assert download(client, report) == edition.file.open("rb").read()
    stored = services.attach_signed(by=cast["leader"], report=report,
                                    upload=SimpleUploadedFile("ban-ky.pdf", b"%PDF-1.4\nsigned\n"))
    assert stored.edition == 2


def test_a_job_whose_worker_died_is_run_again_then_failed_with_a_reason_and_retried(
        login, cast, report, stuck, monkeypatch, django_capture_on_commit_callbacks):
    client = login(cast["secretariat"])
    response = client.get(reverse("reports:report-pdf", args=[report.pk]))
    job = DocumentJob.objects.get()
    assert response["Location"] == job.get_absolute_url()
    later = timezone.now()
    for attempt in range(1, jobs.MAX_ATTEMPTS + 1):
        job.refresh_from_db()
        assert jobs._claim(job.pk, job.token)   # a worker takes it at 2 % … and is killed
        later += timedelta(seconds=jobs.LEASE_SECONDS + 1)
        monkeypatch.setattr(jobs, "_now", lambda at=later: at)
        with django_capture_on_commit_callbacks(execute=True):
            page = client.get(job.get_absolute_url()).content.decode()   # the page polls
        job.refresh_from_db()
        assert job.attempts == attempt
    assert job.status == DocumentJob.Status.FAILED
    assert "dừng giữa chừng" in job.error and "Đã thử 3 lần" in job.error
    assert "Thử lại" in page and "dừng giữa chừng" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:job-retry", args=[job.pk]))
    fresh = DocumentJob.objects.exclude(pk=job.pk).get()
    assert response["Location"] == fresh.get_absolute_url()
    monkeypatch.setattr(jobs, "_now", timezone.now)
    run(fresh)
    fresh.refresh_from_db()
    assert fresh.status == DocumentJob.Status.DONE
    assert b"".join(client.get(reverse("reports:job-file", args=[fresh.pk])).streaming_content).startswith(b"%PDF")


def test_a_worker_taken_for_dead_cannot_overwrite_the_run_that_replaced_it(
        cast, report, stuck, monkeypatch, django_capture_on_commit_callbacks):
    job = jobs.start(document="report", obj=report, title="Báo cáo", by=cast["secretariat"])
    old_token = job.token
    assert jobs._claim(job.pk, old_token)
    monkeypatch.setattr(jobs, "_now", lambda: timezone.now() + timedelta(seconds=jobs.LEASE_SECONDS + 1))
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs.recover(job_ids=[job.pk]) == 1
    monkeypatch.setattr(jobs, "_now", timezone.now)
    run(job)   # the replacement run
    job.refresh_from_db()
    made = job.file.name
    jobs._render(job, old_token)   # the slow original finishes afterwards
    job.refresh_from_db()
    assert job.status == DocumentJob.Status.DONE and job.file.name == made


class FullDisk(InMemoryStorage):
    """A storage that writes part of a file, then finds the disk full."""

    def _save(self, name, content):
        content.seek(0)
        super()._save(name, SimpleUploadedFile("part", content.read(100)))
        raise OSError(28, "No space left on device")


def test_a_full_disk_fails_the_job_with_its_reason_and_leaves_no_partial_file(
        cast, report, stuck, settings, fresh_storage, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.issue_report(by=cast["leader"], report=report, number=7, notation="BC-SYT",
                              issue_date=date(2026, 11, 9), signer_title="Giám đốc", signer_name="A")
    job = DocumentJob.objects.get(document="report_edition")
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": f"{__name__}.FullDisk"}}
    with pytest.raises(files.StorageFailed):
        run(job)
    job.refresh_from_db()
    assert job.status == DocumentJob.Status.FAILED and job.error == files.STORAGE_FAILED
    assert list(files.walk(files.default_storage())) == []
    assert not ReportFile.objects.get(pk=job.edition_id).is_made
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    with django_capture_on_commit_callbacks(execute=True):
        services.remake_edition(by=cast["leader"], report=report)
    # Only the copy that failed is made again; the copy for signature still waits for its own job.
    run(DocumentJob.objects.exclude(pk=job.pk).get(document="report_edition"))
    assert ReportFile.objects.get(pk=job.edition_id).is_made


def test_verify_files_finds_missing_and_altered_files(cast, report, fresh_storage):
    issued = services.issue_report(by=cast["leader"], report=report, number=7, notation="BC-SYT",
                                   issue_date=date(2026, 11, 9), signer_title="Giám đốc", signer_name="A")
    call_command("verify_files", stdout=(out := io.StringIO()))
    assert "2 tệp nguyên vẹn, 0 thiếu, 0 bị đổi" in out.getvalue()   # the copy for signature, the issued print
    edition = issued.files.get(kind=ReportFile.Kind.ISSUED)
    storage = files.default_storage()
    name = edition.file.name
    storage.delete(name)
    storage.save(name, SimpleUploadedFile("x", b"%PDF-1.4 doctored"))
    with pytest.raises(Exception, match="thiếu hoặc bị thay đổi"):
        call_command("verify_files", stdout=(out := io.StringIO()))
    assert "BỊ ĐỔI" in out.getvalue()
    storage.delete(name)
    with pytest.raises(Exception, match="thiếu hoặc bị thay đổi"):
        call_command("verify_files", stdout=(out := io.StringIO()))
    assert "THIẾU" in out.getvalue()


def test_a_job_its_worker_knows_it_lost_is_queued_again_at_once(cast, report, stuck,
                                                                 django_capture_on_commit_callbacks):
    job = jobs.start(document="report", obj=report, title="Báo cáo", by=cast["secretariat"])
    DocumentJob.objects.filter(pk=job.pk).update(task_id="lost-task")
    job.refresh_from_db()
    assert jobs._claim(job.pk, job.token)   # the lease is still good for two minutes
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs.recover_interrupted(["lost-task"]) == 1
    job.refresh_from_db()
    assert job.status == DocumentJob.Status.QUEUED and job.token and job.attempts == 1
    run(job)
    job.refresh_from_db()
    assert job.status == DocumentJob.Status.DONE
