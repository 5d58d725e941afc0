"""Campaign pages: scope (hidden is 404), managing a plan end to end, forms that keep input."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from campaigns import services
from campaigns.lifecycle import Status
from campaigns.models import Campaign, Participation, Pledge, ReportingPeriod, Section, SubCampaign
from tests.factories import make_campaign
from units.access import SYSTEM

pytestmark = pytest.mark.django_db


@pytest.fixture
def live(tree):
    return make_campaign(tree["A"], "Phát động phong trào thi đua năm 2026", participants=[tree["A.BV"]],
                         status=Status.IN_PROGRESS)


@pytest.mark.parametrize(("who", "status"), [
    ("secretariat", 200), ("leader", 200), ("council", 200),  # issuer's tree
    ("staff", 200), ("head", 200),                            # their unit takes part
    ("other_staff", 404),                                     # same issuer, unit not taking part
    ("outsider", 404),                                        # another issuer
])
def test_campaign_detail_scope(login, live, cast, who, status):
    assert login(cast[who]).get(live.get_absolute_url()).status_code == status


def test_a_draft_is_the_issuers_business(login, tree, cast):
    draft = make_campaign(tree["A"], "Dự thảo", participants=[tree["A.BV"]])
    assert login(cast["staff"]).get(draft.get_absolute_url()).status_code == 404
    assert login(cast["secretariat"]).get(draft.get_absolute_url()).status_code == 200


def test_the_list_shows_only_visible_campaigns(login, tree, cast, live):
    make_campaign(tree["B"], "Kế hoạch của tỉnh B", status=Status.IN_PROGRESS)
    content = login(cast["staff"]).get(reverse("campaigns:campaign-list")).content.decode()
    assert live.title in content and "Kế hoạch của tỉnh B" not in content


def test_list_search_ignores_diacritics(login, tree, cast, live):
    make_campaign(tree["A"], "Thi đua chuyên đề phòng, chống dịch", status=Status.IN_PROGRESS)
    content = login(cast["secretariat"]).get(reverse("campaigns:campaign-list"), {"q": "phong chong dich"}).content
    assert "phòng, chống dịch" in content.decode() and live.title not in content.decode()


def test_a_bad_filter_value_is_a_message_not_an_error(login, cast, live):
    response = login(cast["secretariat"]).get(reverse("campaigns:campaign-list"), {"year": "abc", "page": "x"})
    assert response.status_code == 200


@pytest.mark.parametrize("url_name", ["campaigns:campaign-update", "campaigns:participants-add",
                                      "campaigns:subcampaign-create", "campaigns:pledge-create"])
def test_members_may_look_but_not_manage(login, cast, live, url_name):
    assert login(cast["staff"]).get(reverse(url_name, args=[live.pk])).status_code == 403
    assert login(cast["outsider"]).get(reverse(url_name, args=[live.pk])).status_code == 404


def test_member_cannot_move_the_campaign(login, cast, live):
    response = login(cast["staff"]).post(reverse("campaigns:campaign-move", args=[live.pk]), {"to": "under_review"})
    assert response.status_code == 403
    live.refresh_from_db()
    assert live.status == Status.IN_PROGRESS


def test_secretariat_builds_and_runs_a_campaign_end_to_end(login, tree, cast, settings):
    settings.APP_TODAY = date(2026, 3, 25)   # the plan is built in March: its June deadline is ahead
    client = login(cast["secretariat"])
    response = client.post(reverse("campaigns:campaign-create"), {
        "issuer": tree["A"].pk, "document_kind": "plan", "title": "Phát động thi đua chuyên đề tiêm chủng",
        "form": "thematic", "year": 2026, "notation": "KH-SYT", "issue_month": 3, "issue_year": 2026,
        "quota_collective": "5", "quota_individual": "10", "signer_title": "GIÁM ĐỐC", "signer_name": "Nguyễn Văn A",
    })
    campaign = Campaign.objects.get(title="Phát động thi đua chuyên đề tiêm chủng")
    assert response["Location"] == campaign.get_absolute_url()
    assert dict(campaign.quotas.values_list("recipient_kind", "count")) == {"collective": 5, "individual": 10}

    client.post(reverse("campaigns:subcampaign-create", args=[campaign.pk]), {
        "number": "1", "order": 1, "title": "Thi đua tiêm chủng đầy đủ", "host_text": "Sở Y tế",
        "responsible_label": "Bộ phận phụ trách", "responsible_text": "Trung tâm Y tế", "responsible": tree["A.TT"].pk,
        "award_timing": "Cuối năm 2026", "quota_collective": "", "quota_individual": "10"})
    item = SubCampaign.objects.get(campaign=campaign)
    assert item.responsible == tree["A.TT"] and list(item.quotas.values_list("count", flat=True)) == [10]

    client.post(reverse("campaigns:participants-add", args=[campaign.pk]), {
        "organisations": [tree["A.BV"].pk, tree["A.TT"].pk], "registered_on": "15/03/2026"})
    assert Participation.objects.filter(campaign=campaign).count() == 2

    client.post(reverse("campaigns:pledge-create", args=[campaign.pk]), {
        "title": "Giao ước tiêm chủng", "parties": [tree["A.BV"].pk, tree["A.TT"].pk], "signed_on": "20/03/2026",
        "commitments": "Tỷ lệ tiêm chủng đầy đủ ≥ 97%",
        "file": SimpleUploadedFile("giao-uoc.pdf", b"%PDF-1.4 test", content_type="application/pdf")})
    pledge = Pledge.objects.get(campaign=campaign)
    assert pledge.signed_on == date(2026, 3, 20)

    client.post(reverse("campaigns:item-create", args=[campaign.pk, "ky-bao-cao"]), {
        "kind": "six_month", "year": 2026, "deadline_text": "trước ngày 20/6", "deadline": "20/06/2026", "order": 1})
    assert ReportingPeriod.objects.get(campaign=campaign).deadline == date(2026, 6, 20)

    client.post(reverse("reports:plan-issue", args=[campaign.pk]), {
        "number": "12", "notation": "KH-SYT", "issue_date": "05/03/2026"})
    campaign.refresh_from_db()
    assert campaign.status == Status.ISSUED and campaign.issue_date == date(2026, 3, 5)
    for target in ("in_progress", "under_review", "closed"):
        client.post(reverse("campaigns:campaign-move", args=[campaign.pk]), {"to": target})
    campaign.refresh_from_db()
    assert campaign.status == Status.CLOSED

    history = client.get(reverse("campaigns:campaign-history", args=[campaign.pk])).content.decode()
    assert "Ghi" in history or "Chuyển trạng thái" in history
    assert "Đã kết thúc" in history and cast["secretariat"].get_full_name() in history


def test_a_bad_date_keeps_everything_typed(login, tree, cast):
    response = login(cast["secretariat"]).post(reverse("campaigns:campaign-create"), {
        "issuer": tree["A"].pk, "document_kind": "plan", "title": "Kế hoạch giữ dữ liệu", "form": "regular",
        "year": 2026, "period_start": "31/02/2026", "theme": "Chủ đề có dấu tiếng Việt", "quota_individual": "-3"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm" in content
    assert "Số lượng không được âm" in content
    assert "Kế hoạch giữ dữ liệu" in content and 'value="Chủ đề có dấu tiếng Việt"' in content
    assert not Campaign.objects.filter(title="Kế hoạch giữ dữ liệu").exists()


def test_the_printed_quota_line_is_refused_beside_its_field_and_printed_as_typed(login, tree, cast):
    campaign = make_campaign(tree["A"])
    services.save_item(by=SYSTEM, campaign=campaign, instance=Section(order=1, heading="II. NỘI DUNG",
                                                                     block="subcampaigns"))
    client = login(cast["secretariat"])
    data = {"number": "2.2", "order": 1, "title": "Thi đua hoàn thành chỉ tiêu", "host_text": "Sở Y tế",
            "responsible_label": "Cơ quan phụ trách", "responsible_text": "Ban Thi đua và các Sở, ban ngành, đoàn thể",
            "responsible_end": "", "quota_collective": "5", "quota_individual": "10",
            "quota_printed": "5 tập thể và 12 cá nhân"}
    response = client.post(reverse("campaigns:subcampaign-create", args=[campaign.pk]), data)
    content = response.content.decode()
    assert response.status_code == 200 and not SubCampaign.objects.filter(campaign=campaign).exists()
    assert 'id="error_1_id_quota_printed"' in content and "ghi 12 cá nhân nhưng số lượng cá nhân là 10" in content
    assert "Số lượng như văn bản in" in content and 'value="5 tập thể và 12 cá nhân"' in content
    client.post(reverse("campaigns:subcampaign-create", args=[campaign.pk]),
                {**data, "quota_printed": "5 tập thể và 10 cá nhân"})
    page = client.get(campaign.get_absolute_url()).content.decode()
    assert "- Số lượng xét khen thưởng: 5 tập thể và 10 cá nhân.</p>" in page
    assert "- Cơ quan phụ trách: Ban Thi đua và các Sở, ban ngành, đoàn thể</p>" in page


def test_editing_an_issued_plan_asks_for_a_reason_next_to_the_field(login, cast, live):
    client = login(cast["secretariat"])
    data = {"issuer": live.issuer_id, "document_kind": "plan", "title": live.title, "form": "regular",
            "year": 2026, "theme": "Chủ đề mới"}
    response = client.post(reverse("campaigns:campaign-update", args=[live.pk]), data)
    assert response.status_code == 200 and "This field is required" not in response.content.decode()
    assert "Trường này là bắt buộc" in response.content.decode() or "bắt buộc" in response.content.decode()
    client.post(reverse("campaigns:campaign-update", args=[live.pk]), {**data, "reason": "Bổ sung chủ đề"})
    live.refresh_from_db()
    assert live.theme == "Chủ đề mới"


def test_duplicate_registry_number_is_shown_on_the_issue_form(login, tree, cast):
    first = make_campaign(tree["A"], "Một")
    services.move_campaign(by=SYSTEM, campaign=first, to=Status.ISSUED, number=3, notation="KH-SYT",
                           issue_date=date(2026, 1, 10))
    second = make_campaign(tree["A"], "Hai")
    response = login(cast["secretariat"]).post(reverse("reports:plan-issue", args=[second.pk]), {
        "number": "3", "notation": "KH-SYT", "issue_date": "12/01/2026"})
    assert "Số ký hiệu này đã được dùng" in response.content.decode()
    second.refresh_from_db()
    assert second.status == Status.DRAFT


def test_sections_are_edited_and_deleted_with_history(login, tree, cast):
    campaign = make_campaign(tree["A"])
    client = login(cast["secretariat"])
    client.post(reverse("campaigns:item-create", args=[campaign.pk, "de-muc"]), {
        "order": 1, "level": 1, "heading": "V. TỔ CHỨC THỰC HIỆN", "body": "1. Phòng Tổ chức - Hành chính …"})
    section = Section.objects.get(campaign=campaign)
    assert section.heading == "V. TỔ CHỨC THỰC HIỆN"
    client.post(reverse("campaigns:item-delete", args=[campaign.pk, "de-muc", section.pk]))
    assert not Section.objects.filter(pk=section.pk).exists()
    missing = reverse("campaigns:item-create", args=[campaign.pk, "khong-co"])
    assert login(cast["secretariat"]).get(missing).status_code == 404


def test_user_text_in_a_plan_is_escaped(login, tree, cast, live):
    services.save_item(by=SYSTEM, campaign=live, instance=Section(order=1, heading="<script>alert(1)</script>",
                                                                 body="<img src=x onerror=alert(1)> *nghiêng*"))
    content = login(cast["staff"]).get(live.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in content and "<img src=x" not in content
    assert "<em>nghiêng</em>" in content


def test_pledge_file_is_served_only_to_those_who_see_the_campaign(login, tree, cast):
    campaign = make_campaign(tree["A"], participants=[tree["A.BV"], tree["A.TT"]], status=Status.IN_PROGRESS)
    pledge = services.save_pledge(by=SYSTEM, campaign=campaign, instance=Pledge(
        title="Giao ước", file=SimpleUploadedFile("gu.pdf", b"%PDF-1.4")), parties=[tree["A.BV"], tree["A.TT"]])
    url = reverse("campaigns:pledge-file", args=[campaign.pk, pledge.pk])
    assert login(cast["staff"]).get(url).status_code == 200
    assert login(cast["outsider"]).get(url).status_code == 404


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_campaign_list_runs_a_constant_number_of_queries(login, tree, cast):
    client = login(cast["secretariat"])
    for i in range(2):
        make_campaign(tree["A"], f"Kế hoạch {i}", participants=[tree["A.BV"]])
    small = count_queries(client, reverse("campaigns:campaign-list"))
    for i in range(2, 30):
        make_campaign(tree["A"], f"Kế hoạch {i}", participants=[tree["A.BV"], tree["A.TT"]])
    assert count_queries(client, reverse("campaigns:campaign-list")) == small == 6


def test_campaign_detail_runs_a_constant_number_of_queries(login, tree, cast, live):
    client = login(cast["secretariat"])
    small = count_queries(client, live.get_absolute_url())
    for i in range(10):
        item = services.save_subcampaign(by=SYSTEM, campaign=live, instance=SubCampaign(number=str(i), title=f"ND {i}"),
                                         quotas={"collective": 1, "individual": 2})
        services.save_subcampaign(by=SYSTEM, campaign=live, instance=SubCampaign(parent=item, title=f"Con {i}"))
        services.save_item(by=SYSTEM, campaign=live, instance=Section(order=i, heading=f"Mục {i}"))
    services.add_participants(by=SYSTEM, campaign=live, organisations=[tree["A.TT"], tree["A.TCHC"]])
    assert count_queries(client, live.get_absolute_url()) == small


def test_home_page_shows_campaigns_in_progress_and_next_deadlines(login, tree, cast, live, settings):
    settings.APP_TODAY = date(2026, 6, 10)
    services.save_item(by=SYSTEM, campaign=live, instance=ReportingPeriod(
        kind="six_month", year=2026, deadline_text="trước ngày 20/6", deadline=date(2026, 6, 20)))
    content = login(cast["staff"]).get(reverse("home")).content.decode()
    assert live.title in content and "còn 9 ngày" in content and "19/06/2026" in content
    assert login(cast["outsider"]).get(reverse("home")).content.decode().count(live.title) == 0


@pytest.mark.parametrize("number", ["99999999999", "abc", "-1", ""])
def test_issue_form_refuses_impossible_numbers_without_an_error_page(login, tree, cast, number):
    draft = make_campaign(tree["A"], "Dự thảo số lạ")
    response = login(cast["secretariat"]).post(reverse("reports:plan-issue", args=[draft.pk]), {
        "number": number, "notation": "KH-SYT", "issue_date": "12/01/2026"})
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


@pytest.mark.parametrize(("field", "value"), [("year", "99999"), ("issue_month", "13"), ("issue_year", "-5")])
def test_campaign_form_refuses_out_of_range_numbers(login, tree, cast, field, value):
    data = {"issuer": tree["A"].pk, "document_kind": "plan", "title": "Kế hoạch số lạ", "form": "regular",
            "year": 2026, field: value}
    response = login(cast["secretariat"]).post(reverse("campaigns:campaign-create"), data)
    assert response.status_code == 200
    assert not Campaign.objects.filter(title="Kế hoạch số lạ").exists()


@pytest.mark.parametrize(("name", "content", "message"), [
    ("giao-uoc.pdf", b"MZ\x90\x00 this is an exe", "không phải là tệp PDF"),
    ("giao-uoc.exe", b"MZ", "Chỉ nhận tệp"),
])
def test_a_pledge_file_must_be_what_its_name_says(login, tree, cast, name, content, message):
    campaign = make_campaign(tree["A"], participants=[tree["A.BV"], tree["A.TT"]])
    response = login(cast["secretariat"]).post(reverse("campaigns:pledge-create", args=[campaign.pk]), {
        "title": "Giao ước", "parties": [tree["A.BV"].pk, tree["A.TT"].pk],
        "file": SimpleUploadedFile(name, content)})
    assert message in response.content.decode()
    assert 'value="Giao ước"' in response.content.decode()
    assert not Pledge.objects.exists()


def test_number_fields_speak_plain_vietnamese(login, tree, cast):
    campaign = make_campaign(tree["A"])
    response = login(cast["secretariat"]).post(reverse("campaigns:item-create", args=[campaign.pk, "ky-bao-cao"]), {
        "kind": "year", "year": "hai nghìn", "order": "-1"})
    content = response.content.decode()
    assert "Nhập một số nguyên" in content and "tổng thể" not in content
    assert "Giá trị phải từ 0 trở lên" in content


def test_home_page_runs_a_constant_number_of_queries(login, tree, cast, settings):
    settings.APP_TODAY = date(2026, 3, 1)
    client = login(cast["secretariat"])
    small = count_queries(client, reverse("home"))
    for i in range(12):
        campaign = make_campaign(tree["A"], f"Kế hoạch {i}", participants=[tree["A.BV"]],
                                 status=Status.IN_PROGRESS if i % 2 else Status.DRAFT)
        services.save_item(by=SYSTEM, campaign=campaign, instance=ReportingPeriod(
            kind="year", year=2026, deadline=date(2026, 12, 20)))
    assert count_queries(client, reverse("home")) == small


def test_two_editors_do_not_overwrite_each_other(login, tree, cast, settings):
    settings.APP_TODAY = date(2026, 3, 25)
    campaign = make_campaign(tree["A"], "Kế hoạch sửa cùng lúc")
    client = login(cast["secretariat"])
    form_page = client.get(reverse("campaigns:campaign-update", args=[campaign.pk])).content.decode()
    assert f'name="version" value="{campaign.version}"' in form_page
    data = {"issuer": tree["A"].pk, "document_kind": "plan", "title": campaign.title, "form": "regular",
            "year": 2026, "version": campaign.version}
    services.update_campaign(by=cast["leader"], campaign=campaign, theme="Chủ đề của lãnh đạo")
    response = client.post(reverse("campaigns:campaign-update", args=[campaign.pk]), {**data, "closing": "Đoạn kết"})
    assert response.status_code == 200 and "vừa được" in response.content.decode()
    campaign.refresh_from_db()
    assert campaign.theme == "Chủ đề của lãnh đạo" and campaign.closing == ""


def test_an_issued_plan_cannot_lose_its_number(login, tree, cast):
    campaign = make_campaign(tree["A"], "Đã ban hành")
    services.move_campaign(by=SYSTEM, campaign=campaign, to=Status.ISSUED, number=9, notation="KH-SYT",
                           issue_date=date(2026, 2, 1))
    response = login(cast["secretariat"]).post(reverse("campaigns:campaign-update", args=[campaign.pk]), {
        "issuer": tree["A"].pk, "document_kind": "plan", "title": campaign.title, "form": "regular", "year": 2026,
        "number": "", "notation": "KH-SYT", "issue_date": "", "reason": "Thử xóa số"})
    assert "giữ số, ký hiệu và ngày" in response.content.decode()
    campaign.refresh_from_db()
    assert campaign.number == 9


def test_a_draft_can_be_deleted_and_an_issued_plan_cannot(login, tree, cast):
    from units.models import AuditEvent

    client = login(cast["secretariat"])
    draft = make_campaign(tree["A"], "Dự thảo thử")
    client.post(reverse("campaigns:campaign-delete", args=[draft.pk]))
    assert not Campaign.objects.filter(pk=draft.pk).exists()
    assert AuditEvent.objects.filter(organisation=tree["A"], action="deleted", target_label="Dự thảo thử").exists()
    issued = make_campaign(tree["A"], "Đã ban hành", status=Status.IN_PROGRESS)
    response = client.post(reverse("campaigns:campaign-delete", args=[issued.pk]))
    assert response.status_code == 302 and Campaign.objects.filter(pk=issued.pk).exists()


def test_a_lead_word_typed_into_the_basis_is_printed_once(login, tree, cast):
    campaign = make_campaign(tree["A"])
    login(cast["secretariat"]).post(reverse("campaigns:item-create", args=[campaign.pk, "can-cu"]), {
        "order": 1, "lead": "Căn cứ", "text": "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"})
    basis = campaign.legal_bases.get()
    assert (basis.lead, basis.text) == ("Căn cứ", "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022")


def test_an_item_something_rests_on_is_not_deleted_and_the_page_says_why(login, tree, cast, live):
    from awards import services as award_services
    from reports import services as report_services

    period = services.save_item(by=SYSTEM, campaign=live, instance=ReportingPeriod(
        campaign=live, kind="year", year=2026, deadline_text="trước ngày 15/11"))
    item = services.save_subcampaign(by=SYSTEM, campaign=live, instance=SubCampaign(number="2", title="Nội dung"))
    report_services.create_report(by=SYSTEM, campaign=live, organisation=tree["A"], period=period)
    award_services.create_proposal(by=SYSTEM, campaign=live, organisation=tree["A.BV"], subcampaign=item,
                                   title="Tờ trình", year=2026)
    client = login(cast["secretariat"])
    for url, what in [(reverse("campaigns:item-delete", args=[live.pk, "ky-bao-cao", period.pk]), "báo cáo"),
                      (reverse("campaigns:subcampaign-delete", args=[live.pk, item.pk]), "tờ trình đề nghị")]:
        response = client.post(url, {"reason": "Thừa"})
        assert response.status_code == 200 and f"còn {what} gắn với nó" in response.content.decode()
    assert ReportingPeriod.objects.filter(pk=period.pk).exists() and SubCampaign.objects.filter(pk=item.pk).exists()


def test_a_deadline_already_passed_is_saved_only_when_the_secretariat_confirms(login, tree, cast, settings):
    settings.APP_TODAY = date(2026, 12, 5)
    campaign = make_campaign(tree["A"], "Kế hoạch lập muộn")
    client = login(cast["secretariat"])
    url = reverse("campaigns:item-create", args=[campaign.pk, "ky-bao-cao"])
    typed = {"kind": "six_month", "year": 2026, "deadline_text": "trước ngày 20/6", "deadline": "20/06/2026",
             "order": 1, "label": "Sáu tháng đầu năm 2026"}
    page = client.post(url, typed).content.decode()
    assert "Hạn nộp 20/06/2026 đã qua" in page and "Vẫn lưu hạn nộp này" in page
    assert 'value="Sáu tháng đầu năm 2026"' in page and not ReportingPeriod.objects.exists()
    # Only the printed deadline typed: the same warning, read from "trước ngày 20/6".
    page = client.post(url, {**typed, "deadline": ""}).content.decode()
    assert "đã qua" in page and not ReportingPeriod.objects.exists()
    client.post(url, {**typed, "confirm_past_deadline": "on"})
    assert ReportingPeriod.objects.get(campaign=campaign).deadline == date(2026, 6, 20)
    # A deadline months before the half ends is asked about too; one still ahead and in the last month saves at once.
    page = client.post(url, {**typed, "year": 2027, "deadline_text": "trước ngày 20/5", "deadline": "20/05/2027",
                             "label": "Sáu tháng đầu năm 2027"}).content.decode()
    assert "sớm hơn tháng cuối của kỳ (kỳ kết thúc 30/06/2027)" in page
    assert ReportingPeriod.objects.filter(campaign=campaign).count() == 1
    client.post(url, {**typed, "kind": "year", "deadline_text": "trước ngày 20/12", "deadline": "20/12/2026",
                      "label": "Năm 2026"})
    assert ReportingPeriod.objects.filter(campaign=campaign).count() == 2
