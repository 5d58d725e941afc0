"""Proposals and their nominations: what the unit prepares, sends and reads, and one nomination's page."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from awards import eligibility, excel, forms, selectors, services, workflow
from awards.models import (
    AwardType,
    Decision,
    Nomination,
    NominationEvent,
    NominationFile,
    Proposal,
    ProposalFile,
)
from awards.views._common import _error_text, _nomination, _proposal, _xlsx
from awards.workflow import State
from campaigns.models import Campaign
from common import clock, search, xlsx
from common.forms import apply_service_errors, parse_id
from common.queries import count_per_row
from common.views import paginate
from units import access


def proposal_list(request: HttpRequest) -> HttpResponse:
    proposals = (Proposal.objects.visible_to(request.user).select_related("campaign", "organisation", "subcampaign")
                 .annotate(total=count_per_row(Nomination.objects.all(), "proposal")))
    q = request.GET.get("q", "").strip()[:200]
    if q:
        proposals = proposals.filter(search.matches("search_text", q))
    kind = request.GET.get("loai", "")
    if kind in Proposal.Kind.values:
        proposals = proposals.filter(kind=kind)
    return render(request, "awards/proposal_list.html", {
        "page": paginate(request, proposals.order_by("-created_at", "-pk")), "q": q, "kind": kind,
        "kinds": Proposal.Kind.choices, "can_prepare": access.can_create(request.user, "nomination.prepare"),
    })


def _campaigns_for_proposals(request: HttpRequest):
    return (Campaign.objects.visible_to(request.user).filter(status__in=["issued", "in_progress", "under_review"])
            .select_related("issuer").order_by("-year", "title"))


def proposal_create(request: HttpRequest) -> HttpResponse:
    if not access.can_create(request.user, "nomination.prepare"):
        raise PermissionDenied
    campaigns = _campaigns_for_proposals(request)
    campaign_pk = parse_id(request.GET.get("phong-trao"))
    campaign = campaigns.filter(pk=campaign_pk).first() if campaign_pk is not None else None
    if campaign is None:
        return render(request, "awards/proposal_pick_campaign.html", {"campaigns": campaigns})
    organisations = access.organisations_for(request.user, "nomination.prepare").filter(closed_on__isnull=True)
    form = forms.ProposalForm(request.POST or None, campaign=campaign, organisations=organisations,
                              initial={"year": campaign.year,
                                       "title": f"Tờ trình đề nghị khen thưởng – {campaign.title}"[:500]})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            proposal = services.create_proposal(
                by=request.user, campaign=campaign, organisation=data["organisation"], title=data["title"],
                year=data["year"], subcampaign=data["subcampaign"], number_text=data["number_text"], note=data["note"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã tạo tờ trình. Thêm người, tập thể được đề nghị và đính kèm tờ trình đã ký.")
            return redirect(proposal)
    return render(request, "awards/proposal_form.html", {"form": form, "campaign": campaign})


def _quota_text(proposal: Proposal) -> list[tuple[str, str]]:
    """(label, "còn 2 trong số 05 tập thể, …") for the proposal's item, or each programme of a 2.1 item."""
    campaign = proposal.campaign
    limited = selectors.limited_levels(campaign)
    if not limited:
        return []
    from awards import quotas

    scopes = []
    item = proposal.subcampaign
    if item is not None and item.quota_per_programme:
        for programme in item.children.all():
            scopes.append((f"{programme.number} {programme.title}",
                           quotas.scope_for(campaign_id=campaign.pk, subcampaign_id=item.pk,
                                            programme_id=programme.pk, limited=limited)))
    else:
        scope = quotas.scope_for(campaign_id=campaign.pk, subcampaign_id=item.pk if item else None, programme_id=None,
                                 limited=limited)
        scopes.append((selectors.scope_label(scope).capitalize(), scope))
    return [(label, quotas.remaining_text(selectors.quota_uses(campaign, scope))) for label, scope in scopes]


def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(request, pk)
    nominations = selectors.nominations_for(proposal)
    checks = selectors.checks_for(nominations, clock.today())
    can_prepare = access.can(request.user, "nomination.prepare", proposal.organisation) and \
        proposal.status != Proposal.Status.CLOSED
    is_unit = proposal.kind == Proposal.Kind.UNIT
    rows = [{"nomination": n, "checks": checks.get(n.pk, []), "summary": eligibility.summary(checks.get(n.pk, [])),
             "unit_label": workflow.unit_label(n.state)} for n in nominations]
    return render(request, "awards/proposal_detail.html", {
        "proposal": proposal, "rows": rows, "files": list(proposal.files.all()),
        "can_prepare": can_prepare, "is_unit": is_unit,
        "can_review": access.can(request.user, "nomination.review", proposal.campaign.issuer) and not is_unit,
        "can_decide": is_unit and access.can(request.user, "unit_titles.decide", proposal.organisation)
        and proposal.status != Proposal.Status.CLOSED,
        "quota": _quota_text(proposal) if not is_unit else [],
        "file_form": forms.ProposalFileForm(initial={"kind": "minutes" if is_unit else "submission"}),
        "issue_form": forms.IssueForm(initial={"issue_date": clock.today(),
                                               "notation": f"QĐ-{proposal.organisation.code}"})
        if is_unit else None,
        "drafts": sum(1 for n in nominations if n.state in (State.DRAFT, State.RETURNED)),
        "events": list(NominationEvent.objects.filter(proposal=proposal).select_related("actor")[:40]),
        "decision": Decision.objects.filter(lines__nomination__proposal=proposal).distinct().first()
        if is_unit else None,
        **(_unit_choices(proposal) if is_unit and can_prepare else {}),
    })


def _unit_choices(proposal: Proposal) -> dict:
    """The yearly path's bulk add: the unit's titles and its staff not yet on the list."""
    holder = selectors.authority_holder(proposal.organisation)
    _orgs, people = selectors.nominee_choices(proposal)
    listed = set(proposal.nominations.exclude(state=State.WITHDRAWN).values_list("person_id", flat=True))
    return {"unit_types": [t for t in holder.award_types.all() if t.recipient_kind == "individual"] if holder else [],
            "unit_people": [p for p in people.order_by("organisation__name", "given_name") if p.pk not in listed]}


def _nominee_form(request: HttpRequest, proposal: Proposal, data=None, initial=None) -> forms.NominationForm:
    organisations, people = selectors.nominee_choices(proposal)
    award_types = None
    if proposal.kind == Proposal.Kind.UNIT:
        holder = selectors.authority_holder(proposal.organisation)
        award_types = list(holder.award_types.all()) if holder else []
    return forms.NominationForm(data, initial=initial, proposal=proposal, people=people,
                                organisations=organisations, award_types=award_types)


def nomination_create(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(request, pk)
    access.require(request.user, "nomination.prepare", proposal.organisation)
    form = _nominee_form(request, proposal, request.POST or None, initial={"achievement_year": proposal.year})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_nomination(by=request.user, proposal=proposal, award_type=data["award_type"],
                                    person=data["person"], organisation=data["organisation"],
                                    programme=data.get("programme"), achievement_year=data["achievement_year"],
                                    summary=data["summary"], mode=data["mode"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã thêm vào danh sách.")
            if request.POST.get("again"):
                return redirect("awards:nomination-create", pk=proposal.pk)
            return redirect(proposal)
    return render(request, "awards/nomination_form.html", {
        "form": form, "proposal": proposal,
        "quota": _quota_text(proposal) if proposal.kind == Proposal.Kind.UPWARD else []})


@require_POST
def proposal_file(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(request, pk)
    # Who may attach comes before what was sent: a reader is refused, not told to pick a file.
    access.require(request.user, "nomination.prepare", proposal.organisation)
    form = forms.ProposalFileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_proposal_file(by=request.user, proposal=proposal, kind=form.cleaned_data["kind"],
                                       upload=form.cleaned_data["file"])
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, "Đã đính kèm tệp.")
    else:
        messages.error(request, "Chọn loại tệp và tệp cần đính kèm.")
    return redirect(proposal)


@require_POST
def proposal_file_delete(request: HttpRequest, file_pk: int) -> HttpResponse:
    row = get_object_or_404(ProposalFile, pk=file_pk)
    proposal = _proposal(request, row.proposal_id)
    try:
        services.delete_proposal_file(by=request.user, row=row)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    return redirect(proposal)


@require_POST
def nomination_file_delete(request: HttpRequest, file_pk: int) -> HttpResponse:
    row = get_object_or_404(NominationFile, pk=file_pk)
    nomination = _nomination(request, row.nomination_id)
    try:
        services.delete_nomination_file(by=request.user, row=row)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, "Đã xóa tệp.")
    return redirect(nomination)


def proposal_file_download(request: HttpRequest, file_pk: int) -> HttpResponse:
    row = get_object_or_404(ProposalFile, pk=file_pk)
    _proposal(request, row.proposal_id)
    return FileResponse(row.file.open("rb"), as_attachment=True, filename=row.name)


@require_POST
def proposal_submit(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(request, pk)
    try:
        sent = services.submit_proposal(by=request.user, proposal=proposal)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, f"Đã gửi {len(sent)} đề nghị cho Thường trực Hội đồng.")
    return redirect(proposal)


def proposal_template(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(request, pk)
    types = list(AwardType.objects.filter(is_active=True))
    return _xlsx(excel.list_template(proposal, types), f"danh-sach-de-nghi-{proposal.pk}.xlsx")


def _read_list(proposal: Proposal, upload):
    """The workbook's rows read against the proposal's possible nominees, awards and programmes."""
    organisations, people = selectors.nominee_choices(proposal)
    item = proposal.subcampaign
    programmes = {p.number: p for p in item.children.all()} if item and item.quota_per_programme else {}
    return excel.read_list(upload, people={p.employee_code.upper(): p for p in people},
                           organisations={o.code.upper(): o for o in organisations},
                           types={t.code: t for t in AwardType.objects.filter(is_active=True)},
                           programmes=programmes, default_year=proposal.year)


def proposal_import(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(request, pk)
    access.require(request.user, "nomination.prepare", proposal.organisation)
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            rows, errors = _read_list(proposal, form.cleaned_data["file"])
        except xlsx.WorkbookError as exc:
            form.add_error("file", str(exc))
        else:
            try:
                # With errors already found, the rows that read well are still checked (and not
                # saved), so that one round of corrections is enough.
                made = services.import_nominations(by=request.user, proposal=proposal, rows=rows,
                                                   dry_run=bool(errors))
            except services.RowErrors as failure:
                errors = sorted(errors + failure.rows, key=lambda e: e.row)
            except ValidationError as error:
                form.add_error("file", _error_text(error))
            else:
                if not errors:
                    messages.success(request, f"Đã nhập {len(made)} người, tập thể vào danh sách.")
                    return redirect(proposal)
    return render(request, "awards/import.html", {"form": form, "errors": errors, "proposal": proposal,
                                                  "title": "Nhập danh sách đề nghị từ Excel",
                                                  "template_url": "awards:proposal-template", "back": proposal})


@require_POST
def unit_decide(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(request, pk)
    access.require(request.user, "unit_titles.decide", proposal.organisation)
    form = forms.IssueForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Ghi đủ số, ký hiệu, ngày ký (dd/mm/yyyy) và người ký: "
                       + "; ".join(f"{form.fields[k].label}: {' '.join(v)}" for k, v in form.errors.items()))
        return redirect(proposal)
    data = form.cleaned_data
    try:
        decision = services.decide_unit_titles(
            by=request.user, proposal=proposal, number=data["number"], notation=data["notation"],
            issue_date=data["issue_date"], signer_prefix=data["signer_prefix"], signer_title=data["signer_title"],
            signer_name=data["signer_name"], upload=data.get("file"))
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect(proposal)
    messages.success(request, f"Đã ban hành quyết định {decision.reference}.")
    return redirect(decision)


def _changes_since_accepted(nomination: Nomination) -> list[tuple[str, str, str]]:
    """(field label, as accepted, now) for what the unit changed after acceptance."""
    if not (nomination.changed_since_accepted and nomination.accepted_snapshot):
        return []
    labels = {name: str(Nomination._meta.get_field(name).verbose_name).capitalize()
              for name in services.NOMINATION_FIELDS}
    return [(labels[k], nomination.accepted_snapshot.get(k, ""), v) for k, v in services._snapshot(nomination).items()
            if nomination.accepted_snapshot.get(k, "") != v]


def nomination_detail(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = _nomination(request, pk)
    proposal = nomination.proposal
    checks = selectors.checks_for([nomination], clock.today()).get(nomination.pk, [])
    moves = selectors.moves_for(request.user, nomination)
    can_edit = (access.can(request.user, "nomination.prepare", proposal.organisation)
                and nomination.state in workflow.UNIT_EDITABLE and proposal.status != Proposal.Status.CLOSED)
    return render(request, "awards/nomination_detail.html", {
        "nomination": nomination, "proposal": proposal, "checks": checks, "moves": moves,
        "diff": _changes_since_accepted(nomination),
        "asks_reason": any(move.needs_reason for _target, move in moves),
        "quota": _quota_text(proposal) if proposal.kind == Proposal.Kind.UPWARD else [],
        "can_edit": can_edit, "files": list(nomination.files.all()),
        "unit_label": workflow.unit_label(nomination.state),
        "can_review": access.can(request.user, "nomination.review", proposal.campaign.issuer),
        # The issuer's people read the inner states; the nominating unit reads "Đang xét".
        "unit_view": not any(access.can(request.user, action, proposal.campaign.issuer)
                             for action in ("nomination.review", "council.record", "decision.issue")),
        "events": list(nomination.events.select_related("actor")[:40]),
        "tallies": list(nomination.tallies.select_related("session")),
        "line": getattr(nomination, "decision_line", None),
        "register_entry": getattr(nomination, "register_entry", None),
    })


def nomination_update(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = _nomination(request, pk)
    proposal = nomination.proposal
    access.require(request.user, "nomination.prepare", proposal.organisation)
    if nomination.state not in workflow.UNIT_EDITABLE or proposal.status == Proposal.Status.CLOSED:
        messages.error(request, "Đề nghị đang ở Hội đồng hoặc đã có quyết định: chỉ Thường trực trả lại mới sửa được.")
        return redirect(nomination)
    initial = {name: getattr(nomination, name) for name in services.NOMINATION_FIELDS}
    form = _nominee_form(request, proposal, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        # The programme is asked only where the item counts per programme.
        fields = {name: form.cleaned_data[name] for name in services.NOMINATION_FIELDS if name in form.cleaned_data}
        version = request.POST.get("version", "")
        try:
            services.update_nomination(by=request.user, nomination=nomination,
                                       expected_version=parse_id(version), **fields)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu.")
            return redirect(nomination)
    return render(request, "awards/nomination_form.html", {"form": form, "proposal": proposal,
                                                           "nomination": nomination})


@require_POST
def nomination_delete(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = _nomination(request, pk)
    proposal = nomination.proposal
    try:
        services.delete_nomination(by=request.user, nomination=nomination)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect(nomination)
    messages.success(request, "Đã xóa khỏi danh sách.")
    return redirect(proposal)


@require_POST
def nomination_move(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = _nomination(request, pk)
    form = forms.MoveForm(request.POST)
    if not form.is_valid():
        raise Http404
    target = form.cleaned_data["target"]
    try:
        services.move(by=request.user, nomination=nomination, target=target, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, f"Đã chuyển: {State(target).label}.")
    return redirect(request.POST.get("next") if request.POST.get("next", "").startswith("/khen-thuong/")
                    else nomination)


@require_POST
def nomination_file(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = _nomination(request, pk)
    access.require(request.user, "nomination.prepare", nomination.proposal.organisation)
    form = forms.FileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_nomination_file(by=request.user, nomination=nomination, upload=form.cleaned_data["file"])
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, "Đã đính kèm báo cáo thành tích.")
    else:
        messages.error(request, "Chọn tệp cần đính kèm.")
    return redirect(nomination)


def nomination_file_download(request: HttpRequest, file_pk: int) -> HttpResponse:
    row = get_object_or_404(NominationFile, pk=file_pk)
    _nomination(request, row.nomination_id)
    return FileResponse(row.file.open("rb"), as_attachment=True, filename=row.name)


@require_POST
def record_higher(request: HttpRequest, pk: int) -> HttpResponse:
    """The higher level decided a nomination forwarded to it: its number and date go to the register."""
    nomination = _nomination(request, pk)
    # The issuer's secretariat records it; anyone else is refused before the date is read.
    access.require(request.user, "nomination.review", nomination.proposal.campaign.issuer)
    form = forms.HigherDecisionForm(request.POST, request.FILES)
    try:
        if not form.is_valid():
            raise ValidationError([message for errors in form.errors.values() for message in errors])
        data = form.cleaned_data
        services.record_higher_decision(by=request.user, nomination=nomination, reference=data["reference"],
                                        decided_on=data["decided_on"], issuer_name=data["issuer_name"],
                                        upload=data["file"])
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, "Đã ghi nhận quyết định của cấp trên vào Sổ khen thưởng.")
    return redirect(nomination)
