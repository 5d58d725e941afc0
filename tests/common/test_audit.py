"""How an audit row shows values: as people read them."""

from datetime import date

from campaigns.models import Campaign, Pledge
from common.audit import diff, snapshot


def test_years_are_not_grouped_and_dates_are_day_first():
    campaign = Campaign(title="X", year=2027, issue_date=date(2026, 1, 5), status="draft")
    values = snapshot(campaign, ["year", "issue_date", "status"])
    assert values["year"] == ("Năm thi đua", "2027")
    assert values["issue_date"] == ("Ngày ban hành", "05/01/2026")
    assert values["status"] == ("Trạng thái", "Dự thảo")


def test_a_file_shows_its_name_not_its_storage_path():
    pledge = Pledge(title="GU")
    pledge.file.name = "pledges/7/giao_uoc_ký.pdf"
    assert snapshot(pledge, ["file"])["file"][1] == "giao_uoc_ký.pdf"


def test_diff_lists_only_what_changed():
    before = {"a": ("A", "1"), "b": ("B", "x")}
    after = {"a": ("A", "2"), "b": ("B", "x")}
    assert diff(before, after) == [{"field": "a", "label": "A", "before": "1", "after": "2"}]
    assert diff(None, {"a": ("A", "")}) == []
