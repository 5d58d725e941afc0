"""A campaign's roll-up for its issuer (issue 19, point 7): each unit's figures, nominations in the
provincial systems' words, acceptances, decisions and pledges; the bulk return and forward per unit;
who reads it and who acts; a constant number of queries."""

from datetime import date, datetime
from io import BytesIO

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from awards import services
from awards.models import Nomination
from awards.selectors.rollup import Figures, campaign_rollup, current_period
from awards.services.rollup import forward_units, return_to_units
from awards.workflow import Standing, State, standing
from campaigns import services as campaign_services
from campaigns.models import Pledge, ReportingPeriod, SubCampaign
from devtools import history
from indicators import services as indicator_services
from indicators.models import CampaignIndicator, IndicatorDefinition, Submission
from tests.factories import make_org, make_person
from units.access import SYSTEM

TODAY = date(2026, 11, 10)


@pytest.mark.parametrize(("state", "in_decision", "word"), [
    ("draft", False, None), ("submitted", False, Standing.PROPOSED), ("accepted", False, Standing.PROPOSED),
    ("disclosure", False, Standing.PROPOSED), ("voting", False, Standing.PROPOSED),
    ("approved", False, Standing.REVIEWED), ("rejected", False, Standing.FAILED),
    ("forwarded", False, Standing.HIGHER), ("decided", False, Standing.HIGHER),
    ("decided", True, Standing.OWN_LEVEL), ("returned", False, None), ("withdrawn", False, None),
    ("revoked", False, None),
])
def test_each_state_has_its_provincial_word(state, in_decision, word):
    assert standing(state, in_issued_decision=in_decision) == word


def test_the_roll_up_opens_on_the_period_being_collected():
    past, current, later = (ReportingPeriod(kind="year", year=2026, deadline=d)
                            for d in (date(2026, 6, 19), date(2026, 12, 20), date(2027, 1, 20)))
    assert current_period([past, current, later], TODAY) is current
    assert current_period([past], TODAY) is past
    assert current_period([], TODAY) is None


def _nominate(proposal, types, person, code="GK_SYT_CN", *moves):
    nomination = services.add_nomination(by=SYSTEM, proposal=proposal, award_type=types[code], person=person)
    for target in moves:
        services._move(SYSTEM, nomination, target, reason="Lý do thử" if target == "rejected" else "")
    return Nomination.objects.get(pk=nomination.pk)


def _proposal(plan, organisation, title, item=None):
    return services.create_proposal(by=SYSTEM, campaign=plan["campaign"], organisation=organisation,
                                    subcampaign=item or plan["item"], title=title, year=2026)


def _report(period, indicator, organisation, status="submitted"):
    return history.import_report(period=period, organisation=organisation, values={indicator.pk: "92"},
                                 status=status, submitted_at=timezone.make_aware(datetime(2026, 11, 5, 9)))


@pytest.fixture
def world(plan, tree, types):
    """Sở A's campaign: the hospital sent four nominations (one waiting, one taken in, one refused,
    its ward's Bằng khen tỉnh approved) and its six-month report; the health centre's Giấy khen is
    in an issued decision and its report not sent; the two signed a pledge."""
    campaign = plan["campaign"]
    period = campaign_services.save_item(by=SYSTEM, campaign=campaign, instance=ReportingPeriod(
        kind="six_month", year=2026, deadline=date(2026, 12, 20)))
    campaign_services.save_item(by=SYSTEM, campaign=campaign, instance=ReportingPeriod(
        kind="ad_hoc", year=2026, deadline=date(2026, 10, 1)))
    definition = indicator_services.save_definition(by=SYSTEM, instance=IndicatorDefinition(
        issuer=tree["A"], code="BHYT", name="Tỷ lệ tham gia bảo hiểm y tế", unit="%", direction="higher"))
    indicator = indicator_services.save_indicator(by=SYSTEM, campaign=campaign, instance=CampaignIndicator(
        definition=definition, number="1", comparator="gte", target_text="≥91%"))
    _report(period, indicator, tree["A.BV"])
    people = plan["people"]
    bv = _proposal(plan, tree["A.BV"], "Tờ trình của bệnh viện")
    waiting = _nominate(bv, types, people["an"], "GK_SYT_CN", "submitted")
    taken = _nominate(bv, types, people["binh"], "GK_SYT_CN", "submitted", "accepted")
    refused = _nominate(bv, types, people["cuong"], "GK_SYT_CN", "submitted", "rejected")
    ward = _proposal(plan, tree["A.BV.NOI"], "Tờ trình của khoa Nội")
    upward = _nominate(ward, types, people["dung"], "BK_TINH_CN", "submitted", "accepted", "approved")
    tt = _proposal(plan, tree["A.TT"], "Tờ trình của trung tâm")
    decided = _nominate(tt, types, people["em"], "GK_SYT_CN", "submitted", "accepted", "approved")
    decision = services.create_decision(by=SYSTEM, issuer=tree["A"], title="Về việc tặng Giấy khen",
                                        nominations=[decided], campaign=campaign)
    services.issue_decision(by=SYSTEM, decision=decision, number=77, notation="QĐ-SYT", issue_date=date(2026, 11, 9),
                            signer_prefix="", signer_title="GIÁM ĐỐC", signer_name="Trần Văn Ký")
    campaign_services.save_pledge(by=SYSTEM, campaign=campaign, instance=Pledge(title="Giao ước khối bệnh viện"),
                                  parties=[tree["A.BV"], tree["A.TT"]])
    return {"campaign": campaign, "period": period, "indicator": indicator, "waiting": waiting, "taken": taken,
            "refused": refused, "upward": upward, "decided": decided}


# --- The selector ----------------------------------------------------------------------------------------------


def test_each_unit_shows_its_figures_nominations_and_pledges(world, tree, cast):
    data = campaign_rollup(world["campaign"], cast["secretariat"], TODAY)
    assert data.period == world["period"]          # the six-month report, still being collected
    bv, tt = data.rows
    assert (bv.organisation, tt.organisation) == (tree["A.BV"], tree["A.TT"])
    # The ward's nomination counts for its hospital.
    assert bv.standings == {Standing.PROPOSED: 2, Standing.FAILED: 1, Standing.REVIEWED: 1}
    assert (bv.sent, bv.waiting, bv.accepted, bv.approved, bv.decided) == (4, 1, 2, 1, 0)
    assert (bv.figures, bv.timeliness, bv.pledges) == (Figures.SENT, "Đúng hạn", ["Giao ước khối bệnh viện"])
    assert tt.standings == {Standing.OWN_LEVEL: 1}
    assert (tt.sent, tt.accepted, tt.decided, tt.figures) == (1, 1, 1, Figures.NOT_SENT)
    assert data.has_pledges
    chips = {c.key: (c.count, c.units) for c in data.standing_chips}
    assert chips == {"de-xuat": (2, 1), "hoan-thanh-binh-xet": (1, 1), "khong-dat": (1, 1), "dat-khen-cao": (0, 0),
                     "dat-cap-tinh": (1, 1), "tra-lai-de-nghi": (0, 0)}
    assert {c.key: c.count for c in data.figure_chips} == {"chua-gui": 1, "da-gui": 1, "tra-lai": 0, "da-tiep-nhan": 0}
    assert data.filtered("dat-cap-tinh") == [tt]
    assert data.filtered("da-gui") == [bv]
    assert data.totals.sent == 5


def test_another_period_shows_its_own_reports(world, cast):
    other = world["campaign"].periods.get(kind="ad_hoc")
    data = campaign_rollup(world["campaign"], cast["secretariat"], TODAY, other)
    assert [row.figures for row in data.rows] == [Figures.NOT_SENT, Figures.NOT_SENT]
    assert data.rows[0].timeliness == "Chưa nộp, quá hạn"


def test_a_body_that_is_no_participant_gets_its_own_row(world, plan, tree, types, cast):
    # The office is responsible for an item of the plan, and proposes under it.
    item = campaign_services.save_subcampaign(by=SYSTEM, campaign=plan["campaign"], instance=SubCampaign(
        number="2.3", title="Thi đua cải cách hành chính", responsible=tree["A.TCHC"], order=3))
    office = _proposal(plan, tree["A.TCHC"], "Tờ trình của phòng", item)
    _nominate(office, types, make_person(tree["A.TCHC"], "Đỗ Thị Hoa", "VP01"), "GK_SYT_CN", "submitted")
    rows = campaign_rollup(world["campaign"], cast["secretariat"], TODAY).rows
    assert [(r.organisation, r.is_participant) for r in rows][-1] == (tree["A.TCHC"], False)


# --- The services ----------------------------------------------------------------------------------------------


def test_a_bulk_return_sends_back_each_units_waiting_nominations_and_report(world, tree, cast,
                                                                          django_capture_on_commit_callbacks):
    cast["staff"].email = "dv.bv@example.vn"
    cast["staff"].save(update_fields=["email"])
    with django_capture_on_commit_callbacks(execute=True):
        outcomes = return_to_units(by=cast["secretariat"], campaign=world["campaign"],
                                   organisations=[tree["A.BV"], tree["A.TT"]], reason="Thiếu báo cáo thành tích.",
                                   nominations=True, figures=True, period=world["period"])
    assert [o.text for o in outcomes] == [
        "Bệnh viện Đa khoa: đã trả lại 1 đề nghị khen thưởng; đã trả lại báo cáo số liệu 6 tháng đầu năm 2026.",
        "Trung tâm Y tế Đức Thọ: không có gì để thực hiện."]
    waiting = Nomination.objects.get(pk=world["waiting"].pk)
    assert (waiting.state, waiting.reason) == (State.RETURNED, "Thiếu báo cáo thành tích.")
    assert Nomination.objects.get(pk=world["taken"].pk).state == State.ACCEPTED     # taken in: stays
    report = Submission.objects.get(period=world["period"], organisation=tree["A.BV"])
    assert (report.status, report.return_reason) == ("returned", "Thiếu báo cáo thành tích.")
    assert waiting.events.filter(to_state=State.RETURNED, actor=cast["secretariat"]).exists()
    # The hospital's staff and head read it in their mailbox: the nomination and the report.
    subjects = sorted(m.subject for m in mail.outbox if cast["staff"].email in m.to)
    assert len(subjects) == 2 and subjects[0].startswith("Báo cáo số liệu bị trả lại")
    assert all("Thiếu báo cáo thành tích." in m.body for m in mail.outbox)


def test_one_units_refusal_leaves_the_other_units_returned(world, plan, tree, types, cast, monkeypatch):
    """The hospital's report is returned by another hand between the service reading it and
    returning it (the race, reproduced): the real review_report refuses, the hospital's returned
    nomination is undone with it, and the health centre is returned all the same."""
    _report(world["period"], world["indicator"], tree["A.TT"])
    tt_waiting = _nominate(_proposal(plan, tree["A.TT"], "Tờ trình bổ sung"), types, plan["people"]["em"],
                           "LDTT", "submitted")
    hospital_report = Submission.objects.get(period=world["period"], organisation=tree["A.BV"])
    original = indicator_services.review_report

    def meanwhile_returned(*, by, submission, accept, reason=""):
        if submission.pk == hospital_report.pk:
            original(by=cast["secretariat"], submission=submission, accept=False, reason="Thiếu số liệu.")
        return original(by=by, submission=submission, accept=accept, reason=reason)

    monkeypatch.setattr(indicator_services, "review_report", meanwhile_returned)
    outcomes = return_to_units(by=cast["secretariat"], campaign=world["campaign"],
                               organisations=[tree["A.BV"], tree["A.TT"]], reason="Bổ sung minh chứng.",
                               nominations=True, figures=True, period=world["period"])
    assert outcomes[0].text == ("Bệnh viện Đa khoa: không thực hiện được – Báo cáo đang ở trạng thái “Bị trả "
                                "lại – cần bổ sung”, không thể chuyển.")
    assert Nomination.objects.get(pk=world["waiting"].pk).state == State.SUBMITTED   # undone with its unit
    hospital_report.refresh_from_db()
    assert hospital_report.status == "submitted"
    assert outcomes[1].done and Nomination.objects.get(pk=tt_waiting.pk).state == State.RETURNED
    assert Submission.objects.get(period=world["period"], organisation=tree["A.TT"]).status == "returned"


def test_a_bulk_return_needs_a_reason_and_the_secretariat(world, tree, cast):
    with pytest.raises(ValidationError):
        return_to_units(by=cast["secretariat"], campaign=world["campaign"], organisations=[tree["A.BV"]], reason=" ")
    for role in ("leader", "staff", "outsider"):
        with pytest.raises(PermissionDenied):
            return_to_units(by=cast[role], campaign=world["campaign"], organisations=[tree["A.BV"]], reason="x")
    assert Nomination.objects.get(pk=world["waiting"].pk).state == State.SUBMITTED


def test_forwarding_moves_approved_nominations_above_the_issuers_authority(world, plan, tree, types, cast):
    # Under an item without a quota: the Sở's own award needs no slot of item 2.2.
    item = campaign_services.save_subcampaign(by=SYSTEM, campaign=plan["campaign"], instance=SubCampaign(
        number="2.3", title="Thi đua cải cách hành chính", order=3))
    own = _nominate(_proposal(plan, tree["A.BV"], "Tờ trình Chiến sĩ thi đua", item), types,
                    plan["people"]["binh"], "CSTDCS", "submitted", "accepted", "approved")
    outcomes = forward_units(by=cast["secretariat"], campaign=world["campaign"], organisations=[tree["A.BV"]])
    assert outcomes[0].done == ["đã trình cấp trên 1 đề nghị", "1 đề nghị thuộc thẩm quyền của Sở Y tế A: đưa vào "
                                "quyết định của cơ quan, không trình cấp trên"]
    upward = Nomination.objects.get(pk=world["upward"].pk)
    assert upward.state == State.FORWARDED
    assert upward.events.filter(to_state=State.FORWARDED, actor=cast["secretariat"]).exists()
    assert Nomination.objects.get(pk=own.pk).state == State.APPROVED
    data = campaign_rollup(world["campaign"], cast["secretariat"], TODAY)
    assert data.rows[0].standings[Standing.HIGHER] == 1
    with pytest.raises(PermissionDenied):
        forward_units(by=cast["leader"], campaign=world["campaign"], organisations=[tree["A.BV"]])


# --- The pages -------------------------------------------------------------------------------------------------


def url(campaign, name="awards:rollup"):
    return reverse(name, args=[campaign.pk])


def test_the_secretariat_and_the_leader_read_it_units_and_other_issuers_do_not(world, login, cast):
    campaign = world["campaign"]
    page = login(cast["secretariat"]).get(url(campaign))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Bệnh viện Đa khoa" in html and "Trả lại các đơn vị đã chọn" in html
    assert "Đạt cấp tỉnh</strong>: đã khen thưởng trong quyết định đã ban hành" in html
    leader = login(cast["leader"]).get(url(campaign)).content.decode()
    assert "Bệnh viện Đa khoa" in leader and "Trả lại các đơn vị đã chọn" not in leader
    assert login(cast["leader"]).post(url(campaign, "awards:rollup-return"), {"don-vi": [1]}).status_code == 403
    for role in ("staff", "head", "council", "other_staff"):
        assert login(cast[role]).get(url(campaign)).status_code == 403
    assert login(cast["outsider"]).get(url(campaign)).status_code == 404


def test_a_filter_keeps_the_units_in_that_state(world, login, cast):
    html = login(cast["secretariat"]).get(url(world["campaign"]) + "?loc=dat-cap-tinh").content.decode()
    assert "Trung tâm Y tế Đức Thọ" in html and 'value="' + str(world["decided"].proposal.organisation_id) in html
    assert f"don-vi-{world['waiting'].proposal.organisation_id}" not in html


def test_the_page_returns_ticked_units_and_says_what_happened(world, login, cast, tree):
    client = login(cast["secretariat"])
    response = client.post(url(world["campaign"], "awards:rollup-return"), {
        "don-vi": [tree["A.BV"].pk], "tra-de-nghi": "1", "ly-do": "Thiếu báo cáo thành tích.",
        "ky": world["period"].pk, "loc": "de-xuat"}, follow=True)
    html = response.content.decode()
    assert "Bệnh viện Đa khoa: đã trả lại 1 đề nghị khen thưởng." in html
    assert response.redirect_chain[-1][0].endswith(f"?ky={world['period'].pk}&loc=de-xuat")
    assert Nomination.objects.get(pk=world["waiting"].pk).state == State.RETURNED
    no_reason = client.post(url(world["campaign"], "awards:rollup-return"),
                            {"don-vi": [tree["A.TT"].pk], "tra-de-nghi": "1", "ly-do": "  "})
    # Refused, nothing returned: the page comes back with the message by the reason and the ticks kept.
    page = no_reason.content.decode()
    assert no_reason.status_code == 400 and "Ghi lý do trả lại" in page
    assert f'id="don-vi-{tree["A.TT"].pk}" aria-label="Chọn Trung tâm Y tế Đức Thọ" checked' in page
    assert f'id="don-vi-{tree["A.BV"].pk}" aria-label="Chọn Bệnh viện Đa khoa">' in page
    nothing_ticked = client.post(url(world["campaign"], "awards:rollup-return"),
                                 {"tra-de-nghi": "1", "ly-do": "Thiếu biên bản bình xét."})
    page = nothing_ticked.content.decode()
    assert nothing_ticked.status_code == 400 and "Đánh dấu các đơn vị cần trả lại." in page
    assert "Thiếu biên bản bình xét.</textarea>" in page


def test_the_page_forwards_ticked_units_upward(world, login, cast, tree):
    response = login(cast["secretariat"]).post(url(world["campaign"], "awards:rollup-forward"), {
        "don-vi": [tree["A.BV"].pk, tree["A.TT"].pk], "ky": world["period"].pk}, follow=True)
    html = response.content.decode()
    assert "Bệnh viện Đa khoa: đã trình cấp trên 1 đề nghị." in html
    assert "Trung tâm Y tế Đức Thọ: không có gì để thực hiện." in html
    assert Nomination.objects.get(pk=world["upward"].pk).state == State.FORWARDED


def test_the_excel_copy_holds_the_table_without_formulas(world, login, cast):
    response = login(cast["leader"]).get(url(world["campaign"], "awards:rollup-xlsx"))
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(response.content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(i for i, r in enumerate(rows) if r[0] == "Đơn vị")
    assert rows[header][4:9] == ["Đề xuất", "Hoàn thành bình xét", "Không đạt", "Đạt khen cao", "Đạt cấp tỉnh"]
    assert rows[header + 1][:4] == ["Bệnh viện Đa khoa", "Đã gửi, chờ tiếp nhận", "Đúng hạn", 4]
    assert rows[-1][0] == "Cộng" and rows[-1][3] == 5
    assert not any(isinstance(v, str) and v.startswith("=") for r in rows for v in r)


def test_the_campaign_page_and_the_menu_link_it(world, login, cast):
    html = login(cast["secretariat"]).get(world["campaign"].get_absolute_url()).content.decode()
    assert url(world["campaign"]) in html and reverse("awards:rollup-index") in html
    staff = login(cast["staff"]).get(world["campaign"].get_absolute_url()).content.decode()
    assert url(world["campaign"]) not in staff and reverse("awards:rollup-index") not in staff
    index = login(cast["leader"]).get(reverse("awards:rollup-index")).content.decode()
    assert url(world["campaign"]) in index


def _count(client, address) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


def test_the_page_runs_a_constant_number_of_queries(world, plan, login, cast, tree, types,
                                                    django_assert_max_num_queries):
    client = login(cast["secretariat"])
    address = url(world["campaign"])
    small = _count(client, address)
    units = [make_org(f"Trạm Y tế xã {i}", f"TYT{i}", parent=tree["A"], kind="station") for i in range(8)]
    campaign_services.add_participants(by=SYSTEM, campaign=world["campaign"], organisations=units)
    for i, unit in enumerate(units):
        _report(world["period"], world["indicator"], unit, status="accepted" if i % 2 else "submitted")
        person = make_person(unit, f"Cán bộ trạm {i}", f"TYT{i}-1")
        _nominate(_proposal(plan, unit, f"Tờ trình trạm {i}"), types, person, "LDTT", "submitted")
    assert _count(client, address) == small
    assert small <= 20
    with django_assert_max_num_queries(small):
        assert client.get(address + "?loc=de-xuat").status_code == 200
