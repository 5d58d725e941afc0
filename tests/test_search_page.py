"""The search box in the menu: units, people and campaigns, within the user's scope only."""

import pytest
from django.urls import reverse

from campaigns.lifecycle import Status
from tests.factories import make_campaign, make_person

pytestmark = pytest.mark.django_db


def test_one_box_finds_units_people_and_campaigns_without_diacritics(login, tree, cast):
    make_person(tree["A.BV"], "Nguyễn Văn Đức", "NV1")
    make_person(tree["B.BV"], "Nguyễn Văn Đức Ngoài", "NV2")
    make_campaign(tree["A"], "Thi đua chuyên đề Đức Thọ", participants=[tree["A.BV"]], status=Status.IN_PROGRESS)
    content = login(cast["secretariat"]).get(reverse("search"), {"q": "duc"}).content.decode()
    assert "Trung tâm Y tế Đức Thọ" in content and "Trạm Y tế xã Đức Lương" in content
    assert "Nguyễn Văn Đức" in content and "Nguyễn Văn Đức Ngoài" not in content
    assert "Thi đua chuyên đề Đức Thọ" in content


def test_a_member_finds_only_inside_its_subtree(login, tree, cast):
    content = login(cast["staff"]).get(reverse("search"), {"q": "duc"}).content.decode()
    assert "Trung tâm Y tế Đức Thọ" not in content


def test_an_empty_or_huge_query_is_harmless(login, cast):
    client = login(cast["staff"])
    assert client.get(reverse("search")).status_code == 200
    assert client.get(reverse("search"), {"q": "x" * 5000}).status_code == 200
