"""The only code that changes reports: each call checks the user through units.access, runs in
one transaction and writes its history row."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string

from campaigns.models import Campaign, PeriodKind, ReportingPeriod
from common import audit, clock, files
from common.text import nfc
from common.uploads import check_document
from reports import documents, pdf, selectors
from reports.models import PROSE_FIELDS, DocumentJob, Report, ReportEvent, ReportFile
from units import access
from units.access import SystemActor
from units.models import Organisation, User

EDIT_FIELDS = ["title", "recipient_line", *PROSE_FIELDS, "recipients", "notation", "signer_prefix", "signer_title",
               "signer_name"]
ISSUE_FIELDS = ["status", "number", "notation", "issue_date", "signer_prefix", "signer_title", "signer_name"]
# An issued report says what went well, what did not and what comes next (domain.md §5.1, IV–V).
REQUIRED_PROSE = [("strengths", "IV.1. Mặt được"), ("weaknesses", "IV.2. Hạn chế và nguyên nhân"),
                  ("tasks", "V. Nhiệm vụ, giải pháp")]
KIND_OF_PERIOD = {PeriodKind.SIX_MONTH: Report.Kind.SIX_MONTH, PeriodKind.YEAR: Report.Kind.YEAR}


def action_for(report_or_whole: Report | bool, verb: str) -> str:
    whole = report_or_whole if isinstance(report_or_whole, bool) else selectors.is_whole_campaign(report_or_whole)
    return f"{'report' if whole else 'unit_report'}.{verb}"


def _record(by: User | SystemActor, report: Report, action: str, *, before=None, after=None, changes=None,
            reason: str = "") -> None:
    rows = changes if changes is not None else audit.diff(before, after)
    if not rows and action == ReportEvent.Action.CHANGED:
        return
    audit.record(ReportEvent, report=report, actor=by, action=action, target=report, target_type="báo cáo",
                 changes=rows, reason=reason)


def _prefill(report: Report) -> None:
    """The prose a new report starts from: what the units wrote with their figures, under each
    heading; the secretariat (or the unit) rewrites it. The opening sentence stays empty: the
    document prints one that follows the plan's registered number (selectors.report_document)."""
    campaign = report.campaign
    gathered = selectors.narratives(report)

    def joined(key: str) -> str:
        return "\n".join(f"- {row['unit']}: {row['text']}" if selectors.is_whole_campaign(report) else row["text"]
                         for row in gathered[key])

    report.implementation = joined("done")
    report.weaknesses = joined("difficulties")
    report.proposals = joined("proposals")
    words = documents.KIND_WORDS.get(report.kind) or "kết quả"
    report.closing = f"Trên đây là báo cáo {words} của {report.organisation.name}./."
    report.recipients = "\n".join(filter(None, [
        "" if selectors.is_whole_campaign(report) else f"{campaign.issuer.name} (báo cáo)",
        "Lãnh đạo đơn vị", "Lưu: VT"]))
    report.notation = selectors.notation_for(report.organisation, campaign, "BC")
    if selectors.is_whole_campaign(report):
        report.signer_prefix, report.signer_title = campaign.signer_prefix[:100], campaign.signer_title[:100]
        report.signer_name = campaign.signer_name[:100]


@transaction.atomic
def create_report(*, by: User | SystemActor, campaign: Campaign, organisation: Organisation,
                  period: ReportingPeriod | None, kind: str = "", today: date | None = None) -> Report:
    whole = organisation.pk == campaign.issuer_id
    access.require(by, action_for(whole, "prepare"), organisation)
    if period is not None and period.campaign_id != campaign.pk:
        raise ValidationError({"period": "Kỳ số liệu không thuộc phong trào này."})
    if not whole and not campaign.participations.filter(organisation=organisation).exists():
        raise ValidationError({"organisation": "Đơn vị không tham gia phong trào này."})
    kind = kind or (KIND_OF_PERIOD.get(period.kind, Report.Kind.AD_HOC) if period else Report.Kind.AD_HOC)
    same = Report.objects.filter(campaign=campaign, organisation=organisation, period=period, kind=kind).first()
    if same is not None:
        raise ValidationError({"period": f"Đã có báo cáo này: “{same.title}” ({same.get_status_display().lower()}). "
                                         "Mở báo cáo đó để sửa hoặc mở lại."})
    year = period.year if period else campaign.year or (today or clock.today()).year
    report = Report(campaign=campaign, organisation=organisation, period=period, kind=kind, year=year,
                    title=documents.report_subject(kind, year, campaign.title,
                                                   str(period.display_label) if period else "")[:500],
                    created_by=access.user_or_none(by))
    _prefill(report)
    report.full_clean(validate_constraints=False)
    report.save()
    _record(by, report, ReportEvent.Action.CREATED, after=audit.snapshot(report, ["title", "kind", "period"]))
    return report


def _locked(report: Report) -> Report:
    return Report.objects.select_for_update(of=("self",)).select_related(
        "campaign__issuer", "organisation", "period").get(pk=report.pk)


@transaction.atomic
def save_report(*, by: User | SystemActor, report: Report, data: dict, version: int) -> Report:
    """Save the prose; refused when someone saved in between (the form keeps what was typed)."""
    current = _locked(report)
    access.require(by, action_for(current, "prepare"), current.organisation)
    if current.is_issued:
        raise ValidationError("Báo cáo đã ban hành: mở lại (ghi lý do) trước khi sửa.")
    if current.version != version:
        raise ValidationError("Báo cáo vừa được người khác lưu. Mở lại trang để xem bản mới; nội dung bạn gõ "
                              "vẫn còn trong ô bên dưới để chép lại.")
    before = audit.snapshot(current, EDIT_FIELDS)
    for name in EDIT_FIELDS:
        if name in data:
            setattr(current, name, nfc(str(data[name] or "")).strip())
    if not current.title:
        raise ValidationError({"title": "Nhập trích yếu của báo cáo."})
    current.version += 1
    current.full_clean(validate_constraints=False)
    current.save()
    _record(by, current, ReportEvent.Action.CHANGED, before=before, after=audit.snapshot(current, EDIT_FIELDS))
    return current


def render_html(doc) -> str:
    return render_to_string("reports/pdf/page.html", {"doc": doc, "document_template": doc.template})


@transaction.atomic
def issue_report(*, by: User | SystemActor, report: Report, number: int, notation: str, issue_date: date,
                 signer_prefix: str = "", signer_title: str, signer_name: str) -> Report:
    """Record the registry's number and date and the signer, freeze the figures, store the PDF
    (PDF/A) as the next edition with its SHA-256."""
    current = _locked(report)
    access.require(by, action_for(current, "issue"), current.organisation)
    if current.is_issued:
        raise ValidationError("Báo cáo đã ban hành.")
    missing = [label for name, label in REQUIRED_PROSE if not getattr(current, name).strip()]
    if missing:
        raise ValidationError(f"Báo cáo còn để trống: {'; '.join(missing)}. Viết các phần này (Sửa lời văn) "
                              "trước khi ban hành.")
    today = clock.today()
    if issue_date > today:
        raise ValidationError({"issue_date": "Ngày ban hành không được sau hôm nay."})
    clash = Report.objects.filter(organisation=current.organisation, number=number, notation__iexact=notation.strip(),
                                  issue_date__year=issue_date.year).exclude(pk=current.pk)
    if clash.exists():
        raise ValidationError({"number": "Số, ký hiệu này đã dùng cho một báo cáo khác của đơn vị trong năm."})
    before = audit.snapshot(current, ISSUE_FIELDS)
    current.number, current.notation, current.issue_date = number, notation.strip(), issue_date
    current.signer_prefix, current.signer_title = signer_prefix.strip(), signer_title.strip()
    current.signer_name = signer_name.strip()
    current.snapshot = selectors.report_figures(current, today)
    current.status = Report.Status.ISSUED
    current.version += 1
    current.save()
    _record(by, current, ReportEvent.Action.TRANSITION, before=before, after=audit.snapshot(current, ISSUE_FIELDS))
    _make_edition(current, _new_edition(current, by), by=by, today=today)
    return current


def _make_edition(report: Report, edition: ReportFile, *, by: User | SystemActor, today: date) -> None:
    from reports import jobs

    if jobs.is_large("report_edition", report):
        # The frozen figures are saved now; the worker writes this edition's copy (the page shows
        # progress, and says the edition is being made until it exists).
        transaction.on_commit(lambda: jobs.start(document="report_edition", obj=report, edition=edition,
                                                 title=f"Bản lưu phiên bản {edition.edition}: {report.title}",
                                                 by=by))
    else:
        with pdf.without_cyclic_gc():
            data = pdf.render_pdf(render_html(selectors.report_document(report, today)), archival=True)
        fill_edition(edition, data, by=by)


def _new_edition(report: Report, by: User | SystemActor) -> ReportFile:
    """The next edition's row, numbered now (under the report's row lock): the copy that follows,
    at once or from the worker, is this edition's and no other's."""
    last = report.files.filter(kind=ReportFile.Kind.GENERATED).aggregate(last=Max("edition"))["last"] or 0
    return ReportFile.objects.create(report=report, edition=last + 1, kind=ReportFile.Kind.GENERATED,
                                     created_by=access.user_or_none(by), created_at=clock.now())


def fill_edition(edition: ReportFile, data: bytes, *, by: User | SystemActor) -> ReportFile:
    """Keep the issued PDF as its edition's file, with its SHA-256."""
    report = edition.report
    stored = files.store(edition.file, f"bao-cao-{report.number}.pdf", data)
    edition.sha256, edition.size = stored.sha256, stored.size
    edition.save(update_fields=["file", "sha256", "size"])
    _record(by, report, ReportEvent.Action.CHANGED, changes=[
        {"field": "edition", "label": "Bản PDF lưu trữ", "before": "", "after": f"Phiên bản {edition.edition}"}],
        reason=f"SHA-256 {edition.sha256}")
    return edition


@transaction.atomic
def remake_edition(*, by: User | SystemActor, report: Report) -> ReportFile:
    """Make the latest edition's copy again, when it could not be made and nothing is making it."""
    from reports import jobs

    current = _locked(report)
    access.require(by, action_for(current, "issue"), current.organisation)
    edition = latest_edition(current)
    if not current.is_issued or edition is None or edition.is_made:
        raise ValidationError("Bản PDF lưu trữ của báo cáo này đã có.")
    if edition.jobs.filter(status__in=jobs.ACTIVE).exists():
        raise ValidationError("Bản PDF lưu trữ đang được tạo.")
    _make_edition(current, edition, by=by, today=clock.today())
    return edition


def latest_edition(report: Report) -> ReportFile | None:
    return report.files.filter(kind=ReportFile.Kind.GENERATED).order_by("-edition").first()


@transaction.atomic
def reopen_report(*, by: User | SystemActor, report: Report, reason: str) -> Report:
    """Back to draft to correct it; the stored editions stay, the next issue makes a new one."""
    current = _locked(report)
    access.require(by, action_for(current, "issue"), current.organisation)
    if not current.is_issued:
        raise ValidationError("Báo cáo chưa ban hành.")
    if not reason.strip():
        raise ValidationError({"reason": "Ghi lý do mở lại báo cáo."})
    before = audit.snapshot(current, ISSUE_FIELDS)
    current.status, current.snapshot = Report.Status.DRAFT, None
    current.version += 1
    current.save()
    # An edition still being made would print figures no longer frozen: it is left unmade.
    DocumentJob.objects.filter(edition__report=current, status__in=[
        DocumentJob.Status.QUEUED, DocumentJob.Status.RUNNING]).update(
        status=DocumentJob.Status.FAILED, step="Không tạo được", finished_at=clock.now(),
        error="Báo cáo đã được mở lại trước khi bản này được tạo.")
    _record(by, current, ReportEvent.Action.TRANSITION, before=before, after=audit.snapshot(current, ISSUE_FIELDS),
            reason=reason.strip())
    return current


@transaction.atomic
def attach_signed(*, by: User | SystemActor, report: Report, upload) -> ReportFile:
    """The signed and sealed scan of the issued edition: from now on the official copy."""
    current = _locked(report)
    access.require(by, action_for(current, "issue"), current.organisation)
    if not current.is_issued:
        raise ValidationError("Chỉ gắn bản ký, đóng dấu cho báo cáo đã ban hành.")
    check_document(upload, allowed=(".pdf",))
    edition = latest_edition(current)
    if edition is None or not edition.is_made:
        raise ValidationError("Bản PDF lưu trữ đang được tạo: gắn bản ký sau khi tạo xong.")
    edition = edition.edition
    # A second upload replaces the first as the official copy; its file stays until purge_files
    # finds nothing refers to it (files are write-once).
    ReportFile.objects.filter(report=current, edition=edition, kind=ReportFile.Kind.SIGNED).delete()
    stored = ReportFile(report=current, edition=edition, kind=ReportFile.Kind.SIGNED,
                        created_by=access.user_or_none(by), created_at=clock.now())
    recorded = files.store(stored.file, upload.name, upload)
    stored.sha256, stored.size = recorded.sha256, recorded.size
    stored.save()
    _record(by, current, ReportEvent.Action.CHANGED, changes=[
        {"field": "signed", "label": "Bản ký, đóng dấu", "before": "", "after": f"Phiên bản {edition}"}])
    return stored
