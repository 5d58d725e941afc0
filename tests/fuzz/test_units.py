"""Organisations, people, blocs, accounts, the login and the Excel import of units and people,
driven with hostile input: never a 500, never a change to Sở B's data."""

import pytest
from django.urls import reverse
from hypothesis import strategies as st

from tests.fuzz import strategies as s
from tests.fuzz.strategies import urls
from units.models import EmploymentType, Gender, OrganisationKind, Role

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]


def org_ids(world):
    return s.ids([o.pk for o in world.tree.values()], [world.b.orgs["B.TT"].pk])




def organisation_fields(world) -> dict:
    return {"name": s.text(), "code": s.text(), "kind": s.choice(OrganisationKind.values), "parent": org_ids(world),
            "has_legal_personality": s.flag(), "document_parent_line": s.text(), "document_name_line": s.text(),
            "place_name": s.text(), "email": s.text(long=False), "phone": s.text(), "address": s.text(),
            "active_from": s.day()}


def test_organisation_create(hostile, world):
    base = {"name": "Trạm Y tế xã Đức Lạng", "code": "TYT-DLA", "kind": "station", "parent": world.tree["A.TT"].pk,
            "place_name": "Hà Tĩnh", "active_from": "01/01/2026"}
    hostile.fuzz(world.cast["secretariat"], reverse("units:organisation-create"), base, organisation_fields(world),
                 keep=("name", "code", "address"))


def test_organisation_update(hostile, world):
    base = {"name": "Bệnh viện Đa khoa", "code": "BVDK", "kind": "hospital", "parent": world.tree["A"].pk,
            "has_legal_personality": "on"}
    hostile.fuzz(world.cast["secretariat"], urls("units:organisation-update", world.ids("organisation")), base,
                 organisation_fields(world), keep=("name", "phone"))


def test_organisation_close_and_reopen(hostile, world):
    station = world.tree["A.TT.TYT"].pk
    base = {"closed_on": "01/06/2026", "successor": world.tree["A.TT"].pk, "note": "Sáp nhập theo Quyết định 12",
            "include_subtree": "on", "move_people": "on"}
    hostile.fuzz(world.cast["secretariat"], urls("units:organisation-close", (station, world.b.hospital.pk)), base,
                 {"closed_on": s.day(), "successor": org_ids(world), "note": s.text(),
                  "include_subtree": s.flag(), "move_people": s.flag()}, keep=("note",))
    for user in (world.cast["secretariat"], world.cast["admin"]):
        hostile.fuzz(user, urls("units:organisation-reopen", (station, world.tree["A.TT"].pk)),
                     {"reason": "Khôi phục"}, {"reason": s.text()})


def person_fields(world) -> dict:
    return {"full_name": s.text(), "employee_code": s.text(), "birth_date": s.day(), "gender": s.choice(Gender.values),
            "organisation": org_ids(world), "position": s.text(), "employment_type": s.choice(EmploymentType.values),
            "is_direct_worker": s.flag(), "email": s.text(long=False), "phone": s.text(), "transfer_date": s.day(),
            "is_active": s.flag()}


def test_person_create_and_update(hostile, world):
    base = {"full_name": "Nguyễn Thị Ánh Tuyết", "employee_code": "BV99", "birth_date": "05/01/1985",
            "gender": "female", "organisation": world.tree["A.BV"].pk, "position": "Điều dưỡng",
            "employment_type": EmploymentType.values[0], "is_direct_worker": "on"}
    hostile.fuzz(world.cast["secretariat"], reverse("units:person-create"), base, person_fields(world),
                 keep=("full_name", "position"))
    hostile.fuzz(world.cast["secretariat"], urls("units:person-update", world.ids("person")),
                 {**base, "employee_code": "A01", "is_active": "on"}, person_fields(world), keep=("full_name",))


def test_blocs(hostile, world):
    base = {"name": "Khối các bệnh viện tuyến tỉnh", "organiser": world.tree["A"].pk, "organiser_text": "",
            "description": "Khối thi đua", "is_active": "on"}
    fields = {"name": s.text(), "organiser": org_ids(world), "organiser_text": s.text(), "description": s.text(),
              "is_active": s.flag()}
    hostile.fuzz(world.cast["secretariat"], reverse("units:bloc-create"), base, fields, keep=("name",))
    hostile.fuzz(world.cast["secretariat"], urls("units:bloc-update", world.ids("bloc")), base, fields, keep=("name",))
    hostile.fuzz(world.cast["secretariat"], urls("units:bloc-member-add", world.ids("bloc")),
                 {"organisation": world.tree["A.TT"].pk, "role": "member"},
                 {"organisation": org_ids(world), "role": s.choice(["member", "leader", "deputy"])})
    members = [reverse("units:bloc-member-remove", args=[bloc, member]) for bloc in world.ids("bloc")
               for member in world.ids("bloc_member")]
    hostile.fuzz(world.cast["secretariat"], st.sampled_from(members), {}, {"x": s.text(long=False)})


def test_accounts(hostile, world):
    secretariat = world.cast["secretariat"]
    base = {"username": "nguoi.moi", "full_name": "Nguyễn Văn Mới", "email": "moi@example.vn",
            "organisation": world.tree["A.BV"].pk, "role": "unit_staff", "employee_code": "A02", "password": ""}
    hostile.fuzz(secretariat, reverse("units:account-create"), base, {
        "username": s.text(), "full_name": s.text(), "email": s.text(long=False), "organisation": org_ids(world),
        "role": s.choice(Role.values),
        "employee_code": st.one_of(s.text(), st.sampled_from(["A03", "B01", "B03", "a01"])),
        "password": s.text()}, keep=("full_name",))
    accounts = world.ids("account")
    hostile.fuzz(secretariat, urls("units:account-grant", accounts), {"organisation": world.tree["A.TT"].pk,
                                                                        "role": "unit_staff"},
                 {"organisation": org_ids(world), "role": s.choice(Role.values)})
    memberships = [m.pk for user in (world.a.users["staff"], world.b.users["staff"]) for m in user.memberships.all()]
    hostile.fuzz(secretariat, st.sampled_from([reverse("units:account-revoke", args=[a, m]) for a in accounts
                                               for m in memberships]), {}, {"x": s.text(long=False)})
    hostile.fuzz(secretariat, urls("units:account-set-active", accounts), {"active": "0"}, {"active": s.flag()})
    hostile.fuzz(secretariat, urls("units:account-reset-password", accounts), {}, {"x": s.text(long=False)})


def test_own_password_and_login(hostile, world):
    from tests.factories import PASSWORD

    hostile.fuzz(world.cast["staff"], reverse("password_change"),
                 {"old_password": PASSWORD, "new_password1": "Mật-khẩu-mới-2026", "new_password2": "Mật-khẩu-mới-2026"},
                 {"old_password": s.text(), "new_password1": s.text(), "new_password2": s.text()})
    hostile.fuzz(None, reverse("login"), {"username": "dv.bv", "password": PASSWORD},
                 {"username": s.text(), "password": s.text()}, keep=("username",))


def test_filters(hostile, world):
    user = world.cast["secretariat"]
    hostile.fuzz(user, reverse("units:organisation-list"), {"q": "tram y te"},
                 {"q": s.text(), "kind": s.choice(OrganisationKind.values),
                  "status": s.choice(["active", "closed", "all"]), "page": s.whole_number()}, method="get")
    hostile.fuzz(user, reverse("units:person-list"), {"q": "nguyen"},
                 {"q": s.text(), "employment_type": s.text(long=False), "direct": s.choice(["yes", "no"]),
                  "status": s.choice(["active", "inactive", "all"]), "organisation": org_ids(world),
                  "page": s.whole_number()}, method="get")
    hostile.fuzz(user, reverse("units:bloc-list"), {"q": "khoi"}, {"q": s.text(), "page": s.whole_number()},
                 method="get")
    hostile.fuzz(user, reverse("units:account-list"), {"q": "dv"},
                 {"q": s.text(), "status": s.text(long=False), "page": s.whole_number()}, method="get")
    hostile.fuzz(user, reverse("units:export"), {}, {"root": org_ids(world)}, method="get")


def test_units_import(hostile, world, client):
    client.force_login(world.cast["secretariat"])
    template = client.get(reverse("units:export"), {"root": world.tree["A.TT"].pk}).content
    from units.excel import PEOPLE_HEADERS, PEOPLE_SHEET, UNIT_HEADERS, UNIT_SHEET

    unit_rows = [["TYT-MOI", "Trạm Y tế xã Mới", "Trạm y tế", "TTYT", "Không", "", "", "", ""],
                 ["BV", "Bệnh viện tỉnh B (giả)", "Bệnh viện", "SYT", "Có", "", "", "", ""],    # Sở B's code
                 ["TTYT", "Trung tâm Y tế Đức Thọ", "Trung tâm y tế", "", "Có", "", "", "", ""]]
    people_rows = [["A01", "Nguyễn Văn An", "05/01/1985", "Nam", "BVDK", "Bác sĩ", "", "Có", "", ""],
                   ["B01", "Người của Sở B", "05/01/1985", "Nữ", "BV", "", "", "", "", ""],        # Sở B's person
                   ["A99", "Nguyễn Văn Mới", "31/02/1990", "Nam", "TYT-DL", "", "", "", "", ""]]
    units_book = s.workbook(template, UNIT_SHEET, len(UNIT_HEADERS), known_rows=unit_rows)
    people_book = s.workbook(template, PEOPLE_SHEET, len(PEOPLE_HEADERS), known_rows=people_rows)
    hostile.fuzz(world.cast["secretariat"], reverse("units:import"), {"root": world.tree["A"].pk},
                 {"root": org_ids(world), "file": s.upload(st.one_of(units_book, people_book))})
