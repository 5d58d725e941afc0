"""The standing council by term (issue 19, point 3): the secretariat keeps the issuer's Hội đồng Thi
đua – Khen thưởng (terms, members, roles); the leader and the council's members read it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from awards import forms, selectors, services
from awards.models import CouncilMember, CouncilTerm
from awards.views._common import _acting_issuer, _error_text, _issuers
from common import clock
from common.forms import apply_service_errors
from units import access
from units.models import Person


def council(request: HttpRequest) -> HttpResponse:
    """The issuer's council: the term in force and its members, the other terms, a new term."""
    issuers = list(_issuers(request, "council.view"))
    if not issuers:
        raise PermissionDenied
    issuer = _acting_issuer(request, issuers)
    can_manage = access.can(request.user, "council.manage", issuer)
    form = forms.CouncilTermForm(request.POST or None)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            try:
                term = services.create_term(by=request.user, issuer=issuer, **form.cleaned_data)
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, f"Đã lập {term}. Thêm các thành viên theo quyết định.")
                return redirect(term)
    today = clock.today()
    terms = list(CouncilTerm.objects.filter(issuer=issuer))
    current = next((t for t in terms if t.starts_on <= today <= t.ends_on), None)
    return render(request, "awards/council.html", {
        "issuers": issuers, "issuer": issuer, "terms": terms, "current": current, "today": today,
        "members": selectors.term_members(current, day=today) if current else [],
        "form": form, "can_manage": can_manage,
    })


def _term(request: HttpRequest, pk: int) -> CouncilTerm:
    return get_object_or_404(selectors.terms_visible_to(request.user), pk=pk)


def _term_page(request: HttpRequest, term: CouncilTerm, *, add_form=None, row_errors=None,
               status: int = 200) -> HttpResponse:
    today = clock.today()
    editable = term.ends_on >= today and access.can(request.user, "council.manage", term.issuer)
    people = Person.objects.filter(pk__in=[p.pk for p in selectors.council_people([term.issuer])]
                                   ).select_related("organisation").order_by("organisation__depth",
                                                                             "organisation__name", "given_name")
    if editable and add_form is None:
        add_form = forms.CouncilMemberForm(people=people)
    members = selectors.term_members(term)
    for member in members:
        member.row_error = (row_errors or {}).get(member.pk, "")
    return render(request, "awards/council_term.html", {
        "term": term, "members": [m for m in members if m.left_on is None],
        "former": [m for m in members if m.left_on is not None], "editable": editable,
        "past": term.ends_on < today, "add_form": add_form,
        "roles": CouncilMember.Role.choices, "today": today,
    }, status=status)


def council_term(request: HttpRequest, pk: int) -> HttpResponse:
    """A term's members; while the term runs the secretariat adds members here (past terms read only)."""
    term = _term(request, pk)
    if request.method != "POST":
        return _term_page(request, term)
    access.require(request.user, "council.manage", term.issuer)
    people = Person.objects.filter(pk__in=[p.pk for p in selectors.council_people([term.issuer])]
                                   ).select_related("organisation")
    form = forms.CouncilMemberForm(request.POST, people=people)
    if form.is_valid():
        try:
            member = services.add_member(by=request.user, term=term, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Đã thêm {member.person.full_name} ({member.get_role_display()}).")
            return redirect(term)
    return _term_page(request, term, add_form=form, status=400 if form.errors else 200)


def _member(request: HttpRequest, pk: int, member_pk: int) -> tuple[CouncilTerm, CouncilMember]:
    term = _term(request, pk)
    member = get_object_or_404(CouncilMember.objects.select_related("person"), pk=member_pk, term=term)
    access.require(request.user, "council.manage", term.issuer)
    return term, member


@require_POST
def council_member_role(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    term, member = _member(request, pk, member_pk)
    form = forms.MemberRoleForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["role"])
        services.change_member_role(by=request.user, member=member, role=form.cleaned_data["role"])
    except ValidationError as error:
        return _term_page(request, term, row_errors={member.pk: _error_text(error)}, status=400)
    messages.success(request, f"Đã đổi chức danh của {member.person.full_name}.")
    return redirect(term)


@require_POST
def council_member_end(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    term, member = _member(request, pk, member_pk)
    form = forms.EndMembershipForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError([f"{form.fields[k].label}: {' '.join(v)}" for k, v in form.errors.items()])
        services.end_membership(by=request.user, member=member, **form.cleaned_data)
    except ValidationError as error:
        return _term_page(request, term, row_errors={member.pk: _error_text(error)}, status=400)
    messages.success(request, f"{member.person.full_name} thôi tham gia Hội đồng từ "
                              f"{form.cleaned_data['left_on']:%d/%m/%Y}.")
    return redirect(term)
