"""Documents too large to render within a request go to the background worker (django-tasks with
its database queue; `make run` starts `manage.py run_worker`). The job row carries the progress the page
shows; WeasyPrint's own progress log drives it. `manage.py run_worker` runs the queue.

A document is "large" by an estimate of its table rows, counted cheaply before anything is built.

Jobs survive their worker. The queue library has no retries and leaves a killed run's row as
running for ever, so the job keeps its own lease, renewed while it runs; `recover` finds jobs whose
lease ran out (or whose queued task ended without them) and queues them again, at most
MAX_ATTEMPTS times, then shows them as failed with the reason. It runs wherever it surely will:
when a worker starts, when the job's page polls, when someone asks for the document again. Each
queued task carries the job's token; a task whose token was replaced leaves the job alone, so a
worker taken for dead that wakes up cannot overwrite the run that replaced it.
"""

from __future__ import annotations

import logging
import re
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone
from django_tasks import task

from awards.models import Decision
from common import clock, files
from reports import pdf, selectors
from reports.models import DocumentJob, Report, ReportFile
from units import access

# Rows (table lines, certificate pages × 4) above which a document is rendered in the background:
# about 8 pages, ~2 s of WeasyPrint on this kind of machine (tech.md §4).
INLINE_ROWS = settings.REPORTS_INLINE_ROWS
ROWS_PER_PAGE = 25
# A running job renews its lease every HEARTBEAT seconds; one not renewed for LEASE seconds has lost
# its worker. Generous: a 15-page report renders in ~2 s, a country's in well under a minute.
LEASE_SECONDS = settings.REPORTS_JOB_LEASE_SECONDS
HEARTBEAT_SECONDS = max(1, LEASE_SECONDS // 8)
MAX_ATTEMPTS = 3
ACTIVE = (DocumentJob.Status.QUEUED, DocumentJob.Status.RUNNING)


@dataclass(frozen=True)
class Builder:
    load: Callable[[int], object]                 # object id → the object (already access-checked by the view)
    build: Callable[[object, object], selectors.Document]
    estimate: Callable[[object], int]
    keep: Callable[[DocumentJob, bytes], None] | None = None   # store the result as the job's edition


def _report_rows(report: Report) -> int:
    indicators = report.campaign.indicators.count()
    units = report.campaign.participations.count() if selectors.is_whole_campaign(report) else 0
    return indicators * 2 + units     # the indicators print twice: section II and appendix I


def _lines(decision: Decision) -> int:
    return decision.lines.count()


BUILDERS: dict[str, Builder] = {
    "report": Builder(lambda pk: Report.objects.select_related("campaign__issuer", "organisation", "period").get(pk=pk),
                      selectors.report_document, _report_rows),
    # The stored copies of a large report's edition, both from its frozen content (never live
    # data): the copy sent for signature, number and date blank; the issued print, filled in.
    "report_signing": Builder(
        lambda pk: Report.objects.select_related("campaign__issuer", "organisation", "period").get(pk=pk),
        lambda report, today: selectors.report_document(report, today, signing=True), _report_rows,
        keep=lambda job, data: _keep_edition(job, data)),
    "report_edition": Builder(
        lambda pk: Report.objects.select_related("campaign__issuer", "organisation", "period").get(pk=pk),
        selectors.report_document, _report_rows, keep=lambda job, data: _keep_edition(job, data)),
    "decision": Builder(lambda pk: Decision.objects.select_related("issuer", "campaign").get(pk=pk),
                        selectors.decision_document, _lines),
    "certificates": Builder(lambda pk: Decision.objects.select_related("issuer", "campaign").get(pk=pk),
                            selectors.certificates_document, lambda d: _lines(d) * 4),
}


def _keep_edition(job: DocumentJob, data: bytes) -> None:
    from reports import services

    # A job the system queued (or whose user is gone) names no one: the system keeps its edition.
    services.fill_edition(job.edition, data, by=job.created_by or access.SYSTEM)


def is_large(document: str, obj) -> bool:
    return BUILDERS[document].estimate(obj) > INLINE_ROWS


def _now():
    # Real time, not common.clock: a demo's pinned day must not expire or extend leases.
    return timezone.now()


def start(*, document: str, obj, title: str, by, edition: ReportFile | None = None,
          fresh: bool = False) -> DocumentJob:
    """Queue one rendering. A document still being made for the same person is reused, unless a
    fresh run is asked for; a stored edition always gets a job of its own."""
    by = access.user_or_none(by)
    recover(document=document, object_id=obj.pk)
    if edition is None and not fresh:
        waiting = DocumentJob.objects.filter(document=document, object_id=obj.pk, created_by=by, edition=None,
                                             status__in=ACTIVE).first()
        if waiting is not None:
            return waiting
    job = DocumentJob.objects.create(document=document, object_id=obj.pk, title=title[:500], created_by=by,
                                     edition=edition, step="Đang chờ đến lượt", token=secrets.token_hex(16))
    _enqueue(job)
    job.refresh_from_db()
    return job


def _enqueue(job: DocumentJob) -> None:
    result = render_document.enqueue(job.pk, job.token)
    DocumentJob.objects.filter(pk=job.pk, token=job.token, task_id="").update(task_id=str(result.id))


def retry(job: DocumentJob, *, by) -> DocumentJob:
    """"Thử lại" on a failed job: a fresh job for the same document (and the same edition)."""
    if job.status != DocumentJob.Status.FAILED:
        return job
    if job.edition is not None and not _edition_wanted(job.edition):
        return job
    obj = BUILDERS[job.document].load(job.object_id)
    return start(document=job.document, obj=obj, title=job.title, by=by, edition=job.edition, fresh=True)


def _edition_wanted(edition: ReportFile) -> bool:
    """A copy is still to be made while it belongs to its report's latest edition and the report
    is still frozen (sent for signature, or issued for the issued print)."""
    from reports import services

    report = edition.report
    return any(row.pk == edition.pk for row in services.unmade_copies(report))


# --- Recovery ------------------------------------------------------------------------------------------


def recover(*, document: str | None = None, object_id: int | None = None, job_ids=None) -> int:
    """Queue again (or fail, after MAX_ATTEMPTS) the jobs whose worker died. Safe to run from any
    number of servers at once: each job is taken under a row lock, skipping those another holds."""
    now = _now()
    candidates = DocumentJob.objects.filter(status__in=ACTIVE)
    if document is not None:
        candidates = candidates.filter(document=document, object_id=object_id)
    if job_ids is not None:
        candidates = candidates.filter(pk__in=job_ids)
    recovered = 0
    for job_id in candidates.values_list("pk", flat=True)[:200]:
        with transaction.atomic():
            job = DocumentJob.objects.select_for_update(skip_locked=True).filter(pk=job_id, status__in=ACTIVE).first()
            if job is None:
                continue
            reason = _dead_reason(job, now)
            if not reason:
                continue
            recovered += 1
            if job.attempts >= MAX_ATTEMPTS:
                job.status, job.finished_at = DocumentJob.Status.FAILED, now
                job.step = "Không tạo được"
                job.error = f"{reason} Đã thử {job.attempts} lần."
                job.save(update_fields=["status", "finished_at", "step", "error"])
                continue
            job.status, job.lease_until, job.task_id = DocumentJob.Status.QUEUED, None, ""
            job.token = secrets.token_hex(16)
            job.step = f"Chờ tạo lại ({reason.rstrip('.').lower()})"
            job.save(update_fields=["status", "lease_until", "task_id", "token", "step"])
            transaction.on_commit(lambda job=job: _enqueue(job))
    return recovered


def recover_interrupted(task_ids: list[str]) -> int:
    """Jobs whose task a worker knows it lost (its database went away mid-task): their lease is
    ended now, and they are queued again at once."""
    ids = list(DocumentJob.objects.filter(task_id__in=task_ids, status=DocumentJob.Status.RUNNING)
               .values_list("pk", flat=True))
    DocumentJob.objects.filter(pk__in=ids).update(lease_until=_now() - timedelta(seconds=1))
    return recover(job_ids=ids) if ids else 0


def _dead_reason(job: DocumentJob, now) -> str:
    if job.status == DocumentJob.Status.RUNNING:
        if job.lease_until is not None and job.lease_until < now:
            return "Tiến trình nền dừng giữa chừng."
        return ""
    # Queued: its task may have ended (failed before the job was claimed) or vanished.
    state = _task_state(job.task_id)
    if state in ("FAILED", "SUCCESSFUL", "missing"):
        return "Hàng đợi đã kết thúc việc này mà văn bản chưa được tạo."
    if state == "RUNNING" and job.created_at < now - timedelta(seconds=LEASE_SECONDS):
        return "Tiến trình nền dừng trước khi bắt đầu."
    return ""


def _task_state(task_id: str) -> str:
    if not task_id:
        return ""
    from django_tasks.exceptions import TaskResultDoesNotExist

    try:
        return str(render_document.get_result(task_id).status)
    except TaskResultDoesNotExist:
        return "missing"
    except (NotImplementedError, ValueError):
        return ""  # a backend that keeps no results (the immediate one in tests)


class _Progress(logging.Handler):
    """Turns WeasyPrint's "Step N - …" log lines into the job's percentage, written at most twice
    a second (the page polls)."""

    STEPS = {"1": (5, "Đọc nội dung"), "2": (8, "Đọc định dạng"), "3": (12, "Áp định dạng"),
             "4": (18, "Dựng cấu trúc trang"), "6": (88, "Ghi tệp PDF"), "7": (95, "Ghi thông tin văn bản")}

    def __init__(self, job: DocumentJob, pages: int):
        super().__init__(logging.INFO)
        self.job, self.pages, self.last = job, max(pages, 1), 0.0

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        match = re.match(r"Step (\d)", message)
        if not match:
            return
        step = match[1]
        if step == "5":
            page = re.search(r"Page (\d+)", message)
            number = int(page[1]) if page else 1
            progress = 20 + min(65, 65 * number // self.pages)
            label = f"Dàn trang {number}"
        else:
            progress, label = self.STEPS.get(step, (self.job.progress, self.job.step))
        now = time.monotonic()
        if now - self.last >= 0.5 or step in ("6", "7"):
            self.last = now
            DocumentJob.objects.filter(pk=self.job.pk).update(progress=progress, step=label)


# --- The run --------------------------------------------------------------------------------------------


class _Heartbeat(threading.Thread):
    """Renews the job's lease while the document is being made (each in its own connection)."""

    def __init__(self, job_id: int, token: str):
        super().__init__(daemon=True, name=f"job-{job_id}-lease")
        self.job_id, self.token, self.stopped = job_id, token, threading.Event()

    def run(self) -> None:
        try:
            while not self.stopped.wait(HEARTBEAT_SECONDS):
                DocumentJob.objects.filter(pk=self.job_id, token=self.token, status=DocumentJob.Status.RUNNING).update(
                    lease_until=_now() + timedelta(seconds=LEASE_SECONDS))
        finally:
            connection.close()

    def stop(self) -> None:
        self.stopped.set()
        self.join(timeout=5)


def _claim(job_id: int, token: str) -> bool:
    claimed = DocumentJob.objects.filter(pk=job_id, token=token, status=DocumentJob.Status.QUEUED).update(
        status=DocumentJob.Status.RUNNING, progress=2, step="Lấy số liệu", error="",
        lease_until=_now() + timedelta(seconds=LEASE_SECONDS), attempts=models.F("attempts") + 1)
    return claimed == 1


def _fail(job_id: int, token: str, reason: str) -> None:
    DocumentJob.objects.filter(pk=job_id, token=token, status__in=ACTIVE).update(
        status=DocumentJob.Status.FAILED, error=reason[:2000], step="Không tạo được", finished_at=clock.now())


@task()
def render_document(job_id: int, token: str = "") -> int:
    job = DocumentJob.objects.select_related("edition__report", "created_by").filter(pk=job_id).first()
    if job is None or not _claim(job_id, token):
        return job_id   # superseded, or already made: nothing to do
    if job.edition is not None and not _edition_wanted(job.edition):
        _fail(job_id, token, "Báo cáo đã được mở lại hoặc ban hành lại trước khi bản này được tạo.")
        return job_id
    heartbeat = _Heartbeat(job_id, token)
    heartbeat.start()
    try:
        _render(job, token)
    except Exception as error:     # the page must say it failed, whatever failed, saving included
        message = files.STORAGE_FAILED if isinstance(error, files.StorageFailed) else str(error)
        _fail(job_id, token, message)
        raise
    finally:
        heartbeat.stop()
    return job_id


def _render(job: DocumentJob, token: str) -> None:
    builder = BUILDERS[job.document]
    logger = logging.getLogger("weasyprint.progress")
    handler = _Progress(job, builder.estimate(builder.load(job.object_id)) // ROWS_PER_PAGE + 2)
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.INFO)
    logger.propagate = False      # the steps feed the progress bar, not the console
    logger.addHandler(handler)
    try:
        from reports import services

        with pdf.without_cyclic_gc():
            doc = builder.build(builder.load(job.object_id), clock.today())
            data = pdf.render_pdf(services.render_html(doc), archival=not doc.draft)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate
    with transaction.atomic():
        current = DocumentJob.objects.select_for_update(of=("self",)).select_related(
            "edition__report", "created_by").get(pk=job.pk)
        if current.token != token or current.status != DocumentJob.Status.RUNNING:
            return   # taken for dead and run again meanwhile: that run's copy stands
        if builder.keep is not None:
            builder.keep(current, data)   # the edition's file is the job's: one copy, one name
        else:
            files.store(current.file, doc.filename, data)
        current.filename, current.status, current.progress, current.step = (
            doc.filename, DocumentJob.Status.DONE, 100, "Đã xong")
        current.finished_at, current.lease_until = clock.now(), None
        current.save()
