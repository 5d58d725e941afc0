"""In a real browser (Debian's chromium through Playwright): the secretariat creates a campaign
with a sub-campaign and finds it in the list."""

import pytest

from campaigns.models import Campaign
from tests.factories import PASSWORD, make_org, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def secretariat():
    # Data first, browser second: a connection left open by the browser thread blocks the
    # test database from being dropped (tech.md §10).
    root = make_org("Sở Y tế Thái Nguyên", "SYT", kind="department", document_parent_line="UBND TỈNH THÁI NGUYÊN",
                    document_name_line="SỞ Y TẾ", place_name="Thái Nguyên")
    make_org("Trung tâm Y tế Phú Bình", "TTYT-PB", parent=root, kind="health_centre")
    return make_user("thuongtruc", root, "secretariat", full_name="Nguyễn Thị Thu Hà")


def test_secretariat_creates_a_campaign_with_a_subcampaign(live_server, page, secretariat):
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("thuongtruc")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("heading", name="Xin chào, Nguyễn Thị Thu Hà").wait_for()

    page.get_by_role("link", name="Phong trào thi đua").first.click()
    page.get_by_role("link", name="Tạo kế hoạch phát động").click()
    page.locator("#id_issuer").select_option(label="Sở Y tế Thái Nguyên")
    page.locator("#id_title").fill("Phát động phong trào thi đua chuyên đề tiêm chủng năm 2026")
    page.locator("#id_form").select_option(label="Thi đua theo chuyên đề")
    page.locator("#id_year").fill("2026")
    page.locator("#id_notation").fill("KH-SYT")
    page.get_by_label("Số lượng khen thưởng tập thể").fill("5")
    page.get_by_label("Số lượng khen thưởng cá nhân").fill("10")
    page.get_by_role("button", name="Tạo dự thảo").click()
    page.get_by_text("Đã tạo dự thảo kế hoạch").wait_for()
    page.get_by_text("Số: ", exact=False).first.wait_for()

    page.get_by_role("tab", name="Nội dung thi đua, số lượng").click()
    page.get_by_role("link", name="Thêm nội dung thi đua").click()
    page.get_by_label("Số mục").fill("1")
    page.get_by_label("Tên nội dung thi đua").fill("Thi đua tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi")
    page.get_by_label("Cơ quan chủ trì", exact=True).fill("Sở Y tế")
    page.get_by_label("Thời điểm xét khen thưởng").fill("Cuối năm 2026")
    page.locator("#id_quota_collective").fill("0")
    page.locator("#id_quota_individual").fill("10")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Đã lưu nội dung thi đua").wait_for()
    assert page.get_by_text("10 cá nhân").first.is_visible()

    page.get_by_role("link", name="Phong trào thi đua").first.click()
    row = page.get_by_role("row").filter(has_text="Phát động phong trào thi đua chuyên đề tiêm chủng năm 2026")
    assert row.count() == 1
    assert "Dự thảo" in row.inner_text()
    page.screenshot(path="/tmp/browser-campaign-list.png", full_page=True)

    campaign = Campaign.objects.get(title="Phát động phong trào thi đua chuyên đề tiêm chủng năm 2026")
    assert campaign.subcampaigns.get().quotas.get(recipient_kind="individual").count == 10
