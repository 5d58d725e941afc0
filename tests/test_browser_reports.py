"""In a real browser on the demo data: lanhdao opens the live campaign's annual summary, downloads
its draft PDF, issues it with the registry's number, and downloads the stored PDF/A whose SHA-256
the page shows."""

import hashlib
import subprocess
from datetime import date

import pytest

from tests.browser import load_demo
from tests.test_browser_awards import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = date(2026, 11, 23)


@pytest.fixture
def demo(settings):
    load_demo(settings, TODAY)


def text_of(path) -> str:
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())


def test_the_leader_downloads_and_issues_the_annual_summary(live_server, page, demo, tmp_path):
    base = live_server.url
    login(page, base, "lanhdao")
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Báo cáo").click()
    page.get_by_role("link", name="Tổng kết phong trào thi đua năm 2026").click()
    page.get_by_role("heading", name="Tổng kết phong trào thi đua năm 2026").wait_for()
    assert page.get_by_text("Phụ lục I").first.is_visible()

    with page.expect_download() as download:
        page.get_by_role("link", name="Tải PDF (dự thảo)").click()
    draft = tmp_path / "du-thao.pdf"
    download.value.save_as(draft)
    assert draft.read_bytes().startswith(b"%PDF")
    text = text_of(draft)
    assert "BÁO CÁO" in text and "Số: /BC-SYT" in text and "Tổng kết phong trào thi đua năm 2026" in text

    page.get_by_label("Số (do văn thư cấp)").fill("215")
    page.get_by_label("Ngày ban hành").fill("23/11/2026")
    page.get_by_label("Chức vụ người ký").fill("Phó Giám đốc")
    page.get_by_label("Họ tên người ký").fill("Trần Minh Khoa")
    # The year is not over: the form says how many units have sent, and asks to confirm (issue 13).
    page.get_by_role("alert").filter(has_text="Kỳ báo cáo chưa đủ số liệu").wait_for()
    # Left unticked: the browser refuses in Vietnamese, and no confirmation is asked for nothing.
    dialogs = []

    def refuse(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", refuse)
    page.get_by_role("button", name="Ban hành").click()
    box = page.get_by_label("Vẫn ban hành khi kỳ báo cáo chưa đủ số liệu", exact=False)
    assert box.evaluate("field => field.validationMessage") == "Đánh dấu ô này để tiếp tục."
    assert dialogs == []
    page.remove_listener("dialog", refuse)
    box.check()
    assert box.evaluate("field => field.validationMessage") == ""
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Ban hành").click()
    page.get_by_text("Đã ban hành báo cáo và lưu bản PDF (phiên bản 1).").wait_for()
    shown = page.locator("code").first.inner_text()

    with page.expect_download() as download:
        page.get_by_role("link", name="Tải PDF", exact=True).click()
    issued = tmp_path / "ban-hanh.pdf"
    download.value.save_as(issued)
    assert hashlib.sha256(issued.read_bytes()).hexdigest() == shown
    assert "Số: 215/BC-SYT" in text_of(issued) and "Thái Nguyên, ngày 23 tháng 11 năm 2026" in text_of(issued)
    page.screenshot(path=str(tmp_path / "issued.png"), full_page=True)
