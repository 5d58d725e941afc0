"""A report's outline is the issuer's (issue 15): edited on the report's page as a person would,
then the preview, the PDF and the .xlsx print exactly it, in its order; trình ký freezes it; bad
input is refused beside its field with nothing typed lost; a colleague's save in between is caught."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from campaigns.models import ReportingPeriod
from reports import outlines, selectors, services
from reports.models import Report
from tests.factories import make_campaign
from tests.fuzz.test_reports import outline_post
from tests.reports.conftest import page_texts
from units.access import SYSTEM

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(tree):
    campaign = make_campaign(tree["A"], participants=[tree["A.BV"], tree["A.TT"]], status="in_progress")
    period = ReportingPeriod.objects.create(campaign=campaign, kind="year", year=2026, label="Năm 2026")
    return services.create_report(by=SYSTEM, campaign=campaign, organisation=tree["A"], period=period)


def edited(report) -> dict:
    """The district's own outline, typed into the page: II renamed and moved before I, III dropped,
    the prose written, and an appendix with a briefing table added at the end."""
    data = outline_post(report)
    data.update({"title": report.title, "version": str(report.version), "notation": "BC-SYT",
                 "issue_month": "11", "issue_year": "2026", "recipients": "Lưu: VT",
                 "closing": "Trên đây là báo cáo./."})
    rows = services.outline_of(report)
    index = {row.heading: i for i, row in enumerate(rows)}
    two, one, three = index["II. KẾT QUẢ THỰC HIỆN"], index["I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN"], \
        index["III. CÔNG TÁC KHEN THƯỞNG"]
    data[f"muc-{two}-heading"] = "I. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH SỐ 59-CTr/TU"
    # II and its table (the next row) move before I; equal numbers keep the rows' order.
    data[f"muc-{two}-ORDER"], data[f"muc-{two + 1}-ORDER"], data[f"muc-{one}-ORDER"] = "1", "1", "2"
    data[f"muc-{one}-heading"] = "II. TÌNH HÌNH TRIỂN KHAI"
    data[f"muc-{one}-body"] = "Đã quán triệt đến 179 đồng chí."
    data[f"muc-{three}-DELETE"] = "on"
    for i, row in enumerate(rows):
        if row.heading.startswith(("1. ", "2. ", "V. ")):
            data[f"muc-{i}-body"] = f"Lời văn của {row.heading}"
    new = len(rows)
    data.update({f"muc-{new}-ORDER": "90", f"muc-{new}-level": "0", f"muc-{new}-heading": "PHỤ LỤC",
                 f"muc-{new}-body": "đánh giá kết quả một năm\ntriển khai chương trình", f"muc-{new}-bold": "on",
                 f"muc-{new + 1}-ORDER": "91", f"muc-{new + 1}-level": "1", f"muc-{new + 1}-heading": "I- QUÁN TRIỆT",
                 f"muc-{new + 1}-block": "briefing", f"muc-{new + 1}-brief-0-name": "Cấp huyện",
                 f"muc-{new + 1}-brief-0-1": "on", f"muc-{new + 1}-brief-0-6": "on",
                 f"muc-{new + 1}-brief-1-name": "", "muc-TOTAL_FORMS": str(new + 2)})
    return data


def test_the_outline_typed_on_the_page_is_what_the_preview_the_pdf_and_the_xlsx_print(report, cast, login, tmp_path):
    client = login(cast["secretariat"])
    page = client.get(reverse("reports:report-update", args=[report.pk])).content.decode()
    assert "Dàn ý" in page and 'name="muc-TOTAL_FORMS"' in page and "Thêm đề mục" in page
    response = client.post(reverse("reports:report-update", args=[report.pk]), edited(report))
    assert response.status_code == 302, response.content.decode()[:3000]

    shown = [(s.level, s.heading, s.block) for s in services.outline_of(report)]
    assert shown[:3] == [(1, "I. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH SỐ 59-CTr/TU", "indicator_summary"),
                         (2, "", "indicator_tables"), (1, "II. TÌNH HÌNH TRIỂN KHAI", "completeness")]
    assert (1, "III. CÔNG TÁC KHEN THƯỞNG", "awards") not in shown
    assert shown[-2:] == [(0, "PHỤ LỤC", ""), (1, "I- QUÁN TRIỆT", "briefing")]
    briefing = services.outline_of(report)[-1]
    assert outlines.briefing_rows(briefing.data) == [
        {"name": "Cấp huyện", "marks": [False, True, False, False, False, False, True, False]}]

    preview = client.get(report.get_absolute_url()).content.decode()
    assert preview.index("I. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH") < preview.index("II. TÌNH HÌNH TRIỂN KHAI")
    assert "CÔNG TÁC KHEN THƯỞNG</h2>" not in preview and "Cấp huyện" in preview

    pdf = client.get(reverse("reports:report-pdf", args=[report.pk])).content
    text = " ".join(" ".join(page_texts(pdf, tmp_path)).split())
    assert text.index("I. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH") < text.index("II. TÌNH HÌNH TRIỂN KHAI") \
        < text.index("Đã quán triệt đến 179 đồng chí.") < text.index("Trên đây là báo cáo./.") < text.index("PHỤ LỤC")
    assert "CÔNG TÁC KHEN THƯỞNG" not in text and "Phương thức quán triệt" in text
    assert "ngày tháng 11 năm 2026" in text   # the draft's own month, typed on the page

    book = load_workbook(BytesIO(client.get(reverse("reports:report-xlsx", args=[report.pk])).content))
    assert book.sheetnames == ["I. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌ", "Phụ lục I", "Phụ lục II", "I- QUÁN TRIỆT"]
    assert list(book["I- QUÁN TRIỆT"].iter_rows(values_only=True))[-1] == (
        "Cấp huyện", None, "X", None, None, None, None, "X", None)
    history = [c["label"] for e in report.events.all() for c in e.changes]
    assert "Dàn ý và lời văn" in history


def test_trinh_ky_freezes_the_outline_and_a_later_edit_does_not_reach_the_edition(report, cast, login):
    client = login(cast["secretariat"])
    assert client.post(reverse("reports:report-update", args=[report.pk]), edited(report)).status_code == 302
    sent = services.send_report_for_signature(by=cast["leader"], report=Report.objects.get(pk=report.pk))
    frozen = [row["heading"] for row in sent.frozen_text["outline"]]
    assert frozen[0] == "I. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH SỐ 59-CTr/TU" and "I- QUÁN TRIỆT" in frozen
    # Whatever happens to the rows afterwards, the edition prints what was sent.
    sent.sections.update(heading="ĐÃ SỬA SAU KHI TRÌNH KÝ")
    html = services.render_html(selectors.report_document(Report.objects.get(pk=report.pk), sent.updated_at.date()))
    assert "ĐÃ SỬA SAU KHI TRÌNH KÝ" not in html and "I. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH SỐ 59-CTr/TU" in html
    assert client.get(reverse("reports:report-update", args=[report.pk])).status_code == 302


def test_an_empty_heading_is_refused_at_trinh_ky_and_a_bad_row_beside_its_field(report, cast, login):
    client = login(cast["secretariat"])
    data = edited(report)
    new = int(data["muc-TOTAL_FORMS"]) - 2
    data[f"muc-{new}-heading"] = ""            # an appendix with no label
    data[f"muc-{new + 1}-body"] = "Chữ người dùng gõ, không được mất."
    page = client.post(reverse("reports:report-update", args=[report.pk]), data)
    html = page.content.decode()
    assert page.status_code == 200 and "Nhập nhãn của phụ lục" in html
    assert "Chữ người dùng gõ, không được mất." in html and "Cấp huyện" in html
    assert services.outline_of(report)[0].heading == "I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN"   # nothing saved

    # A heading left with nothing under it is named when trình ký is asked for.
    response = client.post(reverse("reports:report-send", args=[report.pk]), follow=True)
    assert "Báo cáo còn để trống: 1. Mặt được; 2. Hạn chế và nguyên nhân; V. NHIỆM VỤ" in response.content.decode()


def test_a_colleagues_save_in_between_is_caught_and_the_typed_outline_stays_on_the_page(report, cast, login):
    client = login(cast["secretariat"])
    data = edited(report)
    services.save_report(by=cast["leader"], report=report, version=report.version, data={"title": "Đổi tên"})
    page = client.post(reverse("reports:report-update", args=[report.pk]), data)
    html = page.content.decode()
    assert page.status_code == 200 and "vừa được người khác lưu" in html
    assert "I. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH SỐ 59-CTr/TU" in html and "Cấp huyện" in html
    assert services.outline_of(report)[0].heading == "I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN"


def test_another_units_secretariat_gets_404_and_a_unit_cannot_edit_the_issuers_report(report, cast, login):
    assert login(cast["outsider"]).get(reverse("reports:report-update", args=[report.pk])).status_code == 404
    assert login(cast["staff"]).post(reverse("reports:report-update", args=[report.pk]),
                                     edited(report)).status_code in (403, 404)
    assert services.outline_of(report)[0].heading == "I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN"


def test_the_spare_card_is_not_saved_and_a_nameless_briefing_row_is_refused(report, cast, login):
    client = login(cast["secretariat"])
    data = edited(report)
    last = int(data["muc-TOTAL_FORMS"]) - 1
    data[f"muc-{last}-brief-0-name"] = ""
    html = client.post(reverse("reports:report-update", args=[report.pk]), data).content.decode()
    assert "nhập tên cơ quan, địa phương cho mỗi dòng có đánh dấu X" in html and "Chưa lưu được" in html

    data = edited(report)
    total = int(data["muc-TOTAL_FORMS"])
    # ↑/↓ renumber every card, the spare one too: it has an order and nothing else.
    data.update({f"muc-{total}-ORDER": "5", f"muc-{total}-level": "1", f"muc-{total}-bold": "on",
                 "muc-TOTAL_FORMS": str(total + 1)})
    assert client.post(reverse("reports:report-update", args=[report.pk]), data).status_code == 302
    assert "" not in [s.heading for s in services.outline_of(report) if not s.block]


def test_the_secretariat_keeps_an_outline_for_its_next_reports_of_the_kind(report, cast, login, tree):
    client = login(cast["secretariat"])
    data = edited(report)
    data["make_default"] = "on"
    assert client.post(reverse("reports:report-update", args=[report.pk]), data).status_code == 302
    period = ReportingPeriod.objects.create(campaign=report.campaign, kind="year", year=2027, label="Năm 2027")
    later = services.create_report(by=cast["secretariat"], campaign=report.campaign, organisation=tree["A"],
                                   period=period)
    headings = [s.heading for s in services.outline_of(later)]
    assert headings[:2] == ["I. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH SỐ 59-CTr/TU", ""]
    assert "I- QUÁN TRIỆT" in headings and "III. CÔNG TÁC KHEN THƯỞNG" not in headings
    assert "V. NHIỆM VỤ, GIẢI PHÁP NĂM 2028" in headings                 # next year's, not 2027's copy
    assert all(not s.body for s in services.outline_of(later) if s.level)   # not this year's prose
    page = client.get(reverse("reports:report-update", args=[later.pk])).content.decode()
    assert "bắt đầu từ dàn ý đơn vị đã lưu" in page
    client.post(reverse("reports:report-outline-default-drop", args=[later.pk]))
    period = ReportingPeriod.objects.create(campaign=report.campaign, kind="year", year=2028, label="Năm 2028")
    fresh = services.create_report(by=SYSTEM, campaign=report.campaign, organisation=tree["A"], period=period)
    assert services.outline_of(fresh)[0].heading == "I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN"
    # Another issuer's staff cannot drop it (hidden report: 404).
    assert login(cast["outsider"]).post(reverse("reports:report-outline-default-drop",
                                                args=[later.pk])).status_code == 404
