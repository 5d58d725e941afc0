"""Council sessions a user may see."""

from __future__ import annotations

from awards.models import CouncilSession, Nomination
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
