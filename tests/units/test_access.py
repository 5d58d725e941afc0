"""Who sees which organisations and may do what: units/access.py."""

import pytest

from units import access
from units.access import SYSTEM

pytestmark = pytest.mark.django_db


def names(queryset):
    return sorted(org.name for org in queryset)


def test_issuer_roles_see_the_whole_issuer_tree_and_nothing_else(tree, cast):
    visible = names(access.visible_organisations(cast["secretariat"]))
    assert visible == names([tree[k] for k in ("A", "A.TCHC", "A.BV", "A.BV.NOI", "A.TT", "A.TT.TYT")])


def test_unit_staff_see_only_their_subtree(tree, cast):
    assert names(access.visible_organisations(cast["staff"])) == ["Bệnh viện Đa khoa", "Khoa Nội"]


def test_admin_sees_every_issuer(tree, cast):
    assert access.visible_organisations(cast["admin"]).count() == len(tree)


def test_a_user_without_roles_sees_nothing(tree):
    from tests.factories import make_user
    from units import services

    user = make_user("lonely", tree["A.BV"], "unit_staff")
    services.revoke_role(by=SYSTEM, membership=user.memberships.get())
    access.forget(user)
    assert not access.visible_organisations(user).exists()


def test_an_inactive_user_sees_nothing(tree, cast):
    cast["secretariat"].is_active = False
    assert not access.visible_organisations(cast["secretariat"]).exists()


@pytest.mark.parametrize(("who", "action", "where", "allowed"), [
    ("secretariat", "campaign.manage", "A", True),
    ("leader", "campaign.manage", "A", True),
    ("council", "campaign.manage", "A", False),
    ("staff", "campaign.manage", "A.BV", False),
    ("secretariat", "account.manage", "A.TT.TYT", True),
    ("secretariat", "account.manage", "B", False),
    ("outsider", "organisation.manage", "A", False),
    ("staff", "results.enter", "A.BV.NOI", True),
    ("staff", "results.enter", "A.TT", False),
    ("head", "unit_titles.decide", "A.BV", True),
    ("admin", "catalogue.manage", "B", True),
])
def test_can(tree, cast, who, action, where, allowed):
    assert access.can(cast[who], action, tree[where]) is allowed


def test_an_administrator_reads_every_tree_but_acts_only_where_the_roles_table_says_yes(tree, cast):
    admin = cast["admin"]
    for action in ("organisation.manage", "person.manage", "account.manage", "campaign.manage", "catalogue.manage"):
        assert access.can(admin, action, tree["B.BV"]) and access.can_create(admin, action), action
        assert access.scope_q(admin, action) is None and access.organisations_for(admin, action).count() == len(tree)
    for action in ("results.enter", "results.review", "nomination.prepare", "nomination.review", "council.record",
                   "decision.issue", "unit_titles.decide", "report.issue", "unit_report.issue"):
        assert not access.can(admin, action, tree["A.BV"]) and not access.can(admin, action), action
        assert not access.can_create(admin, action) and not access.organisations_for(admin, action).exists(), action
    assert access.scope_q(admin) is None


def test_secretariat_grants_only_unit_and_council_roles_inside_its_tree(tree, cast):
    assert access.grantable_roles(cast["secretariat"], tree["A.BV"]) == ["unit_staff", "unit_head", "council_member"]
    assert access.grantable_roles(cast["secretariat"], tree["B.BV"]) == []
    assert access.grantable_roles(cast["staff"], tree["A.BV"]) == []
    assert "admin" in access.grantable_roles(cast["admin"], tree["B"])


def test_secretariat_cannot_manage_another_secretariat_or_an_admin(tree, cast):
    secretariat = cast["secretariat"]
    assert access.can_manage_account(secretariat, cast["staff"], cast["staff"].memberships.all())
    assert not access.can_manage_account(secretariat, cast["leader"], cast["leader"].memberships.all())
    assert not access.can_manage_account(secretariat, cast["admin"], cast["admin"].memberships.all())
    assert not access.can_manage_account(secretariat, secretariat, secretariat.memberships.all())


def test_memberships_are_read_once_per_request(tree, cast, django_assert_num_queries):
    user = cast["staff"]
    access.forget(user)
    with django_assert_num_queries(1):
        for _ in range(5):
            access.can(user, "results.enter", tree["A.BV"])
            access.roles(user)
