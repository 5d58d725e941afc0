"""Council sessions a user may see."""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from awards.council import ROLE_ORDER
from awards.models import CouncilMember, CouncilSession, CouncilTerm, Nomination, SessionAbsence
from awards.selectors._common import issuers_for
from awards.selectors.proposals import NOMINATION_RELATED
from awards.workflow import State
from units import access
from units.models import Person


def sessions_visible_to(user):
    """Council sessions of the bodies whose council the user records for."""
    issuers = access.organisations_for(user, "council.record").filter(parent__isnull=True)
    return CouncilSession.objects.filter(issuer__in=issuers).select_related("issuer")


def session_candidates(issuers) -> list[Nomination]:
    """What a new session may put on its agenda: accepted nominations, and disclosed ones."""
    return list(Nomination.objects.filter(proposal__campaign__issuer__in=issuers,
                                          state__in=[State.ACCEPTED, State.DISCLOSURE])
                .select_related(*NOMINATION_RELATED).order_by("award_type__order"))


def council_people(issuers) -> list[Person]:
    """Council members come from the issuer's leadership, offices, mass organisations and the heads
    of its units, not from wards and stations."""
    return list(Person.objects.filter(access.subtree_q([i.path for i in issuers], "organisation__path"),
                                      is_active=True, organisation__depth__lte=1)
                .exclude(organisation__kind__in=["station", "internal"])
                .select_related("organisation").order_by("organisation__depth", "organisation__name",
                                                         "given_name")[:300])


# --- The standing council by term (issue 19, point 3) ---------------------------------------------------


def terms_visible_to(user):
    """Council terms of the bodies where the user keeps or reads the council."""
    return CouncilTerm.objects.filter(issuer__in=issuers_for(user, "council.view")).select_related("issuer")


def term_on(issuer, day: date) -> CouncilTerm | None:
    """The issuer's term in force on `day` (terms of one issuer never overlap)."""
    return CouncilTerm.objects.filter(issuer=issuer, starts_on__lte=day, ends_on__gte=day).first()


def term_members(term: CouncilTerm, *, day: date | None = None) -> list[CouncilMember]:
    """The term's members, chair first, then vice-chairs, members, the secretary; with `day`, only
    those seated that day (joined on or before it, not left by it)."""
    rows = CouncilMember.objects.filter(term=term).select_related("person__organisation")
    if day is not None:
        rows = rows.filter(Q(left_on__isnull=True) | Q(left_on__gt=day), joined_on__lte=day)
    return sorted(rows, key=lambda m: (m.left_on is not None, ROLE_ORDER.get(m.role, 9), m.person.given_name,
                                       m.person.full_name))


def absences_of(session) -> dict[int, SessionAbsence]:
    """member id → its absence note, one query."""
    return {a.member_id: a for a in SessionAbsence.objects.filter(member__session=session)
            .select_related("substitute")}


def substitute_choices(members) -> dict[int, list[Person]]:
    """member id → the active staff of the member's own unit who could sit in (one query)."""
    org_ids = {m.person.organisation_id for m in members}
    seated = {m.person_id for m in members}
    people: dict[int, list[Person]] = {}
    for person in (Person.objects.filter(organisation_id__in=org_ids, is_active=True).exclude(pk__in=seated)
                   .order_by("given_name", "full_name")[:2000]):
        people.setdefault(person.organisation_id, []).append(person)
    return {m.pk: people.get(m.person.organisation_id, [])[:200] for m in members}
