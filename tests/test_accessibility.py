"""axe-core over the main pages of every role on the demo data: no serious or critical violation
(contrast, labels, names, landmarks) and no heading-order slip; the login works from the keyboard
alone. tests/test_accessibility_sweep.py sweeps every page type of the permission matrix."""

from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser import load_demo
from tests.test_browser_awards import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = date(2026, 11, 23)


@pytest.fixture
def demo(settings):
    load_demo(settings, TODAY)


def pages_of(role: str) -> list[str]:
    from awards.models import CouncilSession, Decision, Proposal
    from campaigns.models import Campaign
    from reports.models import Report

    live = Campaign.objects.get(is_demo=True)
    report = Report.objects.filter(campaign=live, organisation=live.issuer).first()
    common = ["/", "/phong-trao/", f"/phong-trao/{live.pk}/", "/khen-thuong/", "/van-ban/bao-cao/", "/chi-tieu/"]
    return common + {
        "thuongtruc": [f"/chi-tieu/phong-trao/{live.pk}/", f"/chi-tieu/phong-trao/{live.pk}/tinh-hinh-nop/",
                       "/khen-thuong/xet-duyet/", f"/van-ban/bao-cao/{report.pk}/",
                       f"/van-ban/bao-cao/{report.pk}/sua/", "/don-vi/"],
        "hoidong": [f"/khen-thuong/hoi-dong/{CouncilSession.objects.filter(issuer=live.issuer).first().pk}/"],
        "lanhdao": [f"/khen-thuong/quyet-dinh/{Decision.objects.filter(issuer=live.issuer).first().pk}/"],
        "donvi": ["/khen-thuong/to-trinh/them/",
                  f"/khen-thuong/to-trinh/{Proposal.objects.filter(organisation__code='TTYT-PB').first().pk}/"],
        "truongdonvi": ["/khen-thuong/binh-xet-don-vi/"],
        "quantri": ["/khen-thuong/danh-muc/", "/khen-thuong/danh-muc/moi/", "/khen-thuong/luong-co-so/",
                    "/khen-thuong/ngay-nghi/", "/khen-thuong/tham-quyen-don-vi/", "/don-vi/tai-khoan/",
                    "/don-vi/tai-khoan/them/", "/don-vi/nhap-excel/"],
    }[role]


@pytest.mark.parametrize("role", ["thuongtruc", "hoidong", "lanhdao", "donvi", "truongdonvi", "quantri"])
def test_no_serious_critical_or_heading_order_violation_on_the_main_pages(live_server, page, demo, role):
    axe = Axe()
    login(page, live_server.url, role)
    found = {}
    for path in pages_of(role):
        page.goto(live_server.url + path)
        for violation in axe.run(page).response["violations"]:
            if violation["impact"] in ("serious", "critical") or violation["id"] == "heading-order":
                found[(path, violation["id"])] = [node["target"][0] for node in violation["nodes"][:3]]
    assert found == {}


def test_the_login_page_is_clean_and_works_from_the_keyboard(live_server, page, demo):
    page.goto(live_server.url + "/dang-nhap/")
    assert [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")] == []
    page.keyboard.press("Tab")
    for _ in range(5):
        if page.evaluate("document.activeElement.name") == "username":
            break
        page.keyboard.press("Tab")
    page.keyboard.type("thuongtruc")
    page.keyboard.press("Tab")
    page.keyboard.type("demo12345")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Xin chào").wait_for()


def _tab_to(page, test: str, limit: int = 60) -> None:
    """Press Tab until the focused element satisfies the JavaScript expression `test`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {test})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached an element where {test}")


def test_the_menu_the_skip_link_and_the_plan_tabs_work_from_the_keyboard(live_server, page, demo):
    from campaigns.models import Campaign

    login(page, live_server.url, "donvi")
    # The first Tab reaches the skip link; following it puts the next Tab inside the page's content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Bỏ qua thanh điều hướng"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main')")
    # A menu opens with Enter and its items are reached with the arrow keys.
    page.goto(live_server.url + "/")
    _tab_to(page, "el.dataset.bsToggle === 'dropdown' && el.textContent.trim() === 'Khen thưởng'")
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Tổng quan"
    page.keyboard.press("Enter")
    page.wait_for_url("**/khen-thuong/")
    # The plan page's tabs move with the arrow keys.
    page.goto(f"{live_server.url}/phong-trao/{Campaign.objects.get(is_demo=True).pk}/")
    _tab_to(page, "el.getAttribute('role') === 'tab' && el.getAttribute('aria-selected') === 'true'")
    page.keyboard.press("ArrowRight")
    selected = page.evaluate("document.activeElement.getAttribute('aria-selected')")
    assert selected == "true" and page.evaluate("document.activeElement.id") != "tab-van-ban"
