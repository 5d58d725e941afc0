"""Decisions a user may see, and awards above an issuer's authority."""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from awards import eligibility
from awards.models import AwardEvent, Decision, Nomination, Proposal, RuleKind
from awards.rules import authority_of, in_force, within
from awards.selectors.catalogue import rules_for
from awards.selectors.proposals import NOMINATION_RELATED, checks_for, regular_campaigns_for
from awards.workflow import State
from campaigns.models import Campaign
from common.queries import count_per_row
from units import access
from units.models import Organisation


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


def decision_changed_since(decision: Decision, moment) -> bool:
    """Whether the decision's history has a row after `moment` (its list or its text changed)."""
    return AwardEvent.objects.filter(target_type=str(Decision._meta.verbose_name), target_id=decision.pk,
                                     at__gt=moment).exists()


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


def decision_candidates(issuers, day: date) -> tuple[list[Nomination], list[Nomination]]:
    """Approved nominations not yet in a decision, split in two: those the issuers may decide, each
    with `failing` (the eligibility checks it fails), and those above their authority, each with
    `above` (who decides it instead)."""
    nominations = list(Nomination.objects.filter(proposal__campaign__issuer__in=issuers, state=State.APPROVED,
                                                 decision_line__isnull=True)
                       .select_related(*NOMINATION_RELATED).order_by("proposal__campaign", "award_type__order"))
    above: dict[int, str] = {}
    for issuer in issuers:
        above.update(above_authority([n for n in nominations if n.proposal.campaign.issuer_id == issuer.pk],
                                     issuer, day))
    checks = checks_for(nominations, day)
    upward = [n for n in nominations if n.pk in above]
    for n in upward:
        n.above = above[n.pk]
    candidates = [n for n in nominations if n.pk not in above]
    for n in candidates:
        n.failing = [c for c in checks.get(n.pk, []) if c.status == eligibility.FAIL]
    return candidates, upward


def units_deciding_titles(user):
    """Open units with their own authority where the user decides the yearly titles."""
    return access.organisations_for(user, "unit_titles.decide").filter(closed_on__isnull=True,
                                                                      award_authority__isnull=False)


def regular_campaigns_of(organisations):
    return Campaign.objects.filter(pk__in=[c.pk for org in organisations for c in regular_campaigns_for(org)])


def unit_lists(organisations) -> list[Proposal]:
    """The yearly lists of these units, with their nomination count."""
    return list(Proposal.objects.filter(kind=Proposal.Kind.UNIT, organisation__in=organisations)
                .select_related("campaign", "organisation")
                .annotate(total=count_per_row(Nomination.objects.all(), "proposal")))
