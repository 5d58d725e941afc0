"""Documents too large to render within a request go to the background worker (django-tasks with
its database queue; `make run` starts `manage.py db_worker`). The job row carries the progress the
page shows; WeasyPrint's own progress log drives it.

A document is "large" by an estimate of its table rows, counted cheaply before anything is built.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django_tasks import task

from awards.models import Decision
from common import clock
from reports import pdf, selectors
from reports.models import DocumentJob, Report

# Rows (table lines, certificate pages × 4) above which a document is rendered in the background:
# about 8 pages, ~2 s of WeasyPrint on this kind of machine (tech.md §4).
INLINE_ROWS = settings.REPORTS_INLINE_ROWS
ROWS_PER_PAGE = 25


@dataclass(frozen=True)
class Builder:
    load: Callable[[int], object]                 # object id → the object (already access-checked by the view)
    build: Callable[[object, object], selectors.Document]
    estimate: Callable[[object], int]
    keep: Callable[[object, bytes, object], None] | None = None   # store the result beside the job's copy


def _report_rows(report: Report) -> int:
    indicators = report.campaign.indicators.count()
    units = report.campaign.participations.count() if selectors.is_whole_campaign(report) else 0
    return indicators * 2 + units     # the indicators print twice: section II and appendix I


def _lines(decision: Decision) -> int:
    return decision.lines.count()


BUILDERS: dict[str, Builder] = {
    "report": Builder(lambda pk: Report.objects.select_related("campaign__issuer", "organisation", "period").get(pk=pk),
                      selectors.report_document, _report_rows),
    # The stored edition of a large report being issued: the copy is kept as the report's file.
    "report_edition": Builder(
        lambda pk: Report.objects.select_related("campaign__issuer", "organisation", "period").get(pk=pk),
        selectors.report_document, _report_rows, keep=lambda report, data, by: _keep_edition(report, data, by)),
    "decision": Builder(lambda pk: Decision.objects.select_related("issuer", "campaign").get(pk=pk),
                        selectors.decision_document, _lines),
    "certificates": Builder(lambda pk: Decision.objects.select_related("issuer", "campaign").get(pk=pk),
                            selectors.certificates_document, lambda d: _lines(d) * 4),
}


def _keep_edition(report, data: bytes, by) -> None:
    from reports import services

    services.store_edition(report, data, by=by)


def is_large(document: str, obj) -> bool:
    return BUILDERS[document].estimate(obj) > INLINE_ROWS


def start(*, document: str, obj, title: str, by) -> DocumentJob:
    """Queue one rendering; the same document already waiting for the same person is reused."""
    waiting = DocumentJob.objects.filter(document=document, object_id=obj.pk, created_by=by,
                                         status__in=[DocumentJob.Status.QUEUED, DocumentJob.Status.RUNNING]).first()
    if waiting is not None:
        return waiting
    job = DocumentJob.objects.create(document=document, object_id=obj.pk, title=title[:500], created_by=by,
                                     step="Đang chờ đến lượt")
    result = render_document.enqueue(job.pk)
    DocumentJob.objects.filter(pk=job.pk, task_id="").update(task_id=str(result.id))
    job.refresh_from_db()
    return job


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


@task()
def render_document(job_id: int) -> int:
    job = DocumentJob.objects.get(pk=job_id)
    builder = BUILDERS[job.document]
    DocumentJob.objects.filter(pk=job.pk).update(status=DocumentJob.Status.RUNNING, progress=2,
                                                 step="Lấy số liệu")
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
    except Exception as error:     # the page must say it failed, whatever failed
        DocumentJob.objects.filter(pk=job.pk).update(status=DocumentJob.Status.FAILED, error=str(error)[:2000],
                                                     step="Lỗi khi tạo văn bản", finished_at=clock.now())
        raise
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate
    job.refresh_from_db()
    if builder.keep is not None:
        builder.keep(builder.load(job.object_id), data, job.created_by)
    job.file.save(doc.filename, ContentFile(data), save=False)
    job.filename, job.status, job.progress, job.step = doc.filename, DocumentJob.Status.DONE, 100, "Đã xong"
    job.finished_at = clock.now()
    job.save()
    return job.pk
