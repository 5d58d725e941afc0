"""A province-scale data set for benchmarks (issue 6): a realistic organisation tree, staff, five
years of campaigns with six-monthly and annual results from every unit, nominations in every state,
decisions. `--scale 10` gives a national-size set. Deterministic for a given `--seed`.

The structure (units, campaigns, indicators) goes through the services, so it is what the
application would have built; the volume (people, results, nominations) is bulk-inserted in
batches, filling the derived columns the services would fill (search text, achievement keys).
"""

from __future__ import annotations

import random
import time
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from units.access import SYSTEM

BATCH = 5000
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thu", "Ngọc", "Thanh", "Quốc", "Kim", "Xuân", "Hồng"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Hương", "Khoa", "Lan", "Linh",
         "Long", "Mai", "Nam", "Nga", "Phong", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Trung", "Tuấn", "Vân",
         "Việt", "Yến"]
POSITIONS = ["Bác sĩ", "Điều dưỡng", "Y sĩ", "Dược sĩ", "Kỹ thuật viên", "Hộ sinh", "Kế toán", "Chuyên viên",
             "Trưởng khoa", "Phó trưởng khoa"]
INDICATORS = ["Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", "Tỷ lệ người dân tham gia bảo hiểm y tế",
              "Tỷ lệ trạm y tế có bác sĩ làm việc", "Tỷ lệ hài lòng của người bệnh", "Số giường bệnh trên vạn dân",
              "Tỷ lệ phụ nữ đẻ được khám thai 4 lần", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng",
              "Tỷ lệ xã đạt Bộ tiêu chí quốc gia về y tế", "Tỷ lệ hồ sơ bệnh án điện tử", "Số bác sĩ trên vạn dân"]
CAMPAIGN_THEMES = ["thi đua thường xuyên", "nâng cao chất lượng khám chữa bệnh", "chuyển đổi số y tế",
                   "xanh - sạch - đẹp",
                   "phòng, chống dịch bệnh", "đổi mới phong cách phục vụ", "y tế cơ sở", "an toàn thực phẩm",
                   "dân số - kế hoạch hóa gia đình", "cải cách hành chính", "sáng kiến, cải tiến kỹ thuật",
                   "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"]


class Command(BaseCommand):
    help = "Tạo bộ dữ liệu quy mô tỉnh (hoặc toàn quốc với --scale 10) để đo tốc độ."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="1 = một tỉnh (300 đơn vị, 10.000 người).")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--years", type=int, default=5)
        parser.add_argument("--campaigns", type=int, default=12, help="số phong trào mỗi năm")
        parser.add_argument("--indicators", type=int, default=20, help="số chỉ tiêu mỗi phong trào")
        parser.add_argument("--nominations", type=int, default=20000)

    def handle(self, *args, scale: float, seed: int, years: int, campaigns: int, indicators: int,
               nominations: int, **options):
        from units.models import Organisation

        self.random = random.Random(seed)
        self.started = time.perf_counter()
        self.code = f"TINH-{seed}"
        if Organisation.objects.filter(code=self.code, parent__isnull=True).exists():
            raise CommandError(f"Đã có bộ dữ liệu với --seed {seed} (mã {self.code}): dùng cơ sở dữ liệu trống "
                               "hoặc seed khác.")
        with transaction.atomic():
            root, units = self._units(scale)
            people = self._people(root, units, int(10000 * scale))
            plans = self._campaigns(root, units, years, campaigns, indicators)
            self._results(plans)
            self._awards(root, plans, people, int(nominations * scale))
        if connection.vendor == "postgresql":
            # Fresh statistics: without them the planner takes the bulk-filled tables for empty ones
            # and nests loops over thousands of rows (the review queue went from 0,13 s to 2 s).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            self._say("ANALYZE")
        self._say("Xong.")

    # --- helpers -----------------------------------------------------------------------------------

    def _say(self, message: str) -> None:
        self.stdout.write(f"[{time.perf_counter() - self.started:7.1f} s] {message}")
        self.stdout.flush()

    def _name(self) -> str:
        r = self.random
        return f"{r.choice(FAMILY)} {r.choice(MIDDLE)} {r.choice(GIVEN)}"

    # --- units and people ----------------------------------------------------------------------------

    def _units(self, scale: float):
        from units import services

        make = services.create_organisation
        root = make(by=SYSTEM, parent=None, name=f"Sở Y tế tỉnh Mẫu {self.code}", code=self.code, kind="department",
                    has_legal_personality=True, place_name="Tỉnh Mẫu", document_parent_line="UBND TỈNH MẪU",
                    document_name_line="SỞ Y TẾ")
        units = []
        for i, name in enumerate(["Văn phòng Sở", "Phòng Tổ chức cán bộ", "Phòng Kế hoạch - Tài chính",
                                  "Phòng Nghiệp vụ Y", "Phòng Nghiệp vụ Dược", "Thanh tra Sở"]):
            units.append(make(by=SYSTEM, parent=root, name=name, code=f"P{i}", kind="department_office"))
        hospitals = max(1, round(15 * scale))
        centres = max(1, round(9 * scale))
        stations = 30
        for i in range(hospitals):
            units.append(make(by=SYSTEM, parent=root, name=f"Bệnh viện số {i + 1:03d}", code=f"BV{i:03d}",
                              kind="hospital", has_legal_personality=True))
        for i in range(centres):
            centre = make(by=SYSTEM, parent=root, name=f"Trung tâm Y tế khu vực {i + 1:03d}", code=f"TTYT{i:03d}",
                          kind="health_centre", has_legal_personality=True)
            units.append(centre)
            for j in range(stations):
                units.append(make(by=SYSTEM, parent=centre, name=f"Trạm Y tế xã {i + 1:03d}-{j + 1:02d}",
                                  code=f"TYT{i:03d}{j:02d}", kind="station"))
        self._say(f"{len(units) + 1} đơn vị")
        return root, units

    def _people(self, root, units, count: int):
        from units.models import Assignment, Person
        from units.services import _fill_person

        # Hospitals and centres employ most of the staff; stations a handful each.
        weights = [40 if u.kind == "hospital" else 25 if u.kind == "health_centre" else 4 if u.kind == "station"
                   else 6 for u in units]
        chosen = self.random.choices(units, weights=weights, k=count)
        people = []
        for n, unit in enumerate(chosen):
            person = Person(organisation=unit, issuer_id=root.pk, full_name=self._name(),
                            employee_code=f"CB{n:06d}", position=self.random.choice(POSITIONS),
                            employment_type=self.random.choice(
                                ["vien_chuc", "vien_chuc", "nguoi_lao_dong", "hop_dong"]),
                            is_direct_worker=self.random.random() < 0.7,
                            birth_date=date(1965, 1, 1) + timedelta(days=self.random.randrange(13000)))
            _fill_person(person)
            people.append(person)
        Person.objects.bulk_create(people, batch_size=BATCH)
        Assignment.objects.bulk_create([Assignment(person=p, organisation_id=p.organisation_id, position=p.position,
                                                   start_date=date(2015, 1, 1)) for p in people], batch_size=BATCH)
        self._say(f"{len(people)} cán bộ")
        return people

    # --- campaigns, indicators, results --------------------------------------------------------------

    def _campaigns(self, root, units, years: int, per_year: int, indicator_count: int):
        from campaigns import services as campaign_services
        from campaigns.models import Participation, ReportingPeriod
        from devtools import history
        from indicators import services as indicator_services
        from indicators.models import CampaignIndicator, IndicatorDefinition

        definitions = [indicator_services.save_definition(by=SYSTEM, instance=IndicatorDefinition(
            issuer=root, code=f"CT{i:02d}", name=f"{INDICATORS[i % len(INDICATORS)]} ({i + 1})", unit="%",
            direction="higher")) for i in range(indicator_count)]
        reporting = [u for u in units if u.kind != "department_office"]
        last = timezone.localdate().year
        plans = []
        for year in range(last - years + 1, last + 1):
            for k in range(per_year):
                campaign = campaign_services.create_campaign(
                    by=SYSTEM, issuer=root, year=year, number=k + 1, notation="KH-SYT",
                    issue_date=date(year, 1, 10 + k),
                    place="Tỉnh Mẫu", title=f"Phát động phong trào {CAMPAIGN_THEMES[k % len(CAMPAIGN_THEMES)]} "
                                            f"năm {year}")
                Participation.objects.bulk_create([Participation(campaign=campaign, organisation=u,
                                                                 registered_on=date(year, 1, 20)) for u in reporting])
                rows = [indicator_services.save_indicator(by=SYSTEM, campaign=campaign, instance=CampaignIndicator(
                    definition=d, number=str(i + 1), comparator="gte", target_text=f"≥ {85 + i % 10}",
                    next_target_text=f"≥ {86 + i % 10}", order=i)) for i, d in enumerate(definitions)]
                status = "in_progress" if year == last else "closed"
                history.import_status(campaign=campaign, status=status, note="dữ liệu đo tốc độ")
                periods = [ReportingPeriod.objects.create(campaign=campaign, kind="six_month", year=year,
                                                          label=f"6 tháng đầu năm {year}",
                                                          deadline=date(year, 6, 20), order=1),
                           ReportingPeriod.objects.create(campaign=campaign, kind="year", year=year,
                                                          label=f"Năm {year}", deadline=date(year, 12, 20), order=2)]
                plans.append((campaign, rows, periods, reporting))
            self._say(f"phong trào năm {year}: {per_year} kế hoạch, {indicator_count} chỉ tiêu mỗi kế hoạch")
        return plans

    def _results(self, plans) -> None:
        from indicators.models import Result, Submission

        today = timezone.localdate()
        written = done = 0
        for _campaign, rows, periods, reporting in plans:
            submissions = []
            for period in periods:
                if period.deadline > today + timedelta(days=40):
                    continue            # the current year's annual report is not due yet
                for unit in reporting:
                    late = self.random.random() < 0.1
                    sent = datetime.combine(period.deadline + timedelta(days=3 if late else -2), datetime.min.time())
                    status = self.random.choices(["accepted", "submitted", "returned", "draft"], [70, 20, 5, 5])[0]
                    submissions.append(Submission(period=period, organisation=unit, status=status,
                                                  submitted_at=timezone.make_aware(sent) if status != "draft" else None,
                                                  narrative_done="Hoàn thành các nhiệm vụ trọng tâm của kỳ."))
            Submission.objects.bulk_create(submissions, batch_size=BATCH)
            results = []
            for submission in submissions:
                for row in rows:
                    value = Decimal(self.random.randrange(700, 1000)) / 10
                    text = f"{value}".replace(".", ",")
                    results.append(Result(submission=submission, indicator=row, actual_text=text, value=value))
                if len(results) >= BATCH:
                    Result.objects.bulk_create(results, batch_size=BATCH)
                    written += len(results)
                    results = []
            Result.objects.bulk_create(results, batch_size=BATCH)
            written += len(results)
            done += 1
            if done % 10 == 0 or done == len(plans):
                self._say(f"số liệu: {done}/{len(plans)} kế hoạch, {written} kết quả")

    # --- awards -----------------------------------------------------------------------------------------

    def _awards(self, root, plans, people, count: int) -> None:
        from awards import workflow
        from awards.models import AwardType, Decision, DecisionLine, Nomination, Proposal
        from awards.workflow import State
        from common.text import normalise_search

        types = {t.code: t for t in AwardType.objects.filter(code__in=["LDTT", "CSTDCS", "GK_SYT_CN", "BK_TINH_CN"])}
        states = [State.DRAFT, State.SUBMITTED, State.RETURNED, State.ACCEPTED, State.VOTING, State.APPROVED,
                  State.FORWARDED, State.REJECTED, State.DECIDED, State.REVOKED, State.WITHDRAWN]
        weights = [4, 8, 3, 8, 3, 5, 2, 5, 55, 2, 5]
        by_unit: dict[int, list] = {}
        for person in people:
            by_unit.setdefault(person.organisation_id, []).append(person)
        proposals = {}
        nominations = []
        used = set()
        attempts = 0
        while len(nominations) < count and attempts < count * 5:
            attempts += 1
            campaign, _rows, _periods, reporting = self.random.choice(plans)
            unit = self.random.choice(reporting)
            staff = by_unit.get(unit.pk)
            if not staff:
                continue
            person = self.random.choice(staff)
            award = types[self.random.choice(list(types))]
            year = campaign.year
            key = workflow.achievement_key(person_id=person.pk, organisation_id=None, award_type_id=award.pk,
                                           is_yearly=award.is_yearly, campaign_id=campaign.pk, subcampaign_id=None,
                                           programme_id=None, year=year)
            if key in used:
                continue
            used.add(key)
            proposal = proposals.get((campaign.pk, unit.pk))
            if proposal is None:
                proposal = Proposal.objects.create(
                    campaign=campaign, organisation=unit, title=f"Tờ trình đề nghị khen thưởng năm {year}", year=year,
                    status="submitted", search_text=normalise_search(f"Tờ trình {unit.name}"))
                proposals[(campaign.pk, unit.pk)] = proposal
            state = self.random.choices(states, weights)[0]
            nominations.append(Nomination(
                proposal=proposal, award_type=award, person=person, achievement_year=year, state=state,
                summary="Hoàn thành xuất sắc nhiệm vụ được giao", achievement_key=key,
                reason="Hồ sơ chưa đủ" if state in (State.RETURNED, State.REJECTED, State.REVOKED) else "",
                search_text=normalise_search(f"{person.full_name} {award.name}")))
        Nomination.objects.bulk_create(nominations, batch_size=BATCH)
        self._say(f"{len(nominations)} đề nghị khen thưởng trong {len(proposals)} tờ trình")
        decided = [n for n in nominations if n.state in (State.DECIDED, State.REVOKED)]
        by_campaign: dict[int, list] = {}
        for nomination in decided:
            by_campaign.setdefault(nomination.proposal.campaign_id, []).append(nomination)
        lines = []
        number = 100
        for campaign, *_rest in plans:
            group = by_campaign.get(campaign.pk, [])
            if not group:
                continue
            number += 1
            decision = Decision.objects.create(
                issuer=root, campaign=campaign, title=f"Về việc khen thưởng trong {campaign.title[:200]}",
                number=number, notation="QĐ-SYT", issue_date=date(campaign.year, 12, 28), status="issued",
                signer_title="Giám đốc", signer_name="Nguyễn Văn Giám")
            for order, nomination in enumerate(group):
                lines.append(DecisionLine(decision=decision, nomination=nomination, award_type=nomination.award_type,
                                          person=nomination.person, achievement_year=nomination.achievement_year,
                                          order=order))
        DecisionLine.objects.bulk_create(lines, batch_size=BATCH)
        self._say(f"{number - 100} quyết định, {len(lines)} người được khen thưởng")
