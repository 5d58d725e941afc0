"""In a real browser, issue 14's "Done means": the administrator installs a CA as a trust anchor on
the trusted certificates page; the leader (lanhdao) sends a draft plan for signature, downloads the
copy for signature through the page, signs it twice (approval by the leader's certificate, then
issuing by the organisation's, incrementally), uploads it, and the editions panel shows both
signatures valid and "Đúng bản trình ký (phiên bản 1)"; a copy with one byte changed inside the
signed range says "Tệp đã bị sửa sau khi ký"; `manage.py verify_signature` agrees on both files.

Full-page screenshots go to $WALK_SCREENSHOTS (default: the test's tmp_path)."""

import hashlib
import os
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from campaigns import services as campaign_services
from campaigns.models import ReportingPeriod, Section
from reports.models import DocumentEdition
from tests import demo_snapshot
from tests.signing import issue_cert, sign_pdf
from tests.test_browser_awards import login
from units.access import SYSTEM
from units.models import Organisation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = date(2026, 11, 23)
LEADER = "Trần Minh Khoa"          # lanhdao in the demo (devtools/demo/units.py)
ISSUER = "Sở Y tế Thái Nguyên"
PANEL = "Bản trình ký, bản ban hành"


@pytest.fixture
def draft(settings):
    settings.APP_TODAY = TODAY
    # A process's first load_demo signs the live plan with the demo CA (pyHanko) in this thread, where
    # Playwright's event loop runs: reports.signatures.outside_event_loop makes that work.
    demo_snapshot.load(TODAY)
    issuer = Organisation.objects.get(name=ISSUER)
    plan = campaign_services.create_campaign(
        by=SYSTEM, issuer=issuer, title="Phát động thi đua chuyển đổi số năm 2027", year=2027, notation="KH-SYT",
        issue_month=11, issue_year=2026, signer_title="PHÓ GIÁM ĐỐC", signer_name=LEADER)
    campaign_services.save_item(by=SYSTEM, campaign=plan, instance=Section(
        order=1, level=1, heading="III. CHẾ ĐỘ BÁO CÁO", block="periods"))
    campaign_services.save_item(by=SYSTEM, campaign=plan, instance=ReportingPeriod(
        kind="six_month", year=2027, deadline_text="trước ngày 20/6", deadline=date(2027, 6, 20), order=1))
    return plan


@pytest.fixture
def shots(tmp_path):
    folder = Path(os.environ.get("WALK_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def change_one_signed_byte(data: bytes) -> bytes:
    """One byte of the first revision's header comment changed: inside every signature's byte range,
    and the file still parses (offsets and lengths stay)."""
    start = data.index(b"\n") + 1          # the binary comment line after %PDF-1.x
    assert data[start:start + 1] == b"%"
    at = start + 1
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]


def verify(path: Path) -> tuple[int, str]:
    """verify_signature's exit status and output; it exits with SystemExit(1) when a signature fails."""
    out = StringIO()
    try:
        call_command("verify_signature", str(path), stdout=out)
    except SystemExit as exit_:
        return int(exit_.code or 0), out.getvalue()
    return 0, out.getvalue()


def test_leader_signs_twice_uploads_and_the_page_verifies(live_server, page, draft, signing_ca, tmp_path, shots):
    plan = draft
    base = live_server.url

    # The administrator installs the CA through the trusted certificates page (account menu).
    login(page, base, "quantri")
    page.get_by_role("button", name="Quản trị hệ thống").click()
    page.get_by_role("link", name="Chứng thư tin cậy (chữ ký số)").click()
    page.get_by_role("heading", name="Chứng thư tin cậy để kiểm tra chữ ký số").wait_for()
    ca_file = tmp_path / "ca-thu-nghiem.pem"
    ca_file.write_bytes(signing_ca.pem)
    page.get_by_label("Tên gọi").fill("CA thử nghiệm của phép thử trình duyệt")
    page.get_by_label("Tệp chứng thư").set_input_files(str(ca_file))
    page.get_by_role("button", name="Thêm").click()
    row = page.get_by_role("row").filter(has_text="CA thử nghiệm của phép thử trình duyệt")
    row.wait_for()
    assert "Đang dùng" in row.inner_text()
    page.screenshot(path=str(shots / "01-trust-anchors.png"), full_page=True)
    page.context.clear_cookies()

    # The leader sends the draft plan for signature and downloads the copy to sign.
    login(page, base, "lanhdao")
    page.goto(f"{base}{plan.get_absolute_url()}")
    panel = page.get_by_role("region", name=PANEL)
    panel.get_by_role("button", name="Trình ký").click()
    page.get_by_text("Đã trình ký: lưu phiên bản 1").wait_for()
    panel = page.get_by_role("region", name=PANEL)
    with page.expect_download() as download:
        panel.get_by_role("link", name="Tải bản trình ký").click()
    for_signature = tmp_path / "ban-trinh-ky.pdf"
    download.value.save_as(for_signature)
    original = for_signature.read_bytes()
    edition = DocumentEdition.objects.get(kind="plan", object_id=plan.pk, number=1)
    assert hashlib.sha256(original).hexdigest() == edition.sha256

    # Two incremental signatures, as a PAdES tool adds them: the leader approves, the office issues.
    leader_cert, leader_key = issue_cert(signing_ca, LEADER, ISSUER)
    office_cert, office_key = issue_cert(signing_ca, ISSUER, ISSUER)
    once = sign_pdf(original, leader_cert, leader_key, "PheDuyet", chain=(signing_ca.cert,),
                    reason="Phê duyệt")
    twice = sign_pdf(once, office_cert, office_key, "PhatHanh", chain=(signing_ca.cert,),
                     reason="Phát hành")
    assert twice.startswith(original) and once != twice
    good = tmp_path / "ke-hoach-da-ky.pdf"
    good.write_bytes(twice)

    panel.get_by_label("Tải lên bản đã ký (PDF ký số, hoặc bản quét)").set_input_files(str(good))
    panel.get_by_role("button", name="Tải lên và kiểm tra chữ ký").click()
    page.get_by_text("Đã lưu bản đã ký: Đúng bản trình ký (phiên bản 1); mọi chữ ký hợp lệ").wait_for()
    copy = page.get_by_role("region", name=PANEL).locator(".signed-copy")
    assert copy.count() == 1
    valid = copy.get_by_text("Chữ ký số hợp lệ của")
    assert valid.count() == 2
    assert valid.nth(0).inner_text().strip() == f"✔ Chữ ký số hợp lệ của {LEADER} ({ISSUER})"
    assert valid.nth(1).inner_text().strip() == f"✔ Chữ ký số hợp lệ của {ISSUER}"
    for n in range(2):
        assert "text-success" in valid.nth(n).get_attribute("class")
    match = copy.get_by_text("Đúng bản trình ký (phiên bản 1)")
    assert match.is_visible() and "text-success" in match.get_attribute("class")
    assert copy.locator(".text-danger, .text-warning, .text-warning-emphasis").count() == 0
    assert "CA thử nghiệm" in copy.inner_text()           # the issuing CA, named
    page.screenshot(path=str(shots / "02-signed-valid.png"), full_page=True)

    # One byte changed inside the signed range.
    bad = tmp_path / "ke-hoach-da-ky-bi-sua.pdf"
    bad.write_bytes(change_one_signed_byte(twice))
    page.get_by_role("region", name=PANEL).get_by_label(
        "Tải lên bản đã ký (PDF ký số, hoặc bản quét)").set_input_files(str(bad))
    page.get_by_role("region", name=PANEL).get_by_role("button", name="Tải lên và kiểm tra chữ ký").click()
    page.get_by_text("có chữ ký không hợp lệ").first.wait_for()
    copies = page.get_by_role("region", name=PANEL).locator(".signed-copy")
    assert copies.count() == 2
    changed = copies.filter(has_text="Tệp đã bị sửa sau khi ký")
    assert changed.count() == 1
    problem = changed.get_by_text("Tệp đã bị sửa sau khi ký").first
    assert "text-danger" in problem.get_attribute("class")
    assert changed.get_by_text("Chữ ký số hợp lệ của").count() == 0
    # The changed byte is in the first revision too, so it is no longer the copy sent for signature.
    assert changed.get_by_text("Không khớp bản trình ký nào của văn bản này").is_visible()
    # The good copy still reads as before.
    assert copies.filter(has_text="Đúng bản trình ký (phiên bản 1)").get_by_text("Chữ ký số hợp lệ của").count() == 2
    page.screenshot(path=str(shots / "03-signed-changed.png"), full_page=True)

    # The command line agrees (anchors from the database: the CA the administrator installed).
    code, out = verify(good)
    assert code == 0, out
    assert f"Đúng bản trình ký (kế hoạch mã {plan.pk}, phiên bản 1)" in out
    code, out = verify(bad)
    assert code != 0
    assert "Tệp đã bị sửa sau khi ký" in out
