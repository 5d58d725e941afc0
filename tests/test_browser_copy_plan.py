"""In a real browser on the demo data (issue 19, point 1): thuongtruc copies the live demo plan to next
year — logging in included, in at most three form submissions — and lands on the draft with its list of
what to review; the demo plan itself is unchanged."""

from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe

from campaigns.models import Campaign
from tests.browser import load_demo
from tests.test_browser_indicators import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = date(2026, 11, 23)


@pytest.fixture
def demo(settings):
    load_demo(settings, TODAY)


def _serious(page, context: str | None = None) -> list[tuple]:
    """axe's serious and critical findings, and heading-order slips (issue 19, point 9)."""
    return [(violation["id"], [node["target"][0] for node in violation["nodes"][:4]])
            for violation in Axe().run(page, context).response["violations"]
            if violation["impact"] in ("serious", "critical") or violation["id"] == "heading-order"]


def test_thuongtruc_copies_the_live_plan_to_next_year_in_three_submissions(live_server, page, demo):
    plan = Campaign.objects.get(is_demo=True, status="in_progress", issuer__code="SYT", year=2026,
                                title="Phát động phong trào thi đua năm 2026")
    before = (plan.legal_bases.count(), plan.subcampaigns.count(), plan.participations.count(),
              plan.periods.count(), plan.indicators.count(), plan.status, plan.title)
    submissions = []
    page.on("request", lambda request: submissions.append(request.url)
            if request.method == "POST" and request.resource_type == "document" else None)

    login(page, live_server.url, "thuongtruc")
    page.goto(f"{live_server.url}{plan.get_absolute_url()}")
    page.get_by_role("link", name="Sao chép kế hoạch").click()
    assert page.get_by_label("Năm thi đua của kế hoạch mới").input_value() == "2027"
    assert page.get_by_label("Trích yếu").input_value() == "Phát động phong trào thi đua năm 2027"
    assert _serious(page) == []
    page.get_by_role("button", name="Tạo dự thảo từ kế hoạch này").click()

    page.get_by_role("heading", name="Cần xem lại").wait_for()
    page.get_by_text("Đã tạo dự thảo “Phát động phong trào thi đua năm 2027”").wait_for()
    review = page.locator("#can-xem-lai")
    assert "Kế hoạch của Ủy ban nhân dân tỉnh về công tác thi đua, khen thưởng năm 2026" in review.inner_text()
    assert len(submissions) <= 3, submissions
    # The review list itself (the rest of the plan page is point 9's sweep).
    assert _serious(page, "#can-xem-lai") == []

    draft = Campaign.objects.get(year=2027, copied_from=plan)
    assert page.url.endswith(draft.get_absolute_url())
    assert draft.status == "draft" and draft.periods.count() == plan.periods.count()
    assert draft.indicators.count() == plan.indicators.count() and draft.subcampaigns.count() == before[1]
    assert not draft.pledges.exists()
    assert draft.periods.filter(deadline__year__lt=2027).count() == 0
    plan.refresh_from_db()
    assert (plan.legal_bases.count(), plan.subcampaigns.count(), plan.participations.count(),
            plan.periods.count(), plan.indicators.count(), plan.status, plan.title) == before

    # A line checked is dismissed and stays dismissed after a reload.
    lines = review.locator("li").count()
    review.get_by_role("button", name="Đã xem").first.click()
    page.get_by_role("heading", name="Cần xem lại").wait_for()
    page.reload()
    assert page.locator("#can-xem-lai li").count() == lines - 1
