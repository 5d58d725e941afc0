"""Demo reports: seed 004's district report as the draft it is in the seed (its appendix comes
from the results the indicators demo loaded), and the live campaign's six-month summary issued,
its annual summary in draft, and one unit's own six-month report."""

from __future__ import annotations

from datetime import date, timedelta

from campaigns.models import Campaign, PeriodKind
from devtools.demo import report_004
from reports import outlines, services
from reports.models import Report
from units.access import SYSTEM
from units.models import Organisation


def load(campaigns: dict[str, Campaign], orgs: dict[str, Organisation], today: date, log=print) -> None:
    if Report.objects.exists():
        return
    _seed_004(campaigns["seed-004"])
    _live(campaigns["live"], orgs, today)
    log("Báo cáo: đã nạp báo cáo của văn bản 004 và báo cáo sơ kết, tổng kết của phong trào minh họa.")


def _seed_004(campaign: Campaign) -> None:
    period = campaign.periods.first()
    report = services.create_report(by=SYSTEM, campaign=campaign, organisation=campaign.issuer, period=period)
    sections = [outlines.Section(**row) for row in [*report_004.SECTIONS, *report_004.APPENDIX]]
    services.save_report(by=SYSTEM, report=report, version=report.version, sections=sections, data={
        "title": report_004.TITLE, "recipient_line": "", "lead_in": report_004.LEAD, "closing": report_004.CLOSING,
        "recipients": report_004.RECIPIENTS, "notation": "BC-UBND", "issue_month": report_004.ISSUE_MONTH,
        "issue_year": report_004.ISSUE_YEAR, **report_004.SIGNER})


def _written(report: Report, prose: dict[str, str]) -> list[outlines.Section]:
    """The report's outline with the prose the demo writes under the headings that start so."""
    sections = services.outline_of(report)
    for section in sections:
        for start, text in prose.items():
            if section.heading.startswith(start):
                section.body = section.body or text
    return sections


def _live(campaign: Campaign, orgs: dict[str, Organisation], today: date) -> None:
    periods = {p.kind: p for p in campaign.periods.all()}
    signer = {"signer_prefix": "KT. GIÁM ĐỐC", "signer_title": "PHÓ GIÁM ĐỐC", "signer_name": "Trần Minh Khoa"}
    six = services.create_report(by=SYSTEM, campaign=campaign, organisation=campaign.issuer,
                                 period=periods[PeriodKind.SIX_MONTH])
    six = services.save_report(by=SYSTEM, report=six, version=six.version, data=signer, sections=_written(six, {
        "1. Mặt được": "Các đơn vị triển khai phong trào đồng bộ; nhiều mô hình cải tiến chất lượng khám chữa bệnh "
                       "được nhân rộng.",
        "2. Hạn chế": "Một số đơn vị gửi số liệu chậm; chỉ tiêu tiêm chủng ở vùng sâu chưa đạt do thiếu nhân lực.",
        "V. ": "Tiếp tục đôn đốc các đơn vị gửi số liệu đúng hạn; chuẩn bị tổng kết năm."}))
    issued_on = min(periods[PeriodKind.SIX_MONTH].deadline + timedelta(days=10), today)
    services.issue_report(by=SYSTEM, report=six, number=112, notation="BC-SYT", issue_date=issued_on, **signer)
    year = services.create_report(by=SYSTEM, campaign=campaign, organisation=campaign.issuer,
                                  period=periods[PeriodKind.YEAR])
    services.save_report(by=SYSTEM, report=year, version=year.version, data=signer, sections=_written(year, {
        "1. Mặt được": "Phong trào được triển khai rộng khắp; các đơn vị gửi báo cáo đầy đủ hơn năm trước.",
        "2. Hạn chế": "Việc bình xét ở một số đơn vị còn hình thức.",
        "V. ": "Tiếp tục phát động phong trào thi đua năm sau; nâng cao chất lượng bình xét."}))
    services.create_report(by=SYSTEM, campaign=campaign, organisation=orgs["TN:TTYT-PB"],
                           period=periods[PeriodKind.SIX_MONTH])
