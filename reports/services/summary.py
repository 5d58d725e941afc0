"""Summary reports (sơ kết, tổng kết): drafting, trình ký, the issue, reopening, their stored copies.
Each call checks the user through units.access, runs in one transaction and writes its history row."""

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
from reports import documents, outlines, pdf, selectors
from reports.models import DocumentJob, OutlineDefault, Report, ReportEvent, ReportFile, ReportSection
from units import access
from units.access import SystemActor
from units.models import Organisation, User

EDIT_FIELDS = selectors.FROZEN_FIELDS
ISSUE_FIELDS = ["status", "number", "notation", "issue_date", "signer_prefix", "signer_title", "signer_name"]
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


def _prefill(report: Report, today: date) -> list[outlines.Section]:
    """What a new report starts from: its kind's default outline (reports.outlines), with what the
    units wrote with their figures under each heading; the secretariat (or the unit) rewrites it.
    The opening sentence stays empty: the document prints one that follows the plan's registered
    number (selectors.report_document)."""
    campaign = report.campaign
    gathered = selectors.narratives(report)

    def joined(key: str) -> str:
        return "\n".join(f"- {row['unit']}: {row['text']}" if selectors.is_whole_campaign(report) else row["text"]
                         for row in gathered[key])

    saved = OutlineDefault.objects.filter(organisation=report.organisation, kind=report.kind).first()
    if saved is not None:
        # The issuer's own outline for this kind; the units' narratives stay beside the editor.
        sections = outlines.from_template(saved.sections, report.year)
    else:
        sections = outlines.default_outline(
            kind=report.kind, year=report.year, whole=selectors.is_whole_campaign(report),
            has_period=report.period_id is not None,
            prose={"implementation": joined("done"), "weaknesses": joined("difficulties"),
                   "proposals": joined("proposals")})
    # The date line of the draft: the month the period's report is due, else this month.
    due = report.period.deadline if report.period is not None and report.period.deadline else None
    report.issue_month, report.issue_year = (due or today).month, (due or today).year
    words = documents.KIND_WORDS.get(report.kind) or "kết quả"
    report.closing = f"Trên đây là báo cáo {words} của {report.organisation.name}./."
    report.recipients = "\n".join(filter(None, [
        "" if selectors.is_whole_campaign(report) else f"{campaign.issuer.name} (báo cáo)",
        "Lãnh đạo đơn vị", "Lưu: VT"]))
    report.notation = selectors.notation_for(report.organisation, campaign, "BC")
    if selectors.is_whole_campaign(report):
        report.signer_prefix, report.signer_title = campaign.signer_prefix[:100], campaign.signer_title[:100]
        report.signer_name = campaign.signer_name[:100]
    return sections


def _write_outline(report: Report, sections: list[outlines.Section]) -> None:
    report.sections.all().delete()
    ReportSection.objects.bulk_create(ReportSection(report=report, order=i + 1, **section.as_dict())
                                      for i, section in enumerate(sections))


def outline_of(report: Report) -> list[outlines.Section]:
    return [row.as_outline() for row in report.sections.all()]


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
    sections = _prefill(report, today or clock.today())
    report.full_clean(validate_constraints=False)
    report.save()
    _write_outline(report, sections)
    _record(by, report, ReportEvent.Action.CREATED, after=audit.snapshot(report, ["title", "kind", "period"]))
    return report


def _locked(report: Report) -> Report:
    return Report.objects.select_for_update(of=("self",)).select_related(
        "campaign__issuer", "organisation", "period").get(pk=report.pk)


@transaction.atomic
def save_report(*, by: User | SystemActor, report: Report, data: dict, version: int,
                sections: list[outlines.Section] | None = None) -> Report:
    """Save the prose and, when given, the outline as the person left it (headings, their order,
    prose and blocks); refused when someone saved in between (the form keeps what was typed)."""
    current = _locked(report)
    access.require(by, action_for(current, "prepare"), current.organisation)
    if current.is_issued:
        raise ValidationError("Báo cáo đã ban hành: mở lại (ghi lý do) trước khi sửa.")
    if current.is_sent:
        raise ValidationError("Báo cáo đã trình ký: mở lại (ghi lý do) trước khi sửa.")
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
    changes = audit.diff(before, audit.snapshot(current, EDIT_FIELDS))
    if sections is not None:
        old = outline_of(current)
        if [s.as_dict() for s in old] != [s.as_dict() for s in sections]:
            _write_outline(current, sections)
            before_text, after_text = outlines.changed(old, sections)
            changes.append({"field": "outline", "label": "Dàn ý và lời văn", "before": before_text,
                            "after": after_text})
    _record(by, current, ReportEvent.Action.CHANGED, changes=changes)
    return current


@transaction.atomic
def save_outline_default(*, by: User | SystemActor, report: Report) -> OutlineDefault:
    """Keep this report's outline as the one the organisation's next reports of its kind start from."""
    access.require(by, action_for(report, "prepare"), report.organisation)
    rows = outlines.as_template(outline_of(report), report.year)
    saved, _created = OutlineDefault.objects.select_for_update().update_or_create(
        organisation=report.organisation, kind=report.kind,
        defaults={"sections": rows, "saved_from": report, "updated_by": access.user_or_none(by)})
    _record(by, report, ReportEvent.Action.CHANGED, changes=[
        {"field": "outline_default", "label": "Dàn ý mặc định của đơn vị", "before": "",
         "after": f"Báo cáo “{report.get_kind_display()}” sau này bắt đầu từ dàn ý của báo cáo này"}])
    return saved


@transaction.atomic
def drop_outline_default(*, by: User | SystemActor, report: Report) -> None:
    """Back to the system's outline for the organisation's next reports of this kind."""
    access.require(by, action_for(report, "prepare"), report.organisation)
    deleted, _rows = OutlineDefault.objects.filter(organisation=report.organisation, kind=report.kind).delete()
    if deleted:
        _record(by, report, ReportEvent.Action.CHANGED, changes=[
            {"field": "outline_default", "label": "Dàn ý mặc định của đơn vị",
             "before": "Dàn ý đơn vị đã lưu", "after": "Dàn ý mặc định của hệ thống"}])


def render_html(doc) -> str:
    return render_to_string("reports/pdf/page.html", {"doc": doc, "document_template": doc.template})


def _check_content(report: Report) -> None:
    missing = outlines.unwritten(outline_of(report))
    if missing:
        raise ValidationError(f"Báo cáo còn để trống: {'; '.join(missing)}. Viết các phần này, hoặc bỏ đề mục "
                              "khỏi dàn ý (Sửa báo cáo), trước khi trình ký.")


@transaction.atomic
def send_report_for_signature(*, by: User | SystemActor, report: Report) -> Report:
    """Trình ký: freeze the figures (snapshot) and the prose (frozen_text) as they are now, lock the
    report against edits and store edition N: the PDF with the number and date blank for the văn
    thư, with its SHA-256 (a large report's copy comes from the worker)."""
    current = _locked(report)
    access.require(by, action_for(current, "issue"), current.organisation)
    if current.is_frozen:
        raise ValidationError("Báo cáo đã trình ký." if current.is_sent else "Báo cáo đã ban hành.")
    _check_content(current)
    today = clock.today()
    current.snapshot = selectors.report_figures(current, today)
    current.frozen_text = selectors.frozen_text(current, today)
    current.status = Report.Status.SENT
    current.version += 1
    current.save()
    edition = _new_edition(current, by)
    _record(by, current, ReportEvent.Action.TRANSITION, changes=[
        {"field": "status", "label": "Trạng thái", "before": str(Report.Status.DRAFT.label),
         "after": str(Report.Status.SENT.label)},
        {"field": "signing", "label": "Trình ký", "before": "", "after": f"Phiên bản {edition.edition}"}])
    _make_edition(current, edition, by=by, today=today)
    return current


@transaction.atomic
def issue_report(*, by: User | SystemActor, report: Report, number: int, notation: str, issue_date: date,
                 signer_prefix: str = "", signer_title: str, signer_name: str) -> Report:
    """Ghi nhận ban hành: the registry's number, notation and date and the signer, beside the
    edition sent for signature, with the issued print made from the same frozen content. A draft is
    sent for signature first, in the same transaction (the one-step form)."""
    current = _locked(report)
    access.require(by, action_for(current, "issue"), current.organisation)
    if current.is_issued:
        raise ValidationError("Báo cáo đã ban hành.")
    if issue_date > clock.today():
        raise ValidationError({"issue_date": "Ngày ban hành không được sau hôm nay."})
    clash = Report.objects.filter(organisation=current.organisation, number=number, notation__iexact=notation.strip(),
                                  issue_date__year=issue_date.year).exclude(pk=current.pk)
    if clash.exists():
        raise ValidationError({"number": "Số, ký hiệu này đã dùng cho một báo cáo khác của đơn vị trong năm."})
    if not current.is_sent:
        current = send_report_for_signature(by=by, report=current)
    signing = latest_edition(current)
    before = audit.snapshot(current, ISSUE_FIELDS)
    current.number, current.notation, current.issue_date = number, notation.strip(), issue_date
    current.signer_prefix, current.signer_title = signer_prefix.strip(), signer_title.strip()
    current.signer_name = signer_name.strip()
    current.status = Report.Status.ISSUED
    current.version += 1
    current.save()
    signer = " ".join(filter(None, [current.signer_prefix, current.signer_title, current.signer_name]))
    printed = ReportFile.objects.create(
        report=current, edition=signing.edition, kind=ReportFile.Kind.ISSUED, registry_number=number,
        registry_notation=current.notation, issue_date=issue_date, signer=signer[:300],
        created_by=access.user_or_none(by), created_at=clock.now())
    _record(by, current, ReportEvent.Action.TRANSITION, before=before, after=audit.snapshot(current, ISSUE_FIELDS))
    _make_edition(current, printed, by=by, today=clock.today())
    return current


# The worker's document for each stored copy (reports.jobs.BUILDERS).
EDITION_DOCUMENTS = {ReportFile.Kind.GENERATED: "report_signing", ReportFile.Kind.ISSUED: "report_edition"}


def edition_document(report: Report, kind: str, today: date):
    """The copy a stored row holds, always from the frozen content: the signing copy blank, the
    issued print with the registry's number and date."""
    return selectors.report_document(report, today, signing=kind == ReportFile.Kind.GENERATED)


def _make_edition(report: Report, edition: ReportFile, *, by: User | SystemActor, today: date) -> None:
    from reports import jobs

    document = EDITION_DOCUMENTS[edition.kind]
    if jobs.is_large(document, report):
        # The frozen content is saved now; the worker writes this copy (the page shows progress,
        # and says the edition is being made until it exists).
        words = "Bản trình ký" if edition.kind == ReportFile.Kind.GENERATED else "Bản ban hành"
        transaction.on_commit(lambda: jobs.start(document=document, obj=report, edition=edition,
                                                 title=f"{words} phiên bản {edition.edition}: {report.title}",
                                                 by=by))
    else:
        with pdf.without_cyclic_gc():
            doc = edition_document(report, edition.kind, today)
            data = pdf.render_pdf(render_html(doc), archival=not doc.draft)
        fill_edition(edition, data, by=by)


def _new_edition(report: Report, by: User | SystemActor) -> ReportFile:
    """The next edition's row, numbered now (under the report's row lock): the copy that follows,
    at once or from the worker, is this edition's and no other's."""
    last = report.files.filter(kind=ReportFile.Kind.GENERATED).aggregate(last=Max("edition"))["last"] or 0
    return ReportFile.objects.create(report=report, edition=last + 1, kind=ReportFile.Kind.GENERATED,
                                     created_by=access.user_or_none(by), created_at=clock.now())


def fill_edition(edition: ReportFile, data: bytes, *, by: User | SystemActor) -> ReportFile:
    """Keep a copy as its row's file, with its SHA-256."""
    report = edition.report
    if edition.kind == ReportFile.Kind.ISSUED:
        name, label = f"bao-cao-{edition.registry_number}.pdf", "Bản ban hành (đã điền số, ngày)"
    else:
        name, label = f"bao-cao-trinh-ky-{report.pk}.pdf", "Bản trình ký"
    stored = files.store(edition.file, name, data)
    edition.sha256, edition.size = stored.sha256, stored.size
    edition.save(update_fields=["file", "sha256", "size"])
    _record(by, report, ReportEvent.Action.CHANGED, changes=[
        {"field": "edition", "label": label, "before": "", "after": f"Phiên bản {edition.edition}"}],
        reason=f"SHA-256 {edition.sha256}")
    return edition


def unmade_copies(report: Report) -> list[ReportFile]:
    """The latest edition's copies still to be made: its signing copy while the report is frozen,
    its issued print once issued."""
    if not report.is_frozen:
        return []
    signing = latest_edition(report)
    if signing is None:
        return []
    rows = [signing]
    if report.is_issued:
        rows += list(report.files.filter(kind=ReportFile.Kind.ISSUED, edition=signing.edition))
    return [row for row in rows if not row.is_made]


@transaction.atomic
def remake_edition(*, by: User | SystemActor, report: Report) -> list[ReportFile]:
    """Make the latest edition's copies again, when they could not be made and nothing is making them."""
    from reports import jobs

    current = _locked(report)
    access.require(by, action_for(current, "issue"), current.organisation)
    missing = unmade_copies(current)
    if not missing:
        raise ValidationError("Bản PDF lưu trữ của báo cáo này đã có.")
    busy = set(DocumentJob.objects.filter(edition__in=missing, status__in=jobs.ACTIVE).values_list(
        "edition_id", flat=True))
    missing = [row for row in missing if row.pk not in busy]
    if not missing:
        raise ValidationError("Bản PDF lưu trữ đang được tạo.")
    for row in missing:
        _make_edition(current, row, by=by, today=clock.today())
    return missing


def latest_edition(report: Report) -> ReportFile | None:
    """The copy sent for signature of the latest edition (for a report issued before trình ký
    existed: its issued print)."""
    return report.files.filter(kind=ReportFile.Kind.GENERATED).order_by("-edition").first()


def issued_copy(report: Report) -> ReportFile | None:
    """What a download of an issued report gives: the latest edition's issued print, or, for a
    report issued before trình ký existed, the copy it stored then (it has the number)."""
    signing = latest_edition(report)
    if signing is None:
        return None
    return report.files.filter(kind=ReportFile.Kind.ISSUED, edition=signing.edition).first() or signing


@transaction.atomic
def reopen_report(*, by: User | SystemActor, report: Report, reason: str) -> Report:
    """Back to draft to correct it, from trình ký or after the issue; the stored editions stay, the
    next trình ký makes a new one."""
    current = _locked(report)
    access.require(by, action_for(current, "issue"), current.organisation)
    if not current.is_frozen:
        raise ValidationError("Báo cáo chưa trình ký.")
    if not reason.strip():
        raise ValidationError({"reason": "Ghi lý do mở lại báo cáo."})
    before = audit.snapshot(current, ISSUE_FIELDS)
    current.status, current.snapshot, current.frozen_text = Report.Status.DRAFT, None, None
    current.version += 1
    current.save()
    ReportFile.objects.filter(pk=getattr(latest_edition(current), "pk", None)).update(closed_reason=reason.strip())
    # A copy still being made would print content no longer frozen: it is left unmade.
    DocumentJob.objects.filter(edition__report=current, status__in=[
        DocumentJob.Status.QUEUED, DocumentJob.Status.RUNNING]).update(
        status=DocumentJob.Status.FAILED, step="Không tạo được", finished_at=clock.now(),
        error="Báo cáo đã được mở lại trước khi bản này được tạo.")
    _record(by, current, ReportEvent.Action.TRANSITION, before=before, after=audit.snapshot(current, ISSUE_FIELDS),
            reason=reason.strip())
    return current


@transaction.atomic
def attach_signed(*, by: User | SystemActor, report: Report, upload) -> ReportFile:
    """The signed and sealed scan of the edition whose issue was recorded: from now on the official copy."""
    current = _locked(report)
    access.require(by, action_for(current, "issue"), current.organisation)
    if not current.is_issued:
        raise ValidationError("Chỉ gắn bản ký, đóng dấu cho báo cáo đã ban hành.")
    check_document(upload, allowed=(".pdf",))
    issued = issued_copy(current)
    if issued is None or not issued.is_made:
        raise ValidationError("Bản PDF lưu trữ đang được tạo: gắn bản ký sau khi tạo xong.")
    edition = issued.edition
    # A second upload replaces the first as the official copy; its file stays until purge_files
    # finds nothing refers to it (files are write-once).
    ReportFile.objects.filter(report=current, edition=edition, kind=ReportFile.Kind.SIGNED).delete()
    stored = ReportFile(report=current, edition=edition, kind=ReportFile.Kind.SIGNED,
                        created_by=access.user_or_none(by), created_at=clock.now())
    recorded = files.store(stored.file, upload.name, upload)
    stored.sha256, stored.size = recorded.sha256, recorded.size
    stored.save()
    # reports.services.signed imports the editions, which import this module.
    from reports.services import signed

    upload.seek(0)
    copy = signed._attach_report_check(signed_row=stored, report=current, data=upload.read())
    _record(by, current, ReportEvent.Action.CHANGED, changes=[
        {"field": "signed", "label": "Bản ký, đóng dấu", "before": "",
         "after": f"Phiên bản {edition}: {signed.verdict(copy)}"}])
    return stored
