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


@pytest.fixture
def tree(db):
    """Two issuers. Sở A: office TCHC, hospital BV (with a ward), health centre TT (with a station).
    Sở B: one hospital. Returns a dict of organisations by short key."""
    from tests.factories import make_tree

    return make_tree()


@pytest.fixture
def cast(tree):
    """Users by role: secretariat / leader / council of Sở A, staff and head of A's hospital,
    staff of A's health centre, B's secretariat (the outsider) and an administrator."""
    from tests.factories import make_cast

    return make_cast(tree)


@pytest.fixture
def login(client):
    def as_user(user):
        client.force_login(user)
        return client

    return as_user


@pytest.fixture
def fresh_storage(settings):
    """An empty file store of this test's own: the in-memory store of the test settings lives as
    long as the process and holds every earlier test's files."""
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


# Issue 14: one throwaway CA and one small unsigned PDF per test session (tests/signing.py), so
# every signature test signs in milliseconds.
@pytest.fixture(scope="session")
def signing_ca():
    from tests.signing import make_ca

    return make_ca()


@pytest.fixture(scope="session")
def unsigned_pdf():
    from reports.pdf import render_pdf

    return render_pdf("<html><body><h1>Kế hoạch thử</h1><p>Nội dung trình ký.</p></body></html>")
