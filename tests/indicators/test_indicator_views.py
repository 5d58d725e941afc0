"""Indicator pages through the client: the grid keeps what was typed, conflicts, review, Excel,
query counts."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from devtools import history
from indicators import services
from indicators.models import CampaignIndicator, IndicatorDefinition, Result, Submission
from indicators.services import CellInput
from tests.factories import make_org
from units.access import SYSTEM

pytestmark = pytest.mark.django_db


def report_url(plan, org):
    return reverse("indicators:report", args=[plan["period"].pk, org.pk])


def post_grid(client, plan, org, action="save", version="", **typed):
    data = {"action": action, "version": version, "narrative_done": "Đã triển khai tiêm chủng"}
    for code, text in typed.items():
        data[f"actual-{plan['rows'][code].pk}"] = text
    return client.post(report_url(plan, org), data)


def test_a_bad_cell_gets_its_message_and_every_cell_keeps_what_was_typed(login, plan, tree, cast):
    client = login(cast["staff"])
    response = post_grid(client, plan, tree["A.BV"], BHYT="90,08", SDD="11.88", TYT="12/12")
    content = response.content.decode()
    assert response.status_code == 200
    assert 'value="90,08"' in content and 'value="11.88"' in content and 'value="12/12"' in content
    assert "dấu phẩy" in content and "Đã triển khai tiêm chủng" in content
    assert not Result.objects.exists()


def test_save_then_submit_then_the_secretariat_returns_and_the_unit_reads_why(login, plan, tree, cast):
    staff = login(cast["staff"])
    assert post_grid(staff, plan, tree["A.BV"], BHYT="92", SDD="13,04").status_code == 302
    assert post_grid(staff, plan, tree["A.BV"], action="submit", BHYT="92", SDD="13,04",
                     version=str(Submission.objects.get().version)).status_code == 302
    assert Submission.objects.get().status == "submitted"
    secretariat = login(cast["secretariat"])
    response = secretariat.post(reverse("indicators:report-review", args=[plan["period"].pk, tree["A.BV"].pk]),
                                {"decision": "return", "reason": "Bổ sung minh chứng tỷ lệ BHYT"})
    assert response.status_code == 302
    content = login(cast["staff"]).get(report_url(plan, tree["A.BV"])).content.decode()
    assert "Bổ sung minh chứng tỷ lệ BHYT" in content and "Bị trả lại" in content
    home = login(cast["staff"]).get(reverse("home")).content.decode()
    assert "Bị trả lại – cần bổ sung" in home and "Bổ sung minh chứng tỷ lệ BHYT" in home


def test_a_refused_send_saves_nothing_and_the_page_keeps_what_was_typed(login, plan, tree, cast):
    response = post_grid(login(cast["staff"]), plan, tree["A.BV"], action="submit", BHYT="")
    content = response.content.decode()
    assert response.status_code == 200
    assert "chưa có số liệu nào" in content and "Chưa lưu gì" in content and "Đã triển khai tiêm chủng" in content
    assert not Submission.objects.filter(narrative_done__gt="").exists()


def test_two_people_on_one_grid_the_second_is_told_and_keeps_its_figures(login, plan, tree, cast):
    staff = login(cast["staff"])
    post_grid(staff, plan, tree["A.BV"], BHYT="90")
    opened = str(Submission.objects.get().version)
    services.save_report(by=cast["head"], period=plan["period"], organisation=tree["A.BV"],
                         cells={plan["rows"]["BHYT"].pk: CellInput("93")})
    response = post_grid(staff, plan, tree["A.BV"], version=opened, BHYT="95", SDD="12")
    content = response.content.decode()
    assert "vừa được" in content and 'value="95"' in content and 'value="12"' in content
    assert Result.objects.get(indicator=plan["rows"]["BHYT"]).actual_text == "93"


def test_a_conflict_takes_the_other_persons_cells_and_flags_the_cells_both_changed(login, plan, tree, cast):
    staff = login(cast["staff"])
    post_grid(staff, plan, tree["A.BV"], BHYT="90")
    opened = str(Submission.objects.get().version)
    services.save_report(by=cast["head"], period=plan["period"], organisation=tree["A.BV"],
                         cells={plan["rows"]["BHYT"].pk: CellInput("10,5"), plan["rows"]["SDD"].pk: CellInput("12,5")})
    rows = plan["rows"]
    data = {"action": "save", "version": opened, f"actual-{rows['BHYT'].pk}": "0", f"orig-{rows['BHYT'].pk}": "90",
            f"actual-{rows['SDD'].pk}": "", f"orig-{rows['SDD'].pk}": "", f"actual-{rows['TYT'].pk}": "4/4",
            f"orig-{rows['TYT'].pk}": ""}
    content = staff.post(report_url(plan, tree["A.BV"]), data).content.decode()
    # Both changed BHYT: this person's 0 stays, and they are told what the other saved.
    assert 'value="0"' in content and "vừa lưu “10,5”" in content
    # Only the other changed SDD: the page now shows their 12,5 rather than the stale empty cell.
    assert 'value="12,5"' in content and "đã lấy số liệu mới" in content
    assert 'value="4/4"' in content
    current = Submission.objects.get()
    data.update({"version": str(current.version), f"actual-{rows['SDD'].pk}": "12,5",
                 f"orig-{rows['BHYT'].pk}": "10,5", f"orig-{rows['SDD'].pk}": "12,5"})
    assert staff.post(report_url(plan, tree["A.BV"]), data).status_code == 302
    saved = {r.indicator.definition.code: r.actual_text for r in Result.objects.select_related("indicator__definition")}
    assert saved == {"BHYT": "0", "SDD": "12,5", "TYT": "4/4"}


def test_a_chosen_evidence_file_not_kept_by_a_failed_save_is_named(login, plan, tree, cast):
    staff = login(cast["staff"])
    pdf = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4\n%test\n", content_type="application/pdf")
    response = staff.post(report_url(plan, tree["A.BV"]), {
        "action": "save", f"actual-{plan['rows']['SDD'].pk}": "11.88",
        f"actual-{plan['rows']['TYT'].pk}": "4/4", f"evidence-{plan['rows']['TYT'].pk}": pdf})
    assert "Tệp “bien-ban.pdf” chưa được lưu" in response.content.decode()


def test_a_refused_file_does_not_hide_the_other_cells_errors(login, plan, tree, cast):
    response = login(cast["staff"]).post(report_url(plan, tree["A.BV"]), {
        "action": "save", f"actual-{plan['rows']['BHYT'].pk}": "580.000",
        f"evidence-{plan['rows']['TYT'].pk}": SimpleUploadedFile("x.pdf", b"MZ not a pdf")})
    content = response.content.decode()
    assert "không hợp lý" in content and 'value="580.000"' in content
    assert not Result.objects.exists()


def test_when_a_colleague_sent_the_report_meanwhile_the_typed_figures_are_listed(login, plan, tree, cast):
    staff = login(cast["staff"])
    post_grid(staff, plan, tree["A.BV"], BHYT="90")
    opened = str(Submission.objects.get().version)
    services.submit_report(by=cast["head"], period=plan["period"], organisation=tree["A.BV"])
    content = post_grid(staff, plan, tree["A.BV"], version=opened, BHYT="91").content.decode()
    assert "đang chờ tiếp nhận" in content and "Tỷ lệ tham gia bảo hiểm y tế: “91”" in content
    assert "vẫn còn trên trang" not in content


def test_a_closed_campaigns_indicator_forms_send_the_user_back(login, plan, cast):
    type(plan["campaign"]).objects.filter(pk=plan["campaign"].pk).update(status="closed")
    client = login(cast["secretariat"])
    response = client.get(reverse("indicators:indicator-create", args=[plan["campaign"].pk]), follow=True)
    assert response.redirect_chain and "Phong trào đã kết thúc" in response.content.decode()


def test_another_units_report_is_404_and_its_ids_cannot_be_posted(login, plan, tree, cast):
    client = login(cast["staff"])
    assert client.get(report_url(plan, tree["A.TT"])).status_code == 404
    assert post_grid(client, plan, tree["A.TT"], BHYT="90").status_code == 404
    hidden = make_org("Khoa ngoài", "KN", parent=tree["B.BV"], kind="internal")
    assert client.get(reverse("indicators:report", args=[plan["period"].pk, hidden.pk])).status_code == 404
    assert not Result.objects.exists()


def test_a_forged_indicator_id_in_the_form_saves_nothing(login, plan, tree, cast):
    definition = IndicatorDefinition.objects.create(issuer=tree["A"], code="KHAC", name="Khác", direction="higher")
    other = CampaignIndicator.objects.create(campaign=plan["campaign"], definition=definition, comparator="gte",
                                             target_text="1", reporting_scope="named")
    client = login(cast["staff"])
    data = {"action": "save", f"actual-{plan['rows']['BHYT'].pk}": "91", f"actual-{other.pk}": "5"}
    client.post(report_url(plan, tree["A.BV"]), data)
    assert not Result.objects.filter(indicator=other).exists()


def test_the_excel_template_round_trips_with_vietnamese_text(login, plan, tree, cast):
    client = login(cast["staff"])
    response = client.get(reverse("indicators:report-template", args=[plan["period"].pk, tree["A.BV"].pk]))
    book = load_workbook(BytesIO(response.content))
    sheet = book["Báo cáo"]
    header = [c.value for c in sheet[1]]
    actual_col, note_col = header.index("Thực hiện") + 1, header.index("Ghi chú") + 1
    names = {sheet.cell(row=r, column=3).value: r for r in range(2, sheet.max_row + 1)}
    bhyt = sheet.cell(row=names["Tỷ lệ tham gia bảo hiểm y tế"], column=actual_col, value=0.9008)
    bhyt.number_format = "0.00%"   # the person sees 90,08 %, Excel holds 0.9008
    sheet.cell(row=names["Tỷ lệ suy dinh dưỡng"], column=actual_col, value="< 17")
    sheet.cell(row=names["Trạm đạt chuẩn"], column=actual_col, value="12/12")
    sheet.cell(row=names["Trạm đạt chuẩn"], column=note_col, value="Đủ 12 trạm, có quyết định công nhận")
    buffer = BytesIO()
    book.save(buffer)
    response = client.post(reverse("indicators:report-upload", args=[plan["period"].pk, tree["A.BV"].pk]),
                           {"file": SimpleUploadedFile("bao-cao.xlsx", buffer.getvalue())})
    assert response.status_code == 302
    results = {r.indicator.definition.code: r for r in Result.objects.select_related("indicator__definition")}
    assert results["BHYT"].actual_text == "90,08"
    assert results["TYT"].note == "Đủ 12 trạm, có quyết định công nhận"


def test_an_excel_file_with_errors_saves_nothing_and_lists_rows_and_columns(login, plan, tree, cast):
    client = login(cast["staff"])
    response = client.get(reverse("indicators:report-template", args=[plan["period"].pk, tree["A.BV"].pk]))
    book = load_workbook(BytesIO(response.content))
    sheet = book["Báo cáo"]
    sheet.cell(row=2, column=7, value="11.88")
    sheet.cell(row=3, column=7, value="abc")
    sheet.cell(row=4, column=2, value="999999")
    buffer = BytesIO()
    book.save(buffer)
    response = client.post(reverse("indicators:report-upload", args=[plan["period"].pk, tree["A.BV"].pk]),
                           {"file": SimpleUploadedFile("bao-cao.xlsx", buffer.getvalue())})
    content = response.content.decode()
    assert "chưa có số liệu nào được lưu" in content
    assert "<td>2</td><td>Thực hiện</td>" in content and "<td>4</td><td>Mã dòng (không sửa)</td>" in content
    assert not Result.objects.exists()


def test_a_file_that_is_not_excel_is_refused(login, plan, tree, cast):
    response = login(cast["staff"]).post(
        reverse("indicators:report-upload", args=[plan["period"].pk, tree["A.BV"].pk]),
        {"file": SimpleUploadedFile("bao-cao.xlsx", b"not a workbook")})
    assert "không phải là tệp XLSX hợp lệ" in response.content.decode()


def test_results_tables_export_as_displayed(login, plan, tree, cast):
    services.save_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"],
                         cells={plan["rows"]["SDD"].pk: CellInput("13,04")})
    client = login(cast["secretariat"])
    response = client.get(reverse("indicators:unit-results-xlsx", args=[plan["campaign"].pk, tree["A.BV"].pk]))
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0].startswith("KẾT QUẢ THỰC HIỆN CHỈ TIÊU – BỆNH VIỆN ĐA KHOA")
    assert any("6 tháng đầu năm 2026" in (r[0] or "") for r in rows[:4])
    sdd = next(r for r in rows if r[1] == "Tỷ lệ suy dinh dưỡng")
    # A plain figure is a number Excel can sum; a printed ratio such as ">100" stays text.
    assert sdd[3:7] == ("< 14", Decimal("13.04"), ">100", "Đạt") or sdd[3:7] == ("< 14", 13.04, ">100", "Đạt")


def test_campaign_export_has_the_units_sheet_and_counts_only_sent_reports(login, plan, tree, cast):
    sdd = plan["rows"]["SDD"]
    services.save_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"],
                         cells={sdd.pk: CellInput("13,04")})
    client = login(cast["secretariat"])
    url = reverse("indicators:campaign-results-xlsx", args=[plan["campaign"].pk]) + f"?ky={plan['period'].pk}"
    response = client.get(url)
    assert "-6-thang-dau-nam-2026-" in response["Content-Disposition"]
    book = load_workbook(BytesIO(response.content))
    assert book.sheetnames == ["Kết quả", "Theo đơn vị"]
    units = list(book["Theo đơn vị"].iter_rows(values_only=True))
    assert not any(r[0] == "Bệnh viện Đa khoa" and r[5] for r in units)   # a draft is not counted
    services.submit_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"])
    book = load_workbook(BytesIO(client.get(url).content))
    units = list(book["Theo đơn vị"].iter_rows(values_only=True))
    row = next(r for r in units if r[0] == "Bệnh viện Đa khoa" and r[2] == "Tỷ lệ suy dinh dưỡng")
    assert row[5] == 13.04 and row[6] == ">100" and row[7] == "Đạt"


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _grow(plan, tree, n):
    """More units taking part and more indicators, with figures."""
    from campaigns import services as campaign_services

    orgs = [make_org(f"Trạm số {i}", f"TRAM-{i}", parent=tree["A.TT"], kind="station") for i in range(n)]
    campaign_services.add_participants(by=SYSTEM, campaign=plan["campaign"], organisations=orgs)
    for i in range(n):
        definition = services.save_definition(by=SYSTEM, instance=IndicatorDefinition(
            issuer=tree["A"], code=f"X{i}", name=f"Chỉ tiêu {i}", direction="higher"))
        services.save_indicator(by=SYSTEM, campaign=plan["campaign"], instance=CampaignIndicator(
            definition=definition, comparator="gte", target_text="90"))
    for org in orgs:
        history.import_report(period=plan["period"], organisation=org,
                              values={plan["rows"]["BHYT"].pk: "92"}, status="submitted")


@pytest.mark.parametrize("page", ["results", "completeness", "report"])
def test_pages_run_a_constant_number_of_queries(login, plan, tree, cast, page):
    client = login(cast["secretariat"])
    urls = {"results": reverse("indicators:campaign-results", args=[plan["campaign"].pk]),
            "completeness": reverse("indicators:completeness", args=[plan["campaign"].pk]),
            "report": report_url(plan, tree["A.BV"])}
    history.import_report(period=plan["period"], organisation=tree["A.BV"], values={plan["rows"]["BHYT"].pk: "90"})
    small = count(client, urls[page])
    _grow(plan, tree, 12)
    assert count(client, urls[page]) == small


def test_a_grid_of_thirty_indicators_saves_in_one_transaction(plan, tree, cast, django_assert_max_num_queries):
    for i in range(27):
        definition = services.save_definition(by=SYSTEM, instance=IndicatorDefinition(
            issuer=tree["A"], code=f"Y{i}", name=f"Chỉ tiêu {i}", direction="higher"))
        services.save_indicator(by=SYSTEM, campaign=plan["campaign"], instance=CampaignIndicator(
            definition=definition, comparator="gte", target_text="90"))
    ids = list(plan["campaign"].indicators.values_list("pk", flat=True))
    assert len(ids) == 30
    with django_assert_max_num_queries(40):
        services.save_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"],
                             cells={pk: CellInput(f"{90 + i % 5},5") for i, pk in enumerate(ids)})
    assert Result.objects.count() == 30


def test_the_plan_page_shows_the_indicator_table_from_the_data(login, plan, tree, cast):
    from campaigns import services as campaign_services
    from campaigns.models import Section

    campaign_services.save_item(by=SYSTEM, campaign=plan["campaign"], instance=Section(
        heading="II. CÁC CHỈ TIÊU", block="indicators"))
    content = login(cast["staff"]).get(plan["campaign"].get_absolute_url()).content.decode()
    assert "Tỷ lệ tham gia bảo hiểm y tế" in content and "≥91%" in content


def test_home_shows_open_reports_to_units_and_waiting_ones_to_the_secretariat(login, plan, tree, cast, settings):
    settings.APP_TODAY = date(2026, 6, 10)
    home = login(cast["staff"]).get(reverse("home")).content.decode()
    assert "6 tháng đầu năm 2026 – Bệnh viện Đa khoa" in home and "còn 9 ngày" in home
    history.import_report(period=plan["period"], organisation=tree["A.BV"], values={plan["rows"]["BHYT"].pk: "92"},
                          status="submitted")
    home = login(cast["secretariat"]).get(reverse("home")).content.decode()
    assert "chờ tiếp nhận" in home and "Bệnh viện Đa khoa – 6 tháng đầu năm 2026" in home


def test_a_report_never_sent_stays_on_the_units_home_after_its_deadline(login, plan, cast, settings):
    settings.APP_TODAY = date(2026, 6, 25)
    home = login(cast["staff"]).get(reverse("home")).content.decode()
    assert "6 tháng đầu năm 2026 – Bệnh viện Đa khoa" in home and "quá hạn 6 ngày" in home
    assert "liên hệ Thường trực để được cho phép nộp muộn" in home


def test_a_long_matrix_is_paged_and_the_secretariat_may_remind_every_unit_owing(login, plan, tree, cast, settings,
                                                                               monkeypatch):
    from campaigns import services as campaign_services
    from indicators import views
    from indicators.models import Reminder

    monkeypatch.setattr(views, "COMPLETENESS_PER_PAGE", 2)
    settings.APP_TODAY = date(2026, 6, 25)
    stations = [make_org(f"Trạm số {i}", f"TRAM-{i}", parent=tree["A.TT"], kind="station") for i in range(3)]
    campaign_services.add_participants(by=SYSTEM, campaign=plan["campaign"], organisations=stations)
    client = login(cast["secretariat"])
    url = reverse("indicators:completeness", args=[plan["campaign"].pk])
    content = client.get(url).content.decode()
    assert "Hiển thị 1–2 trên 5" in content and "Nhắc tất cả 5 đơn vị" in content
    pages = [client.get(f"{url}?page={n}").content.decode() for n in (1, 2, 3)]
    assert all(sum(f"Trạm số {i}<" in page for page in pages) == 1 for i in range(3))
    client.post(reverse("indicators:remind", args=[plan["campaign"].pk, plan["period"].pk]), {"tat-ca": "1"})
    assert Reminder.objects.filter(period=plan["period"]).count() == 5


def test_the_printed_line_is_typed_in_the_form_and_a_composed_line_says_its_target_once(login, plan, tree, cast):
    from campaigns import services as campaign_services
    from campaigns.models import Section

    campaign = plan["campaign"]
    campaign_services.save_item(by=SYSTEM, campaign=campaign, instance=Section(heading="II. CHỈ TIÊU",
                                                                               block="indicator_list"))
    client = login(cast["secretariat"])
    url = reverse("indicators:indicator-create", args=[campaign.pk])
    assert "Câu in trong kế hoạch" in client.get(url).content.decode()
    base = {"order": 9, "reporting_scope": "all", "rollup": "sum", "comparator": "zero_events",
            "new_direction": "lower", "reason": "Bổ sung chỉ tiêu"}
    # Typed by hand: the label already says the target, the comparator phrase is not printed after it.
    response = client.post(url, {**base, "new_code": "NDTP", "new_name": "Ngộ độc thực phẩm lớn",
                                 "label": "Không xảy ra ngộ độc thực phẩm lớn", "target_text": "Không xảy ra"})
    assert response.status_code == 302, response.content.decode()[:2000]
    client.post(url, {**base, "new_code": "DICH", "new_name": "Dịch bệnh lớn", "target_text": "Không xảy ra",
                      "printed_line": "Không để xảy ra dịch bệnh lớn trên địa bàn"})
    assert CampaignIndicator.objects.get(definition__code="DICH").printed_line == (
        "Không để xảy ra dịch bệnh lớn trên địa bàn")
    content = " ".join(client.get(campaign.get_absolute_url()).content.decode().split())
    assert "<p>+ Không xảy ra ngộ độc thực phẩm lớn.</p>" in content
    assert "<p>+ Không để xảy ra dịch bệnh lớn trên địa bàn.</p>" in content
    assert "<p>+ Tỷ lệ tham gia bảo hiểm y tế ≥91%.</p>" in content
    assert "lớn không xảy ra" not in content.lower()
