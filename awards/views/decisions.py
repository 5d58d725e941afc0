"""Decisions (drafts, issuing, revoking) and the yearly path where a unit head decides its titles."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from awards import forms, selectors, services
from awards.models import Decision, DecisionLine, Proposal
from awards.views._common import _acting_issuer, _error_text, _issuers, _proposal
from common import clock
from common.forms import apply_service_errors, parse_ids
from common.queries import count_per_row
from common.views import paginate
from units import access


def _decisions(request: HttpRequest):
    return selectors.decisions_visible_to(request.user)


def decision_list(request: HttpRequest) -> HttpResponse:
    decisions = _decisions(request).annotate(total=count_per_row(DecisionLine.objects.all(), "decision"))
    status = request.GET.get("trang-thai", "")
    if status in Decision.Status.values:
        decisions = decisions.filter(status=status)
    return render(request, "awards/decision_list.html", {
        "page": paginate(request, decisions.order_by("-issue_date", "-created_at")), "status": status,
        "statuses": Decision.Status.choices, "can_issue": _issuers(request, "decision.issue").exists(),
    })


def decision_create(request: HttpRequest) -> HttpResponse:
    issuers = list(_issuers(request, "decision.issue"))
    if not issuers:
        raise PermissionDenied
    candidates, upward = selectors.decision_candidates(issuers, clock.today())
    form = forms.DecisionForm(request.POST or None)
    chosen_ids = set(parse_ids(request.POST.getlist("nomination")))
    if request.method == "POST" and form.is_valid():
        chosen = [n for n in candidates if n.pk in chosen_ids]
        campaigns = {n.proposal.campaign for n in chosen}
        try:
            decision = services.create_decision(by=request.user, issuer=_acting_issuer(request, issuers, chosen),
                                                title=form.cleaned_data["title"],
                                                nominations=chosen,
                                                campaign=campaigns.pop() if len(campaigns) == 1 else None)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã lập dự thảo quyết định. Ghi số, ngày ký khi văn thư cấp số.")
            return redirect(decision)
    return render(request, "awards/decision_form.html", {
        "form": form, "candidates": candidates, "chosen": chosen_ids, "upward": upward,
        "quota_lines": selectors.quota_overview({n.proposal.campaign for n in candidates})})


def _issuing(decision: Decision) -> str:
    return "unit_titles.decide" if decision.kind == Decision.Kind.UNIT else "decision.issue"


def _decision_to_change(request: HttpRequest, pk: int) -> Decision:
    decision = get_object_or_404(_decisions(request), pk=pk)
    access.require(request.user, _issuing(decision), decision.issuer)
    return decision


def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return decision_page(request, get_object_or_404(_decisions(request), pk=pk))


def decision_page(request: HttpRequest, decision: Decision, *, issue_form=None, status: int = 200) -> HttpResponse:
    """The decision's page; `issue_form` is a refused issue form, shown with what was typed. Issuing
    itself is reports' (reports.edition_views.decision_issue): it freezes the signed edition too."""
    can_issue = access.can(request.user, _issuing(decision), decision.issuer)
    lines = list(decision.lines.select_related("award_type", "person__organisation", "organisation",
                                               "nomination__proposal"))
    reasons, summary = selectors.decision_money(decision, lines)
    # The fund is the issuer's business: a unit reading the decision that rewards its staff does not see it.
    can_see_fund = access.can(request.user, "fund.view", decision.issuer)
    for line in lines:
        line.missing_reason = reasons.get(line.pk, "")
    return render(request, "awards/decision_detail.html", {
        "decision": decision, "lines": lines, "can_issue": can_issue,
        "individuals": [line for line in lines if line.person_id],
        "collectives": [line for line in lines if line.organisation_id],
        "total": summary.total,
        "bonus_missing": not summary.complete,
        "missing": summary.missing,
        "missing_count": sum(n for _reason, n in summary.missing),
        "money_date": selectors.money_date(decision),
        "fund_warning": selectors.fund_warning(decision, summary.total) if can_see_fund else None,
        "can_see_fund": can_see_fund,
        "issue_form": issue_form or forms.IssueForm(initial={"issue_date": clock.today(), "notation": "QĐ-SYT"}),
        "revoke_form": forms.ReasonForm(),
        "events": [],
    }, status=status)


@require_POST
def decision_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _decision_to_change(request, pk)
    try:
        services.revoke_decision(by=request.user, decision=decision, reason=forms.NoteForm(request.POST).text())
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, "Đã thu hồi quyết định.")
    return redirect(decision)


@require_POST
def decision_line_remove(request: HttpRequest, pk: int, line_pk: int) -> HttpResponse:
    decision = _decision_to_change(request, pk)
    line = get_object_or_404(decision.lines, pk=line_pk)
    try:
        services.remove_decision_line(by=request.user, line=line)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, f"Đã bỏ {line.recipient_name} khỏi dự thảo.")
    return redirect(decision)


@require_POST
def decision_delete(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _decision_to_change(request, pk)
    try:
        services.delete_draft_decision(by=request.user, decision=decision)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect(decision)
    messages.success(request, "Đã xóa dự thảo.")
    return redirect("awards:decision-list")


def decision_file(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(_decisions(request), pk=pk)
    if not decision.file:
        raise Http404
    return FileResponse(decision.file.open("rb"), as_attachment=True, filename=decision.file.name.rsplit("/", 1)[-1])


def unit_titles(request: HttpRequest) -> HttpResponse:
    """A unit head's yearly review: the titles within the unit's own authority."""
    organisations = selectors.units_deciding_titles(request.user)
    if not access.can(request.user, "unit_titles.decide"):
        raise PermissionDenied
    form = forms.UnitProposalForm(request.POST or None, organisations=organisations,
                                  campaigns=selectors.regular_campaigns_of(organisations),
                                  initial={"year": clock.today().year})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        organisation = data["organisation"]
        try:
            proposal = services.create_proposal(
                by=request.user, campaign=data["campaign"], organisation=organisation, kind=Proposal.Kind.UNIT,
                title=f"Bình xét danh hiệu thi đua năm {data['year']} của {organisation.name}", year=data["year"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã mở danh sách bình xét. Thêm cán bộ được đề nghị, đính kèm biên bản bình xét.")
            return redirect(proposal)
    return render(request, "awards/unit_titles.html", {"form": form, "proposals": selectors.unit_lists(organisations),
                                                       "has_authority": organisations.exists()})


@require_POST
def unit_bulk_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Add many of the unit's staff for one title at once: most of a year's volume is LĐTT."""
    proposal = _proposal(request, pk)
    access.require(request.user, "nomination.prepare", proposal.organisation)
    _orgs, people = selectors.nominee_choices(proposal)
    form = forms.UnitBulkAddForm(request.POST, people=people)
    if not form.is_valid():
        messages.error(request, "Chọn danh hiệu và ít nhất một người.")
        return redirect(proposal)
    award, chosen = form.cleaned_data["award_type"], list(form.cleaned_data["person"])
    added, refused = 0, []
    for person in chosen:
        try:
            services.add_nomination(by=request.user, proposal=proposal, award_type=award, person=person,
                                    achievement_year=proposal.year)
            added += 1
        except ValidationError as error:
            refused.append(f"{person.full_name}: {_error_text(error)}")
    if added:
        messages.success(request, f"Đã thêm {added} người ({award.label}).")
    if refused:
        messages.warning(request, "Không thêm được: " + " · ".join(refused))
    return redirect(proposal)
