"""Council sessions: agenda, roll call, tallies, closing and minutes."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from awards import council, forms, rules, selectors, services
from awards.models import CouncilSession, Tally
from awards.views._common import _acting_issuer, _error_text, _issuers
from common import clock
from common.forms import apply_service_errors, parse_ids
from units import access
from units.models import Person


def session_list(request: HttpRequest) -> HttpResponse:
    issuers = _issuers(request, "council.record")
    if not issuers.exists():
        raise PermissionDenied
    return render(request, "awards/session_list.html", {
        "sessions": list(CouncilSession.objects.filter(issuer__in=issuers).annotate(total=Count("tallies"))),
        "can_prepare": _issuers(request, "nomination.review").exists(),
    })


def _members(data: dict, term_roles: dict[int, str] | None = None) -> list:
    """The chair and the secretary, then the others chosen (each once), each with the role the
    council's term gives them (a vice-chair stays vice-chair; the term's chair or secretary, when
    another person takes that seat for this session, sits as a member)."""
    term_roles = term_roles or {}
    members = [services.MemberInput(data["chair"], "chair"), services.MemberInput(data["secretary"], "secretary")]
    return members + [services.MemberInput(p, role if (role := term_roles.get(p.pk, "member")) in ("vice_chair",
                                                                                                   "member")
                                           else "member")
                      for p in data["members"] if p not in (data["chair"], data["secretary"])]


def _term_initial(term) -> tuple[dict, list]:
    """The form's chair, secretary and other members prefilled from the council's term."""
    seated = selectors.term_members(term, day=clock.today()) if term else []
    initial = {"members": [str(m.person_id) for m in seated if m.role not in ("chair", "secretary")]}
    for m in seated:
        if m.role in ("chair", "secretary"):
            initial[m.role] = m.person_id
    return initial, seated


def session_create(request: HttpRequest) -> HttpResponse:
    """A new session: its members prefilled from the council's term in force (absences and
    substitutes are marked on the session page); without a term, members are chosen by hand."""
    issuers = list(_issuers(request, "nomination.review"))
    if not issuers:
        raise PermissionDenied
    candidates = selectors.session_candidates(issuers)
    issuer = _acting_issuer(request, issuers)
    term = selectors.term_on(issuer, clock.today())
    initial, seated = _term_initial(term)
    people = selectors.council_people(issuers)
    known = {p.pk for p in people}
    people += [m.person for m in seated if m.person_id not in known]
    form = forms.SessionForm(request.POST or None, people=Person.objects.filter(pk__in=[p.pk for p in people])
                             .select_related("organisation"), initial={"held_on": clock.today(), **initial})
    chosen_ids = set(parse_ids(request.POST.getlist("nomination")))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        chosen = [n for n in candidates if n.pk in chosen_ids]
        try:
            issuer = _acting_issuer(request, issuers, chosen)
            term = selectors.term_on(issuer, data["held_on"])
            roles = {m.person_id: m.role for m in selectors.term_members(term, day=data["held_on"])} if term else {}
            session = services.create_session(by=request.user, issuer=issuer, title=data["title"],
                                              held_on=data["held_on"], place=data["place"],
                                              members=_members(data, roles), nominations=chosen, term=term)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã chuẩn bị phiên họp Hội đồng.")
            return redirect(session)
    return render(request, "awards/session_form.html", {
        "form": form, "candidates": candidates, "chosen": chosen_ids, "people": people, "term": term,
        "seated": seated, "issuer": issuer,
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
    absences = selectors.absences_of(session)
    for member in members:
        member.absence_note = absences.get(member.pk)
    rows = []
    for tally in tallies:
        rule = rules.in_force(rule_sets.get(tally.nomination.award_type_id, ()), "council", session.held_on)
        rows.append({"tally": tally, "rule": rule, "threshold_enabled": bool(rule and rule.enabled),
                     "standing_aside": services.recusals(session, tally.nomination, members) if not tally.outcome
                     else []})
    quorum, quorum_text = council.quorum_state(attendance, session.quorum_percent)
    open_ = session.status != CouncilSession.Status.CLOSED
    held = session.held_on <= clock.today()
    roll_locked = any(t.outcome for t in tallies)
    substitutes = selectors.substitute_choices(members) if open_ and held and not roll_locked else {}
    for member in members:
        member.substitute_choices = substitutes.get(member.pk, [])
    return render(request, "awards/session_detail.html", {
        "session": session, "members": members,
        "attendance": attendance, "rows": rows,
        "quorum": quorum, "quorum_text": quorum_text, "consistency_check": council.CONSISTENCY_CHECK,
        "open": open_, "held": held, "roll_locked": roll_locked,
        "term": selectors.term_on(session.issuer, session.held_on),
        "can_prepare": access.can(request.user, "nomination.review", session.issuer),
        "reschedule_form": forms.RescheduleForm(initial={"held_on": session.held_on, "place": session.place}),
    })


@require_POST
def session_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(request, pk)
    members = list(session.members.select_related("person__organisation"))
    form = forms.AttendanceForm(request.POST, members=members)
    choices = selectors.substitute_choices(members)
    try:
        absences = form.absences({p.pk: p for m in members for p in choices[m.pk]
                                  if request.POST.get(f"substitute-{m.pk}") == str(p.pk)})
        services.set_attendance(by=request.user, session=session, attendance=form.attendance(), absences=absences)
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
        services.reopen_tally(by=request.user, tally=tally, reason=forms.NoteForm(request.POST).text())
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
        nomination = services.take_off_agenda(by=request.user, tally=tally, reason=forms.NoteForm(request.POST).text())
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
