"""The bare page `manage.py bench` compares every page with exists only under its settings."""

import importlib

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, clear_url_caches, reverse

import config.urls
from tests.factories import make_person


def _reload_urls():
    clear_url_caches()
    importlib.reload(config.urls)


@pytest.fixture
def bench_urls():
    with override_settings(BENCH_BARE_PAGE=True):
        _reload_urls()
        yield
    _reload_urls()


def test_the_bare_page_is_not_served_in_production(login, cast):
    assert login(cast["secretariat"]).get("/bench/bare").status_code == 404
    with pytest.raises(NoReverseMatch):
        reverse("bench-bare")


def test_under_the_bench_settings_it_is_a_signed_in_table_from_one_query(bench_urls, client, login, cast, tree,
                                                                       django_assert_num_queries):
    for i in range(60):
        make_person(tree["A.BV"], f"Người {i:02d}", f"NV{i:02d}")
    assert client.get("/bench/bare").status_code == 302  # signed out: to the login page
    page = login(cast["secretariat"])
    with django_assert_num_queries(3):  # the session, the user, the 50 people
        response = page.get("/bench/bare")
    assert response.status_code == 200
    assert response.content.count(b"<tr><td>") == 50
