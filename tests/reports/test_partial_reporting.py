"""Issue 13, items 1 and 2, as reported: three units take part, one has sent its six-month report
and met 5 of 6 targets (the sixth is its 5 stations against the plan's "duy trì 10 trạm"), the two
others are not yet due. The dashboard, the summary report's sentence and table, its Excel and its
PDF must all say "chưa đủ số liệu" with "1/3 đơn vị đã gửi", and agree."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from campaigns import services as campaign_services
from campaigns.lifecycle import Status as CampaignStatus
from campaigns.models import ReportingPeriod
from indicators import selectors, services
from indicators.coverage import CONTRIBUTION, INSUFFICIENT
from indicators.evaluation import Comparator as C
from indicators.evaluation import Direction as D
from indicators.models import CampaignIndicator, IndicatorDefinition
from indicators.services import CellInput
from reports import selectors as report_selectors
from reports import services as report_services
from reports.models import Report
from tests.factories import make_campaign
from tests.reports.conftest import complete, page_texts
from units.access import SYSTEM

pytestmark = pytest.mark.django_db

R = CampaignIndicator.Rollup
SENT_ON = date(2026, 6, 10)          # the deadline is 20/6: the two other units are not yet due
AFTER_DEADLINE = date(2026, 6, 25)
COVERAGE = "1/3 đơn vị đã gửi"
SENTENCE = f"Trong 6 chỉ tiêu, 0 chỉ tiêu đạt và vượt kế hoạch; 6 chỉ tiêu chưa đủ số liệu ({COVERAGE})."

# (code, label, unit, direction, comparator, target, rollup, what the hospital sends)
INDICATORS = [
    ("BHYT", "Tỷ lệ tham gia bảo hiểm y tế", "%", D.HIGHER, C.GTE, "≥91%", R.NONE, "92"),
    ("SDD", "Tỷ lệ suy dinh dưỡng", "%", D.LOWER, C.LT, "< 14", R.NONE, "12"),
    ("TCDD", "Tỷ lệ tiêm chủng đầy đủ", "%", D.HIGHER, C.GTE, "≥ 97", R.NONE, "97,5"),
    ("HAILONG", "Tỷ lệ hài lòng của người bệnh", "%", D.HIGHER, C.GTE, "≥ 90", R.NONE, "93"),
    ("SUCO", "Sự cố y khoa nghiêm trọng", "", D.LOWER, C.ZERO_EVENTS, "Không xảy ra sự cố y khoa nghiêm trọng",
     R.SUM, "0"),
    ("TYT", "Trạm Y tế đạt chuẩn quốc gia", "trạm", D.HIGHER, C.MAINTAIN_AT_LEAST,
     "Duy trì 10 Trạm Y tế đạt chuẩn quốc gia", R.SUM, "5"),
]


@pytest.fixture
def scenario(tree, cast, settings):
    settings.APP_TODAY = SENT_ON
    campaign = make_campaign(tree["A"], "Phong trào thi đua 6 tháng", participants=[
        tree["A.BV"], tree["A.TT"], tree["A.TCHC"]], status=CampaignStatus.IN_PROGRESS)
    period = campaign_services.save_item(by=SYSTEM, campaign=campaign, instance=ReportingPeriod(
        kind="six_month", year=2026, deadline_text="trước ngày 20/6", deadline=date(2026, 6, 20)))
    rows = {}
    for order, (code, label, unit, direction, comparator, target, rollup, _sent) in enumerate(INDICATORS, 1):
        definition = services.save_definition(by=SYSTEM, instance=IndicatorDefinition(
            issuer=tree["A"], code=code, name=label, unit=unit, direction=direction))
        rows[code] = services.save_indicator(by=SYSTEM, campaign=campaign, instance=CampaignIndicator(
            definition=definition, number=str(order), order=order, comparator=comparator, target_text=target,
            unit_label=unit, rollup=rollup))
    services.save_and_submit_report(by=cast["staff"], period=period, organisation=tree["A.BV"], today=SENT_ON, cells={
        rows[code].pk: CellInput(actual_text=sent) for code, *_rest, sent in INDICATORS})
    return {"campaign": campaign, "period": period, "rows": rows}


def table(scenario, user=None, today=None):
    return {r.indicator.definition.code: r for r in selectors.campaign_table(
        scenario["campaign"], scenario["period"], user, today)}


def whole_report(scenario, cast) -> Report:
    report = report_services.create_report(by=cast["secretariat"], campaign=scenario["campaign"],
                                           organisation=scenario["campaign"].issuer, period=scenario["period"])
    return complete(report, by=cast["secretariat"])


def test_the_dashboard_says_not_enough_data_with_the_coverage_and_nothing_is_red(scenario, cast, login):
    rows = table(scenario, cast["secretariat"])
    assert {code: row.verdict.status for code, row in rows.items()} == dict.fromkeys(rows, INSUFFICIENT)
    assert {row.coverage_note for row in rows.values()} == {COVERAGE}
    assert rows["BHYT"].figure_text == "1/1 đơn vị đạt"      # of the units that sent
    assert rows["TYT"].figure_text == "5" and rows["TYT"].progress is None

    page = login(cast["secretariat"]).get(reverse("indicators:campaign-results", args=[scenario["campaign"].pk]),
                                          {"ky": scenario["period"].pk}).content.decode()
    assert page.count(f'<span class="badge text-bg-light border">{INSUFFICIENT}</span>') == 6
    assert page.count(COVERAGE) == 6
    assert "text-bg-danger" not in page and "bar-no" not in page and "text-danger" not in page


def test_a_units_part_of_a_whole_plan_total_is_its_contribution_not_a_failure(scenario, cast, tree):
    hospital = tree["A.BV"].pk
    cell = table(scenario)["TYT"].unit_cells[hospital]
    assert cell.evaluation.status == CONTRIBUTION and cell.evaluation.achieved is None
    assert table(scenario)["SUCO"].unit_cells[hospital].evaluation.status == "Đạt"   # no event: none in each part
    grid = selectors.grid(scenario["period"], tree["A.BV"], SENT_ON)
    assert next(c for c in grid.cells if c.indicator.definition.code == "TYT").evaluation.status == CONTRIBUTION
    # The unit's own report counts its 5 targets met, not a sixth missed.
    met = sum(1 for row in table(scenario).values() if row.unit_cells[hospital].evaluation.status == "Đạt")
    assert met == 5 and not any(row.unit_cells[hospital].evaluation.achieved is False
                                for row in table(scenario).values())


def test_a_unit_with_its_own_target_is_judged_on_it(scenario, cast, tree):
    services.set_unit_target(by=SYSTEM, indicator=scenario["rows"]["TYT"], organisation=tree["A.BV"],
                             target_text="Duy trì 6 trạm", reason="Giao riêng")
    assert table(scenario)["TYT"].unit_cells[tree["A.BV"].pk].evaluation.status == "Không đạt"
    services.set_unit_target(by=SYSTEM, indicator=scenario["rows"]["TYT"], organisation=tree["A.BV"],
                             target_text="Duy trì 5 trạm", reason="Giao riêng")
    assert table(scenario)["TYT"].unit_cells[tree["A.BV"].pk].evaluation.status == "Đạt"


def test_after_the_deadline_the_indicators_are_judged_on_what_came_saying_the_coverage(scenario):
    rows = table(scenario, today=AFTER_DEADLINE)
    assert rows["BHYT"].verdict.status == "Đạt" and rows["TYT"].verdict.status == "Không đạt"   # 5 of 10 stations
    assert rows["TYT"].coverage_note == COVERAGE and rows["BHYT"].coverage_note == COVERAGE


def test_when_every_unit_has_sent_the_total_is_judged_as_a_total(scenario, cast, tree):
    from tests.factories import make_user

    rows = scenario["rows"]
    for org, sent in ((tree["A.TT"], "3"), (tree["A.TCHC"], "2")):
        staff = cast["other_staff"] if org == tree["A.TT"] else make_user("dv.tchc", org, "unit_staff")
        services.save_and_submit_report(by=staff, period=scenario["period"], organisation=org, today=SENT_ON, cells={
            rows["TYT"].pk: CellInput(actual_text=sent), rows["SUCO"].pk: CellInput(actual_text="0")})
    figures = table(scenario)
    total = figures["TYT"]
    assert (total.figure_text, total.verdict.status, total.coverage_note) == ("10", "Đạt", "")
    assert figures["SUCO"].verdict.status == "Đạt"
    # Two units left the rates empty: judged unit by unit on the hospital's alone, nobody waited for.
    assert figures["BHYT"].verdict.status == "Đạt" and figures["BHYT"].figure_text == "1/1 đơn vị đạt"


def test_the_summary_reports_sentence_and_table_agree_with_the_dashboard(scenario, cast):
    report = whole_report(scenario, cast)
    figures = report_selectors.report_figures(report, SENT_ON)
    assert figures["indicator_sentence"] == SENTENCE
    dashboard = table(scenario)
    for row in figures["indicators"]:
        code = next(c for c, r in dashboard.items() if r.indicator.display_label == row["label"])
        assert (row["status"], row["coverage"]) == (dashboard[code].verdict.status, dashboard[code].coverage_note)
    assert figures["coverage"] == "Báo cáo lập khi 1/3 đơn vị đã gửi số liệu."


def test_the_summary_reports_excel_says_not_enough_data_with_the_coverage(scenario, cast, login):
    report = whole_report(scenario, cast)
    response = login(cast["secretariat"]).get(reverse("reports:report-xlsx", args=[report.pk]))
    sheet = list(load_workbook(BytesIO(response.content))["Phụ lục I"].iter_rows(values_only=True))
    verdicts = [row[7] for row in sheet if row[0] in {str(n) for n in range(1, 7)}]
    assert verdicts == [f"{INSUFFICIENT} ({COVERAGE})"] * 6
    assert any("Báo cáo lập khi 1/3 đơn vị đã gửi số liệu." in str(row[0]) for row in sheet)


def test_the_dashboards_excel_agrees(scenario, cast, login):
    response = login(cast["secretariat"]).get(reverse("indicators:campaign-results-xlsx",
                                                      args=[scenario["campaign"].pk]), {"ky": scenario["period"].pk})
    book = load_workbook(BytesIO(response.content))
    lines = [row for row in book["Kết quả"].iter_rows(values_only=True) if row[0] in {str(n) for n in range(1, 7)}]
    assert [line[6].split(" (")[0] for line in lines] == [INSUFFICIENT] * 6
    assert all(COVERAGE in line[7] for line in lines) and all(line[8] == "1/3" for line in lines)
    units = list(book["Theo đơn vị"].iter_rows(values_only=True))
    assert [line[7] for line in units if line[2] == "Trạm Y tế đạt chuẩn quốc gia"
            and line[0] == "Bệnh viện Đa khoa"] == [CONTRIBUTION]
    assert not any(line[7] == "Không đạt" for line in units)


def test_the_summary_reports_page_and_pdf_say_it_too(scenario, cast, login, tmp_path):
    report = whole_report(scenario, cast)
    client = login(cast["secretariat"])
    page = client.get(report.get_absolute_url()).content.decode()
    assert SENTENCE[:-1] in page and "Báo cáo lập khi 1/3 đơn vị đã gửi số liệu." in page
    text = " ".join(" ".join(page_texts(client.get(reverse("reports:report-pdf", args=[report.pk])).content,
                                        tmp_path)).split())
    assert "6 chỉ tiêu chưa đủ số liệu (1/3 đơn vị đã gửi)" in text
    assert "Báo cáo lập khi 1/3 đơn vị đã gửi số liệu." in text and "chưa đạt" not in text


def test_issuing_an_incomplete_period_warns_first_and_needs_a_confirmation(scenario, cast, login, tree):
    report = whole_report(scenario, cast)
    client = login(cast["leader"])
    warning = "Kỳ báo cáo chưa đủ số liệu: 1/3 đơn vị đã gửi; 2 đơn vị chưa đến hạn."
    assert warning in client.get(report.get_absolute_url()).content.decode()
    typed = {"number": "45", "notation": "BC-SYT", "issue_date": "10/06/2026", "signer_title": "Giám đốc",
             "signer_name": "Nguyễn Văn An"}
    refused = client.post(reverse("reports:report-issue", args=[report.pk]), typed)
    html = refused.content.decode()
    assert refused.status_code == 200 and "đánh dấu ô này nếu vẫn ban hành" in html and 'value="45"' in html
    assert not Report.objects.get(pk=report.pk).is_issued
    client.post(reverse("reports:report-issue", args=[report.pk]), {**typed, "confirm_incomplete": "on"})
    issued = Report.objects.get(pk=report.pk)
    assert issued.is_issued and issued.snapshot["coverage"] == "Báo cáo lập khi 1/3 đơn vị đã gửi số liệu."
    # The issued text keeps it after the others send.
    services.save_and_submit_report(by=cast["other_staff"], period=scenario["period"], organisation=tree["A.TT"],
                                    today=SENT_ON, cells={scenario["rows"]["TYT"].pk: CellInput(actual_text="3")})
    assert "Báo cáo lập khi 1/3 đơn vị đã gửi số liệu." in client.get(report.get_absolute_url()).content.decode()


def test_a_complete_period_issues_without_the_warning(scenario, cast, login, tree):
    from tests.factories import make_user

    for org, staff in ((tree["A.TT"], cast["other_staff"]), (tree["A.TCHC"], make_user("dv.tc", tree["A.TCHC"],
                                                                                          "unit_staff"))):
        services.save_and_submit_report(by=staff, period=scenario["period"], organisation=org, today=SENT_ON,
                                        cells={scenario["rows"]["TYT"].pk: CellInput(actual_text="1")})
    report = whole_report(scenario, cast)
    assert "chưa đủ số liệu" not in login(cast["leader"]).get(report.get_absolute_url()).content.decode()
