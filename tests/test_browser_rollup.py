"""In a real browser on the demo's live campaign (issue 19, point 7): thuongtruc opens the campaign's
roll-up from the plan page, filters the units by "Đề xuất", returns one unit's waiting nomination
with a reason and reads on the page what happened to it; lanhdao reads the roll-up without its
buttons. axe finds nothing serious on either page."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from awards.models import Nomination
from awards.workflow import State
from campaigns.models import Campaign
from tests.test_browser_awards import TODAY, demo, login, logout  # noqa: F401 (fixture)
from units.models import Organisation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def serious(page) -> dict:
    """axe's serious and critical violations, and heading-order slips, on the page as it is."""
    return {v["id"]: [n["target"][0] for n in v["nodes"][:3]] for v in Axe().run(page).response["violations"]
            if v["impact"] in ("serious", "critical") or v["id"] == "heading-order"}


def test_the_secretariat_filters_the_roll_up_and_returns_one_unit(live_server, page, demo):  # noqa: F811
    base = live_server.url
    campaign = Campaign.objects.get(issuer__name="Sở Y tế Thái Nguyên", title=f"Phát động phong trào thi đua năm "
                                                                          f"{TODAY.year}")
    unit = Organisation.objects.get(code="TTYT-DT", root__name="Sở Y tế Thái Nguyên")
    waiting = Nomination.objects.get(proposal__campaign=campaign, proposal__organisation=unit,
                                     state=State.SUBMITTED)

    login(page, base, "thuongtruc")
    page.goto(f"{base}{campaign.get_absolute_url()}")
    page.get_by_role("link", name="Tổng hợp đơn vị").click()
    page.get_by_role("heading", name=f"Tổng hợp đơn vị: {campaign.title}").wait_for()
    table = page.get_by_role("table")
    all_units = table.locator("tbody tr").count()
    assert table.get_by_role("rowheader", name="Trung tâm Y tế Phú Bình").count() == 1

    # Counts per state at the top; one of them filters the table.
    page.get_by_role("link", name=re.compile(r"^Đề xuất \d+")).click()
    page.get_by_text("Đang lọc: Đề xuất").wait_for()
    assert "loc=de-xuat" in page.url
    filtered = table.locator("tbody tr").count()
    assert 0 < filtered < all_units
    assert table.get_by_role("rowheader", name=unit.name).count() == 1
    assert table.get_by_role("rowheader", name="Trung tâm Y tế Phú Bình").count() == 0   # a draft only

    page.get_by_label(f"Chọn {unit.name}").check()
    page.get_by_label("Lý do trả lại").fill("Bổ sung báo cáo thành tích có xác nhận của thủ trưởng đơn vị.")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Trả lại các đơn vị đã chọn").click()
    page.get_by_text(f"{unit.name}: đã trả lại 1 đề nghị khen thưởng.").wait_for()
    assert "loc=de-xuat" in page.url                  # back on the same filter
    assert serious(page) == {}
    waiting.refresh_from_db()
    assert (waiting.state, waiting.reason) == (State.RETURNED,
                                               "Bổ sung báo cáo thành tích có xác nhận của thủ trưởng đơn vị.")
    page.get_by_role("link", name=re.compile(r"^Trả lại, chờ bổ sung")).click()
    assert table.get_by_role("rowheader", name=unit.name).count() == 1
    page.get_by_role("link", name="Xuất Excel").wait_for()
    logout(page, "Nguyễn Thị Thu Hà")

    # The leader reads it and has no buttons.
    login(page, base, "lanhdao")
    page.goto(f"{base}/khen-thuong/tong-hop/")
    page.get_by_role("link", name=campaign.title, exact=False).first.click()
    page.get_by_role("heading", name=f"Tổng hợp đơn vị: {campaign.title}").wait_for()
    assert page.get_by_role("button", name="Trả lại các đơn vị đã chọn").count() == 0
    assert serious(page) == {}
