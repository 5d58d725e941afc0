"""Hypothesis profiles and the fuzz harness.

HYPOTHESIS_PROFILE=ci (the default, what `make test` and CI run): derandomised, no deadline, a
modest number of examples, so the run is the same every time and quick. HYPOTHESIS_PROFILE=long
(`make fuzz`): random, many more examples, failures kept in .hypothesis/ to be replayed first.
"""

import collections
import os
from html import escape
from pathlib import Path

import pytest
from django.db import transaction
from django.test.utils import override_settings
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# A test client per example trips the "function-scoped fixture" check (the world is rolled back
# by hand around each example instead); pages with large hostile texts trip "too slow".
_QUIET = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large,
          HealthCheck.large_base_example, HealthCheck.filter_too_much]
settings.register_profile("ci", max_examples=12, derandomize=True, deadline=None, database=None,
                          suppress_health_check=_QUIET, print_blob=True)
settings.register_profile("long", max_examples=400, deadline=None, suppress_health_check=_QUIET, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


class _World:
    """Both issuers' data, built once and kept in a transaction that is rolled back when the run
    leaves tests/fuzz (pytest_runtest_teardown below): each test runs in a savepoint of it, each
    example in a savepoint of that. A "package" fixture would not do: pytest 9 ties it to the
    outermost package (tests/), so the data would outlive this directory."""

    data = None
    closed = False

    def open(self, blocker):
        from tests.factories import make_cast, make_tree
        from tests.fuzz.world import TODAY, Fingerprint, build

        if self.closed:
            pytest.fail("tests/fuzz must run as one block: its data was already rolled back")
        self.blocker = blocker
        self.today = override_settings(APP_TODAY=TODAY)
        self.today.enable()
        with blocker.unblock():
            self.outer = transaction.atomic()
            self.outer.__enter__()
            tree = make_tree()
            self.data = build(tree, make_cast(tree))
            self.data.fingerprint = Fingerprint(tree["B"])
        return self.data

    def close(self):
        if self.data is None or self.closed:
            return
        self.closed = True
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.outer.__exit__(None, None, None)
        self.today.disable()


_WORLD = _World()


@pytest.fixture(scope="session")
def world(django_db_setup, django_db_blocker):
    yield _WORLD.open(django_db_blocker)
    _WORLD.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    here = Path(__file__).parent
    if nextitem is None or here not in Path(nextitem.path).parents:
        _WORLD.close()
    return result


class Hostile:
    """Sends one request per example and checks what must hold for every one of them."""

    def __init__(self, client, world):
        self.client = client
        self.world = world
        self.login_url = reverse("login")

    def fuzz(self, user, url, base: dict, fields: dict, *, keep: tuple[str, ...] = (), method: str = "post",
             scale: int = 1) -> None:
        """Run the profile's examples of `base` with hostile `fields` (see strategies.form) against
        `url`: a string, a strategy of URLs, or (own URL, other URLs) from strategies.urls."""
        from tests.fuzz.strategies import form

        if isinstance(url, tuple):
            url, elsewhere = url
            for other in elsewhere:
                self.send(user, other, base, method=method)
        urls = url if isinstance(url, st.SearchStrategy) else st.just(url)

        seen = collections.Counter()

        # `scale`: more examples where the risk is (the results grid), in either profile.
        @settings(max_examples=settings.default.max_examples * scale)
        @given(urls, form(base, fields))
        def example(target, data):
            response = self.send(user, target, data, method=method, keep={name: data.get(name) for name in keep})
            queued = getattr(getattr(response.wsgi_request, "_messages", None), "_queued_messages", [])
            seen[f"{response.status_code}{''.join(sorted({m.tags[:1] for m in queued}))}"] += 1

        example()
        if os.environ.get("FUZZ_STATS"):
            # What the examples reached (200: a form shown again, 302: saved or refused with a
            # message, 403/404: refused), to see that the strategies get past the form.
            print(f"\n{user} {method.upper()} {url if isinstance(url, str) else '(several)'}: {dict(seen)}")

    def send(self, user, url: str, data: dict | None = None, *, method: str = "post", keep: dict | None = None):
        """The response; fails on a 5xx or an exception (the test client raises it with its traceback),
        on any change to Sở B's data, and when a re-rendered form lost what was typed in `keep`."""
        with transaction.atomic():
            # Logged in inside the example: a page that cycles the session (a password change)
            # must not leave the next example logged out.
            if user is None:
                self.client.logout()
            else:
                self.client.force_login(user)
            response = getattr(self.client, method)(url, data or {})
            assert response.status_code < 500, f"{response.status_code} from {url}"
            if response.status_code == 302 and user is not None:
                assert not response["Location"].startswith(self.login_url), "logged out: the example tested nothing"
            changes = self.world.fingerprint.changes()
            assert not changes, f"Sở B's data changed by {user} at {url}: {changes}"
            if keep and response.status_code == 200:
                _check_kept(response, keep)
            transaction.set_rollback(True)
        return response


def _printable(value) -> bool:
    return (isinstance(value, str) and value.strip() == value and 0 < len(value) <= 300
            and all(ch.isprintable() for ch in value) and "\n" not in value)


def _check_kept(response, keep: dict) -> None:
    """A form shown again with errors shows what was typed (a plain single-line text only: the
    browser-side forms normalise line ends, and Django strips surrounding spaces)."""
    content = response.content.decode()
    if "is-invalid" not in content and "invalid-feedback" not in content:
        return
    for name, value in keep.items():
        if _printable(value):
            assert escape(value) in content or value in content, f"the typed {name} “{value}” was lost"


@pytest.fixture
def hostile(client, world):
    return Hostile(client, world)
