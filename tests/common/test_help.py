"""The user manual (issue 19, point 8): its pages for every role, the printable PDF with the embedded
font, the contextual "Hướng dẫn" link of the layout landing on an anchor that exists, and the
screenshots the manual names all present (tests/test_browser_manual.py takes them)."""

import re
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import NoReverseMatch, reverse

from common import help as manual

HELP_LINK = re.compile(r'<a class="nav-link" href="([^"]+)" title="Hướng dẫn cho trang này"')


def test_every_task_a_page_or_a_role_names_exists_and_every_task_has_a_role():
    listed = {slug for guide in manual.ROLES for slug in guide.tasks}
    named = {slug for tasks in manual.HELP_FOR_VIEW.values() for slug in tasks}
    assert listed <= set(manual.TASKS) and named <= set(manual.TASKS)
    assert set(manual.TASKS) <= listed
    assert {guide.role for guide in manual.ROLES} == {
        "secretariat", "leader", "council_member", "unit_staff", "unit_head", "admin"}


def _reverses(name: str) -> bool:
    for count in range(4):
        try:
            reverse(name, args=[1] * count)
            return True
        except NoReverseMatch:
            continue
    return False


def test_every_page_the_manual_maps_is_a_real_url_name():
    assert [name for name in manual.HELP_FOR_VIEW if not _reverses(name)] == []


def test_every_screenshot_the_manual_names_is_in_static_help_and_small():
    folder = Path(settings.BASE_DIR) / "static" / "help"
    named = {shot.file for shot in manual.all_shots()}
    assert {p.name for p in folder.glob("*.png")} == named
    assert {p.name: p.stat().st_size for p in folder.glob("*.png") if p.stat().st_size >= 150_000} == {}


@pytest.mark.django_db
def test_help_pages_render_for_every_role_and_anonymous_goes_to_log_in(client, cast):
    assert client.get("/huong-dan/").status_code == 302
    assert client.get("/huong-dan/thuong-truc/")["Location"].startswith("/dang-nhap/")
    for key in ("secretariat", "leader", "council", "staff", "head", "admin"):
        client.force_login(cast[key])
        assert client.get("/huong-dan/").status_code == 200
        for guide in manual.ROLES:
            response = client.get(f"/huong-dan/{guide.slug}/")
            assert response.status_code == 200
            html = response.content.decode()
            for slug in guide.tasks:
                assert f'id="{slug}"' in html
                for shot in manual.TASKS[slug].shots:
                    assert f"/static/help/{shot.file}" in html
    assert client.get("/huong-dan/khong-co/").status_code == 404


@pytest.mark.django_db
def test_a_step_names_buttons_in_bold_and_escapes_the_rest(client, cast):
    client.force_login(cast["staff"])
    html = client.get("/huong-dan/can-bo-don-vi/").content.decode()
    assert "<strong>Lưu và gửi</strong>" in html and "«" not in html


@pytest.mark.parametrize(("user", "path", "target"), [
    ("secretariat", "/phong-trao/", "/huong-dan/thuong-truc/#lap-ke-hoach"),
    ("leader", "/khen-thuong/quyet-dinh/", "/huong-dan/lanh-dao/#quyet-dinh"),
    ("staff", "/khen-thuong/to-trinh/", "/huong-dan/can-bo-don-vi/#de-nghi-khen-thuong"),
    ("head", "/khen-thuong/binh-xet-don-vi/", "/huong-dan/thu-truong-don-vi/#binh-xet-don-vi"),
    ("council", "/khen-thuong/hoi-dong/", "/huong-dan/hoi-dong/#ghi-ket-qua-phien-hop"),
    ("admin", "/khen-thuong/danh-muc/", "/huong-dan/quan-tri/#he-so-tien-thuong"),
    ("staff", "/van-ban/bao-cao/", "/huong-dan/thuong-truc/#bao-cao-tong-ket"),   # not a task of theirs
    ("staff", "/don-vi/", "/huong-dan/can-bo-don-vi/"),                           # no task: their page
])
@pytest.mark.django_db
def test_the_layouts_help_link_opens_the_pages_task_and_the_anchor_exists(client, cast, user, path, target):
    client.force_login(cast[user])
    response = client.get(path)
    assert response.status_code == 200
    href = HELP_LINK.search(response.content.decode()).group(1)
    assert href == target
    page, _, anchor = href.partition("#")
    landing = client.get(page)
    assert landing.status_code == 200
    if anchor:
        assert f'id="{anchor}"' in landing.content.decode()


def test_every_mapped_task_is_on_some_role_page():
    for name in manual.HELP_FOR_VIEW:
        guide, task = manual.help_target(name, set())
        assert task is not None and task in guide.tasks, name


@pytest.mark.django_db
def test_the_manual_prints_as_one_pdf_with_the_embedded_font(client, cast, tmp_path):
    client.force_login(cast["staff"])
    response = client.get("/huong-dan/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "huong-dan.pdf"
    pdf.write_bytes(response.content)
    assert pdf.read_bytes().startswith(b"%PDF")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    # Liberation Serif (static/fonts) under the stylesheet's family name; every font embedded.
    rows = fonts.splitlines()[2:]
    assert any("VN-Serif" in line for line in rows)
    assert rows and all(line.split()[-5] == "yes" for line in rows)      # the "emb" column
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for guide in manual.ROLES:
        assert guide.title in text
    for task in manual.TASKS.values():
        assert task.title.split(":")[0] in " ".join(text.split())
