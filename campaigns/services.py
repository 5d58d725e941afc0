"""The only code that changes campaigns and what they hold. Every call checks the acting user
through units.access, runs in one transaction and writes a CampaignEvent with before/after."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from campaigns import copying, deadlines, formatting, lifecycle, selectors
from campaigns.lifecycle import Status
from campaigns.models import (
    Campaign,
    CampaignEvent,
    LegalBasis,
    Participation,
    Pledge,
    Quota,
    Recipient,
    ReportingPeriod,
    Section,
    SubCampaign,
)
from campaigns.signals import plan_copied
from common import audit, clock, files
from common.forms import parse_id
from common.text import format_date, nfc, normalise_search
from common.urls import reverse_ids
from units import access
from units.access import SystemActor
from units.models import AuditEvent as UnitEvent
from units.models import Organisation, User

CAMPAIGN_FIELDS = [
    "issuer", "document_kind", "document_parent_line", "document_name_line", "title", "theme", "form",
    "form_label", "number", "notation", "place", "issue_date", "issue_month", "issue_year", "year",
    "period_start", "period_end", "status", "preamble", "closing", "signer_prefix", "signer_title",
    "signer_name",
]
ITEM_FIELDS = {
    Section: ["order", "level", "heading", "body", "block"],
    LegalBasis: ["order", "lead", "kind", "number", "issued_on", "issuer_name", "subject", "text", "separator"],
    Recipient: ["order", "text", "purpose", "is_archive"],
    ReportingPeriod: ["kind", "year", "label", "deadline_text", "deadline", "deadline_inclusive",
                      "request_reference", "order"],
}
SUBCAMPAIGN_FIELDS = [
    "parent", "order", "number", "title", "title_end", "host_label", "host_text", "host", "responsible_label",
    "responsible_text", "responsible_end", "responsible", "content", "award_timing", "award_from", "award_to",
    "criteria", "quota_note", "quota_printed", "quota_per_programme", "needs_detailed_plan",
]
PLEDGE_FIELDS = ["title", "bloc", "signed_on", "commitments", "file"]
KIND_LABELS = dict(Quota.RecipientKind.choices)


def _record(
    *, by: User | SystemActor, campaign: Campaign, action: str, target: models.Model, before=None, after=None,
    reason: str = "", changes: list | None = None, label: str | None = None,
) -> CampaignEvent | None:
    rows = changes if changes is not None else audit.diff(before, after)
    if not rows and action == CampaignEvent.Action.CHANGED:
        return None
    return audit.record(CampaignEvent, campaign=campaign, actor=by, action=action, target=target, label=label,
                        changes=rows, reason=reason)


def _require_manage(by: User | SystemActor, campaign: Campaign, *, reason: str = "", editing: bool = True) -> None:
    """Managers of the issuer may change the campaign; once issued, every change needs a reason."""
    access.require(by, "campaign.manage", campaign.issuer)
    if editing:
        if not lifecycle.is_editable(campaign.status):
            raise ValidationError(_("Phong trào đã kết thúc, không thể sửa."))
        # The loaders transcribe issued plans as they were: no reason to give.
        if not access.is_system(by) and campaign.edits_need_reason and not reason.strip():
            raise ValidationError({"reason": _("Kế hoạch đã ban hành: hãy ghi lý do điều chỉnh.") if
                                   campaign.status != Status.DRAFT else
                                   _("Kế hoạch đã trình ký: hãy ghi lý do điều chỉnh.")})


def _fill_campaign(campaign: Campaign) -> None:
    campaign.title = nfc(campaign.title).strip()
    campaign.search_text = normalise_search(
        f"{campaign.title} {campaign.theme} {campaign.notation} {campaign.number or ''}"
    )


def _check_plan(campaign: Campaign) -> None:
    problems = lifecycle.plan_problems(year=campaign.year, period_start=campaign.period_start,
                                       period_end=campaign.period_end, issue_date=campaign.issue_date,
                                       today=clock.today())
    if problems:
        raise ValidationError(problems)


def _check_registry_number(campaign: Campaign) -> None:
    """Numbers restart every calendar year (NĐ 30/2020): one per issuer, notation and year of issue."""
    if not campaign.number or campaign.issue_date is None:
        return
    clash = Campaign.objects.filter(issuer=campaign.issuer, number=campaign.number,
                                    notation__iexact=campaign.notation, issue_date__year=campaign.issue_date.year)
    if clash.exclude(pk=campaign.pk).exists():
        raise ValidationError({"number": _("Số ký hiệu này đã được dùng cho một văn bản khác của cơ quan trong năm.")})


def _check_period(campaign: Campaign, period: ReportingPeriod) -> None:
    """Fill whichever of the printed deadline and its date is missing from the other, then check."""
    if period.deadline is None and period.deadline_text:
        period.deadline, inclusive = deadlines.parse_deadline_text(period.deadline_text, period.year)
        if inclusive is not None:
            period.deadline_inclusive = inclusive
    elif period.deadline is not None and not period.deadline_text:
        period.deadline_text = deadlines.deadline_text_for(period.deadline, period.deadline_inclusive)
    problems = deadlines.period_problems(period.kind, period.year, period.deadline, campaign_year=campaign.year,
                                         deadline_text=period.deadline_text)
    if problems:
        raise ValidationError(problems)
    if period.kind in (ReportingPeriod.Kind.SIX_MONTH, ReportingPeriod.Kind.YEAR):
        twin = campaign.periods.filter(kind=period.kind, year=period.year).exclude(pk=period.pk)
        if twin.exists():
            message = _("Kế hoạch đã có kỳ báo cáo này cho năm %(year)s.") % {"year": period.year}
            raise ValidationError({"kind": message})


def _locked(campaign: Campaign) -> Campaign:
    return Campaign.objects.select_for_update().select_related("issuer").get(pk=campaign.pk)


# --- Campaign ---------------------------------------------------------------------------------


@transaction.atomic
def create_campaign(
    *, by: User | SystemActor, issuer: Organisation, quotas: dict[str, int | None] | None = None, **fields
) -> Campaign:
    """Create a draft campaign of `issuer`; document header lines default from the issuer."""
    access.require(by, "campaign.manage", issuer)
    if issuer.is_closed:
        raise ValidationError({"issuer": _("Cơ quan ban hành đã ngừng hoạt động.")})
    fields.setdefault("document_parent_line", issuer.document_parent_line)
    fields.setdefault("document_name_line", issuer.document_name_line or issuer.name.upper())
    fields.setdefault("place", issuer.place_name)
    fields.setdefault("status", Status.DRAFT)
    campaign = Campaign(issuer=issuer, created_by=access.user_or_none(by), **fields)
    _fill_campaign(campaign)
    _check_plan(campaign)
    campaign.full_clean(exclude=["search_text"])
    campaign.save()
    _record(by=by, campaign=campaign, action=CampaignEvent.Action.CREATED, target=campaign,
            after=audit.snapshot(campaign, CAMPAIGN_FIELDS))
    for kind, count in (quotas or {}).items():
        _apply_quota(by=by, campaign=campaign, subcampaign=None, kind=kind, count=count, reason="")
    return campaign


@transaction.atomic
def update_campaign(
    *, by: User | SystemActor, campaign: Campaign, reason: str = "", quotas: dict[str, int | None] | None = None,
    expected_version: int | None = None, **fields,
) -> Campaign:
    """Change the plan's general information. With `expected_version` (what the form was loaded
    at), a change saved meanwhile by someone else is refused rather than overwritten."""
    campaign = _locked(campaign)
    _require_manage(by, campaign, reason=reason)
    if expected_version is not None and expected_version != campaign.version:
        last = campaign.events.select_related("actor").first()
        who = last.actor.get_full_name() if last and last.actor else "người khác"
        raise ValidationError(_("Kế hoạch vừa được %(who)s sửa (lúc %(when)s). Hãy mở lại trang sửa để xem thay đổi "
                                "rồi nhập lại phần của bạn.")
                              % {"who": who, "when": format_date(last.at) if last else ""})
    fields.pop("status", None)  # status only moves through move_campaign
    if "issuer" in fields and fields["issuer"] != campaign.issuer:
        access.require(by, "campaign.manage", fields["issuer"])
    before = audit.snapshot(campaign, CAMPAIGN_FIELDS)
    registry_before = {name: getattr(campaign, name) for name in ("number", "notation", "issue_date")}
    for name, value in fields.items():
        setattr(campaign, name, value)
    _fill_campaign(campaign)
    removed = lifecycle.registry_fields_removed(
        campaign.status, registry_before, {name: getattr(campaign, name) for name in registry_before})
    if removed:
        message = _("Kế hoạch đã ban hành giữ số, ký hiệu và ngày văn thư đã cấp.")
        raise ValidationError({name: message for name in removed})
    _check_plan(campaign)
    _check_registry_number(campaign)
    campaign.full_clean(exclude=["search_text"])
    campaign.version += 1
    campaign.save()
    _record(by=by, campaign=campaign, action=CampaignEvent.Action.CHANGED, target=campaign, before=before,
            after=audit.snapshot(campaign, CAMPAIGN_FIELDS), reason=reason)
    for kind, count in (quotas or {}).items():
        _apply_quota(by=by, campaign=campaign, subcampaign=None, kind=kind, count=count, reason=reason)
    return campaign


@transaction.atomic
def delete_draft(*, by: User | SystemActor, campaign: Campaign, reason: str = "") -> None:
    """Delete a draft that was never issued, with everything in it. Issued plans are documents and
    are never deleted. The deletion is kept in the issuer's history, where people look for it; the
    campaign's own rows stay too (audit rows outlive what they describe)."""
    campaign = _locked(campaign)
    _require_manage(by, campaign, editing=False)
    if campaign.status != Status.DRAFT:
        raise ValidationError(_("Chỉ xóa được kế hoạch còn là dự thảo."))
    audit.record(
        UnitEvent, actor=by, organisation=campaign.issuer, action=UnitEvent.Action.DELETED, target=campaign,
        label=campaign.title, changes=audit.diff(audit.snapshot(campaign, CAMPAIGN_FIELDS), None), reason=reason,
    )
    _delete(campaign)


@transaction.atomic
def move_campaign(
    *, by: User | SystemActor, campaign: Campaign, to: str, reason: str = "", number: int | None = None,
    notation: str | None = None, issue_date: date | None = None,
) -> Campaign:
    """Move a campaign along its lifecycle. Recording the issue stores the registry's number,
    notation and date. Raises ValidationError for a move the lifecycle does not allow."""
    campaign = _locked(campaign)
    _require_manage(by, campaign, editing=False)
    if not lifecycle.can_move(campaign.status, to):
        raise ValidationError(_("Không thể chuyển phong trào từ “%(a)s” sang “%(b)s”.")
                              % {"a": Status(campaign.status).label, "b": Status(to).label})
    if not access.is_system(by) and lifecycle.needs_reason(campaign.status, to, today=clock.today(),
                                                         period_end=campaign.period_end) and not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi lý do (mở lại, hoặc tổng kết trước khi hết thời gian thi đua).")})
    before = audit.snapshot(campaign, CAMPAIGN_FIELDS)
    if to == Status.ISSUED:
        campaign.number = number if number is not None else campaign.number
        campaign.notation = (notation if notation is not None else campaign.notation).strip()
        campaign.issue_date = issue_date or campaign.issue_date
        missing = lifecycle.missing_for_issue(number=campaign.number, notation=campaign.notation,
                                              issue_date=campaign.issue_date)
        if missing:
            raise ValidationError({name: _("Cần nhập để ghi nhận ban hành.") for name in missing})
        if campaign.issue_date > clock.today():
            raise ValidationError({"issue_date": _("Ngày ban hành không được sau hôm nay.")})
        if issue_date is not None:
            campaign.issue_month = None
            campaign.issue_year = None
        _check_registry_number(campaign)
    campaign.status = to
    campaign.version += 1
    campaign.save()
    _record(by=by, campaign=campaign, action=CampaignEvent.Action.TRANSITION, target=campaign, before=before,
            after=audit.snapshot(campaign, CAMPAIGN_FIELDS), reason=reason)
    return campaign


@transaction.atomic
def mark_sent_for_signature(*, by: User | SystemActor, campaign: Campaign) -> Campaign:
    """The plan goes to the leader to sign (trình ký): reports freezes the copy; from now on a
    change to the plan needs a reason."""
    campaign = _locked(campaign)
    _require_manage(by, campaign, editing=False)
    if not lifecycle.is_editable(campaign.status):
        raise ValidationError(_("Phong trào đã kết thúc, không thể trình ký lại."))
    if campaign.sent_for_signature_at is not None:
        raise ValidationError(_("Kế hoạch đã trình ký. Mở lại (ghi lý do) để trình ký phiên bản mới."))
    campaign.sent_for_signature_at = clock.now()
    campaign.version += 1
    campaign.save(update_fields=["sent_for_signature_at", "version", "updated_at"])
    _record(by=by, campaign=campaign, action=CampaignEvent.Action.TRANSITION, target=campaign, changes=[
        {"field": "sent_for_signature_at", "label": "Trình ký", "before": "",
         "after": f"Đã trình ký ngày {format_date(clock.today())}"}])
    return campaign


@transaction.atomic
def reopen_for_signature(*, by: User | SystemActor, campaign: Campaign, reason: str) -> Campaign:
    """Reopen a plan sent for signature (or issued) to make a new edition; the signed edition stays."""
    campaign = _locked(campaign)
    _require_manage(by, campaign, editing=False)
    if campaign.sent_for_signature_at is None:
        raise ValidationError(_("Kế hoạch chưa trình ký."))
    if not reason.strip():
        raise ValidationError({"reason": _("Ghi lý do mở lại kế hoạch.")})
    campaign.sent_for_signature_at = None
    campaign.version += 1
    campaign.save(update_fields=["sent_for_signature_at", "version", "updated_at"])
    _record(by=by, campaign=campaign, action=CampaignEvent.Action.TRANSITION, target=campaign, reason=reason.strip(),
            changes=[{"field": "sent_for_signature_at", "label": "Trình ký", "before": "Đã trình ký",
                      "after": "Mở lại để lập phiên bản mới"}])
    return campaign


# --- Sections, căn cứ, nơi nhận, reporting periods -------------------------------------------------


@transaction.atomic
def save_item(*, by: User | SystemActor, campaign: Campaign, instance: models.Model, reason: str = "") -> models.Model:
    """Create or change one of the campaign's simple rows (its fields already set on `instance`)."""
    campaign = _locked(campaign)
    _require_manage(by, campaign, reason=reason)
    fields = ITEM_FIELDS[type(instance)]
    if isinstance(instance, ReportingPeriod):
        _check_period(campaign, instance)
    created = instance.pk is None
    before = None if created else audit.snapshot(type(instance).objects.get(pk=instance.pk), fields)
    if isinstance(instance, LegalBasis):
        instance.needs_review = False  # saved from its form: a person has looked at it (copy_plan's mark)
    instance.campaign = campaign
    instance.full_clean()
    instance.save()
    _record(by=by, campaign=campaign, action=CampaignEvent.Action.CREATED if created else CampaignEvent.Action.CHANGED,
            target=instance, before=before, after=audit.snapshot(instance, fields), reason=reason)
    return instance


@transaction.atomic
def delete_item(*, by: User | SystemActor, campaign: Campaign, instance: models.Model, reason: str = "") -> None:
    campaign = _locked(campaign)
    _require_manage(by, campaign, reason=reason)
    if instance.campaign_id != campaign.pk:
        raise PermissionDenied
    fields = ITEM_FIELDS.get(type(instance), [])
    _record(by=by, campaign=campaign, action=CampaignEvent.Action.DELETED, target=instance,
            before=audit.snapshot(instance, fields), reason=reason)
    _delete(instance)


def _delete(instance: models.Model) -> None:
    """Delete a row, or say what still rests on it (a report made for this period, a proposal
    under this item): the database protects those rows, and a refused deletion is not a fault."""
    try:
        instance.delete()
    except models.ProtectedError as error:
        users = sorted({str(obj._meta.verbose_name) for obj in error.protected_objects})
        raise ValidationError(_("Không xóa được %(what)s này vì còn %(users)s gắn với nó; hãy xóa hoặc chuyển những "
                                "mục đó trước.") % {"what": instance._meta.verbose_name,
                                                    "users": ", ".join(users)}) from error


# --- Sub-campaigns and quotas -------------------------------------------------------------------


def _apply_quota(
    *, by: User | SystemActor, campaign: Campaign, subcampaign: SubCampaign | None, kind: str, count: int | None,
    reason: str,
) -> None:
    """Set one quota; None removes it ("no quota" is not a zero quota)."""
    if kind not in Quota.RecipientKind.values:
        raise ValidationError(_("Đối tượng khen thưởng không hợp lệ."))
    if count is not None and count < 0:
        raise ValidationError(_("Số lượng không được âm."))
    # order_by(): the model's default ordering joins the nullable sub-campaign, which FOR UPDATE refuses.
    quota = Quota.objects.select_for_update().filter(campaign=campaign, subcampaign=subcampaign,
                                                     recipient_kind=kind).order_by().first()
    old = "" if quota is None else str(quota.count)
    if count is None:
        if quota is not None:
            quota.delete()
    elif quota is None:
        quota = Quota.objects.create(campaign=campaign, subcampaign=subcampaign, recipient_kind=kind, count=count)
    elif quota.count != count:
        quota.count = count
        quota.save(update_fields=["count"])
    new = "" if count is None else str(count)
    if old != new:
        where = str(subcampaign) if subcampaign else campaign.title
        _record(by=by, campaign=campaign, action=CampaignEvent.Action.CHANGED,
                target=subcampaign or campaign, label=where, reason=reason,
                changes=[{"field": f"quota_{kind}", "label": f"Số lượng khen thưởng {KIND_LABELS[kind].lower()}",
                          "before": old or "không quy định", "after": new or "không quy định"}])


def _check_printed_quota(item: SubCampaign) -> None:
    """A printed quota line says the item's numbers: refuse a save that leaves them apart (the item's own
    line, and its per-programme parent's when a programme's quota changes)."""
    if item.quota_printed:
        problem = formatting.printed_quota_problem(item.quota_printed, *selectors.printed_quota_counts(item))
        if problem:
            raise ValidationError({"quota_printed": problem})
    parent = item.parent if item.parent_id else None
    if parent is not None and parent.quota_per_programme and parent.quota_printed:
        problem = formatting.printed_quota_problem(parent.quota_printed, *selectors.printed_quota_counts(parent))
        if problem:
            raise ValidationError(_("Nội dung %(item)s: %(problem)s Hãy sửa dòng số lượng như văn bản in của "
                                    "nội dung đó.") % {"item": parent, "problem": problem})


@transaction.atomic
def set_quota(
    *, by: User | SystemActor, campaign: Campaign, kind: str, count: int | None,
    subcampaign: SubCampaign | None = None, reason: str = "",
) -> None:
    campaign = _locked(campaign)
    _require_manage(by, campaign, reason=reason)
    if subcampaign is not None and subcampaign.campaign_id != campaign.pk:
        raise PermissionDenied
    _apply_quota(by=by, campaign=campaign, subcampaign=subcampaign, kind=kind, count=count, reason=reason)
    if subcampaign is not None:
        _check_printed_quota(subcampaign)


@transaction.atomic
def save_subcampaign(
    *, by: User | SystemActor, campaign: Campaign, instance: SubCampaign, quotas: dict[str, int | None] | None = None,
    reason: str = "",
) -> SubCampaign:
    campaign = _locked(campaign)
    _require_manage(by, campaign, reason=reason)
    if instance.parent_id:
        parent = SubCampaign.objects.get(pk=instance.parent_id)
        if parent.campaign_id != campaign.pk:
            raise ValidationError({"parent": _("Nội dung cấp trên không thuộc phong trào này.")})
        if instance.pk and _is_descendant(parent, instance.pk):
            raise ValidationError({"parent": _("Không thể đặt một nội dung vào chính nội dung con của nó.")})
    for field in ("host", "responsible"):
        org = getattr(instance, field)
        if org is not None and not access.can_see(by, org):
            raise PermissionDenied
    created = instance.pk is None
    before = None if created else audit.snapshot(SubCampaign.objects.get(pk=instance.pk), SUBCAMPAIGN_FIELDS)
    instance.campaign = campaign
    instance.title = nfc(instance.title).strip()
    instance.quota_printed = nfc(instance.quota_printed).strip()
    instance.full_clean()
    instance.save()
    _record(by=by, campaign=campaign, action=CampaignEvent.Action.CREATED if created else CampaignEvent.Action.CHANGED,
            target=instance, before=before, after=audit.snapshot(instance, SUBCAMPAIGN_FIELDS), reason=reason)
    for kind, count in (quotas or {}).items():
        _apply_quota(by=by, campaign=campaign, subcampaign=instance, kind=kind, count=count, reason=reason)
    _check_printed_quota(instance)
    return instance


def _is_descendant(node: SubCampaign, ancestor_pk: int) -> bool:
    while node is not None:
        if node.pk == ancestor_pk:
            return True
        node = node.parent
    return False


@transaction.atomic
def delete_subcampaign(*, by: User | SystemActor, campaign: Campaign, subcampaign: SubCampaign,
                       reason: str = "") -> None:
    campaign = _locked(campaign)
    _require_manage(by, campaign, reason=reason)
    if subcampaign.campaign_id != campaign.pk:
        raise PermissionDenied
    if subcampaign.children.exists():
        raise ValidationError(_("Hãy xóa các nội dung con trước."))
    _record(by=by, campaign=campaign, action=CampaignEvent.Action.DELETED, target=subcampaign,
            before=audit.snapshot(subcampaign, SUBCAMPAIGN_FIELDS), reason=reason)
    _delete(subcampaign)


# --- Participants and pledges ----------------------------------------------------------------------


@transaction.atomic
def add_participants(
    *, by: User | SystemActor, campaign: Campaign, organisations: list[Organisation], registered_on: date | None = None,
    reason: str = "",
) -> int:
    """Register organisations as taking part; ones already in are skipped. Returns how many were added."""
    campaign = _locked(campaign)
    _require_manage(by, campaign, reason=reason)
    existing = set(campaign.participations.values_list("organisation_id", flat=True))
    added = []
    for org in organisations:
        if org.pk in existing:
            continue
        if not access.can_see(by, org):
            raise PermissionDenied
        if org.is_closed:
            raise ValidationError(_("Đơn vị “%(name)s” đã ngừng hoạt động.") % {"name": org.name})
        added.append(Participation(campaign=campaign, organisation=org, registered_on=registered_on or clock.today()))
        existing.add(org.pk)
    Participation.objects.bulk_create(added)
    if added:
        _record(by=by, campaign=campaign, action=CampaignEvent.Action.CHANGED, target=campaign, reason=reason,
                label=campaign.title,
                changes=[{"field": "participants", "label": "Thêm đơn vị tham gia", "before": "",
                          "after": "; ".join(p.organisation.name for p in added)}])
    return len(added)


@transaction.atomic
def remove_participant(*, by: User | SystemActor, campaign: Campaign, participation: Participation,
                       reason: str = "") -> None:
    campaign = _locked(campaign)
    _require_manage(by, campaign, reason=reason)
    if participation.campaign_id != campaign.pk:
        raise PermissionDenied
    if participation.organisation.pledges.filter(campaign=campaign).exists():
        raise ValidationError(_("Đơn vị đã ký giao ước trong phong trào này; hãy sửa giao ước trước."))
    _record(by=by, campaign=campaign, action=CampaignEvent.Action.CHANGED, target=campaign, reason=reason,
            label=campaign.title,
            changes=[{"field": "participants", "label": "Bỏ đơn vị tham gia",
                      "before": participation.organisation.name, "after": ""}])
    _delete(participation)


@transaction.atomic
def save_pledge(
    *, by: User | SystemActor, campaign: Campaign, instance: Pledge, parties: list[Organisation], reason: str = "",
) -> Pledge:
    """Record a giao ước thi đua. Its parties must take part in the campaign (at least two)."""
    campaign = _locked(campaign)
    _require_manage(by, campaign, reason=reason)
    participant_ids = set(campaign.participations.values_list("organisation_id", flat=True))
    if instance.signed_on is not None:
        if instance.signed_on > clock.today():
            raise ValidationError({"signed_on": _("Ngày ký không được sau hôm nay.")})
        if instance.signed_on.year < campaign.year - 1:
            raise ValidationError({"signed_on": _("Ngày ký quá sớm so với năm thi đua %(year)s.")
                                   % {"year": campaign.year}})
    if len(parties) < 2:
        raise ValidationError({"parties": _("Giao ước cần ít nhất hai bên.")})
    outsiders = [org.name for org in parties if org.pk not in participant_ids]
    if outsiders:
        raise ValidationError({"parties": _("Chưa tham gia phong trào: %(names)s.") % {"names": ", ".join(outsiders)}})
    if instance.bloc is not None:
        bloc_visible = access.is_admin(by) or any(access.can_see(by, org) for org in parties)
        if not bloc_visible:
            raise PermissionDenied
    created = instance.pk is None
    before = None
    old_parties = ""
    if not created:
        previous = Pledge.objects.get(pk=instance.pk)
        before = audit.snapshot(previous, PLEDGE_FIELDS)
        old_parties = "; ".join(sorted(o.name for o in previous.parties.all()))
    instance.campaign = campaign
    instance.full_clean()
    files.store_pending(instance)
    instance.save()
    instance.parties.set(parties)
    changes = audit.diff(before, audit.snapshot(instance, PLEDGE_FIELDS))
    new_parties = "; ".join(sorted(o.name for o in parties))
    if new_parties != old_parties:
        changes.append({"field": "parties", "label": "Các bên ký", "before": old_parties, "after": new_parties})
    _record(by=by, campaign=campaign, action=CampaignEvent.Action.CREATED if created else CampaignEvent.Action.CHANGED,
            target=instance, changes=changes, reason=reason)
    return instance


@transaction.atomic
def delete_pledge(*, by: User | SystemActor, campaign: Campaign, pledge: Pledge, reason: str = "") -> None:
    campaign = _locked(campaign)
    _require_manage(by, campaign, reason=reason)
    if pledge.campaign_id != campaign.pk:
        raise PermissionDenied
    _record(by=by, campaign=campaign, action=CampaignEvent.Action.DELETED, target=pledge,
            before=audit.snapshot(pledge, PLEDGE_FIELDS), reason=reason)
    _delete(pledge)


# --- Copying a plan forward (issue 19 point 1) ------------------------------------------------------------

COPY_YEARS_BACK, COPY_YEARS_AHEAD = 1, 5


def copy_year_range(today: date) -> tuple[int, int]:
    """The years a plan may be copied to: the running one, the one just ended, a few ahead."""
    return today.year - COPY_YEARS_BACK, today.year + COPY_YEARS_AHEAD


def open_successor(organisation: Organisation) -> Organisation | None:
    """The open organisation that took over a closed one, following a chain of mergers."""
    seen: set[int] = set()
    current = organisation
    while current is not None and current.is_closed and current.pk not in seen:
        seen.add(current.pk)
        current = current.successor
    return None if current is None or current.is_closed else current


def _copy_org(org: Organisation | None, successors: dict[int, Organisation | None]) -> Organisation | None:
    if org is None or not org.is_closed:
        return org
    if org.pk not in successors:
        successors[org.pk] = open_successor(org)
    return successors[org.pk]


@transaction.atomic
def copy_plan(*, by: User | SystemActor, source: Campaign, issuer: Organisation, year: int, title: str) -> Campaign:
    """Make a draft of `issuer` for `year` from `source`, in one transaction: its header, sections, căn cứ,
    nơi nhận, content items and their quotas, the plan's own quotas, participants and reporting periods,
    then (through campaigns.signals.plan_copied) what later apps own, i.e. the indicators.

    Dates move by whole years (29/02 → 28/02); the title is the one given. What the copy cannot decide is
    kept for a person, not changed: căn cứ that look bound to the source year are copied and marked
    needs_review; prose naming the year, closed participants and their successors (added when open and
    visible to `by`), deadlines already passed and targets kept from the source are listed in the draft's
    copy_review. Results, reports, pledges, nominations and awards stay with the source, which is only read.

    Raises PermissionDenied when `by` cannot see the source or manage campaigns of `issuer`, and
    ValidationError (by field: year, issuer, title) for a year out of range, a closed issuer or a plan of
    the issuer with the same title and year."""
    if not Campaign.objects.visible_to(by).filter(pk=source.pk).exists():
        raise PermissionDenied
    access.require(by, "campaign.manage", issuer)
    low, high = copy_year_range(clock.today())
    if not low <= year <= high:
        raise ValidationError({"year": _("Năm thi đua của bản sao phải trong khoảng %(low)s–%(high)s.")
                               % {"low": low, "high": high}})
    title = nfc(title or "").strip()
    if not title:
        raise ValidationError({"title": _("Ghi trích yếu của kế hoạch mới.")})
    if Campaign.objects.filter(issuer=issuer, year=year, title__iexact=title).exists():
        raise ValidationError({"title": _("%(issuer)s đã có kế hoạch “%(title)s” năm %(year)s. Hãy mở kế hoạch đó, "
                                          "hoặc đổi trích yếu.") % {"issuer": issuer.name, "title": title,
                                                                    "year": year}})
    years = year - source.year
    same_issuer = issuer.pk == source.issuer_id
    fields = {name: getattr(source, name) for name in (
        "document_kind", "theme", "form", "form_label", "notation", "preamble", "closing")}
    if same_issuer:
        # Another issuer prints its own header, place and signer (create_campaign fills them from it).
        fields |= {name: getattr(source, name) for name in (
            "document_parent_line", "document_name_line", "place", "signer_prefix", "signer_title", "signer_name")}
    elif source.notation and source.issuer.code and source.notation.endswith(f"-{source.issuer.code}"):
        fields["notation"] = source.notation[: -len(source.issuer.code)] + issuer.code
    target = create_campaign(by=by, issuer=issuer, title=title, year=year,
                             period_start=copying.shift_date(source.period_start, years),
                             period_end=copying.shift_date(source.period_end, years), **fields)
    review: list[dict] = []
    successors: dict[int, Organisation | None] = {}

    def about_year(kind: str, key: str, where: str, *texts: str, url: str = "") -> None:
        if any(copying.mentions_year(text, source.year) for text in texts):
            review.append(copying.review_item(kind, key, where, _("Lời văn còn nhắc năm %(year)s; sửa nếu cần.")
                                              % {"year": source.year}, url))

    about_year("text", "preamble", _("Lời mở đầu, đoạn kết"), target.preamble, target.closing,
               url=reverse_ids("campaigns:campaign-update", target.pk))
    counts = {"sections": 0, "legal_bases": 0, "recipients": 0, "subcampaigns": 0, "quotas": 0,
              "participants": 0, "periods": 0}

    for section in source.sections.all():
        copy = Section.objects.create(campaign=target, **{f: getattr(section, f) for f in ITEM_FIELDS[Section]})
        counts["sections"] += 1
        about_year("section", f"section-{copy.pk}", _("Đề mục “%(h)s”") % {"h": copy.heading or copy.order},
                   copy.heading, copy.body, url=reverse("campaigns:item-update", args=[target.pk, "de-muc", copy.pk]))
    for basis in source.legal_bases.all():
        reason = copying.year_bound_reason(kind=basis.kind, text=basis.text, subject=basis.subject,
                                           issued_on=basis.issued_on, source_year=source.year)
        LegalBasis.objects.create(campaign=target, needs_review=bool(reason),
                                  **{f: getattr(basis, f) for f in ITEM_FIELDS[LegalBasis]})
        counts["legal_bases"] += 1
    for recipient in source.recipients.all():
        Recipient.objects.create(campaign=target, **{f: getattr(recipient, f) for f in ITEM_FIELDS[Recipient]})
        counts["recipients"] += 1

    # Parents before children: the tree's ids are remapped as it is copied.
    item_map: dict[int, SubCampaign] = {}
    pending = list(source.subcampaigns.select_related("host", "responsible").order_by("parent_id", "order", "id"))
    while pending:
        ready = [item for item in pending if item.parent_id is None or item.parent_id in item_map]
        if not ready:
            break  # a cycle cannot be saved (save_subcampaign refuses one); nothing more to place
        for item in ready:
            pending.remove(item)
            values = {f: getattr(item, f) for f in SUBCAMPAIGN_FIELDS if f not in ("parent", "host", "responsible")}
            copy = SubCampaign(campaign=target, parent=item_map.get(item.parent_id), **values)
            copy.award_from = copying.shift_date(item.award_from, years)
            copy.award_to = copying.shift_date(item.award_to, years)
            copy.award_timing = copying.replace_year(item.award_timing, source.year, year)
            for field in ("host", "responsible"):
                org = getattr(item, field)
                moved = _copy_org(org, successors)
                if moved is not None and not access.can_see(by, moved):
                    moved = None  # another issuer's office: the printed name stays, the link goes
                setattr(copy, field, moved)
                if org is not None and moved is None and not org.is_closed:
                    review.append(copying.review_item(
                        "subcampaign", f"item-{field}-{item.pk}", str(copy),
                        _("%(org)s nằm ngoài phạm vi của cơ quan mới: hãy chọn lại.") % {"org": org.name}))
                elif org is not None and moved is not org:
                    review.append(copying.review_item(
                        "subcampaign", f"item-{field}-{item.pk}", str(copy),
                        _("%(org)s đã ngừng hoạt động; %(then)s") % {
                            "org": org.name, "then": (_("đã thay bằng %(s)s") % {"s": moved.name}) if moved
                            else _("không có đơn vị kế thừa, hãy chọn lại")}))
            copy.save()
            item_map[item.pk] = copy
            counts["subcampaigns"] += 1
            about_year("subcampaign", f"item-{copy.pk}", str(copy), copy.title, copy.content, copy.criteria,
                       url=reverse_ids("campaigns:subcampaign-update", target.pk, copy.pk))
    for quota in source.quotas.all():
        if quota.subcampaign_id is not None and quota.subcampaign_id not in item_map:
            continue
        Quota.objects.create(campaign=target, subcampaign=item_map.get(quota.subcampaign_id),
                             recipient_kind=quota.recipient_kind, count=quota.count)
        counts["quotas"] += 1

    today = clock.today()
    participant_ids: set[int] = set()
    proposed: list[tuple[Organisation, Organisation | None]] = []
    outside: list[str] = []
    for participation in source.participations.select_related("organisation").order_by("organisation__name"):
        org = participation.organisation
        if org.is_closed:
            proposed.append((org, _copy_org(org, successors)))
            continue
        if not access.can_see(by, org):
            outside.append(org.name)
            continue
        participant_ids.add(org.pk)
        Participation.objects.create(campaign=target, organisation=org, registered_on=today, note=participation.note)
        counts["participants"] += 1
    for closed, successor in proposed:
        if successor is None:
            detail = _("Đã ngừng hoạt động từ %(d)s, không có đơn vị kế thừa: không chép.") % {
                "d": format_date(closed.closed_on)}
        elif successor.pk in participant_ids:
            detail = _("Đã ngừng hoạt động; đơn vị kế thừa %(s)s đã có trong danh sách.") % {"s": successor.name}
        elif access.can_see(by, successor):
            Participation.objects.create(campaign=target, organisation=successor, registered_on=today)
            participant_ids.add(successor.pk)
            counts["participants"] += 1
            detail = _("Đã ngừng hoạt động; đã thêm đơn vị kế thừa %(s)s.") % {"s": successor.name}
        else:
            detail = _("Đã ngừng hoạt động; đơn vị kế thừa %(s)s nằm ngoài phạm vi của bạn: chưa thêm.") % {
                "s": successor.name}
        review.append(copying.review_item("participant", f"participant-{closed.pk}", closed.name, detail,
                                          reverse_ids("campaigns:participants-add", target.pk)))

    if outside:
        review.append(copying.review_item(
            "participant", "participants-outside", _("%(n)s đơn vị tham gia không chép") % {"n": len(outside)},
            _("Ngoài phạm vi của bạn: %(names)s.") % {"names": "; ".join(outside)},
            reverse_ids("campaigns:participants-add", target.pk)))

    for period in source.periods.all():
        old_deadline = period.deadline
        copy = ReportingPeriod(campaign=target, **{f: getattr(period, f) for f in ITEM_FIELDS[ReportingPeriod]})
        copy.year = period.year + years
        copy.label = copying.replace_year(period.label, source.year, year)
        copy.deadline = copying.shift_date(old_deadline, years)
        copy.deadline_text = copying.move_deadline_text(period.deadline_text, old_deadline, copy.deadline)
        try:
            _check_period(target, copy)
        except ValidationError as error:
            review.append(copying.review_item("period", f"period-skipped-{period.pk}", period.display_label,
                                              _("Không chép được: %(why)s") % {"why": " ".join(error.messages)},
                                              reverse("campaigns:item-create", args=[target.pk, "ky-bao-cao"])))
            continue
        copy.save()
        counts["periods"] += 1
        last_day = deadlines.last_on_time_day(copy.deadline, copy.deadline_inclusive)
        url = reverse("campaigns:item-update", args=[target.pk, "ky-bao-cao", copy.pk])
        if last_day is not None and last_day < today:
            review.append(copying.review_item("period", f"period-{copy.pk}", copy.display_label,
                                              _("Hạn nộp %(d)s đã qua; hãy đặt hạn mới.") % {
                                                  "d": format_date(copy.deadline)}, url))
        elif copy.kind == ReportingPeriod.Kind.AD_HOC:
            review.append(copying.review_item("period", f"period-{copy.pk}", copy.display_label,
                                              _("Kỳ đột xuất theo yêu cầu của năm trước: giữ lại nếu năm nay vẫn cần."),
                                              url))

    for _receiver, items in plan_copied.send(sender=Campaign, by=by, source=source, target=target, years=years,
                                             subcampaigns=item_map, successors=successors):
        review.extend(items or [])
    target.copied_from = source
    target.copy_review = review
    target.save(update_fields=["copied_from", "copy_review", "updated_at"])
    flagged = target.legal_bases.filter(needs_review=True).count()
    _record(by=by, campaign=target, action=CampaignEvent.Action.CHANGED, target=target, label=target.title,
            changes=[{"field": "copied_from", "label": "Sao chép từ kế hoạch", "before": "",
                      "after": _("%(title)s (năm %(year)s, %(issuer)s): %(n)s đề mục, %(b)s căn cứ "
                                 "(%(f)s cần xem lại), %(i)s nội dung thi đua, %(q)s số lượng khen thưởng, "
                                 "%(p)s đơn vị tham gia, %(r)s kỳ báo cáo") % {
                          "title": source.title, "year": source.year, "issuer": source.issuer.name,
                          "n": counts["sections"], "b": counts["legal_bases"], "f": flagged,
                          "i": counts["subcampaigns"], "q": counts["quotas"], "p": counts["participants"],
                          "r": counts["periods"]}}])
    return target


@transaction.atomic
def dismiss_copy_review(*, by: User | SystemActor, campaign: Campaign, key: str) -> Campaign:
    """Take one line off the draft's "Cần xem lại" list (a căn cứ: its needs_review mark) once a person
    has checked it. Unknown keys are ignored: the list may have been cleared by a colleague meanwhile."""
    campaign = _locked(campaign)
    _require_manage(by, campaign, editing=False)
    if key.startswith("basis-"):
        basis = campaign.legal_bases.filter(pk=parse_id(key.removeprefix("basis-")), needs_review=True).first()
        if basis is None:
            return campaign
        basis.needs_review = False
        basis.save(update_fields=["needs_review"])
        text = str(basis)
    else:
        kept = [item for item in campaign.copy_review if item.get("key") != key]
        if len(kept) == len(campaign.copy_review):
            return campaign
        text = next(item["text"] for item in campaign.copy_review if item.get("key") == key)
        campaign.copy_review = kept
        campaign.save(update_fields=["copy_review", "updated_at"])
    _record(by=by, campaign=campaign, action=CampaignEvent.Action.CHANGED, target=campaign, label=campaign.title,
            changes=[{"field": "copy_review", "label": "Cần xem lại", "before": text, "after": "Đã xem"}])
    return campaign
