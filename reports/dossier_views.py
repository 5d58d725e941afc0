"""The electronic dossier download on a forwarded proposal's page (reports.dossier gathers it)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from awards.models import Proposal
from reports import dossier
from units import access


def dossier_export(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(Proposal.objects.visible_to(request.user).select_related("campaign__issuer"), pk=pk)
    if not access.can(request.user, "nomination.review", proposal.campaign.issuer):
        raise PermissionDenied
    if not dossier.exportable(proposal):
        # Nothing of it went upward: there is no dossier to send.
        raise Http404
    name, content = dossier.build(proposal)
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
