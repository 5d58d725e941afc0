"""What award pages share: the object a user may see (404 otherwise), issuer roots, error text."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from awards import selectors
from awards.models import Nomination, Proposal
from common import xlsx
from common.forms import parse_id
from units.models import Organisation

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
    return selectors.issuers_for(request.user, action)


def _acting_issuer(request: HttpRequest, issuers: list[Organisation], chosen=()) -> Organisation:
    """The issuer a page acts for, among the user's (a user may serve several bodies). Chosen
    nominations name it and must share it; else the `co-quan` parameter names it; else the first
    in tree order."""
    named = {n.proposal.campaign.issuer for n in chosen}
    if len(named) > 1:
        raise ValidationError("Chọn các đề nghị của cùng một cơ quan.")
    if named:
        return named.pop()
    pk = parse_id(request.POST.get("co-quan") or request.GET.get("co-quan"))
    return next((i for i in issuers if i.pk == pk), issuers[0])


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)
