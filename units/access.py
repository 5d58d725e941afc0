"""Who may see and do what. The only module that answers it (architecture.md, roles table).

Answers are in organisations and roles only; each app's `visible_to(user)` queryset and each
service apply them to their own objects. A membership's scope is the whole subtree of its
organisation. An administrator's scope is everything, but like every role it acts only where the
roles table gives it a "yes" (ACTIONS): it reads every tree, it does not enter a unit's results,
review nominations or issue decisions.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from units.models import Membership, Organisation

if TYPE_CHECKING:
    from units.models import User

Role = Membership.Role
ALL_ROLES = frozenset(Role.values)
ISSUER_ROLES = frozenset({Role.SECRETARIAT, Role.COUNCIL_MEMBER, Role.LEADER})
UNIT_ROLES = frozenset({Role.UNIT_STAFF, Role.UNIT_HEAD})

# action → roles that may perform it within their scope; an administrator's scope is every tree.
ACTIONS: dict[str, frozenset[str]] = {
    "view": ALL_ROLES,
    "organisation.manage": frozenset({Role.SECRETARIAT, Role.ADMIN}),
    "person.manage": frozenset({Role.SECRETARIAT, Role.ADMIN}),
    "bloc.manage": frozenset({Role.SECRETARIAT, Role.ADMIN}),
    "account.manage": frozenset({Role.SECRETARIAT, Role.ADMIN}),
    "campaign.manage": frozenset({Role.SECRETARIAT, Role.LEADER, Role.ADMIN}),
    # A campaign's roll-up of its units (issue 19, point 7): the issuer's secretariat acts on it
    # (through results.review and nomination.review), the leader and the administrator read it.
    "campaign.rollup": frozenset({Role.SECRETARIAT, Role.LEADER, Role.ADMIN}),
    "results.enter": UNIT_ROLES,
    "results.review": frozenset({Role.SECRETARIAT}),
    "nomination.prepare": UNIT_ROLES,
    "nomination.review": frozenset({Role.SECRETARIAT}),
    "unit_titles.decide": frozenset({Role.UNIT_HEAD}),
    "council.record": frozenset({Role.SECRETARIAT, Role.COUNCIL_MEMBER}),
    # The standing council by term (issue 19, point 3): the secretariat keeps its members; the
    # leader and the council's members read it.
    "council.manage": frozenset({Role.SECRETARIAT}),
    "council.view": frozenset({Role.SECRETARIAT, Role.LEADER, Role.COUNCIL_MEMBER}),
    "decision.issue": frozenset({Role.LEADER}),
    # Summary reports: the issuer's for the whole campaign (the secretariat drafts it and records
    # the registry's number, the leader signs), a unit's for its own part (its head issues it).
    "report.prepare": frozenset({Role.SECRETARIAT, Role.LEADER}),
    "report.issue": frozenset({Role.SECRETARIAT, Role.LEADER}),
    "unit_report.prepare": UNIT_ROLES,
    "unit_report.issue": frozenset({Role.UNIT_HEAD}),
    "catalogue.manage": frozenset({Role.ADMIN}),
    # The reward fund (quỹ thi đua, khen thưởng): the secretariat records what comes in; the
    # leader who signs the decisions reads it; an administrator reads every issuer's.
    "fund.manage": frozenset({Role.SECRETARIAT}),
    "fund.view": frozenset({Role.SECRETARIAT, Role.LEADER, Role.ADMIN}),
    # The statistics forms on awards (TT 02/2023/TT-BNV, issue 16): the secretariat types what
    # cannot be counted; the leader who signs them reads them.
    "statistics.prepare": frozenset({Role.SECRETARIAT}),
    "statistics.view": frozenset({Role.SECRETARIAT, Role.LEADER, Role.ADMIN}),
    # The certificates the province trusts to verify signed documents (issue 14): one list for all.
    "trust.manage": frozenset({Role.ADMIN}),
}

class SystemActor:
    """The application itself acting: the demo and document loaders, the scale generator, the
    document worker. Not a user: it may do everything, and its audit rows name no one (the
    history pages show "Hệ thống"). Services take it explicitly, so a missing actor (None) is an
    error instead of a silent pass."""

    is_system = True
    is_authenticated = True
    is_active = True
    is_superuser = True
    pk = id = None
    username = "hệ thống"

    def __str__(self) -> str:
        return self.username

    def get_full_name(self) -> str:
        return self.username


SYSTEM = SystemActor()


def is_system(user: User | SystemActor) -> bool:
    """Is this the application acting? Raises TypeError for no actor at all."""
    if user is None:
        raise TypeError("a service needs an actor: a user or access.SYSTEM")
    return getattr(user, "is_system", False)


def user_or_none(user: User | SystemActor) -> User | None:
    """What a row's `…_by` user column stores: the user, or no one for the system."""
    return None if is_system(user) else user


# Which roles a manager may hand out (roles table: "manage users and memberships").
GRANTABLE: dict[str, frozenset[str]] = {
    Role.SECRETARIAT: frozenset({Role.UNIT_STAFF, Role.UNIT_HEAD, Role.COUNCIL_MEMBER}),
    Role.ADMIN: ALL_ROLES,
}


def memberships(user: User) -> list[Membership]:
    """The user's memberships with their organisations, read once per request."""
    if is_system(user) or not user.is_authenticated or not user.is_active:
        return []
    cached = getattr(user, "_memberships_cache", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user).select_related("organisation"))
        user._memberships_cache = cached
    return cached


def forget(user: User) -> None:
    """Drop the per-request cache after the user's memberships changed."""
    user.__dict__.pop("_memberships_cache", None)


def is_admin(user: User) -> bool:
    if is_system(user):
        return True
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or any(m.role == Role.ADMIN for m in memberships(user))


def roles(user: User) -> set[str]:
    return {m.role for m in memberships(user)} | ({Role.ADMIN} if is_admin(user) else set())


def _admin_may(user: User, action: str) -> bool:
    """An administrator performs `action` everywhere if the roles table gives the role a "yes"."""
    return Role.ADMIN in ACTIONS[action] and is_admin(user)


def _paths(user: User, allowed: Iterable[str] | None = None) -> list[str]:
    allowed = ALL_ROLES if allowed is None else frozenset(allowed)
    paths = sorted({m.organisation.path for m in memberships(user) if m.role in allowed})
    # A path inside another adds nothing to the filter.
    return [p for i, p in enumerate(paths) if not any(p.startswith(q) for q in paths[:i])]


def subtree_q(paths: Iterable[str], field: str = "path") -> Q:
    """Q matching organisations (or, with field="organisation__path", rows of them) in the subtrees."""
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(**{f"{field}__startswith": path})
    return query


def visible_organisations(user: User) -> QuerySet[Organisation]:
    """Every organisation the user may see: the subtrees of their memberships."""
    if is_admin(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(subtree_q(_paths(user)))


def organisations_for(user: User, action: str) -> QuerySet[Organisation]:
    """Organisations on which the user may perform `action`."""
    if _admin_may(user, action):
        return Organisation.objects.all()
    return Organisation.objects.filter(subtree_q(_paths(user, ACTIONS[action])))


def can_create(user: User, action: str) -> bool:
    """Is there an open organisation where the user may perform `action`? (A secretariat of a
    body closed by the 2025 reform still reads its history but creates nothing new.)"""
    if _admin_may(user, action):
        return True
    allowed = [m for m in memberships(user) if m.role in ACTIONS[action]]
    if any(not m.organisation.is_closed for m in allowed):
        return True  # an open organisation is in its own subtree: no query needed
    return bool(allowed) and organisations_for(user, action).filter(closed_on__isnull=True).exists()


def scope_q(user: User, action: str = "view", field: str = "path") -> Q | None:
    """A filter for rows whose organisation (reached through `field`) is in scope; None = all."""
    if _admin_may(user, action):
        return None
    return subtree_q(_paths(user, ACTIONS[action]), field)


def roles_on(user: User, organisation: Organisation) -> set[str]:
    """Roles the user holds over this organisation (at it or at an ancestor); an administrator
    holds its role over every organisation."""
    if is_system(user):
        return set(ALL_ROLES)
    held = {m.role for m in memberships(user) if organisation.path.startswith(m.organisation.path)}
    return (held | {Role.ADMIN}) if is_admin(user) else held


def can(user: User, action: str, organisation: Organisation | None = None) -> bool:
    """May the user perform `action` on this organisation (or anywhere, when none is given)?"""
    allowed = ACTIONS[action]
    if is_system(user):
        return True
    if _admin_may(user, action):
        return True
    if organisation is None:
        return any(m.role in allowed for m in memberships(user))
    return bool(roles_on(user, organisation) & allowed)


def require(user: User, action: str, organisation: Organisation | None = None) -> None:
    if not can(user, action, organisation):
        raise PermissionDenied


def visible_ids(user: User, ids: Iterable[int]) -> set[int]:
    """Which of these organisations the user may open (one query): pages link only to those."""
    ids = {i for i in ids if i is not None}
    if not ids:
        return set()
    if len(ids) > LONG_ID_LIST:
        # A country's 3.000 ids in an IN list cost PostgreSQL more than reading the user's subtrees.
        return ids & set(visible_organisations(user).values_list("pk", flat=True))
    return set(visible_organisations(user).filter(pk__in=ids).values_list("pk", flat=True))


LONG_ID_LIST = 500


def can_see(user: User, organisation: Organisation) -> bool:
    return can(user, "view", organisation)


def grantable_roles(user: User, organisation: Organisation) -> list[str]:
    """Roles the user may grant at this organisation, in display order."""
    held = roles_on(user, organisation)
    allowed: set[str] = set()
    for role in held:
        allowed |= GRANTABLE.get(role, frozenset())
    return [value for value in Role.values if value in allowed]


def can_manage_account(
    user: User,
    account: User,
    account_memberships: Iterable[Membership],
    person_organisation: Organisation | None = None,
) -> bool:
    """A manager may act on an account only when every role it holds lies in the manager's reach.

    Otherwise a secretariat could lock out someone another tree depends on, or an administrator.
    An account without roles is reached through the person it belongs to.
    """
    if account.pk == user.pk:
        return False
    if is_admin(user):
        return True
    if account.is_superuser:
        return False
    account_memberships = list(account_memberships)
    if not account_memberships:
        return person_organisation is not None and can(user, "account.manage", person_organisation)
    return all(m.role in grantable_roles(user, m.organisation) for m in account_memberships)
