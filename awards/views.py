"""Award pages: proposals and nominations for units, the secretariat's queue, disclosure, council
sessions, decisions, the register, the yearly path and the catalogue. Views stay thin: form →
service → redirect; what a page shows comes from awards.selectors."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from awards import council, eligibility, excel, forms, rules, selectors, services, workflow
from awards.models import (
    Appraisal,
    AwardRule,
    AwardType,
    BaseSalary,
    CouncilSession,
    Decision,
    DecisionLine,
    Disclosure,
    Grade,
    Hold,
    Holiday,
    Initiative,
    InitiativeLevel,
    Nomination,
    NominationEvent,
    NominationFile,
    Proposal,
    ProposalFile,
    RatioCap,
    RegisterEntry,
    Tally,
    UnitAuthority,
)
from awards.workflow import State
from campaigns.models import Campaign
from common import clock, plausible, search, xlsx
from common.forms import apply_service_errors, parse_id, parse_ids
from common.queries import count_per_row
from common.views import paginate, paginate_ids
from units import access
from units.models import Organisation, Person

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


# --- Overview ---------------------------------------------------------------------------------------------


def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    proposals = (Proposal.objects.visible_to(user).select_related("campaign", "organisation", "subcampaign")
                 .annotate(total=count_per_row(Nomination.objects.all(), "proposal"))
                 .order_by("-created_at"))
    can_prepare = access.can_create(user, "nomination.prepare")
    mine = proposals.filter(access.scope_q(user, "nomination.prepare", field="organisation__path") or Q())
    counts = selectors.state_counts(user)
    return render(request, "awards/index.html", {
        "my_proposals": list(mine[:10]) if can_prepare else [],
        "can_prepare": can_prepare,
        "can_review": access.can(user, "nomination.review"),
        "can_council": access.can(user, "council.record"),
        "can_issue": access.can(user, "decision.issue"),
        "can_decide_unit": access.can(user, "unit_titles.decide"),
        "is_admin": access.can(user, "catalogue.manage"),
        "counts": {State(k).label: v for k, v in counts.items()},
        "returned": list(Nomination.objects.visible_to(user).filter(state=State.RETURNED)
                         .select_related(*RELATED)[:10]) if can_prepare else [],
        "sessions": list(CouncilSession.objects.filter(issuer__in=_issuers(request, "council.record"))
                         .exclude(status=CouncilSession.Status.CLOSED)[:5]),
        "approved": Nomination.objects.filter(
            state=State.APPROVED, proposal__campaign__issuer__in=_issuers(request, "decision.issue")).count(),
    })


# --- Proposals --------------------------------------------------------------------------------------------------


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
                              initial={"year": campaign.year, "title": f"Tờ trình đề nghị khen thưởng – {campaign.title}"
                                       [:500]})
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
    """(label, "còn 2/05 tập thể, …") for the proposal's item, or each programme of a 2.1 item."""
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
        "issue_form": forms.IssueForm(initial={"issue_date": clock.today(), "notation": f"QĐ-{proposal.organisation.code}"})
        if is_unit else None,
        "drafts": sum(1 for n in nominations if n.state in (State.DRAFT, State.RETURNED)),
        "events": list(NominationEvent.objects.filter(proposal=proposal).select_related("actor")[:40]),
        "decision": Decision.objects.filter(lines__nomination__proposal=proposal).distinct().first() if is_unit else None,
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
                                    summary=data["summary"])
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


def proposal_import(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(request, pk)
    access.require(request.user, "nomination.prepare", proposal.organisation)
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        organisations, people = selectors.nominee_choices(proposal)
        item = proposal.subcampaign
        programmes = {p.number: p for p in item.children.all()} if item and item.quota_per_programme else {}
        try:
            rows, errors = excel.read_list(
                form.cleaned_data["file"], people={p.employee_code.upper(): p for p in people},
                organisations={o.code.upper(): o for o in organisations},
                types={t.code: t for t in AwardType.objects.filter(is_active=True)}, programmes=programmes,
                default_year=proposal.year)
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


# --- One nomination ---------------------------------------------------------------------------------------------


def nomination_detail(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = _nomination(request, pk)
    proposal = nomination.proposal
    checks = selectors.checks_for([nomination], clock.today()).get(nomination.pk, [])
    moves = [(target, move) for target, move in
             workflow.offered_moves(nomination.state, **selectors.move_facts(nomination))
             if access.can(request.user, move.action,
                           proposal.organisation if move.on == "unit" else proposal.campaign.issuer)]
    diff = []
    if nomination.changed_since_accepted and nomination.accepted_snapshot:
        current = services._snapshot(nomination)
        labels = {name: str(Nomination._meta.get_field(name).verbose_name).capitalize()
                  for name in services.NOMINATION_FIELDS}
        diff = [(labels[k], nomination.accepted_snapshot.get(k, ""), v) for k, v in current.items()
                if nomination.accepted_snapshot.get(k, "") != v]
    can_edit = (access.can(request.user, "nomination.prepare", proposal.organisation)
                and nomination.state in workflow.UNIT_EDITABLE and proposal.status != Proposal.Status.CLOSED)
    return render(request, "awards/nomination_detail.html", {
        "nomination": nomination, "proposal": proposal, "checks": checks, "moves": moves, "diff": diff,
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
    initial = {"award_type": nomination.award_type, "person": nomination.person,
               "organisation": nomination.organisation, "programme": nomination.programme,
               "achievement_year": nomination.achievement_year, "summary": nomination.summary}
    form = _nominee_form(request, proposal, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {name: data[name] for name in ("award_type", "person", "organisation", "achievement_year", "summary")}
        if "programme" in data:
            fields["programme"] = data["programme"]
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
    return redirect(request.POST.get("next") if request.POST.get("next", "").startswith("/khen-thuong/") else nomination)


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
    try:
        decided_on = forms.VnDateField().clean(request.POST.get("decided_on"))
        services.record_higher_decision(by=request.user, nomination=nomination,
                                        reference=request.POST.get("reference", ""), decided_on=decided_on,
                                        issuer_name=request.POST.get("issuer_name", ""),
                                        upload=request.FILES.get("file"))
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, "Đã ghi nhận quyết định của cấp trên vào Sổ khen thưởng.")
    return redirect(nomination)


# --- The secretariat's queue ---------------------------------------------------------------------------------------


def review_queue(request: HttpRequest) -> HttpResponse:
    if not access.can(request.user, "nomination.review"):
        raise PermissionDenied
    campaigns = Campaign.objects.filter(issuer__in=_issuers(request, "nomination.review")).order_by("-year", "title")
    campaign_pk = parse_id(request.GET.get("phong-trao"))
    campaign = campaigns.filter(pk=campaign_pk).first() if campaign_pk is not None else None
    state = request.GET.get("trang-thai", "")
    state = state if state in State.values else ""
    if request.method == "POST":
        ids = parse_ids(request.POST.getlist("nomination"))
        chosen = list(Nomination.objects.visible_to(request.user).filter(pk__in=ids, state=State.SUBMITTED))
        if not chosen:
            messages.error(request, "Chọn các đề nghị đang chờ tiếp nhận.")
        else:
            try:
                services.accept_many(by=request.user, nominations=chosen)
            except (ValidationError, PermissionDenied) as error:
                messages.error(request, _error_text(error) if isinstance(error, ValidationError)
                               else "Có đề nghị không thuộc quyền của bạn.")
            else:
                messages.success(request, f"Đã tiếp nhận {len(chosen)} đề nghị.")
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


# --- Disclosure --------------------------------------------------------------------------------------------------


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
    candidates = list(Nomination.objects.filter(proposal__campaign__issuer__in=issuers, state=State.ACCEPTED)
                      .select_related(*RELATED).order_by("-award_type__needs_disclosure", "award_type__order"))
    form = forms.DisclosureForm(request.POST or None, initial={"starts_on": clock.today()})
    chosen_ids = set(parse_ids(request.POST.getlist("nomination")))
    if request.method == "POST" and form.is_valid():
        chosen = [n for n in candidates if n.pk in chosen_ids]
        issuer = chosen[0].proposal.campaign.issuer if chosen else issuers[0]
        data = form.cleaned_data
        try:
            disclosure = services.open_disclosure(by=request.user, issuer=issuer, nominations=chosen,
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
    if request.method == "POST":
        services.add_disclosure_comments(by=request.user, disclosure=disclosure,
                                         comments=request.POST.get("comments", "")[:20000])
        messages.success(request, "Đã lưu ý kiến nhận được.")
        return redirect("awards:disclosure", pk=disclosure.pk)
    return render(request, "awards/disclosure_detail.html", {
        "disclosure": disclosure, "today": clock.today(),
        "nominations": list(disclosure.nominations.select_related(*RELATED)),
    })


# --- Council ----------------------------------------------------------------------------------------------------


def session_list(request: HttpRequest) -> HttpResponse:
    issuers = _issuers(request, "council.record")
    if not issuers.exists():
        raise PermissionDenied
    return render(request, "awards/session_list.html", {
        "sessions": list(CouncilSession.objects.filter(issuer__in=issuers).annotate(total=Count("tallies"))),
        "can_prepare": _issuers(request, "nomination.review").exists(),
    })


def session_create(request: HttpRequest) -> HttpResponse:
    issuers = list(_issuers(request, "nomination.review"))
    if not issuers:
        raise PermissionDenied
    candidates = list(Nomination.objects.filter(proposal__campaign__issuer__in=issuers,
                                                state__in=[State.ACCEPTED, State.DISCLOSURE])
                      .select_related(*RELATED).order_by("award_type__order"))
    # Council members come from the issuer's leadership, offices, mass organisations and the heads
    # of its units, not from wards and stations.
    people = (Person.objects.filter(access.subtree_q([i.path for i in issuers], "organisation__path"),
                                    is_active=True, organisation__depth__lte=1)
              .exclude(organisation__kind__in=["station", "internal"])
              .select_related("organisation").order_by("organisation__depth", "organisation__name", "given_name")[:300])
    form = forms.SessionForm(request.POST or None, people=Person.objects.filter(pk__in=[p.pk for p in people])
                             .select_related("organisation"), initial={"held_on": clock.today()})
    chosen_ids = set(parse_ids(request.POST.getlist("nomination")))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        members = [services.MemberInput(data["chair"], "chair"), services.MemberInput(data["secretary"], "secretary")]
        members += [services.MemberInput(p) for p in data["members"] if p not in (data["chair"], data["secretary"])]
        chosen = [n for n in candidates if n.pk in chosen_ids]
        issuer = chosen[0].proposal.campaign.issuer if chosen else issuers[0]
        try:
            session = services.create_session(by=request.user, issuer=issuer, title=data["title"],
                                              held_on=data["held_on"], place=data["place"], members=members,
                                              nominations=chosen)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã chuẩn bị phiên họp Hội đồng.")
            return redirect(session)
    return render(request, "awards/session_form.html", {
        "form": form, "candidates": candidates, "chosen": chosen_ids, "people": people,
        "quota_lines": selectors.quota_overview({n.proposal.campaign for n in candidates})})


def _session(request: HttpRequest, pk: int) -> CouncilSession:
    return get_object_or_404(selectors.sessions_visible_to(request.user), pk=pk)


def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(request, pk)
    attendance = services.attendance_of(session)
    tallies = list(session.tallies.select_related("nomination__award_type", "nomination__person__organisation",
                                                   "nomination__organisation", "nomination__proposal__organisation")
                   .prefetch_related("recused__person"))
    rule_sets = selectors.rules_for(t.nomination.award_type_id for t in tallies)
    members = list(session.members.select_related("person__organisation"))
    rows = []
    for tally in tallies:
        rule = rules.in_force(rule_sets.get(tally.nomination.award_type_id, ()), "council", session.held_on)
        rows.append({"tally": tally, "rule": rule, "threshold_enabled": bool(rule and rule.enabled),
                     "standing_aside": services.recusals(session, tally.nomination, members) if not tally.outcome
                     else []})
    return render(request, "awards/session_detail.html", {
        "session": session, "members": members,
        "attendance": attendance, "rows": rows,
        "quorum": council.quorum_met(attendance, session.quorum_percent),
        "open": session.status != CouncilSession.Status.CLOSED,
        "held": session.held_on <= clock.today(),
        "roll_locked": any(t.outcome for t in tallies),
        "can_prepare": access.can(request.user, "nomination.review", session.issuer),
        "reschedule_form": forms.RescheduleForm(initial={"held_on": session.held_on, "place": session.place}),
    })


@require_POST
def session_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(request, pk)
    values = {m.pk: request.POST.get(f"member-{m.pk}", "") for m in session.members.all()}
    try:
        services.set_attendance(by=request.user, session=session,
                                attendance={k: v for k, v in values.items() if v in ("present", "written", "absent")})
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, "Đã ghi điểm danh.")
    return redirect(session)


@require_POST
def session_tally(request: HttpRequest, pk: int, tally_pk: int) -> HttpResponse:
    session = _session(request, pk)
    tally = get_object_or_404(Tally, pk=tally_pk, session=session)
    form = forms.TallyForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Số phiếu phải là số không âm: " + "; ".join(
            f"{form.fields[k].label}: {' '.join(v)}" for k, v in form.errors.items()))
        return redirect(session)
    data = form.cleaned_data
    outcome = data["outcome"]
    try:
        services.record_tally(by=request.user, tally=tally, yes=data["yes"], no=data["no"], abstain=data["abstain"],
                              approved={"approved": True, "not_approved": False}.get(outcome),
                              reason=data["reason"], override_reason=data["override_reason"])
    except ValidationError as error:
        messages.error(request, f"{tally.nomination}: {_error_text(error)}")
    else:
        messages.success(request, f"Đã ghi kết quả: {tally.nomination}.")
    return redirect(session)


@require_POST
def session_tally_reopen(request: HttpRequest, pk: int, tally_pk: int) -> HttpResponse:
    session = _session(request, pk)
    tally = get_object_or_404(Tally, pk=tally_pk, session=session)
    try:
        services.reopen_tally(by=request.user, tally=tally, reason=request.POST.get("reason", ""))
    except ValidationError as error:
        messages.error(request, f"{tally.nomination}: {_error_text(error)}")
    else:
        messages.success(request, f"Đã bỏ kết quả đã ghi, ghi lại kết quả: {tally.nomination}.")
    return redirect(session)


@require_POST
def session_minutes_upload(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(request, pk)
    upload = request.FILES.get("minutes")
    if upload is None:
        messages.error(request, "Chọn tệp PDF biên bản đã ký.")
        return redirect(session)
    try:
        services.attach_minutes(by=request.user, session=session, upload=upload)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, "Đã lưu biên bản đã ký.")
    return redirect(session)


@require_POST
def session_reschedule(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(request, pk)
    # Rescheduling prepares the council (the secretariat's): a council member is refused before
    # the form is read.
    access.require(request.user, "nomination.review", session.issuer)
    form = forms.RescheduleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Chưa đổi lịch: " + "; ".join(
            f"{form.fields[k].label}: {' '.join(v)}" for k, v in form.errors.items()))
        return redirect(session)
    try:
        services.reschedule_session(by=request.user, session=session, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, "Đã đổi lịch họp.")
    return redirect(session)


@require_POST
def session_take_off(request: HttpRequest, pk: int, tally_pk: int) -> HttpResponse:
    session = _session(request, pk)
    tally = get_object_or_404(Tally, pk=tally_pk, session=session)
    try:
        nomination = services.take_off_agenda(by=request.user, tally=tally, reason=request.POST.get("reason", ""))
    except ValidationError as error:
        messages.error(request, f"{tally.nomination}: {_error_text(error)}")
    else:
        messages.success(request, f"Đã rút khỏi phiên họp: {nomination}.")
    return redirect(session)


@require_POST
def session_close(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(request, pk)
    try:
        services.close_session(by=request.user, session=session, minutes=request.FILES.get("minutes"))
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, "Đã kết thúc phiên họp.")
    return redirect(session)


def session_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(request, pk)
    if not session.minutes:
        raise Http404
    return FileResponse(session.minutes.open("rb"), as_attachment=True,
                        filename=session.minutes.name.rsplit("/", 1)[-1])


# --- Decisions ------------------------------------------------------------------------------------------------------


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
    candidates = list(Nomination.objects.filter(proposal__campaign__issuer__in=issuers, state=State.APPROVED,
                                                decision_line__isnull=True)
                      .select_related(*RELATED).order_by("proposal__campaign", "award_type__order"))
    checks = selectors.checks_for(candidates, clock.today())
    above: dict[int, str] = {}
    for issuer in issuers:
        above.update(selectors.above_authority([n for n in candidates if n.proposal.campaign.issuer_id == issuer.pk],
                                               issuer, clock.today()))
    upward = [n for n in candidates if n.pk in above]
    candidates = [n for n in candidates if n.pk not in above]
    for n in upward:
        n.above = above[n.pk]
    for n in candidates:
        n.failing = [c for c in checks.get(n.pk, []) if c.status == eligibility.FAIL]
    form = forms.DecisionForm(request.POST or None)
    chosen_ids = set(parse_ids(request.POST.getlist("nomination")))
    if request.method == "POST" and form.is_valid():
        chosen = [n for n in candidates if n.pk in chosen_ids]
        issuer = chosen[0].proposal.campaign.issuer if chosen else issuers[0]
        campaigns = {n.proposal.campaign for n in chosen}
        try:
            decision = services.create_decision(by=request.user, issuer=issuer, title=form.cleaned_data["title"],
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
    decision = get_object_or_404(_decisions(request), pk=pk)
    can_issue = access.can(request.user, _issuing(decision), decision.issuer)
    lines = list(decision.lines.select_related("award_type", "person__organisation", "organisation",
                                               "nomination__proposal"))
    return render(request, "awards/decision_detail.html", {
        "decision": decision, "lines": lines, "can_issue": can_issue,
        "individuals": [line for line in lines if line.person_id],
        "collectives": [line for line in lines if line.organisation_id],
        "total": sum((line.bonus or 0) for line in lines),
        "bonus_missing": any(line.bonus is None for line in lines),
        "issue_form": forms.IssueForm(initial={"issue_date": clock.today(), "notation": "QĐ-SYT"}),
        "revoke_form": forms.ReasonForm(),
        "events": [],
    })


@require_POST
def decision_issue(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _decision_to_change(request, pk)
    form = forms.IssueForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "; ".join(f"{form.fields[k].label}: {' '.join(v)}" for k, v in form.errors.items()))
        return redirect(decision)
    data = form.cleaned_data
    try:
        services.issue_decision(by=request.user, decision=decision, number=data["number"], notation=data["notation"],
                                issue_date=data["issue_date"], signer_prefix=data["signer_prefix"],
                                signer_title=data["signer_title"], signer_name=data["signer_name"],
                                upload=data.get("file"))
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, "Đã ban hành quyết định; các đơn vị đề nghị đã được báo.")
    return redirect(decision)


@require_POST
def decision_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _decision_to_change(request, pk)
    try:
        services.revoke_decision(by=request.user, decision=decision, reason=request.POST.get("reason", ""))
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


# --- The yearly path -------------------------------------------------------------------------------------------------


def unit_titles(request: HttpRequest) -> HttpResponse:
    """A unit head's yearly review: the titles within the unit's own authority."""
    organisations = access.organisations_for(request.user, "unit_titles.decide").filter(
        closed_on__isnull=True, award_authority__isnull=False)
    if not access.can(request.user, "unit_titles.decide"):
        raise PermissionDenied
    campaigns = Campaign.objects.filter(pk__in=[c.pk for org in organisations
                                                for c in selectors.regular_campaigns_for(org)])
    today = clock.today()
    form = forms.UnitProposalForm(request.POST or None, campaigns=campaigns, organisations=organisations,
                                  initial={"year": today.year})
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
    proposals = (Proposal.objects.filter(kind=Proposal.Kind.UNIT, organisation__in=organisations)
                 .select_related("campaign", "organisation").annotate(total=count_per_row(Nomination.objects.all(), "proposal")))
    return render(request, "awards/unit_titles.html", {"form": form, "proposals": list(proposals),
                                                       "has_authority": organisations.exists()})


@require_POST
def unit_bulk_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Add many of the unit's staff for one title at once: most of a year's volume is LĐTT."""
    proposal = _proposal(request, pk)
    access.require(request.user, "nomination.prepare", proposal.organisation)
    award = AwardType.objects.filter(pk=parse_id(request.POST.get("award_type"))).first()
    _orgs, people = selectors.nominee_choices(proposal)
    chosen = list(people.filter(pk__in=parse_ids(request.POST.getlist("person"))))
    if award is None or not chosen:
        messages.error(request, "Chọn danh hiệu và ít nhất một người.")
        return redirect(proposal)
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


# --- The register --------------------------------------------------------------------------------------------------


def register(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:200]
    people, organisations = [], []
    if q:
        people = list(Person.objects.filter(access.scope_q(request.user, field="organisation__path") or Q(),
                                            search.matches("search_text", q)).select_related("organisation")[:30])
        organisations = list(access.visible_organisations(request.user).filter(search.matches("search_text", q))[:15])
    recent = (RegisterEntry.objects.filter(owner__in=_issuers(request, "nomination.review"))
              .select_related("person", "organisation", "award_type").order_by("-recorded_at")[:15])
    return render(request, "awards/register.html", {
        "q": q, "people": people, "organisations": organisations, "recent": list(recent),
        "can_record": _issuers(request, "nomination.review").exists(),
    })


def _eligibility_records(person=None, organisation=None) -> dict:
    subject = {"person": person} if person else {"organisation": organisation}
    return {
        "appraisals": list(Appraisal.objects.filter(**subject).order_by("-year")),
        "holds": list(Hold.objects.filter(**subject).order_by("-starts_on")),
        "initiatives": list(Initiative.objects.filter(authors=person).order_by("-recognised_on")) if person else [],
    }


def register_person(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(Person.objects.filter(access.scope_q(request.user, field="organisation__path") or Q())
                               .select_related("organisation"), pk=pk)
    can_record = access.can(request.user, "person.manage", person.organisation)
    if request.method == "POST":
        if not can_record:
            raise PermissionDenied
        _save_record(request, person=person, organisation=person.organisation)
        return redirect("awards:register-person", pk=person.pk)
    return render(request, "awards/register_subject.html", {
        "subject": person, "name": person.full_name, "unit": person.organisation,
        "rows": selectors.register_for(person=person), "can_record": can_record,
        "nominations": list(Nomination.objects.visible_to(request.user).filter(person=person)
                            .select_related(*RELATED).order_by("-achievement_year")),
        "grades": Grade.choices, "hold_kinds": Hold.Kind.choices, "levels": InitiativeLevel.choices,
        **_eligibility_records(person=person),
    })


def register_organisation(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(access.visible_organisations(request.user), pk=pk)
    can_record = access.can(request.user, "person.manage", organisation)
    if request.method == "POST":
        if not can_record:
            raise PermissionDenied
        _save_record(request, organisation=organisation)
        return redirect("awards:register-organisation", pk=organisation.pk)
    return render(request, "awards/register_subject.html", {
        "subject": organisation, "name": organisation.name, "unit": organisation.parent,
        "rows": selectors.register_for(organisation=organisation), "can_record": can_record,
        "nominations": list(Nomination.objects.visible_to(request.user).filter(organisation=organisation)
                            .select_related(*RELATED).order_by("-achievement_year")),
        "grades": Grade.choices, "hold_kinds": Hold.Kind.choices, "is_organisation": True,
        **_eligibility_records(organisation=organisation),
    })


def _save_record(request: HttpRequest, *, person: Person | None = None, organisation: Organisation) -> None:
    """An appraisal, initiative or hold typed on the register page."""
    kind = request.POST.get("record")
    date_field = forms.VnDateField(required=True)
    try:
        if kind == "appraisal":
            try:
                year = parse_id(plausible.ascii_digits(request.POST.get("year") or ""))
            except plausible.NonAsciiDigit as exc:
                raise ValidationError(plausible.DIGITS_MESSAGE) from exc
            if year is None or not 1990 <= year <= 2100:
                raise ValidationError("Ghi năm xếp loại, ví dụ 2026.")
            existing = Appraisal.objects.filter(person=person, organisation=None if person else organisation,
                                                year=int(year)).first()
            record = existing or Appraisal(person=person, organisation=None if person else organisation, year=int(year))
            record.grade = request.POST.get("grade", "")
            record.recorded_by = request.user
        elif kind == "hold":
            ends = request.POST.get("ends_on", "").strip()
            record = Hold(person=person, organisation=None if person else organisation,
                          kind=request.POST.get("kind", ""), starts_on=date_field.clean(request.POST.get("starts_on")),
                          ends_on=date_field.clean(ends) if ends else None, note=request.POST.get("note", "")[:500])
        elif kind == "initiative" and person is not None:
            record = Initiative(title=request.POST.get("title", "").strip()[:500], organisation=organisation,
                                level=request.POST.get("level", ""),
                                recognised_on=date_field.clean(request.POST.get("recognised_on")),
                                recognised_by=request.POST.get("recognised_by", "")[:255])
        else:
            raise ValidationError("Chọn loại thông tin cần ghi.")
        saved = services.save_eligibility_record(by=request.user, instance=record, organisation=organisation)
        if kind == "initiative":
            saved.authors.add(person)
    except ValidationError as error:
        messages.error(request, "Chưa lưu: " + " ".join(
            f"{' '.join(v)}" for v in error.message_dict.values()) if hasattr(error, "error_dict") else
            "Chưa lưu: " + _error_text(error))
    else:
        messages.success(request, "Đã ghi nhận.")


def register_add(request: HttpRequest) -> HttpResponse:
    issuers = list(_issuers(request, "nomination.review"))
    if not issuers:
        raise PermissionDenied
    paths = [i.path for i in issuers]
    people = Person.objects.filter(access.subtree_q(paths, "organisation__path")).select_related("organisation")
    organisations = Organisation.objects.filter(access.subtree_q(paths))
    form = forms.RegisterEntryForm(request.POST or None, request.FILES or None, people=people,
                                   organisations=organisations,
                                   initial={"person": request.GET.get("ca-nhan"),
                                            "organisation": request.GET.get("tap-the")})
    if request.method == "POST" and form.is_valid():
        entry = form.save(commit=False)
        subject = entry.person.organisation if entry.person_id else entry.organisation
        owner = next((i for i in issuers if subject.path.startswith(i.path)), issuers[0])
        try:
            services.add_register_entry(by=request.user, owner=owner, instance=entry,
                                        upload=form.cleaned_data.get("file"))
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã ghi vào Sổ khen thưởng.")
            if entry.person_id:
                return redirect("awards:register-person", pk=entry.person_id)
            return redirect("awards:register-organisation", pk=entry.organisation_id)
    return render(request, "awards/register_form.html", {"form": form})


def register_template(request: HttpRequest) -> HttpResponse:
    return _xlsx(excel.register_template(list(AwardType.objects.filter(is_active=True))), "so-khen-thuong-mau.xlsx")


def register_import(request: HttpRequest) -> HttpResponse:
    issuers = list(_issuers(request, "nomination.review"))
    if not issuers:
        raise PermissionDenied
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        paths = [i.path for i in issuers]
        people = {p.employee_code.upper(): p for p in
                  Person.objects.filter(access.subtree_q(paths, "organisation__path")).select_related("organisation")}
        organisations = {o.code.upper(): o for o in Organisation.objects.filter(access.subtree_q(paths))}
        try:
            rows, errors = excel.read_register(form.cleaned_data["file"], people=people, organisations=organisations,
                                               types={t.code: t for t in AwardType.objects.all()})
        except xlsx.WorkbookError as exc:
            form.add_error("file", str(exc))
        else:
            if not errors:
                try:
                    made = services.import_register(by=request.user, owner=issuers[0], rows=rows)
                except services.RowErrors as failure:
                    errors = failure.rows
                else:
                    messages.success(request, f"Đã ghi {len(made)} khen thưởng vào Sổ khen thưởng.")
                    return redirect("awards:register")
    return render(request, "awards/import.html", {"form": form, "errors": errors, "title": "Nhập Sổ khen thưởng từ Excel",
                                                  "template_url": "awards:register-template", "back": None})


def register_entry_file(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(RegisterEntry.objects.select_related("person__organisation", "organisation"), pk=pk)
    subject = entry.person.organisation if entry.person_id else entry.organisation
    if not access.can_see(request.user, subject) or not entry.file:
        raise Http404
    return FileResponse(entry.file.open("rb"), as_attachment=True, filename=entry.file.name.rsplit("/", 1)[-1])


# --- Catalogue and tables (administrator) ----------------------------------------------------------------------------


def _require_admin(request: HttpRequest) -> None:
    access.require(request.user, "catalogue.manage")


def catalogue(request: HttpRequest) -> HttpResponse:
    types = AwardType.objects.annotate(rule_count=Count("rules"),
                                       disabled=Count("rules", filter=Q(rules__enabled=False)))
    return render(request, "awards/catalogue.html", {
        "types": list(types), "is_admin": access.can(request.user, "catalogue.manage"),
        "salaries": list(BaseSalary.objects.all()),
    })


def award_type_detail(request: HttpRequest, pk: int) -> HttpResponse:
    award = get_object_or_404(AwardType, pk=pk)
    return render(request, "awards/award_type_detail.html", {
        "award": award, "rules": list(award.rules.select_related("related_type")),
        "is_admin": access.can(request.user, "catalogue.manage"),
    })


def award_type_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    _require_admin(request)
    instance = get_object_or_404(AwardType, pk=pk) if pk else AwardType()
    form = forms.AwardTypeForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            award = services.save_award_type(by=request.user, instance=form.instance)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu.")
            return redirect("awards:award-type", pk=award.pk)
    return render(request, "awards/simple_form.html", {
        "form": form, "title": f"Sửa: {instance.name}" if pk else "Thêm danh hiệu, hình thức khen thưởng",
        "back": "awards:catalogue"})


def rule_form(request: HttpRequest, type_pk: int, pk: int | None = None) -> HttpResponse:
    _require_admin(request)
    award = get_object_or_404(AwardType, pk=type_pk)
    instance = get_object_or_404(AwardRule, pk=pk, award_type=award) if pk else AwardRule(award_type=award)
    form = forms.AwardRuleForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_rule(by=request.user, instance=form.instance)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu quy định.")
            return redirect("awards:award-type", pk=award.pk)
    return render(request, "awards/simple_form.html", {
        "form": form, "title": f"Quy định của {award.name}", "back_url": award.pk, "back": "awards:award-type"})


def salaries(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    form = forms.BaseSalaryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_base_salary(by=request.user, instance=form.instance)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu mức lương cơ sở.")
            return redirect("awards:salaries")
    return render(request, "awards/salaries.html", {"form": form, "salaries": list(BaseSalary.objects.all())})


@require_POST
def salary_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    _require_admin(request)
    salary = get_object_or_404(BaseSalary, pk=pk)
    salary.needs_verification = False
    services.save_base_salary(by=request.user, instance=salary)
    messages.success(request, "Đã xác nhận.")
    return redirect("awards:salaries")


def holidays(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    form = forms.HolidayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_holiday(by=request.user, instance=form.instance)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã thêm ngày nghỉ.")
            return redirect("awards:holidays")
    return render(request, "awards/holidays.html", {"form": form, "holidays": list(Holiday.objects.all())})


@require_POST
def holiday_delete(request: HttpRequest, pk: int) -> HttpResponse:
    _require_admin(request)
    services.delete_holiday(by=request.user, holiday=get_object_or_404(Holiday, pk=pk))
    messages.success(request, "Đã xóa.")
    return redirect("awards:holidays")


def unit_authorities(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    organisations = Organisation.objects.filter(closed_on__isnull=True)
    form = forms.UnitAuthorityForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.save_unit_authority(by=request.user, organisation=data["organisation"],
                                     award_types=list(data["award_types"]), basis=data["basis"])
        messages.success(request, "Đã lưu thẩm quyền của đơn vị.")
        return redirect("awards:unit-authorities")
    return render(request, "awards/unit_authorities.html", {
        "form": form, "authorities": list(UnitAuthority.objects.select_related("organisation")
                                          .prefetch_related("award_types")),
    })


def ratio_caps(request: HttpRequest) -> HttpResponse:
    issuers = list(_issuers(request, "nomination.review"))
    if not issuers:
        raise PermissionDenied
    form = forms.RatioCapForm(request.POST or None, instance=RatioCap(issuer=issuers[0]))
    if request.method == "POST" and form.is_valid():
        existing = RatioCap.objects.filter(issuer=issuers[0], award_type=form.cleaned_data["award_type"]).first()
        instance = existing or form.instance
        if existing:
            for name in ("base_type", "percent", "enabled", "legal_basis"):
                setattr(existing, name, form.cleaned_data[name])
        try:
            services.save_ratio_cap(by=request.user, instance=instance)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu tỷ lệ tối đa.")
            return redirect("awards:ratio-caps")
    return render(request, "awards/ratio_caps.html", {
        "form": form, "issuer": issuers[0],
        "caps": list(RatioCap.objects.filter(issuer__in=issuers).select_related("award_type", "base_type")),
    })
