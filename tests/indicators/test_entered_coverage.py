"""An indicator whose campaign figure one office enters (ENTERED), before that office has sent
(issue 13, "every verdict agrees"): the campaign verdict waits for the office, the units' own figures
are judged beside it, and the coverage is worded so that the two cannot read as one contradiction."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from common.text import join_clauses
from indicators import selectors, services
from indicators.coverage import Coverage, verdict_note
from indicators.evaluation import Comparator as C
from indicators.evaluation import Direction as D
from indicators.evaluation import Evaluation
from indicators.models import CampaignIndicator, IndicatorDefinition
from indicators.services import CellInput
from units.access import SYSTEM

R = CampaignIndicator.Rollup
WAITING = Evaluation(None, None, "", "Chưa có số liệu")


def test_one_offices_figure_says_what_it_waits_for_and_the_units_own_figures_apart():
    waiting = Coverage(0, 1, responsible="Phòng KHTC", own_figures=2)
    assert waiting.text == waiting.short == "Chờ Phòng KHTC gửi số liệu chung; 2 đơn vị có số liệu riêng"
    assert Coverage(1, 1, responsible="Phòng KHTC").text == "Phòng KHTC đã gửi số liệu chung"
    # Beside the verdict nothing: the figure's note already says it waits; never "0/1 đơn vị đã gửi".
    assert verdict_note(WAITING, waiting) == ""
    # Units adding up to a total keep their count.
    assert Coverage(1, 3).short == "1/3" and verdict_note(WAITING, Coverage(1, 3)) == "1/3 đơn vị đã gửi"


def test_sentence_fragments_are_joined_with_one_stop_each():
    assert join_clauses("Chờ X gửi số liệu.", "1/3 đơn vị đã gửi") == "Chờ X gửi số liệu; 1/3 đơn vị đã gửi."
    assert join_clauses("Chưa tính được (ví dụ 45/50).", "") == "Chưa tính được (ví dụ 45/50)."
    assert join_clauses("", " ") == ""


@pytest.fixture
def entered(plan, tree, cast):
    """Plan's hospital and health centre each send 80 against "≥ 91", entered by the office TCHC,
    which has not sent."""
    definition = services.save_definition(by=SYSTEM, instance=IndicatorDefinition(
        issuer=tree["A"], code="BHYTCHUNG", name="Tỷ lệ bảo hiểm y tế toàn tỉnh", unit="%", direction=D.HIGHER))
    indicator = services.save_indicator(by=SYSTEM, campaign=plan["campaign"], instance=CampaignIndicator(
        definition=definition, number="4", order=4, comparator=C.GTE, target_text="≥ 91", unit_label="%",
        rollup=R.ENTERED, responsible=tree["A.TCHC"]))
    for user, org in ((cast["staff"], tree["A.BV"]), (cast["other_staff"], tree["A.TT"])):
        services.save_and_submit_report(by=user, period=plan["period"], organisation=org, cells={
            indicator.pk: CellInput("80")})
    return indicator


@pytest.mark.django_db
def test_the_dashboard_never_says_zero_of_one_sent_beside_the_units_verdicts(entered, plan, tree, cast, login):
    office = tree["A.TCHC"].name
    row = next(r for r in selectors.campaign_table(plan["campaign"], plan["period"], None)
               if r.indicator.pk == entered.pk)
    assert row.verdict.status == "Chưa có số liệu" and row.counts == {"Không đạt": 2}
    wording = f"Chờ {office} gửi số liệu chung; 2 đơn vị có số liệu riêng"
    assert row.coverage.short == wording and row.coverage_note == ""

    client = login(cast["secretariat"])
    page = client.get(reverse("indicators:campaign-results", args=[plan["campaign"].pk]),
                      {"ky": plan["period"].pk}).content.decode()
    line = page[page.index("Tỷ lệ bảo hiểm y tế toàn tỉnh"):]
    line = line[:line.index("</tr>")]
    assert wording in line and "0/1" not in line and "Không đạt: 2" in line
    # The legend says the exception to "chỉ đánh giá trên tổng".
    assert "riêng chỉ tiêu “Không xảy ra…” đánh giá cả từng đơn vị" in page

    book = load_workbook(BytesIO(client.get(reverse("indicators:campaign-results-xlsx", args=[plan["campaign"].pk]),
                                            {"ky": plan["period"].pk}).content))
    excel = next(r for r in book["Kết quả"].iter_rows(values_only=True) if r[1] == "Tỷ lệ bảo hiểm y tế toàn tỉnh")
    assert excel[7] == f"Chờ {office} gửi số liệu chung." and excel[8] == wording
