"""The certificates the province trusts to verify signed documents (issue 14): the administrator
lists them, adds the government and commercial CAs' public files, and stops trusting one (the row
stays, so kept verification reports still name it)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from common.forms import apply_service_errors
from reports import forms
from reports.models import TrustAnchor
from reports.services import trust
from units import access


def trust_anchors(request: HttpRequest) -> HttpResponse:
    access.require(request.user, "trust.manage")
    form = forms.TrustAnchorForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            anchor = trust.add_trust_anchor(request.user, form.cleaned_data["file"], name=form.cleaned_data["name"],
                                            note=form.cleaned_data["note"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Đã thêm chứng thư tin cậy “{anchor.name}”.")
            return redirect("reports:trust-anchors")
    return render(request, "reports/trust_anchors.html", {
        "form": form, "anchors": list(TrustAnchor.objects.select_related("added_by")),
        "remove_form": forms.TrustAnchorRemoveForm(),
    }, status=400 if form.errors else 200)


@require_POST
def trust_anchor_remove(request: HttpRequest, pk: int) -> HttpResponse:
    access.require(request.user, "trust.manage")
    anchor = get_object_or_404(TrustAnchor, pk=pk)
    form = forms.TrustAnchorRemoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Ghi lý do ngừng tin cậy chứng thư.")
        return redirect("reports:trust-anchors")
    trust.remove_trust_anchor(request.user, anchor, reason=form.cleaned_data["reason"])
    messages.success(request, f"Đã ngừng tin cậy chứng thư “{anchor.name}”.")
    return redirect("reports:trust-anchors")
