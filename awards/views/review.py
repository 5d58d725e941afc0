"""The awards overview, the secretariat's queue and disclosure."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from awards import eligibility, forms, selectors, services
from awards.models import Disclosure, Nomination
from awards.views._common import RELATED, _acting_issuer, _error_text, _issuers
from awards.workflow import State
from campaigns.models import Campaign
from common import clock
from common.forms import apply_service_errors, parse_id, parse_ids
from common.views import paginate_ids
from units import access


def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    can_prepare = access.can_create(user, "nomination.prepare")
    counts = selectors.state_counts(user)
    return render(request, "awards/index.html", {
        "my_proposals": selectors.my_proposals(user) if can_prepare else [],
        "can_prepare": can_prepare,
        "can_review": access.can(user, "nomination.review"),
        "can_council": access.can(user, "council.record"),
        "can_issue": access.can(user, "decision.issue"),
        "can_decide_unit": access.can(user, "unit_titles.decide"),
        "is_admin": access.can(user, "catalogue.manage"),
        "can_fund": access.can(user, "fund.view"),
        "can_statistics": access.can(user, "statistics.view"),
        "can_council_view": access.can(user, "council.view"),
        "counts": {State(k).label: v for k, v in counts.items()},
        "returned": selectors.returned_to(user) if can_prepare else [],
        "sessions": selectors.open_sessions(user),
        "approved": selectors.approved_count(user),
    })


def _accept_chosen(request: HttpRequest) -> None:
    """The queue's bulk acceptance of the ticked nominations still waiting."""
    ids = parse_ids(request.POST.getlist("nomination"))
    chosen = list(Nomination.objects.visible_to(request.user).filter(pk__in=ids, state=State.SUBMITTED))
    if not chosen:
        messages.error(request, "Chọn các đề nghị đang chờ tiếp nhận.")
        return
    try:
        services.accept_many(by=request.user, nominations=chosen)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, _error_text(error) if isinstance(error, ValidationError)
                       else "Có đề nghị không thuộc quyền của bạn.")
    else:
        messages.success(request, f"Đã tiếp nhận {len(chosen)} đề nghị.")


def review_queue(request: HttpRequest) -> HttpResponse:
    if not access.can(request.user, "nomination.review"):
        raise PermissionDenied
    campaigns = Campaign.objects.filter(issuer__in=_issuers(request, "nomination.review")).order_by("-year", "title")
    campaign_pk = parse_id(request.GET.get("phong-trao"))
    campaign = campaigns.filter(pk=campaign_pk).first() if campaign_pk is not None else None
    state = request.GET.get("trang-thai", "")
    state = state if state in State.values else ""
    if request.method == "POST":
        _accept_chosen(request)
        return redirect(request.get_full_path())
    queue = selectors.review_queue(request.user, campaign=campaign, state=state)
    # A province's secretariat has thousands in the queue: a page at a time, checks for that page.
    page = paginate_ids(request, selectors.review_queue_ids(request.user, campaign=campaign, state=state), queue, 50)
    nominations = list(page)
    checks = selectors.checks_for(nominations, clock.today())
    rows = [{"nomination": n, "summary": eligibility.summary(checks.get(n.pk, [])),
             "failing": [c for c in checks.get(n.pk, []) if c.status == eligibility.FAIL]} for n in nominations]
    return render(request, "awards/review_queue.html", {
        "rows": rows, "page": page, "campaigns": campaigns, "campaign": campaign, "state": state,
        "quota_lines": selectors.quota_overview([campaign] if campaign else {n.proposal.campaign for n in nominations}),
        "states": [(s, State(s).label) for s in (State.SUBMITTED, State.ACCEPTED, State.DISCLOSURE, State.VOTING,
                                                  State.APPROVED, State.FORWARDED, State.REJECTED, State.DECIDED)],
    })


def disclosure_list(request: HttpRequest) -> HttpResponse:
    issuers = _issuers(request, "nomination.review")
    if not issuers.exists():
        raise PermissionDenied
    return render(request, "awards/disclosure_list.html", {
        "disclosures": list(Disclosure.objects.filter(issuer__in=issuers).annotate(total=Count("nominations"))),
    })


def disclosure_create(request: HttpRequest) -> HttpResponse:
    issuers = list(_issuers(request, "nomination.review"))
    if not issuers:
        raise PermissionDenied
    candidates = selectors.disclosure_candidates(issuers)
    form = forms.DisclosureForm(request.POST or None, initial={"starts_on": clock.today()})
    chosen_ids = set(parse_ids(request.POST.getlist("nomination")))
    if request.method == "POST" and form.is_valid():
        chosen = [n for n in candidates if n.pk in chosen_ids]
        data = form.cleaned_data
        try:
            disclosure = services.open_disclosure(by=request.user, nominations=chosen,
                                                  issuer=_acting_issuer(request, issuers, chosen),
                                                  title=data["title"], starts_on=data["starts_on"],
                                                  working_days=data["working_days"], published_at=data["published_at"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Đã mở công khai đến hết ngày {disclosure.ends_on:%d/%m/%Y}.")
            return redirect("awards:disclosure", pk=disclosure.pk)
    return render(request, "awards/disclosure_form.html", {"form": form, "candidates": candidates,
                                                           "chosen": chosen_ids})


def disclosure_detail(request: HttpRequest, pk: int) -> HttpResponse:
    disclosure = get_object_or_404(Disclosure.objects.filter(issuer__in=_issuers(request, "nomination.review")), pk=pk)
    form = forms.CommentsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_disclosure_comments(by=request.user, disclosure=disclosure, comments=form.cleaned_data["comments"])
        messages.success(request, "Đã lưu ý kiến nhận được.")
        return redirect("awards:disclosure", pk=disclosure.pk)
    return render(request, "awards/disclosure_detail.html", {
        "disclosure": disclosure, "today": clock.today(), "comments_form": form,
        "nominations": list(disclosure.nominations.select_related(*RELATED)),
    })
