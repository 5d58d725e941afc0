"""Demo reports: seed 004's district report as the draft it is in the seed (its appendix comes
from the results the indicators demo loaded), and the live campaign's six-month summary issued,
its annual summary in draft, and one unit's own six-month report."""

from __future__ import annotations

from datetime import date, timedelta

from campaigns.models import Campaign, PeriodKind
from reports import services
from reports.models import Report
from units.access import SYSTEM
from units.models import Organisation

SEED_004_LEAD = ("Tiếp nhận Công văn số 3899/SYT-KHTC ngày 13 tháng 11 năm 2020 của Sở Y tế tỉnh Đồng Tháp về "
                 "việc phối hợp báo cáo kết quả thực hiện Chương trình hành động số 59, 60-CTr/TU của Ban Chấp hành "
                 "Đảng bộ Tỉnh khóa X, Ủy ban nhân dân Huyện báo cáo kết quả như sau:")
SEED_004_TASKS = (
    "1. Tiếp tục quán triệt, tổ chức thực hiện có hiệu quả Chương trình hành động số 59, 60-CTr/TU.\n"
    "4. Tăng cường quản lý các dịch vụ y tế tư nhân, chú trọng công tác thanh tra, kiểm tra chất lượng vệ sinh an "
    "toàn thực phẩm kịp thời phát hiện xử lý theo quy định nhằm đảm bảo an toàn sức khỏe và cung cấp nhiều thực phẩm "
    "sạch cho người tiêu dùng.\n"
    "5. Chủ động phòng chống dịch bệnh, đảm bảo an toàn vệ sinh thực phẩm trên địa bàn Huyện, nhất là các dịp Tết và "
    "các ngày Lễ lớn trong năm.")
SEED_004_RECIPIENTS = "Sở YT tỉnh ĐT\nTT.HU, TT.HĐND Huyện\nCT, các PCT.UBND Huyện\nBCĐ Huyện\nLĐVP, các CVNC\nLưu VT"


def load(campaigns: dict[str, Campaign], orgs: dict[str, Organisation], today: date, log=print) -> None:
    if Report.objects.exists():
        return
    _seed_004(campaigns["seed-004"])
    _live(campaigns["live"], orgs, today)
    log("Báo cáo: đã nạp báo cáo của văn bản 004 và báo cáo sơ kết, tổng kết của phong trào minh họa.")


def _seed_004(campaign: Campaign) -> None:
    period = campaign.periods.first()
    report = services.create_report(by=SYSTEM, campaign=campaign, organisation=campaign.issuer, period=period)
    services.save_report(by=SYSTEM, report=report, version=report.version, data={
        "title": "Kết quả triển khai, thực hiện Chương trình hành động số 59,60-CT/TU của Tỉnh ủy thực hiện Nghị "
                 "quyết số 20,21-NQ/TW Hội nghị Trung ương 6 khóa XII",
        "recipient_line": "", "lead_in": SEED_004_LEAD, "tasks": SEED_004_TASKS,
        "closing": "Trên đây là Báo cáo kết quả thực hiện Chương trình hành động số 59, 60-CT/TU của Ban Chấp hành "
                   "Đảng bộ Tỉnh khóa X./.",
        "recipients": SEED_004_RECIPIENTS, "notation": "BC-UBND",
        "signer_prefix": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", "signer_title": "PHÓ CHỦ TỊCH",
        "signer_name": "Đỗ Nhật Định"})


def _live(campaign: Campaign, orgs: dict[str, Organisation], today: date) -> None:
    periods = {p.kind: p for p in campaign.periods.all()}
    signer = {"signer_prefix": "KT. GIÁM ĐỐC", "signer_title": "PHÓ GIÁM ĐỐC", "signer_name": "Trần Minh Khoa"}
    six = services.create_report(by=SYSTEM, campaign=campaign, organisation=campaign.issuer,
                                 period=periods[PeriodKind.SIX_MONTH])
    six = services.save_report(by=SYSTEM, report=six, version=six.version, data={
        "strengths": "Các đơn vị triển khai phong trào đồng bộ; nhiều mô hình cải tiến chất lượng khám chữa bệnh "
                     "được nhân rộng.",
        "weaknesses": six.weaknesses or "Một số đơn vị gửi số liệu chậm; chỉ tiêu tiêm chủng ở vùng sâu chưa đạt "
                                        "do thiếu nhân lực.",
        "tasks": "Tiếp tục đôn đốc các đơn vị gửi số liệu đúng hạn; chuẩn bị tổng kết năm.", **signer})
    issued_on = min(periods[PeriodKind.SIX_MONTH].deadline + timedelta(days=10), today)
    services.issue_report(by=SYSTEM, report=six, number=112, notation="BC-SYT", issue_date=issued_on, **signer)
    year = services.create_report(by=SYSTEM, campaign=campaign, organisation=campaign.issuer,
                                  period=periods[PeriodKind.YEAR])
    services.save_report(by=SYSTEM, report=year, version=year.version, data={
        "strengths": "Phong trào được triển khai rộng khắp; các đơn vị gửi báo cáo đầy đủ hơn năm trước.",
        "weaknesses": year.weaknesses or "Việc bình xét ở một số đơn vị còn hình thức.",
        "tasks": "Tiếp tục phát động phong trào thi đua năm sau; nâng cao chất lượng bình xét.", **signer})
    services.create_report(by=SYSTEM, campaign=campaign, organisation=orgs["TN:TTYT-PB"],
                           period=periods[PeriodKind.SIX_MONTH])
