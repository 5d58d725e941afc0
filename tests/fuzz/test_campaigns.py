"""Plans: the plan itself, its lifecycle, content items, căn cứ, đề mục, nơi nhận, kỳ báo cáo,
participants and pledges, driven with hostile input: never a 500, never a change to Sở B's data."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import strategies as st

from campaigns.lifecycle import Status
from campaigns.models import Campaign, ReportingPeriod, Section
from tests.fuzz import strategies as s
from tests.fuzz.strategies import urls

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]


def org_ids(world):
    return s.ids([o.pk for o in world.tree.values()], [world.b.orgs["B.TT"].pk])


def campaign_fields(world) -> dict:
    return {
        "issuer": org_ids(world), "document_kind": s.choice(Campaign.DocumentKind.values), "title": s.text(),
        "theme": s.text(), "form": s.choice(Campaign.Form.values), "form_label": s.text(), "year": s.whole_number(),
        "period_start": s.day(), "period_end": s.day(), "document_parent_line": s.text(),
        "document_name_line": s.text(), "number": s.whole_number(), "notation": s.text(), "place": s.text(),
        "issue_date": s.day(),
        "issue_month": s.whole_number(), "issue_year": s.whole_number(), "preamble": s.text(), "closing": s.text(),
        "signer_prefix": s.text(), "signer_title": s.text(), "signer_name": s.text(),
        "quota_collective": s.whole_number(), "quota_individual": s.whole_number(), "version": s.whole_number(),
        "reason": s.text(),
    }


def campaign_base(world, campaign) -> dict:
    return {"issuer": campaign.issuer_id, "document_kind": campaign.document_kind, "title": campaign.title,
            "form": campaign.form, "year": campaign.year, "notation": campaign.notation, "issue_month": 3,
            "issue_year": 2026, "period_start": "01/01/2026", "period_end": "31/12/2026",
            "signer_title": "GIÁM ĐỐC", "signer_name": "Nguyễn Văn Ký", "quota_collective": "5",
            "quota_individual": "10", "version": campaign.version, "reason": "Bổ sung theo ý kiến lãnh đạo",
            "number": campaign.number or "", "issue_date": "05/01/2026"}


def test_campaign_create_and_update(hostile, world):
    user = world.cast["secretariat"]
    base = campaign_base(world, world.a["draft"])
    hostile.fuzz(user, reverse("campaigns:campaign-create"), base, campaign_fields(world),
                 keep=("title", "signer_name"))
    hostile.fuzz(user, urls("campaigns:campaign-update", world.ids("draft")), base, campaign_fields(world),
                 keep=("title", "theme"))
    hostile.fuzz(user, urls("campaigns:campaign-update", world.ids("campaign")), campaign_base(
        world, world.a["campaign"]), campaign_fields(world), keep=("title",))


def test_campaign_lifecycle(hostile, world):
    user = world.cast["secretariat"]
    hostile.fuzz(user, urls("campaigns:campaign-issue", world.ids("draft")),
                 {"number": "12", "notation": "KH-SYT", "issue_date": "05/03/2026"},
                 {"number": s.whole_number(), "notation": s.text(), "issue_date": s.day()}, keep=("notation",))
    hostile.fuzz(user, urls("campaigns:campaign-move", world.ids("campaign")),
                 {"to": Status.UNDER_REVIEW, "reason": "Tổng kết"},
                 {"to": s.choice(Status.values), "reason": s.text()})
    hostile.fuzz(user, urls("campaigns:campaign-delete", world.ids("draft")), {"reason": "Lập nhầm"},
                 {"reason": s.text()})


def test_subcampaigns(hostile, world):
    user = world.cast["secretariat"]
    a = world.a
    fields = {
        "parent": s.ids([a["per_programme"].pk, a["item"].pk], [world.b["item"].pk]), "order": s.whole_number(),
        "number": s.text(), "title": s.text(), "title_end": s.text(), "host_text": s.text(), "host": org_ids(world),
        "responsible_label": s.text(), "responsible_text": s.text(), "responsible": org_ids(world),
        "content": s.text(), "award_timing": s.text(), "award_from": s.day(), "award_to": s.day(),
        "criteria": s.text(), "quota_note": s.text(), "quota_per_programme": s.flag(),
        "needs_detailed_plan": s.flag(), "quota_collective": s.whole_number(), "quota_individual": s.whole_number(),
        "reason": s.text(),
    }
    base = {"number": "2.3", "order": 3, "title": "Thi đua cải cách hành chính", "host_text": "Sở Y tế",
            "responsible": world.tree["A.TCHC"].pk, "award_timing": "Cuối năm 2026", "award_from": "01/01/2026",
            "award_to": "31/12/2026", "quota_individual": "3", "reason": "Bổ sung nội dung"}
    hostile.fuzz(user, urls("campaigns:subcampaign-create", world.ids("campaign")), base, fields,
                 keep=("title", "number"))
    hostile.fuzz(user, urls("campaigns:subcampaign-update", world.ids("item"), before=(a["campaign"].pk,)),
                 {**base, "number": "2.2"}, fields, keep=("title",))
    hostile.fuzz(user, urls("campaigns:subcampaign-delete", world.ids("item"), before=(a["campaign"].pk,)),
                 {"reason": "Trùng"}, {"reason": s.text()})


ITEMS = {
    "de-muc": (Section, {"order": 2, "level": 1, "heading": "V. TỔ CHỨC THỰC HIỆN", "body": "Các đơn vị triển khai."},
               lambda: {"order": s.whole_number(), "level": s.whole_number(), "heading": s.text(), "body": s.text(),
                        "block": s.choice(Section.Block.values)}, "section"),
    "can-cu": (None, {"order": 2, "lead": "Căn cứ", "kind": "Nghị định", "number": "152/2025/NĐ-CP",
                      "issued_on": "01/07/2025", "issuer_name": "Chính phủ", "subject": "quy định chi tiết",
                      "text": ""},
               lambda: {"order": s.whole_number(), "lead": s.text(), "kind": s.text(), "number": s.text(),
                        "issued_on": s.day(), "issuer_name": s.text(), "subject": s.text(), "text": s.text(),
                        "separator": s.text(long=False)}, "legal_basis"),
    "noi-nhan": (None, {"order": 2, "text": "Bộ Y tế", "purpose": "(báo cáo)", "is_archive": ""},
                 lambda: {"order": s.whole_number(), "text": s.text(), "purpose": s.text(), "is_archive": s.flag()},
                 "recipient"),
    "ky-bao-cao": (ReportingPeriod, {"kind": "year", "year": 2026, "label": "Năm 2026",
                                     "deadline_text": "trước ngày 15/11", "deadline": "15/11/2026",
                                     "deadline_inclusive": "on", "order": 2},
                   lambda: {"kind": s.choice(ReportingPeriod.Kind.values), "year": s.whole_number(), "label": s.text(),
                            "deadline_text": s.text(), "deadline": s.day(), "deadline_inclusive": s.flag(),
                            "request_reference": s.text(), "order": s.whole_number()}, "period"),
}


@pytest.mark.parametrize("kind", sorted(ITEMS))
def test_plan_items(hostile, world, kind):
    user = world.cast["secretariat"]
    _model, base, fields, key = ITEMS[kind]
    campaign = world.a["campaign"].pk
    base = {**base, "reason": "Sửa theo văn bản"}
    fields = {**fields(), "reason": s.text()}
    hostile.fuzz(user, urls("campaigns:item-create", world.ids("campaign"), after=(kind,)), base, fields)
    hostile.fuzz(user, urls("campaigns:item-update", world.ids(key), before=(campaign, kind)), base, fields)
    hostile.fuzz(user, urls("campaigns:item-delete", world.ids(key), before=(campaign, kind)), {"reason": "Thừa"},
                 {"reason": s.text()})


def test_participants(hostile, world):
    user = world.cast["secretariat"]
    hostile.fuzz(user, urls("campaigns:participants-add", world.ids("campaign")),
                 {"organisations": [world.tree["A.TCHC"].pk], "registered_on": "15/01/2026", "reason": "Bổ sung"},
                 {"organisations": st.lists(org_ids(world), max_size=4), "registered_on": s.day(), "reason": s.text()})
    hostile.fuzz(user, urls("campaigns:participant-remove", world.ids("participation"),
                            before=(world.a["campaign"].pk,)), {"reason": "Rút"}, {"reason": s.text()})


def test_pledges(hostile, world):
    user = world.cast["secretariat"]
    a = world.a
    base = {"title": "Giao ước thi đua khối bệnh viện", "bloc": a["bloc"].pk,
            "parties": [world.tree["A.BV"].pk, world.tree["A.TT"].pk], "signed_on": "20/03/2026",
            "commitments": "Tỷ lệ hài lòng ≥ 95%", "reason": "Bổ sung"}
    fields = {"title": s.text(), "bloc": s.ids([a["bloc"].pk], [world.b["bloc"].pk]),
              "parties": st.lists(org_ids(world), max_size=4), "signed_on": s.day(), "commitments": s.text(),
              "file": st.one_of(s.document(), st.just(SimpleUploadedFile("x.pdf", b"%PDF-1.4"))), "reason": s.text()}
    hostile.fuzz(user, urls("campaigns:pledge-create", world.ids("campaign")), base, fields, keep=("title",))
    hostile.fuzz(user, urls("campaigns:pledge-update", world.ids("pledge"), before=(a["campaign"].pk,)), base, fields,
                 keep=("title",))
    hostile.fuzz(user, urls("campaigns:pledge-delete", world.ids("pledge"), before=(a["campaign"].pk,)),
                 {"reason": "Ký lại"}, {"reason": s.text()})


def test_campaign_list_filter(hostile, world):
    hostile.fuzz(world.cast["staff"], reverse("campaigns:campaign-list"), {"q": "thi dua"},
                 {"q": s.text(), "status": s.choice(Status.values), "year": s.whole_number(),
                  "form": s.choice(Campaign.Form.values), "issuer": org_ids(world), "page": s.whole_number()},
                 method="get")
