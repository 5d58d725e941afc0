"""Speed of the signed documents, on data this command generates (and rolls back):

- a one-page decision;
- a province-scale annual summary: 300 reporting units (appendix II) and a 20-indicator campaign
  table (section II and appendix I), about 15 pages;

each through our pipeline (figures from the database → HTML → PDF) beside raw WeasyPrint on the
same HTML. Targets (issue 5): one page ≤ 0,3 s, the province summary ≤ 3 s, our overhead ≤ 15 %.
"""

from __future__ import annotations

import resource
import statistics
import time
from datetime import date

from django.core.management.base import BaseCommand
from django.db import transaction

from common import clock
from units.access import SYSTEM


class Rollback(Exception):
    pass


def _timed(function, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


class Command(BaseCommand):
    help = "Đo thời gian tạo PDF (quyết định 1 trang; báo cáo tổng kết cấp tỉnh 300 đơn vị, 20 chỉ tiêu)."

    def add_arguments(self, parser):
        parser.add_argument("--units", type=int, default=300)
        parser.add_argument("--indicators", type=int, default=20)
        parser.add_argument("--repeat", type=int, default=5)
        parser.add_argument("--profile", action="store_true", help="In hồ sơ thời gian phần lấy số liệu.")

    def handle(self, *args, units: int, indicators: int, repeat: int, profile: bool = False, **options):
        self.rows, self.profile = [], profile
        try:
            with transaction.atomic():
                self._run(units, indicators, repeat)
                raise Rollback
        except Rollback:
            pass
        self.stdout.write("")
        self.stdout.write(f"{'văn bản':<38}{'trang':>6}{'ta (s)':>9}{'WeasyPrint (s)':>16}{'chênh':>8}{'mục tiêu':>10}")
        for name, pages, ours, raw, target in self.rows:
            overhead = (ours - raw) / raw * 100
            verdict = "đạt" if ours <= target and overhead <= 15 else "CHƯA ĐẠT"
            self.stdout.write(f"{name:<38}{pages:>6}{ours:>9.3f}{raw:>16.3f}{overhead:>7.1f}%{target:>7.1f} s "
                              f"{verdict}")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(f"Bộ nhớ đỉnh của tiến trình: {peak:.0f} MB")

    def _run(self, units: int, indicators: int, repeat: int) -> None:
        import weasyprint

        from reports import pdf, selectors, services

        started = time.perf_counter()
        report, decision = self._data(units, indicators)
        self.stdout.write(f"Dữ liệu: {units} đơn vị, {indicators} chỉ tiêu, tạo trong "
                          f"{time.perf_counter() - started:.1f} s (sẽ được xóa).")
        root = pdf.static_root()
        today = clock.today()
        for name, build, target in (
            ("Quyết định (1 trang)", lambda: selectors.decision_document(decision, today), 0.3),
            (f"Báo cáo tổng kết ({units} đơn vị)", lambda: selectors.report_document(report, today), 3.0),
        ):
            html = services.render_html(build())
            raw_render = weasyprint.HTML(string=html, base_url=root.as_uri() + "/").write_pdf
            data = raw_render()   # warm the font cache once, as a running server has it warm
            # Interleaved, best of N: this kind of machine's timings wander by ±30 % run to run.
            raws, ours_ = [], []
            for _ in range(repeat):
                raws.append(_timed(raw_render, 1)[0])
                ours_.append(_timed(lambda b=build: self._ours(b), 1)[0])
            raw, ours = min(raws), min(ours_)
            pages = len(weasyprint.HTML(string=html, base_url=root.as_uri() + "/").render().pages)
            if self.profile:
                import cProfile
                import pstats

                profiler = cProfile.Profile()
                profiler.runcall(build)
                pstats.Stats(profiler, stream=self.stdout).sort_stats("tottime").print_stats(18)
            figures = min(_timed(build, 1)[0] for _ in range(repeat))
            self.stdout.write(f"  {name}: {pages} trang, {len(data) // 1024} KB; số liệu và HTML {figures:.3f} s")
            self.rows.append((name, pages, ours, raw, target))
            self.stdout.write(f"  {name}: {pages} trang, {len(data) // 1024} KB")

    @staticmethod
    def _ours(build) -> bytes:
        """What a download does (reports/views.py _pdf_response): figures, HTML, PDF."""
        from reports import pdf, services

        with pdf.without_cyclic_gc():
            return pdf.render_pdf(services.render_html(build()))

    def _data(self, units: int, indicators: int):
        from awards import services as award_services
        from awards.models import AwardType, Nomination
        from awards.workflow import State
        from campaigns import services as campaign_services
        from campaigns.models import ReportingPeriod
        from devtools import history
        from indicators import services as indicator_services
        from indicators.models import CampaignIndicator, IndicatorDefinition
        from reports import services
        from units import services as unit_services

        issuer = unit_services.create_organisation(by=SYSTEM, parent=None, name="Sở Y tế Đo Kiểm", code="SYT-BENCH",
                                                   kind="department", place_name="Thái Nguyên",
                                                   document_parent_line="UBND TỈNH ĐO KIỂM",
                                                   document_name_line="SỞ Y TẾ")
        orgs = [unit_services.create_organisation(by=SYSTEM, parent=issuer, name=f"Trạm Y tế xã số {i:03d}",
                                                  code=f"TYT{i:03d}", kind="station") for i in range(units)]
        campaign = campaign_services.create_campaign(by=SYSTEM, issuer=issuer, year=2026, notation="KH-SYT", number=5,
                                                     title="Phát động phong trào thi đua năm 2026")
        campaign_services.add_participants(by=SYSTEM, campaign=campaign, organisations=orgs,
                                           registered_on=date(2026, 1, 15))
        history.import_status(campaign=campaign, status="in_progress", note="đo kiểm")
        period = ReportingPeriod.objects.create(campaign=campaign, kind="year", year=2026, label="Năm 2026",
                                                deadline=date(2026, 12, 20))
        rows = []
        for i in range(indicators):
            definition = indicator_services.save_definition(by=SYSTEM, instance=IndicatorDefinition(
                issuer=issuer, code=f"CT{i:02d}",
                name=f"Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ, chỉ tiêu {i + 1}",
                unit="%", direction="higher"))
            rows.append(indicator_services.save_indicator(by=SYSTEM, campaign=campaign, instance=CampaignIndicator(
                definition=definition, number=str(i + 1), comparator="gte", target_text="≥ 95",
                next_target_text="≥ 96")))
        for n, org in enumerate(orgs):
            history.import_report(period=period, organisation=org, status="submitted",
                                  submitted_at=clock.now(),
                                  values={row.pk: f"{90 + (n + row.pk) % 9},5" for row in rows})
        report = services.create_report(by=SYSTEM, campaign=campaign, organisation=issuer, period=period)
        # A one-page decision: five people of the first unit, approved.
        gk = AwardType.objects.get(code="GK_SYT_CN")
        proposal = award_services.create_proposal(by=SYSTEM, campaign=campaign, organisation=orgs[0], title="Đề nghị",
                                                  year=2026)
        nominations = []
        for i in range(5):
            person = unit_services.create_person(by=SYSTEM, organisation=orgs[0], full_name=f"Nguyễn Văn Thử {i}",
                                                 employee_code=f"BENCH{i}", position="Y sĩ")
            nomination = award_services.add_nomination(by=SYSTEM, proposal=proposal, award_type=gk, person=person,
                                                       summary="Hoàn thành xuất sắc nhiệm vụ")
            for step in (State.SUBMITTED, State.ACCEPTED, State.APPROVED):
                award_services._move(SYSTEM, Nomination.objects.get(pk=nomination.pk), step)
            nominations.append(Nomination.objects.get(pk=nomination.pk))
        decision = award_services.create_decision(by=SYSTEM, issuer=issuer, title="Về việc tặng Giấy khen",
                                                  nominations=nominations, campaign=campaign)
        return report, decision
