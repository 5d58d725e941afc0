"""The base layout's links are made once per process (units.context_processors.layout_urls)."""

from django.templatetags.static import static
from django.urls import get_script_prefix, reverse, set_script_prefix

from units.context_processors import _NAV_URLS, _STATIC, layout_urls


def test_they_are_the_links_reverse_and_static_give():
    urls = layout_urls()
    assert {key: urls[key] for key in _NAV_URLS} == {key: reverse(name) for key, name in _NAV_URLS.items()}
    assert {key: urls[f"static_{key}"] for key in _STATIC} == {key: static(path) for key, path in _STATIC.items()}


def test_a_server_mounted_under_a_prefix_gets_its_own():
    before = get_script_prefix()
    try:
        set_script_prefix("/thidua/")
        assert layout_urls()["people"] == "/thidua/don-vi/ca-nhan/"
    finally:
        set_script_prefix(before)
    assert layout_urls()["people"] == "/don-vi/ca-nhan/"


def test_the_menu_shows_them(login, cast):
    page = login(cast["secretariat"]).get(reverse("home")).content.decode()
    for name in ("units:person-list", "awards:review", "units:account-list", "password_change", "search"):
        assert f'"{reverse(name)}"' in page
    assert f'href="{static("css/app.css")}"' in page
    unit_page = login(cast["staff"]).get(reverse("home")).content.decode()
    assert f'"{reverse("awards:review")}"' not in unit_page  # the menu still asks who may
