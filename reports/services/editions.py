"""Editions of plans, decisions and their Giấy khen, tờ trình and council minutes (issue 13).
Each call checks the user through units.access, runs in one transaction and writes its history row."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from awards import selectors as award_selectors
from awards.models import AwardEvent, CouncilSession, Decision, Proposal
from campaigns import services as campaign_services
from campaigns.lifecycle import Status
from campaigns.models import Campaign, CampaignEvent
from common import audit, clock, files
from common.models import AuditEventBase
from reports import documents, pdf, selectors, stamping
from reports.models import DocumentEdition
from reports.services.summary import render_html
from units import access
from units.access import SystemActor
from units.models import Organisation, User

# --- Editions: what was sent for signature never changes (issue 13) -----------------------------------
#
# Trình ký renders the document from the data once, with the number and date blank for the văn
# thư, and keeps that HTML, its PDF and SHA-256 as edition N (DocumentEdition). Recording the issue
# stores the registry's number and date beside it and an issued print made from the stored HTML
# (reports/stamping.py). Nothing here renders live data again for an edition.

EDITION_LABEL = "phiên bản văn bản"


def edition_owner(kind: str, obj) -> tuple[str, Organisation]:
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
        return obj.place or selectors.place_of(obj.issuer)
    return selectors.place_of(obj.organisation if kind == DocumentEdition.Kind.PROPOSAL else obj.issuer)


def _edition_event(by: User | SystemActor, kind: str, obj, edition: DocumentEdition, changes: list,
                   reason: str = "") -> None:
    """The edition's row goes to the owning document's history (the plan's, or the awards'), so
    the history of the document shows when it was sent for signature and issued."""
    links = {"campaign": obj} if kind == DocumentEdition.Kind.PLAN else {"issuer": edition_owner(kind, obj)[1]}
    model = CampaignEvent if kind == DocumentEdition.Kind.PLAN else AwardEvent
    audit.record(model, actor=by, action=AuditEventBase.Action.CHANGED, target=edition, target_type=EDITION_LABEL,
                 label=f"{DocumentEdition.Kind(kind).label} – phiên bản {edition.number}", changes=changes,
                 reason=reason, **links)


def _locked(kind: str, obj):
    """The document's row, locked for the rest of the transaction: two clicks on "Trình ký" or
    "Ghi nhận ban hành" (a double submit, two colleagues) run one after the other, and the second
    sees what the first made instead of numbering the same edition twice or stamping it again."""
    Kind = DocumentEdition.Kind
    model = {Kind.PLAN: Campaign, Kind.DECISION: Decision, Kind.CERTIFICATES: Decision, Kind.PROPOSAL: Proposal,
             Kind.MINUTES: CouncilSession}[kind]
    return model.objects.select_for_update(of=("self",)).get(pk=obj.pk)


def editions_of(kind: str, object_id: int) -> list[DocumentEdition]:
    return list(DocumentEdition.objects.filter(kind=kind, object_id=object_id).select_related(
        "made_by", "recorded_by").order_by("number"))


def current_edition(kind: str, object_id: int) -> DocumentEdition | None:
    """The edition that is the document now: the latest, unless it was reopened for a new one."""
    edition = DocumentEdition.objects.filter(kind=kind, object_id=object_id).order_by("-number").first()
    return None if edition is None or edition.closed_reason else edition


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
                                     "date": documents.document_date_line(place, None, year=today.year)})
    return html, notation


def _store_edition(edition: DocumentEdition, field: str, data: bytes, filename: str) -> None:
    stored = files.store(getattr(edition, field), filename, data)
    prefix = "issued_" if field == "issued_file" else ""
    setattr(edition, f"{prefix}sha256", stored.sha256)
    setattr(edition, f"{prefix}size", stored.size)


@transaction.atomic
def send_for_signature(*, by: User | SystemActor, kind: str, obj, reason: str = "") -> DocumentEdition:
    """Trình ký: freeze the document as the next numbered edition (HTML, PDF, SHA-256)."""
    action, organisation = edition_owner(kind, obj)
    access.require(by, action, organisation)
    obj = _locked(kind, obj)
    Kind = DocumentEdition.Kind
    if kind == Kind.DECISION and obj.status != Decision.Status.DRAFT:
        raise ValidationError("Quyết định đã có số không trình ký lại: đính chính, sửa đổi hoặc thu hồi bằng "
                              "một quyết định khác.")
    if open_edition(kind, obj.pk) is not None:
        raise ValidationError("Văn bản đã trình ký, đang chờ ghi nhận ban hành.")
    last = DocumentEdition.objects.select_for_update().filter(kind=kind, object_id=obj.pk).order_by("-number").first()
    if last is not None and not reason.strip():
        if not last.closed_reason:
            raise ValidationError({"reason": "Ghi lý do lập phiên bản mới."})
        reason = last.closed_reason      # reopened with a reason: the new edition is made for it
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
                                         "date": documents.document_date_line(edition.place, issue_date)})
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
    access.require(by, "campaign.manage", campaign.issuer)
    campaign = _locked(DocumentEdition.Kind.PLAN, campaign)
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

    action, organisation = edition_owner(DocumentEdition.Kind.DECISION, decision)
    access.require(by, action, organisation)
    decision = _locked(DocumentEdition.Kind.DECISION, decision)
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
    action, organisation = edition_owner(kind, obj)
    access.require(by, action, organisation)
    obj = _locked(kind, obj)
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
    action, organisation = edition_owner(kind, obj)
    access.require(by, action, organisation)
    if kind == DocumentEdition.Kind.CERTIFICATES or (kind == DocumentEdition.Kind.DECISION
                                                     and obj.status != Decision.Status.DRAFT):
        raise ValidationError("Quyết định đã có số không mở lại được: đính chính, sửa đổi hoặc thu hồi bằng một "
                              "quyết định khác.")
    if not reason.strip():
        raise ValidationError({"reason": "Ghi lý do mở lại."})
    obj = _locked(kind, obj)
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
