"""The campaign-level verdict judged only on the data it needs (issue 13, items 1 and 2). No database."""

from datetime import date
from decimal import Decimal

import pytest

from indicators.coverage import (
    CONTRIBUTION,
    INSUFFICIENT,
    Coverage,
    campaign_verdict,
    contribution,
    is_closed,
    judged_for_unit,
    judged_per_unit,
    units_verdict,
    verdict_note,
)
from indicators.evaluation import Actual, Comparator, evaluate, parse_target

TEN_STATIONS = parse_target("Duy trì 10 Trạm Y tế đạt chuẩn quốc gia", "higher")
MET = evaluate(TEN_STATIONS, Actual(Decimal(10)))
MISSED = evaluate(TEN_STATIONS, Actual(Decimal(5)))
NOTHING = evaluate(TEN_STATIONS, None)

PARTIAL_OPEN = Coverage(1, 3, closed=False)
PARTIAL_CLOSED = Coverage(2, 3, closed=True)
COMPLETE = Coverage(3, 3, closed=False)
NONE_SENT = Coverage(0, 3, closed=False)


@pytest.mark.parametrize("rollup", ["sum", "rate"])
@pytest.mark.parametrize(("coverage", "total", "status"), [
    (PARTIAL_OPEN, MISSED, INSUFFICIENT),      # the issue: one unit's 5 is not the campaign failing
    (PARTIAL_OPEN, MET, INSUFFICIENT),         # nor the campaign met: the others may still change a rate
    (NONE_SENT, NOTHING, "Chưa có số liệu"),   # nothing at all is not "not enough"
    (COMPLETE, MISSED, "Không đạt"),
    (COMPLETE, MET, "Đạt"),
    (PARTIAL_CLOSED, MISSED, "Không đạt"),     # the deadline passed: judged on what came
    (PARTIAL_CLOSED, MET, "Đạt"),
])
def test_a_total_is_judged_only_when_every_unit_has_sent_or_the_period_is_over(rollup, coverage, total, status):
    verdict = campaign_verdict(rollup=rollup, scope="all", total=total, coverage=coverage)
    assert verdict.status == status
    if status == INSUFFICIENT:
        assert verdict.achieved is None and verdict.display == "" and verdict.ratio is None


@pytest.mark.parametrize("coverage", [PARTIAL_OPEN, COMPLETE, PARTIAL_CLOSED])
@pytest.mark.parametrize("total", [MET, MISSED, NOTHING])
def test_a_figure_entered_by_the_responsible_office_needs_only_that_figure(coverage, total):
    assert campaign_verdict(rollup="entered", scope="all", total=total, coverage=coverage) == total
    assert campaign_verdict(rollup="sum", scope="responsible", total=total, coverage=coverage) == total


def test_an_indicator_only_followed_stays_not_evaluated_whatever_the_coverage():
    followed = evaluate(parse_target("580.000", "none"), Actual(Decimal(1)))
    assert campaign_verdict(rollup="sum", scope="all", total=followed, coverage=PARTIAL_OPEN).status == "Không đánh giá"


@pytest.mark.parametrize(("met", "judged", "coverage", "status", "display"), [
    (1, 1, PARTIAL_OPEN, INSUFFICIENT, "1/1 đơn vị đạt"),
    (0, 1, PARTIAL_OPEN, INSUFFICIENT, "0/1 đơn vị đạt"),
    (0, 0, NONE_SENT, "Chưa có số liệu", ""),
    (3, 3, COMPLETE, "Đạt", "3/3 đơn vị đạt"),
    (2, 3, COMPLETE, "Không đạt", "2/3 đơn vị đạt"),
    (2, 2, PARTIAL_CLOSED, "Đạt", "2/2 đơn vị đạt"),
    (1, 2, PARTIAL_CLOSED, "Không đạt", "1/2 đơn vị đạt"),
])
def test_an_indicator_judged_unit_by_unit_counts_the_units_that_sent(met, judged, coverage, status, display):
    verdict = units_verdict(met=met, judged=judged, coverage=coverage)
    assert (verdict.status, verdict.display) == (status, display)


def test_a_unit_that_sent_nothing_judgeable_leaves_the_indicator_waiting():
    assert units_verdict(met=0, judged=0, coverage=PARTIAL_OPEN).status == INSUFFICIENT


def test_the_coverage_is_said_while_not_every_unit_has_sent():
    assert PARTIAL_OPEN.text == "1/3 đơn vị đã gửi"
    assert verdict_note(MISSED, PARTIAL_OPEN) == "1/3 đơn vị đã gửi"
    assert verdict_note(MISSED, PARTIAL_CLOSED) == "2/3 đơn vị đã gửi"   # judged, but on part of the units
    assert verdict_note(MISSED, COMPLETE) == ""
    assert verdict_note(None, PARTIAL_OPEN) == ""
    assert Coverage(0, 0).text == ""


@pytest.mark.parametrize(("today", "collecting", "closed"), [
    (date(2026, 6, 19), True, False),     # the last on-time day
    (date(2026, 6, 20), True, True),
    (date(2026, 6, 1), False, True),      # the campaign takes no more reports
])
def test_a_period_is_over_after_its_last_on_time_day_or_when_the_campaign_stops_collecting(today, collecting, closed):
    assert is_closed(today=today, last_on_time_day=date(2026, 6, 19), collecting=collecting) is closed


def test_a_period_without_a_deadline_stays_open_while_the_campaign_collects():
    assert not is_closed(today=date(2030, 1, 1), last_on_time_day=None, collecting=True)


@pytest.mark.parametrize(("rollup", "scope", "comparator", "has_unit_target", "judged"), [
    ("sum", "all", Comparator.MAINTAIN_AT_LEAST, False, False),   # "duy trì 10 trạm": a unit's 5 is a part
    ("sum", "named", Comparator.GTE, False, False),
    ("sum", "all", Comparator.MAINTAIN_AT_LEAST, True, True),     # its own target (UnitTarget): judged on it
    ("sum", "all", Comparator.ZERO_EVENTS, False, True),          # none in the whole is none in each
    ("sum", "responsible", Comparator.MAINTAIN_AT_LEAST, False, True),
    ("rate", "all", Comparator.GTE, False, True),                 # a unit's rate reads against the plan's rate
    ("none", "all", Comparator.GTE, False, True),
    ("entered", "all", Comparator.LTE, False, True),
])
def test_a_units_part_of_a_total_is_not_judged_against_the_whole_plans_target(rollup, scope, comparator,
                                                                               has_unit_target, judged):
    assert judged_per_unit(rollup=rollup, scope=scope, comparator=comparator,
                           has_unit_target=has_unit_target) is judged


def test_a_contribution_is_neither_met_nor_missed():
    assert contribution().status == CONTRIBUTION and contribution().achieved is None


def test_a_units_count_of_targets_leaves_out_followed_figures_and_parts_of_a_total():
    def judged(comparator, rollup="none", has_unit_target=False):
        return judged_for_unit(rollup=rollup, scope="all", comparator=comparator, has_unit_target=has_unit_target)

    assert judged(Comparator.GTE)
    assert not judged(Comparator.INFORMATIONAL)                        # "Quy mô dân số": only followed
    assert not judged(Comparator.MAINTAIN_AT_LEAST, rollup="sum")      # a part of the province's 10 stations
    assert judged(Comparator.MAINTAIN_AT_LEAST, rollup="sum", has_unit_target=True)
    assert judged(Comparator.ZERO_EVENTS, rollup="sum")                # no event anywhere: none in each part
