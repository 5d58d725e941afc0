"""The demo data: the five source documents, faithfully, and a live campaign that never goes stale."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command

from campaigns import selectors
from campaigns.lifecycle import Status
from campaigns.models import Campaign, CampaignEvent, ReportingPeriod
from tests import demo_snapshot
from units.models import Membership, Organisation, Person, User

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Load once for the module (the process's first load, or its snapshot: tests/demo_snapshot.py);
    each test still runs in its own rolled-back transaction, and the data is flushed when the module
    is done. The tests that load again run the command itself."""
    with django_db_blocker.unblock():
        demo_snapshot.load(TODAY)
    yield
    with django_db_blocker.unblock():
        call_command("flush", "--no-input", verbosity=0)


def campaign(title_start: str) -> Campaign:
    return Campaign.objects.get(title__startswith=title_start)


def test_loading_twice_duplicates_nothing(demo):
    counts = [Organisation.objects.count(), Person.objects.count(), User.objects.count(), Campaign.objects.count(),
              CampaignEvent.objects.count()]
    call_command("load_demo", "--today", TODAY.isoformat(), stdout=StringIO())
    assert [Organisation.objects.count(), Person.objects.count(), User.objects.count(), Campaign.objects.count(),
            CampaignEvent.objects.count()] == counts


def test_every_demo_account_logs_in_with_the_documented_password(demo, client):
    for username in ["quantri", "thuongtruc", "hoidong", "lanhdao", "donvi", "truongdonvi", "thuongtruc.kontum",
                     "donvi.kontum", "thuongtruc.brvt", "donvi.brvt", "thuongtruc.hongngu", "donvi.hongngu",
                     "thuongtruc.chauthanh", "ubnd.tdkt"]:
        assert client.login(username=username, password="demo12345"), username


def test_roles_of_the_thai_nguyen_accounts(demo):
    roles = {m.user.username: (m.role, m.organisation.name)
             for m in Membership.objects.select_related("user", "organisation")}
    assert roles["thuongtruc"] == ("secretariat", "Sở Y tế Thái Nguyên")
    assert roles["hoidong"] == ("council_member", "Sở Y tế Thái Nguyên")
    assert roles["lanhdao"] == ("leader", "Sở Y tế Thái Nguyên")
    assert roles["donvi"] == ("unit_staff", "Trung tâm Y tế Phú Bình")
    assert roles["truongdonvi"] == ("unit_head", "Trung tâm Y tế Phú Bình")


def test_reformed_bodies_are_closed_and_thai_nguyen_is_open(demo):
    closed = dict(Organisation.objects.filter(parent__isnull=True).values_list("name", "closed_on"))
    assert closed["Sở Y tế Thái Nguyên"] is None
    for name in ["Sở Y tế Kon Tum", "Sở Y tế Bà Rịa-Vũng Tàu", "Ủy ban nhân dân huyện Hồng Ngự",
                 "Ủy ban nhân dân huyện Châu Thành"]:
        assert closed[name] == date(2025, 7, 1), name
    assert Organisation.objects.get(name="Sở Y tế Kon Tum").successor.name == "Sở Y tế tỉnh Quảng Ngãi"


def test_seed_campaigns_are_history(demo):
    # The province's plan (the higher issuer receiving the electronic dossier) is neither a seed nor the
    # live demo campaign.
    seeds = Campaign.objects.filter(is_demo=False).exclude(issuer__name="UBND tỉnh Thái Nguyên")
    assert seeds.count() == 5
    assert set(seeds.values_list("status", flat=True)) == {Status.CLOSED}


def test_seed_000_holds_the_district_plan(demo):
    plan = campaign("Phát động phong trào thi đua chuyên đề về bảo vệ")
    assert plan.issuer.name == "Ủy ban nhân dân huyện Hồng Ngự"
    # The extraction has no header: the number and the day stay blank for the registry; the place is
    # the issuer's, the year the campaign's.
    assert plan.number_line.replace("\u00a0", "") == "Số: /KH-UBND"
    assert plan.date_line.replace("\u00a0", "") == "Hồng Ngự, ngày  tháng  năm 2021"
    assert plan.document_name_line == "ỦY BAN NHÂN DÂN HUYỆN HỒNG NGỰ"
    bases = [[(basis.number, separator) for basis, separator in paragraph]
             for paragraph in selectors.document(plan, TODAY)["basis_paragraphs"]]
    assert bases == [[("42/KH-UBND", ";"), ("97/NQ-HĐND", " và"), ("69/KH-UBND", ".")]]
    assert [b.number for b in plan.legal_bases.all()] == ["42/KH-UBND", "97/NQ-HĐND", "69/KH-UBND"]
    assert plan.signer_prefix_lines == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    assert (plan.signer_title, plan.signer_name) == ("PHÓ CHỦ TỊCH", "Huỳnh Văn Tài")
    assert selectors.campaign_quotas(plan) == {"collective": 5, "individual": 10}
    recipients = [r.printed for r in plan.recipients.all()]
    assert "Các đơn vị tại mục IV" in recipients and recipients[-1] == "Lưu: VT, CV/VX."
    blocks = list(plan.sections.exclude(block="").values_list("block", flat=True))
    assert blocks == ["indicator_list", "quotas"]
    prose = " ".join(plan.sections.values_list("body", flat=True))
    assert "11,88" not in prose  # the key targets come from indicator data, never typed into the prose
    assert plan.participations.count() == 10  # the communes


def test_seed_001_keeps_its_missing_section_and_deadlines(demo):
    plan = campaign("Phát động phong trào thi đua năm 2022")
    headings = [s.heading for s in plan.sections.filter(level=1)]
    assert headings[0].startswith("I.") and any(h.startswith("V.") for h in headings)
    assert not any(h.startswith("IV") for h in headings)
    assert plan.number_line.replace("\u00a0", "") == "Số: /KH-SYT"
    assert plan.date_line.replace("\u00a0", "") == "Kon Tum, ngày  tháng 01 năm 2022"
    assert plan.theme == "Đoàn kết, sáng tạo, thi đua xây dựng và bảo vệ Tổ quốc"
    periods = list(plan.periods.values_list("deadline_text", "deadline"))
    assert periods == [("trước ngày 20/6", date(2022, 6, 20)), ("trước ngày 20/12", date(2022, 12, 20))]
    assert plan.sections.filter(block="indicators").count() == 1


def test_seed_002_items_quotas_and_timings(demo):
    plan = campaign("Phát động phong trào thi đua trong công chức")
    nodes = {n.item.number: n for n in selectors.flatten_items(selectors.subcampaign_tree(plan))}
    assert [f"2.{i}" in nodes for i in range(1, 13)] == [True] * 12
    assert nodes["2.2"].quota_display == "5 tập thể và 10 cá nhân"  # as printed (quota_printed)
    assert nodes["2.6"].quota_display == "10 cá nhân" and nodes["2.6"].collective == 0
    assert nodes["2.12"].quota_display == "" and nodes["2.12"].collective is None
    assert nodes["2.1"].quota_display == "05 tập thể và 10 cá nhân cho mỗi chương trình mục tiêu quốc gia"
    assert len(nodes["2.1"].children) == 3 and all(c.item.is_demo for c in nodes["2.1"].children)
    assert nodes["2.10"].item.award_timing == "Đầu năm 2021"
    assert nodes["2.2"].item.award_timing == "Cuối năm 2021"
    assert nodes["2.2"].item.responsible.name == "Phòng Kế hoạch – Tài chính"
    assert nodes["2.9"].item.responsible.name == "Đoàn Thanh niên ngành Y tế"
    assert nodes["1"].quota_display.startswith("Theo số lượng phân bổ")
    assert nodes["1"].responsible_line.endswith("ban ngành, đoàn thể")  # printed without a full stop
    assert nodes["2.2"].responsible_line == "Phòng Kế hoạch – Tài chính."
    assert [r.purpose for r in plan.recipients.all()][:2] == ["báo cáo", "báo cáo"]


def test_seed_003_special_campaign(demo):
    plan = campaign("Phát động phong trào thi đua đặc biệt")
    assert plan.issuer.name == "Sở Y tế Thái Nguyên"
    assert (plan.form, plan.form_label) == ("thematic", "đặc biệt")
    assert plan.recipients.last().text == "Lưu VT. TCHC . nadt./."
    assert not plan.quotas.exists() and not plan.subcampaigns.exists()


def test_seed_004_programme_has_a_blank_header_and_an_ad_hoc_request(demo):
    programme = Campaign.objects.get(document_kind="action_programme")
    assert programme.issuer.name == "Ủy ban nhân dân huyện Châu Thành"
    assert (programme.number, programme.notation, programme.place, programme.issue_date, programme.signer_name) == (
        None, "", "", None, "")
    period = programme.periods.get()
    assert period.kind == "ad_hoc" and "3899/SYT-KHTC" in period.request_reference
    assert programme.participations.count() == 12


def test_live_campaign_is_in_progress_with_deadlines_around_today(demo):
    live = Campaign.objects.get(is_demo=True)
    assert live.status == Status.IN_PROGRESS and live.year == TODAY.year and live.number == 15
    deadlines = sorted(live.periods.values_list("deadline", flat=True))
    assert deadlines[0] < TODAY < deadlines[-1]
    assert live.participations.filter(organisation__name="Trung tâm Y tế Phú Bình").exists()
    assert live.pledges.count() == 2
    actions = list(live.events.filter(action="transition").values_list("changes", flat=True))
    assert len(actions) == 3  # sent for signature, issued with its number, then in progress


def test_loading_again_later_leaves_issued_documents_as_they_were(demo):
    """Issue 13: each run used to rewrite the live plan's deadline text, so the issued plan's
    printed text changed. Its stored editions and its periods stay byte for byte."""
    from reports.models import DocumentEdition, ReportFile

    live = Campaign.objects.get(is_demo=True)

    def state():
        editions = [(e.kind, e.object_id, e.number, e.sha256, e.issued_sha256, e.html,
                     e.file.open("rb").read(), e.issued_file.open("rb").read() if e.issued_file else b"")
                    for e in DocumentEdition.objects.order_by("kind", "object_id", "number")]
        reports = [(f.pk, f.sha256, f.file.open("rb").read()) for f in ReportFile.objects.exclude(file="")]
        periods = list(live.periods.order_by("pk").values_list("deadline_text", "deadline"))
        return editions, reports, periods

    before = state()
    # The plan, issued; the tờ trình the awards demo sent up (issue 15) are editions too.
    plans = [e for e in before[0] if e[0] == "plan"]
    assert [e[:3] for e in plans] == [("plan", live.pk, 1)] and plans[0][4]
    call_command("load_demo", "--today", (TODAY + timedelta(days=5)).isoformat(), stdout=StringIO())
    assert state() == before
    annual = ReportingPeriod.objects.get(campaign=live, kind="year")
    assert annual.deadline == TODAY + timedelta(days=40)


def test_donvi_sees_its_subtree_and_the_campaigns_it_takes_part_in(demo, client):
    client.login(username="donvi", password="demo12345")
    from units import access

    user = User.objects.get(username="donvi")
    visible = set(access.visible_organisations(user).values_list("name", flat=True))
    assert "Trung tâm Y tế Phú Bình" in visible and "Trạm Y tế xã Tân Đức" in visible
    assert "Bệnh viện A Thái Nguyên" not in visible
    titles = set(Campaign.objects.visible_to(user).values_list("title", flat=True))
    # The live campaign and seed 003, both of Sở Y tế Thái Nguyên with its units taking part.
    assert titles == {f"Phát động phong trào thi đua năm {TODAY.year}",
                      campaign("Phát động phong trào thi đua đặc biệt").title}
    other = campaign("Phát động phong trào thi đua năm 2022")
    assert client.get(other.get_absolute_url()).status_code == 404


def test_the_demo_answers_searches_typed_without_diacritics(demo):
    from units import selectors

    thuongtruc = User.objects.get(username="thuongtruc")
    people = [p.full_name for p in selectors.search_people(thuongtruc, q="nguyen van")]
    exact = [name for name in people if name.startswith("Nguyễn Văn")]
    assert exact and people[:len(exact)] == exact  # the phrase first, then the other Nguyễn … Vân
    assert "Trạm Y tế xã Đức Lương" in [o.name for o in selectors.search_organisations(thuongtruc, q="tram y te duc")]
    units = [o.name for o in selectors.search_organisations(thuongtruc, q="duc")]
    assert "Trạm Y tế xã Đức Lương" in units and "Trạm Y tế xã Tân Đức" in units


def test_a_secretariat_of_a_closed_body_reads_history_but_creates_nothing(demo, client):
    from django.urls import reverse

    client.login(username="thuongtruc.kontum", password="demo12345")
    content = client.get(reverse("campaigns:campaign-list")).content.decode()
    assert "Phát động phong trào thi đua năm 2022" in content and "Tạo kế hoạch phát động" not in content
    response = client.get(reverse("campaigns:campaign-create"))
    assert response.status_code == 302
    assert "Thêm đơn vị" not in client.get(reverse("units:organisation-list")).content.decode()


def test_seed_004_appendix_reproduces_its_printed_ratio_column(demo):
    from devtools.demo.indicators import SEED_004, SEED_004_PRINTED_RATIO
    from indicators import selectors as indicator_selectors

    programme = Campaign.objects.get(document_kind="action_programme")
    period = programme.periods.get()
    reporter = Organisation.objects.get(root=programme.issuer, code="PYT")
    grid = indicator_selectors.grid(period, reporter, TODAY)
    printed = {row[2]: (row[6], row[7]["th"], row[7]["next"]) for row in SEED_004}
    assert [c.evaluation.display for c in grid.cells] == SEED_004_PRINTED_RATIO
    for cell in grid.cells:
        target, actual, next_year = printed[cell.indicator.display_label]
        assert (cell.target.text, cell.result.actual_text, cell.indicator.next_target_text) == (target, actual,
                                                                                                next_year)


def test_seed_000_communes_have_late_and_missing_annual_reports(demo):
    from indicators import selectors as indicator_selectors

    plan = campaign("Phát động phong trào thi đua chuyên đề về bảo vệ")
    admin = User.objects.get(username="quantri")
    periods, rows = indicator_selectors.completeness(plan, admin, TODAY)
    annual = {row.organisation.name: row.cells[1].timeliness for row in rows}
    assert annual["UBND xã Phú Thuận A"] == "late" and annual["UBND xã Phú Thuận B"] == "missing"
    assert list(annual.values()).count("late") == 1 and list(annual.values()).count("missing") == 1
    results = {r.indicator.definition.code: r for r in indicator_selectors.campaign_table(plan, periods[1], admin)}
    assert results["TYT-CQG"].evaluation.display == "100"


def test_seed_001_table_is_there_with_its_sub_rows(demo):
    from indicators import selectors as indicator_selectors

    rows = indicator_selectors.campaign_indicators(campaign("Phát động phong trào thi đua năm 2022"))
    assert [r.number for r in rows if r.number] == [str(i) for i in range(1, 15)]
    group = next(r for r in rows if r.number == "13")
    assert group.is_group and [c.display_label for c in rows if c.parent_id == group.pk] == [
        "Cân nặng theo tuổi", "Chiều cao theo tuổi"]
    assert next(r for r in rows if r.number == "1").comparator == "informational"


def test_live_campaign_reports_in_every_state_and_donvi_has_one_to_fill(demo):
    from indicators import selectors as indicator_selectors
    from indicators.models import Submission

    live = Campaign.objects.get(is_demo=True)
    states = set(Submission.objects.filter(period__campaign=live).values_list("status", flat=True))
    assert states == {"draft", "submitted", "accepted", "returned"}
    donvi = User.objects.get(username="donvi")
    mine = indicator_selectors.reports_for(donvi, TODAY)
    assert any(r["period"].kind == "six_month" and r["organisation"].name == "Trung tâm Y tế Phú Bình" for r in mine)


def test_awards_demo_has_every_state_a_council_and_decisions(demo):
    from awards.models import Decision, Nomination, RegisterEntry, Tally
    from awards.workflow import State

    assert set(Nomination.objects.values_list("state", flat=True)) == set(State.values)
    decisions = {(d.issuer.name, d.status, d.kind) for d in Decision.objects.select_related("issuer")}
    assert ("Sở Y tế Thái Nguyên", "issued", "issuer") in decisions
    assert ("Sở Y tế Bà Rịa-Vũng Tàu", "revoked", "issuer") in decisions
    assert ("Trung tâm Y tế Đại Từ", "issued", "unit") in decisions
    assert ("Ủy ban nhân dân huyện Hồng Ngự", "issued", "issuer") in decisions
    assert Tally.objects.exclude(outcome="").exists() and Tally.objects.filter(outcome="").exists()
    assert RegisterEntry.objects.filter(source="before").count() >= 6


def test_seed_000_communes_that_met_every_key_target_were_awarded(demo):
    from awards.models import Nomination

    by_commune = dict(Nomination.objects.filter(proposal__campaign__issuer__name="Ủy ban nhân dân huyện Hồng Ngự",
                                                organisation__isnull=False)
                      .values_list("organisation__code", "state"))
    # XA01 and XA04 met the six key targets in the annual report; XA07's malnutrition rate did not.
    assert (by_commune["XA01"], by_commune["XA04"], by_commune["XA07"]) == ("decided", "decided", "rejected")


def test_the_cstd_tinh_candidate_passes_the_register_prerequisite(demo):
    from awards import selectors as award_selectors
    from awards.models import Nomination

    star = Nomination.objects.select_related(*award_selectors.NOMINATION_RELATED).get(award_type__code="CSTD_TINH")
    checks = {c.code: c.status for c in award_selectors.checks_for([star], TODAY)[star.pk]}
    assert checks["prerequisite"] == "ok" and checks["initiative"] == "ok" and checks["authority"] == "info"


def test_the_live_plan_is_signed_twice_with_the_demo_ca_and_verified(demo, client):
    """Issue 14: a newcomer sees a verified document; the demo CA says it is not a real one."""
    from reports.models import SignedCopy, TrustAnchor

    plan = campaign(f"Phát động phong trào thi đua năm {TODAY.year}")
    copy = SignedCopy.objects.get(edition__kind="plan", edition__object_id=plan.pk)
    assert copy.matches_edition == copy.edition.number and copy.check_report["check"]["ok"]
    assert len(copy.check_report["check"]["signatures"]) == 2
    anchor = TrustAnchor.objects.get(is_demo=True, active=True)
    assert anchor.name == "CA minh họa – KHÔNG DÙNG THẬT"
    call_command("load_demo", "--today", TODAY.isoformat(), stdout=StringIO())
    assert SignedCopy.objects.filter(edition__kind="plan").count() == 1
    assert TrustAnchor.objects.filter(is_demo=True).count() == 1
