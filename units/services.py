"""The only code that changes units, people, blocs and accounts. Each call re-checks access,
runs in one transaction and writes its audit row."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext as _

from common import audit, clock, xlsx
from common.text import nfc, normalise_search
from units import access, login_limits, rules
from units.access import SystemActor
from units.models import Assignment, AuditEvent, Bloc, BlocMember, Membership, Organisation, Person, User

ORGANISATION_FIELDS = [
    "name", "code", "kind", "parent", "has_legal_personality", "document_parent_line",
    "document_name_line", "place_name", "email", "phone", "address", "active_from",
    "closed_on", "successor", "closure_note",
]
PERSON_FIELDS = [
    "full_name", "employee_code", "birth_date", "gender", "organisation", "position",
    "employment_type", "is_direct_worker", "leadership", "email", "phone", "user", "is_active",
]
BLOC_FIELDS = ["name", "organiser", "organiser_text", "description", "is_active"]


def _record(
    *, by: User | SystemActor, organisation: Organisation | None, action: str, target, before=None, after=None,
    reason: str = "", label: str | None = None, changes: list | None = None,
) -> AuditEvent:
    return audit.record(
        AuditEvent, actor=by, organisation=organisation, action=action, target=target, label=label,
        changes=changes if changes is not None else audit.diff(before, after), reason=reason,
    )


def _segment(pk: int) -> str:
    return f"{pk:07d}."


def _fill_search(org: Organisation) -> None:
    org.search_text = normalise_search(f"{org.name} {org.code}")


# --- Organisations -----------------------------------------------------------------------


@transaction.atomic
def create_organisation(*, by: User | SystemActor, parent: Organisation | None, **fields) -> Organisation:
    """Create an organisation under `parent` (a new root needs an administrator; access.SYSTEM for the loaders).

    Raises PermissionDenied, or ValidationError with field errors (code unique within the root).
    """
    if parent is None:
        if not access.is_admin(by):
            raise PermissionDenied
    else:
        access.require(by, "organisation.manage", parent)
    if parent is not None and parent.is_closed:
        raise ValidationError({"parent": _("Đơn vị cấp trên đã ngừng hoạt động.")})
    fields["name"] = nfc(fields.get("name", "")).strip()
    fields["code"] = (fields.get("code") or "").strip()
    org = Organisation(parent=parent, **fields)
    org.full_clean(exclude=["root", "path"], validate_unique=False, validate_constraints=False)
    root_id = parent.root_id if parent is not None else None
    if root_id and Organisation.objects.filter(root_id=root_id, code__iexact=org.code).exists():
        raise ValidationError({"code": _("Ký hiệu này đã được dùng cho một đơn vị khác trong cùng cơ quan gốc.")})
    _fill_search(org)
    org.save()
    org.root_id = root_id or org.pk
    org.path = (parent.path if parent else "") + _segment(org.pk)
    org.depth = parent.depth + 1 if parent else 0
    org.save(update_fields=["root", "path", "depth"])
    _record(by=by, organisation=org, action=AuditEvent.Action.CREATED, target=org,
            after=audit.snapshot(org, ORGANISATION_FIELDS))
    return org


@transaction.atomic
def update_organisation(*, by: User | SystemActor, organisation: Organisation, reason: str = "",
                        **fields) -> Organisation:
    """Change an organisation; a new parent moves the whole subtree (within the same root)."""
    org = Organisation.objects.select_for_update().get(pk=organisation.pk)
    access.require(by, "organisation.manage", org)
    if org.is_closed and not access.is_admin(by):
        raise ValidationError(_("Đơn vị đã ngừng hoạt động: thông tin được giữ nguyên như lịch sử."))
    before = audit.snapshot(org, ORGANISATION_FIELDS)
    new_parent = fields.pop("parent", org.parent)
    for name, value in fields.items():
        setattr(org, name, value)
    org.name = nfc(org.name).strip()
    org.code = (org.code or "").strip()
    org.full_clean(exclude=["root", "path", "parent"], validate_unique=False, validate_constraints=False)
    if Organisation.objects.filter(root_id=org.root_id, code__iexact=org.code).exclude(pk=org.pk).exists():
        raise ValidationError({"code": _("Ký hiệu này đã được dùng cho một đơn vị khác trong cùng cơ quan gốc.")})
    if org.successor_id and org.successor_id == org.pk:
        raise ValidationError({"successor": _("Một đơn vị không thể kế thừa chính nó.")})
    moved = (new_parent.pk if new_parent else None) != org.parent_id
    if moved:
        _check_move(by, org, new_parent)
    _fill_search(org)
    org.parent = new_parent
    org.save()
    if moved:
        _move_subtree(org, new_parent)
    after = audit.snapshot(org, ORGANISATION_FIELDS)
    if audit.diff(before, after):
        _record(by=by, organisation=org, action=AuditEvent.Action.CHANGED, target=org, before=before,
                after=after, reason=reason)
    return org


def _check_move(by: User | SystemActor, org: Organisation, new_parent: Organisation | None) -> None:
    if new_parent is None or org.parent_id is None:
        raise ValidationError({"parent": _("Không thể đổi cơ quan gốc của một cây đơn vị.")})
    if new_parent.path.startswith(org.path):
        raise ValidationError({"parent": _("Không thể chuyển một đơn vị vào chính đơn vị con của nó.")})
    if new_parent.root_id != org.root_id:
        raise ValidationError({"parent": _("Chỉ chuyển được đơn vị trong cùng một cơ quan gốc.")})
    if new_parent.is_closed:
        raise ValidationError({"parent": _("Đơn vị cấp trên đã ngừng hoạt động.")})
    access.require(by, "organisation.manage", new_parent)


def _move_subtree(org: Organisation, new_parent: Organisation) -> None:
    old_path = org.path
    new_path = new_parent.path + _segment(org.pk)
    shift = new_parent.depth + 1 - org.depth
    Organisation.objects.filter(path__startswith=old_path).update(
        path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
        depth=F("depth") + shift,
    )
    org.refresh_from_db(fields=["path", "depth"])


@transaction.atomic
def close_organisation(
    *, by: User | SystemActor, organisation: Organisation, closed_on: date, successor: Organisation | None = None,
    note: str = "", include_subtree: bool = True, move_people: bool = False,
) -> int:
    """Close an organisation (and, by default, its open descendants) on `closed_on`. With
    `move_people`, the staff of the closed units move to the successor on that day. Returns how
    many organisations were closed."""
    org = Organisation.objects.select_for_update().get(pk=organisation.pk)
    access.require(by, "organisation.manage", org)
    if successor is not None and not access.can_see(by, successor):
        raise PermissionDenied
    if successor is not None and successor.path.startswith(org.path):
        raise ValidationError({"successor": _("Đơn vị kế thừa không được nằm trong chính đơn vị bị đóng.")})
    if successor is not None and successor.is_closed:
        raise ValidationError({"successor": _("Đơn vị kế thừa cũng đã ngừng hoạt động.")})
    # The loaders transcribe past closures, which a person could not enter today.
    if not access.is_system(by):
        problem = rules.closing_date_problem(closed_on, org.active_from, clock.today())
        if problem:
            raise ValidationError({"closed_on": problem})
    if move_people:
        if successor is None:
            raise ValidationError({"successor": _("Chọn đơn vị kế thừa để chuyển cá nhân sang.")})
        if successor.root_id != org.root_id:
            raise ValidationError({"successor": _("Chỉ chuyển được cá nhân sang đơn vị kế thừa trong cùng cơ quan gốc; "
                                                  "bỏ chọn chuyển cá nhân, hoặc chuyển từng người sau.")})
    targets = [org]
    if include_subtree:
        targets += list(
            Organisation.objects.filter(path__startswith=org.path, closed_on__isnull=True).exclude(pk=org.pk)
        )
    for target in targets:
        before = audit.snapshot(target, ORGANISATION_FIELDS)
        target.closed_on = closed_on
        if target.pk == org.pk:
            target.successor = successor
            target.closure_note = note
        target.save(update_fields=["closed_on", "successor", "closure_note", "updated_at"])
        _record(by=by, organisation=target, action=AuditEvent.Action.CHANGED, target=target, before=before,
                after=audit.snapshot(target, ORGANISATION_FIELDS), reason=note)
    if move_people:
        for person in Person.objects.filter(organisation__in=targets, is_active=True):
            _transfer_on_closure(by, person, successor, closed_on)
    return len(targets)


def _transfer_on_closure(by: User | SystemActor, person: Person, successor: Organisation, day: date) -> None:
    current = Assignment.objects.filter(person=person, end_date__isnull=True).order_by("-start_date").first()
    start = current.start_date if current is not None else None
    update_person(by=by, person=person, organisation=successor, transfer_date=max(day, start) if start else day,
                  reason="Chuyển sang đơn vị kế thừa khi đơn vị cũ ngừng hoạt động")


@transaction.atomic
def reopen_organisation(*, by: User | SystemActor, organisation: Organisation, reason: str = "") -> Organisation:
    org = Organisation.objects.select_for_update().get(pk=organisation.pk)
    # Undoing a merger or dissolution is the administrator's call: the body's own staff cannot
    # resurrect it to get their old rights back.
    if not access.is_admin(by):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi lý do mở lại (văn bản, quyết định).")})
    if org.parent is not None and org.parent.is_closed:
        raise ValidationError(_("Đơn vị cấp trên đã ngừng hoạt động; hãy mở lại đơn vị cấp trên trước."))
    before = audit.snapshot(org, ORGANISATION_FIELDS)
    org.closed_on = None
    org.successor = None
    org.save(update_fields=["closed_on", "successor", "updated_at"])
    _record(by=by, organisation=org, action=AuditEvent.Action.CHANGED, target=org, before=before,
            after=audit.snapshot(org, ORGANISATION_FIELDS), reason=reason)
    return org


# --- People ----------------------------------------------------------------------------------


def _fill_person(person: Person) -> None:
    person.full_name = " ".join(nfc(person.full_name).split())
    person.given_name = person.full_name.rsplit(" ", 1)[-1] if person.full_name else ""
    person.search_text = normalise_search(f"{person.full_name} {person.employee_code} {person.position}")


def _check_person_code(person: Person) -> None:
    clash = Person.objects.filter(issuer_id=person.issuer_id, employee_code__iexact=person.employee_code)
    if person.pk:
        clash = clash.exclude(pk=person.pk)
    if clash.exists():
        raise ValidationError({"employee_code": _("Mã cán bộ này đã có trong cơ quan.")})


@transaction.atomic
def create_person(*, by: User | SystemActor, organisation: Organisation, start_date: date | None = None,
                  **fields) -> Person:
    """Add a person to an organisation; opens their first assignment."""
    access.require(by, "person.manage", organisation)
    if organisation.is_closed:
        raise ValidationError({"organisation": _("Đơn vị đã ngừng hoạt động.")})
    person = Person(organisation=organisation, issuer_id=organisation.root_id, **fields)
    person.employee_code = (person.employee_code or "").strip()
    _fill_person(person)
    person.full_clean(exclude=["issuer", "given_name", "search_text"], validate_unique=False,
                      validate_constraints=False)
    _check_person_code(person)
    person.save()
    Assignment.objects.create(person=person, organisation=organisation, position=person.position,
                              start_date=start_date or clock.today())
    _record(by=by, organisation=organisation, action=AuditEvent.Action.CREATED, target=person,
            after=audit.snapshot(person, PERSON_FIELDS))
    return person


@transaction.atomic
def update_person(
    *, by: User | SystemActor, person: Person, transfer_date: date | None = None, reason: str = "", **fields
) -> Person:
    """Change a person; a new organisation is a transfer that closes the current assignment."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    access.require(by, "person.manage", person.organisation)
    before = audit.snapshot(person, PERSON_FIELDS)
    new_org = fields.pop("organisation", person.organisation)
    for name, value in fields.items():
        setattr(person, name, value)
    person.employee_code = (person.employee_code or "").strip()
    _fill_person(person)
    transferred = new_org.pk != person.organisation_id
    if transferred:
        access.require(by, "person.manage", new_org)
        if new_org.root_id != person.issuer_id:
            raise ValidationError({"organisation": _("Chỉ chuyển được trong cùng một cơ quan gốc.")})
        if new_org.is_closed:
            raise ValidationError({"organisation": _("Đơn vị đã ngừng hoạt động.")})
    person.organisation = new_org
    person.full_clean(exclude=["issuer", "given_name", "search_text"], validate_unique=False,
                      validate_constraints=False)
    _check_person_code(person)
    current = Assignment.objects.filter(person=person, end_date__isnull=True).order_by("-start_date").first()
    day = transfer_date or clock.today()
    if transferred:
        problem = rules.transfer_date_problem(day, current.start_date if current else None, clock.today())
        if problem:
            raise ValidationError({"transfer_date": problem})
    person.save()
    if transferred:
        if current is not None and current.start_date == day:
            # Moved on the day they started there: a correction, not a stay worth keeping.
            current.organisation = new_org
            current.position = person.position
            current.save(update_fields=["organisation", "position"])
        else:
            if current is not None:
                current.end_date = day - timedelta(days=1)
                current.save(update_fields=["end_date"])
            Assignment.objects.create(person=person, organisation=new_org, position=person.position, start_date=day)
    elif "position" in fields:
        Assignment.objects.filter(person=person, end_date__isnull=True).update(position=person.position)
    after = audit.snapshot(person, PERSON_FIELDS)
    if audit.diff(before, after):
        _record(by=by, organisation=person.organisation, action=AuditEvent.Action.CHANGED, target=person,
                before=before, after=after, reason=reason)
    return person


# --- Blocs -------------------------------------------------------------------------------------


def _require_bloc(by: User | SystemActor, organiser: Organisation | None) -> None:
    if organiser is None:
        if not access.is_admin(by):
            raise PermissionDenied
    else:
        access.require(by, "bloc.manage", organiser)


@transaction.atomic
def create_bloc(*, by: User | SystemActor, organiser: Organisation | None, **fields) -> Bloc:
    _require_bloc(by, organiser)
    bloc = Bloc(organiser=organiser, **fields)
    bloc.name = nfc(bloc.name).strip()
    bloc.search_text = normalise_search(bloc.name)
    bloc.full_clean()
    bloc.save()
    _record(by=by, organisation=organiser, action=AuditEvent.Action.CREATED, target=bloc,
            after=audit.snapshot(bloc, BLOC_FIELDS))
    return bloc


@transaction.atomic
def update_bloc(*, by: User | SystemActor, bloc: Bloc, **fields) -> Bloc:
    bloc = Bloc.objects.select_for_update().get(pk=bloc.pk)
    _require_bloc(by, bloc.organiser)
    if "organiser" in fields and fields["organiser"] != bloc.organiser:
        _require_bloc(by, fields["organiser"])
    before = audit.snapshot(bloc, BLOC_FIELDS)
    for name, value in fields.items():
        setattr(bloc, name, value)
    bloc.name = nfc(bloc.name).strip()
    bloc.search_text = normalise_search(bloc.name)
    bloc.full_clean()
    bloc.save()
    after = audit.snapshot(bloc, BLOC_FIELDS)
    if audit.diff(before, after):
        _record(by=by, organisation=bloc.organiser, action=AuditEvent.Action.CHANGED, target=bloc,
                before=before, after=after)
    return bloc


@transaction.atomic
def set_bloc_member(*, by: User | SystemActor, bloc: Bloc, organisation: Organisation, role: str) -> BlocMember:
    """Add an organisation to a bloc or change its role there."""
    _require_bloc(by, bloc.organiser)
    if not access.can_see(by, organisation):
        raise PermissionDenied
    if role not in BlocMember.Role.values:
        raise ValidationError({"role": _("Vai trò không hợp lệ.")})
    if role == BlocMember.Role.HEAD:
        head = bloc.members.filter(role=BlocMember.Role.HEAD).exclude(organisation=organisation).first()
        if head is not None:
            raise ValidationError({"role": _("Khối đã có trưởng khối (%(name)s). Đổi vai trò của đơn vị đó trước.")
                                   % {"name": head.organisation.name}})
    member, created = BlocMember.objects.get_or_create(bloc=bloc, organisation=organisation,
                                                       defaults={"role": role})
    old_role = "" if created else member.get_role_display()
    if not created and member.role != role:
        member.role = role
        member.save(update_fields=["role"])
    if created or old_role != member.get_role_display():
        _record(by=by, organisation=bloc.organiser, action=AuditEvent.Action.CHANGED, target=bloc,
                changes=[{"field": "members", "label": f"Thành viên: {organisation}",
                          "before": old_role, "after": member.get_role_display()}])
    return member


@transaction.atomic
def remove_bloc_member(*, by: User | SystemActor, member: BlocMember) -> None:
    bloc = member.bloc
    _require_bloc(by, bloc.organiser)
    _record(by=by, organisation=bloc.organiser, action=AuditEvent.Action.CHANGED, target=bloc,
            changes=[{"field": "members", "label": f"Thành viên: {member.organisation}",
                      "before": member.get_role_display(), "after": ""}])
    member.delete()


# --- Accounts --------------------------------------------------------------------------------


def generate_password() -> str:
    """A temporary password people can read aloud over the phone: no 0/O or 1/l."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "".join(secrets.choice(alphabet) for _ in range(10))


def _require_grant(by: User | SystemActor, organisation: Organisation, role: str) -> None:
    if role not in access.grantable_roles(by, organisation):
        raise PermissionDenied


def _require_account(by: User | SystemActor, account: User) -> None:
    person_org = Person.objects.filter(user=account).select_related("organisation").first()
    if not access.can_manage_account(by, account, account.memberships.select_related("organisation"),
                                     person_org.organisation if person_org else None):
        raise PermissionDenied


@transaction.atomic
def create_account(
    *, by: User | SystemActor, username: str, full_name: str, email: str, organisation: Organisation, role: str,
    password: str | None = None, person: Person | None = None, must_change_password: bool = True,
) -> tuple[User, str]:
    """Create a login with its first role. Returns the user and the password to hand over."""
    _require_grant(by, organisation, role)
    username = username.strip()
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("Tên đăng nhập này đã có người dùng.")})
    if email.strip() and User.objects.filter(email__iexact=email.strip()).exists():
        raise ValidationError({"email": _("Thư điện tử này đã dùng cho một tài khoản khác.")})
    if person is not None:
        if not access.can(by, "account.manage", person.organisation):
            raise PermissionDenied
        if person.user_id:
            raise ValidationError({"person": _("Cá nhân này đã có tài khoản.")})
    password = password or generate_password()
    user = User(username=username, full_name=nfc(full_name).strip(), email=email.strip(),
                must_change_password=must_change_password)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as exc:
        raise ValidationError({"username": _("Tên đăng nhập này đã có người dùng.")}) from exc
    Membership.objects.create(user=user, organisation=organisation, role=role, granted_by=access.user_or_none(by))
    if person is not None:
        person.user = user
        person.save(update_fields=["user", "updated_at"])
    _record(by=by, organisation=organisation, action=AuditEvent.Action.ACCOUNT, target=user,
            label=f"{user.username} ({user.get_full_name()})",
            changes=[{"field": "account", "label": "Tạo tài khoản", "before": "",
                      "after": f"{Membership.Role(role).label} – {organisation}"}])
    return user, password


@transaction.atomic
def grant_role(*, by: User | SystemActor, account: User, organisation: Organisation, role: str) -> Membership:
    _require_account(by, account)
    _require_grant(by, organisation, role)
    if account.pk == by.pk:
        raise PermissionDenied
    membership, created = Membership.objects.get_or_create(
        user=account, organisation=organisation, role=role, defaults={"granted_by": access.user_or_none(by)}
    )
    if not created:
        raise ValidationError(_("Tài khoản đã có vai trò này tại đơn vị này."))
    access.forget(account)
    _record(by=by, organisation=organisation, action=AuditEvent.Action.ACCOUNT, target=account,
            label=f"{account.username} ({account.get_full_name()})",
            changes=[{"field": "role", "label": "Cấp vai trò", "before": "",
                      "after": f"{membership.get_role_display()} – {organisation}"}])
    return membership


@transaction.atomic
def revoke_role(*, by: User | SystemActor, membership: Membership) -> None:
    account = membership.user
    _require_account(by, account)
    _require_grant(by, membership.organisation, membership.role)
    _record(by=by, organisation=membership.organisation, action=AuditEvent.Action.ACCOUNT, target=account,
            label=f"{account.username} ({account.get_full_name()})",
            changes=[{"field": "role", "label": "Thu hồi vai trò",
                      "before": f"{membership.get_role_display()} – {membership.organisation}", "after": ""}])
    membership.delete()
    access.forget(account)


@transaction.atomic
def set_account_active(*, by: User | SystemActor, account: User, active: bool) -> User:
    _require_account(by, account)
    if account.is_active == active:
        return account
    account.is_active = active
    account.save(update_fields=["is_active"])
    first = account.memberships.select_related("organisation").first()
    _record(by=by, organisation=first.organisation if first else None, action=AuditEvent.Action.ACCOUNT,
            target=account, label=f"{account.username} ({account.get_full_name()})",
            changes=[{"field": "is_active", "label": "Trạng thái tài khoản",
                      "before": "Đang hoạt động" if not active else "Đã khóa",
                      "after": "Đang hoạt động" if active else "Đã khóa"}])
    # An inactive user's session stops authenticating on its next request (ModelBackend.get_user).
    return account


@transaction.atomic
def reset_password(*, by: User | SystemActor, account: User) -> str:
    """Give the account a new temporary password that must be changed at the next login."""
    _require_account(by, account)
    password = generate_password()
    account.set_password(password)
    account.must_change_password = True
    # The new password hash invalidates the account's open sessions (session auth hash).
    account.save(update_fields=["password", "must_change_password"])
    # The login page tells a paused user to ask for a reset: the reset lifts the pause.
    login_limits.lift_pause(user_id=account.pk)
    first = account.memberships.select_related("organisation").first()
    _record(by=by, organisation=first.organisation if first else None, action=AuditEvent.Action.ACCOUNT,
            target=account, label=f"{account.username} ({account.get_full_name()})",
            changes=[{"field": "password", "label": "Đặt lại mật khẩu", "before": "", "after": "Mật khẩu tạm"}])
    return password


@transaction.atomic
def change_own_password(*, user: User, new_password: str) -> None:
    user.set_password(new_password)
    user.must_change_password = False
    user.save(update_fields=["password", "must_change_password"])
    first = user.memberships.select_related("organisation").first()
    _record(by=user, organisation=first.organisation if first else None, action=AuditEvent.Action.ACCOUNT,
            target=user, label=f"{user.username} ({user.get_full_name()})",
            changes=[{"field": "password", "label": "Tự đổi mật khẩu", "before": "", "after": "Đã đổi"}])


# --- Excel import ------------------------------------------------------------------------------


@dataclass
class ImportResult:
    errors: list = field(default_factory=list)
    created_units: int = 0
    updated_units: int = 0
    created_people: int = 0
    updated_people: int = 0


def import_workbook(*, by: User, root: Organisation, file) -> ImportResult:
    """Create or update the units and people of one issuer from a workbook (units/excel.py).

    Every row is checked first; if any row is wrong nothing is saved and the errors come back
    by sheet, row and column. Existing units match on their ký hiệu, people on their mã cán bộ.
    """
    from units import excel

    access.require(by, "organisation.manage", root)
    result = ImportResult()
    try:
        parsed = excel.parse_workbook(file, clock.today())
    except xlsx.WorkbookError as exc:
        raise ValidationError({"file": str(exc)}) from exc
    errors = list(parsed.errors)
    existing = {o.code.lower(): o for o in Organisation.objects.filter(root=root)}
    file_units: dict[str, excel.UnitRow] = {}
    for row in parsed.units:
        key = row.code.lower()
        if not key:
            continue
        if key in file_units:
            errors.append(excel.RowError(excel.UNIT_SHEET, row.row, "Ký hiệu",
                                         f"trùng với dòng {file_units[key].row}."))
            continue
        file_units[key] = row
    for key, row in file_units.items():
        current = existing.get(key)
        if current is not None and current.pk == root.pk:
            if row.parent_code:
                errors.append(excel.RowError(excel.UNIT_SHEET, row.row, "Ký hiệu đơn vị cấp trên",
                                             "cơ quan gốc không có đơn vị cấp trên."))
            continue
        if not row.parent_code:
            errors.append(excel.RowError(excel.UNIT_SHEET, row.row, "Ký hiệu đơn vị cấp trên",
                                         "không được để trống."))
            continue
        parent_key = row.parent_code.lower()
        if parent_key == key:
            errors.append(excel.RowError(excel.UNIT_SHEET, row.row, "Ký hiệu đơn vị cấp trên",
                                         "một đơn vị không thể là cấp trên của chính nó."))
        elif parent_key not in file_units and parent_key not in existing:
            errors.append(excel.RowError(excel.UNIT_SHEET, row.row, "Ký hiệu đơn vị cấp trên",
                                         f"không có đơn vị “{row.parent_code}” trong tệp hoặc trong cơ quan."))
        elif parent_key in existing and existing[parent_key].is_closed and (
                current is None or current.parent_id != existing[parent_key].pk):
            # Only a new unit, or one moved there, may not go under a closed parent.
            errors.append(excel.RowError(excel.UNIT_SHEET, row.row, "Ký hiệu đơn vị cấp trên",
                                         f"đơn vị “{row.parent_code}” đã ngừng hoạt động."))
        if current is not None and not access.can(by, "organisation.manage", current):
            errors.append(excel.RowError(excel.UNIT_SHEET, row.row, "Ký hiệu",
                                         "bạn không có quyền sửa đơn vị này."))
    order = _unit_order(file_units, existing, errors)
    file_people: dict[str, excel.PersonRow] = {}
    people = {p.employee_code.lower(): p for p in Person.objects.filter(issuer=root).select_related("organisation")}
    for row in parsed.people:
        key = row.employee_code.lower()
        if not key:
            continue
        if key in file_people:
            errors.append(excel.RowError(excel.PEOPLE_SHEET, row.row, "Mã cán bộ",
                                         f"trùng với dòng {file_people[key].row}."))
            continue
        file_people[key] = row
        unit_key = row.unit_code.lower()
        current = people.get(key)
        if unit_key and unit_key not in file_units and unit_key not in existing:
            errors.append(excel.RowError(excel.PEOPLE_SHEET, row.row, "Ký hiệu đơn vị",
                                         f"không có đơn vị “{row.unit_code}” trong tệp hoặc trong cơ quan."))
        elif unit_key in existing and existing[unit_key].is_closed and (
                current is None or current.organisation_id != existing[unit_key].pk):
            errors.append(excel.RowError(excel.PEOPLE_SHEET, row.row, "Ký hiệu đơn vị",
                                         f"đơn vị “{row.unit_code}” đã ngừng hoạt động."))
        if current is not None and not access.can(by, "person.manage", current.organisation):
            errors.append(excel.RowError(excel.PEOPLE_SHEET, row.row, "Mã cán bộ",
                                         "bạn không có quyền sửa hồ sơ cá nhân này."))
    if errors:
        result.errors = sorted(errors, key=lambda e: (e.sheet != excel.UNIT_SHEET, e.row))
        return result
    try:
        with transaction.atomic():
            _apply_import(by, root, order, file_units, existing, file_people, people, result)
    except ValidationError as exc:
        result.errors = [excel.RowError("", 0, "", "; ".join(exc.messages))]
        result.created_units = result.updated_units = result.created_people = result.updated_people = 0
    return result


def _unit_order(file_units: dict, existing: dict, errors: list) -> list[str]:
    """Codes in an order where each parent comes before its children; cycles are errors."""
    from units import excel

    ordered, state = [], {}

    def visit(key: str, trail: list[str]) -> None:
        if state.get(key) == "done":
            return
        if state.get(key) == "visiting":
            row = file_units[key]
            errors.append(excel.RowError(excel.UNIT_SHEET, row.row, "Ký hiệu đơn vị cấp trên",
                                         "vòng lặp cấp trên: " + " → ".join(trail + [key]) + "."))
            return
        state[key] = "visiting"
        parent = file_units[key].parent_code.lower()
        if parent in file_units and parent != key:
            visit(parent, trail + [key])
        state[key] = "done"
        ordered.append(key)

    for key in file_units:
        visit(key, [])
    return ordered


def _apply_import(by, root, order, file_units, existing, file_people, people, result) -> None:
    orgs = dict(existing)
    for key in order:
        row = file_units[key]
        values = {"name": row.name, "kind": row.kind, "has_legal_personality": row.has_legal_personality,
                  "email": row.email, "phone": row.phone, "address": row.address}
        current = orgs.get(key)
        if current is not None and current.pk == root.pk:
            if _differs(current, values):
                update_organisation(by=by, organisation=current, reason="Nhập từ Excel", **values)
                result.updated_units += 1
            continue
        parent = orgs[row.parent_code.lower()]
        if current is None:
            orgs[key] = create_organisation(by=by, parent=parent, code=row.code, **values)
            result.created_units += 1
        elif _differs(current, {**values, "parent_id": parent.pk}):
            orgs[key] = update_organisation(by=by, organisation=current, parent=parent, reason="Nhập từ Excel",
                                            code=current.code, **values)
            result.updated_units += 1
    for key, row in file_people.items():
        values = {"full_name": row.full_name, "birth_date": row.birth_date, "gender": row.gender,
                  "position": row.position, "employment_type": row.employment_type,
                  "is_direct_worker": row.is_direct_worker, "email": row.email, "phone": row.phone}
        if row.leadership is not None:
            values["leadership"] = row.leadership
        organisation = orgs[row.unit_code.lower()]
        current = people.get(key)
        if current is None:
            create_person(by=by, organisation=organisation, employee_code=row.employee_code, **values)
            result.created_people += 1
        elif _differs(current, {**values, "organisation_id": organisation.pk}):
            update_person(by=by, person=current, organisation=organisation, reason="Nhập từ Excel", **values)
            result.updated_people += 1


def _differs(instance, values: dict) -> bool:
    """Would these values change the row? Re-importing an exported file changes nothing."""
    return any(getattr(instance, name) != value for name, value in values.items())
