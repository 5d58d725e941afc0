"""The data every fuzz test posts against: two issuers built alike, so that for each kind of object
(organisation, person, campaign, period, indicator, proposal, nomination, session, decision,
report…) there is one of Sở A's, which the user may change, and one of Sở B's, whose id a hostile
form sends in a hidden or choice field. Built once for the whole package (tests/fuzz/conftest.py),
through the services, as real data is."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from awards import services as award_services
from awards.models import AwardType, Proposal, RegisterEntry, UnitAuthority
from awards.services import MemberInput
from awards.workflow import State
from campaigns import services as campaign_services
from campaigns.lifecycle import Status as CampaignStatus
from campaigns.models import LegalBasis, Pledge, Recipient, ReportingPeriod, Section, SubCampaign
from indicators import services as indicator_services
from indicators.evaluation import Comparator as C
from indicators.evaluation import Direction as D
from indicators.models import CampaignIndicator, IndicatorDefinition
from reports import services as report_services
from reports.models import Report
from tests.factories import make_campaign, make_org, make_person, make_user
from tests.reports.conftest import complete
from units import services as unit_services
from units.access import SYSTEM
from units.models import Organisation

TODAY = date(2026, 6, 10)
PDF = b"%PDF-1.4\n%fuzz\n1 0 obj<<>>endobj\n"


def pdf(name: str = "to-trinh.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@dataclass
class Side:
    """One issuer's objects, by short key (the same keys on both sides)."""

    root: Organisation
    hospital: Organisation
    users: dict = field(default_factory=dict)
    orgs: dict = field(default_factory=dict)
    people: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)

    def __getitem__(self, key):
        return self.objects[key]


@dataclass
class World:
    tree: dict
    cast: dict
    a: Side
    b: Side
    types: dict

    def ids(self, key: str) -> tuple[int, int]:
        """(Sở A's id, Sở B's id) of one kind of object."""
        return self.a[key].pk, self.b[key].pk


def build(tree: dict, cast: dict) -> World:
    types = {t.code: t for t in AwardType.objects.all()}
    b_users = {
        "secretariat": cast["outsider"],
        "leader": make_user("ld.b", tree["B"], "leader"),
        "council": make_user("hd.b", tree["B"], "council_member"),
        "staff": make_user("dv.b", tree["B.BV"], "unit_staff"),
        "head": make_user("tdv.b", tree["B.BV"], "unit_head"),
    }
    a = Side(tree["A"], tree["A.BV"], users=cast, orgs={k: v for k, v in tree.items() if k.startswith("A")})
    b = Side(tree["B"], tree["B.BV"], users=b_users, orgs={k: v for k, v in tree.items() if k.startswith("B")})
    # A second participant on each side: A's health centre, and a new B health centre.
    b.orgs["B.TT"] = make_org("Trung tâm Y tế huyện B", "TTYT", parent=tree["B"], kind="health_centre")
    b.users["other_staff"] = make_user("dv.ttb", b.orgs["B.TT"], "unit_staff")
    _side(a, "A", types, other=tree["A.TT"], office=tree["A.TCHC"])
    _side(b, "B", types, other=b.orgs["B.TT"], office=tree["B"])
    return World(tree=tree, cast=cast, a=a, b=b, types=types)


def _side(side: Side, key: str, types: dict, *, other: Organisation, office: Organisation) -> None:
    u, o = side.users, side.objects
    hospital, root = side.hospital, side.root
    for code, name, org in [("01", "Nguyễn Văn An", hospital), ("02", "Trần Thị Bình", hospital),
                            ("03", "Lê Văn Cường", hospital), ("04", "Phạm Thị Dung", hospital),
                            ("05", "Hoàng Văn Em", hospital), ("06", "Đỗ Thị Giang", hospital),
                            ("07", "Vũ Văn Hải", hospital), ("08", "Bùi Thị Khánh", hospital),
                            ("09", "Ngô Văn Long", other), ("10", "Lý Thị Mai", hospital),
                            ("11", "Đặng Văn Nam", hospital)]:
        side.people[code] = make_person(org, name, f"{key}{code}")
    council = [make_person(office, f"Thành viên Hội đồng {key}{i}", f"{key}HD{i}") for i in range(3)]
    side.people.update({f"HD{i}": p for i, p in enumerate(council)})
    o["person"] = side.people["01"]
    o["organisation"] = hospital

    # --- units: a bloc with the hospital in it
    o["bloc"] = unit_services.create_bloc(by=SYSTEM, organiser=root, name=f"Khối bệnh viện {key}", organiser_text="",
                                          description="", is_active=True)
    unit_services.set_bloc_member(by=SYSTEM, bloc=o["bloc"], organisation=hospital, role="member")
    o["bloc_member"] = o["bloc"].members.get()
    o["account"] = u["staff"]

    # --- campaigns: an issued plan in progress, every kind of item, and a draft
    campaign = make_campaign(root, f"Phát động phong trào thi đua năm 2026 ({key})",
                             participants=[hospital, other], status=CampaignStatus.IN_PROGRESS,
                             notation=f"KH-SYT{key}")
    o["campaign"] = campaign
    o["draft"] = make_campaign(root, f"Dự thảo kế hoạch chuyên đề ({key})", form="thematic")
    o["item"] = campaign_services.save_subcampaign(by=SYSTEM, campaign=campaign, instance=SubCampaign(
        number="2.2", title="Thi đua nâng cao chất lượng khám chữa bệnh", order=2),
        quotas={"collective": 1, "individual": 5})
    o["per_programme"] = campaign_services.save_subcampaign(by=SYSTEM, campaign=campaign, instance=SubCampaign(
        number="2.1", title="Thi đua thực hiện các chương trình mục tiêu", order=1, quota_per_programme=True))
    o["programme"] = campaign_services.save_subcampaign(by=SYSTEM, campaign=campaign, instance=SubCampaign(
        parent=o["per_programme"], number="2.1.1", title="Tiêm chủng mở rộng", order=1), quotas={"individual": 2})
    o["legal_basis"] = campaign_services.save_item(by=SYSTEM, campaign=campaign, instance=LegalBasis(
        campaign=campaign, order=1, lead="Căn cứ", text="Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"))
    o["section"] = campaign_services.save_item(by=SYSTEM, campaign=campaign, instance=Section(
        campaign=campaign, order=1, level=1, heading="I. MỤC ĐÍCH, YÊU CẦU", body="Động viên cán bộ."))
    o["recipient"] = campaign_services.save_item(by=SYSTEM, campaign=campaign, instance=Recipient(
        campaign=campaign, order=1, text="Các đơn vị trực thuộc", purpose="(thực hiện)"))
    o["period"] = campaign_services.save_item(by=SYSTEM, campaign=campaign, instance=ReportingPeriod(
        campaign=campaign, kind="six_month", year=2026, deadline_text="trước ngày 20/6", deadline=date(2026, 6, 20)))
    o["year_period"] = campaign_services.save_item(by=SYSTEM, campaign=campaign, instance=ReportingPeriod(
        campaign=campaign, kind="year", year=2026, deadline_text="trước ngày 15/11", deadline=date(2026, 11, 15)))
    o["participation"] = campaign.participations.get(organisation=hospital)
    o["pledge"] = campaign_services.save_pledge(by=SYSTEM, campaign=campaign, instance=Pledge(
        campaign=campaign, title=f"Giao ước thi đua ({key})", commitments="Hoàn thành chỉ tiêu"),
        parties=[hospital, other])

    # --- indicators: three rows, the hospital's grid open, the other unit's report sent
    rows = {}
    for code, name, unit, direction, comparator, target in [
        ("BHYT", "Tỷ lệ tham gia bảo hiểm y tế", "%", D.HIGHER, C.GTE, "≥91%"),
        ("SDD", "Tỷ lệ suy dinh dưỡng", "%", D.LOWER, C.LT, "< 14"),
        ("TYT", "Trạm đạt chuẩn", "trạm", D.HIGHER, C.ALL_OF, "12/12"),
        ("NDTP", "Ngộ độc thực phẩm", "vụ", D.LOWER, C.ZERO_EVENTS, "Không xảy ra ngộ độc thực phẩm lớn"),
        ("DTCQ", "Trạm duy trì chuẩn", "trạm", D.HIGHER, C.MAINTAIN_AT_LEAST, "Duy trì 10 Trạm Y tế đạt chuẩn"),
        ("DS", "Dân số", "người", D.NONE, C.INFORMATIONAL, "580.000"),
    ]:
        definition = indicator_services.save_definition(by=SYSTEM, instance=IndicatorDefinition(
            issuer=root, code=code, name=name, unit=unit, direction=direction))
        rows[code] = indicator_services.save_indicator(by=SYSTEM, campaign=campaign, instance=CampaignIndicator(
            definition=definition, number=str(len(rows) + 1), comparator=comparator, target_text=target,
            unit_label=unit))
    o["definition"] = rows["BHYT"].definition
    o["indicator"] = rows["BHYT"]
    o["indicators"] = rows
    period = o["period"]
    cells = {rows["BHYT"].pk: indicator_services.CellInput(actual_text="92,5"),
             rows["SDD"].pk: indicator_services.CellInput(actual_text="< 12"),
             rows["TYT"].pk: indicator_services.CellInput(actual_text="12/12")}
    indicator_services.save_report(by=SYSTEM, period=period, organisation=other, cells=cells)
    o["submission"] = indicator_services.submit_report(by=SYSTEM, period=period, organisation=other)
    o["result"] = o["submission"].results.get(indicator=rows["BHYT"])
    indicator_services.save_report(by=SYSTEM, period=period, organisation=hospital, cells={
        rows["BHYT"].pk: indicator_services.CellInput(actual_text="90")})
    o["reporter"] = other

    # --- awards: proposals with nominations in every state the pages act on
    people = side.people
    draft_list = award_services.create_proposal(by=SYSTEM, campaign=campaign, organisation=hospital,
                                                subcampaign=o["item"], title="Đề nghị khen thưởng mục 2.2", year=2026)
    o["proposal"] = draft_list
    o["nomination"] = award_services.add_nomination(by=SYSTEM, proposal=draft_list, award_type=types["GK_SYT_CN"],
                                                    person=people["01"], summary="Hoàn thành xuất sắc nhiệm vụ")
    sent = award_services.create_proposal(by=SYSTEM, campaign=campaign, organisation=hospital, subcampaign=o["item"],
                                          title="Tờ trình đã gửi", year=2026)

    def nominate(code: str, person_key: str):
        return award_services.add_nomination(by=SYSTEM, proposal=sent, award_type=types[code],
                                             person=people[person_key], summary="Thành tích tốt")

    staged = {"submitted": nominate("GK_SYT_CN", "02"), "accepted": nominate("GK_SYT_CN", "03"),
              "approved": nominate("LDTT", "04"), "in_decision": nominate("LDTT", "05"),
              "voting": nominate("CSTD_TINH", "06"), "forwarded": nominate("BK_TTG_CN", "07"),
              "future_vote": nominate("CSTD_TINH", "08")}
    award_services.add_proposal_file(by=SYSTEM, proposal=sent, kind="submission", upload=pdf())
    award_services.submit_proposal(by=SYSTEM, proposal=sent)
    for name, n in staged.items():
        if name != "submitted":
            award_services.move(by=SYSTEM, nomination=n, target=State.ACCEPTED)
    for name in ("approved", "in_decision"):
        award_services.move(by=SYSTEM, nomination=staged[name], target=State.APPROVED)
    o["sent_proposal"] = sent
    members = [MemberInput(people["HD0"], "chair"), MemberInput(people["HD1"], "secretary"),
               MemberInput(people["HD2"])]
    # A session that sat and closed (its nomination forwarded upward), one sitting today with the
    # roll called and a vote to record, and one next month.
    past = award_services.create_session(by=SYSTEM, issuer=root, title="Phiên họp tháng 5", held_on=date(2026, 5, 20),
                                         place="Hội trường", members=members, nominations=[staged["forwarded"]])
    award_services.set_attendance(by=SYSTEM, session=past, attendance={m.pk: "present" for m in past.members.all()})
    o["recorded_tally"] = award_services.record_tally(by=SYSTEM, tally=past.tallies.get(), approved=True)
    award_services.move(by=SYSTEM, nomination=staged["forwarded"], target=State.FORWARDED)
    o["past_session"] = award_services.close_session(by=SYSTEM, session=past)
    session = award_services.create_session(by=SYSTEM, issuer=root, title="Phiên họp xét khen thưởng", held_on=date(
        2026, 6, 1), place="Hội trường", members=members, nominations=[staged["voting"]])
    award_services.set_attendance(by=SYSTEM, session=session,
                                  attendance={m.pk: "present" for m in session.members.all()})
    o["session"], o["tally"] = session, session.tallies.get()
    o["member"] = session.members.first()
    o["future_session"] = award_services.create_session(
        by=SYSTEM, issuer=root, title="Phiên họp tháng 7", held_on=date(2026, 7, 1), place="Phòng họp",
        members=members, nominations=[staged["future_vote"]])
    o["future_tally"] = o["future_session"].tallies.get()
    o["decision"] = award_services.create_decision(by=SYSTEM, issuer=root, title="Về việc tặng danh hiệu LĐTT",
                                                   nominations=[staged["in_decision"]], campaign=campaign)
    o["decision_line"] = o["decision"].lines.get()
    o["disclosure"] = award_services.open_disclosure(
        by=SYSTEM, issuer=root, nominations=[nominate_accepted(sent, types, people["10"])], title="Công khai danh sách",
        starts_on=date(2026, 6, 1), working_days=10, published_at="Cổng thông tin điện tử")
    o.update({f"n_{name}": n for name, n in staged.items()})
    authority = UnitAuthority.objects.create(organisation=hospital, basis="Quyết định phân cấp (thử nghiệm)")
    authority.award_types.set([types["LDTT"], types["GK_DV_CN"]])
    o["unit_proposal"] = award_services.create_proposal(by=SYSTEM, campaign=campaign, organisation=hospital,
                                                        kind=Proposal.Kind.UNIT, title="Bình xét danh hiệu năm 2026",
                                                        year=2026)
    award_services.add_nomination(by=SYSTEM, proposal=o["unit_proposal"], award_type=types["LDTT"], person=people["01"])
    award_services.add_proposal_file(by=SYSTEM, proposal=o["unit_proposal"], kind="minutes", upload=pdf("bien-ban.pdf"))
    o["proposal_file"] = sent.files.get()
    o["register_entry"] = award_services.add_register_entry(by=SYSTEM, owner=root, instance=RegisterEntry(
        person=people["01"], award_type=types["CSTDCS"], achievement_year=2024, issuer_name=f"Sở Y tế {key}",
        reference="125/QĐ-SYT", decided_on=date(2024, 12, 20)))

    # --- reports: the whole campaign's six-month report, a draft ready to issue, and a report of
    # results (no period) already issued on Sở A's side
    o["report"] = report_services.create_report(by=SYSTEM, campaign=campaign, organisation=root, period=period,
                                                today=TODAY)
    o["report"] = complete(o["report"])
    issued = report_services.create_report(by=SYSTEM, campaign=campaign, organisation=root, period=None, today=TODAY)
    # Marked issued, with a stand-in for its stored PDF: issuing through the service renders the
    # document (seconds), which test_reports does with hostile registry fields anyway.
    Report.objects.filter(pk=issued.pk).update(status=Report.Status.ISSUED, number=7, notation="BC-SYT",
                                               issue_date=TODAY, signer_title="GIÁM ĐỐC", signer_name="Trần Văn Ký")
    issued.refresh_from_db()
    report_services.fill_edition(report_services._new_edition(issued, SYSTEM), PDF, by=SYSTEM)
    o["issued_report"] = issued


def nominate_accepted(proposal: Proposal, types: dict, person):
    """A nomination accepted after the proposal was sent (the list reopened by a return)."""
    n = award_services.add_nomination(by=SYSTEM, proposal=proposal, award_type=types["GK_SYT_CN"], person=person,
                                      summary="Thành tích tốt")
    award_services.move(by=SYSTEM, nomination=n, target=State.SUBMITTED)
    return award_services.move(by=SYSTEM, nomination=n, target=State.ACCEPTED)


# --- The other issuer's data, fingerprinted ------------------------------------------------------------------

PROJECT_APPS = ("units", "campaigns", "indicators", "awards", "reports")


class Fingerprint:
    """A digest of every row that is Sở B's or points at one of Sở B's rows (its id and the
    transaction that last wrote it).

    Sở B's rows are found once, by following foreign keys from its organisations (and its users)
    to everything that hangs off them. Each check then reads, in one query, every such row and
    every row of any table that references one of them, so a new row of Sở A's pointing at Sở B's
    person is caught as surely as a change to Sở B's campaign."""

    def __init__(self, root: Organisation):
        models = [m for m in apps.get_models(include_auto_created=True) if m._meta.app_label in PROJECT_APPS]
        owned: dict[type, set] = {m: set() for m in models}
        owned[Organisation] = set(Organisation.objects.filter(path__startswith=root.path).values_list("pk", flat=True))
        user_model = apps.get_model("units", "User")
        owned[user_model] = set(user_model.objects.filter(memberships__organisation__in=owned[Organisation])
                                .values_list("pk", flat=True))
        changed = True
        while changed:
            changed = False
            for model in models:
                for fk in self._fks(model):
                    target = fk.related_model
                    if not owned.get(target):
                        continue
                    found = set(model._default_manager.filter(**{f"{fk.attname}__in": owned[target]})
                                .values_list("pk", flat=True))
                    if not found <= owned[model]:
                        owned[model] |= found
                        changed = True
        self.models = models
        self.owned = owned
        self.sql = self._sql()
        self.baseline = self.take()

    @staticmethod
    def _fks(model):
        return [f for f in model._meta.concrete_fields if f.is_relation and (f.many_to_one or f.one_to_one)]

    def _sql(self) -> str:
        parts = []
        for model in self.models:
            table = connection.ops.quote_name(model._meta.db_table)
            pk = connection.ops.quote_name(model._meta.pk.column)
            conditions = []
            if self.owned[model]:
                conditions.append(f"t.{pk} IN ({','.join(str(i) for i in sorted(self.owned[model]))})")
            for fk in self._fks(model):
                ids = self.owned.get(fk.related_model)
                if ids:
                    column = connection.ops.quote_name(fk.column)
                    conditions.append(f"t.{column} IN ({','.join(str(i) for i in sorted(ids))})")
            if conditions:
                # xmin is the transaction that wrote the row's current version: any UPDATE, even
                # one that writes the same values, changes it. Cheaper than reading every column.
                parts.append(f"SELECT '{model._meta.label}', count(*), md5(coalesce(string_agg(t.{pk}::text || ':' "
                             f"|| t.xmin::text, ',' ORDER BY t.{pk}), '')) "
                             f"FROM {table} t WHERE {' OR '.join(conditions)}")
        return " UNION ALL ".join(parts)

    def take(self) -> dict[str, tuple[int, str]]:
        with connection.cursor() as cursor:
            # The union of ~60 small scans is planned as a parallel append: starting the workers
            # costs more than the whole query.
            cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
            # Prepared once per connection (a prepared statement outlives the savepoints rolled
            # back around it): planning ~60 scans took a third of the check.
            name = f"fuzz_fingerprint_{id(self)}"
            if getattr(self, "prepared_on", None) is not connection.connection:
                cursor.execute(f"PREPARE {name} AS {self.sql}")
                self.prepared_on = connection.connection
            cursor.execute(f"EXECUTE {name}")
            return {label: (count, digest) for label, count, digest in cursor.fetchall()}

    def changes(self) -> list[str]:
        now = self.take()
        return [f"{label}: {self.baseline[label][0]} → {now[label][0]} dòng"
                for label in self.baseline if now[label] != self.baseline[label]]

    def digest(self) -> str:
        return hashlib.sha256(repr(sorted(self.baseline.items())).encode()).hexdigest()
