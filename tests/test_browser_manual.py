"""The user manual's screenshots (issue 19, point 8), taken by walking each task of common/help.py in a
real browser on the demo data, as the manual tells the reader to do it. A button or field the manual
names and the screen no longer shows fails the walk: the manual drifted.

`make manual` (HELP_SCREENSHOTS=write) writes the PNGs to static/help/ (1200×800 viewport, cropped
to the part of the screen the step is about, palette PNG to stay small). Without it the walk takes no
pictures and compares nothing pixel-wise (screens change); tests/common/test_help.py checks that
every picture the manual names exists."""

import os
from datetime import date
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings as django_settings

from common import help as manual
from tests.browser import load_demo, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = date(2026, 11, 23)
WRITE = os.environ.get("HELP_SCREENSHOTS") == "write"
FOLDER = Path(django_settings.BASE_DIR) / "static" / "help"
MAX_HEIGHT = 900
NAMED = {shot.file for shot in manual.all_shots()}


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1200, "height": 800}, "locale": "vi-VN"}


@pytest.fixture
def demo(settings):
    load_demo(settings, TODAY)


def shot(page, name: str, target=None) -> None:
    """The picture `name` the manual shows: `target` (a locator) or the viewport, at most MAX_HEIGHT
    pixels tall, written only under HELP_SCREENSHOTS=write."""
    assert name in NAMED, f"{name} is not named in common/help.py"
    if target is not None:
        target.wait_for()
        target.scroll_into_view_if_needed()
    if not WRITE:
        return
    from PIL import Image

    FOLDER.mkdir(parents=True, exist_ok=True)
    path = FOLDER / name
    if target is None:
        page.screenshot(path=str(path))
    else:
        target.screenshot(path=str(path), animations="disabled")
    image = Image.open(path).convert("RGB")
    if image.height > MAX_HEIGHT:
        image = image.crop((0, 0, image.width, MAX_HEIGHT))
    # Screens are flat colours: a 256-colour palette keeps text sharp at a third of the size.
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    assert path.stat().st_size < 150_000, f"{name}: {path.stat().st_size} bytes"


def logout(page):
    page.context.clear_cookies()


def _serious(page) -> list[tuple]:
    return [(v["id"], [n["target"][0] for n in v["nodes"][:3]]) for v in Axe().run(page).response["violations"]
            if v["impact"] in ("serious", "critical") or v["id"] == "heading-order"]


def test_manual_figures_login_and_the_help_pages(live_server, page, demo):
    """dang-nhap, nhap-so-lieu, xet-bao-cao; the contextual link; axe on every help page."""
    base = live_server.url
    page.goto(f"{base}/dang-nhap/")
    shot(page, "dang-nhap-1.png", page.locator("main form").first)
    page.get_by_label("Tên đăng nhập").fill("donvi")
    page.get_by_label("Mật khẩu").fill("demo12345")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("heading", name="Xin chào, Phạm Thị Hồng Nhung").wait_for()
    page.get_by_text("Báo cáo đơn vị cần nhập, gửi").wait_for()
    shot(page, "dang-nhap-2.png")
    page.get_by_role("button", name="Phạm Thị Hồng Nhung").click()
    page.get_by_role("link", name="Đổi mật khẩu").wait_for()
    page.keyboard.press("Escape")

    page.get_by_role("link", name="6 tháng đầu năm 2026 – Trung tâm Y tế Phú Bình").first.click()
    page.get_by_label("Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin", exact=True).fill("97,5")
    page.get_by_label("Tỷ lệ hài lòng của người bệnh", exact=True).fill("93,4")
    page.get_by_label("Cân nặng theo tuổi", exact=True).fill("11,2")
    page.get_by_label("Số trạm y tế xã đạt Bộ tiêu chí quốc gia về y tế xã", exact=True).fill("4/4")
    page.get_by_label("Sự cố y khoa nghiêm trọng", exact=True).fill("0")
    page.get_by_role("button", name="Lưu nháp").wait_for()
    shot(page, "nhap-so-lieu-1.png")
    # The page's "Hướng dẫn" link opens this very task on the unit staff's page.
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Hướng dẫn").click()
    page.wait_for_url("**/huong-dan/can-bo-don-vi/#nhap-so-lieu")
    page.locator("#nhap-so-lieu").get_by_text("Lưu và gửi").wait_for()
    page.go_back()
    page.get_by_label("Sự cố y khoa nghiêm trọng", exact=True).fill("0")
    page.get_by_label("Tỷ lệ hài lòng của người bệnh", exact=True).fill("93,4")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Lưu và gửi").click()
    page.get_by_text("Đã gửi báo cáo cho Thường trực").wait_for()

    # Every help page passes axe (index, the six role pages).
    found = {}
    for path in ["/huong-dan/"] + [f"/huong-dan/{guide.slug}/" for guide in manual.ROLES]:
        page.goto(base + path)
        page.get_by_role("heading", level=1).wait_for()
        if violations := _serious(page):
            found[path] = violations
    assert found == {}
    logout(page)

    login(page, base, "thuongtruc")
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Phong trào thi đua").click()
    page.get_by_role("link", name="Phát động phong trào thi đua năm 2026").first.click()
    page.get_by_role("link", name="Chỉ tiêu, kết quả").click()
    page.get_by_role("link", name="Tình hình nộp").first.click()
    page.get_by_role("heading", name="Tình hình nộp báo cáo").wait_for()
    shot(page, "xet-bao-cao-1.png", page.locator("main table").first)
    page.goto(f"{base}/")
    page.get_by_role("link", name="Trung tâm Y tế Phú Bình – 6 tháng đầu năm 2026").first.click()
    page.get_by_role("button", name="Tiếp nhận").wait_for()
    page.get_by_label("Lý do trả lại").fill("Chưa đính kèm biên bản kiểm tra 4 trạm đạt chuẩn.")
    shot(page, "xet-bao-cao-2.png", page.get_by_role("button", name="Trả lại để bổ sung").locator(
        "xpath=ancestor::*[contains(@class,'card')][1]"))
    page.get_by_role("button", name="Trả lại để bổ sung").click()
    page.get_by_text("Đã trả lại báo cáo cho đơn vị").wait_for()


def test_manual_plans_signatures_and_reports(live_server, page, demo):
    """lap-ke-hoach, sao-chep-ke-hoach, ban-hanh-ke-hoach, kiem-tra-chu-ky, bao-cao-tong-ket."""
    base = live_server.url
    login(page, base, "thuongtruc")
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Phong trào thi đua").click()
    page.get_by_role("link", name="Tạo kế hoạch phát động").click()
    page.get_by_role("combobox", name="Cơ quan ban hành").select_option(label="Sở Y tế Thái Nguyên")
    page.get_by_label("Trích yếu").fill("Phát động thi đua chuyển đổi số năm 2027")
    page.get_by_label("Hình thức thi đua").select_option(label="Thi đua theo chuyên đề")
    page.get_by_label("Năm thi đua").fill("2027")
    shot(page, "lap-ke-hoach-1.png")
    page.get_by_role("button", name="Tạo dự thảo").click()
    page.get_by_role("heading", name="Phát động thi đua chuyển đổi số năm 2027").first.wait_for()
    for tab in ("Văn bản", "Nội dung thi đua, số lượng", "Đơn vị tham gia", "Kỳ báo cáo"):
        page.get_by_role("tab", name=tab).wait_for()
    page.get_by_role("link", name="Thêm căn cứ").wait_for()

    # Trình ký, then the registry's number.
    panel = page.get_by_role("region", name="Bản trình ký, bản ban hành")
    panel.get_by_role("button", name="Trình ký").click()
    page.get_by_text("Đã trình ký: lưu phiên bản 1").wait_for()
    panel = page.get_by_role("region", name="Bản trình ký, bản ban hành")
    panel.get_by_role("link", name="Tải bản trình ký").wait_for()
    panel.get_by_label("Tải lên bản đã ký (PDF ký số, hoặc bản quét)").wait_for()
    panel.get_by_role("button", name="Tải lên và kiểm tra chữ ký").wait_for()
    shot(page, "ban-hanh-ke-hoach-1.png", panel)
    panel.get_by_role("link", name="Ghi nhận ban hành").click()
    page.get_by_label("Số").fill("88")
    page.get_by_label("Ngày ban hành").fill("23/11/2026")
    page.get_by_role("button", name="Ghi nhận ban hành").click()
    page.get_by_text("Đã ghi nhận ban hành kế hoạch").wait_for()

    # Copy the live plan forward; the demo plan's signed copy was verified by load_demo.
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Phong trào thi đua").click()
    page.get_by_role("link", name="Phát động phong trào thi đua năm 2026").first.click()
    signed = page.get_by_role("region", name="Bản trình ký, bản ban hành").locator(".signed-copy").first
    signed.get_by_text("Chữ ký số hợp lệ của").first.wait_for()
    signed.get_by_text("Đúng bản trình ký (phiên bản").first.wait_for()
    shot(page, "kiem-tra-chu-ky-1.png", signed)
    page.get_by_role("link", name="Sao chép kế hoạch").click()
    assert page.get_by_label("Năm thi đua của kế hoạch mới").input_value() == "2027"
    page.get_by_label("Trích yếu").wait_for()
    shot(page, "sao-chep-ke-hoach-1.png", page.locator("main form").first)
    page.get_by_role("button", name="Tạo dự thảo từ kế hoạch này").click()
    page.get_by_role("heading", name="Cần xem lại").wait_for()
    review = page.locator("#can-xem-lai")
    review.get_by_role("button", name="Đã xem").first.wait_for()
    shot(page, "sao-chep-ke-hoach-2.png", review)

    # The annual summary: create, edit its outline, the actions.
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Báo cáo").click()
    page.get_by_role("listitem").filter(has_text="Phát động phong trào thi đua năm 2026 · Sở Y tế").get_by_role(
        "link", name="Lập báo cáo").click()
    page.get_by_label("Báo cáo của").select_option(label="Sở Y tế Thái Nguyên")
    page.get_by_label("Kỳ số liệu").select_option(label="Đột xuất: kết quả công tác phòng, chống dịch bệnh")
    page.get_by_role("button", name="Lập dự thảo").click()
    page.get_by_role("link", name="Sửa dàn ý, lời văn").wait_for()
    for name in ("Tải PDF (dự thảo)",):
        page.get_by_role("link", name=name).wait_for()
    for name in ("Trình ký", "Ban hành"):
        page.get_by_role("button", name=name, exact=True).wait_for()
    actions = page.get_by_role("link", name="Sửa dàn ý, lời văn").locator("xpath=..")
    shot(page, "bao-cao-tong-ket-1.png", actions)
    for label in ("Số (do văn thư cấp)", "Ngày ban hành", "Chức vụ người ký", "Họ tên người ký"):
        page.get_by_label(label).wait_for()
    page.get_by_role("link", name="Sửa dàn ý, lời văn").click()
    page.get_by_role("button", name="+ Thêm đề mục").wait_for()
    shot(page, "bao-cao-tong-ket-2.png")
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_role("link", name="Sửa dàn ý, lời văn").wait_for()


def test_manual_nominations_council_and_decision(live_server, page, demo, tmp_path):
    """de-nghi-khen-thuong, xet-de-nghi, chuan-bi-phien-hop, ghi-ket-qua-phien-hop, quyet-dinh."""
    from units.models import Person

    base = live_server.url
    signed_pdf = tmp_path / "to-trinh-da-ky.pdf"
    signed_pdf.write_bytes(b"%PDF-1.4\n% to trinh da ky\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    nominee = Person.objects.filter(organisation__code="TTYT-PB", organisation__root__name="Sở Y tế Thái Nguyên"
                                    ).order_by("employee_code").first()

    login(page, base, "donvi")
    page.get_by_role("button", name="Khen thưởng").click()
    page.get_by_role("link", name="Tổng quan").click()
    page.get_by_role("link", name="Lập tờ trình").first.click()
    page.get_by_role("link", name="Phát động phong trào thi đua năm 2026").click()
    page.get_by_label("Đơn vị đề nghị").select_option(label="Trung tâm Y tế Phú Bình")
    page.get_by_label("Nội dung thi đua").select_option(index=1)
    page.get_by_label("Trích yếu").fill("Tờ trình đề nghị tặng danh hiệu Chiến sĩ thi đua cơ sở năm 2026")
    page.get_by_role("button", name="Tạo tờ trình").click()
    page.get_by_role("link", name="Thêm người, tập thể").click()
    page.get_by_label("Danh hiệu, hình thức khen thưởng").select_option(label="Chiến sĩ thi đua cơ sở")
    page.get_by_label("Cá nhân", exact=True).select_option(label=f"{nominee.full_name} – Trung tâm Y tế Phú Bình")
    page.get_by_label("Tóm tắt thành tích").fill("Sáng kiến cải tiến quy trình tiêm chủng tại trạm y tế")
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_text("Đã thêm vào danh sách").wait_for()
    page.locator("#proposal-file").set_input_files(str(signed_pdf))
    page.get_by_role("button", name="Đính kèm").click()
    page.get_by_text("Đã đính kèm tệp").wait_for()
    send = page.get_by_role("button", name="Gửi 1 đề nghị cho Thường trực")
    send.wait_for()
    shot(page, "de-nghi-khen-thuong-1.png")
    page.once("dialog", lambda dialog: dialog.accept())
    send.click()
    page.get_by_text("Đã gửi 1 đề nghị").wait_for()
    logout(page)

    login(page, base, "thuongtruc")
    page.get_by_role("button", name="Khen thưởng").click()
    page.get_by_role("link", name="Xét duyệt đề nghị").click()
    page.get_by_role("link", name=nominee.full_name).wait_for()
    shot(page, "xet-de-nghi-1.png")
    page.get_by_role("link", name=nominee.full_name).click()
    page.get_by_label("Lý do").wait_for()
    page.get_by_role("button", name="Trả lại để bổ sung").wait_for()
    page.get_by_role("button", name="Tiếp nhận").click()
    page.get_by_text("Đã chuyển: Đã tiếp nhận").wait_for()
    page.get_by_role("button", name="Khen thưởng").click()
    page.get_by_role("link", name="Công khai danh sách").wait_for()
    page.get_by_role("link", name="Hội đồng Thi đua – Khen thưởng", exact=True).click()
    page.get_by_role("link", name="Chuẩn bị phiên họp").click()
    page.get_by_label("Nội dung phiên họp").fill("Phiên họp xét danh hiệu Chiến sĩ thi đua cơ sở")
    page.get_by_label("Chủ tịch Hội đồng").select_option(label="Đặng Ngọc Huy – Ban Giám đốc")
    page.get_by_label("Thư ký").select_option(label="Nguyễn Thị Thu Hà – Phòng Tổ chức - Hành chính")
    page.get_by_label("Lê Văn Đức", exact=False).first.check()
    page.get_by_label(f"{nominee.full_name} – Chiến sĩ thi đua cơ sở", exact=False).check()
    shot(page, "chuan-bi-phien-hop-1.png")
    page.get_by_role("button", name="Tạo phiên họp").click()
    page.get_by_text("Đã chuẩn bị phiên họp").wait_for()
    logout(page)

    login(page, base, "hoidong")
    page.get_by_role("button", name="Khen thưởng").click()
    page.get_by_role("link", name="Hội đồng Thi đua – Khen thưởng", exact=True).click()
    page.get_by_role("link", name="Phiên họp xét danh hiệu Chiến sĩ thi đua cơ sở").click()
    for select in page.locator("select[id^=member-]").all():
        select.select_option("present")
    page.get_by_role("button", name="Lưu điểm danh").click()
    page.get_by_text("Đã ghi điểm danh").wait_for()
    page.get_by_label("Kết quả", exact=True).select_option(label="Đề nghị khen thưởng")
    page.get_by_label("Đồng ý", exact=True).fill("3")
    page.get_by_label("Không đồng ý", exact=True).fill("0")
    page.get_by_label("Không biểu quyết", exact=True).fill("0")
    shot(page, "ghi-ket-qua-phien-hop-1.png")
    page.get_by_role("button", name="Ghi kết quả").click()
    page.get_by_text("Đã ghi kết quả").wait_for()
    logout(page)

    login(page, base, "lanhdao")
    page.get_by_role("button", name="Khen thưởng").click()
    page.get_by_role("link", name="Tổng quan").click()
    page.get_by_role("link", name="Lập quyết định khen thưởng").click()
    for box in page.locator("input[name=nomination]").all():
        box.uncheck()
    page.get_by_label(f"{nominee.full_name} – Chiến sĩ thi đua cơ sở", exact=False).check()
    page.get_by_label("Trích yếu").fill("Về việc tặng danh hiệu Chiến sĩ thi đua cơ sở năm 2026")
    page.get_by_role("button", name="Lập dự thảo").click()
    page.get_by_label("Số (do văn thư cấp)").fill("530")
    page.get_by_label("Chức vụ người ký").fill("PHÓ GIÁM ĐỐC")
    page.get_by_label("Họ tên người ký").fill("Trần Minh Khoa")
    page.get_by_label("Quyền hạn ký").fill("KT. GIÁM ĐỐC")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Ban hành").click()
    page.get_by_text("Đã ban hành quyết định").wait_for()
    page.get_by_role("link", name="In giấy khen, giấy chứng nhận (PDF)").wait_for()
    shot(page, "quyet-dinh-1.png")


def test_manual_fund_catalogue_and_unit_titles(live_server, page, demo, tmp_path):
    """quy-thi-dua, he-so-tien-thuong, binh-xet-don-vi."""
    from units.models import Person

    base = live_server.url
    login(page, base, "thuongtruc")
    page.get_by_role("button", name="Khen thưởng").click()
    page.get_by_role("link", name="Tổng quan").click()
    page.get_by_role("link", name="Quỹ thi đua, khen thưởng").click()
    page.get_by_role("heading", name="Quỹ thi đua, khen thưởng năm 2026").wait_for()
    page.get_by_role("region", name="Mức lương cơ sở").wait_for()
    page.get_by_label("Ngày ghi nhận").fill("05/01/2026")
    page.get_by_label("Số tiền (đồng)").fill("1.000.000")
    page.get_by_role("textbox", name="Nguồn").fill("Ngân sách cấp theo dự toán năm 2026")
    page.get_by_role("button", name="Ghi nhận").click()
    page.get_by_text("Đã ghi nhận 1.000.000 đồng vào quỹ năm 2026.").wait_for()
    page.get_by_role("link", name="Xuất Excel").wait_for()
    shot(page, "quy-thi-dua-1.png", page.get_by_role("region", name="Sổ quỹ"))
    logout(page)

    login(page, base, "quantri")
    page.get_by_role("button", name="Khen thưởng").click()
    page.get_by_role("link", name="Danh mục khen thưởng").click()
    page.get_by_role("link", name="Giấy khen của Giám đốc Sở Y tế (tập thể)").click()
    page.get_by_label("Hệ số (× mức lương cơ sở)").fill("0,6")
    page.get_by_label("Căn cứ đã đối chiếu (nghị định, điều, khoản)").fill("Nghị định 152/2025/NĐ-CP, Điều 54")
    confirm = page.get_by_role("button", name="Xác nhận hệ số")
    shot(page, "he-so-tien-thuong-1.png", confirm.locator("xpath=ancestor::form[1]"))
    page.once("dialog", lambda dialog: dialog.accept())
    confirm.click()
    page.get_by_text("Đã xác nhận hệ số tiền thưởng 0,6").wait_for()
    logout(page)

    staff = list(Person.objects.filter(organisation__code="TTYT-PB-KB", organisation__root__name="Sở Y tế Thái Nguyên")
                 .order_by("employee_code")[:2])
    login(page, base, "truongdonvi")
    page.get_by_role("button", name="Khen thưởng").click()
    page.get_by_role("link", name="Bình xét danh hiệu của đơn vị").click()
    page.locator("#id_organisation").select_option(label="Trung tâm Y tế Phú Bình")
    page.get_by_role("button", name="Mở danh sách").click()
    page.get_by_text("Đã mở danh sách bình xét").wait_for()
    page.get_by_label("Danh hiệu, hình thức").select_option(label="Lao động tiên tiến")
    for person in staff:
        page.get_by_label(person.full_name, exact=False).check()
    page.get_by_role("button", name="Thêm những người đã chọn").click()
    page.get_by_text("Đã thêm 2 người").wait_for()
    page.get_by_label("Loại tệp").select_option(label="Biên bản bình xét thi đua")
    page.get_by_role("button", name="Đính kèm").wait_for()
    page.get_by_label("Chức vụ người ký").wait_for()
    page.get_by_role("button", name="Ban hành quyết định").wait_for()
    shot(page, "binh-xet-don-vi-1.png")


def test_manual_council_by_term_and_the_roll_up(live_server, page, demo):
    """hoi-dong-nhiem-ky, tong-hop-don-vi."""
    base = live_server.url
    login(page, base, "thuongtruc")
    page.get_by_role("button", name="Khen thưởng").click()
    page.get_by_role("link", name="Hội đồng Thi đua – Khen thưởng", exact=True).click()
    page.get_by_role("link", name="Thành viên Hội đồng").click()
    page.get_by_role("heading", name="Lập Hội đồng nhiệm kỳ mới").wait_for()
    page.get_by_role("region", name="Nhiệm kỳ hiện tại").get_by_role("link", name="Nhiệm kỳ").first.click()
    members = page.get_by_role("region", name="Thành viên")
    members.get_by_role("button", name="Đổi").first.wait_for()
    page.get_by_role("button", name="Thêm", exact=True).wait_for()
    shot(page, "hoi-dong-nhiem-ky-1.png")

    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Phong trào thi đua").click()
    page.get_by_role("link", name="Phát động phong trào thi đua năm 2026").first.click()
    page.get_by_role("link", name="Tổng hợp đơn vị").click()
    page.get_by_role("heading", name="Tổng hợp đơn vị: Phát động phong trào thi đua năm 2026").wait_for()
    page.get_by_text("Cách đếm").first.wait_for()
    page.get_by_label("Lý do trả lại (đơn vị đọc được và nhận thư điện tử)").wait_for()
    page.get_by_role("button", name="Trả lại các đơn vị đã chọn").wait_for()
    page.get_by_role("button", name="Trình cấp trên").wait_for()
    page.get_by_role("link", name="Xuất Excel").wait_for()
    shot(page, "tong-hop-don-vi-1.png")
