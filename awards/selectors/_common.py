"""What several award sections read alike."""

from __future__ import annotations

from units import access


def issuers_for(user, action: str):
    """Roots where the user holds `action` (the secretariat's, council's or leader's body), in tree
    order so that "the first" is the same on every page."""
    return access.organisations_for(user, action).filter(parent__isnull=True).order_by("path")
