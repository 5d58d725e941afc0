"""What the award pages show, each in a fixed number of queries: rules as of a date, what is
left of a quota, the facts eligibility reads, queues, the register."""

from __future__ import annotations

from array import array
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Prefetch, Q

from awards import eligibility, quotas, workflow
from awards.models import (
    AwardRule,
    AwardType,
    BaseSalary,
    CouncilSession,
    Decision,
    DecisionLine,
    Holiday,
    Nomination,
    NominationEvent,
    Proposal,
    RatioCap,
    RegisterEntry,
    RuleKind,
    UnitAuthority,
)
from awards.rules import Rule, authority_of, in_force, salary_on, within
from awards.workflow import State
from campaigns.models import Campaign, CampaignEvent, Participation, Quota, SubCampaign
from common import memo
from indicators import selectors as indicator_selectors
from units import access
from units.models import AuditEvent, Organisation, Person

NOMINATION_RELATED = ("award_type", "person__organisation", "organisation", "programme", "proposal__organisation",
                      "proposal__campaign__issuer", "proposal__subcampaign")


def rules_for(award_type_ids) -> dict[int, tuple[Rule, ...]]:
    """award type id → its rules as the pure modules read them. One query."""
    out: dict[int, list[Rule]] = defaultdict(list)
    for row in AwardRule.objects.filter(award_type_id__in=set(award_type_ids)).select_related("related_type"):
        out[row.award_type_id].append(Rule(
            kind=row.kind, enabled=row.enabled, effective_from=row.effective_from, effective_to=row.effective_to,
            legal_basis=row.legal_basis, text=row.text, authority=row.authority, grade=row.grade,
            initiative_level=row.initiative_level, related_code=row.related_type.code if row.related_type else "",
            related_label=row.related_type.label if row.related_type else "", count=row.count, percent=row.percent,
            denominator=row.denominator, coefficient=row.coefficient, needs_verification=row.needs_verification))
    return {key: tuple(value) for key, value in out.items()}


def salary_table() -> list[tuple[date, object]]:
    return list(BaseSalary.objects.values_list("effective_from", "amount"))


def base_salary_on(day: date):
    return salary_on(salary_table(), day)


def holidays() -> list[date]:
    return list(Holiday.objects.values_list("day", flat=True))


# --- Quotas ---------------------------------------------------------------------------------------------


def limited_levels(campaign: Campaign) -> set[int | None]:
    """Ids of the items (and programmes) that carry quota rows; None when the campaign does."""
    return set(Quota.objects.filter(campaign=campaign).values_list("subcampaign_id", flat=True).distinct())


def scope_of(nomination: Nomination, limited: set[int | None]) -> quotas.Scope:
    proposal = nomination.proposal
    return quotas.scope_for(campaign_id=proposal.campaign_id, subcampaign_id=proposal.subcampaign_id,
                            programme_id=nomination.programme_id, limited=limited)


def quota_uses(campaign: Campaign, scope: quotas.Scope, *, exclude_pk: int | None = None) -> list[quotas.Use]:
    """Collective and individual: the limit at this scope and the slots taken. Two queries."""
    level = scope.programme_id or scope.subcampaign_id
    limits = dict(Quota.objects.filter(campaign=campaign, subcampaign_id=level).values_list("recipient_kind", "count"))
    limited = limited_levels(campaign) if limits else set()
    used: dict[str, int] = defaultdict(int)
    taken = (Nomination.objects.filter(proposal__campaign=campaign, state__in=quotas.TAKES_SLOT,
                                       proposal__kind=Proposal.Kind.UPWARD)
             .select_related("proposal", "award_type"))
    if exclude_pk:
        taken = taken.exclude(pk=exclude_pk)
    for nomination in taken:
        if scope_of(nomination, limited).key == scope.key:
            used[nomination.award_type.recipient_kind] += 1
    return [quotas.Use(kind, limits.get(kind), used[kind]) for kind in ("collective", "individual")]


def scope_label(scope: quotas.Scope, items: dict[int, SubCampaign] | None = None) -> str:
    level = scope.programme_id or scope.subcampaign_id
    if not level:
        return "phong trào"
    item = (items or {}).get(level) or SubCampaign.objects.get(pk=level)
    return f"mục {item.number}" if item.number else f"nội dung “{item.title}”"


# --- Eligibility facts ------------------------------------------------------------------------------------


def _nominee_q(nominations: list[Nomination], field_person="person_id", field_org="organisation_id") -> Q:
    people = {n.person_id for n in nominations if n.person_id}
    orgs = {n.organisation_id for n in nominations if n.organisation_id}
    return Q(**{f"{field_person}__in": people}) | Q(**{f"{field_org}__in": orgs})


def held_titles(nominations: list[Nomination]) -> dict[tuple[str, int], set[tuple[str, int]]]:
    """("p"|"o", id) → {(award type code, achievement year)} from issued decisions and recorded
    entries. Two queries."""
    held: dict[tuple[str, int], set[tuple[str, int]]] = defaultdict(set)
    if not nominations:
        return held
    lines = (DecisionLine.objects.filter(_nominee_q(nominations), decision__status="issued")
             .values_list("person_id", "organisation_id", "award_type__code", "achievement_year"))
    entries = (RegisterEntry.objects.filter(_nominee_q(nominations))
               .values_list("person_id", "organisation_id", "award_type__code", "achievement_year"))
    for person_id, org_id, code, year in [*lines, *entries]:
        held[("p", person_id) if person_id else ("o", org_id)].add((code, year))
    return held


def _key(nomination: Nomination) -> tuple[str, int]:
    return ("p", nomination.person_id) if nomination.person_id else ("o", nomination.organisation_id)


def checks_for(nominations: list[Nomination], today: date) -> dict[int, list[eligibility.Check]]:
    """nomination id → its checks. A fixed number of queries for any number of nominations
    (nominations come with NOMINATION_RELATED)."""
    from awards.models import Appraisal, Hold, Initiative

    if not nominations:
        return {}
    rules = rules_for(n.award_type_id for n in nominations)
    held = held_titles(nominations)
    appraisals = {}
    for row in Appraisal.objects.filter(_nominee_q(nominations)).values("person_id", "organisation_id", "year",
                                                                          "grade"):
        appraisals[(("p", row["person_id"]) if row["person_id"] else ("o", row["organisation_id"]), row["year"])] = \
            row["grade"]
    initiatives = defaultdict(list)
    people = {n.person_id for n in nominations if n.person_id}
    for initiative in Initiative.objects.filter(authors__in=people).prefetch_related(
            Prefetch("authors", queryset=Person.objects.filter(pk__in=people).only("id"))).distinct():
        for author in initiative.authors.all():
            initiatives[("p", author.pk)].append((initiative.title, initiative.level, initiative.recognised_on.year))
    holds = defaultdict(list)
    for hold in Hold.objects.filter(_nominee_q(nominations)):
        holds[("p", hold.person_id) if hold.person_id else ("o", hold.organisation_id)].append(
            eligibility.Hold(hold.get_kind_display(), hold.starts_on, hold.ends_on))
    keys = {n.achievement_key for n in nominations}
    others = defaultdict(list)
    for other in (Nomination.objects.filter(achievement_key__in=keys).exclude(state__in=workflow.CLOSED)
                  .select_related("award_type", "proposal__organisation")):
        others[other.achievement_key].append(other)
    indicator_facts = _indicator_facts([n for n in nominations if n.organisation_id], today)
    ratio = _ratio_facts(nominations)
    out = {}
    for n in nominations:
        key = _key(n)
        issuer = n.proposal.campaign.issuer
        duplicate = next((o for o in others[n.achievement_key] if o.pk != n.pk), None)
        facts = eligibility.Facts(
            award_label=n.award_type.label, award_recipient_kind=n.award_type.recipient_kind,
            nominee_kind="individual" if n.person_id else "collective", year=n.achievement_year,
            rules=rules.get(n.award_type_id, ()),
            owner_authority=_owner_authority(n), owner_name=(n.proposal.organisation.name
                                                             if n.proposal.kind == Proposal.Kind.UNIT else issuer.name),
            indicators=indicator_facts.get(n.pk), appraisal=appraisals.get((key, n.achievement_year)),
            initiatives=tuple(initiatives.get(key, ())), held_titles=frozenset(held.get(key, set())),
            holds=tuple(holds.get(key, ())),
            duplicate=(f"{duplicate.award_type.label} – tờ trình của {duplicate.proposal.organisation.name} "
                       f"({workflow.State(duplicate.state).label})") if duplicate else "",
            ratio=ratio.get(n.pk), today=today,
        )
        out[n.pk] = eligibility.check(facts)
    return out


def _owner_authority(nomination: Nomination) -> str:
    from awards.models import Authority

    if nomination.proposal.kind == Proposal.Kind.UNIT:
        return Authority.UNIT_HEAD
    return authority_of(nomination.proposal.campaign.issuer.kind)


def _indicator_facts(nominations: list[Nomination], today: date) -> dict[int, eligibility.IndicatorFacts]:
    """For collectives: their key indicators in the campaign's latest period with results."""
    out = {}
    by_campaign = defaultdict(list)
    for n in nominations:
        by_campaign[n.proposal.campaign_id].append(n)
    for group in by_campaign.values():
        campaign = group[0].proposal.campaign
        periods = list(campaign.periods.all())
        if not periods:
            continue
        indicators = [i for i in indicator_selectors.campaign_indicators(campaign) if i.is_key and not i.is_group]
        if not indicators:
            continue
        period = periods[-1]
        table = indicator_selectors.campaign_table(campaign, period, None)
        rows = [r for r in table if r.indicator.is_key and not r.indicator.is_group]
        for n in group:
            cells = [r.unit_cells.get(n.organisation_id) for r in rows if n.organisation_id in r.unit_cells]
            if not cells:
                continue
            met = sum(1 for c in cells if c.evaluation.achieved)
            no_data = sum(1 for c in cells if c.evaluation.achieved is None)
            out[n.pk] = eligibility.IndicatorFacts(period.display_label, len(cells), met, no_data)
    return out


def _ratio_facts(nominations: list[Nomination]) -> dict[int, tuple]:
    """For a title capped as a share of another (RatioCap of the campaign's issuer): the live
    nominations of each in the nominee's unit and year. Two queries."""
    caps = {(c.issuer_id, c.award_type_id): c for c in RatioCap.objects.filter(enabled=True).select_related(
        "base_type")}
    capped = [n for n in nominations if n.person_id and (n.proposal.campaign.issuer_id, n.award_type_id) in caps]
    if not capped:
        return {}
    counts: dict[tuple[int, int, int], int] = defaultdict(int)
    for unit, year, type_id in (Nomination.objects.filter(
            person__organisation_id__in={n.person.organisation_id for n in capped},
            achievement_year__in={n.achievement_year for n in capped}).exclude(state__in=workflow.CLOSED)
            .values_list("person__organisation_id", "achievement_year", "award_type_id")):
        counts[(unit, year, type_id)] += 1
    out = {}
    for n in capped:
        cap = caps[(n.proposal.campaign.issuer_id, n.award_type_id)]
        unit = n.person.organisation_id
        out[n.pk] = (cap.percent, cap.base_type.label, counts[(unit, n.achievement_year, cap.base_type_id)],
                     counts[(unit, n.achievement_year, n.award_type_id)])
    return out


# --- Lists ---------------------------------------------------------------------------------------------------


def move_facts(nomination: Nomination) -> dict[str, bool]:
    """What workflow.offered_moves needs to know about a nomination beyond its state."""
    return {"unit_path": nomination.proposal.kind == Proposal.Kind.UNIT,
            "needs_council": nomination.award_type.needs_council}


def nominations_for(proposal: Proposal) -> list[Nomination]:
    return list(proposal.nominations.select_related(*NOMINATION_RELATED))


def nominee_choices(proposal: Proposal):
    """Who may be nominated in this proposal: the unit's own people and collectives; for an item
    the proposing office is responsible for, any participating unit's (seed 002 §III.2)."""
    organisation = proposal.organisation
    if proposal.subcampaign_id and proposal.subcampaign.responsible_id and \
            proposal.organisation_id == proposal.subcampaign.responsible_id:
        participants = Organisation.objects.filter(participations__campaign=proposal.campaign)
        paths = [o.path for o in participants] + [organisation.path]
    else:
        paths = [organisation.path]
    scope = access.subtree_q(paths)
    organisations = Organisation.objects.filter(scope, closed_on__isnull=True)
    people = Person.objects.filter(access.subtree_q(paths, "organisation__path"), is_active=True).select_related(
        "organisation")
    return organisations, people


def unit_award_types(organisation: Organisation) -> list[AwardType]:
    authority = UnitAuthority.objects.filter(organisation=organisation).first()
    return list(authority.award_types.all()) if authority else []


def authority_holder(organisation: Organisation) -> UnitAuthority | None:
    """The unit, or its nearest ancestor, whose head decides its titles."""
    ancestors = [p for p in organisation.path.split(".") if p]
    candidates = {a.organisation.path: a for a in UnitAuthority.objects.filter(
        organisation__path__in=[".".join(ancestors[:i]) + "." for i in range(1, len(ancestors) + 1)]).select_related(
        "organisation")}
    for i in range(len(ancestors), 0, -1):
        found = candidates.get(".".join(ancestors[:i]) + ".")
        if found:
            return found
    return None


def regular_campaigns_for(organisation: Organisation, year: int | None = None):
    """The issuers' regular campaigns this unit takes part in (the yearly path runs under them)."""
    qs = Campaign.objects.filter(form=Campaign.Form.REGULAR, participations__organisation=organisation,
                                 status__in=["issued", "in_progress", "under_review"])
    if year:
        qs = qs.filter(year=year)
    return qs.select_related("issuer")


@dataclass
class RegisterRow:
    award: str
    year: int
    reference: str
    issuer: str
    source: str
    revoked: bool
    revoke_reason: str = ""
    url: str = ""


def register_for(*, person: Person | None = None, organisation: Organisation | None = None) -> list[RegisterRow]:
    """Title history of one person or unit: issued (and revoked) decision lines, then entries
    recorded from outside. Two queries."""
    subject = Q(person=person) if person else Q(organisation=organisation)
    rows = []
    for line in DecisionLine.objects.filter(subject, decision__status__in=["issued", "revoked"]).select_related(
            "award_type", "decision__issuer"):
        decision = line.decision
        rows.append(RegisterRow(line.award_type.name, line.achievement_year, decision.reference, decision.issuer.name,
                                "Quyết định trong hệ thống", decision.status == "revoked", decision.revoke_reason,
                                decision.get_absolute_url()))
    for entry in RegisterEntry.objects.filter(subject).select_related("award_type"):
        rows.append(RegisterRow(entry.award_type.name, entry.achievement_year,
                                f"{entry.reference} ngày {entry.decided_on:%d/%m/%Y}", entry.issuer_name,
                                entry.get_source_display(), False))
    rows.sort(key=lambda r: (-r.year, r.award))
    return rows


def participants_of(campaign: Campaign) -> set[int]:
    return set(Participation.objects.filter(campaign=campaign).values_list("organisation_id", flat=True))


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
    """What is left of every quota of these campaigns ("Mục 2.2: còn 2/05 tập thể, …"), for the
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


def decisions_visible_to(user):
    """Decisions of issuers in scope, and those awarding people or units in scope (a unit reads
    the decision that rewards its staff)."""
    scope = access.scope_q(user, field="issuer__path")
    decisions = Decision.objects.select_related("issuer", "campaign")
    if scope is None:
        return decisions
    awarded = Decision.objects.filter(
        access.scope_q(user, field="lines__person__organisation__path")
        | access.scope_q(user, field="lines__organisation__path")).values("pk")
    return decisions.filter(scope | Q(pk__in=awarded))


def sessions_visible_to(user):
    """Council sessions of the bodies whose council the user records for."""
    issuers = access.organisations_for(user, "council.record").filter(parent__isnull=True)
    return CouncilSession.objects.filter(issuer__in=issuers).select_related("issuer")


def above_authority(nominations: list[Nomination], issuer: Organisation, day: date) -> dict[int, str]:
    """Nominations the issuer may not decide itself: the award's conferring authority (from its
    rule in force, verified or not: a Sở never signs the province chairman's Bằng khen) is above
    the issuer's. They go upward ("Trình cấp trên")."""
    from awards.models import Authority

    held = authority_of(issuer.kind)
    labels = dict(Authority.choices)
    rule_sets = rules_for({n.award_type_id for n in nominations})
    out = {}
    for nomination in nominations:
        rule = in_force(rule_sets.get(nomination.award_type_id, ()), RuleKind.AUTHORITY, day)
        if rule is not None and rule.authority and not within(rule.authority, held):
            unverified = "" if rule.enabled else " (quy định chưa xác minh)"
            out[nomination.pk] = (f"thuộc thẩm quyền của {labels[rule.authority]}{unverified}: không đưa vào quyết "
                                  f"định của {issuer.name}, hãy trình cấp trên.")
    return out
