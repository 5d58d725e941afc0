"""Nhận hồ sơ điện tử: a lower issuer's package is uploaded and checked (step 1), then its units and
people are matched against this issuer's tree and the proposal is made (step 2)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from awards.models import DossierImport
from awards.selectors import dossier as dossier_selectors
from awards.services import dossier as dossier_services
from common.forms import VnMessagesMixin, apply_service_errors
from units import access
from units.models import Organisation
from units.selectors import organisation_choices


class DossierUploadForm(VnMessagesMixin, forms.Form):
    campaign = forms.ModelChoiceField(label="Đưa vào phong trào", queryset=None, empty_label="— chọn phong trào —",
                                      help_text="Phong trào của cơ quan đang nhận đề nghị khen thưởng.")
    file = forms.FileField(label="Gói hồ sơ điện tử (.zip)",
                           help_text="Tệp .zip tải từ nút “Tải hồ sơ điện tử” của cơ quan cấp dưới, có bảng kê tệp "
                                     "(manifest.json).")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = dossier_selectors.import_campaigns(user)
        self.fields["campaign"].label_from_instance = lambda c: f"{c.title} ({c.year}) – {c.issuer.name}"
        self.fields["file"].widget.attrs["accept"] = ".zip,application/zip"


def _require_reviewer(request: HttpRequest) -> None:
    if not access.can(request.user, "nomination.review"):
        raise PermissionDenied


def dossier_import(request: HttpRequest) -> HttpResponse:
    _require_reviewer(request)
    form = DossierUploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            received = dossier_services.receive_dossier(by=request.user, campaign=form.cleaned_data["campaign"],
                                                        upload=form.cleaned_data["file"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Gói hồ sơ khớp bảng kê tệp (mọi tệp đúng kích thước và mã SHA-256). Hãy đối "
                                      "chiếu đơn vị, cá nhân rồi xác nhận để tạo tờ trình.")
            return redirect(received)
    pending = dossier_selectors.imports_visible_to(request.user)
    return render(request, "awards/dossier_import.html", {
        "form": form, "no_campaign": not form.fields["campaign"].queryset.exists(),
        "pending": pending.filter(status=DossierImport.Status.RECEIVED)[:50],
        "done": pending.filter(status=DossierImport.Status.IMPORTED)[:20]}, status=400 if form.errors else 200)


@require_POST
def dossier_discard(request: HttpRequest, pk: int) -> HttpResponse:
    received = get_object_or_404(dossier_selectors.imports_visible_to(request.user), pk=pk)
    try:
        dossier_services.discard_dossier(by=request.user, received=received)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(received)
    messages.success(request, f"Đã bỏ hồ sơ “{received}” của {received.manifest['sender']['name']}.")
    return redirect("awards:dossier-import")


def _choices(request: HttpRequest, unit_rows, person_rows):
    units = {row.key: dossier_services.UnitChoice(
        action=request.POST.get(f"unit-{row.index}-action", ""),
        parent=request.POST.get(f"unit-{row.index}-parent", ""),
        pick=request.POST.get(f"unit-{row.index}-pick") or None) for row in unit_rows if row.match is None}
    people = {row.key: dossier_services.PersonChoice(
        action=request.POST.get(f"person-{row.index}-action", ""),
        pick_code=request.POST.get(f"person-{row.index}-pick", "")[:30]) for row in person_rows if row.match is None}
    return units, people


def dossier_match(request: HttpRequest, pk: int) -> HttpResponse:
    received = get_object_or_404(dossier_selectors.imports_visible_to(request.user), pk=pk)
    if received.status == DossierImport.Status.IMPORTED:
        messages.info(request, "Gói hồ sơ này đã được nhập thành tờ trình.")
        return redirect(received.proposal)
    root = Organisation.objects.get(pk=received.issuer.root_id)
    unit_rows, person_rows = dossier_selectors.matching(received.manifest, root)
    errors: dict[str, list[str]] = {}
    posted = request.POST if request.method == "POST" else None
    if posted is not None:
        units, people = _choices(request, unit_rows, person_rows)
        try:
            proposal = dossier_services.import_dossier(by=request.user, received=received, units=units, people=people)
        except ValidationError as error:
            errors = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
        else:
            messages.success(request, f"Đã tạo tờ trình với {proposal.nominations.count()} đề nghị từ hồ sơ điện tử.")
            return redirect(proposal)
    tree = organisation_choices(Organisation.objects.filter(root_id=root.pk, closed_on__isnull=True))
    proposing = next((row for row in unit_rows if row.proposing), None)
    for row in unit_rows:
        row.error = " ".join(errors.get(f"unit-{row.index}", []))
        row.chosen = posted.get(f"unit-{row.index}-action", "create") if posted else "create"
        if row.proposing or proposing is None:
            default_parent = str(row.parent_match.pk if row.parent_match else root.pk)
        else:
            default_parent = str(proposing.match.pk) if proposing.match else dossier_services.PROPOSING
        row.parent = posted.get(f"unit-{row.index}-parent", default_parent) if posted else default_parent
        row.pick = posted.get(f"unit-{row.index}-pick", "") if posted else ""
    for row in person_rows:
        row.error = " ".join(errors.get(f"person-{row.index}", []))
        row.chosen = posted.get(f"person-{row.index}-action", "create") if posted else "create"
        row.pick = posted.get(f"person-{row.index}-pick", "") if posted else ""
    manifest = received.manifest
    return render(request, "awards/dossier_match.html", {
        "received": received, "manifest": manifest, "units": unit_rows, "people": person_rows, "tree": tree,
        "proposing_key": dossier_services.PROPOSING,
        "general_errors": errors.get("__all__", []), "nominations": manifest["nominations"],
        "file_count": len(manifest["files"]),
        "history_count": sum(len(n.get("history") or []) for n in manifest["nominations"]),
        "import_crumbs": [(reverse("awards:dossier-import"), "Nhận hồ sơ điện tử")],
    }, status=400 if errors else 200)
