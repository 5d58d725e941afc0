"""Copying a plan forward (issue 19 point 1): campaigns.services.copy_plan with the indicators it brings,
and the page that does it."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from campaigns import selectors, services
from campaigns.lifecycle import Status
from campaigns.models import (
    Campaign,
    CampaignEvent,
    LegalBasis,
    Pledge,
    Recipient,
    ReportingPeriod,
    Section,
    SubCampaign,
)
from indicators import services as indicator_services
from indicators.evaluation import Comparator as C
from indicators.evaluation import Direction as D
from indicators.models import CampaignIndicator, IndicatorDefinition, Submission
from tests.factories import make_campaign, make_org
from units import services as unit_services
from units.access import SYSTEM

pytestmark = pytest.mark.django_db

TITLE = "Phát động phong trào thi đua năm 2026"


@pytest.fixture
def source(tree, settings):
    """Sở A's plan for 2026, in progress: every kind of row the copy handles, one closed participant with an
    open successor and one without, and indicators with and without next year's plan."""
    settings.APP_TODAY = date(2026, 11, 20)
    old_centre = make_org("Trung tâm Y tế cũ", "TTC", parent=tree["A"], kind="health_centre")
    new_centre = make_org("Trung tâm Y tế khu vực", "TTKV", parent=tree["A"], kind="health_centre")
    gone = make_org("Phòng khám đã giải thể", "PK", parent=tree["A"], kind="other_unit")
    campaign = make_campaign(tree["A"], TITLE, participants=[tree["A.BV"], tree["A.TT"], old_centre, gone],
                             status=Status.IN_PROGRESS, period_start=date(2026, 1, 1), period_end=date(2026, 12, 31),
                             notation="KH-SYT", preamble="Sở Y tế phát động phong trào thi đua năm 2026.")
    unit_services.close_organisation(by=SYSTEM, organisation=old_centre, closed_on=date(2026, 7, 1),
                                     successor=new_centre)
    unit_services.close_organisation(by=SYSTEM, organisation=gone, closed_on=date(2026, 7, 1))
    save = services.save_item
    save(by=SYSTEM, campaign=campaign, instance=Section(order=1, heading="I. MỤC ĐÍCH, YÊU CẦU", body="Thi đua."))
    save(by=SYSTEM, campaign=campaign, instance=Section(order=2, level=2, heading="1. Chỉ tiêu năm 2026",
                                                        block="indicators"))
    for order, kind, text, issued_on in [
        (1, "Luật", "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", date(2022, 6, 15)),
        (2, "Nghị định", "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ", date(2025, 6, 14)),
        (3, "Kế hoạch", "Kế hoạch của Ủy ban nhân dân tỉnh về công tác thi đua, khen thưởng năm 2026", None),
    ]:
        save(by=SYSTEM, campaign=campaign, instance=LegalBasis(order=order, lead="Căn cứ", kind=kind, text=text,
                                                               issued_on=issued_on))
    for order, text in enumerate(["Các đơn vị trực thuộc", "Lưu: VT, TCHC."], 1):
        save(by=SYSTEM, campaign=campaign, instance=Recipient(order=order, text=text, is_archive=order == 2))
    services.set_quota(by=SYSTEM, campaign=campaign, kind="individual", count=30)
    programmes = services.save_subcampaign(by=SYSTEM, campaign=campaign, instance=SubCampaign(
        number="1", title="Các chương trình mục tiêu", quota_per_programme=True, award_timing="Cuối năm 2026",
        award_from=date(2026, 11, 1), award_to=date(2026, 12, 31), responsible=old_centre))
    for number in ("1.a", "1.b"):
        services.save_subcampaign(by=SYSTEM, campaign=campaign, instance=SubCampaign(
            parent=programmes, number=number, title=f"Chương trình {number}"),
            quotas={"collective": 2, "individual": 5})
    for kind, deadline, text in [("six_month", date(2026, 6, 20), "trước ngày 20/6"),
                                 ("year", date(2026, 12, 15), "trước ngày 15/12")]:
        save(by=SYSTEM, campaign=campaign, instance=ReportingPeriod(kind=kind, year=2026, deadline=deadline,
                                                                    deadline_text=text))
    services.save_pledge(by=SYSTEM, campaign=campaign, instance=Pledge(title="Giao ước 2026"),
                         parties=[tree["A.BV"], tree["A.TT"]])
    rows = {}
    for code, direction, comparator, target, next_target in [
        ("BHYT", D.HIGHER, C.GTE, "≥91%", "≥92%"),
        ("SDD", D.LOWER, C.LT, "< 14", ""),
    ]:
        definition = indicator_services.save_definition(by=SYSTEM, instance=IndicatorDefinition(
            issuer=tree["A"], code=code, name=f"Chỉ tiêu {code}", unit="%", direction=direction))
        rows[code] = indicator_services.save_indicator(by=SYSTEM, campaign=campaign, instance=CampaignIndicator(
            definition=definition, comparator=comparator, target_text=target, next_target_text=next_target,
            subcampaign=programmes if code == "SDD" else None,
            reporting_scope=CampaignIndicator.Scope.NAMED), reporting_units=[tree["A.BV"], old_centre])
    campaign.refresh_from_db()
    return {"campaign": campaign, "rows": rows, "old_centre": old_centre, "new_centre": new_centre, "gone": gone}


def _copy(by, source, issuer, year=2027, title="Phát động phong trào thi đua năm 2027"):
    return services.copy_plan(by=by, source=source, issuer=issuer, year=year, title=title)


def _rows(campaign):
    return {
        "sections": list(campaign.sections.values_list("heading", "body", "block")),
        "bases": list(campaign.legal_bases.values_list("text", "needs_review")),
        "recipients": list(campaign.recipients.values_list("text", "is_archive")),
        "items": list(campaign.subcampaigns.values_list("number", "award_timing", "award_from")),
        "quotas": sorted((n or "", k, c) for n, k, c in campaign.quotas.values_list(
            "subcampaign__number", "recipient_kind", "count")),
        "participants": sorted(campaign.participations.values_list("organisation__name", flat=True)),
        "periods": list(campaign.periods.values_list("kind", "year", "deadline", "deadline_text")),
        "indicators": list(campaign.indicators.values_list("definition_id", "target_text", "next_target_text")),
        "pledges": campaign.pledges.count(),
    }


def test_the_copy_is_a_draft_of_the_new_year_with_everything_the_plan_holds(tree, cast, source):
    plan = source["campaign"]
    before = _rows(plan)
    draft = _copy(cast["secretariat"], plan, tree["A"])
    assert (draft.status, draft.year, draft.issuer, draft.copied_from) == (Status.DRAFT, 2027, tree["A"], plan)
    assert (draft.number, draft.issue_date, draft.notation) == (None, None, "KH-SYT")
    assert (draft.period_start, draft.period_end) == (date(2027, 1, 1), date(2027, 12, 31))
    rows = _rows(draft)
    assert rows["sections"] == before["sections"]  # copied as they are
    assert rows["recipients"] == before["recipients"]
    assert [text for text, _ in rows["bases"]] == [text for text, _ in before["bases"]]
    assert [flag for _, flag in rows["bases"]] == [False, False, True]  # the province's plan for 2026
    assert rows["items"] == [("1", "Cuối năm 2027", date(2027, 11, 1)), ("1.a", "", None), ("1.b", "", None)]
    assert len(rows["quotas"]) == 5 and rows["quotas"] == sorted(before["quotas"])
    assert draft.subcampaigns.get(number="1.a").parent == draft.subcampaigns.get(number="1")
    assert draft.subcampaigns.get(number="1").responsible == source["new_centre"]
    # The closed centre's successor takes its place; the unit closed without one is left out.
    assert rows["participants"] == sorted(["Bệnh viện Đa khoa", "Trung tâm Y tế Đức Thọ", "Trung tâm Y tế khu vực"])
    assert rows["periods"] == [("six_month", 2027, date(2027, 6, 20), "trước ngày 20/6"),
                               ("year", 2027, date(2027, 12, 15), "trước ngày 15/12")]
    assert rows["pledges"] == 0
    # Nothing of the source changed.
    assert _rows(plan) == before
    plan.refresh_from_db()
    assert (plan.status, plan.year, plan.copy_review) == (Status.IN_PROGRESS, 2026, [])
    # The history says where the draft came from.
    assert CampaignEvent.objects.filter(campaign=draft, changes__0__field="copied_from").exists()


def test_indicators_take_next_years_plan_or_keep_the_target_for_review(tree, cast, source):
    draft = _copy(cast["secretariat"], source["campaign"], tree["A"])
    copies = {row.definition.code: row for row in draft.indicators.select_related("definition")}
    assert copies["BHYT"].definition == source["rows"]["BHYT"].definition  # same catalogue: same definition
    assert (copies["BHYT"].target_text, copies["BHYT"].target_value, copies["BHYT"].next_target_text) == (
        "≥92%", 92, "")
    assert copies["SDD"].target_text == "< 14"
    assert copies["SDD"].subcampaign == draft.subcampaigns.get(number="1")
    assert set(copies["SDD"].reporting_units.all()) == {tree["A.BV"], source["new_centre"]}
    assert not Submission.objects.filter(period__campaign=draft).exists()

    review = selectors.copy_review(draft)
    kinds = [(item["kind"], item["text"]) for item in review]
    assert kinds[0] == ("legal_basis", "Kế hoạch của Ủy ban nhân dân tỉnh về công tác thi đua, khen thưởng năm 2026")
    assert ("indicator", "Chỉ tiêu SDD") in kinds and ("indicator", "Chỉ tiêu BHYT") not in kinds
    participants = {item["text"]: item["detail"] for item in review if item["kind"] == "participant"}
    assert "đã thêm đơn vị kế thừa Trung tâm Y tế khu vực" in participants["Trung tâm Y tế cũ"]
    assert "không có đơn vị kế thừa" in participants["Phòng khám đã giải thể"]
    assert any(item["kind"] == "section" and "năm 2026" in item["detail"] for item in review)


def test_the_review_list_survives_reload_and_lines_are_dismissed(tree, cast, source):
    draft = _copy(cast["secretariat"], source["campaign"], tree["A"])
    draft = Campaign.objects.get(pk=draft.pk)
    review = selectors.copy_review(draft)
    basis_key = review[0]["key"]
    other_key = review[-1]["key"]
    services.dismiss_copy_review(by=cast["secretariat"], campaign=draft, key=basis_key)
    services.dismiss_copy_review(by=cast["secretariat"], campaign=draft, key=other_key)
    draft.refresh_from_db()
    keys = [item["key"] for item in selectors.copy_review(draft)]
    assert basis_key not in keys and other_key not in keys and len(keys) == len(review) - 2
    assert not draft.legal_bases.filter(needs_review=True).exists()
    with pytest.raises(PermissionDenied):
        services.dismiss_copy_review(by=cast["council"], campaign=draft, key=keys[0])


def test_a_plan_of_another_issuer_brings_new_definitions_into_the_targets_catalogue(tree, cast, source):
    draft = _copy(cast["admin"], source["campaign"], tree["B"])
    copies = list(draft.indicators.select_related("definition"))
    assert {row.definition.issuer_id for row in copies} == {tree["B"].pk}
    assert set(IndicatorDefinition.objects.filter(issuer=tree["B"]).values_list("code", flat=True)) == {"BHYT", "SDD"}
    assert IndicatorDefinition.objects.filter(issuer=tree["A"]).count() == 2
    assert (draft.notation, draft.document_name_line) == ("KH-SYT", "SỞ Y TẾ B")
    assert any(item["kind"] == "definition" for item in draft.copy_review)
    # A second copy finds the definitions made by the first.
    again = _copy(cast["admin"], source["campaign"], tree["B"], title="Kế hoạch khác năm 2027")
    assert IndicatorDefinition.objects.filter(issuer=tree["B"]).count() == 2
    assert not any(item["kind"] == "definition" for item in again.copy_review)


def test_29_february_and_passed_deadlines(tree, cast, settings):
    settings.APP_TODAY = date(2026, 3, 10)
    plan = make_campaign(tree["A"], "Kế hoạch năm 2024", year=2024)
    services.save_item(by=SYSTEM, campaign=plan, instance=ReportingPeriod(
        kind="year", year=2023, deadline=date(2024, 2, 29), deadline_text="trước ngày 29/2"))
    draft = _copy(cast["secretariat"], plan, tree["A"], year=2026, title="Kế hoạch năm 2026")
    period = draft.periods.get()
    assert (period.year, period.deadline, period.deadline_text) == (2025, date(2026, 2, 28), "trước ngày 28/2")
    assert [item["kind"] for item in draft.copy_review] == ["period"]
    assert "đã qua" in draft.copy_review[0]["detail"]


@pytest.mark.parametrize(("who", "error"), [
    ("outsider", PermissionDenied),   # cannot see Sở A's plan
    ("council", PermissionDenied),    # sees it, may not manage campaigns
    ("staff", PermissionDenied),
])
def test_who_cannot_copy_is_refused(tree, cast, source, who, error):
    with pytest.raises(error):
        _copy(cast[who], source["campaign"], tree["A"])
    with pytest.raises(PermissionDenied):  # a secretariat copies into its own issuer only
        _copy(cast["outsider"], source["campaign"], tree["A"])
    assert Campaign.objects.count() == 1


@pytest.mark.parametrize(("year", "title", "field"), [
    (2024, "Kế hoạch 2024", "year"),
    (2040, "Kế hoạch 2040", "year"),
    (2026, TITLE, "title"),   # the issuer already has this plan for this year
    (2027, "   ", "title"),
])
def test_bad_input_is_refused_by_field(tree, cast, source, year, title, field):
    with pytest.raises(ValidationError) as error:
        _copy(cast["secretariat"], source["campaign"], tree["A"], year=year, title=title)
    assert field in error.value.error_dict
    assert Campaign.objects.count() == 1


# --- The page ---------------------------------------------------------------------------------------------


def test_the_copy_page_prefills_and_creates_the_draft_which_opens_with_its_review(tree, cast, source, login):
    client = login(cast["secretariat"])
    plan = source["campaign"]
    page = client.get(plan.get_absolute_url())
    copy_url = reverse("campaigns:campaign-copy", args=[plan.pk])
    assert copy_url in page.content.decode()
    form = client.get(copy_url)
    assert form.status_code == 200
    assert form.context["form"]["year"].value() == 2027
    assert form.context["form"]["title"].value() == "Phát động phong trào thi đua năm 2027"
    assert form.context["form"]["issuer"].value() == tree["A"].pk
    response = client.post(copy_url, {"year": "2027", "issuer": tree["A"].pk,
                                      "title": "Phát động phong trào thi đua năm 2027"}, follow=True)
    draft = Campaign.objects.get(year=2027)
    assert response.redirect_chain[-1][0] == draft.get_absolute_url()
    html = response.content.decode()
    assert "Cần xem lại" in html and "Giữ chỉ tiêu năm 2026" in html
    assert "Đã ngừng hoạt động; đã thêm đơn vị kế thừa Trung tâm Y tế khu vực" in html


def test_the_copy_page_keeps_input_and_says_what_is_wrong(tree, cast, source, login):
    client = login(cast["secretariat"])
    url = reverse("campaigns:campaign-copy", args=[source["campaign"].pk])
    response = client.post(url, {"year": "2040", "issuer": tree["A"].pk, "title": "Kế hoạch riêng"})
    assert response.status_code == 200
    assert "Năm thi đua của bản sao phải trong khoảng 2025–2031." in response.content.decode()
    assert response.context["form"]["title"].value() == "Kế hoạch riêng"
    response = client.post(url, {"year": "2026", "issuer": tree["A"].pk, "title": TITLE})
    assert "đã có kế hoạch" in response.context["form"].errors["title"][0]
    assert Campaign.objects.count() == 1


def test_the_copy_page_is_hidden_from_outsiders_and_refused_to_readers(tree, cast, source, login):
    url = reverse("campaigns:campaign-copy", args=[source["campaign"].pk])
    assert login(cast["outsider"]).get(url).status_code == 404
    assert login(cast["council"]).get(url).status_code == 403
    assert "Sao chép kế hoạch" not in login(cast["council"]).get(source["campaign"].get_absolute_url()).content.decode()


def test_a_secretariat_takes_up_a_plan_it_sees_only_in_part(tree, cast, source):
    """Sở B's secretariat, also staff of A's hospital, sees A's plan through the hospital: the copy in Sở B
    keeps only what it may reach, makes the definitions in B's catalogue and says what it left out."""
    from tests.factories import make_user
    from units.models import Membership

    user = make_user("tt.b2", tree["B"], "secretariat")
    Membership.objects.create(user=user, organisation=tree["A.BV"], role="unit_staff")
    draft = _copy(user, source["campaign"], tree["B"])
    assert list(draft.participations.values_list("organisation__name", flat=True)) == ["Bệnh viện Đa khoa"]
    assert draft.subcampaigns.get(number="1").responsible is None
    assert {row.definition.issuer_id for row in draft.indicators.select_related("definition")} == {tree["B"].pk}
    assert {org.pk for row in draft.indicators.all() for org in row.reporting_units.all()} == {tree["A.BV"].pk}
    texts = {item["text"]: item["detail"] for item in draft.copy_review}
    assert "Trung tâm Y tế Đức Thọ" in texts["1 đơn vị tham gia không chép"]
