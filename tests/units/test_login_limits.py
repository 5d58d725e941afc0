"""Login limits (units/login_limits.py): one count per account whatever form its name is typed in,
exact under concurrency, shared through the database, applied to the Django admin too, and a
per-address limit that slows down without locking out."""

import threading
from datetime import timedelta

import pytest
from django.contrib.auth import authenticate
from django.db import connection
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from tests.factories import PASSWORD
from units import login_limits, services
from units.models import LoginCounter, User

pytestmark = pytest.mark.django_db
PAUSED = "Đăng nhập sai quá nhiều lần"


def login(client, username, password, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


@pytest.mark.parametrize("variant", ["ｄｖ.ｂｖ", "𝐝𝐯.𝐛𝐯", "DV.BV", " dv.bv "])
def test_every_form_of_a_name_counts_against_one_account(client, cast, variant):
    for typed in ["dv.bv", variant, "dv.bv", variant, variant]:
        assert login(client, typed, "sai-mat-khau").status_code == 200
    for typed in [variant, "dv.bv"]:
        response = login(client, typed, PASSWORD)
        assert PAUSED in response.content.decode()
        assert "_auth_user_id" not in client.session


def test_the_right_password_starts_the_count_again(client, cast):
    for _ in range(4):
        login(client, "dv.bv", "sai")
    assert login(client, "dv.bv", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        login(client, "dv.bv", "sai")
    assert login(client, "dv.bv", PASSWORD).status_code == 302


def test_a_name_no_account_has_is_paused_the_same_way(client, cast):
    for _ in range(5):
        login(client, "khong.co.ai", "sai")
    assert PAUSED in login(client, "khong.co.ai", "sai").content.decode()


def test_the_count_lives_in_the_database_not_in_a_workers_memory(client, cast):
    from django.core.cache import cache

    for _ in range(5):
        login(client, "dv.bv", "sai")
    cache.clear()  # another worker, or a restarted one, has nothing in its own memory
    assert PAUSED in login(client, "dv.bv", PASSWORD).content.decode()


def test_the_pause_ends_and_a_password_reset_lifts_it(client, cast, monkeypatch):
    for _ in range(5):
        login(client, "dv.bv", "sai")
    later = timezone.now() + timedelta(seconds=15 * 60 + 1)
    monkeypatch.setattr(login_limits, "_now", lambda: later)
    assert login(client, "dv.bv", PASSWORD).status_code == 302
    client.logout()
    monkeypatch.undo()
    for _ in range(5):
        login(client, "dv.bv", "sai")
    account = User.objects.get(username="dv.bv")
    temporary = services.reset_password(by=cast["secretariat"], account=account)
    assert login(client, "dv.bv", temporary).status_code == 302


@pytest.mark.django_db(transaction=True)
def test_simultaneous_wrong_passwords_are_checked_no_more_than_the_limit(tree):
    from tests.factories import make_cast

    make_cast(tree)
    checked = []
    barrier = threading.Barrier(40)
    original = User.check_password

    def counting_check(self, raw):
        checked.append(1)
        return original(self, raw)

    def attempt():
        try:
            request = RequestFactory().post("/dang-nhap/", REMOTE_ADDR="10.0.0.1")
            barrier.wait()
            authenticate(request, username="dv.bv", password="sai")
        finally:
            connection.close()

    User.check_password = counting_check
    try:
        threads = [threading.Thread(target=attempt) for _ in range(40)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        User.check_password = original
    assert len(checked) == 5
    key = login_limits.account_key(User.objects.get(username="dv.bv").pk, "")
    assert LoginCounter.objects.get(key=key).failures == 5


def test_the_django_admin_login_is_under_the_same_limits(client, tree):
    User.objects.create_superuser("sieuquantri", "root@example.vn", "Mat-khau-rat-dai-2026")
    url = reverse("admin:login")
    for _ in range(12):
        client.post(url, {"username": "sieuquantri", "password": "sai", "next": "/quan-tri-django/"})
    response = client.post(url, {"username": "sieuquantri", "password": "Mat-khau-rat-dai-2026",
                                 "next": "/quan-tri-django/"})
    assert response.status_code == 200
    assert PAUSED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_many_failures_from_one_address_slow_it_down_without_locking_it_out(client, cast, settings, monkeypatch):
    settings.LOGIN_ADDRESS_FREE_FAILURES = 3
    settings.LOGIN_ADDRESS_SPACING_SECONDS = 5
    start = timezone.now()
    monkeypatch.setattr(login_limits, "_now", lambda: start)
    for name in ["a1", "a2", "a3"]:  # different names: only the address connects them
        login(client, name, "sai", REMOTE_ADDR="203.0.113.7")
    response = login(client, "dv.bv", PASSWORD, REMOTE_ADDR="203.0.113.7")
    assert "Hãy chờ 5 giây" in response.content.decode()
    # Another office is not affected.
    assert login(client, "tt.a", PASSWORD, REMOTE_ADDR="198.51.100.2").status_code == 302
    client.logout()
    # Slowed, never locked: after the spacing the right password gets in.
    monkeypatch.setattr(login_limits, "_now", lambda: start + timedelta(seconds=6))
    assert login(client, "dv.bv", PASSWORD, REMOTE_ADDR="203.0.113.7").status_code == 302


def test_the_client_address_is_read_only_from_the_header_settings_trust(settings):
    factory = RequestFactory()
    forged = factory.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4")
    settings.CLIENT_IP_HEADER = ""
    assert login_limits.client_address(forged) == "127.0.0.1"
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    # The proxy appends the peer it saw; what the client wrote before it is not trusted.
    proxied = factory.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9")
    assert login_limits.client_address(proxied) == "203.0.113.9"
    garbage = factory.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="not-an-address")
    assert login_limits.client_address(garbage) == "127.0.0.1"
