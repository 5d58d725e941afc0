"""Every page carries a Content-Security-Policy it actually passes (no inline script), and the
health check answers without a login in one query."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_health_check_needs_no_login_and_one_query(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get(reverse("healthz"))
    assert response.status_code == 200 and response.content == b"ok"


def test_pages_carry_a_policy_without_inline_script(login, cast):
    client = login(cast["secretariat"])
    response = client.get(reverse("home"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    html = response.content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline script"
    assert not re.search(r"\son[a-z]+=\"", html), "inline event handler"


def _not_stored(response) -> bool:
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    return "no-store" in directives and "private" in directives


def test_signed_in_pages_and_downloads_are_never_stored_by_a_cache(login, cast, client):
    assert _not_stored(client.get(reverse("login")))
    signed_in = login(cast["secretariat"])
    assert _not_stored(signed_in.get(reverse("home")))
    download = signed_in.get(reverse("units:export"))
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]
    assert _not_stored(download)
