"""In a real browser on the demo data: donvi enters and sends the live campaign's six-month
results (one cell typed wrong first), thuongtruc returns them with a reason, donvi reads it."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = date(2026, 11, 23)


@pytest.fixture
def demo(settings):
    settings.APP_TODAY = TODAY
    call_command("load_demo", "--today", TODAY.isoformat(), stdout=StringIO())


def login(page, base, username):
    page.goto(f"{base}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("demo12345")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("heading", name="Xin chào").wait_for()


def test_donvi_submits_thuongtruc_returns_donvi_reads_why(live_server, page, demo):
    base = live_server.url
    login(page, base, "donvi")
    page.get_by_role("link", name="6 tháng đầu năm 2026 – Trung tâm Y tế Phú Bình").first.click()
    page.get_by_label("Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin", exact=True).fill("97,5")
    page.get_by_label("Tỷ lệ hài lòng của người bệnh", exact=True).fill("93.4")          # typed the wrong way
    page.get_by_label("Cân nặng theo tuổi", exact=True).fill("11,2")
    page.get_by_role("button", name="Lưu nháp").click()
    page.get_by_text("dấu phẩy").first.wait_for()
    vaccinated = page.get_by_label("Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin", exact=True)
    assert vaccinated.input_value() == "97,5"
    page.get_by_label("Tỷ lệ hài lòng của người bệnh", exact=True).fill("93,4")
    page.get_by_label("Số trạm y tế xã đạt Bộ tiêu chí quốc gia về y tế xã", exact=True).fill("4/4")
    page.get_by_label("Sự cố y khoa nghiêm trọng", exact=True).fill("0")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Lưu và gửi").click()
    page.get_by_text("Đã gửi báo cáo cho Thường trực").wait_for()
    page.get_by_role("button", name="Phạm Thị Hồng Nhung").click()  # the user menu
    page.get_by_role("button", name="Đăng xuất").click()

    login(page, base, "thuongtruc")
    page.get_by_role("link", name="Trung tâm Y tế Phú Bình – 6 tháng đầu năm 2026").first.click()
    page.get_by_label("Lý do trả lại").fill("Chưa đính kèm biên bản kiểm tra 4 trạm đạt chuẩn.")
    page.get_by_role("button", name="Trả lại để bổ sung").click()
    page.get_by_text("Đã trả lại báo cáo cho đơn vị").wait_for()
    page.get_by_role("button", name="Nguyễn Thị Thu Hà").click()
    page.get_by_role("button", name="Đăng xuất").click()

    login(page, base, "donvi")
    page.get_by_text("Bị trả lại – cần bổ sung").first.wait_for()
    page.get_by_role("link", name="6 tháng đầu năm 2026 – Trung tâm Y tế Phú Bình").first.click()
    page.get_by_role("alert").filter(has_text="Chưa đính kèm biên bản kiểm tra 4 trạm đạt chuẩn.").wait_for()
    assert page.get_by_label("Tỷ lệ hài lòng của người bệnh", exact=True).input_value() == "93,4"
    page.screenshot(path="/tmp/browser-report-returned.png", full_page=True)
