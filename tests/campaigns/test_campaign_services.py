"""Campaign services: lifecycle, reasons after issue, quotas, participants, pledges, history."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from campaigns import selectors, services
from campaigns.lifecycle import Status
from campaigns.models import CampaignEvent, LegalBasis, Pledge, Quota, Section, SubCampaign
from tests.factories import make_campaign
from units.access import SYSTEM

pytestmark = pytest.mark.django_db


def test_a_new_campaign_takes_its_header_from_the_issuer(tree, cast):
    tree["A"].document_parent_line = "UBND TỈNH A"
    tree["A"].document_name_line = "SỞ Y TẾ"
    tree["A"].place_name = "Thành phố A"
    tree["A"].save()
    campaign = services.create_campaign(by=cast["secretariat"], issuer=tree["A"], title="Kế hoạch thử", year=2026,
                                        notation="KH-SYT", issue_month=1, issue_year=2026)
    assert (campaign.document_parent_line, campaign.document_name_line, campaign.place) == (
        "UBND TỈNH A", "SỞ Y TẾ", "Thành phố A")
    assert campaign.status == Status.DRAFT
    assert campaign.number_line.replace("\u00a0", "") == "Số: /KH-SYT"
    assert campaign.date_line.replace("\u00a0", "") == "Thành phố A, ngày  tháng 01 năm 2026"


def test_only_managers_of_the_issuer_create_campaigns(tree, cast):
    for who in ("staff", "council", "outsider"):
        with pytest.raises(PermissionDenied):
            services.create_campaign(by=cast[who], issuer=tree["A"], title="X", year=2026)


def test_the_full_lifecycle_with_the_registry_number(tree, cast):
    campaign = make_campaign(tree["A"], notation="KH-SYT")
    with pytest.raises(ValidationError) as error:
        services.move_campaign(by=cast["secretariat"], campaign=campaign, to=Status.ISSUED)
    assert {"number", "issue_date"} <= set(error.value.error_dict)
    services.move_campaign(by=cast["leader"], campaign=campaign, to=Status.ISSUED, number=5, notation="KH-SYT",
                           issue_date=date(2026, 1, 5))
    campaign.refresh_from_db()
    assert campaign.number_line == "Số: 05/KH-SYT"
    for target in (Status.IN_PROGRESS, Status.UNDER_REVIEW, Status.CLOSED):
        services.move_campaign(by=cast["secretariat"], campaign=campaign, to=target)
    campaign.refresh_from_db()
    assert campaign.status == Status.CLOSED
    with pytest.raises(ValidationError):
        services.move_campaign(by=cast["secretariat"], campaign=campaign, to=Status.IN_PROGRESS)
    transitions = CampaignEvent.objects.filter(campaign=campaign, action="transition")
    assert transitions.count() == 4


def test_a_skipped_step_and_a_reopen_without_reason_are_refused(tree, cast):
    campaign = make_campaign(tree["A"], status=Status.UNDER_REVIEW)
    with pytest.raises(ValidationError):
        services.move_campaign(by=cast["secretariat"], campaign=campaign, to=Status.IN_PROGRESS)
    services.move_campaign(by=cast["secretariat"], campaign=campaign, to=Status.IN_PROGRESS, reason="Bổ sung số liệu")
    draft = make_campaign(tree["A"], title="Khác")
    with pytest.raises(ValidationError):
        services.move_campaign(by=cast["secretariat"], campaign=draft, to=Status.CLOSED)


def test_registry_numbers_are_unique_per_issuer_notation_and_year(tree, cast):
    first = make_campaign(tree["A"], title="Một")
    second = make_campaign(tree["A"], title="Hai")
    services.move_campaign(by=cast["secretariat"], campaign=first, to=Status.ISSUED, number=7, notation="KH-SYT",
                           issue_date=date(2026, 2, 1))
    with pytest.raises(ValidationError) as error:
        services.move_campaign(by=cast["secretariat"], campaign=second, to=Status.ISSUED, number=7,
                               notation="KH-SYT", issue_date=date(2026, 2, 2))
    assert "number" in error.value.error_dict


def test_after_issue_every_change_needs_a_reason_and_closed_is_frozen(tree, cast):
    campaign = make_campaign(tree["A"], status=Status.IN_PROGRESS)
    with pytest.raises(ValidationError) as error:
        services.update_campaign(by=cast["secretariat"], campaign=campaign, theme="Chủ đề mới")
    assert "reason" in error.value.error_dict
    services.update_campaign(by=cast["secretariat"], campaign=campaign, theme="Chủ đề mới", reason="Sửa lỗi chính tả")
    event = CampaignEvent.objects.filter(campaign=campaign, action="changed").latest("at")
    assert event.reason == "Sửa lỗi chính tả"
    assert {"field": "theme", "label": "Chủ đề", "before": "", "after": "Chủ đề mới"} in event.changes
    closed = make_campaign(tree["A"], title="Đã xong", status=Status.CLOSED)
    with pytest.raises(ValidationError):
        services.update_campaign(by=cast["secretariat"], campaign=closed, theme="X", reason="Y")


def test_no_quota_is_not_a_zero_quota(tree, cast):
    campaign = make_campaign(tree["A"])
    item = services.save_subcampaign(by=cast["secretariat"], campaign=campaign,
                                     instance=SubCampaign(number="2.6", title="Điều dưỡng giỏi"),
                                     quotas={"collective": 0, "individual": 10})
    assert dict(item.quotas.values_list("recipient_kind", "count")) == {"collective": 0, "individual": 10}
    services.set_quota(by=cast["secretariat"], campaign=campaign, subcampaign=item, kind="collective", count=None)
    assert not item.quotas.filter(recipient_kind="collective").exists()
    events = CampaignEvent.objects.filter(campaign=campaign, changes__0__field="quota_collective")
    assert [(e.changes[0]["before"], e.changes[0]["after"]) for e in events.order_by("at", "id")] == [
        ("không quy định", "0"), ("0", "không quy định")]


def test_a_printed_quota_line_must_state_the_items_numbers(tree, cast):
    campaign = make_campaign(tree["A"])
    with pytest.raises(ValidationError) as error:
        services.save_subcampaign(by=cast["secretariat"], campaign=campaign,
                                  instance=SubCampaign(number="2.2", title="Hoàn thành chỉ tiêu",
                                                       quota_printed="5 tập thể và 10 cá nhân"),
                                  quotas={"collective": 6, "individual": 10})
    assert "quota_printed" in error.value.error_dict and not SubCampaign.objects.exists()
    item = services.save_subcampaign(by=cast["secretariat"], campaign=campaign,
                                     instance=SubCampaign(number="2.2", title="Hoàn thành chỉ tiêu",
                                                          quota_printed="5 tập thể và 10 cá nhân"),
                                     quotas={"collective": 5, "individual": 10})
    # Changing a number alone would leave the printed words saying another: refused, nothing changes.
    with pytest.raises(ValidationError):
        services.set_quota(by=cast["secretariat"], campaign=campaign, subcampaign=item, kind="collective", count=7)
    assert dict(item.quotas.values_list("recipient_kind", "count")) == {"collective": 5, "individual": 10}
    node = selectors.subcampaign_tree(campaign)[0]
    assert node.quota_display == "5 tập thể và 10 cá nhân"


def test_a_per_programme_line_is_checked_against_its_programmes(tree, cast):
    campaign = make_campaign(tree["A"])
    parent = services.save_subcampaign(by=SYSTEM, campaign=campaign,
                                       instance=SubCampaign(number="2.1", title="Chương trình mục tiêu",
                                                            quota_per_programme=True))
    for number in ("2.1.a", "2.1.b"):
        services.save_subcampaign(by=SYSTEM, campaign=campaign, quotas={"collective": 5, "individual": 10},
                                  instance=SubCampaign(number=number, title=number, parent=parent))
    parent.quota_printed = "5 tập thể và 10 cá nhân cho mỗi chương trình"
    services.save_subcampaign(by=SYSTEM, campaign=campaign, instance=parent)
    child = parent.children.first()
    with pytest.raises(ValidationError) as error:
        services.set_quota(by=SYSTEM, campaign=campaign, subcampaign=child, kind="individual", count=8)
    assert "Nội dung 2.1. Chương trình mục tiêu" in error.value.messages[0]


def test_the_office_line_ends_as_printed(tree, cast):
    campaign = make_campaign(tree["A"])
    for number, end in (("1", ""), ("2", ".")):
        services.save_subcampaign(by=SYSTEM, campaign=campaign, instance=SubCampaign(
            number=number, title=number, host_text="UBND tỉnh", responsible_text="các Sở, ban ngành, đoàn thể",
            responsible_end=end))
    assert [n.responsible_line for n in selectors.subcampaign_tree(campaign)] == [
        "các Sở, ban ngành, đoàn thể", "các Sở, ban ngành, đoàn thể."]


def test_negative_quotas_are_refused(tree, cast):
    campaign = make_campaign(tree["A"])
    with pytest.raises(ValidationError):
        services.set_quota(by=cast["secretariat"], campaign=campaign, kind="individual", count=-1)
    assert not Quota.objects.exists()


def test_subcampaign_cannot_become_its_own_descendant(tree, cast):
    campaign = make_campaign(tree["A"])
    parent = services.save_subcampaign(by=SYSTEM, campaign=campaign, instance=SubCampaign(number="2.1", title="Cha"))
    child = services.save_subcampaign(by=SYSTEM, campaign=campaign,
                                      instance=SubCampaign(number="2.1.a", title="Con", parent=parent))
    parent.parent = child
    with pytest.raises(ValidationError):
        services.save_subcampaign(by=cast["secretariat"], campaign=campaign, instance=parent)


def test_participants_are_added_once_and_must_be_visible(tree, cast):
    campaign = make_campaign(tree["A"])
    assert services.add_participants(by=cast["secretariat"], campaign=campaign,
                                     organisations=[tree["A.BV"], tree["A.TT"]]) == 2
    assert services.add_participants(by=cast["secretariat"], campaign=campaign, organisations=[tree["A.BV"]]) == 0
    with pytest.raises(PermissionDenied):
        services.add_participants(by=cast["secretariat"], campaign=campaign, organisations=[tree["B.BV"]])


def test_a_pledge_binds_at_least_two_participants(tree, cast):
    campaign = make_campaign(tree["A"], participants=[tree["A.BV"], tree["A.TT"]])
    with pytest.raises(ValidationError):
        services.save_pledge(by=cast["secretariat"], campaign=campaign, instance=Pledge(title="Một mình"),
                             parties=[tree["A.BV"]])
    with pytest.raises(ValidationError):
        services.save_pledge(by=cast["secretariat"], campaign=campaign, instance=Pledge(title="Có người ngoài"),
                             parties=[tree["A.BV"], tree["A.TCHC"]])
    pledge = services.save_pledge(by=cast["secretariat"], campaign=campaign,
                                  instance=Pledge(title="Giao ước khối", signed_on=date(2026, 2, 1)),
                                  parties=[tree["A.BV"], tree["A.TT"]])
    assert pledge.parties.count() == 2
    event = CampaignEvent.objects.filter(campaign=campaign, target_type="giao ước thi đua").get()
    assert any(change["field"] == "parties" for change in event.changes)


def test_items_are_audited_on_create_change_and_delete(tree, cast):
    campaign = make_campaign(tree["A"])
    section = services.save_item(by=cast["secretariat"], campaign=campaign,
                                 instance=Section(order=1, level=1, heading="I. MỤC ĐÍCH, YÊU CẦU"))
    section.heading = "I. MỤC ĐÍCH"
    services.save_item(by=cast["secretariat"], campaign=campaign, instance=section)
    services.delete_item(by=cast["secretariat"], campaign=campaign, instance=section)
    actions = list(CampaignEvent.objects.filter(campaign=campaign, target_type="đề mục")
                   .order_by("at", "id").values_list("action", flat=True))
    assert actions == ["created", "changed", "deleted"]


def test_an_item_of_another_campaign_cannot_be_deleted_through_this_one(tree, cast):
    mine = make_campaign(tree["A"], title="Của tôi")
    other = make_campaign(tree["A"], title="Khác")
    basis = services.save_item(by=SYSTEM, campaign=other, instance=LegalBasis(text="Luật Thi đua, khen thưởng"))
    with pytest.raises(PermissionDenied):
        services.delete_item(by=cast["secretariat"], campaign=mine, instance=basis)


def test_a_campaign_has_one_six_month_period_per_year(tree, cast):
    from campaigns.models import ReportingPeriod

    campaign = make_campaign(tree["A"])
    services.save_item(by=cast["secretariat"], campaign=campaign,
                       instance=ReportingPeriod(kind="six_month", year=2026, deadline=date(2026, 6, 20)))
    with pytest.raises(ValidationError) as error:
        services.save_item(by=cast["secretariat"], campaign=campaign,
                           instance=ReportingPeriod(kind="six_month", year=2026, deadline=date(2026, 6, 25)))
    assert "kind" in error.value.error_dict
    services.save_item(by=cast["secretariat"], campaign=campaign,
                       instance=ReportingPeriod(kind="ad_hoc", year=2026, deadline=date(2026, 6, 25)))


def test_issue_date_cannot_be_in_the_future_and_numbers_restart_each_year(tree, cast, settings):
    settings.APP_TODAY = date(2026, 11, 23)
    first = make_campaign(tree["A"], "Một", year=2026)
    with pytest.raises(ValidationError) as error:
        services.move_campaign(by=cast["secretariat"], campaign=first, to=Status.ISSUED, number=15,
                               notation="KH-SYT", issue_date=date(2030, 1, 1))
    assert "issue_date" in error.value.error_dict
    services.move_campaign(by=cast["secretariat"], campaign=first, to=Status.ISSUED, number=15, notation="KH-SYT",
                           issue_date=date(2026, 6, 26))
    programme_2027 = make_campaign(tree["A"], "Kế hoạch năm 2027", year=2027)
    with pytest.raises(ValidationError):  # issued in 2026 too: the 2026 register already has 15
        services.move_campaign(by=cast["secretariat"], campaign=programme_2027, to=Status.ISSUED, number=15,
                               notation="kh-syt", issue_date=date(2026, 11, 20))
    last_year = make_campaign(tree["A"], "Kế hoạch năm 2025", year=2025)
    services.move_campaign(by=cast["secretariat"], campaign=last_year, to=Status.ISSUED, number=15,
                           notation="KH-SYT", issue_date=date(2025, 1, 10))


def test_summing_up_before_the_period_ends_needs_a_reason(tree, cast, settings):
    settings.APP_TODAY = date(2026, 11, 23)
    campaign = make_campaign(tree["A"], "Năm 2027", year=2027, period_start=date(2027, 1, 1),
                             period_end=date(2027, 12, 31), status=Status.IN_PROGRESS)
    with pytest.raises(ValidationError):
        services.move_campaign(by=cast["secretariat"], campaign=campaign, to=Status.UNDER_REVIEW)
    services.move_campaign(by=cast["secretariat"], campaign=campaign, to=Status.UNDER_REVIEW,
                           reason="Tổng kết sớm theo chỉ đạo")


def test_a_printed_deadline_fills_the_date_and_a_date_fills_the_printed_text(tree, cast):
    from campaigns.models import ReportingPeriod

    campaign = make_campaign(tree["A"])
    six = services.save_item(by=SYSTEM, campaign=campaign,
                             instance=ReportingPeriod(kind="six_month", year=2026, deadline_text="trước ngày 20/6"))
    assert (six.deadline, six.deadline_inclusive) == (date(2026, 6, 20), False)
    annual = services.save_item(by=SYSTEM, campaign=campaign,
                                instance=ReportingPeriod(kind="year", year=2026, deadline=date(2026, 12, 20)))
    assert annual.deadline_text == "trước ngày 20/12"
