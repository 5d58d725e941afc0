"""In a real browser (issue 13, item 3): thuongtruc sends a draft plan for signature, records the
issue with the registry's number, then changes a reporting period with a reason; the plan page's
editions panel lists the edition, its SHA-256 and the amendment, and the PDF link still gives the
issued print byte for byte, with the deadline as signed."""

import hashlib
import subprocess
from datetime import date

import pytest
from django.urls import reverse

from campaigns import services as campaign_services
from campaigns.models import ReportingPeriod, Section
from tests import demo_snapshot
from tests.test_browser_awards import login
from units.access import SYSTEM
from units.models import Organisation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = date(2026, 11, 23)


@pytest.fixture
def draft(settings):
    settings.APP_TODAY = TODAY
    demo_snapshot.load(TODAY)
    issuer = Organisation.objects.get(name="Sở Y tế Thái Nguyên")
    plan = campaign_services.create_campaign(by=SYSTEM, issuer=issuer, title="Phát động thi đua chuyên đề năm 2027",
                                             year=2027, notation="KH-SYT", issue_month=11, issue_year=2026)
    campaign_services.save_item(by=SYSTEM, campaign=plan, instance=Section(
        order=1, level=1, heading="III. CHẾ ĐỘ BÁO CÁO", block="periods"))
    period = campaign_services.save_item(by=SYSTEM, campaign=plan, instance=ReportingPeriod(
        kind="six_month", year=2027, deadline_text="trước ngày 20/6", deadline=date(2027, 6, 20), order=1))
    return plan, period


def text_of(path) -> str:
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())


def test_plan_sent_for_signature_issued_then_amended(live_server, page, draft, tmp_path):
    plan, period = draft
    base = live_server.url
    login(page, base, "thuongtruc")
    page.goto(f"{base}{plan.get_absolute_url()}")
    panel = page.get_by_role("region", name="Bản trình ký, bản ban hành")
    panel.get_by_role("button", name="Trình ký").click()
    page.get_by_text("Đã trình ký: lưu phiên bản 1").wait_for()

    page.get_by_role("region", name="Bản trình ký, bản ban hành").get_by_role(
        "link", name="Ghi nhận ban hành").click()
    page.get_by_label("Số").fill("88")
    page.get_by_label("Ngày ban hành").fill("23/11/2026")
    page.get_by_role("button", name="Ghi nhận ban hành").click()
    page.get_by_text("Đã ghi nhận ban hành kế hoạch").wait_for()
    issued_hash = page.locator(".edition code").nth(1).get_attribute("title")

    page.goto(f"{base}{reverse('campaigns:item-update', args=[plan.pk, 'ky-bao-cao', period.pk])}")
    page.get_by_label("Hạn như văn bản in").fill("trước ngày 20/12")
    page.get_by_label("Hạn nộp", exact=True).fill("20/12/2027")
    page.get_by_label("Lý do điều chỉnh").fill("UBND tỉnh lùi hạn báo cáo")
    page.get_by_role("button", name="Lưu").click()

    page.goto(f"{base}{plan.get_absolute_url()}")
    panel = page.get_by_role("region", name="Bản trình ký, bản ban hành")
    panel.get_by_text("Phiên bản 1 – đã ban hành").wait_for()
    assert panel.get_by_text("Số 88/KH-SYT, ngày 23/11/2026").is_visible()
    amendments = panel.locator(".amendments")
    assert "UBND tỉnh lùi hạn báo cáo" in amendments.inner_text() and "trước ngày 20/12" in amendments.inner_text()
    page.screenshot(path=str(tmp_path / "editions.png"), full_page=True)

    with page.expect_download() as download:
        page.get_by_role("link", name="Tải PDF (bản đã lưu)").click()
    issued = tmp_path / "ban-hanh.pdf"
    download.value.save_as(issued)
    assert hashlib.sha256(issued.read_bytes()).hexdigest() == issued_hash
    text = text_of(issued)
    assert "Số: 88/KH-SYT" in text and "trước ngày 20/6" in text and "20/12" not in text
