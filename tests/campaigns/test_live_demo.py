"""The live demo campaign is built relative to the day the loader runs: on every day of a year
it must satisfy the same rules a person's input does (pure: no database)."""

from datetime import date, timedelta

import pytest

from campaigns import deadlines, lifecycle
from devtools.demo.campaigns import live


@pytest.mark.parametrize("today", [date(2026, 1, 1) + timedelta(days=n) for n in range(0, 366, 3)])
def test_live_campaign_is_valid_whatever_the_day(today):
    data = live.build(today)
    campaign = data["CAMPAIGN"]
    assert campaign["issue_date"] <= today
    assert lifecycle.plan_problems(year=campaign["year"], period_start=campaign["period_start"],
                                   period_end=campaign["period_end"], issue_date=campaign["issue_date"],
                                   today=today) == {}
    for period in data["PERIODS"]:
        assert deadlines.period_problems(period["kind"], period["year"], period["deadline"],
                                         campaign_year=campaign["year"], deadline_text=period["deadline_text"]) == {}
    deadlines_ = sorted(p["deadline"] for p in data["PERIODS"])
    assert deadlines_[0] < today < deadlines_[-1]
    for pledge in data["PLEDGES"]:
        assert campaign["issue_date"] <= pledge["signed_on"] <= today
