"""Decisions: drafts, issuing, revoking; and the yearly path where a unit head decides its titles."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from awards import money, selectors
from awards.models import Decision, DecisionLine, Nomination, Proposal, ProposalFile
from awards.services._common import DECISION_FIELDS, _award_event, _locked, _move, _notify, _require_on
from awards.workflow import State
from campaigns.models import Campaign
from common import audit, clock, files
from common.text import format_number, nfc
from common.uploads import check_document
from units import access
from units.access import SystemActor
from units.models import Organisation, User


def _lines_for(decision: Decision, nominations: list[Nomination], on: date) -> list[DecisionLine]:
    salary = selectors.base_salary_on(on)
    rule_sets = selectors.rules_for(n.award_type_id for n in nominations)
    lines = []
    for order, nomination in enumerate(nominations, start=1):
        paid = money.line_money(nomination.award_type.name, rule_sets.get(nomination.award_type_id, ()), salary, on)
        lines.append(DecisionLine(
            decision=decision, nomination=nomination, award_type=nomination.award_type, person=nomination.person,
            organisation=nomination.organisation, achievement_year=nomination.achievement_year,
            coefficient=paid.coefficient if paid.amount is not None else None, base_salary=paid.base_salary,
            bonus=paid.amount, order=order))
    return lines


def refresh_draft_money(by: User | SystemActor, award_type_ids: set[int] | None = None) -> int:
    """Price the draft decisions' lines again as of today, after the catalogue or the base-salary
    table changed (an administrator confirmed a coefficient): a draft shows what signing today
    would pay; issuing prices it on the signing date anyway. Each draft whose money changed gets a
    history row, so an edition sent for signature before it reads as changed. Returns how many
    drafts changed. Called by the catalogue services, which check the actor."""
    drafts = DecisionLine.objects.filter(decision__status=Decision.Status.DRAFT, nomination__isnull=False)
    if award_type_ids is not None:
        drafts = drafts.filter(award_type_id__in=award_type_ids)
    lines = list(drafts.select_related("nomination__award_type", "decision__issuer", "person", "organisation")
                 .order_by("decision", "order"))
    if not lines:
        return 0
    fresh = {line.nomination_id: line for line in _lines_for(None, [line.nomination for line in lines],
                                                              clock.today())}
    changed: dict[Decision, list[dict]] = {}
    for line in lines:
        new = fresh[line.nomination_id]
        if (line.coefficient, line.base_salary, line.bonus) == (new.coefficient, new.base_salary, new.bonus):
            continue
        changed.setdefault(line.decision, []).append({
            "field": "bonus", "label": f"Tiền thưởng: {line.recipient_name}",
            "before": format_number(line.bonus) if line.bonus is not None else "chưa tính",
            "after": format_number(new.bonus) if new.bonus is not None else "chưa tính"})
        line.coefficient, line.base_salary, line.bonus = new.coefficient, new.base_salary, new.bonus
        line.save(update_fields=["coefficient", "base_salary", "bonus"])
    for decision, changes in changed.items():
        _award_event(by, issuer=decision.issuer, action="changed", target=decision, changes=changes,
                     reason="Tính lại tiền thưởng theo danh mục và mức lương cơ sở hiện hành")
    return len(changed)


@transaction.atomic
def create_decision(*, by: User | SystemActor, issuer: Organisation, title: str, nominations: list[Nomination],
                    campaign: Campaign | None = None) -> Decision:
    """A draft decision holding approved nominations; money is computed again on the signing date."""
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
    decision = Decision(issuer=issuer, campaign=campaign, title=nfc(title).strip(), created_by=access.user_or_none(by))
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
def issue_decision(*, by: User | SystemActor, decision: Decision, number: int, notation: str, issue_date: date,
                   signer_prefix: str, signer_title: str, signer_name: str, upload=None) -> Decision:
    """Record the registry's number and date and the signer; the lines' money is as of that date;
    the nominations become awarded and their units are told."""
    decision = Decision.objects.select_for_update(of=("self",)).select_related("issuer").get(pk=decision.pk)
    action = "unit_titles.decide" if decision.kind == Decision.Kind.UNIT else "decision.issue"
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
def revoke_decision(*, by: User | SystemActor, decision: Decision, reason: str) -> Decision:
    """Revoke an issued decision (false declarations, unlawful approval… domain.md §3.1): its
    awards are revoked and the register shows it."""
    decision = Decision.objects.select_for_update(of=("self",)).select_related("issuer").get(pk=decision.pk)
    action = "unit_titles.decide" if decision.kind == Decision.Kind.UNIT else "decision.issue"
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
def remove_decision_line(*, by: User | SystemActor, line: DecisionLine) -> None:
    """Take one nomination out of a draft decision; it stays approved for another decision."""
    decision = Decision.objects.select_for_update().get(pk=line.decision_id)
    access.require(by, "decision.issue", decision.issuer)
    if decision.status != Decision.Status.DRAFT:
        raise ValidationError(_("Chỉ sửa được danh sách của dự thảo."))
    _award_event(by, issuer=decision.issuer, action="changed", target=decision, changes=[
        {"field": "lines", "label": "Bỏ khỏi danh sách", "before": f"{line.recipient_name} – {line.award_type}",
         "after": ""}])
    line.delete()


@transaction.atomic
def delete_draft_decision(*, by: User | SystemActor, decision: Decision) -> None:
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    access.require(by, "decision.issue", decision.issuer)
    if decision.status != Decision.Status.DRAFT:
        raise ValidationError(_("Chỉ xóa được dự thảo."))
    _award_event(by, issuer=decision.issuer, action="deleted", target=decision,
                 before=audit.snapshot(decision, DECISION_FIELDS))
    decision.delete()


@transaction.atomic
def decide_unit_titles(*, by: User | SystemActor, proposal: Proposal, number: int, notation: str, issue_date: date,
                       signer_prefix: str, signer_title: str, signer_name: str, upload=None) -> Decision:
    """The unit head decides the titles within the unit's own authority for its staff: no
    secretariat, no council, no count quota; the biên bản bình xét must be attached."""
    proposal = (Proposal.objects.select_for_update(of=("self",)).select_related("campaign", "organisation")
                .get(pk=proposal.pk))
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
                        campaign=proposal.campaign, title=proposal.title, created_by=access.user_or_none(by))
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
