"""The secretariat's queue, the overview's counts and queues, quotas across campaigns."""

from __future__ import annotations

from array import array
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q

from awards.models import CouncilSession, DecisionLine, Nomination, NominationEvent, Proposal
from awards.selectors._common import issuers_for
from awards.selectors.proposals import NOMINATION_RELATED, scope_of
from awards.workflow import State
from campaigns.models import Campaign, CampaignEvent, Quota
from common import memo
from common.queries import count_per_row
from units import access
from units.models import AuditEvent


def review_queue(user, *, campaign: Campaign | None = None, state: str = ""):
    scope = access.scope_q(user, "nomination.review", field="proposal__campaign__issuer__path")
    qs = Nomination.objects.filter(proposal__kind=Proposal.Kind.UPWARD).exclude(state=State.DRAFT)
    if scope is not None:
        qs = qs.filter(scope)
    if campaign is not None:
        qs = qs.filter(proposal__campaign=campaign)
    qs = qs.filter(state=state) if state else qs.filter(state__in=[State.SUBMITTED, State.ACCEPTED, State.DISCLOSURE,
                                                                    State.VOTING, State.APPROVED, State.FORWARDED])
    return qs.select_related(*NOMINATION_RELATED).order_by("proposal__campaign", "proposal", "order", "pk")


# The review queue's ids in order, keyed by user, filter and queue_stamp().
_QUEUES = memo.Memo(size=32)


def queue_stamp() -> tuple:
    """awards_stamp() and what orders the queue: the campaigns' years and titles."""
    return awards_stamp() + memo.stamp([(CampaignEvent, "id"), (Campaign, "updated_at")])


def review_queue_ids(user, *, campaign: Campaign | None = None, state: str = "") -> array:
    """The ids of review_queue(), in its order, made once per change. A province's secretariat
    has thousands of nominations pending: counting and ordering them through their proposals
    and campaigns took 14 ms on every page of the queue (a country's: 160 ms)."""
    def ids() -> array:
        return array("q", review_queue(user, campaign=campaign, state=state).values_list("pk", flat=True))

    return _QUEUES.get((user.pk, campaign.pk if campaign else None, state, queue_stamp()), ids)


# Per-state counts already made in this process, keyed by user and awards_stamp().
_COUNTS = memo.Memo(size=64)


def awards_stamp() -> tuple:
    """The version of every nomination's state: each change is a service that writes a
    NominationEvent; a deleted draft leaves fewer nominations; a changed scope is a units event."""
    return memo.stamp([(NominationEvent, "id"), (Nomination, "id"), (AuditEvent, "id")]) + (
        Nomination.objects.count(),)


def state_counts(user) -> dict[str, int]:
    """How many nominations the user sees in each state (the awards overview). A province's count
    reads 20.000 nominations through their proposals and campaigns (0,2 s for a country's 200.000):
    made once per change."""
    def count() -> dict[str, int]:
        return dict(Nomination.objects.visible_to(user).values_list("state").annotate(n=Count("id")).order_by())

    return _COUNTS.get((user.pk, awards_stamp()), count)


def home_queues(user) -> dict:
    """What the home page shows each role of awards: the unit its returned nominations, the
    secretariat what waits for review, the council its next sessions, the leader what waits for a
    decision. A fixed number of queries."""
    out = {"award_returned": [], "award_to_review": 0, "award_sessions": [], "award_to_decide": 0,
           "award_drafts": []}
    if access.can(user, "nomination.prepare"):
        scope = access.scope_q(user, "nomination.prepare", field="proposal__organisation__path")
        returned = Nomination.objects.filter(state=State.RETURNED).select_related("award_type", "person",
                                                                                  "organisation", "proposal")
        out["award_returned"] = list((returned.filter(scope) if scope is not None else returned)[:10])
        unit_scope = access.scope_q(user, "nomination.prepare", field="organisation__path")
        drafts = Proposal.objects.filter(status=Proposal.Status.DRAFT, campaign__status__in=[
            "issued", "in_progress", "under_review"]).select_related("organisation")
        out["award_drafts"] = list((drafts.filter(unit_scope) if unit_scope is not None else drafts)[:5])
    if access.can(user, "nomination.review"):
        scope = access.scope_q(user, "nomination.review", field="proposal__campaign__issuer__path")
        waiting = Nomination.objects.filter(state=State.SUBMITTED, proposal__kind=Proposal.Kind.UPWARD)
        out["award_to_review"] = (waiting.filter(scope) if scope is not None else waiting).count()
    if access.can(user, "council.record"):
        from awards.models import CouncilSession

        scope = access.scope_q(user, "council.record", field="issuer__path")
        sessions = CouncilSession.objects.exclude(status=CouncilSession.Status.CLOSED).order_by("held_on")
        out["award_sessions"] = list((sessions.filter(scope) if scope is not None else sessions)[:3])
    if access.can(user, "decision.issue"):
        scope = access.scope_q(user, "decision.issue", field="proposal__campaign__issuer__path")
        # NOT EXISTS, not a LEFT JOIN … IS NULL: the planner took the join for one row and nested
        # 10.000 nominations against every campaign (0,2 s at national scale).
        approved = Nomination.objects.filter(state=State.APPROVED).exclude(
            Exists(DecisionLine.objects.filter(nomination=OuterRef("pk"))))
        out["award_to_decide"] = (approved.filter(scope) if scope is not None else approved).count()
    return out


@dataclass
class QuotaLine:
    campaign: Campaign
    label: str
    text: str


def quota_overview(campaigns) -> list[QuotaLine]:
    """What is left of every quota of these campaigns ("Mục 2.2: còn 2 trong số 05 tập thể, …"), for the
    screens where the secretariat, the council and the leader choose. Two queries whatever the
    number of items and nominations."""
    from awards import quotas as quota_rules

    rows = list(Quota.objects.filter(campaign__in=campaigns).select_related("campaign", "subcampaign")
                .order_by("campaign__title", "subcampaign__number", "recipient_kind"))
    if not rows:
        return []
    limited: dict[int, set] = defaultdict(set)
    limits: dict[tuple, dict[str, int]] = defaultdict(dict)
    for row in rows:
        limited[row.campaign_id].add(row.subcampaign_id)
        limits[(row.campaign_id, row.subcampaign_id)][row.recipient_kind] = row.count
    used: dict[tuple, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for nomination in (Nomination.objects.filter(proposal__campaign__in=campaigns, state__in=quota_rules.TAKES_SLOT,
                                                 proposal__kind=Proposal.Kind.UPWARD)
                       .select_related("proposal", "award_type")):
        scope = scope_of(nomination, limited[nomination.proposal.campaign_id])
        used[scope.key][nomination.award_type.recipient_kind] += 1
    out, seen = [], set()
    for row in rows:
        key = (row.campaign_id, row.subcampaign_id)
        if key in seen:
            continue
        seen.add(key)
        item = row.subcampaign
        label = (f"Mục {item.number}" if item and item.number else item.title if item else "Cả phong trào")
        uses = [quota_rules.Use(kind, limits[key].get(kind), used[key][kind]) for kind in ("collective", "individual")
                if kind in limits[key]]
        out.append(QuotaLine(row.campaign, label, quota_rules.remaining_text(uses)))
    return out


def disclosure_candidates(issuers) -> list[Nomination]:
    """Accepted nominations of the issuers; those the law asks to disclose come first."""
    return list(Nomination.objects.filter(proposal__campaign__issuer__in=issuers, state=State.ACCEPTED)
                .select_related(*NOMINATION_RELATED).order_by("-award_type__needs_disclosure", "award_type__order"))


def my_proposals(user) -> list[Proposal]:
    """The ten latest proposals of the units the user prepares for, with their nomination count."""
    return list(Proposal.objects.visible_to(user).select_related("campaign", "organisation", "subcampaign")
                .annotate(total=count_per_row(Nomination.objects.all(), "proposal"))
                .filter(access.scope_q(user, "nomination.prepare", field="organisation__path") or Q())
                .order_by("-created_at")[:10])


def returned_to(user) -> list[Nomination]:
    return list(Nomination.objects.visible_to(user).filter(state=State.RETURNED)
                .select_related(*NOMINATION_RELATED)[:10])


def open_sessions(user) -> list[CouncilSession]:
    return list(CouncilSession.objects.filter(issuer__in=issuers_for(user, "council.record"))
                .exclude(status=CouncilSession.Status.CLOSED)[:5])


def approved_count(user) -> int:
    """Approved nominations waiting for a decision of a body the user issues decisions for."""
    return Nomination.objects.filter(state=State.APPROVED,
                                     proposal__campaign__issuer__in=issuers_for(user, "decision.issue")).count()
