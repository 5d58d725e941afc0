"""Trình ký, ghi nhận ban hành and the stored editions of plans, decisions, tờ trình and council
minutes (issue 13): thin views over reports.services; the editions panel itself is a template
tag (reports/templatetags/edition_tags.py) shown on each document's page."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from awards import forms as award_forms
from awards import selectors as award_selectors
from awards.models import Proposal
from awards.views import decisions as decision_views
from campaigns import forms as campaign_forms
from campaigns.lifecycle import Status
from campaigns.models import Campaign
from common import clock
from common.forms import apply_service_errors
from reports import pdf, services
from reports.models import DocumentEdition, SignedCopy
from reports.services import signed
from units import access

Kind = DocumentEdition.Kind
KINDS = {"ke-hoach": Kind.PLAN, "quyet-dinh": Kind.DECISION, "to-trinh": Kind.PROPOSAL, "bien-ban": Kind.MINUTES}
SLUGS = {kind: slug for slug, kind in KINDS.items()} | {Kind.CERTIFICATES: "giay-khen"}


def visible(request: HttpRequest, kind: str, pk: int):
    """The document's owner, looked up through the queryset of what the user may see (404 otherwise)."""
    user = request.user
    if kind == Kind.PLAN:
        return get_object_or_404(Campaign.objects.visible_to(user).select_related("issuer"), pk=pk)
    if kind in (Kind.DECISION, Kind.CERTIFICATES):
        return get_object_or_404(award_selectors.decisions_visible_to(user), pk=pk)
    if kind == Kind.PROPOSAL:
        return get_object_or_404(Proposal.objects.visible_to(user).select_related(
            "campaign__issuer", "subcampaign", "organisation"), pk=pk)
    if kind == Kind.MINUTES:
        return get_object_or_404(award_selectors.sessions_visible_to(user), pk=pk)
    raise Http404


def _kind(slug: str) -> str:
    if slug not in KINDS:
        raise Http404
    return KINDS[slug]


def _may(request: HttpRequest, kind: str, obj) -> bool:
    action, organisation = services.edition_owner(kind, obj)
    return access.can(request.user, action, organisation)


def page_of(kind: str, obj) -> str:
    return obj.get_absolute_url()


def stored_pdf(kind: str, object_id: int) -> HttpResponse | None:
    """The stored copy a document's PDF link serves once it was sent for signature: the issued
    print when the issue is recorded, else the copy awaiting signature; None: nothing frozen yet."""
    edition = services.current_edition(kind, object_id)
    if edition is None:
        return None
    return _file(edition, "issued" if edition.issued_file else "signature")


def _file(edition: DocumentEdition, which: str) -> HttpResponse:
    stored = edition.issued_file if which == "issued" else edition.file
    if not stored:
        raise Http404
    return FileResponse(stored.open("rb"), as_attachment=True, content_type=pdf.PDF_MEDIA_TYPE,
                        filename=stored.name.rsplit("/", 1)[-1])


def edition_file(request: HttpRequest, kind: str, pk: str, number: str, which: str) -> HttpResponse:
    kind = Kind.CERTIFICATES if kind == "giay-khen" else _kind(kind)
    if which not in ("signature", "issued"):
        raise Http404
    visible(request, kind, pk)
    edition = get_object_or_404(DocumentEdition, kind=kind, object_id=int(pk), number=int(number))
    return _file(edition, which)


@require_POST
def edition_send(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Trình ký: the copy the leader signs is frozen as the next edition."""
    kind = _kind(kind)
    obj = visible(request, kind, pk)
    if not _may(request, kind, obj):
        raise PermissionDenied
    try:
        edition = services.send_for_signature(by=request.user, kind=kind, obj=obj,
                                              reason=request.POST.get("reason", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Đã trình ký: lưu phiên bản {edition.number} (SHA-256 {edition.sha256[:12]}…). "
                                  "Văn thư cấp số, ngày sau khi lãnh đạo ký.")
    return redirect(page_of(kind, obj))


@require_POST
def edition_reopen(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    kind = _kind(kind)
    obj = visible(request, kind, pk)
    if not _may(request, kind, obj):
        raise PermissionDenied
    try:
        services.reopen_edition(by=request.user, kind=kind, obj=obj, reason=request.POST.get("reason", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Đã mở lại; lần trình ký sau sẽ lập phiên bản mới. Phiên bản đã ký vẫn được lưu.")
    return redirect(page_of(kind, obj))


@require_POST
def edition_issue(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Ghi nhận ban hành of a tờ trình or minutes: the number and date beside the edition."""
    kind = _kind(kind)
    if kind not in (Kind.PROPOSAL, Kind.MINUTES):
        raise Http404
    obj = visible(request, kind, pk)
    if not _may(request, kind, obj):
        raise PermissionDenied
    form = campaign_forms.IssueForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Chưa ghi nhận được: " + "; ".join(
            f"{form.fields[name].label}: {' '.join(errors)}" for name, errors in form.errors.items()))
        return redirect(page_of(kind, obj))
    try:
        services.record_issue(by=request.user, kind=kind, obj=obj, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Đã ghi nhận số, ngày ban hành và lưu bản ban hành.")
    return redirect(page_of(kind, obj))


def plan_issue(request: HttpRequest, pk: int) -> HttpResponse:
    """Ghi nhận ban hành of a plan: the campaign is issued and the edition sent for signature gets
    the registry's number and date, in one transaction."""
    campaign = visible(request, Kind.PLAN, pk)
    if not access.can(request.user, "campaign.manage", campaign.issuer):
        raise PermissionDenied
    edition = services.open_edition(Kind.PLAN, campaign.pk)
    if campaign.status != Status.DRAFT and edition is None:
        return redirect(campaign)
    form = campaign_forms.IssueForm(request.POST or None, initial={
        "notation": campaign.notation, "issue_date": clock.today()})
    if request.method == "POST" and form.is_valid():
        try:
            services.record_plan_issue(by=request.user, campaign=campaign, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã ghi nhận ban hành kế hoạch và lưu bản ban hành (đã điền số, ngày).")
            return redirect(campaign)
    return render(request, "campaigns/campaign_issue.html", {"form": form, "campaign": campaign,
                                                             "edition": edition})


def decision_issue(request: HttpRequest, pk: int) -> HttpResponse:
    """Ban hành a decision: awards records it, the edition sent for signature is stamped and the
    certificates are frozen, in one transaction. A refusal shows the page again with everything
    typed, and names the file to choose again (issue 13, 5c)."""
    decision = visible(request, Kind.DECISION, pk)
    if request.method != "POST":
        # The refused form's address, reloaded: the decision's page, not an empty 405.
        return redirect(decision)
    if not _may(request, Kind.DECISION, decision):
        raise PermissionDenied
    form = award_forms.IssueForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                services.record_decision_issue(
                    by=request.user, decision=decision, number=data["number"], notation=data["notation"],
                    issue_date=data["issue_date"], signer_prefix=data["signer_prefix"],
                    signer_title=data["signer_title"], signer_name=data["signer_name"], upload=data.get("file"))
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã ban hành quyết định, lưu bản ban hành và giấy khen; các đơn vị đề nghị "
                                      "đã được báo.")
            return redirect(decision)
    form.ask_file_again(request.FILES.get("file"))
    messages.error(request, "Chưa ban hành được: xem các ô báo lỗi trong khung Ban hành.")
    return decision_views.decision_page(request, decision, issue_form=form, status=400)


@require_POST
def edition_signed_upload(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """A signed PDF (or a scan) of the document sent for signature: stored and verified (issue 14)."""
    kind = _kind(kind)
    obj = visible(request, kind, pk)
    if not _may(request, kind, obj):
        raise PermissionDenied
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "Chọn tệp PDF đã ký để tải lên.")
        return redirect(page_of(kind, obj))
    try:
        copy = signed.upload_signed(by=request.user, kind=kind, obj=obj, upload=upload)
    except ValidationError as error:
        messages.error(request, f"Chưa lưu được tệp {upload.name}: " + " ".join(error.messages))
    else:
        # Kept either way (it is what came back), but a copy that does not verify is no success.
        say = messages.success if signed.is_verified(copy) else messages.warning
        say(request, f"Đã lưu bản đã ký: {signed.verdict(copy)}. Kết quả kiểm tra ở khung Bản trình ký.")
    return redirect(page_of(kind, obj))


@require_POST
def edition_signing_token(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """A one-time link for a signing tool; its secret is shown once, in the message."""
    kind = _kind(kind)
    obj = visible(request, kind, pk)
    if not _may(request, kind, obj):
        raise PermissionDenied
    try:
        issued = signed.create_signing_token(by=request.user, kind=kind, obj=obj)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        download = request.build_absolute_uri(reverse("signing:token-file", args=[issued.secret]))
        upload = request.build_absolute_uri(reverse("signing:token-upload", args=[issued.secret]))
        messages.success(request, f"Liên kết cho công cụ ký (dùng một lần, hết hạn lúc "
                                  f"{timezone.localtime(issued.token.expires_at):%d/%m/%Y %H:%M}): "
                                  f"tải bản ký (FileName) {download} · gửi bản đã ký (FileUploadHandler) {upload}")
    return redirect(page_of(kind, obj))


def signed_copy_file(request: HttpRequest, kind: str, pk: str, copy_pk: str) -> HttpResponse:
    kind = _kind(kind)
    visible(request, kind, pk)
    copy = get_object_or_404(SignedCopy, pk=int(copy_pk), edition__kind=kind, edition__object_id=int(pk))
    return FileResponse(copy.file.open("rb"), as_attachment=True, content_type=pdf.PDF_MEDIA_TYPE,
                        filename=copy.file.name.rsplit("/", 1)[-1])
