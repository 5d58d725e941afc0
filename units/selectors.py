"""What the units pages show, each in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from common import search
from common.text import vi_sort_key
from units import access
from units.models import AuditEvent, Bloc, BlocMember, Membership, Organisation, Person, User


@dataclass
class TreeNode:
    organisation: Organisation
    level: int
    children: list[TreeNode] = field(default_factory=list)

    @property
    def descendant_count(self) -> int:
        return sum(1 + child.descendant_count for child in self.children)


def sort_tree(organisations: list[Organisation]) -> list[TreeNode]:
    """Nest organisations under their parents (those whose parent is absent become roots),
    siblings in Vietnamese alphabetical order."""
    by_id = {org.pk: TreeNode(org, 0) for org in organisations}
    roots: list[TreeNode] = []
    for node in by_id.values():
        parent = by_id.get(node.organisation.parent_id)
        (parent.children if parent else roots).append(node)

    def order(nodes: list[TreeNode], level: int) -> None:
        nodes.sort(key=lambda n: (n.organisation.is_closed, vi_sort_key(n.organisation.name)))
        for node in nodes:
            node.level = level
            order(node.children, level + 1)

    order(roots, 0)
    return roots


def flatten(nodes: list[TreeNode], max_level: int | None = None) -> list[TreeNode]:
    out: list[TreeNode] = []
    for node in nodes:
        out.append(node)
        if max_level is None or node.level < max_level:
            out.extend(flatten(node.children, max_level))
    return out


def fold_level(nodes: list[TreeNode], limit: int) -> int | None:
    """The deepest level to which the tree can be shown in at most `limit` rows (None: all of it;
    at least the roots). A province is 300 units, a country 3.000: the page shows the upper levels
    and each unit's page lists its own."""
    flat = flatten(nodes)
    if len(flat) <= limit:
        return None
    level = 0
    while len([n for n in flat if n.level <= level + 1]) <= limit:
        level += 1
    return level


class _Outline(NamedTuple):
    """What the tree's shape needs of a unit, read for all of them (a country has 3.000)."""
    pk: int
    parent_id: int | None
    name: str
    closed_on: object

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None


def organisation_tree(user: User, *, include_closed: bool = False, limit: int | None = None
                      ) -> tuple[list[TreeNode], int | None]:
    """The user's visible organisations as a flat tree with active staff counts, folded to the
    levels that fit `limit` rows (fold_level): the rows shown and the level folded at. Two
    queries: the outline of every unit, then the units shown in full."""
    visible = access.visible_organisations(user)
    if not include_closed:
        visible = visible.filter(closed_on__isnull=True)
    tree = sort_tree([_Outline(*row) for row in visible.values_list("pk", "parent_id", "name", "closed_on")])
    folded_at = fold_level(tree, limit) if limit else None
    shown = flatten(tree, folded_at)
    full = Organisation.objects.filter(pk__in=[node.organisation.pk for node in shown]).annotate(
        people_count=Count("people", filter=Q(people__is_active=True)))
    by_pk = {org.pk: org for org in full}
    for node in shown:
        node.organisation = by_pk[node.organisation.pk]
    return shown, folded_at


def organisation_choices(queryset: QuerySet[Organisation]) -> list[tuple[int, str]]:
    """(id, indented name) in tree order, for a <select>."""
    nodes = flatten(sort_tree(list(queryset.only("id", "name", "parent_id", "closed_on"))))
    return [(n.organisation.pk, "\u00a0\u00a0\u00a0" * n.level + n.organisation.name) for n in nodes]


def search_organisations(
    user: User, *, q: str = "", kind: str = "", status: str = "active", root: int | None = None
) -> QuerySet[Organisation]:
    organisations = access.visible_organisations(user).select_related("parent", "root")
    order = ["name", "id"]
    if q.strip():
        organisations = organisations.filter(search.matches("search_text", q))
        order = [search.phrase_first("search_text", q), *order]
    if kind:
        organisations = organisations.filter(kind=kind)
    if status == "active":
        organisations = organisations.filter(closed_on__isnull=True)
    elif status == "closed":
        organisations = organisations.filter(closed_on__isnull=False)
    if root:
        organisations = organisations.filter(root_id=root)
    return organisations.order_by(*order)


def visible_roots(user: User) -> list[Organisation]:
    """Issuers (tree roots) the user sees: for filters. Non-admins see their membership trees' roots."""
    roots = {m.organisation.root_id for m in access.memberships(user)}
    queryset = Organisation.objects.filter(parent__isnull=True)
    if not access.is_admin(user):
        queryset = queryset.filter(pk__in=roots)
    return sorted(queryset, key=lambda o: vi_sort_key(o.name))


def ancestors(organisation: Organisation) -> list[Organisation]:
    ids = [int(segment) for segment in organisation.path.split(".") if segment][:-1]
    by_id = Organisation.objects.in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]


def place_of(organisation: Organisation) -> str:
    """The place on a document's date line: the body's own, else the nearest parent's ("Thái Nguyên")."""
    if organisation.place_name:
        return organisation.place_name
    return next((o.place_name for o in reversed(ancestors(organisation)) if o.place_name), "")


def search_people(
    user: User, *, q: str = "", organisation: Organisation | None = None, employment_type: str = "",
    direct: str = "", status: str = "active",
) -> QuerySet[Person]:
    scope = access.scope_q(user, field="organisation__path")
    people = Person.objects.select_related("organisation", "user")
    if scope is not None:
        people = people.filter(scope)
    if organisation is not None:
        people = people.filter(organisation__path__startswith=organisation.path)
    order = ["given_name", "full_name", "id"]
    if q.strip():
        people = people.filter(search.matches("search_text", q))
        order = [search.phrase_first("search_text", q), *order]
    if employment_type:
        people = people.filter(employment_type=employment_type)
    if direct == "yes":
        people = people.filter(is_direct_worker=True)
    elif direct == "no":
        people = people.filter(is_direct_worker=False)
    if status == "active":
        people = people.filter(is_active=True)
    elif status == "inactive":
        people = people.filter(is_active=False)
    return people.order_by(*order)


def visible_people(user: User) -> QuerySet[Person]:
    scope = access.scope_q(user, field="organisation__path")
    people = Person.objects.all()
    return people if scope is None else people.filter(scope)


def visible_blocs(user: User) -> QuerySet[Bloc]:
    """Blocs organised inside the user's scope, or with a member inside it."""
    scope = access.scope_q(user, field="organisation__path")
    blocs = Bloc.objects.select_related("organiser").annotate(member_count=Count("members", distinct=True))
    if scope is None:
        return blocs
    organiser_scope = access.scope_q(user, field="organiser__path")
    has_member = BlocMember.objects.filter(scope, bloc=OuterRef("pk"))
    return blocs.filter(organiser_scope | Exists(has_member))


def bloc_members(bloc: Bloc) -> list[BlocMember]:
    members = list(bloc.members.select_related("organisation"))
    rank = {BlocMember.Role.HEAD: 0, BlocMember.Role.DEPUTY: 1, BlocMember.Role.MEMBER: 2}
    members.sort(key=lambda m: (rank.get(m.role, 3), vi_sort_key(m.organisation.name)))
    return members


def visible_accounts(user: User, *, q: str = "", status: str = "") -> QuerySet[User]:
    """Accounts with a role in the user's scope (or whose person works there)."""
    accounts = User.objects.prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("organisation"))
    )
    scope = access.scope_q(user, "account.manage", field="organisation__path")
    if scope is not None:
        in_scope = Membership.objects.filter(scope, user=OuterRef("pk"))
        person_scope = access.scope_q(user, "account.manage", field="person__organisation__path")
        is_admin = Membership.objects.filter(user=OuterRef("pk"), role=Membership.Role.ADMIN)
        accounts = accounts.filter(Exists(in_scope) | person_scope).filter(is_superuser=False).exclude(Exists(is_admin))
    if q.strip():
        accounts = accounts.filter(Q(username__icontains=q.strip()) | search.matches("person__search_text", q)
                                   | Q(full_name__icontains=q.strip()))
    if status == "active":
        accounts = accounts.filter(is_active=True)
    elif status == "inactive":
        accounts = accounts.filter(is_active=False)
    return accounts.order_by("username").distinct()


def audit_events(organisation: Organisation, limit: int = 30) -> list[AuditEvent]:
    return list(organisation.audit_events.select_related("actor")[:limit])
