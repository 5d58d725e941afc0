"""Shared fixtures: a small organisation tree and the owner / member / outsider cast."""

import os

import pytest

# Playwright's sync API runs an event loop in the main thread; without this Django refuses ORM
# calls from the test body (tech.md gotcha 4).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The cache holds login failure counts: no test inherits another's."""
    from django.core.cache import cache

    cache.clear()
    yield


def build_tree() -> dict:
    """Two issuers. Sở A: office TCHC, hospital BV (with a ward), health centre TT (with a station).
    Sở B: one hospital. Returns a dict of organisations by short key."""
    from tests.factories import make_org

    a = make_org("Sở Y tế A", "SYT", kind="department")
    b = make_org("Sở Y tế B", "SYT", kind="department")
    orgs = {"A": a, "B": b}
    orgs["A.TCHC"] = make_org("Phòng Tổ chức - Hành chính", "TCHC", parent=a, kind="department_office")
    orgs["A.BV"] = make_org("Bệnh viện Đa khoa", "BVDK", parent=a, kind="hospital")
    orgs["A.BV.NOI"] = make_org("Khoa Nội", "BVDK-NOI", parent=orgs["A.BV"], kind="internal")
    orgs["A.TT"] = make_org("Trung tâm Y tế Đức Thọ", "TTYT", parent=a, kind="health_centre")
    orgs["A.TT.TYT"] = make_org("Trạm Y tế xã Đức Lương", "TYT-DL", parent=orgs["A.TT"], kind="station")
    orgs["B.BV"] = make_org("Bệnh viện tỉnh B", "BV", parent=b, kind="hospital")
    return orgs


def build_cast(tree: dict) -> dict:
    """Users by role: secretariat / leader / council of Sở A, staff and head of A's hospital,
    staff of A's health centre, B's secretariat (the outsider) and an administrator."""
    from tests.factories import make_user

    return {
        "secretariat": make_user("tt.a", tree["A"], "secretariat"),
        "leader": make_user("ld.a", tree["A"], "leader"),
        "council": make_user("hd.a", tree["A"], "council_member"),
        "staff": make_user("dv.bv", tree["A.BV"], "unit_staff"),
        "head": make_user("tdv.bv", tree["A.BV"], "unit_head"),
        "other_staff": make_user("dv.tt", tree["A.TT"], "unit_staff"),
        "outsider": make_user("tt.b", tree["B"], "secretariat"),
        "admin": make_user("qt", tree["A"], "admin"),
    }


@pytest.fixture
def tree(db):
    return build_tree()


@pytest.fixture
def cast(tree):
    return build_cast(tree)


@pytest.fixture
def login(client):
    def as_user(user):
        client.force_login(user)
        return client

    return as_user
