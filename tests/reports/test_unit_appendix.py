"""Appendix II of a summary report and the "Đơn vị" sheet of its Excel (issue 13, "summaries true"):
a unit's "x/y chỉ tiêu đạt" counts only the indicators judged for that unit, and a unit that has not
sent owes its y all the same and says "chưa gửi"."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from campaigns import services as campaign_services
from campaigns.lifecycle import Status as CampaignStatus
from campaigns.models import ReportingPeriod
from indicators import services
from indicators.evaluation import Comparator as C
from indicators.evaluation import Direction as D
from indicators.models import CampaignIndicator, IndicatorDefinition
from indicators.services import CellInput
from reports import selectors as report_selectors
from reports import services as report_services
from tests.factories import make_campaign
from tests.reports.conftest import complete
from units.access import SYSTEM

pytestmark = pytest.mark.django_db

R = CampaignIndicator.Rollup
TODAY = date(2026, 6, 10)

# (code, label, direction, comparator, target, rollup, what the hospital sends)
INDICATORS = [
    ("BHYT", "Tỷ lệ tham gia bảo hiểm y tế", D.HIGHER, C.GTE, "≥91%", R.NONE, "92"),
    ("DANSO", "Quy mô dân số", D.NONE, C.INFORMATIONAL, "", R.NONE, "580.000"),
    ("TYT", "Trạm Y tế đạt chuẩn quốc gia", D.HIGHER, C.MAINTAIN_AT_LEAST, "Duy trì 10 trạm", R.SUM, "5"),
    ("SUCO", "Sự cố y khoa nghiêm trọng", D.LOWER, C.ZERO_EVENTS, "Không xảy ra sự cố", R.SUM, "1"),
]


@pytest.fixture
def report(tree, cast, settings):
    settings.APP_TODAY = TODAY
    campaign = make_campaign(tree["A"], "Phong trào thi đua 6 tháng", participants=[tree["A.BV"], tree["A.TT"]],
                             status=CampaignStatus.IN_PROGRESS)
    period = campaign_services.save_item(by=SYSTEM, campaign=campaign, instance=ReportingPeriod(
        kind="six_month", year=2026, deadline_text="trước ngày 20/6", deadline=date(2026, 6, 20)))
    rows = {}
    for order, (code, label, direction, comparator, target, rollup, _sent) in enumerate(INDICATORS, 1):
        definition = services.save_definition(by=SYSTEM, instance=IndicatorDefinition(
            issuer=tree["A"], code=code, name=label, unit="", direction=direction))
        rows[code] = services.save_indicator(by=SYSTEM, campaign=campaign, instance=CampaignIndicator(
            definition=definition, number=str(order), order=order, comparator=comparator, target_text=target,
            rollup=rollup))
    services.save_and_submit_report(by=cast["staff"], period=period, organisation=tree["A.BV"], today=TODAY, cells={
        rows[code].pk: CellInput(actual_text=sent) for code, *_rest, sent in INDICATORS})
    made = report_services.create_report(by=cast["secretariat"], campaign=campaign, organisation=campaign.issuer,
                                         period=period)
    return complete(made, by=cast["secretariat"])


def test_a_units_count_leaves_out_followed_figures_and_parts_of_a_total(report, tree):
    units = {row["name"]: row for row in report_selectors.report_figures(report, TODAY)["units"]}
    # The hospital: BHYT met, SUCO (no event in any part) missed; the population is only followed,
    # its 5 stations are its part of the province's 10: neither is counted.
    hospital = units[tree["A.BV"].name]
    assert (hospital["met"], hospital["owed"], hospital["share"]) == (1, 2, "50%")
    # The health centre has not sent: it owes the same two, and says so rather than 0 or 0%.
    centre = units[tree["A.TT"].name]
    assert (centre["met"], centre["owed"], centre["share"]) == ("—", 2, "chưa gửi")


def test_the_appendix_and_the_excel_say_the_same_counts(report, tree, cast, login):
    client = login(cast["secretariat"])
    html = client.get(reverse("reports:report", args=[report.pk])).content.decode()
    appendix = html[html.index("Phụ lục II"):]
    assert ">1/2<" in appendix and ">50%<" in appendix and ">—/2<" in appendix and ">chưa gửi<" in appendix
    response = client.get(reverse("reports:report-xlsx", args=[report.pk]))
    sheet = list(load_workbook(BytesIO(response.content))["Phụ lục II"].iter_rows(values_only=True))
    header = next(i for i, row in enumerate(sheet) if row and row[0] == "STT")
    by_name = {row[1]: row for row in sheet[header + 1:]}
    assert by_name[tree["A.BV"].name][4:] == (1, 2, "50%")
    assert by_name[tree["A.TT"].name][4:] == ("—", 2, "chưa gửi")
