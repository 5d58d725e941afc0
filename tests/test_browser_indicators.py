"""In a real browser on the demo data: donvi enters and sends the live campaign's six-month
results (one cell typed wrong first), thuongtruc returns them with a reason, donvi reads it."""

from datetime import date

import pytest

from tests.browser import load_demo, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = date(2026, 11, 23)


@pytest.fixture
def demo(settings):
    load_demo(settings, TODAY)


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


def test_on_a_phone_the_grid_shows_the_input_the_verdict_and_the_error_without_scrolling_sideways(
        live_server, page, demo):
    """390×844 (a common phone): each indicator is stacked, so "Thực hiện", its error and its
    verdict sit inside the screen's width and the page never scrolls sideways (issue 19, point 6)."""
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, live_server.url, "donvi")
    page.get_by_role("link", name="6 tháng đầu năm 2026 – Trung tâm Y tế Phú Bình").first.click()
    satisfaction = page.get_by_label("Tỷ lệ hài lòng của người bệnh", exact=True)
    vaccinated = page.get_by_label("Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin", exact=True)

    def inside(locator) -> None:
        locator.scroll_into_view_if_needed()
        box = locator.bounding_box()
        assert box is not None and box["width"] > 0
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box

    def no_sideways_scroll() -> None:
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
        # Nor inside the grid's own scrolling box.
        assert page.evaluate("(el => el.scrollWidth <= el.clientWidth)(document.querySelector('.table-responsive'))")

    # The click navigates: measuring before the grid's page has loaded reads a document with no body.
    satisfaction.wait_for()
    page.wait_for_load_state()
    no_sideways_scroll()
    inside(satisfaction)
    satisfaction.fill("93.4")           # typed the wrong way: the cell shows an error
    vaccinated.fill("97,5")
    page.get_by_role("button", name="Lưu nháp").click()
    error = page.locator(".cell-error").filter(has_text="dấu phẩy").first
    error.wait_for()
    no_sideways_scroll()
    inside(error)
    inside(page.get_by_label("Tỷ lệ hài lòng của người bệnh", exact=True))
    page.screenshot(path="/tmp/browser-report-phone-error.png", full_page=True)
    page.get_by_label("Tỷ lệ hài lòng của người bệnh", exact=True).fill("93,4")
    page.get_by_role("button", name="Lưu nháp").click()
    page.locator(".cell-error").first.wait_for(state="detached")
    verdict = page.get_by_label("Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin", exact=True) \
        .locator("xpath=ancestor::tr").locator(".grid-verdict .badge")
    assert verdict.inner_text() in ("Đạt", "Không đạt")
    inside(verdict)
    page.screenshot(path="/tmp/browser-report-phone.png", full_page=True)
