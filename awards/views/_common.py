"""What award pages share: the object a user may see (404 otherwise), issuer roots, error text."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from awards import selectors
from awards.models import Nomination, Proposal
from common import xlsx
from units import access

RELATED = selectors.NOMINATION_RELATED


def _xlsx(content: bytes, name: str) -> HttpResponse:
    return HttpResponse(content, content_type=xlsx.XLSX_CONTENT_TYPE,
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _proposal(request: HttpRequest, pk: int) -> Proposal:
    return get_object_or_404(Proposal.objects.visible_to(request.user).select_related(
        "campaign__issuer", "subcampaign", "organisation"), pk=pk)


def _nomination(request: HttpRequest, pk: int) -> Nomination:
    return get_object_or_404(Nomination.objects.visible_to(request.user).select_related(*RELATED), pk=pk)


def _issuers(request: HttpRequest, action: str):
    """Roots where the user holds `action` (the secretariat's, council's or leader's body)."""
    return access.organisations_for(request.user, action).filter(parent__isnull=True)


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)
