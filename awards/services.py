"""The only code that changes awards: catalogue and tables, proposals and nominations and their
moves, disclosure, council sessions, decisions and the register. Every call checks the acting
user through units.access, runs in one transaction and writes its history row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from awards import council as council_rules
from awards import quotas, rules, selectors, workflow
from awards.models import (
    AwardEvent,
    AwardRule,
    AwardType,
    BaseSalary,
    CouncilSession,
    Decision,
    DecisionLine,
    Disclosure,
    Holiday,
    Nomination,
    NominationEvent,
    NominationFile,
    Proposal,
    ProposalFile,
    RatioCap,
    RegisterEntry,
    RuleKind,
    SessionMember,
    Tally,
    UnitAuthority,
)
from awards.workflow import MoveError, State
from campaigns import lifecycle
from campaigns.models import Campaign, Quota, SubCampaign
from common import audit, clock, files
from common.text import format_date, nfc, normalise_search
from common.uploads import check_document
from units import access
from units.models import Membership, Organisation, Person, User

NOMINATION_FIELDS = ["award_type", "person", "organisation", "programme", "achievement_year", "summary"]
DECISION_FIELDS = ["title", "number", "notation", "issue_date", "signer_prefix", "signer_title", "signer_name",
                   "status"]


# --- History and notices -------------------------------------------------------------------------------


def _event(by, *, nomination: Nomination | None = None, proposal: Proposal | None = None, action: str,
           from_state: str = "", to_state: str = "", reason: str = "", changes=None, label: str = "") -> None:
    target = nomination or proposal
    NominationEvent.objects.create(
        nomination=nomination, proposal=proposal or (nomination.proposal if nomination else None), actor=by,
        at=clock.now(), action=action, target_type=str(target._meta.verbose_name), target_id=target.pk,
        target_label=(label or str(target))[:500], from_state=from_state, to_state=to_state, reason=reason,
        changes=changes if changes is not None else ([{
            "field": "state", "label": "Trạng thái", "before": str(State(from_state).label) if from_state else "",
            "after": str(State(to_state).label)}] if to_state else []),
    )


def _award_event(by, *, issuer: Organisation | None, action: str, target, before=None, after=None, reason="",
                 changes=None) -> None:
    rows = changes if changes is not None else audit.diff(before, after)
    if not rows and action == AwardEvent.Action.CHANGED:
        return
    AwardEvent.objects.create(issuer=issuer, actor=by, at=clock.now(), action=action,
                              target_type=str(target._meta.verbose_name), target_id=target.pk,
                              target_label=str(target)[:500], changes=rows, reason=reason)


def _notify(organisation: Organisation, subject: str, body: str, path: str = "") -> None:
    """E-mail the unit's staff and head, after the transaction commits. Services run without a
    request, so the link to the page comes from settings.SITE_URL (no link when it is not set)."""
    if path and settings.SITE_URL:
        body += f"\nXem tại: {settings.SITE_URL.rstrip('/')}{path}\n"
    emails = sorted(set(Membership.objects.filter(
        organisation=organisation, role__in=[Membership.Role.UNIT_STAFF, Membership.Role.UNIT_HEAD],
        user__is_active=True).exclude(user__email="").values_list("user__email", flat=True)))
    if emails:
        transaction.on_commit(lambda: send_mail(subject[:200], body, None, emails, fail_silently=True))


# --- Catalogue and dated tables (administrator) ------------------------------------------------------------


def _require_admin(by: User | None) -> None:
    if by is not None and not access.can(by, "catalogue.manage"):
        raise PermissionDenied


@transaction.atomic
def save_award_type(*, by: User | None, instance: AwardType) -> AwardType:
    _require_admin(by)
    fields = ["code", "name", "short_name", "category", "recipient_kind", "is_yearly", "needs_council",
              "needs_disclosure", "order", "is_active", "description"]
    created = instance.pk is None
    before = None if created else audit.snapshot(AwardType.objects.get(pk=instance.pk), fields)
    instance.code = instance.code.strip().upper()
    instance.name = nfc(instance.name).strip()
    instance.full_clean()
    instance.save()
    _award_event(by, issuer=None, action="created" if created else "changed", target=instance, before=before,
                 after=audit.snapshot(instance, fields))
    return instance


RULE_FIELDS = ["kind", "effective_from", "effective_to", "enabled", "needs_verification", "legal_basis", "text",
               "authority", "grade", "initiative_level", "related_type", "count", "percent", "denominator",
               "coefficient"]


def _rule_problems(rule: AwardRule) -> dict[str, str]:
    """Each kind needs its own parameter."""
    needed = {RuleKind.AUTHORITY: "authority", RuleKind.APPRAISAL: "grade", RuleKind.PREREQUISITE: "related_type",
              RuleKind.BONUS: "coefficient", RuleKind.DISCLOSURE: "count", RuleKind.COUNCIL: "percent"}
    name = needed.get(rule.kind)
    if name and getattr(rule, name if name != "related_type" else "related_type_id") in (None, ""):
        return {name: "Loại quy định này cần giá trị này."}
    if rule.kind == RuleKind.COUNCIL and not rule.denominator:
        return {"denominator": "Chọn cách tính tỷ lệ phiếu."}
    if rule.percent is not None and not 0 < rule.percent <= 100:
        return {"percent": "Tỷ lệ phải lớn hơn 0 và không quá 100%."}
    if rule.kind in (RuleKind.PREREQUISITE, RuleKind.DISCLOSURE) and rule.count is not None and rule.count < 1:
        return {"count": "Phải từ 1 trở lên."}
    if rule.coefficient is not None and rule.coefficient <= 0:
        return {"coefficient": "Hệ số phải lớn hơn 0."}
    return {}


@transaction.atomic
def save_rule(*, by: User | None, instance: AwardRule, reason: str = "") -> AwardRule:
    _require_admin(by)
    problems = _rule_problems(instance)
    if problems:
        raise ValidationError(problems)
    created = instance.pk is None
    before = None if created else audit.snapshot(AwardRule.objects.get(pk=instance.pk), RULE_FIELDS)
    instance.full_clean()
    instance.save()
    _award_event(by, issuer=None, action="created" if created else "changed", target=instance, before=before,
                 after=audit.snapshot(instance, RULE_FIELDS), reason=reason)
    return instance


@transaction.atomic
def save_base_salary(*, by: User | None, instance: BaseSalary) -> BaseSalary:
    _require_admin(by)
    fields = ["amount", "effective_from", "legal_basis", "needs_verification"]
    created = instance.pk is None
    before = None if created else audit.snapshot(BaseSalary.objects.get(pk=instance.pk), fields)
    instance.full_clean()
    instance.save()
    _award_event(by, issuer=None, action="created" if created else "changed", target=instance, before=before,
                 after=audit.snapshot(instance, fields))
    return instance


@transaction.atomic
def save_holiday(*, by: User | None, instance: Holiday) -> Holiday:
    _require_admin(by)
    fields = ["day", "name", "needs_verification"]
    created = instance.pk is None
    before = None if created else audit.snapshot(Holiday.objects.get(pk=instance.pk), fields)
    instance.name = nfc(instance.name).strip()
    instance.full_clean()
    instance.save()
    _award_event(by, issuer=None, action="created" if created else "changed", target=instance, before=before,
                 after=audit.snapshot(instance, fields))
    return instance


@transaction.atomic
def delete_holiday(*, by: User | None, holiday: Holiday) -> None:
    _require_admin(by)
    _award_event(by, issuer=None, action="deleted", target=holiday,
                 before=audit.snapshot(holiday, ["day", "name"]))
    holiday.delete()


@transaction.atomic
def save_unit_authority(*, by: User | None, organisation: Organisation, award_types: list[AwardType],
                        basis: str) -> UnitAuthority | None:
    """Which titles the unit's head decides for its own staff; none removes the setting."""
    _require_admin(by)
    existing = UnitAuthority.objects.filter(organisation=organisation).first()
    before = ", ".join(sorted(t.label for t in existing.award_types.all())) if existing else ""
    after = ", ".join(sorted(t.label for t in award_types))
    if not award_types:
        if existing:
            existing.delete()
        result = None
    else:
        result, _created = UnitAuthority.objects.update_or_create(organisation=organisation,
                                                                  defaults={"basis": basis.strip()})
        result.award_types.set(award_types)
    if before != after:
        AwardEvent.objects.create(issuer=organisation.root, actor=by, at=clock.now(), action="changed",
                                  target_type="thẩm quyền khen thưởng của đơn vị", target_id=organisation.pk,
                                  target_label=organisation.name, changes=[
                                      {"field": "award_types", "label": "Được tự quyết định", "before": before,
                                       "after": after}])
    return result


@transaction.atomic
def save_ratio_cap(*, by: User | None, instance: RatioCap) -> RatioCap:
    """An issuer's ratio cap: its secretariat keeps it."""
    if by is not None:
        access.require(by, "nomination.review", instance.issuer)
    fields = ["award_type", "base_type", "percent", "enabled", "legal_basis"]
    created = instance.pk is None
    before = None if created else audit.snapshot(RatioCap.objects.get(pk=instance.pk), fields)
    if instance.award_type_id == instance.base_type_id:
        raise ValidationError({"base_type": "Chọn một danh hiệu khác làm cơ sở tính tỷ lệ."})
    instance.full_clean()
    instance.save()
    _award_event(by, issuer=instance.issuer, action="created" if created else "changed", target=instance,
                 before=before, after=audit.snapshot(instance, fields))
    return instance


# --- Proposals ------------------------------------------------------------------------------------------------


def _require_on(by: User | None, action: str, organisation: Organisation) -> None:
    if by is not None and not access.can(by, action, organisation):
        raise PermissionDenied


def _require_open_campaign(campaign: Campaign) -> None:
    if not lifecycle.collects_reports(campaign.status):
        raise ValidationError(_("Phong trào không còn nhận đề nghị khen thưởng."))


@transaction.atomic
def create_proposal(*, by: User | None, campaign: Campaign, organisation: Organisation, title: str, year: int,
                    subcampaign: SubCampaign | None = None, kind: str = Proposal.Kind.UPWARD,
                    number_text: str = "", note: str = "") -> Proposal:
    _require_on(by, "nomination.prepare", organisation)
    campaign = Campaign.objects.select_related("issuer").get(pk=campaign.pk)   # its status as stored now
    _require_open_campaign(campaign)
    if subcampaign is not None and subcampaign.campaign_id != campaign.pk:
        raise ValidationError({"subcampaign": "Nội dung thi đua phải thuộc phong trào đã chọn."})
    if subcampaign is not None and subcampaign.parent_id and subcampaign.parent.quota_per_programme:
        # A programme of 2.1: the proposal is for the item, each nomination names its programme.
        subcampaign = subcampaign.parent
    limited = selectors.limited_levels(campaign)
    if subcampaign is None and kind == Proposal.Kind.UPWARD and limited and None not in limited:
        # The plan sets its quotas per content item: a proposal "for the whole campaign" would
        # count against none of them.
        raise ValidationError({"subcampaign": "Kế hoạch giao số lượng khen thưởng theo từng nội dung thi đua: "
                                              "hãy chọn nội dung (mục) của tờ trình."})
    participants = selectors.participants_of(campaign)
    responsible = subcampaign is not None and subcampaign.responsible_id == organisation.pk
    takes_part = any(organisation.path.startswith(o.path) for o in Organisation.objects.filter(pk__in=participants))
    if not (takes_part or responsible or campaign.issuer.path == organisation.path):
        raise ValidationError({"organisation": "Đơn vị không tham gia phong trào này."})
    if campaign.year and year not in (campaign.year - 1, campaign.year):
        raise ValidationError({"year": f"Năm thành tích của phong trào năm {campaign.year} là {campaign.year - 1} "
                                       f"hoặc {campaign.year}."})
    if kind == Proposal.Kind.UNIT:
        if by is not None and not access.can(by, "unit_titles.decide", organisation):
            raise PermissionDenied
        if selectors.authority_holder(organisation) is None:
            raise ValidationError({"organisation": "Đơn vị chưa được giao thẩm quyền tự quyết định danh hiệu."})
        if Proposal.objects.filter(kind=kind, campaign=campaign, organisation=organisation, year=year).exists():
            raise ValidationError({"year": f"Đơn vị đã có danh sách bình xét năm {year} của phong trào này: "
                                           "mở danh sách đó để thêm người."})
    proposal = Proposal(campaign=campaign, subcampaign=subcampaign, organisation=organisation, kind=kind,
                        title=nfc(title).strip(), year=year, number_text=number_text.strip(), note=note.strip(),
                        created_by=by)
    proposal.search_text = normalise_search(f"{proposal.title} {organisation.name}")
    proposal.full_clean(exclude=["search_text"])
    proposal.save()
    _event(by, proposal=proposal, action="created", changes=[
        {"field": "title", "label": "Trích yếu", "before": "", "after": proposal.title},
        {"field": "campaign", "label": "Phong trào", "before": "", "after": campaign.title[:200]}])
    return proposal


def _editable_proposal(by: User | None, proposal: Proposal) -> None:
    _require_on(by, "nomination.prepare", proposal.organisation)
    _require_open_campaign(proposal.campaign)
    if proposal.status == Proposal.Status.CLOSED:
        raise ValidationError(_("Danh sách đã được quyết định, không sửa được nữa."))


@transaction.atomic
def add_proposal_file(*, by: User | None, proposal: Proposal, kind: str, upload) -> ProposalFile:
    _editable_proposal(by, proposal)
    check_document(upload, (".pdf", ".jpg", ".jpeg", ".png", ".docx", ".xlsx"))
    row = ProposalFile(proposal=proposal, kind=kind, uploaded_by=by)
    files.store(row.file, upload.name, upload)
    row.save()
    _event(by, proposal=proposal, action="changed", changes=[
        {"field": "file", "label": row.get_kind_display(), "before": "", "after": row.name}])
    return row


@transaction.atomic
def delete_proposal_file(*, by: User | None, row: ProposalFile) -> None:
    proposal = row.proposal
    _editable_proposal(by, proposal)
    if proposal.status != Proposal.Status.DRAFT:
        # The signed file is what was sent: it stays with the record.
        raise ValidationError(_("Tờ trình đã gửi: hồ sơ đã gửi không xóa được, chỉ bổ sung thêm tệp."))
    _event(by, proposal=proposal, action="changed", changes=[
        {"field": "file", "label": row.get_kind_display(), "before": row.name, "after": ""}])
    row.delete()


# --- Nominations ---------------------------------------------------------------------------------------------------


def _check_nominee(nomination: Nomination, proposal: Proposal) -> None:
    award = nomination.award_type
    if bool(nomination.person_id) == bool(nomination.organisation_id):
        raise ValidationError({"person": "Chọn một cá nhân hoặc một tập thể."})
    kind = "individual" if nomination.person_id else "collective"
    if award.recipient_kind != kind:
        wanted = "cá nhân" if award.recipient_kind == "individual" else "tập thể"
        raise ValidationError({"award_type": f"{award.name} chỉ xét cho {wanted}."})
    organisations, people = selectors.nominee_choices(proposal)
    allowed = people.filter(pk=nomination.person_id) if nomination.person_id else organisations.filter(
        pk=nomination.organisation_id)
    if not allowed.exists():
        raise ValidationError({"person" if nomination.person_id else "organisation":
                               "Không thuộc đơn vị đề nghị (hoặc các đơn vị tham gia nội dung thi đua)."})
    if proposal.kind == Proposal.Kind.UNIT:
        holder = selectors.authority_holder(proposal.organisation)
        if holder is None or not holder.award_types.filter(pk=award.pk).exists():
            raise ValidationError({"award_type": "Danh hiệu này vượt thẩm quyền của thủ trưởng đơn vị: hãy lập tờ "
                                                 "trình đề nghị cấp trên."})
    campaign_year = proposal.campaign.year
    if not campaign_year - 1 <= nomination.achievement_year <= campaign_year:
        raise ValidationError({"achievement_year": f"Phong trào năm {campaign_year}: năm thành tích là "
                                                   f"{campaign_year - 1} hoặc {campaign_year}."})
    item = proposal.subcampaign
    if item is not None and item.quota_per_programme:
        if nomination.programme_id is None or nomination.programme.parent_id != item.pk:
            raise ValidationError({"programme": f"Mục {item.number} xét theo từng chương trình: chọn chương trình."})
    elif nomination.programme_id:
        raise ValidationError({"programme": "Nội dung thi đua này không chia theo chương trình."})
    if proposal.kind == Proposal.Kind.UPWARD:
        limited = selectors.limited_levels(proposal.campaign)
        scope = selectors.scope_of(nomination, limited)
        level = scope.programme_id or scope.subcampaign_id
        if Quota.objects.filter(campaign=proposal.campaign, subcampaign_id=level, recipient_kind=award.recipient_kind,
                                count=0).exists():
            wanted = "tập thể" if award.recipient_kind == "collective" else "cá nhân"
            raise ValidationError({"award_type": f"{selectors.scope_label(scope).capitalize()} không xét khen thưởng "
                                                 f"{wanted}."})


def _fill_key(nomination: Nomination, proposal: Proposal) -> None:
    nomination.achievement_key = workflow.achievement_key(
        person_id=nomination.person_id, organisation_id=nomination.organisation_id,
        award_type_id=nomination.award_type_id, is_yearly=nomination.award_type.is_yearly,
        campaign_id=proposal.campaign_id, subcampaign_id=proposal.subcampaign_id,
        programme_id=nomination.programme_id, year=nomination.achievement_year)
    nominee = nomination.person.full_name if nomination.person_id else nomination.organisation.name
    nomination.search_text = normalise_search(f"{nominee} {nomination.award_type.name} {nomination.summary[:300]}")


def _duplicate_message(nomination: Nomination) -> str:
    other = (Nomination.objects.filter(achievement_key=nomination.achievement_key)
             .exclude(state__in=workflow.CLOSED).exclude(pk=nomination.pk)
             .select_related("award_type", "proposal__organisation").first())
    if other is None:
        return ""
    return (f"Thành tích này đã có đề nghị “{other.award_type.label}” trong tờ trình của "
            f"{other.proposal.organisation.name} ({State(other.state).label}): mỗi thành tích chỉ một hình thức "
            "khen thưởng.")


def _save_checked(nomination: Nomination) -> None:
    duplicate = _duplicate_message(nomination)
    if duplicate:
        raise ValidationError({"award_type": duplicate})
    nomination.full_clean(exclude=["achievement_key", "search_text", "accepted_snapshot"], validate_constraints=False)
    try:
        with transaction.atomic():
            nomination.save()
    except IntegrityError as exc:  # a concurrent nomination took the key between check and save
        raise ValidationError({"award_type": "Thành tích này vừa được đề nghị ở nơi khác."}) from exc


@transaction.atomic
def add_nomination(*, by: User | None, proposal: Proposal, award_type: AwardType, person: Person | None = None,
                   organisation: Organisation | None = None, programme: SubCampaign | None = None,
                   achievement_year: int | None = None, summary: str = "") -> Nomination:
    proposal = Proposal.objects.select_for_update(of=("self",)).select_related("campaign", "subcampaign", "organisation").get(
        pk=proposal.pk)
    _editable_proposal(by, proposal)
    nomination = Nomination(proposal=proposal, award_type=award_type, person=person, organisation=organisation,
                            programme=programme, achievement_year=achievement_year or proposal.year,
                            summary=nfc(summary).strip(), created_by=by,
                            order=(proposal.nominations.aggregate(m=Max("order"))["m"] or 0) + 1)
    _check_nominee(nomination, proposal)
    _fill_key(nomination, proposal)
    _save_checked(nomination)
    _event(by, nomination=nomination, action="created",
           changes=audit.diff(None, audit.snapshot(nomination, NOMINATION_FIELDS)))
    return nomination


def _locked(nomination: Nomination) -> Nomination:
    return Nomination.objects.select_for_update(of=("self",)).select_related(
        "proposal__campaign__issuer", "proposal__organisation", "proposal__subcampaign", "award_type", "person",
        "organisation", "programme").get(pk=nomination.pk)


def _snapshot(nomination: Nomination) -> dict:
    return {field: value for field, (_label, value) in audit.snapshot(nomination, NOMINATION_FIELDS).items()}


@transaction.atomic
def update_nomination(*, by: User | None, nomination: Nomination, expected_version: int | None = None,
                      **fields) -> Nomination:
    """Change a nomination the unit still holds. After acceptance the change sends it back to the
    secretariat with a "changed since accepted" mark and the difference (architecture.md)."""
    nomination = _locked(nomination)
    proposal = nomination.proposal
    _editable_proposal(by, proposal)
    if nomination.state not in workflow.UNIT_EDITABLE:
        raise ValidationError(_("Đề nghị đang ở Hội đồng hoặc đã có quyết định: chỉ Thường trực trả lại mới sửa được."))
    if expected_version is not None and expected_version != nomination.version:
        raise ValidationError(_("Đề nghị vừa được người khác sửa. Hãy mở lại trang rồi sửa tiếp."))
    before = audit.snapshot(nomination, NOMINATION_FIELDS)
    for name, value in fields.items():
        setattr(nomination, name, nfc(value).strip() if isinstance(value, str) else value)
    _check_nominee(nomination, proposal)
    _fill_key(nomination, proposal)
    changes = audit.diff(before, audit.snapshot(nomination, NOMINATION_FIELDS))
    if not changes:
        return nomination
    state = nomination.state
    if state in (State.ACCEPTED, State.DISCLOSURE):
        workflow.check_move(state, State.SUBMITTED)
        nomination.state = State.SUBMITTED
        nomination.changed_since_accepted = True
        if state == State.DISCLOSURE:
            for disclosure in nomination.disclosures.all():
                disclosure.nominations.remove(nomination)
    nomination.version += 1
    _save_checked(nomination)
    _event(by, nomination=nomination, action="changed", changes=changes,
           reason="Sửa sau khi đã tiếp nhận: cần tiếp nhận lại." if nomination.changed_since_accepted and
           state != nomination.state else "")
    if state != nomination.state:
        _event(by, nomination=nomination, action="transition", from_state=state, to_state=nomination.state)
    return nomination


@transaction.atomic
def delete_nomination(*, by: User | None, nomination: Nomination) -> None:
    nomination = _locked(nomination)
    _editable_proposal(by, nomination.proposal)
    if nomination.state != State.DRAFT:
        raise ValidationError(_("Chỉ xóa được đề nghị còn là nháp; đề nghị đã gửi thì rút."))
    _event(by, proposal=nomination.proposal, action="deleted", label=str(nomination),
           changes=audit.diff(audit.snapshot(nomination, NOMINATION_FIELDS), None))
    nomination.delete()


@transaction.atomic
def add_nomination_file(*, by: User | None, nomination: Nomination, upload, kind: str = "report") -> NominationFile:
    nomination = _locked(nomination)
    _editable_proposal(by, nomination.proposal)
    if nomination.state not in workflow.UNIT_EDITABLE:
        raise ValidationError(_("Đề nghị đang ở Hội đồng hoặc đã có quyết định: không thêm tệp được."))
    check_document(upload, (".pdf", ".jpg", ".jpeg", ".png", ".docx", ".xlsx"))
    row = NominationFile(nomination=nomination, kind=kind, uploaded_by=by)
    files.store(row.file, upload.name, upload)
    row.save()
    _event(by, nomination=nomination, action="changed", changes=[
        {"field": "file", "label": row.get_kind_display(), "before": "", "after": row.name}])
    return row


@transaction.atomic
def delete_nomination_file(*, by: User | None, row: NominationFile) -> None:
    """A wrong file goes while the nomination is a draft or returned for correction; once sent,
    what was sent stays with the record."""
    nomination = _locked(row.nomination)
    _editable_proposal(by, nomination.proposal)
    if nomination.state not in (State.DRAFT, State.RETURNED):
        raise ValidationError(_("Đề nghị đã gửi: tệp đã gửi không xóa được, chỉ bổ sung thêm tệp."))
    _event(by, nomination=nomination, action="changed", changes=[
        {"field": "file", "label": row.get_kind_display(), "before": row.name, "after": ""}])
    row.delete()


@transaction.atomic
def submit_proposal(*, by: User | None, proposal: Proposal) -> list[Nomination]:
    """Send every draft (and returned) nomination of the proposal to the issuer's secretariat.
    The signed tờ trình must be attached."""
    proposal = Proposal.objects.select_for_update(of=("self",)).select_related("campaign", "organisation").get(pk=proposal.pk)
    _editable_proposal(by, proposal)
    _require_signed_submission(proposal)
    sent = []
    for nomination in proposal.nominations.select_for_update().filter(state__in=[State.DRAFT, State.RETURNED]):
        sent.append(_move(by, nomination, State.SUBMITTED))
    if not sent:
        raise ValidationError(_("Không có đề nghị nào để gửi."))
    proposal.status = Proposal.Status.SUBMITTED
    proposal.submitted_at = clock.now()
    proposal.save(update_fields=["status", "submitted_at"])
    return sent


def _require_move(by: User | None, nomination: Nomination, found: workflow.Move) -> None:
    if by is None:
        return
    organisation = nomination.proposal.organisation if found.on == "unit" else nomination.proposal.campaign.issuer
    if not access.can(by, found.action, organisation):
        raise PermissionDenied


def _move(by: User | None, nomination: Nomination, target: str, *, reason: str = "",
          correction: bool = False) -> Nomination:
    """Check, do and record one move (inside a caller's transaction, nomination locked)."""
    unit_path = nomination.proposal.kind == Proposal.Kind.UNIT
    try:
        found = workflow.check_move(nomination.state, target, reason=reason, unit_path=unit_path,
                                    correction=correction)
    except MoveError as exc:
        raise ValidationError(str(exc)) from exc
    _require_move(by, nomination, found)
    source = nomination.state
    if target == State.SUBMITTED or (source in workflow.CLOSED and workflow.is_live(target)):
        problem = _duplicate_message(nomination)
        if problem:
            raise ValidationError(problem)
    if quotas.takes_slot(target) and not quotas.takes_slot(source) and not unit_path:
        _check_quota(nomination)
    if target == State.ACCEPTED:
        nomination.accepted_snapshot = _snapshot(nomination)
        nomination.changed_since_accepted = False
    if target in (State.RETURNED, State.REJECTED, State.REVOKED):
        nomination.reason = reason.strip()
    elif target == State.SUBMITTED:
        nomination.reason = ""
    nomination.state = target
    nomination.version += 1
    nomination.save(update_fields=["state", "reason", "version", "accepted_snapshot", "changed_since_accepted",
                                   "updated_at"])
    _event(by, nomination=nomination, action="transition", from_state=source, to_state=target, reason=reason.strip())
    if target in (State.RETURNED, State.REJECTED):
        _notify(nomination.proposal.organisation,
                f"{State(target).label}: {nomination}",
                f"Đề nghị khen thưởng “{nomination}” trong tờ trình “{nomination.proposal.title}” "
                f"{'bị trả lại để bổ sung' if target == State.RETURNED else 'không được đề nghị'}.\n\n"
                f"Lý do: {reason.strip()}\n", nomination.get_absolute_url())
    return nomination


def _check_quota(nomination: Nomination) -> None:
    """Lock the quota row this nomination counts against, then count: two approvals at once wait
    for each other here and the second sees the first (architecture.md: row lock)."""
    campaign = nomination.proposal.campaign
    limited = selectors.limited_levels(campaign)
    scope = selectors.scope_of(nomination, limited)
    level = scope.programme_id or scope.subcampaign_id
    kind = nomination.award_type.recipient_kind
    # order_by(): the model's default ordering joins the item, and FOR UPDATE refuses an outer join.
    row = Quota.objects.select_for_update().filter(campaign=campaign, subcampaign_id=level,
                                                   recipient_kind=kind).order_by().first()
    if row is None:
        return
    use = next(u for u in selectors.quota_uses(campaign, scope, exclude_pk=nomination.pk) if u.kind == kind)
    problem = quotas.approval_problem(use, label=selectors.scope_label(scope))
    if problem:
        raise ValidationError(problem)


@transaction.atomic
def move(*, by: User | None, nomination: Nomination, target: str, reason: str = "") -> Nomination:
    """One nomination, one move of the table (submit, withdraw, accept, return, reject, approve
    without council, forward upward)."""
    nomination = _locked(nomination)
    # The page's buttons come from the same answer (workflow.offered_moves).
    problem = workflow.refusal(nomination.state, target, **selectors.move_facts(nomination))
    if problem:
        raise ValidationError(problem)
    if target in (State.SUBMITTED, State.WITHDRAWN):
        _editable_proposal(by, nomination.proposal)
    if target == State.SUBMITTED and nomination.state == State.DRAFT:
        _require_signed_submission(nomination.proposal)
    moved = _move(by, nomination, target, reason=reason)
    proposal = nomination.proposal
    if target == State.SUBMITTED and proposal.status == Proposal.Status.DRAFT:
        proposal.status, proposal.submitted_at = Proposal.Status.SUBMITTED, clock.now()
        proposal.save(update_fields=["status", "submitted_at"])
    return moved


def _require_signed_submission(proposal: Proposal) -> None:
    if proposal.kind != Proposal.Kind.UPWARD:
        raise ValidationError(_("Danh sách này do thủ trưởng đơn vị quyết định, không gửi lên cấp trên."))
    if not proposal.files.filter(kind=ProposalFile.Kind.SUBMISSION).exists():
        raise ValidationError(_("Hãy đính kèm tờ trình (văn bản đề nghị) đã ký trước khi gửi."))


@transaction.atomic
def accept_many(*, by: User | None, nominations: list[Nomination]) -> list[Nomination]:
    """Bulk acceptance; the selection is kept in each nomination's history."""
    accepted = []
    labels = "; ".join(f"{n.nominee_name} – {n.award_type.short_name or n.award_type.name}" for n in nominations)
    for nomination in nominations:
        nomination = _locked(nomination)
        accepted.append(_move(by, nomination, State.ACCEPTED,
                              reason=f"Tiếp nhận cùng lúc {len(nominations)} đề nghị: {labels}"[:2000]))
    return accepted


@transaction.atomic
def record_higher_decision(*, by: User | None, nomination: Nomination, reference: str, decided_on: date,
                           issuer_name: str, upload=None) -> RegisterEntry:
    """A nomination forwarded upward was decided there: record the decision in the register."""
    nomination = _locked(nomination)
    # The issuer's secretariat records it: anyone else is refused before the form is judged.
    _require_on(by, workflow.MOVES[(State.FORWARDED, State.DECIDED)].action, nomination.proposal.campaign.issuer)
    if not reference.strip() or not issuer_name.strip():
        raise ValidationError(_("Ghi số, ký hiệu và cơ quan ra quyết định."))
    _move(by, nomination, State.DECIDED)
    entry = RegisterEntry(person=nomination.person, organisation=nomination.organisation,
                          award_type=nomination.award_type, achievement_year=nomination.achievement_year,
                          issuer_name=issuer_name.strip(), reference=reference.strip(), decided_on=decided_on,
                          source=RegisterEntry.Source.HIGHER, nomination=nomination, recorded_by=by,
                          owner=nomination.proposal.campaign.issuer)
    if upload is not None:
        check_document(upload)
        files.store(entry.file, upload.name, upload)
    entry.full_clean()
    entry.save()
    return entry


# --- Disclosure -----------------------------------------------------------------------------------------------


@transaction.atomic
def open_disclosure(*, by: User | None, issuer: Organisation, nominations: list[Nomination], title: str,
                    starts_on: date, working_days: int, published_at: str) -> Disclosure:
    if by is not None:
        access.require(by, "nomination.review", issuer)
    if not nominations:
        raise ValidationError(_("Chọn các đề nghị cần công khai."))
    if working_days < 1:
        raise ValidationError({"working_days": "Số ngày làm việc phải từ 1 trở lên."})
    if not published_at.strip():
        raise ValidationError({"published_at": "Ghi nơi công khai (cổng thông tin, báo, bảng tin…)."})
    disclosure = Disclosure(issuer=issuer, title=nfc(title).strip(), starts_on=starts_on, working_days=working_days,
                            ends_on=rules.add_working_days(starts_on, working_days, selectors.holidays()),
                            published_at=published_at.strip(), opened_by=by)
    disclosure.full_clean(exclude=["ends_on"])
    disclosure.save()
    for nomination in nominations:
        nomination = _locked(nomination)
        if nomination.proposal.campaign.issuer_id != issuer.pk:
            raise PermissionDenied
        _move(by, nomination, State.DISCLOSURE)
        disclosure.nominations.add(nomination)
    _award_event(by, issuer=issuer, action="created", target=disclosure, changes=[
        {"field": "window", "label": "Thời gian công khai", "before": "",
         "after": f"{format_date(starts_on)} – {format_date(disclosure.ends_on)} ({working_days} ngày làm việc)"},
        {"field": "count", "label": "Số đề nghị", "before": "", "after": str(len(nominations))}])
    return disclosure


@transaction.atomic
def add_disclosure_comments(*, by: User | None, disclosure: Disclosure, comments: str) -> Disclosure:
    if by is not None:
        access.require(by, "nomination.review", disclosure.issuer)
    before = disclosure.comments
    disclosure.comments = nfc(comments).strip()
    disclosure.save(update_fields=["comments"])
    _award_event(by, issuer=disclosure.issuer, action="changed", target=disclosure, changes=[
        {"field": "comments", "label": "Ý kiến nhận được", "before": before[:300], "after": disclosure.comments[:300]}])
    return disclosure


# --- Council --------------------------------------------------------------------------------------------------


@dataclass
class MemberInput:
    person: Person
    role: str = SessionMember.Role.MEMBER


@transaction.atomic
def create_session(*, by: User | None, issuer: Organisation, title: str, held_on: date, place: str,
                   members: list[MemberInput], nominations: list[Nomination], today: date | None = None
                   ) -> CouncilSession:
    """Prepare a council session: its members and the nominations it will vote on. A nomination
    whose award type needs disclosure waits until its window has closed."""
    if by is not None:
        access.require(by, "nomination.review", issuer)
    if not members:
        raise ValidationError({"members": "Chọn các thành viên Hội đồng."})
    if not nominations:
        raise ValidationError({"nominations": "Chọn các đề nghị đưa ra Hội đồng."})
    if sum(1 for m in members if m.role == SessionMember.Role.SECRETARY) != 1:
        raise ValidationError({"members": "Phiên họp có đúng một thư ký."})
    locked = [_locked(n) for n in nominations]
    short = []
    for nomination in locked:
        if nomination.proposal.campaign.issuer_id != issuer.pk:
            raise PermissionDenied
        if nomination.award_type.needs_disclosure:
            window = nomination.disclosures.order_by("-ends_on").first()
            if window is None or window.ends_on >= held_on:
                short.append(str(nomination))
    if short:
        raise ValidationError({"nominations": f"Cần công khai đủ thời gian trước ngày họp {format_date(held_on)}: "
                                              + "; ".join(short) + "."})
    _check_session_day(held_on, locked)
    session = CouncilSession(issuer=issuer, title=nfc(title).strip(), held_on=held_on, place=place.strip(),
                             created_by=by)
    session.full_clean()
    session.save()
    for member in members:
        SessionMember.objects.create(session=session, person=member.person, role=member.role)
    for nomination in locked:
        _move(by, nomination, State.VOTING)
        Tally.objects.create(session=session, nomination=nomination)
    _award_event(by, issuer=issuer, action="created", target=session, changes=[
        {"field": "held_on", "label": "Ngày họp", "before": "", "after": format_date(held_on)},
        {"field": "count", "label": "Số đề nghị", "before": "", "after": str(len(nominations))}])
    return session


def _open_session(by: User | None, session: CouncilSession) -> CouncilSession:
    session = CouncilSession.objects.select_for_update().select_related("issuer").get(pk=session.pk)
    if by is not None:
        access.require(by, "nomination.review", session.issuer)
    if session.status == CouncilSession.Status.CLOSED:
        raise ValidationError(_("Phiên họp đã kết thúc."))
    return session


def _check_session_day(held_on: date, nominations: list[Nomination]) -> None:
    """A council sits for a campaign from its year on: a 2026 plan is not voted on in 2020."""
    first = min((n.proposal.campaign.year for n in nominations if n.proposal.campaign.year), default=None)
    if first is not None and held_on < date(first, 1, 1):
        raise ValidationError({"held_on": f"Ngày họp phải từ năm {first} (năm của phong trào) trở đi."})


@transaction.atomic
def reschedule_session(*, by: User | None, session: CouncilSession, held_on: date, place: str,
                       reason: str) -> CouncilSession:
    """Move a session that has not sat yet (nothing recorded): a new date, place, with the reason."""
    session = _open_session(by, session)
    if not reason.strip():
        raise ValidationError({"reason": "Ghi lý do đổi lịch họp."})
    if session.members.exclude(attendance=SessionMember.Attendance.ABSENT).exists() or \
            session.tallies.exclude(outcome="").exists():
        raise ValidationError(_("Phiên họp đã điểm danh hoặc ghi kết quả: không đổi lịch được."))
    short = [str(t.nomination) for t in session.tallies.select_related("nomination__award_type")
             if t.nomination.award_type.needs_disclosure and not t.nomination.disclosures.filter(
                 ends_on__lt=held_on).exists()]
    if short:
        raise ValidationError({"held_on": f"Cần công khai đủ thời gian trước ngày họp {format_date(held_on)}: "
                                          + "; ".join(short) + "."})
    _check_session_day(held_on, [t.nomination for t in session.tallies.select_related("nomination__proposal__campaign")])
    before = format_date(session.held_on) + (f", {session.place}" if session.place else "")
    session.held_on, session.place = held_on, place.strip()
    session.full_clean()
    session.save(update_fields=["held_on", "place"])
    _award_event(by, issuer=session.issuer, action=AwardEvent.Action.CHANGED, target=session, reason=reason.strip(),
                 changes=[{"field": "held_on", "label": "Lịch họp", "before": before,
                           "after": format_date(held_on) + (f", {session.place}" if session.place else "")}])
    return session


@transaction.atomic
def take_off_agenda(*, by: User | None, tally: Tally, reason: str) -> Nomination:
    """A nomination leaves a session before its vote: back to accepted, its empty tally gone."""
    tally = Tally.objects.select_for_update(of=("self",)).select_related("session", "nomination").get(pk=tally.pk)
    session = _open_session(by, tally.session)
    if tally.outcome:
        raise ValidationError(_("Đề nghị đã có kết quả biểu quyết: sửa kết quả thay vì rút khỏi phiên họp."))
    nomination = _move(by, _locked(tally.nomination), State.ACCEPTED, reason=reason.strip(), correction=True)
    tally.delete()
    _award_event(by, issuer=session.issuer, action=AwardEvent.Action.CHANGED, target=session, reason=reason.strip(),
                 changes=[{"field": "agenda", "label": "Đề nghị đưa ra họp", "before": str(nomination),
                           "after": ""}])
    return nomination


def _require_council(by: User | None, session: CouncilSession) -> None:
    if by is not None:
        access.require(by, "council.record", session.issuer)


@transaction.atomic
def set_attendance(*, by: User | None, session: CouncilSession, attendance: dict[int, str]) -> CouncilSession:
    """member id → present / written / absent."""
    session = CouncilSession.objects.select_for_update().get(pk=session.pk)
    _require_council(by, session)
    if session.status == CouncilSession.Status.CLOSED:
        raise ValidationError(_("Phiên họp đã kết thúc."))
    _require_held(session)
    if session.tallies.exclude(outcome="").exists():
        # The recorded results were counted against this roll call (quorum, voters).
        raise ValidationError(_("Đã ghi kết quả biểu quyết: điểm danh không sửa được nữa (sửa kết quả trước nếu "
                                "cần điểm danh lại)."))
    changes = []
    for member in session.members.select_related("person"):
        value = attendance.get(member.pk)
        if value and value != member.attendance:
            changes.append({"field": f"member_{member.pk}", "label": member.person.full_name,
                            "before": member.get_attendance_display(),
                            "after": str(dict(SessionMember.Attendance.choices)[value])})
            member.attendance = value
            member.save(update_fields=["attendance"])
    session.status = CouncilSession.Status.HELD
    session.save(update_fields=["status"])
    _award_event(by, issuer=session.issuer, action="changed", target=session, changes=changes)
    return session


def _require_held(session: CouncilSession) -> None:
    if session.held_on > clock.today():
        raise ValidationError(_("Phiên họp ngày %(day)s chưa diễn ra: điểm danh, ghi kết quả từ ngày họp.")
                              % {"day": format_date(session.held_on)})


def attendance_of(session: CouncilSession) -> council_rules.Attendance:
    members = list(session.members.all())
    return council_rules.Attendance(
        total=len(members), present=sum(1 for m in members if m.attendance == SessionMember.Attendance.PRESENT),
        written=sum(1 for m in members if m.attendance == SessionMember.Attendance.WRITTEN))


def recusals(session: CouncilSession, nomination: Nomination, members: list[SessionMember] | None = None
             ) -> list[SessionMember]:
    """Members who stand aside for this nomination; a page listing many passes the members it read."""
    paths = [nomination.person.organisation.path if nomination.person_id else nomination.organisation.path]
    proposing = nomination.proposal.organisation
    if proposing.parent_id:   # the issuer proposing for itself would put everyone aside
        paths.append(proposing.path)
    if members is None:
        members = list(session.members.select_related("person__organisation"))
    return [m for m in members
            if council_rules.must_stand_aside(member_person_id=m.person_id, member_org_path=m.person.organisation.path,
                                              nominee_person_id=nomination.person_id, nominee_org_paths=paths)]


@transaction.atomic
def record_tally(*, by: User | None, tally: Tally, yes: int | None = None, no: int | None = None,
                 abstain: int | None = None, approved: bool | None = None, reason: str = "",
                 override_reason: str = "", today: date | None = None) -> Tally:
    """The secret-ballot counts for one nomination, judged against the award type's threshold;
    where that rule is disabled the secretary records the outcome (approved, with a reason when not)."""
    tally = Tally.objects.select_for_update(of=("self",)).select_related("session__issuer", "nomination").get(pk=tally.pk)
    session = tally.session
    _require_council(by, session)
    if tally.outcome:
        raise ValidationError(_("Đã ghi kết quả cho đề nghị này."))
    _require_held(session)
    attendance = attendance_of(session)
    if not council_rules.quorum_met(attendance, session.quorum_percent):
        raise ValidationError(_("Chưa đủ số thành viên dự họp theo quy định: ghi điểm danh trước."))
    nomination = _locked(tally.nomination)
    standing_aside = recusals(session, nomination)
    if standing_aside and not override_reason.strip():
        tally.recused.set(standing_aside)
    recused = 0 if override_reason.strip() else len(standing_aside)
    rule = rules.in_force(selectors.rules_for([nomination.award_type_id]).get(nomination.award_type_id, ()),
                          RuleKind.COUNCIL, today or clock.today())
    if rule is not None and rule.enabled:
        if None in (yes, no, abstain):
            raise ValidationError(_("Ghi đủ số phiếu đồng ý, không đồng ý, không biểu quyết."))
        problem = council_rules.tally_problem(yes, no, abstain, attendance.voters - recused)
        if problem:
            raise ValidationError(problem)
        result = council_rules.outcome(yes, attendance, threshold=rule.percent, denominator=rule.denominator,
                                       recused=recused)
        approved, explanation = result.approved, result.explanation
        tally.yes, tally.no, tally.abstain = yes, no, abstain
    else:
        if approved is None:
            raise ValidationError(_("Chọn kết quả (đề nghị khen thưởng hoặc không): ngưỡng biểu quyết chưa được xác "
                                    "minh nên thư ký ghi kết quả."))
        if not approved and not reason.strip():
            raise ValidationError(_("Ghi lý do Hội đồng không đề nghị: đơn vị sẽ đọc được."))
        if yes is not None and no is not None and abstain is not None:
            problem = council_rules.tally_problem(yes, no, abstain, attendance.voters - recused)
            if problem:
                raise ValidationError(problem)
            if approved and yes <= no + abstain:
                raise ValidationError(_("Số phiếu đồng ý không quá nửa số phiếu: kiểm tra lại kết quả đã chọn."))
            if not approved and yes > no + abstain:
                raise ValidationError(_("Số phiếu đồng ý quá nửa số phiếu mà kết quả là không đề nghị: kiểm tra lại "
                                        "kết quả đã chọn."))
            tally.yes, tally.no, tally.abstain = yes, no, abstain
        tally.recorded_outcome = True
        explanation = "Thư ký ghi kết quả (chưa áp dụng ngưỡng biểu quyết)."
    if not approved and not reason.strip():
        reason = explanation
    _move(by, nomination, State.APPROVED if approved else State.REJECTED, reason=reason if not approved else "")
    tally.outcome = Tally.Outcome.APPROVED if approved else Tally.Outcome.NOT_APPROVED
    tally.recusal_override_reason = override_reason.strip()
    tally.note = explanation[:500]
    tally.recorded_by = by
    tally.recorded_at = clock.now()
    tally.save()
    return tally


@transaction.atomic
def reopen_tally(*, by: User | None, tally: Tally, reason: str) -> Tally:
    """Set aside a result recorded wrong (a mistyped count, the wrong outcome chosen) so it can be
    recorded again: only while the session is open and before anything was decided on it. The
    event keeps what was recorded and why it was set aside."""
    tally = Tally.objects.select_for_update(of=("self",)).select_related("session__issuer", "nomination").get(pk=tally.pk)
    session = tally.session
    _require_council(by, session)
    if not reason.strip():
        raise ValidationError(_("Ghi lý do sửa kết quả biểu quyết."))
    if session.status == CouncilSession.Status.CLOSED:
        raise ValidationError(_("Phiên họp đã kết thúc: kết quả không sửa được nữa."))
    if not tally.outcome:
        raise ValidationError(_("Đề nghị này chưa có kết quả để sửa."))
    nomination = _locked(tally.nomination)
    if DecisionLine.objects.filter(nomination=nomination).exists():
        raise ValidationError(_("Đề nghị đã có trong quyết định khen thưởng: bỏ khỏi dự thảo quyết định trước."))
    recorded = (f"{tally.get_outcome_display()}"
                + (f" ({tally.yes} đồng ý, {tally.no} không đồng ý, {tally.abstain} không biểu quyết)"
                   if tally.yes is not None else ""))
    _move(by, nomination, State.VOTING, reason=reason.strip(), correction=True)
    tally.yes = tally.no = tally.abstain = None
    tally.outcome, tally.recorded_outcome, tally.note, tally.recusal_override_reason = "", False, "", ""
    tally.recorded_by, tally.recorded_at = None, None
    tally.save()
    tally.recused.clear()
    _award_event(by, issuer=session.issuer, action=AwardEvent.Action.CHANGED, target=tally, reason=reason.strip(),
                 changes=[
                     {"field": "outcome", "label": "Kết quả biểu quyết", "before": recorded, "after": "chưa ghi"}])
    return tally


@transaction.atomic
def close_session(*, by: User | None, session: CouncilSession, minutes=None) -> CouncilSession:
    session = CouncilSession.objects.select_for_update().get(pk=session.pk)
    _require_council(by, session)
    if session.tallies.filter(outcome="").exists():
        raise ValidationError(_("Còn đề nghị chưa ghi kết quả biểu quyết."))
    if minutes is not None:
        check_document(minutes, (".pdf",))
        session.minutes.save(minutes.name, minutes, save=False)
    session.status = CouncilSession.Status.CLOSED
    session.save()
    _award_event(by, issuer=session.issuer, action="transition", target=session, changes=[
        {"field": "status", "label": "Trạng thái", "before": "", "after": str(session.get_status_display())}])
    return session


@transaction.atomic
def attach_minutes(*, by: User | None, session: CouncilSession, upload) -> CouncilSession:
    """The signed minutes, when they come after the session was closed (the signatures take days)."""
    session = CouncilSession.objects.select_for_update().get(pk=session.pk)
    _require_council(by, session)
    if session.minutes:
        raise ValidationError(_("Phiên họp đã có biên bản đã ký."))
    check_document(upload, (".pdf",))
    files.store(session.minutes, upload.name, upload)
    session.save(update_fields=["minutes"])
    _award_event(by, issuer=session.issuer, action=AwardEvent.Action.CHANGED, target=session, changes=[
        {"field": "minutes", "label": "Biên bản họp đã ký", "before": "", "after": upload.name}])
    return session


# --- Decisions ------------------------------------------------------------------------------------------------


def _lines_for(decision: Decision, nominations: list[Nomination], on: date) -> list[DecisionLine]:
    salary = selectors.base_salary_on(on)
    rule_sets = selectors.rules_for(n.award_type_id for n in nominations)
    lines = []
    for order, nomination in enumerate(nominations, start=1):
        bonus_rule = rules.in_force(rule_sets.get(nomination.award_type_id, ()), RuleKind.BONUS, on)
        coefficient = bonus_rule.coefficient if bonus_rule and bonus_rule.enabled else None
        lines.append(DecisionLine(
            decision=decision, nomination=nomination, award_type=nomination.award_type, person=nomination.person,
            organisation=nomination.organisation, achievement_year=nomination.achievement_year,
            coefficient=coefficient, base_salary=salary if coefficient is not None else None,
            bonus=rules.bonus(coefficient, salary), order=order))
    return lines


@transaction.atomic
def create_decision(*, by: User | None, issuer: Organisation, title: str, nominations: list[Nomination],
                    campaign: Campaign | None = None) -> Decision:
    """A draft decision holding approved nominations; money is computed again on the signing date."""
    if by is not None:
        access.require(by, "decision.issue", issuer)
    if not nominations:
        raise ValidationError({"nominations": "Chọn các đề nghị đã được Hội đồng (hoặc Thường trực) duyệt."})
    locked = []
    for nomination in nominations:
        nomination = _locked(nomination)
        if nomination.proposal.campaign.issuer_id != issuer.pk or nomination.state != State.APPROVED:
            raise ValidationError({"nominations": f"{nomination}: chưa được duyệt hoặc không thuộc cơ quan."})
        if hasattr(nomination, "decision_line"):
            raise ValidationError({"nominations": f"{nomination}: đã có trong một quyết định khác."})
        above = selectors.above_authority([nomination], issuer, clock.today()).get(nomination.pk)
        if above:
            raise ValidationError({"nominations": f"{nomination}: {above}"})
        locked.append(nomination)
    decision = Decision(issuer=issuer, campaign=campaign, title=nfc(title).strip(), created_by=by)
    decision.full_clean()
    decision.save()
    DecisionLine.objects.bulk_create(_lines_for(decision, locked, clock.today()))
    _award_event(by, issuer=issuer, action="created", target=decision, changes=[
        {"field": "title", "label": "Trích yếu", "before": "", "after": decision.title},
        {"field": "lines", "label": "Số người, tập thể", "before": "", "after": str(len(locked))}])
    return decision


def _check_number(decision: Decision) -> None:
    clash = Decision.objects.filter(issuer=decision.issuer, number=decision.number,
                                    notation__iexact=decision.notation, issue_date__year=decision.issue_date.year)
    if clash.exclude(pk=decision.pk).exists():
        raise ValidationError({"number": "Số ký hiệu này đã được dùng cho một quyết định khác của cơ quan trong năm."})


@transaction.atomic
def issue_decision(*, by: User | None, decision: Decision, number: int, notation: str, issue_date: date,
                   signer_prefix: str, signer_title: str, signer_name: str, upload=None) -> Decision:
    """Record the registry's number and date and the signer; the lines' money is as of that date;
    the nominations become awarded and their units are told."""
    decision = Decision.objects.select_for_update(of=("self",)).select_related("issuer").get(pk=decision.pk)
    action = "unit_titles.decide" if decision.kind == Decision.Kind.UNIT else "decision.issue"
    if by is not None:
        access.require(by, action, decision.issuer)
    if decision.status != Decision.Status.DRAFT:
        raise ValidationError(_("Quyết định đã ban hành."))
    missing = {name: "Bắt buộc khi ban hành." for name, value in
               (("number", number), ("notation", notation.strip()), ("issue_date", issue_date),
                ("signer_name", signer_name.strip())) if not value}
    if missing:
        raise ValidationError(missing)
    if issue_date > clock.today():
        raise ValidationError({"issue_date": "Ngày ký không được sau hôm nay."})
    before = audit.snapshot(decision, DECISION_FIELDS)
    decision.number, decision.notation, decision.issue_date = number, notation.strip(), issue_date
    decision.signer_prefix, decision.signer_title = signer_prefix.strip(), signer_title.strip()
    decision.signer_name = signer_name.strip()
    _check_number(decision)
    if upload is not None:
        check_document(upload)
        files.store(decision.file, upload.name, upload)
    decision.status = Decision.Status.ISSUED
    decision.save()
    lines = list(decision.lines.select_related("nomination", "award_type"))
    fresh = {line.nomination_id: line for line in _lines_for(decision, [line.nomination for line in lines
                                                                        if line.nomination_id], issue_date)}
    for line in lines:
        if line.nomination_id:
            new = fresh[line.nomination_id]
            line.coefficient, line.base_salary, line.bonus = new.coefficient, new.base_salary, new.bonus
            line.save(update_fields=["coefficient", "base_salary", "bonus"])
            nomination = _locked(line.nomination)
            _move(by, nomination, State.DECIDED)
    _award_event(by, issuer=decision.issuer, action="transition", target=decision, before=before,
                 after=audit.snapshot(decision, DECISION_FIELDS))
    for organisation in {line.nomination.proposal.organisation for line in lines if line.nomination_id}:
        _notify(organisation, f"Quyết định khen thưởng {decision.reference}",
                f"{decision.issuer.name} đã ban hành quyết định {decision.reference}: {decision.title}.\n"
                "Xem danh sách được khen thưởng trong hệ thống Thi đua.\n", decision.get_absolute_url())
    return decision


@transaction.atomic
def revoke_decision(*, by: User | None, decision: Decision, reason: str) -> Decision:
    """Revoke an issued decision (false declarations, unlawful approval… domain.md §3.1): its
    awards are revoked and the register shows it."""
    decision = Decision.objects.select_for_update(of=("self",)).select_related("issuer").get(pk=decision.pk)
    action = "unit_titles.decide" if decision.kind == Decision.Kind.UNIT else "decision.issue"
    if by is not None:
        access.require(by, action, decision.issuer)
    if decision.status != Decision.Status.ISSUED:
        raise ValidationError(_("Chỉ thu hồi được quyết định đã ban hành."))
    if not reason.strip():
        raise ValidationError({"reason": "Ghi lý do thu hồi."})
    decision.status = Decision.Status.REVOKED
    decision.revoke_reason = reason.strip()
    decision.revoked_at = clock.now()
    decision.save()
    for line in decision.lines.filter(nomination__isnull=False).select_related("nomination"):
        _move(by, _locked(line.nomination), State.REVOKED, reason=reason)
    _award_event(by, issuer=decision.issuer, action="transition", target=decision, reason=reason, changes=[
        {"field": "status", "label": "Trạng thái", "before": "Đã ban hành", "after": "Đã thu hồi"}])
    return decision


@transaction.atomic
def remove_decision_line(*, by: User | None, line: DecisionLine) -> None:
    """Take one nomination out of a draft decision; it stays approved for another decision."""
    decision = Decision.objects.select_for_update().get(pk=line.decision_id)
    if by is not None:
        access.require(by, "decision.issue", decision.issuer)
    if decision.status != Decision.Status.DRAFT:
        raise ValidationError(_("Chỉ sửa được danh sách của dự thảo."))
    _award_event(by, issuer=decision.issuer, action="changed", target=decision, changes=[
        {"field": "lines", "label": "Bỏ khỏi danh sách", "before": f"{line.recipient_name} – {line.award_type}",
         "after": ""}])
    line.delete()


@transaction.atomic
def delete_draft_decision(*, by: User | None, decision: Decision) -> None:
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if by is not None:
        access.require(by, "decision.issue", decision.issuer)
    if decision.status != Decision.Status.DRAFT:
        raise ValidationError(_("Chỉ xóa được dự thảo."))
    _award_event(by, issuer=decision.issuer, action="deleted", target=decision,
                 before=audit.snapshot(decision, DECISION_FIELDS))
    decision.delete()


# --- The yearly path --------------------------------------------------------------------------------------------


@transaction.atomic
def decide_unit_titles(*, by: User | None, proposal: Proposal, number: int, notation: str, issue_date: date,
                       signer_prefix: str, signer_title: str, signer_name: str, upload=None) -> Decision:
    """The unit head decides the titles within the unit's own authority for its staff: no
    secretariat, no council, no count quota; the biên bản bình xét must be attached."""
    proposal = Proposal.objects.select_for_update(of=("self",)).select_related("campaign", "organisation").get(pk=proposal.pk)
    if proposal.kind != Proposal.Kind.UNIT:
        raise ValidationError(_("Danh sách này gửi cấp trên xét, thủ trưởng đơn vị không tự quyết định."))
    _require_on(by, "unit_titles.decide", proposal.organisation)
    if proposal.status == Proposal.Status.CLOSED:
        raise ValidationError(_("Danh sách đã được quyết định."))
    if not proposal.files.filter(kind=ProposalFile.Kind.MINUTES).exists():
        raise ValidationError(_("Hãy đính kèm biên bản bình xét thi đua của đơn vị trước khi quyết định."))
    nominations = [_locked(n) for n in proposal.nominations.filter(state=State.DRAFT)]
    if not nominations:
        raise ValidationError(_("Danh sách chưa có ai."))
    holder = selectors.authority_holder(proposal.organisation)
    decision = Decision(issuer=holder.organisation if holder else proposal.organisation, kind=Decision.Kind.UNIT,
                        campaign=proposal.campaign, title=proposal.title, created_by=by)
    decision.full_clean()
    decision.save()
    DecisionLine.objects.bulk_create(_lines_for(decision, nominations, issue_date))
    decision = _issue_unit(by, decision, nominations, number=number, notation=notation, issue_date=issue_date,
                           signer_prefix=signer_prefix, signer_title=signer_title, signer_name=signer_name,
                           upload=upload)
    proposal.status = Proposal.Status.CLOSED
    proposal.save(update_fields=["status"])
    return decision


def _issue_unit(by, decision: Decision, nominations: list[Nomination], **registry) -> Decision:
    missing = {name: "Bắt buộc khi ban hành." for name in ("number", "notation", "issue_date", "signer_name")
               if not (registry[name].strip() if isinstance(registry[name], str) else registry[name])}
    if missing:
        raise ValidationError(missing)
    if registry["issue_date"] > clock.today():
        raise ValidationError({"issue_date": "Ngày ký không được sau hôm nay."})
    upload = registry.pop("upload")
    for name, value in registry.items():
        setattr(decision, name, value.strip() if isinstance(value, str) else value)
    _check_number(decision)
    if upload is not None:
        check_document(upload)
        files.store(decision.file, upload.name, upload)
    decision.status = Decision.Status.ISSUED
    decision.save()
    for nomination in nominations:
        _move(by, nomination, State.DECIDED)
    _award_event(by, issuer=decision.issuer, action="created", target=decision, changes=[
        {"field": "reference", "label": "Quyết định", "before": "", "after": decision.reference},
        {"field": "lines", "label": "Số người, tập thể", "before": "", "after": str(len(nominations))}])
    return decision


# --- The register --------------------------------------------------------------------------------------------


@transaction.atomic
def add_register_entry(*, by: User | None, owner: Organisation, instance: RegisterEntry, upload=None) -> RegisterEntry:
    """An award decided outside the application (before the system, or by a higher level)."""
    if by is not None:
        access.require(by, "nomination.review", owner)
    subject = instance.person.organisation if instance.person_id else instance.organisation
    if subject is None or (by is not None and not access.can_see(by, subject)):
        raise PermissionDenied
    instance.owner = owner
    instance.recorded_by = by
    instance.issuer_name = nfc(instance.issuer_name).strip()
    instance.reference = instance.reference.strip()
    if upload is not None:
        check_document(upload)
        files.store(instance.file, upload.name, upload)
    instance.full_clean(exclude=["owner"])
    instance.save()
    _award_event(by, issuer=owner, action="created", target=instance, changes=[
        {"field": "award", "label": "Khen thưởng", "before": "",
         "after": f"{instance.award_type.name} năm {instance.achievement_year} – {instance.reference}"}])
    return instance


class RowErrors(ValidationError):
    """Row-by-row messages of an import; nothing was saved."""

    def __init__(self, rows: list):
        super().__init__(_("Tệp có dòng chưa đúng; chưa có gì được lưu."))
        self.rows = rows


class _DryRun(Exception):
    pass


def import_nominations(*, by: User | None, proposal: Proposal, rows: list, dry_run: bool = False) -> list[Nomination]:
    """Add the rows of an Excel list (awards.excel.read_list), all or none. A dry run checks the
    rows the file reader accepted and saves nothing, so that a file with errors gets every
    message at once."""
    try:
        return _import_nominations(by=by, proposal=proposal, rows=rows, dry_run=dry_run)
    except _DryRun:
        return []


@transaction.atomic
def _import_nominations(*, by, proposal, rows, dry_run):
    from awards.excel import RowError

    made, errors = [], []
    for row in rows:
        try:
            with transaction.atomic():
                made.append(add_nomination(by=by, proposal=proposal, award_type=row.award_type, person=row.person,
                                           organisation=row.organisation, programme=row.programme,
                                           achievement_year=row.year, summary=row.summary))
        except ValidationError as error:
            errors.append(RowError(row.row, "Mã danh hiệu, hình thức", " ".join(error.messages)))
    if errors:
        raise RowErrors(errors)
    if dry_run:
        raise _DryRun
    return made


@transaction.atomic
def import_register(*, by: User | None, owner: Organisation, rows: list) -> list[RegisterEntry]:
    from awards.excel import RowError

    made, errors = [], []
    for row in rows:
        try:
            with transaction.atomic():
                made.append(add_register_entry(by=by, owner=owner, instance=RegisterEntry(
                    person=row.person, organisation=row.organisation, award_type=row.award_type,
                    achievement_year=row.year, issuer_name=row.issuer_name, reference=row.reference,
                    decided_on=row.decided_on, note=row.note)))
        except ValidationError as error:
            errors.append(RowError(row.row, "Số, ký hiệu quyết định", " ".join(error.messages)))
    if errors:
        raise RowErrors(errors)
    return made


@transaction.atomic
def save_eligibility_record(*, by: User | None, instance, organisation: Organisation):
    """An appraisal, initiative or hold of a person or unit in the user's care."""
    if by is not None:
        access.require(by, "person.manage", organisation)
    instance.full_clean()
    instance.save()
    _award_event(by, issuer=organisation.root, action="created", target=instance, changes=[
        {"field": "record", "label": str(instance._meta.verbose_name).capitalize(), "before": "",
         "after": str(instance)[:300]}])
    return instance


# --- History from documents (the demo loader; not reachable from any view) ----------------------------------


@transaction.atomic
def import_proposal(*, campaign: Campaign, organisation: Organisation, title: str, year: int,
                    subcampaign: SubCampaign | None = None, kind: str = Proposal.Kind.UPWARD, note: str = "",
                    submitted_at=None) -> Proposal:
    """Record a past proposal, whatever the campaign's state now; its history says where it came from."""
    proposal = Proposal(campaign=campaign, subcampaign=subcampaign, organisation=organisation, kind=kind, title=title,
                        year=year, status=Proposal.Status.SUBMITTED if submitted_at else Proposal.Status.DRAFT,
                        submitted_at=submitted_at)
    proposal.search_text = normalise_search(f"{title} {organisation.name}")
    proposal.save()
    _event(None, proposal=proposal, action="created", reason=note, changes=[
        {"field": "title", "label": "Trích yếu", "before": "", "after": title}])
    return proposal


@transaction.atomic
def import_nomination(*, proposal: Proposal, award_type: AwardType, person: Person | None = None,
                      organisation: Organisation | None = None, programme: SubCampaign | None = None,
                      year: int | None = None, summary: str = "", state: str = State.DRAFT, reason: str = "",
                      note: str = "") -> Nomination:
    nomination = Nomination(proposal=proposal, award_type=award_type, person=person, organisation=organisation,
                            programme=programme, achievement_year=year or proposal.year, summary=summary,
                            state=state, reason=reason,
                            order=(proposal.nominations.aggregate(m=Max("order"))["m"] or 0) + 1)
    _fill_key(nomination, proposal)
    if state not in (State.DRAFT, State.SUBMITTED, State.RETURNED):
        nomination.accepted_snapshot = _snapshot(nomination)
    nomination.save()
    _event(None, nomination=nomination, action="transition", from_state="", to_state=state, reason=note or reason)
    return nomination


@transaction.atomic
def import_decision(*, issuer: Organisation, title: str, nominations: list[Nomination], number: int, notation: str,
                    issue_date: date, signer_prefix: str = "", signer_title: str = "", signer_name: str = "",
                    kind: str = Decision.Kind.ISSUER, campaign: Campaign | None = None,
                    revoke_reason: str = "") -> Decision:
    """A past decision with its lines at the base salary of its date; revoked when a reason is given."""
    decision = Decision(issuer=issuer, kind=kind, campaign=campaign, title=title, number=number, notation=notation,
                        issue_date=issue_date, signer_prefix=signer_prefix, signer_title=signer_title,
                        signer_name=signer_name, status=Decision.Status.ISSUED)
    _check_number(decision)
    decision.save()
    DecisionLine.objects.bulk_create(_lines_for(decision, nominations, issue_date))
    if revoke_reason:
        decision.status, decision.revoke_reason, decision.revoked_at = Decision.Status.REVOKED, revoke_reason, clock.now()
        decision.save()
    _award_event(None, issuer=issuer, action="created", target=decision, reason="Nạp dữ liệu minh họa", changes=[
        {"field": "reference", "label": "Quyết định", "before": "", "after": decision.reference}])
    return decision
