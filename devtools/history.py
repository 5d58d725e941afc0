"""Writes history taken from documents, bypassing the workflow, as the demo loader does: past
proposals, nominations and decisions, a past campaign's status, a unit's past report. Each row's
audit event goes through the app's own history helper (common.audit.record) as the actor SYSTEM,
and says where the row came from.

Dev-only (the loader, the scale generator, the benchmarks, tests/factories.py): the services hold
only the workflow's paths, and no view can reach these."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Max

from awards.models import AwardType, Decision, DecisionLine, Nomination, Proposal
from awards.services._common import _award_event, _event, _snapshot
from awards.services.decisions import _check_number, _lines_for
from awards.services.proposals import _fill_key
from awards.workflow import State
from campaigns import services as campaign_services
from campaigns.models import Campaign, CampaignEvent, ReportingPeriod, SubCampaign
from common import audit, clock
from common.text import normalise_search
from indicators import services as indicator_services
from indicators.models import Submission, SubmissionEvent
from indicators.submissions import Status
from units import access
from units.models import Organisation, Person

# --- Campaigns ---------------------------------------------------------------------------------


@transaction.atomic
def import_status(*, campaign: Campaign, status: str, note: str) -> Campaign:
    """Set the status of a campaign transcribed from a past document.

    Past plans carry no registry number in the system, so they cannot walk the issue step;
    the event says where the status came from."""
    fields = campaign_services.CAMPAIGN_FIELDS
    campaign = campaign_services._locked(campaign)
    before = audit.snapshot(campaign, fields)
    campaign.status = status
    campaign.save(update_fields=["status", "updated_at"])
    campaign_services._record(by=access.SYSTEM, campaign=campaign, action=CampaignEvent.Action.TRANSITION,
                              target=campaign, before=before, after=audit.snapshot(campaign, fields), reason=note)
    return campaign


# --- Indicators --------------------------------------------------------------------------------


def import_report(
    *, period: ReportingPeriod, organisation: Organisation, values: dict[int, str], status: str = Status.DRAFT,
    submitted_at=None, return_reason: str = "", narrative: dict[str, str] | None = None, note: str = "",
) -> Submission:
    """Record a report from a document, whatever the period's window. The history says where it came from."""
    submission = indicator_services._submission(period, organisation)
    cells = {indicator_id: indicator_services.CellInput(actual_text=text) for indicator_id, text in values.items()}
    indicator_services.save_report(by=access.SYSTEM, period=period, organisation=organisation, cells=cells,
                                   narrative=narrative, enforce_window=False)
    submission.refresh_from_db()
    submission.status = status
    submission.submitted_at = submitted_at if status != Status.DRAFT else None
    submission.reviewed_at = submitted_at if status in (Status.ACCEPTED, Status.RETURNED) else None
    submission.return_reason = return_reason
    submission.save()
    indicator_services._event(access.SYSTEM, submission, SubmissionEvent.Action.TRANSITION, reason=note, changes=[
        {"field": "status", "label": "Trạng thái", "before": "", "after": submission.get_status_display()}])
    return submission


# --- Awards ------------------------------------------------------------------------------------


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
    _event(access.SYSTEM, proposal=proposal, action="created", reason=note, changes=[
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
    _event(access.SYSTEM, nomination=nomination, action="transition", from_state="", to_state=state,
           reason=note or reason)
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
        decision.status, decision.revoke_reason, decision.revoked_at = (
            Decision.Status.REVOKED, revoke_reason, clock.now())
        decision.save()
    _award_event(access.SYSTEM, issuer=issuer, action="created", target=decision, reason="Nạp dữ liệu minh họa",
                 changes=[{"field": "reference", "label": "Quyết định", "before": "", "after": decision.reference}])
    return decision
