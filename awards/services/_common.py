"""What every awards service shares: history rows and notices, the access and campaign checks, and
the one function that moves a nomination (`_move`), so every path checks, counts and records a move alike."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from awards import quotas, selectors, workflow
from awards.models import AwardEvent, Nomination, NominationEvent, Proposal, ProposalFile
from awards.workflow import MoveError, State
from campaigns import lifecycle
from campaigns.models import Campaign, Quota
from common import audit
from units import access
from units.access import SystemActor
from units.models import Organisation, User
from units.notifications import email_unit

NOMINATION_FIELDS = ["award_type", "person", "organisation", "programme", "achievement_year", "mode", "summary"]


DECISION_FIELDS = ["title", "number", "notation", "issue_date", "signer_prefix", "signer_title", "signer_name",
                   "status"]


def _event(by, *, nomination: Nomination | None = None, proposal: Proposal | None = None, action: str,
           from_state: str = "", to_state: str = "", reason: str = "", changes=None, label: str = "") -> None:
    target = nomination or proposal
    audit.record(
        NominationEvent, nomination=nomination, proposal=proposal or (nomination.proposal if nomination else None),
        actor=by, action=action, target=target, label=label or None, from_state=from_state, to_state=to_state,
        reason=reason,
        changes=changes if changes is not None else ([{
            "field": "state", "label": "Trạng thái", "before": str(State(from_state).label) if from_state else "",
            "after": str(State(to_state).label)}] if to_state else []),
    )


def _award_event(by, *, issuer: Organisation | None, action: str, target, before=None, after=None, reason="",
                 changes=None, target_type: str | None = None) -> None:
    rows = changes if changes is not None else audit.diff(before, after)
    if not rows and action == AwardEvent.Action.CHANGED:
        return
    audit.record(AwardEvent, issuer=issuer, actor=by, action=action, target=target, target_type=target_type,
                 changes=rows, reason=reason)


def _notify(organisation: Organisation, subject: str, body: str, path: str = "") -> None:
    """E-mail the unit's staff and head (units.notifications), after the transaction commits."""
    email_unit(organisation, subject, body, path)


def _require_on(by: User | SystemActor, action: str, organisation: Organisation) -> None:
    if not access.can(by, action, organisation):
        raise PermissionDenied


def _require_open_campaign(campaign: Campaign) -> None:
    if not lifecycle.collects_reports(campaign.status):
        raise ValidationError(_("Phong trào không còn nhận đề nghị khen thưởng."))


def _editable_proposal(by: User | SystemActor, proposal: Proposal) -> None:
    _require_on(by, "nomination.prepare", proposal.organisation)
    _require_open_campaign(proposal.campaign)
    if proposal.status == Proposal.Status.CLOSED:
        raise ValidationError(_("Danh sách đã được quyết định, không sửa được nữa."))


def _duplicate_message(nomination: Nomination) -> str:
    other = (Nomination.objects.filter(achievement_key=nomination.achievement_key)
             .exclude(state__in=workflow.CLOSED).exclude(pk=nomination.pk)
             .select_related("award_type", "proposal__organisation").first())
    if other is None:
        return ""
    return (f"Thành tích này đã có đề nghị “{other.award_type.label}” trong tờ trình của "
            f"{other.proposal.organisation.name} ({State(other.state).label}): mỗi thành tích chỉ một hình thức "
            "khen thưởng.")


def _locked(nomination: Nomination) -> Nomination:
    return Nomination.objects.select_for_update(of=("self",)).select_related(
        "proposal__campaign__issuer", "proposal__organisation", "proposal__subcampaign", "award_type", "person",
        "organisation", "programme").get(pk=nomination.pk)


def _snapshot(nomination: Nomination) -> dict:
    return {field: value for field, (_label, value) in audit.snapshot(nomination, NOMINATION_FIELDS).items()}


def _require_move(by: User | SystemActor, nomination: Nomination, found: workflow.Move) -> None:
    organisation = nomination.proposal.organisation if found.on == "unit" else nomination.proposal.campaign.issuer
    if not access.can(by, found.action, organisation):
        raise PermissionDenied


def _move(by: User | SystemActor, nomination: Nomination, target: str, *, reason: str = "",
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


def _require_signed_submission(proposal: Proposal) -> None:
    if proposal.kind != Proposal.Kind.UPWARD:
        raise ValidationError(_("Danh sách này do thủ trưởng đơn vị quyết định, không gửi lên cấp trên."))
    if not proposal.files.filter(kind=ProposalFile.Kind.SUBMISSION).exists():
        raise ValidationError(_("Hãy đính kèm tờ trình (văn bản đề nghị) đã ký trước khi gửi."))
