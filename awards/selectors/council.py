"""Council sessions a user may see."""

from __future__ import annotations

from awards.models import CouncilSession
from units import access


def sessions_visible_to(user):
    """Council sessions of the bodies whose council the user records for."""
    issuers = access.organisations_for(user, "council.record").filter(parent__isnull=True)
    return CouncilSession.objects.filter(issuer__in=issuers).select_related("issuer")
