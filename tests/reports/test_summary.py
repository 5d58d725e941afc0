"""Summary reports on the demo data: seed 004's appendix reproduced from its results, the live
campaign's reports, issuing (frozen figures, stored PDF/A with its SHA-256), reopening, the signed
scan, who may do what."""

import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from campaigns.models import Campaign
from indicators.models import Result
from reports import selectors, services
from reports.models import Report, ReportFile
from tests.reports.conftest import TODAY, complete, fonts, page_texts, xmp
from units.access import SYSTEM
from units.models import User

pytestmark = pytest.mark.django_db

# Seed 004's appendix, columns STT | Tên chỉ tiêu (start) | Đvt | KH 2020 | TH 2020 | Tỷ lệ | KH 2021.
SEED_004_APPENDIX = [
    ("1", "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng", "%", "< 14", "13,04", ">100", "< 14"),
    ("2", "Giảm tử vong mẹ", "%00", "< 17", "< 17", "100", "< 17"),
    ("3", "Tỷ lệ tăng dân số tự nhiên", "%", "< 1", "0,90", ">100", "< 1"),
    ("4", "Số người áp dụng các biện pháp tránh thai hiện đại", "%", "> 80", "84", "100", "> 80"),
    ("5", "Số trạm Y tế đạt chuẩn Quốc gia", "trạm", "100", "12/12", "100", "12/12"),
    ("6", "Tỷ lệ trẻ em được tiêm chủng miễn dịch", "%", "> 90", "95", "100", "> 90"),
    ("7", "Số giường bệnh/vạn dân", "giường", "9,8", "9,8", "100", "9,8"),
    ("8", "Số bác sĩ/vạn dân", "BS", "3,67", "3,67", "100", "3,7"),
    ("9", "Tỷ lệ tham gia bảo hiểm y tế", "%", "90", "90,08", "100", "91"),
]


def seed_004_report() -> Report:
    return Report.objects.get(campaign__title__startswith="Chương trình hành động số 59")


def live_report(kind: str) -> Report:
    return Report.objects.get(campaign__is_demo=True, organisation=Campaign.objects.get(is_demo=True).issuer,
                              kind=kind)


def test_seed_004s_appendix_comes_out_of_its_results(demo, pinned):
    figures = selectors.report_figures(seed_004_report(), TODAY)
    rows = [(r["number"], r["label"], r["unit"], r["target"], r["actual"], r["ratio"], r["next_target"])
            for r in figures["indicators"]]
    assert len(rows) == len(SEED_004_APPENDIX)
    for row, expected in zip(rows, SEED_004_APPENDIX, strict=True):
        assert row[1].startswith(expected[1]) and row[:1] + row[2:] == expected[:1] + expected[2:]


def test_seed_004s_report_prints_as_the_district_wrote_it(client, demo, pinned):
    report = seed_004_report()
    client.force_login(User.objects.get(username="quantri"))
    html = client.get(reverse("reports:report", args=[report.pk])).content.decode()
    for text in ("BÁO CÁO", "Tiếp nhận Công văn số 3899/SYT-KHTC", "PHÓ CHỦ TỊCH", "Đỗ Nhật Định",
                 "TM. ỦY BAN NHÂN DÂN", "PHỤ LỤC", "Kế hoạch năm 2020", "Kết quả thực hiện năm 2020",
                 "Kế hoạch năm 2021", "Thực hiện", "Tỷ lệ", "Sở YT tỉnh ĐT;", "Lưu VT.",
                 "V. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM TRONG THỜI GIAN TỚI",
                 "Cấp hyện, thị, xã thành phố", "Phương thức quán triệt", "tháng 11 năm 2020"):
        assert text in html, text
    # Only what the district printed: no completeness sentence, no award count, no appendix II.
    printed = services.render_html(selectors.report_document(report, TODAY))
    for text in ("Về báo cáo số liệu kỳ", "CÔNG TÁC KHEN THƯỞNG", "Phụ lục II", "Tỷ lệ (%)"):
        assert text not in printed, text


def test_the_leader_downloads_the_draft_annual_summary_with_blanks_for_the_registry(client, demo, pinned, tmp_path):
    report = live_report(Report.Kind.YEAR)
    client.force_login(User.objects.get(username="lanhdao"))
    response = client.get(reverse("reports:report-pdf", args=[report.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    data = response.content
    assert {name for name, _ in fonts(data, tmp_path)} <= {"VN-Serif", "VN-Serif-Bold", "VN-Serif-Italic",
                                                            "VN-Serif-Bold-Italic"}
    pages = page_texts(data, tmp_path)
    first = " ".join(pages[0].split())
    # A draft's date line carries the month the annual report is due (02/01/2027), not today's.
    assert "Số: /BC-SYT" in first and "ngày tháng 01 năm 2027" in first and "Tổng kết phong trào" in first
    assert pages[0].strip().splitlines()[0].strip() != "1" and pages[1].strip().splitlines()[0].strip() == "2"
    text = " ".join(" ".join(p.split()) for p in pages)
    assert "Phụ lục I" in text and "Phụ lục II" in text and "Thực hiện" in text


def test_issuing_freezes_the_figures_and_stores_the_pdf_with_its_hash(demo, pinned):
    report = live_report(Report.Kind.YEAR)
    leader = User.objects.get(username="lanhdao")
    with pytest.raises(ValidationError, match="người khác"):
        services.save_report(by=leader, report=report, data={"tasks": "x"}, version=report.version - 1)
    report = services.issue_report(by=leader, report=report, number=7, notation="BC-SYT", issue_date=TODAY,
                                   signer_prefix="KT. GIÁM ĐỐC", signer_title="Phó Giám đốc",
                                   signer_name="Trần Minh Khoa")
    stored = report.files.get(kind=ReportFile.Kind.ISSUED)
    data = stored.file.read()
    assert stored.edition == 1 and stored.sha256 == hashlib.sha256(data).hexdigest()
    frozen = report.snapshot
    # A result sent after the issue changes the live figures, not the issued report.
    result = Result.objects.filter(submission__period=report.period, actual_text__gt="").first()
    if result is not None:
        Result.objects.filter(pk=result.pk).update(actual_text="0", value=0)
    assert selectors.report_document(Report.objects.get(pk=report.pk), TODAY).figures == frozen
    with pytest.raises(ValidationError, match="đã ban hành"):
        services.save_report(by=leader, report=report, data={"tasks": "x"}, version=report.version)
    services.reopen_report(by=leader, report=report, reason="Bổ sung số liệu của 2 đơn vị")
    report = services.issue_report(by=leader, report=Report.objects.get(pk=report.pk), number=7, notation="BC-SYT",
                                   issue_date=TODAY, signer_title="Giám đốc", signer_name="Nguyễn Văn A")
    assert sorted(report.files.filter(kind=ReportFile.Kind.ISSUED).values_list("edition", flat=True)) == [1, 2]
    signed = services.attach_signed(by=leader, report=report,
                                    upload=SimpleUploadedFile("ban-ky.pdf", b"%PDF-1.4\nsigned\n"))
    assert signed.kind == ReportFile.Kind.SIGNED and signed.edition == 2
    with pytest.raises(ValidationError, match="PDF"):
        services.attach_signed(by=leader, report=report, upload=SimpleUploadedFile("ban-ky.pdf", b"not a pdf"))


def test_issued_pdf_is_archival_and_downloaded_byte_for_byte(client, demo, pinned, tmp_path):
    report = live_report(Report.Kind.SIX_MONTH)
    assert report.is_issued
    stored = report.files.get(kind=ReportFile.Kind.ISSUED)
    client.force_login(User.objects.get(username="lanhdao"))
    response = client.get(reverse("reports:report-pdf", args=[report.pk]))
    data = b"".join(response.streaming_content)
    assert hashlib.sha256(data).hexdigest() == stored.sha256
    assert 'pdfaid:part="3"' in xmp(data, tmp_path)
    page = client.get(reverse("reports:report", args=[report.pk])).content.decode()
    assert stored.sha256 in page and "Phiên bản 1" in page


def test_who_may_prepare_and_issue(demo, pinned):
    campaign = Campaign.objects.get(is_demo=True)
    period = campaign.periods.get(kind="year")
    unit = User.objects.get(username="donvi")
    head = User.objects.get(username="truongdonvi")
    with pytest.raises(PermissionDenied):
        services.create_report(by=unit, campaign=campaign, organisation=campaign.issuer, period=period)
    own = complete(services.create_report(by=unit, campaign=campaign,
                                          organisation=unit.memberships.get().organisation, period=period))
    assert own.notation == f"BC-{own.organisation.code}"     # the unit's own ký hiệu, not the Sở's
    with pytest.raises(PermissionDenied):
        services.issue_report(by=unit, report=own, number=1, notation="BC-TTYT", issue_date=TODAY,
                              signer_title="Giám đốc", signer_name="Hoàng Văn Nam")
    services.issue_report(by=head, report=own, number=1, notation="BC-TTYT", issue_date=TODAY,
                          signer_title="Giám đốc", signer_name="Hoàng Văn Nam")
    with pytest.raises(PermissionDenied):
        services.issue_report(by=User.objects.get(username="thuongtruc.kontum"), report=live_report(Report.Kind.YEAR),
                              number=1, notation="BC-SYT", issue_date=TODAY, signer_title="x", signer_name="y")


def test_every_table_of_the_report_downloads_as_xlsx(client, demo, pinned):
    from io import BytesIO

    from openpyxl import load_workbook

    report = seed_004_report()
    client.force_login(User.objects.get(username="quantri"))
    response = client.get(reverse("reports:report-xlsx", args=[report.pk]))
    book = load_workbook(BytesIO(response.content))
    # One sheet per table of the district's outline, named after the appendix part it sits under.
    assert book.sheetnames == ["I- TRIỂN KHAI THỰC HIỆN CHƯƠNG", "II- KẾT QUẢ THỰC HIỆN CÁC CHỈ T"]
    rows = list(book["II- KẾT QUẢ THỰC HIỆN CÁC CHỈ T"].iter_rows(values_only=True))
    assert rows[-10][:7] == ("STT", "Tên chỉ tiêu", "Đvt", "Kế hoạch năm 2020", "Kết quả thực hiện năm 2020: Thực hiện",
                             "Kết quả thực hiện năm 2020: Tỷ lệ", "Kế hoạch năm 2021")
    assert ("1", rows[-9][1], "%", "< 14", 13.04, ">100", "< 14") == rows[-9][:7]   # plain figures are numbers
    assert rows[-1][4:6] == (90.08, 100) and rows[-5][4] == "12/12"
    briefing = list(book["I- TRIỂN KHAI THỰC HIỆN CHƯƠNG"].iter_rows(values_only=True))
    assert briefing[-1] == ("Cấp hyện, thị, xã thành phố", None, "X", "X", "X", None, "X", "X", None)


def test_the_home_page_lists_the_reports_waiting_for_the_users_signature(client, demo, pinned):
    client.force_login(User.objects.get(username="lanhdao"))
    html = client.get(reverse("home")).content.decode()
    assert "Báo cáo chờ ban hành" in html and live_report(Report.Kind.YEAR).title[:60] in html
    client.force_login(User.objects.get(username="donvi"))
    assert "Báo cáo chờ ban hành" not in client.get(reverse("home")).content.decode()


def test_an_issued_report_says_what_went_well_what_did_not_and_what_comes_next(demo, pinned):
    report = services.create_report(by=SYSTEM, campaign=Campaign.objects.get(is_demo=True),
                                    organisation=User.objects.get(username="donvi").memberships.get().organisation,
                                    period=None, kind=Report.Kind.AD_HOC)
    with pytest.raises(ValidationError, match="Mặt được.*NHIỆM VỤ"):
        services.issue_report(by=SYSTEM, report=report, number=1, notation="BC", issue_date=TODAY, signer_title="GĐ",
                              signer_name="A")
    with pytest.raises(ValidationError, match="Đã có báo cáo này"):
        services.create_report(by=SYSTEM, campaign=report.campaign, organisation=report.organisation, period=None,
                               kind=Report.Kind.AD_HOC)


def test_the_opening_follows_the_plans_registered_number(demo, pinned):
    report = live_report(Report.Kind.YEAR)
    campaign = report.campaign
    doc = selectors.report_document(report, TODAY)
    assert f"{campaign.number:02d}/{campaign.notation}" in doc.lead and "báo cáo tổng kết năm như sau" in doc.lead
    assert report.title == "Tổng kết phong trào thi đua năm 2026"


def test_a_refused_issue_shows_its_errors_beside_the_fields_and_keeps_what_was_typed(client, demo, pinned):
    report = live_report(Report.Kind.YEAR)
    client.force_login(User.objects.get(username="lanhdao"))
    response = client.post(reverse("reports:report-issue", args=[report.pk]), {
        "number": "112", "notation": "BC-SYT", "issue_date": "23/11/2026", "signer_title": "Phó Giám đốc",
        "signer_name": "Trần Minh Khoa Typed", "confirm_incomplete": "on"})   # its year is not over: agreed to
    html = response.content.decode()
    assert response.status_code == 200 and "đã dùng cho một báo cáo khác" in html
    assert 'value="112"' in html and "Trần Minh Khoa Typed" in html
    assert not Report.objects.get(pk=report.pk).is_issued


def test_the_report_list_runs_a_constant_number_of_queries(client, demo, pinned):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for username in ("quantri", "thuongtruc", "donvi"):
        client.force_login(User.objects.get(username=username))
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("reports:report-list"))
        assert response.status_code == 200 and len(queries) <= 12, (username, len(queries))
    # The Sở's secretariat offers its campaigns; a unit the ones it takes part in.
    client.force_login(User.objects.get(username="donvi"))
    assert "Phát động phong trào thi đua năm 2026" in client.get(reverse("reports:report-list")).content.decode()


def test_a_huge_registry_number_is_a_message_not_an_error(client, demo, pinned):
    report = live_report(Report.Kind.YEAR)
    client.force_login(User.objects.get(username="lanhdao"))
    response = client.post(reverse("reports:report-issue", args=[report.pk]), {
        "number": "99999999999999", "notation": "BC-SYT", "issue_date": "23/11/2026", "signer_title": "Phó Giám đốc",
        "signer_name": "Trần Minh Khoa"})
    assert response.status_code == 200 and 'value="99999999999999"' in response.content.decode()
    assert not Report.objects.get(pk=report.pk).is_issued


def test_the_page_shows_the_first_units_of_appendix_two_and_says_how_many_more(client, demo, pinned, monkeypatch):
    from reports import views

    report = live_report(Report.Kind.SIX_MONTH)
    client.force_login(User.objects.get(username="lanhdao"))
    units = selectors.report_figures(report, TODAY)["units"]
    assert len(units) > 2
    monkeypatch.setattr(views, "PREVIEW_UNITS", 2)
    html = client.get(reverse("reports:report", args=[report.pk])).content.decode()
    assert f"… và {len(units) - 2} đơn vị nữa" in html
    assert units[0]["name"] in html and units[-1]["name"] not in html
