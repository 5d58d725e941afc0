import functools
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from campaigns import copying, forms, lifecycle, selectors, services
from campaigns.lifecycle import Status
from campaigns.models import (
    Campaign,
    LegalBasis,
    Participation,
    Pledge,
    Recipient,
    ReportingPeriod,
    Section,
    SubCampaign,
)
from common import clock
from common.forms import apply_service_errors, parse_id
from common.views import paginate
from units import access


def _visible_campaign(request: HttpRequest, pk: int) -> Campaign:
    return get_object_or_404(Campaign.objects.visible_to(request.user).select_related("issuer"), pk=pk)


def _managed_campaign(request: HttpRequest, pk: int) -> Campaign:
    """Hidden campaigns are a 404; visible ones the user may not manage are a 403."""
    campaign = _visible_campaign(request, pk)
    access.require(request.user, "campaign.manage", campaign.issuer)
    return campaign


def _editable(view):
    """Hand the view the campaign, looked up for a manager; a closed campaign sends the user back
    to its page with a message instead of a form that could not be saved."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, pk: int, *args, **kwargs) -> HttpResponse:
        campaign = _managed_campaign(request, pk)
        if not lifecycle.is_editable(campaign.status):
            messages.error(request, "Phong trào đã kết thúc, không thể sửa.")
            return redirect(campaign)
        return view(request, campaign, *args, **kwargs)

    return wrapper


def _confirm_delete(request: HttpRequest, *, campaign: Campaign, label: str, obj, back: str, done_url: str,
                    done_message: str, delete) -> HttpResponse:
    """The confirmation page every deletion shares; `delete(reason)` calls the service."""
    form = forms.DeleteForm(request.POST if request.method == "POST" else None, campaign=campaign)
    if request.method == "POST" and form.is_valid():
        try:
            delete(form.cleaned_data.get("reason", ""))
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, done_message)
            return redirect(done_url)
    return render(request, "campaigns/confirm_delete.html", {
        "form": form, "campaign": campaign, "label": label, "object": obj, "back": back,
    })


# --- List, detail, history ---------------------------------------------------------------------------


def campaign_list(request: HttpRequest) -> HttpResponse:
    form = forms.CampaignFilterForm(request.GET or None, user=request.user)
    data = form.cleaned_data if form.is_valid() else {}
    campaigns = selectors.campaign_list(
        request.user, q=data.get("q", ""), status=data.get("status", ""), year=data.get("year"),
        form=data.get("form", ""), issuer=data.get("issuer"),
    )
    return render(request, "campaigns/campaign_list.html", {
        "form": form, "page": paginate(request, campaigns),
        "can_create": access.can_create(request.user, "campaign.manage"),
    })


PARTICIPANTS_PER_PAGE = 50


def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _visible_campaign(request, pk)
    can_manage = access.can(request.user, "campaign.manage", campaign.issuer)
    today = clock.today()
    context = {
        "campaign": campaign,
        "can_manage": can_manage,
        "can_edit": can_manage and lifecycle.is_editable(campaign.status),
        "moves": [
            {"to": to, "label": lifecycle.ACTION_LABELS[(campaign.status, to)],
             "needs_reason": lifecycle.needs_reason(campaign.status, to, today=today, period_end=campaign.period_end)}
            for to in lifecycle.next_states(campaign.status)
        ] if can_manage else [],
        "participants": paginate(request, selectors.participants(campaign), PARTICIPANTS_PER_PAGE),
        "pledges": selectors.pledges(campaign),
        "events": selectors.events(campaign, 10),
        "tab": request.GET.get("tab", "van-ban"),
        "can_copy": access.can_create(request.user, "campaign.manage"),
        "review": selectors.copy_review(campaign) if can_manage else [],
        # Countdowns mean nothing once a campaign is summed up.
        "campaign_live": campaign.status in (Status.ISSUED, Status.IN_PROGRESS),
        **selectors.document(campaign, today),
    }
    context["linkable"] = access.visible_ids(request.user, [campaign.issuer_id] + [
        p.organisation_id for p in context["participants"]] + [
        n.item.responsible_id for n in context["items"]])
    return render(request, "campaigns/campaign_detail.html", context)


def campaign_history(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _visible_campaign(request, pk)
    return render(request, "campaigns/campaign_history.html", {
        "campaign": campaign, "page": paginate(request, campaign.events.select_related("actor"), 50),
    })


# --- Create, edit, lifecycle -----------------------------------------------------------------------------


def campaign_create(request: HttpRequest) -> HttpResponse:
    if not access.can(request.user, "campaign.manage"):
        raise PermissionDenied
    if not access.can_create(request.user, "campaign.manage"):
        messages.warning(request, "Cơ quan của bạn đã ngừng hoạt động: chỉ xem được các kế hoạch cũ, không tạo mới.")
        return redirect("campaigns:campaign-list")
    today = clock.today()
    initial = {"year": today.year, "issue_month": today.month, "issue_year": today.year}
    # Most managers issue for one body: start from the organisation of their managing role.
    home = next((m.organisation for m in access.memberships(request.user)
                 if access.can(request.user, "campaign.manage", m.organisation) and not m.organisation.is_closed), None)
    if home is not None:
        initial.update(issuer=home.pk, notation=f"KH-{home.code}")
    form = forms.CampaignForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = form.campaign_fields()
        issuer = fields.pop("issuer")
        for name in ("document_parent_line", "document_name_line", "place"):
            if not fields.get(name):
                fields.pop(name, None)  # let the issuer's own lines fill them
        try:
            campaign = services.create_campaign(by=request.user, issuer=issuer, quotas=form.quotas(), **fields)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã tạo dự thảo kế hoạch. Thêm nội dung thi đua, đơn vị tham gia và kỳ báo cáo.")
            return redirect(campaign)
    return render(request, "campaigns/campaign_form.html", {"form": form})


def campaign_copy(request: HttpRequest, pk: int) -> HttpResponse:
    """"Sao chép kế hoạch": one form makes a draft for another year from any plan the user sees, in one of
    the user's own bodies; the draft then opens with what to review (services.copy_plan)."""
    source = _visible_campaign(request, pk)
    if not access.can_create(request.user, "campaign.manage"):
        raise PermissionDenied
    year_range = services.copy_year_range(clock.today())
    year = min(max(source.year + 1, year_range[0]), year_range[1])
    initial = {"year": year, "title": copying.copy_title(source.title, source.year, year)}
    form = forms.CopyPlanForm(request.POST or None, user=request.user, year_range=year_range, initial=initial)
    issuers = list(form.fields["issuer"].queryset)
    initial["issuer"] = next((o.pk for o in issuers if o.pk == source.issuer_id), issuers[0].pk if issuers else None)
    if request.method == "POST" and form.is_valid():
        try:
            draft = services.copy_plan(by=request.user, source=source, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Đã tạo dự thảo “{draft.title}” từ kế hoạch năm {source.year}. "
                                      "Hãy xem các mục cần xem lại bên dưới.")
            return redirect(draft)
    return render(request, "campaigns/campaign_copy.html", {"form": form, "campaign": source})


@require_POST
def copy_review_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _managed_campaign(request, pk)
    try:
        services.dismiss_copy_review(by=request.user, campaign=campaign, key=request.POST.get("key", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(f"{campaign.get_absolute_url()}#can-xem-lai")


@_editable
def campaign_update(request: HttpRequest, campaign: Campaign) -> HttpResponse:
    form = forms.CampaignForm(request.POST or None, instance=campaign, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_campaign(by=request.user, campaign=campaign, reason=form.cleaned_data.get("reason", ""),
                                     quotas=form.quotas(), expected_version=form.cleaned_data.get("version"),
                                     **form.campaign_fields())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu kế hoạch.")
            return redirect(campaign)
    return render(request, "campaigns/campaign_form.html", {"form": form, "campaign": campaign})


def campaign_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete a draft (a plan never issued); issued plans stay as documents."""
    campaign = _managed_campaign(request, pk)
    if campaign.status != Status.DRAFT:
        messages.error(request, "Chỉ xóa được kế hoạch còn là dự thảo.")
        return redirect(campaign)
    return _confirm_delete(
        request, campaign=campaign, label="dự thảo kế hoạch", obj=campaign, back=campaign.get_absolute_url(),
        done_url=reverse("campaigns:campaign-list"), done_message=f"Đã xóa dự thảo “{campaign.title}”.",
        delete=lambda reason: services.delete_draft(by=request.user, campaign=campaign, reason=reason),
    )


def campaign_issue(request: HttpRequest, pk: int) -> HttpResponse:
    """Recording the issue freezes the signed edition too, which is reports' (campaigns may not
    import it): the form lives there, under the same checks."""
    campaign = _managed_campaign(request, pk)
    return redirect("reports:plan-issue", pk=campaign.pk)


@require_POST
def campaign_move(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _managed_campaign(request, pk)
    target = request.POST.get("to", "")
    if target == Status.ISSUED:
        return redirect("campaigns:campaign-issue", pk=campaign.pk)
    form = forms.TransitionForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        if target not in Status.values:
            raise ValidationError("Trạng thái không hợp lệ.")
        services.move_campaign(by=request.user, campaign=campaign, to=target, reason=reason)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Phong trào đã chuyển sang “{Status(target).label}”.")
    return redirect(campaign)


# --- Sections, căn cứ, nơi nhận, kỳ báo cáo --------------------------------------------------------------


@dataclass(frozen=True)
class ItemKind:
    model: type[models.Model]
    form: type
    label: str
    tab: str


ITEM_KINDS = {
    "de-muc": ItemKind(Section, forms.SectionForm, "đề mục", "van-ban"),
    "can-cu": ItemKind(LegalBasis, forms.LegalBasisForm, "căn cứ", "van-ban"),
    "noi-nhan": ItemKind(Recipient, forms.RecipientForm, "nơi nhận", "van-ban"),
    "ky-bao-cao": ItemKind(ReportingPeriod, forms.PeriodForm, "kỳ báo cáo", "ky-bao-cao"),
}


def _item_kind(kind: str) -> ItemKind:
    if kind not in ITEM_KINDS:
        raise Http404
    return ITEM_KINDS[kind]


def _tab_url(campaign: Campaign, tab: str) -> str:
    return f"{campaign.get_absolute_url()}?tab={tab}#{tab}"


@_editable
def item_form(request: HttpRequest, campaign: Campaign, kind: str, item_pk: int | None = None) -> HttpResponse:
    spec = _item_kind(kind)
    if item_pk is None:
        instance = spec.model(campaign=campaign)
        if hasattr(instance, "order"):
            last = spec.model.objects.filter(campaign=campaign).aggregate(models.Max("order"))["order__max"]
            instance.order = (last or 0) + 1
    else:
        instance = get_object_or_404(spec.model, pk=item_pk, campaign=campaign)
    form = spec.form(request.POST or None, instance=instance, campaign=campaign, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_item(by=request.user, campaign=campaign, instance=form.instance,
                               reason=form.cleaned_data.get("reason", ""))
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Đã lưu {spec.label}.")
            return redirect(_tab_url(campaign, spec.tab))
    return render(request, "campaigns/item_form.html", {
        "form": form, "campaign": campaign, "label": spec.label, "instance": instance, "kind": kind,
        "back": _tab_url(campaign, spec.tab),
    })


@_editable
def item_delete(request: HttpRequest, campaign: Campaign, kind: str, item_pk: int) -> HttpResponse:
    spec = _item_kind(kind)
    instance = get_object_or_404(spec.model, pk=item_pk, campaign=campaign)
    return _confirm_delete(
        request, campaign=campaign, label=spec.label, obj=instance, back=_tab_url(campaign, spec.tab),
        done_url=_tab_url(campaign, spec.tab), done_message=f"Đã xóa {spec.label}.",
        delete=lambda reason: services.delete_item(by=request.user, campaign=campaign, instance=instance,
                                                   reason=reason),
    )


# --- Sub-campaigns -----------------------------------------------------------------------------------------


def subcampaign_detail(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    campaign = _visible_campaign(request, pk)
    item = get_object_or_404(SubCampaign.objects.select_related("host", "responsible", "parent"), pk=item_pk,
                             campaign=campaign)
    nodes = {node.item.pk: node for node in selectors.flatten_items(selectors.subcampaign_tree(campaign))}
    can_manage = access.can(request.user, "campaign.manage", campaign.issuer)
    return render(request, "campaigns/subcampaign_detail.html", {
        "campaign": campaign, "node": nodes[item.pk], "item": item,
        "can_edit": can_manage and lifecycle.is_editable(campaign.status),
        "linkable": access.visible_ids(request.user, [item.host_id, item.responsible_id]),
    })


@_editable
def subcampaign_form(request: HttpRequest, campaign: Campaign, item_pk: int | None = None) -> HttpResponse:
    if item_pk is None:
        instance = SubCampaign(campaign=campaign)
        if (parent_pk := parse_id(request.GET.get("parent"))) is not None:
            instance.parent = campaign.subcampaigns.filter(pk=parent_pk).first()
        siblings = campaign.subcampaigns.filter(parent=instance.parent)
        instance.order = (siblings.aggregate(models.Max("order"))["order__max"] or 0) + 1
    else:
        instance = get_object_or_404(SubCampaign, pk=item_pk, campaign=campaign)
    form = forms.SubCampaignForm(request.POST or None, instance=instance, campaign=campaign, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.save_subcampaign(by=request.user, campaign=campaign, instance=form.instance,
                                             quotas=form.quotas(), reason=form.cleaned_data.get("reason", ""))
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu nội dung thi đua.")
            return redirect(item)
    return render(request, "campaigns/subcampaign_form.html", {"form": form, "campaign": campaign,
                                                               "instance": instance})


@_editable
def subcampaign_delete(request: HttpRequest, campaign: Campaign, item_pk: int) -> HttpResponse:
    item = get_object_or_404(SubCampaign, pk=item_pk, campaign=campaign)
    if item.children.exists():
        messages.error(request, "Nội dung này còn nội dung con: hãy xóa hoặc chuyển các nội dung con trước.")
        return redirect(item)
    return _confirm_delete(
        request, campaign=campaign, label="nội dung thi đua", obj=item, back=item.get_absolute_url(),
        done_url=_tab_url(campaign, "noi-dung"), done_message="Đã xóa nội dung thi đua.",
        delete=lambda reason: services.delete_subcampaign(by=request.user, campaign=campaign, subcampaign=item,
                                                          reason=reason),
    )


# --- Participants and pledges ------------------------------------------------------------------------------


@_editable
def participants_add(request: HttpRequest, campaign: Campaign) -> HttpResponse:
    form = forms.ParticipantsForm(request.POST or None, campaign=campaign, user=request.user,
                                  initial={"registered_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        try:
            count = services.add_participants(
                by=request.user, campaign=campaign, organisations=list(form.cleaned_data["organisations"]),
                registered_on=form.cleaned_data["registered_on"], reason=form.cleaned_data.get("reason", ""),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Đã thêm {count} đơn vị tham gia.")
            return redirect(_tab_url(campaign, "don-vi"))
    return render(request, "campaigns/participants_form.html", {"form": form, "campaign": campaign})


@_editable
def participant_remove(request: HttpRequest, campaign: Campaign, participation_pk: int) -> HttpResponse:
    participation = get_object_or_404(Participation.objects.select_related("organisation"), pk=participation_pk,
                                      campaign=campaign)
    return _confirm_delete(
        request, campaign=campaign, label="đơn vị tham gia", obj=participation.organisation,
        back=_tab_url(campaign, "don-vi"), done_url=_tab_url(campaign, "don-vi"),
        done_message=f"Đã bỏ “{participation.organisation.name}” khỏi danh sách tham gia.",
        delete=lambda reason: services.remove_participant(by=request.user, campaign=campaign,
                                                          participation=participation, reason=reason),
    )


def pledge_detail(request: HttpRequest, pk: int, pledge_pk: int) -> HttpResponse:
    campaign = _visible_campaign(request, pk)
    pledge = get_object_or_404(Pledge.objects.select_related("bloc"), pk=pledge_pk, campaign=campaign)
    can_manage = access.can(request.user, "campaign.manage", campaign.issuer)
    parties = list(pledge.parties.order_by("name"))
    return render(request, "campaigns/pledge_detail.html", {
        "campaign": campaign, "pledge": pledge, "parties": parties,
        "can_edit": can_manage and lifecycle.is_editable(campaign.status),
        "linkable": access.visible_ids(request.user, [p.pk for p in parties]),
    })


@_editable
def pledge_form(request: HttpRequest, campaign: Campaign, pledge_pk: int | None = None) -> HttpResponse:
    instance = Pledge(campaign=campaign) if pledge_pk is None else get_object_or_404(Pledge, pk=pledge_pk,
                                                                                     campaign=campaign)
    form = forms.PledgeForm(request.POST or None, request.FILES or None, instance=instance, campaign=campaign,
                            user=request.user, initial={"signed_on": clock.today()} if pledge_pk is None else None)
    if request.method == "POST" and form.is_valid():
        try:
            pledge = services.save_pledge(by=request.user, campaign=campaign, instance=form.instance,
                                          parties=list(form.cleaned_data["parties"]),
                                          reason=form.cleaned_data.get("reason", ""))
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu giao ước thi đua.")
            return redirect("campaigns:pledge-detail", pk=campaign.pk, pledge_pk=pledge.pk)
    return render(request, "campaigns/pledge_form.html", {"form": form, "campaign": campaign, "instance": instance})


def pledge_file(request: HttpRequest, pk: int, pledge_pk: int) -> HttpResponse:
    """The signed pledge, served only to those who see the campaign."""
    from django.http import FileResponse

    campaign = _visible_campaign(request, pk)
    pledge = get_object_or_404(Pledge, pk=pledge_pk, campaign=campaign)
    if not pledge.file:
        raise Http404
    return FileResponse(pledge.file.open("rb"), as_attachment=True, filename=pledge.file.name.rsplit("/", 1)[-1])


@_editable
def pledge_delete(request: HttpRequest, campaign: Campaign, pledge_pk: int) -> HttpResponse:
    pledge = get_object_or_404(Pledge, pk=pledge_pk, campaign=campaign)
    return _confirm_delete(
        request, campaign=campaign, label="giao ước", obj=pledge,
        back=reverse("campaigns:pledge-detail", args=[campaign.pk, pledge.pk]), done_url=_tab_url(campaign, "don-vi"),
        done_message="Đã xóa giao ước.",
        delete=lambda reason: services.delete_pledge(by=request.user, campaign=campaign, pledge=pledge, reason=reason),
    )
