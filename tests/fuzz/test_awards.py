"""Awards: proposals and nominations (one by one, in bulk, from Excel), the secretariat's moves,
disclosure, council sessions (roll call, tallies, rescheduling, minutes), decisions with the
registry's number and date, the register and its import, and the catalogue's admin forms,
driven with hostile input: never a 500, never a change to Sở B's data."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from awards.models import AwardRule, BaseSalary, Grade, Hold, InitiativeLevel, ProposalFile, RegisterEntry
from awards.workflow import State
from tests.fuzz import strategies as s
from tests.fuzz.strategies import urls

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]


def org_ids(world):
    return s.ids([o.pk for o in world.tree.values()], [world.b.orgs["B.TT"].pk])


def people(world):
    return s.ids([p.pk for p in world.a.people.values()], [p.pk for p in world.b.people.values()])


def type_ids(world):
    return s.ids([t.pk for t in world.types.values()], [])


def nominations(world, *keys):
    return s.ids([world.a[k].pk for k in keys], [world.b[k].pk for k in keys])


def registry_fields() -> dict:
    return {"number": s.whole_number(), "notation": s.text(), "issue_date": s.day(), "signer_prefix": s.text(),
            "signer_title": s.text(), "signer_name": s.text(), "file": s.document()}


REGISTRY = {"number": "125", "notation": "QĐ-SYT", "issue_date": "05/06/2026", "signer_prefix": "KT. GIÁM ĐỐC",
            "signer_title": "PHÓ GIÁM ĐỐC", "signer_name": "Trần Văn Ký"}


# --- Proposals and nominations, the unit's side ---------------------------------------------------------------

def test_proposal_create(hostile, world):
    a, b = world.a, world.b
    url = reverse("awards:proposal-create")
    own = f"{url}?{urlencode({'phong-trao': a['campaign'].pk})}"
    elsewhere = [f"{url}?{urlencode({'phong-trao': value})}" for value in (b["campaign"].pk, "9" * 40, "²")]
    hostile.fuzz(world.cast["staff"], (own, elsewhere),
                 {"subcampaign": a["item"].pk, "organisation": a.hospital.pk, "title": "Tờ trình đề nghị khen thưởng",
                  "year": 2026, "number_text": "15/TTr-BVĐK", "note": ""},
                 {"subcampaign": s.ids([a["item"].pk, a["per_programme"].pk, a["programme"].pk], [b["item"].pk]),
                  "organisation": org_ids(world), "title": s.text(), "year": s.whole_number(),
                  "number_text": st.one_of(s.text(), st.sampled_from(["²/TTr", "9" * 49, "١٢/TTr"])),
                  "note": s.text()}, keep=("title",))


def nomination_fields(world) -> dict:
    return {"award_type": type_ids(world), "person": people(world), "organisation": org_ids(world),
            "programme": s.ids([world.a["programme"].pk], [world.b["programme"].pk]),
            "achievement_year": s.whole_number(), "summary": s.text(), "again": s.flag(), "version": s.whole_number()}


def test_nominations(hostile, world):
    a = world.a
    staff = world.cast["staff"]
    base = {"award_type": world.types["GK_SYT_CN"].pk, "person": a.people["11"].pk, "organisation": "",
            "achievement_year": 2026, "summary": "Hoàn thành xuất sắc nhiệm vụ năm 2026"}
    hostile.fuzz(staff, urls("awards:nomination-create", world.ids("proposal")), base, nomination_fields(world))
    hostile.fuzz(staff, urls("awards:nomination-update", world.ids("nomination")),
                 {**base, "person": a.people["01"].pk, "version": a["nomination"].version}, nomination_fields(world))
    hostile.fuzz(staff, urls("awards:nomination-delete", world.ids("nomination")), {}, {"x": s.text(long=False)})
    hostile.fuzz(staff, urls("awards:nomination-file", world.ids("nomination")), {}, {"file": s.document()})
    hostile.fuzz(staff, urls("awards:proposal-file", world.ids("proposal")), {"kind": "submission"},
                 {"kind": s.choice(ProposalFile.Kind.values), "file": s.document()})
    hostile.fuzz(staff, urls("awards:proposal-submit", world.ids("proposal")), {}, {"x": s.text(long=False)})
    hostile.fuzz(staff, urls("awards:proposal-file-delete", world.ids("proposal_file")), {}, {"x": s.text(long=False)})


def test_proposal_import(hostile, world, client):
    a = world.a
    client.force_login(world.cast["staff"])
    template = client.get(reverse("awards:proposal-template", args=[a["proposal"].pk])).content
    from awards.excel import LIST_HEADERS, LIST_SHEET

    known = [[1, "A02", "", "Trần Thị Bình", "GK_SYT_CN", 2026, "", "Thành tích tốt"],
             [2, "", "BVDK-NOI", "Khoa Nội", "GK_SYT_TT", "", "", "Khoa dẫn đầu"],
             [3, "B02", "", "Người của Sở B", "GK_SYT_CN", 2026, "", ""],       # Sở B's person
             [4, "", "BV", "Bệnh viện tỉnh B", "GK_SYT_TT", 2026, "", ""],       # Sở B's unit code
             [5, "A03", "", "Lê Văn Cường", "GK_SYT_CN", 2026, "2.1.1", ""]]
    hostile.fuzz(world.cast["staff"], urls("awards:proposal-import", world.ids("proposal")), {},
                 {"file": s.upload(s.workbook(template, LIST_SHEET, len(LIST_HEADERS), known_rows=known))}, scale=2)


def test_unit_path(hostile, world):
    a = world.a
    head = world.cast["head"]
    hostile.fuzz(head, reverse("awards:unit-titles"),
                 {"campaign": a["campaign"].pk, "organisation": a.hospital.pk, "year": 2025},
                 {"campaign": s.ids([a["campaign"].pk, a["draft"].pk], [world.b["campaign"].pk]),
                  "organisation": org_ids(world), "year": s.whole_number()})
    hostile.fuzz(head, urls("awards:proposal-bulk-add", world.ids("unit_proposal")),
                 {"award_type": world.types["LDTT"].pk, "person": [a.people["02"].pk, a.people["03"].pk]},
                 {"award_type": type_ids(world), "person": st.lists(people(world), max_size=4)})
    hostile.fuzz(head, urls("awards:unit-decide", world.ids("unit_proposal")), REGISTRY, registry_fields())


# --- The secretariat's moves -------------------------------------------------------------------------------------

def test_moves_and_queue(hostile, world):
    secretariat = world.cast["secretariat"]
    hostile.fuzz(secretariat, urls("awards:nomination-move", world.ids("n_submitted")),
                 {"target": State.ACCEPTED, "reason": "", "next": "/khen-thuong/xet-duyet/"},
                 {"target": s.choice(State.values), "reason": s.text(),
                  "next": st.sampled_from(["/khen-thuong/", "//evil.example/", "https://evil.example/",
                                           "/khen-thuong/../dang-xuat/", "javascript:alert(1)", "\x00"])})
    hostile.fuzz(secretariat, urls("awards:record-higher", world.ids("n_forwarded")),
                 {"reference": "Số 1234/QĐ-TTg", "decided_on": "01/06/2026", "issuer_name": "Thủ tướng Chính phủ"},
                 {"reference": s.text(), "decided_on": s.day(), "issuer_name": s.text(), "file": s.document()})
    hostile.fuzz(secretariat, reverse("awards:review"), {"nomination": [world.a["n_submitted"].pk]},
                 {"nomination": st.lists(nominations(world, "n_submitted", "nomination", "n_accepted"), max_size=3)})
    hostile.fuzz(secretariat, reverse("awards:review"), {},
                 {"phong-trao": s.ids(world.ids("campaign"), []), "trang-thai": s.choice(State.values),
                  "page": s.whole_number()}, method="get")


def test_disclosure(hostile, world):
    secretariat = world.cast["secretariat"]
    hostile.fuzz(secretariat, reverse("awards:disclosure-create"),
                 {"title": "Công khai danh sách đề nghị", "starts_on": "10/06/2026", "working_days": 10,
                  "published_at": "Cổng thông tin điện tử Sở", "nomination": [world.a["n_accepted"].pk]},
                 {"title": s.text(), "starts_on": s.day(), "working_days": s.whole_number(),
                  "published_at": s.text(), "nomination": st.lists(nominations(world, "n_accepted"), max_size=3)},
                 keep=("title", "published_at"))
    hostile.fuzz(secretariat, urls("awards:disclosure", world.ids("disclosure")), {"comments": "Không có ý kiến"},
                 {"comments": s.text()})


# --- Council ----------------------------------------------------------------------------------------------------

def test_session_create(hostile, world):
    a = world.a
    members = [a.people[f"HD{i}"].pk for i in range(3)]
    hostile.fuzz(world.cast["secretariat"], reverse("awards:session-create"),
                 {"title": "Phiên họp xét danh hiệu", "held_on": "10/06/2026", "place": "Phòng họp",
                  "chair": members[0], "secretary": members[1], "members": [members[2]],
                  "nomination": [a["n_accepted"].pk]},
                 {"title": s.text(), "held_on": s.day(), "place": s.text(), "chair": people(world),
                  "secretary": people(world), "members": st.lists(people(world), max_size=4),
                  "nomination": st.lists(nominations(world, "n_accepted", "n_submitted"), max_size=3)},
                 keep=("title", "place"))


def test_session_pages(hostile, world):
    a = world.a
    council, secretariat = world.cast["council"], world.cast["secretariat"]
    member_fields = {f"member-{m.pk}": s.choice(["present", "written", "absent"])
                     for m in a["session"].members.all()}
    member_fields.update({f"member-{m.pk}": s.choice(["absent"]) for m in world.b["session"].members.all()})
    hostile.fuzz(council, urls("awards:session-attendance", world.ids("session")),
                 {f"member-{m.pk}": "present" for m in a["session"].members.all()}, member_fields)
    tally = a["tally"].pk
    hostile.fuzz(council, urls("awards:session-tally", world.ids("tally"), before=(a["session"].pk,)),
                 {"yes": "3", "no": "0", "abstain": "0", "outcome": "approved", "reason": "", "override_reason": ""},
                 {"yes": s.whole_number(), "no": s.whole_number(), "abstain": s.whole_number(),
                  "outcome": s.choice(["approved", "not_approved"]), "reason": s.text(), "override_reason": s.text()})
    hostile.fuzz(council, urls("awards:session-tally-reopen", (tally, world.b["tally"].pk),
                               before=(a["session"].pk,)), {"reason": "Ghi nhầm"}, {"reason": s.text()})
    hostile.fuzz(council, urls("awards:session-tally-reopen", world.ids("recorded_tally"),
                               before=(a["past_session"].pk,)), {"reason": "Ghi nhầm"}, {"reason": s.text()})
    future = a["future_session"].pk
    hostile.fuzz(secretariat, urls("awards:session-reschedule", world.ids("future_session")),
                 {"held_on": "15/07/2026", "place": "Hội trường", "reason": "Lãnh đạo đi công tác"},
                 {"held_on": s.day(), "place": s.text(), "reason": s.text()})
    hostile.fuzz(secretariat, urls("awards:session-take-off", world.ids("future_tally"), before=(future,)),
                 {"reason": "Bổ sung hồ sơ"}, {"reason": s.text()})
    hostile.fuzz(council, urls("awards:session-close", world.ids("session")), {}, {"minutes": s.document()})
    hostile.fuzz(council, urls("awards:session-minutes-upload", world.ids("past_session")), {},
                 {"minutes": s.document()})


# --- Decisions -------------------------------------------------------------------------------------------------

def test_decisions(hostile, world):
    leader = world.cast["leader"]
    hostile.fuzz(leader, reverse("awards:decision-create"),
                 {"title": "Về việc tặng danh hiệu Lao động tiên tiến", "nomination": [world.a["n_approved"].pk]},
                 {"title": s.text(), "nomination": st.lists(nominations(world, "n_approved", "n_in_decision",
                                                                        "n_submitted"), max_size=3)},
                 keep=("title",))
    hostile.fuzz(leader, urls("reports:decision-issue", world.ids("decision")), REGISTRY, registry_fields())
    hostile.fuzz(leader, urls("awards:decision-revoke", world.ids("decision")), {"reason": "Kê khai sai"},
                 {"reason": s.text()})
    hostile.fuzz(leader, urls("awards:decision-line-remove", world.ids("decision_line"),
                              before=(world.a["decision"].pk,)), {}, {"x": s.text(long=False)})
    hostile.fuzz(leader, urls("awards:decision-delete", world.ids("decision")), {}, {"x": s.text(long=False)})
    hostile.fuzz(leader, reverse("awards:decision-list"), {},
                 {"trang-thai": s.text(long=False), "page": s.whole_number()}, method="get")


# --- The register ----------------------------------------------------------------------------------------------

def test_register(hostile, world):
    secretariat = world.cast["secretariat"]
    base = {"person": world.a.people["02"].pk, "organisation": "", "award_type": world.types["CSTDCS"].pk,
            "achievement_year": 2023, "issuer_name": "Sở Y tế A", "reference": "98/QĐ-SYT", "decided_on": "20/12/2023",
            "source": "before", "note": ""}
    hostile.fuzz(secretariat, reverse("awards:register-add"), base, {
        "person": people(world), "organisation": org_ids(world), "award_type": type_ids(world),
        "achievement_year": s.whole_number(), "issuer_name": s.text(), "reference": s.text(),
        "decided_on": s.day(), "source": s.choice(RegisterEntry.Source.values), "note": s.text(),
        "file": s.document()}, keep=("issuer_name", "reference"))
    record = {"record": s.choice(["appraisal", "hold", "initiative"]), "year": s.whole_number(),
              "grade": s.choice(Grade.values), "kind": s.choice(Hold.Kind.values), "starts_on": s.day(),
              "ends_on": s.day(), "note": s.text(), "title": s.text(), "level": s.choice(InitiativeLevel.values),
              "recognised_on": s.day(), "recognised_by": s.text()}
    hostile.fuzz(secretariat, urls("awards:register-person", world.ids("person")),
                 {"record": "appraisal", "year": "2025", "grade": "excellent"}, record)
    hostile.fuzz(secretariat, urls("awards:register-organisation", world.ids("organisation")),
                 {"record": "hold", "kind": "review", "starts_on": "01/06/2026", "note": "Đang xác minh"}, record)
    hostile.fuzz(secretariat, reverse("awards:register"), {"q": "nguyen"}, {"q": s.text()}, method="get")


def test_register_import(hostile, world, client):
    client.force_login(world.cast["secretariat"])
    template = client.get(reverse("awards:register-template")).content
    from awards.excel import REGISTER_HEADERS, REGISTER_SHEET

    known = [["A02", "", "CSTDCS", 2024, "Sở Y tế A", "125/QĐ-SYT", "20/12/2024", "Từ hồ sơ giấy"],
             ["", "BVDK", "TTLDTT", 2024, "Sở Y tế A", "126/QĐ-SYT", "20/12/2024", ""],
             ["B02", "", "CSTDCS", 2024, "Sở Y tế B", "1/QĐ", "20/12/2024", ""],            # Sở B's person
             ["", "BV", "TTLDTT", 2024, "Sở Y tế B", "2/QĐ", "31/02/2024", ""]]             # Sở B's unit code
    hostile.fuzz(world.cast["secretariat"], reverse("awards:register-import"), {},
                 {"file": s.upload(s.workbook(template, REGISTER_SHEET, len(REGISTER_HEADERS), known_rows=known))},
                 scale=2)


# --- Catalogue and tables --------------------------------------------------------------------------------------

def test_catalogue(hostile, world):
    """The administrator's tables. An administrator may change any issuer's data, so the ids
    offered are Sở A's and junk (Sở B's fingerprint still must not move)."""
    admin = world.cast["admin"]
    ldtt = world.types["LDTT"]
    type_fields = {"code": s.text(), "name": s.text(), "short_name": s.text(), "category": s.choice(["title", "form"]),
                   "recipient_kind": s.choice(["individual", "collective"]), "is_yearly": s.flag(),
                   "needs_council": s.flag(), "needs_disclosure": s.flag(), "order": s.whole_number(),
                   "is_active": s.flag(), "description": s.text()}
    type_base = {"code": "GK_MOI", "name": "Giấy khen mới", "short_name": "Giấy khen", "category": "form",
                 "recipient_kind": "individual", "order": 30, "is_active": "on"}
    hostile.fuzz(admin, reverse("awards:award-type-create"), type_base, type_fields, keep=("name",))
    hostile.fuzz(admin, (reverse("awards:award-type-update", args=[ldtt.pk]), [
        reverse("awards:award-type-update", args=[2 ** 63 + 5])]), {**type_base, "code": "LDTT"}, type_fields)
    rule = ldtt.rules.first()
    rule_fields = {"kind": s.choice([c for c, _ in AwardRule._meta.get_field("kind").choices]),
                   "effective_from": s.day(), "effective_to": s.day(), "enabled": s.flag(),
                   "needs_verification": s.flag(), "legal_basis": s.text(), "text": s.text(),
                   "authority": s.text(long=False), "grade": s.choice(Grade.values),
                   "initiative_level": s.choice(InitiativeLevel.values), "related_type": type_ids(world),
                   "count": s.whole_number(), "percent": s.number(), "denominator": s.choice(["present", "all"]),
                   "coefficient": s.number()}
    rule_base = {"kind": "bonus", "effective_from": "01/07/2024", "enabled": "on", "coefficient": "0,3",
                 "legal_basis": "Nghị định 152/2025/NĐ-CP"}
    hostile.fuzz(admin, reverse("awards:rule-create", args=[ldtt.pk]), rule_base, rule_fields)
    hostile.fuzz(admin, reverse("awards:rule-update", args=[ldtt.pk, rule.pk]), rule_base, rule_fields)
    hostile.fuzz(admin, reverse("awards:salaries"),
                 {"amount": "2340000", "effective_from": "01/07/2027", "legal_basis": "Nghị định mới"},
                 {"amount": s.number(), "effective_from": s.day(), "legal_basis": s.text(),
                  "needs_verification": s.flag()})
    hostile.fuzz(admin, reverse("awards:holidays"), {"day": "02/09/2027", "name": "Quốc khánh"},
                 {"day": s.day(), "name": s.text(), "needs_verification": s.flag()}, keep=("name",))
    salary = BaseSalary.objects.first()
    hostile.fuzz(admin, (reverse("awards:salary-confirm", args=[salary.pk]), [
        reverse("awards:salary-confirm", args=[2 ** 63 + 5])]), {}, {"x": s.text(long=False)})
    a_orgs = s.ids([o.pk for key, o in world.tree.items() if key.startswith("A")], [])
    hostile.fuzz(admin, reverse("awards:unit-authorities"),
                 {"organisation": world.tree["A.TT"].pk, "award_types": [ldtt.pk], "basis": "Quyết định phân cấp"},
                 {"organisation": a_orgs, "award_types": st.lists(type_ids(world), max_size=3), "basis": s.text()})
    hostile.fuzz(world.cast["secretariat"], reverse("awards:ratio-caps"),
                 {"award_type": world.types["CSTDCS"].pk, "base_type": ldtt.pk, "percent": "15", "enabled": "on",
                  "legal_basis": "Luật Thi đua, khen thưởng"},
                 {"award_type": type_ids(world), "base_type": type_ids(world), "percent": s.number(),
                  "enabled": s.flag(), "legal_basis": s.text()})


def test_proposal_document(world, client):
    """The proposal's printed number is read from what the unit typed ("15/TTr-BVĐK"): any text
    there still prints."""
    from django.db import transaction

    from awards.models import Proposal

    proposal = world.a["sent_proposal"]
    client.force_login(world.cast["staff"])

    @given(st.one_of(s.text(long=False), st.sampled_from(["²/TTr", "١٢/TTr-BV", "9" * 49, "/", "15/", " 15 / TTr "])))
    def document(number_text):
        with transaction.atomic():
            Proposal.objects.filter(pk=proposal.pk).update(number_text=number_text.replace("\x00", "")[:50])
            assert client.get(reverse("reports:proposal-document", args=[proposal.pk])).status_code == 200
            transaction.set_rollback(True)

    document()


def test_lists(hostile, world):
    hostile.fuzz(world.cast["staff"], reverse("awards:proposal-list"), {"q": "to trinh"},
                 {"q": s.text(), "loai": s.text(long=False), "page": s.whole_number()}, method="get")
