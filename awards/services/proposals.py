"""Proposals and their nominations as the unit prepares and sends them."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from awards import rules, selectors, workflow
from awards.models import AwardType, Nomination, NominationFile, Proposal, ProposalFile
from awards.services._common import (
    NOMINATION_FIELDS,
    _duplicate_message,
    _editable_proposal,
    _event,
    _locked,
    _move,
    _require_on,
    _require_open_campaign,
    _require_signed_submission,
)
from awards.workflow import State
from campaigns.models import Campaign, Quota, SubCampaign
from common import audit, clock, files
from common.text import nfc, normalise_search
from common.uploads import check_document
from units import access
from units.access import SystemActor
from units.models import Organisation, Person, User


@transaction.atomic
def create_proposal(*, by: User | SystemActor, campaign: Campaign, organisation: Organisation, title: str, year: int,
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
        if not access.can(by, "unit_titles.decide", organisation):
            raise PermissionDenied
        if selectors.authority_holder(organisation) is None:
            raise ValidationError({"organisation": "Đơn vị chưa được giao thẩm quyền tự quyết định danh hiệu."})
        if Proposal.objects.filter(kind=kind, campaign=campaign, organisation=organisation, year=year).exists():
            raise ValidationError({"year": f"Đơn vị đã có danh sách bình xét năm {year} của phong trào này: "
                                           "mở danh sách đó để thêm người."})
    proposal = Proposal(campaign=campaign, subcampaign=subcampaign, organisation=organisation, kind=kind,
                        title=nfc(title).strip(), year=year, number_text=number_text.strip(), note=note.strip(),
                        created_by=access.user_or_none(by))
    proposal.search_text = normalise_search(f"{proposal.title} {organisation.name}")
    proposal.full_clean(exclude=["search_text"])
    proposal.save()
    _event(by, proposal=proposal, action="created", changes=[
        {"field": "title", "label": "Trích yếu", "before": "", "after": proposal.title},
        {"field": "campaign", "label": "Phong trào", "before": "", "after": campaign.title[:200]}])
    return proposal


@transaction.atomic
def add_proposal_file(*, by: User | SystemActor, proposal: Proposal, kind: str, upload) -> ProposalFile:
    _editable_proposal(by, proposal)
    check_document(upload, (".pdf", ".jpg", ".jpeg", ".png", ".docx", ".xlsx"))
    row = ProposalFile(proposal=proposal, kind=kind, uploaded_by=access.user_or_none(by))
    files.store(row.file, upload.name, upload)
    row.save()
    _event(by, proposal=proposal, action="changed", changes=[
        {"field": "file", "label": row.get_kind_display(), "before": "", "after": row.name}])
    return row


@transaction.atomic
def delete_proposal_file(*, by: User | SystemActor, row: ProposalFile) -> None:
    proposal = row.proposal
    _editable_proposal(by, proposal)
    if proposal.status != Proposal.Status.DRAFT:
        # The signed file is what was sent: it stays with the record.
        raise ValidationError(_("Tờ trình đã gửi: hồ sơ đã gửi không xóa được, chỉ bổ sung thêm tệp."))
    _event(by, proposal=proposal, action="changed", changes=[
        {"field": "file", "label": row.get_kind_display(), "before": row.name, "after": ""}])
    row.delete()


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
def add_nomination(*, by: User | SystemActor, proposal: Proposal, award_type: AwardType, person: Person | None = None,
                   organisation: Organisation | None = None, programme: SubCampaign | None = None,
                   achievement_year: int | None = None, summary: str = "", mode: str = "") -> Nomination:
    proposal = (Proposal.objects.select_for_update(of=("self",))
                .select_related("campaign", "subcampaign", "organisation").get(pk=proposal.pk))
    _editable_proposal(by, proposal)
    nomination = Nomination(proposal=proposal, award_type=award_type, person=person, organisation=organisation,
                            programme=programme, achievement_year=achievement_year or proposal.year,
                            mode=mode or rules.default_mode(proposal.campaign.form),
                            summary=nfc(summary).strip(), created_by=access.user_or_none(by),
                            order=(proposal.nominations.aggregate(m=Max("order"))["m"] or 0) + 1)
    _check_nominee(nomination, proposal)
    _fill_key(nomination, proposal)
    _save_checked(nomination)
    _event(by, nomination=nomination, action="created",
           changes=audit.diff(None, audit.snapshot(nomination, NOMINATION_FIELDS)))
    return nomination


@transaction.atomic
def update_nomination(*, by: User | SystemActor, nomination: Nomination, expected_version: int | None = None,
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
def delete_nomination(*, by: User | SystemActor, nomination: Nomination) -> None:
    nomination = _locked(nomination)
    _editable_proposal(by, nomination.proposal)
    if nomination.state != State.DRAFT:
        raise ValidationError(_("Chỉ xóa được đề nghị còn là nháp; đề nghị đã gửi thì rút."))
    _event(by, proposal=nomination.proposal, action="deleted", label=str(nomination),
           changes=audit.diff(audit.snapshot(nomination, NOMINATION_FIELDS), None))
    nomination.delete()


@transaction.atomic
def add_nomination_file(*, by: User | SystemActor, nomination: Nomination, upload,
                        kind: str = "report") -> NominationFile:
    nomination = _locked(nomination)
    _editable_proposal(by, nomination.proposal)
    if nomination.state not in workflow.UNIT_EDITABLE:
        raise ValidationError(_("Đề nghị đang ở Hội đồng hoặc đã có quyết định: không thêm tệp được."))
    check_document(upload, (".pdf", ".jpg", ".jpeg", ".png", ".docx", ".xlsx"))
    row = NominationFile(nomination=nomination, kind=kind, uploaded_by=access.user_or_none(by))
    files.store(row.file, upload.name, upload)
    row.save()
    _event(by, nomination=nomination, action="changed", changes=[
        {"field": "file", "label": row.get_kind_display(), "before": "", "after": row.name}])
    return row


@transaction.atomic
def delete_nomination_file(*, by: User | SystemActor, row: NominationFile) -> None:
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
def submit_proposal(*, by: User | SystemActor, proposal: Proposal) -> list[Nomination]:
    """Send every draft (and returned) nomination of the proposal to the issuer's secretariat.
    The signed tờ trình must be attached."""
    proposal = (Proposal.objects.select_for_update(of=("self",)).select_related("campaign", "organisation")
                .get(pk=proposal.pk))
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
