"""In a real browser on the demo data, the whole award path on the live campaign: donvi prepares
a proposal with its signed file, thuongtruc returns one nomination with a reason, donvi fixes and
resubmits, thuongtruc accepts and prepares the council, hoidong records the roll call and the
outcome (the threshold rule of CSTĐCS is not verified, so the secretary records it), lanhdao
issues the decision and donvi reads "Đã khen thưởng". Then truongdonvi decides the unit's own
Lao động tiên tiến titles."""

from datetime import date

import pytest

from tests.browser import load_demo, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = date(2026, 11, 23)


@pytest.fixture
def demo(settings):
    load_demo(settings, TODAY)


@pytest.fixture
def signed_pdf(tmp_path):
    path = tmp_path / "to-trinh-da-ky.pdf"
    path.write_bytes(b"%PDF-1.4\n% to trinh da ky\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    return path


def logout(page, full_name):
    page.get_by_role("button", name=full_name).click()
    page.get_by_role("button", name="Đăng xuất").click()
    page.get_by_label("Tên đăng nhập").wait_for()


def test_the_whole_award_path_on_the_live_campaign(live_server, page, demo, signed_pdf):
    from units.models import Person

    base = live_server.url
    nominee = Person.objects.filter(organisation__code="TTYT-PB", organisation__root__name="Sở Y tế Thái Nguyên"
                                    ).order_by("employee_code").first()
    nominee_label = f"{nominee.full_name} – Trung tâm Y tế Phú Bình"

    login(page, base, "donvi")
    page.goto(f"{base}/khen-thuong/")
    page.get_by_role("link", name="Lập tờ trình").first.click()
    page.get_by_role("link", name="Phát động phong trào thi đua năm 2026").click()
    page.get_by_label("Đơn vị đề nghị").select_option(label="Trung tâm Y tế Phú Bình")
    page.get_by_label("Nội dung thi đua").select_option(index=1)      # item 1 of the plan
    page.get_by_label("Trích yếu").fill("Tờ trình đề nghị tặng danh hiệu Chiến sĩ thi đua cơ sở năm 2026")
    page.get_by_role("button", name="Tạo tờ trình").click()
    page.get_by_text("Đã tạo tờ trình").wait_for()
    proposal_url = page.url
    page.get_by_role("link", name="Thêm người, tập thể").click()
    page.get_by_label("Danh hiệu, hình thức khen thưởng").select_option(label="Chiến sĩ thi đua cơ sở")
    page.get_by_label("Cá nhân", exact=True).select_option(label=nominee_label)
    page.get_by_label("Tóm tắt thành tích").fill("Sáng kiến cải tiến quy trình tiêm chủng tại trạm y tế")
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_text("Đã thêm vào danh sách").wait_for()
    page.locator("#proposal-file").set_input_files(str(signed_pdf))
    page.get_by_role("button", name="Đính kèm").click()
    page.get_by_text("Đã đính kèm tệp").wait_for()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Gửi 1 đề nghị cho Thường trực").click()
    page.get_by_text("Đã gửi 1 đề nghị").wait_for()
    logout(page, "Phạm Thị Hồng Nhung")

    login(page, base, "thuongtruc")
    page.goto(f"{base}/khen-thuong/xet-duyet/")
    page.get_by_role("link", name=nominee.full_name).click()
    page.get_by_label("Lý do").fill("Bổ sung quyết định công nhận sáng kiến cấp cơ sở.")
    page.get_by_role("button", name="Trả lại để bổ sung").click()
    page.get_by_text("Đã chuyển: Bị trả lại").wait_for()
    logout(page, "Nguyễn Thị Thu Hà")

    login(page, base, "donvi")
    page.goto(f"{base}/khen-thuong/")
    page.get_by_text("Bổ sung quyết định công nhận sáng kiến cấp cơ sở.").wait_for()
    page.get_by_role("link", name=f"{nominee.full_name} – CSTĐCS").click()
    page.get_by_role("link", name="Sửa").click()
    page.get_by_label("Tóm tắt thành tích").fill("Sáng kiến cải tiến quy trình tiêm chủng (Quyết định công nhận số "
                                                 "12/QĐ-TTYT).")
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_role("button", name="Gửi lại").click()
    page.get_by_text("Đã chuyển: Đã gửi, chờ xét").wait_for()
    logout(page, "Phạm Thị Hồng Nhung")

    login(page, base, "thuongtruc")
    page.goto(f"{base}/khen-thuong/xet-duyet/")
    page.get_by_role("link", name=nominee.full_name).click()
    page.get_by_role("button", name="Tiếp nhận").click()
    page.get_by_text("Đã chuyển: Đã tiếp nhận").wait_for()
    page.goto(f"{base}/khen-thuong/hoi-dong/moi/")
    page.get_by_label("Nội dung phiên họp").fill("Phiên họp xét danh hiệu Chiến sĩ thi đua cơ sở")
    page.get_by_label("Chủ tịch Hội đồng").select_option(label="Đặng Ngọc Huy – Ban Giám đốc")
    page.get_by_label("Thư ký").select_option(label="Nguyễn Thị Thu Hà – Phòng Tổ chức - Hành chính")
    page.get_by_label("Lê Văn Đức", exact=False).first.check()
    page.get_by_label(f"{nominee.full_name} – Chiến sĩ thi đua cơ sở", exact=False).check()
    page.get_by_role("button", name="Tạo phiên họp").click()
    page.get_by_text("Đã chuẩn bị phiên họp").wait_for()
    logout(page, "Nguyễn Thị Thu Hà")

    login(page, base, "hoidong")
    page.goto(f"{base}/khen-thuong/hoi-dong/")
    page.get_by_role("link", name="Phiên họp xét danh hiệu Chiến sĩ thi đua cơ sở").click()
    for select in page.locator("select[id^=member-]").all():
        select.select_option("present")
    page.get_by_role("button", name="Lưu điểm danh").click()
    page.get_by_text("Đã ghi điểm danh").wait_for()
    page.get_by_label("Kết quả", exact=True).select_option(label="Đề nghị khen thưởng")
    page.get_by_label("Đồng ý", exact=True).fill("3")
    page.get_by_label("Không đồng ý", exact=True).fill("0")
    page.get_by_label("Không biểu quyết", exact=True).fill("0")
    page.get_by_role("button", name="Ghi kết quả").click()
    page.get_by_text("Đã ghi kết quả").wait_for()
    logout(page, "Lê Văn Đức")

    login(page, base, "lanhdao")
    page.goto(f"{base}/khen-thuong/quyet-dinh/moi/")
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
    page.get_by_text("Số 530/QĐ-SYT").first.wait_for()
    logout(page, "Trần Minh Khoa")

    login(page, base, "donvi")
    page.goto(proposal_url)
    page.get_by_text("Đã khen thưởng").first.wait_for()
    page.screenshot(path="/tmp/browser-award-decided.png", full_page=True)


def test_the_unit_head_decides_lao_dong_tien_tien(live_server, page, demo, signed_pdf):
    from units.models import Person

    base = live_server.url
    staff = list(Person.objects.filter(organisation__code="TTYT-PB-KB", organisation__root__name="Sở Y tế Thái Nguyên")
                 .order_by("employee_code")[:2])
    login(page, base, "truongdonvi")
    page.goto(f"{base}/khen-thuong/binh-xet-don-vi/")
    page.locator("#id_organisation").select_option(label="Trung tâm Y tế Phú Bình")
    page.get_by_role("button", name="Mở danh sách").click()
    page.get_by_text("Đã mở danh sách bình xét").wait_for()
    page.get_by_label("Danh hiệu, hình thức").select_option(label="Lao động tiên tiến")
    for person in staff:
        page.get_by_label(person.full_name, exact=False).check()
    page.get_by_role("button", name="Thêm những người đã chọn").click()
    page.get_by_text("Đã thêm 2 người").wait_for()
    page.get_by_label("Loại tệp").select_option(label="Biên bản bình xét thi đua")
    page.locator("#proposal-file").set_input_files(str(signed_pdf))
    page.get_by_role("button", name="Đính kèm").click()
    page.get_by_text("Đã đính kèm tệp").wait_for()
    page.locator("#id_number").fill("88")
    page.get_by_label("Chức vụ người ký").fill("GIÁM ĐỐC")
    page.get_by_label("Họ tên người ký").fill("Hoàng Văn Nam")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Ban hành quyết định").click()
    page.get_by_text("Đã ban hành quyết định Số 88/").wait_for()
    for person in staff:
        page.get_by_role("link", name=person.full_name).wait_for()
    page.screenshot(path="/tmp/browser-unit-ldtt.png", full_page=True)
