"""The only code that changes reports: each call checks the user through units.access, runs in
one transaction and writes its history row."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string

from awards import selectors as award_selectors
from awards.models import AwardEvent, Decision
from campaigns import services as campaign_services
from campaigns.lifecycle import Status
from campaigns.models import Campaign, CampaignEvent, PeriodKind, ReportingPeriod
from common import audit, clock, files
from common.models import AuditEventBase
from common.text import nfc
from common.uploads import check_document
from reports import documents, pdf, selectors, stamping
from reports.models import DocumentEdition, DocumentJob, Report, ReportEvent, ReportFile
from units import access
from units.access import SystemActor
from units.models import Organisation, User

EDIT_FIELDS = selectors.FROZEN_FIELDS
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
    _record(by, current, ReportEvent.Action.CHANGED, before=before, after=audit.snapshot(current, EDIT_FIELDS))
    return current


def render_html(doc) -> str:
    return render_to_string("reports/pdf/page.html", {"doc": doc, "document_template": doc.template})


def _check_content(report: Report) -> None:
    missing = [label for name, label in REQUIRED_PROSE if not getattr(report, name).strip()]
    if missing:
        raise ValidationError(f"Báo cáo còn để trống: {'; '.join(missing)}. Viết các phần này (Sửa lời văn) "
                              "trước khi trình ký.")


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
    _record(by, current, ReportEvent.Action.CHANGED, changes=[
        {"field": "signed", "label": "Bản ký, đóng dấu", "before": "", "after": f"Phiên bản {edition}"}])
    return stored


# --- Editions: what was sent for signature never changes (issue 13) -----------------------------------
#
# Trình ký renders the document from the data once, with the number and date blank for the văn
# thư, and keeps that HTML, its PDF and SHA-256 as edition N (DocumentEdition). Recording the issue
# stores the registry's number and date beside it and an issued print made from the stored HTML
# (reports/stamping.py). Nothing here renders live data again for an edition.

EDITION_LABEL = "phiên bản văn bản"


def _edition_owner(kind: str, obj) -> tuple[str, Organisation]:
    """The action and organisation units.access checks for sending `obj` for signature."""
    Kind = DocumentEdition.Kind
    if kind == Kind.PLAN:
        return "campaign.manage", obj.issuer
    if kind in (Kind.DECISION, Kind.CERTIFICATES):
        return ("unit_titles.decide" if obj.kind == Decision.Kind.UNIT else "decision.issue"), obj.issuer
    if kind == Kind.PROPOSAL:
        return "nomination.prepare", obj.organisation
    if kind == Kind.MINUTES:
        return "council.record", obj.issuer
    raise ValueError(kind)


def _edition_document(kind: str, obj, today: date):
    Kind = DocumentEdition.Kind
    return {Kind.PLAN: selectors.plan_document, Kind.DECISION: selectors.decision_document,
            Kind.PROPOSAL: selectors.proposal_document, Kind.MINUTES: selectors.minutes_document,
            Kind.CERTIFICATES: selectors.certificates_document}[kind](obj, today)


def _edition_place(kind: str, obj) -> str:
    if kind == DocumentEdition.Kind.PLAN:
        return obj.place
    return selectors.place_of(obj.organisation if kind == DocumentEdition.Kind.PROPOSAL else obj.issuer)


def _edition_event(by: User | SystemActor, kind: str, obj, edition: DocumentEdition, changes: list,
                   reason: str = "") -> None:
    """The edition's row goes to the owning document's history (the plan's, or the awards'), so
    the history of the document shows when it was sent for signature and issued."""
    links = {"campaign": obj} if kind == DocumentEdition.Kind.PLAN else {"issuer": _edition_owner(kind, obj)[1]}
    model = CampaignEvent if kind == DocumentEdition.Kind.PLAN else AwardEvent
    audit.record(model, actor=by, action=AuditEventBase.Action.CHANGED, target=edition, target_type=EDITION_LABEL,
                 label=f"{DocumentEdition.Kind(kind).label} – phiên bản {edition.number}", changes=changes,
                 reason=reason, **links)


def editions_of(kind: str, object_id: int) -> list[DocumentEdition]:
    return list(DocumentEdition.objects.filter(kind=kind, object_id=object_id).select_related(
        "made_by", "recorded_by").order_by("number"))


def open_edition(kind: str, object_id: int) -> DocumentEdition | None:
    """The latest edition, while it is neither issued nor reopened: the one awaiting signature."""
    last = DocumentEdition.objects.filter(kind=kind, object_id=object_id).order_by("-number").first()
    return last if last is not None and not last.is_issued and not last.closed_reason else None


def _signature_copy(kind: str, obj, today: date) -> tuple[str, str]:
    """The HTML sent for signature, with the number and date left blank for the văn thư even when
    the document already carries them (a plan reopened after its issue), and its notation."""
    doc = _edition_document(kind, obj, today)
    html = render_html(doc)
    notation = getattr(obj, "notation", "") or ""
    place = _edition_place(kind, obj)
    if kind != DocumentEdition.Kind.CERTIFICATES:
        html = stamping.stamp(html, {"number": documents.number_line(None, notation),
                                     "date": documents.date_line(place, None, today.year)})
    return html, notation


def _store_edition(edition: DocumentEdition, field: str, data: bytes, filename: str) -> None:
    stored = files.store(getattr(edition, field), filename, data)
    prefix = "issued_" if field == "issued_file" else ""
    setattr(edition, f"{prefix}sha256", stored.sha256)
    setattr(edition, f"{prefix}size", stored.size)


@transaction.atomic
def send_for_signature(*, by: User | SystemActor, kind: str, obj, reason: str = "") -> DocumentEdition:
    """Trình ký: freeze the document as the next numbered edition (HTML, PDF, SHA-256)."""
    action, organisation = _edition_owner(kind, obj)
    access.require(by, action, organisation)
    Kind = DocumentEdition.Kind
    if kind == Kind.DECISION and obj.status != Decision.Status.DRAFT:
        raise ValidationError("Quyết định đã có số không trình ký lại: đính chính, sửa đổi hoặc thu hồi bằng "
                              "một quyết định khác.")
    if open_edition(kind, obj.pk) is not None:
        raise ValidationError("Văn bản đã trình ký, đang chờ ghi nhận ban hành.")
    last = DocumentEdition.objects.select_for_update().filter(kind=kind, object_id=obj.pk).order_by("-number").first()
    if last is not None and not reason.strip():
        raise ValidationError({"reason": "Ghi lý do lập phiên bản mới."})
    if kind == Kind.PLAN:
        obj = campaign_services.mark_sent_for_signature(by=by, campaign=obj)
    today = clock.today()
    with pdf.without_cyclic_gc():
        html, notation = _signature_copy(kind, obj, today)
        data = pdf.render_pdf(html)
    edition = DocumentEdition(kind=kind, object_id=obj.pk, number=(last.number if last else 0) + 1, html=html,
                              place=_edition_place(kind, obj), notation=notation, made_at=clock.now(),
                              made_by=access.user_or_none(by), reason=reason.strip())
    _store_edition(edition, "file", data, f"{kind}-{obj.pk}-trinh-ky-v{edition.number}.pdf")
    edition.save()
    _edition_event(by, kind, obj, edition, [
        {"field": "edition", "label": "Trình ký", "before": "", "after": f"Phiên bản {edition.number}"},
        {"field": "sha256", "label": "SHA-256 bản trình ký", "before": "", "after": edition.sha256}],
        reason=reason.strip())
    return edition


def _stamp(by: User | SystemActor, kind: str, obj, edition: DocumentEdition, *, number: int, notation: str,
           issue_date: date, signer: str = "") -> DocumentEdition:
    """The issued print: the stored HTML with the registry's number and date, nothing re-rendered."""
    html = stamping.stamp(edition.html, {"number": documents.number_line(number, notation),
                                         "date": documents.date_line(edition.place, issue_date)})
    with pdf.without_cyclic_gc():
        data = pdf.render_pdf(html, archival=True)
    edition.registry_number, edition.registry_notation, edition.issue_date = number, notation, issue_date
    edition.signer, edition.recorded_at, edition.recorded_by = signer[:200], clock.now(), access.user_or_none(by)
    _store_edition(edition, "issued_file", data, f"{kind}-{obj.pk}-ban-hanh-{number}-v{edition.number}.pdf")
    edition.save()
    _edition_event(by, kind, obj, edition, [
        {"field": "registry", "label": "Ghi nhận ban hành",
         "before": "", "after": f"Số {number:02d}/{notation}, ngày {issue_date:%d/%m/%Y} (phiên bản {edition.number})"},
        {"field": "issued_sha256", "label": "SHA-256 bản ban hành", "before": "", "after": edition.issued_sha256}])
    return edition


@transaction.atomic
def record_plan_issue(*, by: User | SystemActor, campaign: Campaign, number: int, notation: str,
                      issue_date: date) -> DocumentEdition:
    """Ghi nhận ban hành of a plan: the campaign moves to issued (campaigns' service, with its own
    checks) and the edition sent for signature gets the number and date. A plan issued without
    trình ký is sent for signature first, in the same transaction, so it too has its edition."""
    edition = open_edition(DocumentEdition.Kind.PLAN, campaign.pk)
    if edition is None:
        if campaign.status != Status.DRAFT:
            raise ValidationError("Kế hoạch đã ban hành. Mở lại (ghi lý do) và trình ký phiên bản mới.")
        edition = send_for_signature(by=by, kind=DocumentEdition.Kind.PLAN, obj=campaign)
    if campaign.status == Status.DRAFT:
        campaign = campaign_services.move_campaign(by=by, campaign=campaign, to=Status.ISSUED, number=number,
                                                   notation=notation, issue_date=issue_date)
    else:
        # A new edition of an issued plan (Kế hoạch điều chỉnh) has a number of its own.
        access.require(by, "campaign.manage", campaign.issuer)
        if not number or not notation.strip() or issue_date is None:
            raise ValidationError("Cần nhập số, ký hiệu và ngày ban hành.")
        if issue_date > clock.today():
            raise ValidationError({"issue_date": "Ngày ban hành không được sau hôm nay."})
    return _stamp(by, DocumentEdition.Kind.PLAN, campaign, edition, number=number, notation=notation.strip(),
                  issue_date=issue_date)


@transaction.atomic
def record_decision_issue(*, by: User | SystemActor, decision: Decision, number: int, notation: str,
                          issue_date: date, signer_prefix: str, signer_title: str, signer_name: str,
                          upload=None) -> DocumentEdition:
    """Ban hành a decision: awards records the number, date and signer (its checks, the money on
    the signing day, the nominations decided); the edition sent for signature is stamped, and the
    certificates are rendered once, now, and kept as an edition of their own."""
    from awards import services as award_services

    edition = open_edition(DocumentEdition.Kind.DECISION, decision.pk)
    if edition is None:
        edition = send_for_signature(by=by, kind=DocumentEdition.Kind.DECISION, obj=decision)
    elif award_selectors.decision_changed_since(decision, edition.made_at):
        # Its list changed after the leader signed: the signed copy no longer says what would be decided.
        raise ValidationError("Danh sách quyết định đã thay đổi sau khi trình ký: mở lại (ghi lý do) và trình ký "
                              "phiên bản mới trước khi ban hành.")
    decision = award_services.issue_decision(
        by=by, decision=decision, number=number, notation=notation, issue_date=issue_date,
        signer_prefix=signer_prefix, signer_title=signer_title, signer_name=signer_name, upload=upload)
    signer = " ".join(filter(None, [decision.signer_prefix, decision.signer_title, decision.signer_name]))
    stamped = _stamp(by, DocumentEdition.Kind.DECISION, decision, edition, number=decision.number,
                     notation=decision.notation, issue_date=decision.issue_date, signer=signer)
    _freeze_certificates(by, decision, signer)
    return stamped


def _freeze_certificates(by: User | SystemActor, decision: Decision, signer: str) -> DocumentEdition:
    kind = DocumentEdition.Kind.CERTIFICATES
    last = DocumentEdition.objects.filter(kind=kind, object_id=decision.pk).order_by("-number").first()
    with pdf.without_cyclic_gc():
        html = render_html(selectors.certificates_document(decision, clock.today()))
        data = pdf.render_pdf(html, archival=True)
    now = clock.now()
    edition = DocumentEdition(kind=kind, object_id=decision.pk, number=(last.number if last else 0) + 1, html=html,
                              place=_edition_place(kind, decision), notation=decision.notation, made_at=now,
                              made_by=access.user_or_none(by), registry_number=decision.number,
                              registry_notation=decision.notation, issue_date=decision.issue_date,
                              signer=signer[:200], recorded_at=now, recorded_by=access.user_or_none(by))
    # Certificates are printed once the decision has its number: the copy made now is the issued one.
    _store_edition(edition, "file", data, f"giay-khen-{decision.number}-v{edition.number}.pdf")
    edition.issued_file, edition.issued_sha256, edition.issued_size = edition.file.name, edition.sha256, edition.size
    edition.save()
    _edition_event(by, kind, decision, edition, [
        {"field": "edition", "label": "Giấy khen theo quyết định", "before": "",
         "after": f"Phiên bản {edition.number}"},
        {"field": "sha256", "label": "SHA-256", "before": "", "after": edition.sha256}])
    return edition


@transaction.atomic
def record_issue(*, by: User | SystemActor, kind: str, obj, number: int, notation: str, issue_date: date,
                 signer: str = "") -> DocumentEdition:
    """Ghi nhận ban hành of a tờ trình or council minutes sent for signature: the number and date
    beside the edition and its issued print (the owning record is not changed)."""
    action, organisation = _edition_owner(kind, obj)
    access.require(by, action, organisation)
    edition = open_edition(kind, obj.pk)
    if edition is None:
        raise ValidationError("Chưa có bản trình ký đang chờ ban hành: trình ký trước.")
    if issue_date > clock.today():
        raise ValidationError({"issue_date": "Ngày ban hành không được sau hôm nay."})
    if not number or not notation.strip():
        raise ValidationError({"number": "Cần nhập số và ký hiệu do văn thư cấp."})
    return _stamp(by, kind, obj, edition, number=number, notation=notation.strip(), issue_date=issue_date,
                  signer=signer)


@transaction.atomic
def reopen_edition(*, by: User | SystemActor, kind: str, obj, reason: str) -> DocumentEdition:
    """Reopen a plan, tờ trình, minutes or a decision still without a number, with a reason: the
    edition stays as it was, the next trình ký makes the next one. A decision with a number is never
    reopened (offices correct, amend or revoke it by another decision)."""
    action, organisation = _edition_owner(kind, obj)
    access.require(by, action, organisation)
    if kind == DocumentEdition.Kind.CERTIFICATES or (kind == DocumentEdition.Kind.DECISION
                                                     and obj.status != Decision.Status.DRAFT):
        raise ValidationError("Quyết định đã có số không mở lại được: đính chính, sửa đổi hoặc thu hồi bằng một "
                              "quyết định khác.")
    if not reason.strip():
        raise ValidationError({"reason": "Ghi lý do mở lại."})
    edition = DocumentEdition.objects.select_for_update().filter(kind=kind, object_id=obj.pk).order_by(
        "-number").first()
    if edition is None or edition.closed_reason:
        raise ValidationError("Văn bản chưa trình ký.")
    edition.closed_reason = reason.strip()
    edition.save(update_fields=["closed_reason"])
    if kind == DocumentEdition.Kind.PLAN:
        campaign_services.reopen_for_signature(by=by, campaign=obj, reason=reason)
    _edition_event(by, kind, obj, edition, [
        {"field": "closed", "label": "Mở lại", "before": f"Phiên bản {edition.number}",
         "after": "Lập phiên bản mới ở lần trình ký sau"}], reason=reason.strip())
    return edition
