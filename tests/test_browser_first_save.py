"""In a real browser on the demo data (issue 13, item 5 a): two people of Trung tâm Y tế Phú Bình
open its six-month report before anyone has saved it; both save. The second sees the conflict
handling (the colleague's figure beside the cell, what they typed still in it), not a silent overwrite."""

from datetime import date

import pytest

from indicators.models import Result
from tests.browser import load_demo
from tests.test_browser_indicators import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = date(2026, 11, 23)
REPORT = "6 tháng đầu năm 2026 – Trung tâm Y tế Phú Bình"
VACCINATED = "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin"


@pytest.fixture
def demo(settings):
    load_demo(settings, TODAY)


def test_the_second_of_two_first_saves_sees_the_conflict_not_a_silent_overwrite(live_server, browser, demo):
    base = live_server.url
    staff, head = browser.new_context().new_page(), browser.new_context().new_page()
    for page, username in ((staff, "donvi"), (head, "truongdonvi")):
        login(page, base, username)
        page.get_by_role("link", name=REPORT).first.click()
        page.get_by_label(VACCINATED, exact=True).wait_for()
    assert not Result.objects.filter(submission__organisation__name="Trung tâm Y tế Phú Bình",
                                     submission__period__year=2026).exclude(actual_text="").exists()

    staff.get_by_label(VACCINATED, exact=True).fill("97,5")
    staff.get_by_role("button", name="Lưu nháp").click()
    staff.get_by_text("Đã lưu báo cáo (chưa gửi)").wait_for()

    head.get_by_label(VACCINATED, exact=True).fill("96")
    head.get_by_role("button", name="Lưu nháp").click()
    head.get_by_text("Báo cáo vừa được Phạm Thị Hồng Nhung lưu").wait_for()
    head.get_by_text("vừa lưu “97,5”").wait_for()
    assert head.get_by_label(VACCINATED, exact=True).input_value() == "96"
    stored = Result.objects.get(submission__organisation__name="Trung tâm Y tế Phú Bình",
                                submission__period__year=2026, indicator__label__startswith=VACCINATED[:30])
    assert stored.actual_text == "97,5"
