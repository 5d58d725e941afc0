"""Proposals and nominations: what is left of a quota, the facts eligibility reads, nominee choices."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.db.models import Prefetch, Q

from awards import eligibility, quotas, workflow
from awards.models import DecisionLine, Nomination, Proposal, RatioCap, RegisterEntry
from awards.rules import authority_of
from awards.selectors.catalogue import rules_for
from campaigns.models import Campaign, Participation, Quota, SubCampaign
from indicators import selectors as indicator_selectors
from indicators.coverage import CONTRIBUTION
from units import access
from units.models import Organisation, Person

NOMINATION_RELATED = ("award_type", "person__organisation", "organisation", "programme", "proposal__organisation",
                      "proposal__campaign__issuer", "proposal__subcampaign")


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
            # A unit's part of a total is not a target of its own (indicators.coverage.judged_per_unit).
            cells = [r.unit_cells[n.organisation_id] for r in rows if n.organisation_id in r.unit_cells
                     and r.unit_cells[n.organisation_id].evaluation.status != CONTRIBUTION]
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


def move_facts(nomination: Nomination) -> dict[str, bool]:
    """What workflow.offered_moves needs to know about a nomination beyond its state."""
    return {"unit_path": nomination.proposal.kind == Proposal.Kind.UNIT,
            "needs_council": nomination.award_type.needs_council}


def moves_for(user, nomination: Nomination) -> list[tuple[str, workflow.Move]]:
    """The move buttons a user sees on a nomination's page: what the workflow offers, kept to the
    moves the user may make (on the nominating unit or the campaign's issuer)."""
    proposal = nomination.proposal
    return [(target, move) for target, move in workflow.offered_moves(nomination.state, **move_facts(nomination))
            if access.can(user, move.action, proposal.organisation if move.on == "unit" else proposal.campaign.issuer)]


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


def regular_campaigns_for(organisation: Organisation, year: int | None = None):
    """The issuers' regular campaigns this unit takes part in (the yearly path runs under them)."""
    qs = Campaign.objects.filter(form=Campaign.Form.REGULAR, participations__organisation=organisation,
                                 status__in=["issued", "in_progress", "under_review"])
    if year:
        qs = qs.filter(year=year)
    return qs.select_related("issuer")


def participants_of(campaign: Campaign) -> set[int]:
    return set(Participation.objects.filter(campaign=campaign).values_list("organisation_id", flat=True))
