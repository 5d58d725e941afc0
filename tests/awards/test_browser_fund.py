"""In a real browser on the demo data: thuongtruc opens the Sở's reward fund, reads the base-salary
table, records the year's allocation and sees the balance go below zero after decision 412; the
decision shows each amount, the total and why the collective's amount is missing, and warns about
the fund; quantri confirms the collective Giấy khen's coefficient on the catalogue page; the ledger
downloads as Excel."""

from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook

from tests.browser import load_demo, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = date(2026, 11, 23)


@pytest.fixture
def demo(settings):
    load_demo(settings, TODAY)


def test_money_on_decisions_and_the_reward_fund(live_server, page, demo):
    from awards.models import AwardRule, FundAllocation

    base = live_server.url
    login(page, base, "thuongtruc")
    page.goto(f"{base}/khen-thuong/")
    page.get_by_role("link", name="Quỹ thi đua, khen thưởng").click()
    page.get_by_role("heading", name="Quỹ thi đua, khen thưởng năm 2026").wait_for()
    salaries = page.get_by_role("region", name="Mức lương cơ sở")
    assert "2.340.000" in salaries.inner_text()
    ledger = page.get_by_role("region", name="Sổ quỹ")
    assert "Số 412/QĐ-SYT" in ledger.inner_text() and "1.404.000" in ledger.inner_text()

    page.get_by_label("Ngày ghi nhận").fill("05/01/2026")
    page.get_by_label("Số tiền (đồng)").fill("1.000.000")
    page.get_by_role("textbox", name="Nguồn").fill("Ngân sách cấp theo dự toán năm 2026")
    page.get_by_role("button", name="Ghi nhận").click()
    page.get_by_text("Đã ghi nhận 1.000.000 đồng vào quỹ năm 2026.").wait_for()
    assert FundAllocation.objects.get().amount == 1000000
    assert "-404.000 đồng" in page.locator("main").inner_text()

    with page.expect_download() as download:
        page.get_by_role("link", name="Xuất Excel").click()
    sheet = load_workbook(BytesIO(download.value.path().read_bytes())).active
    assert ["Cộng", 1000000, 1404000, -404000] in [[c.value for c in row][1:5] for row in sheet.iter_rows()]

    page.get_by_role("link", name="Số 412/QĐ-SYT", exact=False).click()
    page.get_by_role("heading", name="Quyết định Số 412/QĐ-SYT", exact=False).wait_for()
    text = page.locator("main").inner_text()
    assert text.count("702.000") >= 2 and "1.404.000 (chưa tính đủ)" in text
    assert "Giấy khen của Giám đốc Sở Y tế (tập thể): hệ số chưa được quản trị xác nhận" in text
    assert "không đủ chi quyết định này" in text and "thiếu 404.000 đồng" in text

    page.context.clear_cookies()
    login(page, base, "quantri")
    page.goto(f"{base}/khen-thuong/danh-muc/")
    page.get_by_role("link", name="Giấy khen của Giám đốc Sở Y tế (tập thể)").click()
    page.get_by_label("Hệ số (× mức lương cơ sở)").fill("0,6")
    page.get_by_label("Căn cứ đã đối chiếu (nghị định, điều, khoản)").fill("Nghị định 152/2025/NĐ-CP, Điều 54")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Xác nhận hệ số").click()
    page.get_by_text("Đã xác nhận hệ số tiền thưởng 0,6").wait_for()
    rule = AwardRule.objects.get(award_type__code="GK_SYT_TT", kind="bonus")
    assert rule.enabled and not rule.needs_verification
