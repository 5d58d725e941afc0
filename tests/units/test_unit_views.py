"""Units pages: who sees what (hidden is 404), search without diacritics, forms, query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_org, make_person, make_user
from units.models import Organisation, Person

pytestmark = pytest.mark.django_db


def test_anonymous_users_are_sent_to_login(client, tree):
    response = client.get(reverse("units:organisation-list"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


@pytest.mark.parametrize(("who", "target", "status"), [
    ("secretariat", "A.BV.NOI", 200),     # owner of the tree
    ("staff", "A.BV.NOI", 200),           # member: inside own subtree
    ("staff", "A.TT", 404),               # member: sibling unit is hidden
    ("staff", "A", 404),                  # member: the parent is hidden
    ("outsider", "A.BV", 404),            # another issuer
    ("admin", "B.BV", 200),
])
def test_organisation_detail_scope(login, tree, cast, who, target, status):
    response = login(cast[who]).get(reverse("units:organisation-detail", args=[tree[target].pk]))
    assert response.status_code == status


def test_an_unknown_id_is_the_same_404(login, cast):
    assert login(cast["staff"]).get(reverse("units:organisation-detail", args=[999999])).status_code == 404


def test_tree_lists_only_the_subtree(login, tree, cast):
    response = login(cast["staff"]).get(reverse("units:organisation-list"))
    content = response.content.decode()
    assert "Khoa Nội" in content and "Bệnh viện Đa khoa" in content
    assert "Trung tâm Y tế Đức Thọ" not in content and "Sở Y tế B" not in content


@pytest.mark.parametrize(("query", "found"), [("duc", "Trung tâm Y tế Đức Thọ"), ("ĐỨC THỌ", "Trung tâm Y tế Đức Thọ"),
                                              ("tram y te", "Trạm Y tế xã Đức Lương")])
def test_organisation_search_ignores_diacritics_and_case(login, tree, cast, query, found):
    response = login(cast["secretariat"]).get(reverse("units:organisation-list"), {"q": query})
    assert found in response.content.decode()


def test_person_search_finds_nguyen_van_without_diacritics(login, tree, cast):
    make_person(tree["A.BV"], "Nguyễn Văn An", "NV1")
    make_person(tree["A.BV"], "Nguyễn Thị Bình", "NV2")
    make_person(tree["B.BV"], "Nguyễn Văn Cường", "NV3")
    content = login(cast["secretariat"]).get(reverse("units:person-list"), {"q": "nguyen van"}).content.decode()
    assert "Nguyễn Văn An" in content
    assert "Nguyễn Thị Bình" not in content
    assert "Nguyễn Văn Cường" not in content  # another issuer's person never leaks


def test_people_are_listed_in_vietnamese_order_by_given_name(login, tree, cast):
    for i, name in enumerate(["Lê Văn Đức", "Trần Thị Dung", "Phạm Văn Ân", "Ngô Thị Zin", "Hồ Văn An"]):
        make_person(tree["A.BV"], name, f"S{i}")
    content = login(cast["secretariat"]).get(reverse("units:person-list")).content.decode()
    positions = [content.index(n) for n in ["Hồ Văn An", "Phạm Văn Ân", "Trần Thị Dung", "Lê Văn Đức", "Ngô Thị Zin"]]
    assert positions == sorted(positions)


def test_person_detail_of_another_unit_is_404(login, tree, cast):
    person = make_person(tree["A.TT"], "Võ Văn Hải", "NV9")
    assert login(cast["staff"]).get(reverse("units:person-detail", args=[person.pk])).status_code == 404
    assert login(cast["other_staff"]).get(reverse("units:person-detail", args=[person.pk])).status_code == 200


def test_members_cannot_open_manager_pages(login, tree, cast):
    client = login(cast["staff"])
    assert client.get(reverse("units:organisation-create")).status_code == 403
    assert client.get(reverse("units:organisation-update", args=[tree["A.BV"].pk])).status_code == 403
    assert client.get(reverse("units:account-list")).status_code == 404
    assert client.get(reverse("units:import")).status_code == 403


def test_create_organisation_with_a_clashing_code_keeps_the_input(login, tree, cast):
    response = login(cast["secretariat"]).post(reverse("units:organisation-create"), {
        "name": "Phòng Nghiệp vụ Y", "code": "TCHC", "kind": "department_office", "parent": tree["A"].pk,
        "place_name": "Thái Nguyên",
    })
    assert response.status_code == 200
    content = response.content.decode()
    assert "Ký hiệu này đã được dùng" in content
    assert 'value="Phòng Nghiệp vụ Y"' in content and 'value="Thái Nguyên"' in content
    assert not Organisation.objects.filter(name="Phòng Nghiệp vụ Y").exists()


def test_secretariat_cannot_place_a_unit_under_another_issuer(login, tree, cast):
    response = login(cast["secretariat"]).post(reverse("units:organisation-create"), {
        "name": "Khoa lạ", "code": "KL", "kind": "internal", "parent": tree["B.BV"].pk})
    assert response.status_code == 200
    assert not Organisation.objects.filter(name="Khoa lạ").exists()


def test_create_and_close_an_organisation(login, tree, cast):
    client = login(cast["secretariat"])
    response = client.post(reverse("units:organisation-create"), {
        "name": "Trạm Y tế xã Tân Đức", "code": "TYT-TD", "kind": "station", "parent": tree["A.TT"].pk})
    station = Organisation.objects.get(name="Trạm Y tế xã Tân Đức")
    assert response.status_code == 302 and response["Location"] == station.get_absolute_url()
    response = client.post(reverse("units:organisation-close", args=[station.pk]), {
        "closed_on": "01/07/2025", "successor": tree["A.TT.TYT"].pk, "note": "Sáp nhập xã", "include_subtree": "on"})
    station.refresh_from_db()
    assert str(station.closed_on) == "2025-07-01" and station.successor_id == tree["A.TT.TYT"].pk


def test_dates_are_read_day_first(login, tree, cast):
    client = login(cast["secretariat"])
    client.post(reverse("units:person-create"), {
        "full_name": "Đỗ Thị Mai", "employee_code": "NV77", "birth_date": "05/06/1990",
        "organisation": tree["A.BV"].pk, "employment_type": "vien_chuc"})
    assert str(Person.objects.get(employee_code="NV77").birth_date) == "1990-06-05"


def test_a_bad_date_gets_a_vietnamese_message_next_to_the_field(login, tree, cast):
    response = login(cast["secretariat"]).post(reverse("units:person-create"), {
        "full_name": "Đỗ Thị Mai", "employee_code": "NV78", "birth_date": "31/02/1990",
        "organisation": tree["A.BV"].pk, "employment_type": "vien_chuc"})
    content = response.content.decode()
    assert "Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm" in content and 'value="Đỗ Thị Mai"' in content


def _grow(tree, start, count):
    for i in range(start, start + count):
        org = make_org(f"Trạm Y tế số {i}", f"TYT-{i}", parent=tree["A.TT"], kind="station")
        make_person(org, f"Nguyễn Văn Số {i}", f"NVX{i}")
        make_user(f"u{i}", org, "unit_staff")


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# The number each page needs, whatever its length (pinned, so that an N+1 shows up here).
LIST_PAGES = {"units:organisation-list": 5, "units:person-list": 5, "units:bloc-list": 4, "units:account-list": 6}


@pytest.mark.parametrize(("url_name", "expected"), LIST_PAGES.items())
def test_list_pages_run_a_constant_number_of_queries(login, tree, cast, url_name, expected):
    client = login(cast["secretariat"])
    _grow(tree, 0, 2)
    small = count_queries(client, reverse(url_name))
    _grow(tree, 2, 30)
    assert count_queries(client, reverse(url_name)) == small == expected
