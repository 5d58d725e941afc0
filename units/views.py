from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from common import clock, search, xlsx
from common.forms import apply_service_errors, parse_id, too_long
from common.views import paginate
from units import access, excel, login_limits, selectors, services
from units.forms import (
    AccountCreateForm,
    BlocForm,
    BlocMemberForm,
    CloseOrganisationForm,
    GrantRoleForm,
    ImportForm,
    LoginForm,
    OrganisationFilterForm,
    OrganisationForm,
    OwnPasswordForm,
    PersonFilterForm,
    PersonForm,
)
from units.models import Bloc, BlocMember, Membership, Organisation, Person, User

# --- Login and own password -----------------------------------------------------------------------


@login_not_required
def login_view(request: HttpRequest) -> HttpResponse:
    return auth_views.LoginView.as_view(template_name="registration/login.html", authentication_form=LoginForm,
                                        redirect_authenticated_user=True)(request)


def password_change(request: HttpRequest) -> HttpResponse:
    form = OwnPasswordForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.change_own_password(user=request.user, new_password=form.cleaned_data["new_password1"])
        update_session_auth_hash(request, request.user)
        messages.success(request, "Đã đổi mật khẩu.")
        return redirect("home")
    return render(request, "registration/password_change.html", {"form": form})


# --- Organisations ----------------------------------------------------------------------------------


def _visible_organisation(request: HttpRequest, pk: int) -> Organisation:
    return get_object_or_404(access.visible_organisations(request.user), pk=pk)


TREE_ROWS = 150


def organisation_list(request: HttpRequest) -> HttpResponse:
    form = OrganisationFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    q, kind, status = data.get("q", ""), data.get("kind", ""), data.get("status") or "active"
    context = {"form": form, "q": q}
    if q or kind or status == "closed":
        context["page"] = paginate(request, selectors.search_organisations(request.user, q=q, kind=kind, status=status))
    else:
        context["nodes"], context["folded_at"] = selectors.organisation_tree(
            request.user, include_closed=status == "all", limit=TREE_ROWS)
    context["can_manage"] = access.can_create(request.user, "organisation.manage")
    return render(request, "units/organisation_list.html", context)


def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = _visible_organisation(request, pk)
    children = selectors.flatten(selectors.sort_tree(list(
        organisation.children.all()
    )))
    people = paginate(request, selectors.search_people(request.user, organisation=organisation), 20)
    context = {
        "organisation": organisation,
        "ancestors": [a for a in selectors.ancestors(organisation) if access.can_see(request.user, a)],
        "children": children,
        "people": people,
        "blocs": list(organisation.bloc_memberships.select_related("bloc")),
        "predecessors": list(organisation.predecessors.all()),
        "events": selectors.audit_events(organisation, 20),
        # A closed body is history: only an administrator changes or reopens it.
        "can_manage": access.can(request.user, "organisation.manage", organisation)
        and (not organisation.is_closed or access.is_admin(request.user)),
        "can_reopen": organisation.is_closed and access.is_admin(request.user),
        "can_manage_people": access.can(request.user, "person.manage", organisation),
        "successor_visible": organisation.successor_id and access.can_see(request.user, organisation.successor),
    }
    return render(request, "units/organisation_detail.html", context)


def organisation_create(request: HttpRequest) -> HttpResponse:
    if not access.can(request.user, "organisation.manage"):
        raise PermissionDenied
    if not access.can_create(request.user, "organisation.manage"):
        messages.warning(request, "Các đơn vị bạn quản lý đã ngừng hoạt động: chỉ xem được dữ liệu cũ, không tạo mới.")
        return redirect("units:organisation-list")
    parent = None
    if (parent_pk := parse_id(request.GET.get("parent"))) is not None:
        parent = access.organisations_for(request.user, "organisation.manage").filter(pk=parent_pk).first()
    form = OrganisationForm(request.POST or None, user=request.user, initial={"parent": parent})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        parent = data.pop("parent", None)
        try:
            organisation = services.create_organisation(by=request.user, parent=parent, **data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Đã thêm đơn vị “{organisation.name}”.")
            return redirect(organisation)
    return render(request, "units/organisation_form.html", {"form": form, "parent": parent})


def organisation_update(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = _visible_organisation(request, pk)
    access.require(request.user, "organisation.manage", organisation)
    form = OrganisationForm(request.POST or None, instance=organisation, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.fields}
        try:
            services.update_organisation(by=request.user, organisation=organisation, **data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu thông tin đơn vị.")
            return redirect(organisation)
    return render(request, "units/organisation_form.html", {"form": form, "organisation": organisation})


def organisation_close(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = _visible_organisation(request, pk)
    access.require(request.user, "organisation.manage", organisation)
    form = CloseOrganisationForm(request.POST or None, user=request.user, organisation=organisation,
                                 initial={"closed_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        try:
            count = services.close_organisation(
                by=request.user, organisation=organisation, closed_on=form.cleaned_data["closed_on"],
                successor=form.cleaned_data["successor"], note=form.cleaned_data["note"],
                include_subtree=form.cleaned_data["include_subtree"],
                move_people=form.cleaned_data["move_people"] and form.cleaned_data["successor"] is not None,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Đã ghi nhận ngừng hoạt động ({count} đơn vị).")
            return redirect(organisation)
    return render(request, "units/organisation_close.html", {"form": form, "organisation": organisation})


REOPEN_REASON_MAX = 1000


@require_POST
def organisation_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = _visible_organisation(request, pk)
    reason = request.POST.get("reason", "")
    try:
        if len(reason) > REOPEN_REASON_MAX:
            # Refused, never cut (the box holds at most this much; only a forged form sends more).
            raise ValidationError("Lý do: " + too_long(REOPEN_REASON_MAX, len(reason)))
        services.reopen_organisation(by=request.user, organisation=organisation, reason=reason)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Đơn vị đã hoạt động trở lại.")
    return redirect(organisation)


# --- People ----------------------------------------------------------------------------------------------


def person_list(request: HttpRequest) -> HttpResponse:
    form = PersonFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    organisation = None
    if (organisation_pk := parse_id(request.GET.get("organisation"))) is not None:
        organisation = access.visible_organisations(request.user).filter(pk=organisation_pk).first()
    people = selectors.search_people(
        request.user, q=data.get("q", ""), organisation=organisation,
        employment_type=data.get("employment_type", ""), direct=data.get("direct", ""),
        status=data.get("status") or "active",
    )
    return render(request, "units/person_list.html", {
        "form": form, "page": paginate(request, people), "organisation": organisation,
        "can_manage": access.can_create(request.user, "person.manage"),
    })


def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(selectors.visible_people(request.user).select_related("organisation", "user"), pk=pk)
    assignments = list(person.assignments.select_related("organisation"))
    return render(request, "units/person_detail.html", {
        "person": person, "assignments": assignments,
        "can_manage": access.can(request.user, "person.manage", person.organisation),
        "can_create_account": person.user_id is None and access.can(request.user, "account.manage",
                                                                     person.organisation),
    })


def person_create(request: HttpRequest) -> HttpResponse:
    if not access.can(request.user, "person.manage"):
        raise PermissionDenied
    if not access.can_create(request.user, "person.manage"):
        messages.warning(request, "Các đơn vị bạn quản lý đã ngừng hoạt động: chỉ xem được dữ liệu cũ, không tạo mới.")
        return redirect("units:person-list")
    initial = {}
    if (organisation_pk := parse_id(request.GET.get("organisation"))) is not None:
        initial["organisation"] = organisation_pk
    form = PersonForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        organisation = data.pop("organisation")
        try:
            person = services.create_person(by=request.user, organisation=organisation, **data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Đã thêm “{person.full_name}”.")
            return redirect(person)
    return render(request, "units/person_form.html", {"form": form})


def person_update(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(selectors.visible_people(request.user), pk=pk)
    access.require(request.user, "person.manage", person.organisation)
    form = PersonForm(request.POST or None, instance=person, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        transfer_date = data.pop("transfer_date", None)
        try:
            services.update_person(by=request.user, person=person, transfer_date=transfer_date, **data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu hồ sơ cá nhân.")
            return redirect("units:person-detail", pk=person.pk)
    return render(request, "units/person_form.html", {"form": form, "person": person})


# --- Blocs -----------------------------------------------------------------------------------------------


def bloc_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()
    blocs = selectors.visible_blocs(request.user)
    if q:
        blocs = blocs.filter(search.matches("search_text", q))
    return render(request, "units/bloc_list.html", {
        "page": paginate(request, blocs.order_by("name", "id")), "q": q,
        "can_manage": access.can_create(request.user, "bloc.manage"),
    })


def _visible_bloc(request: HttpRequest, pk: int) -> Bloc:
    return get_object_or_404(selectors.visible_blocs(request.user), pk=pk)


def _can_manage_bloc(user: User, bloc: Bloc) -> bool:
    if bloc.organiser is None:
        return access.is_admin(user)
    return access.can(user, "bloc.manage", bloc.organiser)


def bloc_detail(request: HttpRequest, pk: int) -> HttpResponse:
    bloc = _visible_bloc(request, pk)
    can_manage = _can_manage_bloc(request.user, bloc)
    members = selectors.bloc_members(bloc)
    return render(request, "units/bloc_detail.html", {
        "bloc": bloc, "members": members, "can_manage": can_manage,
        "linkable": access.visible_ids(request.user, [m.organisation_id for m in members]),
        "member_form": BlocMemberForm(user=request.user) if can_manage else None,
    })


def bloc_create(request: HttpRequest) -> HttpResponse:
    if not access.can(request.user, "bloc.manage"):
        raise PermissionDenied
    if not access.can_create(request.user, "bloc.manage"):
        messages.warning(request, "Các đơn vị bạn quản lý đã ngừng hoạt động: chỉ xem được dữ liệu cũ, không tạo mới.")
        return redirect("units:bloc-list")
    form = BlocForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            bloc = services.create_bloc(by=request.user, **data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Đã tạo “{bloc.name}”.")
            return redirect(bloc)
    return render(request, "units/bloc_form.html", {"form": form})


def bloc_update(request: HttpRequest, pk: int) -> HttpResponse:
    bloc = _visible_bloc(request, pk)
    if not _can_manage_bloc(request.user, bloc):
        raise PermissionDenied
    form = BlocForm(request.POST or None, instance=bloc, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_bloc(by=request.user, bloc=bloc, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu khối thi đua.")
            return redirect(bloc)
    return render(request, "units/bloc_form.html", {"form": form, "bloc": bloc})


@require_POST
def bloc_member_add(request: HttpRequest, pk: int) -> HttpResponse:
    bloc = _visible_bloc(request, pk)
    if not _can_manage_bloc(request.user, bloc):
        raise PermissionDenied
    form = BlocMemberForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            services.set_bloc_member(by=request.user, bloc=bloc, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Đã cập nhật thành viên khối.")
    else:
        messages.error(request, "Chọn đơn vị và vai trò hợp lệ.")
    return redirect(bloc)


@require_POST
def bloc_member_remove(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    bloc = _visible_bloc(request, pk)
    member = get_object_or_404(BlocMember, pk=member_pk, bloc=bloc)
    if not _can_manage_bloc(request.user, bloc):
        raise PermissionDenied
    services.remove_bloc_member(by=request.user, member=member)
    messages.success(request, f"Đã bỏ “{member.organisation.name}” khỏi khối.")
    return redirect(bloc)


# --- Accounts ----------------------------------------------------------------------------------------


def _require_account_manager(request: HttpRequest) -> None:
    if not access.can(request.user, "account.manage"):
        raise Http404


def account_list(request: HttpRequest) -> HttpResponse:
    _require_account_manager(request)
    q = request.GET.get("q", "").strip()
    status = request.GET.get("status", "")
    accounts = selectors.visible_accounts(request.user, q=q, status=status)
    return render(request, "units/account_list.html", {
        "page": paginate(request, accounts), "q": q, "status": status,
        "can_create": access.can_create(request.user, "account.manage"),
    })


def _visible_account(request: HttpRequest, pk: int) -> User:
    _require_account_manager(request)
    return get_object_or_404(selectors.visible_accounts(request.user), pk=pk)


def account_detail(request: HttpRequest, pk: int) -> HttpResponse:
    account = _visible_account(request, pk)
    memberships = list(account.memberships.all())
    person = Person.objects.filter(user=account).select_related("organisation").first()
    can_manage = access.can_manage_account(request.user, account, memberships,
                                           person.organisation if person else None)
    revocable = {m.pk for m in memberships if m.role in access.grantable_roles(request.user, m.organisation)}
    return render(request, "units/account_detail.html", {
        "account": account, "memberships": memberships, "person": person, "can_manage": can_manage,
        "revocable": revocable, "grant_form": GrantRoleForm(user=request.user) if can_manage else None,
        "new_password": request.session.pop(f"new_password_{account.pk}", None),
        "paused_until": login_limits.paused_until(user_id=account.pk),
    })


def account_create(request: HttpRequest) -> HttpResponse:
    _require_account_manager(request)
    if not access.can_create(request.user, "account.manage"):
        messages.warning(request, "Các đơn vị bạn quản lý đã ngừng hoạt động: chỉ xem được dữ liệu cũ, không tạo mới.")
        return redirect("units:account-list")
    initial = {}
    if (person_pk := parse_id(request.GET.get("person"))) is not None:
        person = selectors.visible_people(request.user).filter(pk=person_pk, user__isnull=True).first()
        if person is not None:
            initial = {"full_name": person.full_name, "email": person.email, "employee_code": person.employee_code,
                       "organisation": person.organisation_id, "role": "unit_staff"}
    form = AccountCreateForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            account, password = services.create_account(
                by=request.user, username=data["username"], full_name=data["full_name"], email=data["email"],
                organisation=data["organisation"], role=data["role"], password=data["password"] or None,
                person=data["person"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Đã tạo tài khoản “{account.username}”.")
            if not data["password"]:
                request.session[f"new_password_{account.pk}"] = password
            return redirect(account)
    return render(request, "units/account_form.html", {"form": form})


@require_POST
def account_grant(request: HttpRequest, pk: int) -> HttpResponse:
    account = _visible_account(request, pk)
    form = GrantRoleForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            services.grant_role(by=request.user, account=account, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Đã cấp vai trò.")
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect(account)


@require_POST
def account_revoke(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    account = _visible_account(request, pk)
    membership = get_object_or_404(Membership.objects.select_related("organisation"), pk=membership_pk, user=account)
    services.revoke_role(by=request.user, membership=membership)
    messages.success(request, "Đã thu hồi vai trò.")
    return redirect(account)


@require_POST
def account_set_active(request: HttpRequest, pk: int) -> HttpResponse:
    account = _visible_account(request, pk)
    active = request.POST.get("active") == "1"
    services.set_account_active(by=request.user, account=account, active=active)
    messages.success(request, "Đã mở khóa tài khoản." if active else "Đã khóa tài khoản.")
    return redirect(account)


@require_POST
def account_reset_password(request: HttpRequest, pk: int) -> HttpResponse:
    account = _visible_account(request, pk)
    password = services.reset_password(by=request.user, account=account)
    request.session[f"new_password_{account.pk}"] = password
    messages.success(request, "Đã đặt lại mật khẩu. Người dùng phải đổi mật khẩu khi đăng nhập.")
    return redirect(account)


# --- Excel import and export -----------------------------------------------------------------------------


def units_import(request: HttpRequest) -> HttpResponse:
    if not access.can(request.user, "organisation.manage"):
        raise PermissionDenied
    if not access.can_create(request.user, "organisation.manage"):
        messages.warning(request, "Các đơn vị bạn quản lý đã ngừng hoạt động: không nhập thêm dữ liệu.")
        return redirect("units:organisation-list")
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    result = None
    if request.method == "POST" and form.is_valid():
        try:
            result = services.import_workbook(by=request.user, root=form.cleaned_data["root"],
                                              file=form.cleaned_data["file"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            if not result.errors:
                messages.success(
                    request,
                    f"Đã nhập: {result.created_units} đơn vị mới, {result.updated_units} đơn vị cập nhật, "
                    f"{result.created_people} cá nhân mới, {result.updated_people} cá nhân cập nhật.",
                )
                return redirect("units:import")
    return render(request, "units/import.html", {"form": form, "result": result,
                                                 "roots": selectors.visible_roots(request.user)})


def units_export(request: HttpRequest) -> HttpResponse:
    """The user's visible units and people (or one subtree, ?root=id) as the import workbook."""
    organisations = access.visible_organisations(request.user)
    if (root_pk := parse_id(request.GET.get("root"))) is not None:
        root = get_object_or_404(organisations, pk=root_pk)
        organisations = organisations.filter(path__startswith=root.path)
    organisation_list = list(organisations)
    people = list(selectors.visible_people(request.user).filter(organisation__in=organisations)
                  .order_by("given_name", "full_name"))
    content = excel.export_workbook(organisation_list, people)
    name = f"don-vi-ca-nhan-{clock.today():%Y%m%d}.xlsx"
    return HttpResponse(content, content_type=xlsx.XLSX_CONTENT_TYPE,
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
