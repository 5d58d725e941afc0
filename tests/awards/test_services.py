"""Proposals, nominations and their moves through the services: access, the achievement key,
quotas (also under concurrent approvals), council, decisions, the yearly path, the register."""

import io
import threading
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from awards import selectors, services
from awards.models import (
    AwardEvent,
    AwardRule,
    Decision,
    Nomination,
    NominationEvent,
    Proposal,
    RegisterEntry,
)
from awards.services import MemberInput
from awards.workflow import State
from tests.awards.conftest import pdf, submitted
from tests.factories import make_person
from units.access import SYSTEM

pytestmark = pytest.mark.django_db


def nominate(proposal, user, types, person=None, organisation=None, code="GK_SYT_CN", **kwargs):
    return services.add_nomination(by=user, proposal=proposal, award_type=types[code], person=person,
                                   organisation=organisation, summary="Hoàn thành xuất sắc nhiệm vụ", **kwargs)


def accepted(proposal, plan, cast, types, *keys, code="GK_SYT_CN"):
    nominations = [nominate(proposal, cast["staff"], types, person=plan["people"][k], code=code) for k in keys]
    submitted(proposal, cast, *nominations)
    return services.accept_many(by=cast["secretariat"], nominations=nominations)


def test_a_unit_prepares_and_submits_a_proposal_with_its_signed_submission(proposal, plan, cast, types):
    n = nominate(proposal, cast["staff"], types, person=plan["people"]["an"])
    assert n.state == State.DRAFT and n.achievement_year == 2026
    with pytest.raises(ValidationError, match="tờ trình"):
        services.submit_proposal(by=cast["staff"], proposal=proposal)
    (n,) = submitted(proposal, cast, n)
    assert n.state == State.SUBMITTED and Proposal.objects.get().status == "submitted"
    events = list(NominationEvent.objects.filter(nomination=n).values_list("from_state", "to_state"))
    assert ("draft", "submitted") in events


def test_nominees_come_from_the_proposing_unit_and_match_the_award(proposal, plan, cast, types, tree):
    with pytest.raises(ValidationError, match="Không thuộc"):
        nominate(proposal, cast["staff"], types, person=plan["people"]["em"])          # the health centre's
    with pytest.raises(ValidationError, match="chỉ xét cho tập thể"):
        nominate(proposal, cast["staff"], types, person=plan["people"]["an"], code="GK_SYT_TT")
    assert nominate(proposal, cast["staff"], types, person=plan["people"]["dung"]).pk     # a ward of the hospital
    assert nominate(proposal, cast["staff"], types, organisation=tree["A.BV.NOI"], code="GK_SYT_TT").pk


def test_another_unit_cannot_touch_the_proposal(proposal, plan, cast, types):
    with pytest.raises(PermissionDenied):
        nominate(proposal, cast["other_staff"], types, person=plan["people"]["an"])
    with pytest.raises(PermissionDenied):
        services.create_proposal(by=cast["other_staff"], campaign=plan["campaign"], organisation=proposal.organisation,
                                 title="x", year=2026)


def test_the_responsible_office_proposes_from_any_participating_unit(plan, tree, cast, types):
    from campaigns import services as campaign_services
    from tests.factories import make_user

    item = plan["item"]
    item.responsible = tree["A.TCHC"]
    campaign_services.save_subcampaign(by=SYSTEM, campaign=plan["campaign"], instance=item)
    office_staff = make_user("dv.tchc", tree["A.TCHC"], "unit_staff")
    office = services.create_proposal(by=office_staff, campaign=plan["campaign"], organisation=tree["A.TCHC"],
                                      subcampaign=item, title="Phòng TCHC đề nghị", year=2026)
    assert nominate(office, office_staff, types, person=plan["people"]["em"]).pk       # health centre staff
    with pytest.raises(ValidationError):
        nominate(office, office_staff, types, person=plan["people"]["xa"])              # Sở B: no


def test_one_achievement_one_award(proposal, plan, cast, types):
    nominate(proposal, cast["staff"], types, person=plan["people"]["an"])
    with pytest.raises(ValidationError, match="mỗi thành tích chỉ một"):
        nominate(proposal, cast["staff"], types, person=plan["people"]["an"], code="BK_TINH_CN")
    # A yearly title is keyed by title and year: LĐTT and CSTĐCS the same year are two achievements.
    nominate(proposal, cast["staff"], types, person=plan["people"]["binh"], code="LDTT")
    nominate(proposal, cast["staff"], types, person=plan["people"]["binh"], code="CSTDCS")


def test_per_programme_items_name_their_programme(plan, tree, cast, types):
    proposal = services.create_proposal(by=cast["staff"], campaign=plan["campaign"], organisation=tree["A.BV"],
                                        subcampaign=plan["per_programme"], title="Mục 2.1", year=2026)
    with pytest.raises(ValidationError, match="chọn chương trình"):
        nominate(proposal, cast["staff"], types, person=plan["people"]["an"])
    first = nominate(proposal, cast["staff"], types, person=plan["people"]["an"], programme=plan["programmes"][0])
    # The same person under the other programme is another achievement.
    nominate(proposal, cast["staff"], types, person=plan["people"]["an"], programme=plan["programmes"][1])
    assert first.achievement_key.endswith(f"s{plan['programmes'][0].pk}:2026")


def test_review_return_with_reason_fix_resubmit_accept(proposal, plan, cast, types, mailoutbox, settings,
                                                        django_capture_on_commit_callbacks):
    from units.models import User

    settings.SITE_URL = "https://thidua.example.vn/"
    User.objects.filter(pk=cast["staff"].pk).update(email="dv.bv@example.vn")
    (n,) = submitted(proposal, cast, nominate(proposal, cast["staff"], types, person=plan["people"]["an"]))
    with pytest.raises(ValidationError, match="lý do"):
        services.move(by=cast["secretariat"], nomination=n, target=State.RETURNED)
    with pytest.raises(PermissionDenied):
        services.move(by=cast["staff"], nomination=n, target=State.ACCEPTED)
    with django_capture_on_commit_callbacks(execute=True):
        services.move(by=cast["secretariat"], nomination=n, target=State.RETURNED, reason="Thiếu báo cáo thành tích")
    assert mailoutbox and "Thiếu báo cáo thành tích" in mailoutbox[0].body
    assert f"https://thidua.example.vn{n.get_absolute_url()}" in mailoutbox[0].body
    n.refresh_from_db()
    assert n.state == State.RETURNED and n.reason == "Thiếu báo cáo thành tích"
    services.add_nomination_file(by=cast["staff"], nomination=n, upload=pdf("bao-cao-thanh-tich.pdf"))
    services.move(by=cast["staff"], nomination=n, target=State.SUBMITTED)
    services.move(by=cast["secretariat"], nomination=n, target=State.ACCEPTED)
    n.refresh_from_db()
    assert n.state == State.ACCEPTED and n.accepted_snapshot["summary"] == "Hoàn thành xuất sắc nhiệm vụ"


def test_an_edit_after_acceptance_goes_back_with_a_changed_mark(proposal, plan, cast, types):
    (n,) = accepted(proposal, plan, cast, types, "an")
    services.update_nomination(by=cast["staff"], nomination=n, summary="Thành tích bổ sung")
    n.refresh_from_db()
    assert n.state == State.SUBMITTED and n.changed_since_accepted
    assert n.accepted_snapshot["summary"] == "Hoàn thành xuất sắc nhiệm vụ"


def test_approval_takes_a_slot_and_the_quota_holds(proposal, plan, cast, types):
    nominations = accepted(proposal, plan, cast, types, "an", "binh", "cuong")
    services.move(by=cast["secretariat"], nomination=nominations[0], target=State.APPROVED)
    services.move(by=cast["secretariat"], nomination=nominations[1], target=State.APPROVED)
    with pytest.raises(ValidationError, match=r"Đã đủ số lượng cá nhân của mục 2.2 \(2/02\)"):
        services.move(by=cast["secretariat"], nomination=nominations[2], target=State.APPROVED)
    uses = selectors.quota_uses(plan["campaign"], selectors.scope_of(nominations[0], selectors.limited_levels(
        plan["campaign"])))
    assert [u.text for u in uses] == ["còn 1 trong số 01 tập thể", "còn 0 trong số 02 cá nhân"]
    # Returning an approved nomination gives its slot back.
    services.move(by=cast["secretariat"], nomination=nominations[0], target=State.RETURNED, reason="Xem lại")
    services.move(by=cast["secretariat"], nomination=nominations[2], target=State.APPROVED)


def test_an_award_that_needs_the_council_is_not_approved_by_the_secretariat(proposal, plan, cast, types):
    (n,) = accepted(proposal, plan, cast, types, "an", code="BK_TINH_CN")
    with pytest.raises(ValidationError, match="Hội đồng"):
        services.move(by=cast["secretariat"], nomination=n, target=State.APPROVED)


@pytest.mark.django_db(transaction=True)
def test_concurrent_approvals_never_exceed_the_quota(tree, cast, types, settings):
    """Six approvals start together against a quota of two: exactly two go through."""
    from campaigns import services as campaign_services
    from campaigns.models import SubCampaign
    from tests.factories import make_campaign

    settings.APP_TODAY = date(2026, 11, 10)
    campaign = make_campaign(tree["A"], participants=[tree["A.BV"]], status="in_progress")
    item = campaign_services.save_subcampaign(by=SYSTEM, campaign=campaign, instance=SubCampaign(
        number="2.3", title="Đợt thi đua", order=1), quotas={"individual": 2})
    proposal = services.create_proposal(by=cast["staff"], campaign=campaign, organisation=tree["A.BV"],
                                        subcampaign=item, title="Đề nghị", year=2026)
    people = [make_person(tree["A.BV"], f"Người số {i}", f"C{i}") for i in range(6)]
    nominations = [nominate(proposal, cast["staff"], types, person=p) for p in people]
    submitted(proposal, cast)
    services.accept_many(by=cast["secretariat"], nominations=nominations)
    barrier = threading.Barrier(len(nominations))
    outcomes = []

    def approve(nomination):
        try:
            barrier.wait()
            services.move(by=cast["secretariat"], nomination=nomination, target=State.APPROVED)
            outcomes.append("ok")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(n,)) for n in nominations]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("ok") == 2
    assert all("Đã đủ số lượng cá nhân" in o for o in outcomes if o != "ok")
    assert Nomination.objects.filter(state=State.APPROVED).count() == 2


def council_members(tree):
    from units.models import Person

    if not Person.objects.filter(employee_code="HD0").exists():
        for i in range(5):
            make_person(tree["A.TCHC"], f"Thành viên {i}", f"HD{i}")
        make_person(tree["A.BV"], "Giám đốc Bệnh viện", "HD-BV")
    return list(Person.objects.filter(employee_code__startswith="HD").order_by("employee_code"))


def council_session(plan, tree, cast, nominations, held_on=date(2026, 11, 9)):
    members = council_members(tree)
    inputs = [MemberInput(members[0], "chair"), MemberInput(members[1], "secretary")] + [
        MemberInput(m) for m in members[2:]]
    return services.create_session(by=cast["secretariat"], issuer=tree["A"], title="Phiên họp xét khen thưởng",
                                   held_on=held_on, place="Hội trường Sở", members=inputs, nominations=nominations)


def test_council_tally_against_the_threshold_with_the_bv_member_standing_aside(proposal, plan, cast, types, tree):
    (n,) = accepted(proposal, plan, cast, types, "an", code="CSTD_TINH")
    AwardRule.objects.filter(award_type__code="CSTD_TINH", kind="council").update(enabled=True)
    session = council_session(plan, tree, cast, [n])
    n.refresh_from_db()
    assert n.state == State.VOTING
    tally = session.tallies.get()
    with pytest.raises(ValidationError, match="điểm danh"):
        services.record_tally(by=cast["council"], tally=tally, yes=5, no=0, abstain=0)
    services.set_attendance(by=cast["council"], session=session,
                            attendance={m.pk: "present" for m in session.members.all()})
    with pytest.raises(ValidationError, match="lớn hơn"):
        services.record_tally(by=cast["council"], tally=tally, yes=6, no=0, abstain=0)   # the BV member stands aside
    services.record_tally(by=cast["council"], tally=tally, yes=5, no=0, abstain=0)
    tally.refresh_from_db()
    n.refresh_from_db()
    assert n.state == State.APPROVED and tally.recused.count() == 1 and "5/5" in tally.note


def test_where_the_threshold_is_disabled_the_secretary_records_the_outcome(proposal, plan, cast, types, tree):
    (n,) = accepted(proposal, plan, cast, types, "an", code="CSTD_TINH")
    session = council_session(plan, tree, cast, [n])
    services.set_attendance(by=cast["council"], session=session,
                            attendance={m.pk: "present" for m in session.members.all()})
    tally = session.tallies.get()
    with pytest.raises(ValidationError, match="thư ký ghi kết quả"):
        services.record_tally(by=cast["council"], tally=tally, yes=5, no=0, abstain=0)
    services.record_tally(by=cast["council"], tally=tally, approved=False, reason="Chưa đủ sáng kiến cấp tỉnh")
    n.refresh_from_db()
    assert n.state == State.REJECTED and n.reason == "Chưa đủ sáng kiến cấp tỉnh"


def test_a_nomination_needing_disclosure_waits_for_its_window(proposal, plan, cast, types, tree):
    (n,) = accepted(proposal, plan, cast, types, "an", code="HCLD3_CN")
    with pytest.raises(ValidationError, match="công khai"):
        council_session(plan, tree, cast, [n])
    disclosure = services.open_disclosure(by=cast["secretariat"], issuer=tree["A"], nominations=[n],
                                          title="Công khai danh sách đề nghị Huân chương",
                                          starts_on=date(2026, 10, 12), working_days=10,
                                          published_at="Cổng thông tin điện tử Sở")
    assert disclosure.ends_on == date(2026, 10, 23)
    council_session(plan, tree, cast, [Nomination.objects.get(pk=n.pk)], held_on=date(2026, 11, 9))


def test_decision_pays_the_bonus_at_the_base_salary_of_its_date_and_can_be_revoked(proposal, plan, cast, types,
                                                                                    tree):
    (n,) = accepted(proposal, plan, cast, types, "an", code="LDTT")
    services.move(by=cast["secretariat"], nomination=n, target=State.APPROVED)
    with pytest.raises(PermissionDenied):
        services.create_decision(by=cast["secretariat"], issuer=tree["A"], title="x", nominations=[n])
    decision = services.create_decision(by=cast["leader"], issuer=tree["A"], title="Về việc tặng danh hiệu LĐTT",
                                        nominations=[n], campaign=plan["campaign"])
    services.issue_decision(by=cast["leader"], decision=decision, number=125, notation="QĐ-SYT",
                            issue_date=date(2026, 11, 5), signer_prefix="KT. GIÁM ĐỐC", signer_title="PHÓ GIÁM ĐỐC",
                            signer_name="Trần Văn Ký")
    line = decision.lines.get()
    assert (line.coefficient, line.base_salary, line.bonus) == (Decimal("0.30"), Decimal(2340000), Decimal(702000))
    n.refresh_from_db()
    assert n.state == State.DECIDED
    history = selectors.register_for(person=plan["people"]["an"])
    assert history[0].reference == "Số 125/QĐ-SYT ngày 05/11/2026" and not history[0].revoked
    other = services.create_decision(by=cast["leader"], issuer=tree["A"], title="Khác", nominations=[],
                                     campaign=None) if False else None
    assert other is None
    services.revoke_decision(by=cast["leader"], decision=decision, reason="Kê khai thành tích không đúng")
    n.refresh_from_db()
    assert n.state == State.REVOKED
    assert selectors.register_for(person=plan["people"]["an"])[0].revoked


def test_decision_numbers_are_unique_per_issuer_notation_and_year(proposal, plan, cast, types, tree):
    first, second = accepted(proposal, plan, cast, types, "an", "binh", code="LDTT")
    decisions = []
    for n in (first, second):
        services.move(by=cast["secretariat"], nomination=n, target=State.APPROVED)
        decisions.append(services.create_decision(by=cast["leader"], issuer=tree["A"], title="QĐ", nominations=[n]))
    registry = dict(notation="QĐ-SYT", signer_prefix="", signer_title="GIÁM ĐỐC", signer_name="Trần Văn Ký")
    services.issue_decision(by=cast["leader"], decision=decisions[0], number=7, issue_date=date(2026, 3, 2), **registry)
    with pytest.raises(ValidationError, match="đã được dùng"):
        services.issue_decision(by=cast["leader"], decision=decisions[1], number=7, issue_date=date(2026, 9, 2),
                                **registry)


def test_forwarded_upward_then_recorded_from_the_higher_decision(proposal, plan, cast, types, tree):
    (n,) = accepted(proposal, plan, cast, types, "an", code="BK_TTG_CN")
    session = council_session(plan, tree, cast, [n])
    services.set_attendance(by=cast["council"], session=session,
                            attendance={m.pk: "present" for m in session.members.all()})
    services.record_tally(by=cast["council"], tally=session.tallies.get(), approved=True)
    services.move(by=cast["secretariat"], nomination=n, target=State.FORWARDED)
    services.record_higher_decision(by=cast["secretariat"], nomination=n, reference="Số 1234/QĐ-TTg",
                                    decided_on=date(2026, 11, 1), issuer_name="Thủ tướng Chính phủ")
    n.refresh_from_db()
    assert n.state == State.DECIDED and RegisterEntry.objects.get().source == "higher"


def test_the_unit_head_decides_ldtt_for_the_units_staff(plan, tree, cast, types, unit_authority):
    proposal = services.create_proposal(by=cast["head"], campaign=plan["campaign"], organisation=tree["A.BV"],
                                        kind=Proposal.Kind.UNIT, title="Bình xét danh hiệu LĐTT năm 2026", year=2026)
    for key in ("an", "binh", "dung"):
        nominate(proposal, cast["head"], types, person=plan["people"][key], code="LDTT")
    with pytest.raises(ValidationError, match="vượt thẩm quyền"):
        nominate(proposal, cast["head"], types, person=plan["people"]["cuong"], code="CSTDCS")
    registry = dict(number=12, notation="QĐ-BVĐK", issue_date=date(2026, 11, 10), signer_prefix="",
                    signer_title="GIÁM ĐỐC", signer_name="Lê Thị Hoa")
    with pytest.raises(ValidationError, match="biên bản"):
        services.decide_unit_titles(by=cast["head"], proposal=proposal, **registry)
    services.add_proposal_file(by=cast["head"], proposal=proposal, kind="minutes", upload=pdf("bien-ban.pdf"))
    with pytest.raises(PermissionDenied):
        services.decide_unit_titles(by=cast["staff"], proposal=proposal, **registry)
    decision = services.decide_unit_titles(by=cast["head"], proposal=proposal, **registry)
    assert decision.kind == Decision.Kind.UNIT and decision.lines.count() == 3
    assert set(Nomination.objects.values_list("state", flat=True)) == {State.DECIDED}
    assert decision.lines.first().bonus == Decimal(702000)
    # No slot is taken: a unit's own titles have no count quota.
    assert selectors.quota_uses(plan["campaign"], selectors.scope_of(
        Nomination.objects.first(), selectors.limited_levels(plan["campaign"])))[1].used == 0


def test_prerequisites_read_the_register_including_history_from_before_the_system(proposal, plan, cast, types, tree):
    person = plan["people"]["an"]
    for year in (2024, 2025):
        services.add_register_entry(by=cast["secretariat"], owner=tree["A"], instance=RegisterEntry(
            person=person, award_type=types["CSTDCS"], achievement_year=year, issuer_name="Sở Y tế A",
            reference=f"{year}/QĐ-SYT", decided_on=date(year, 12, 20)))
    n = nominate(proposal, cast["staff"], types, person=person, code="CSTD_TINH")
    n = Nomination.objects.select_related(*selectors.NOMINATION_RELATED).get(pk=n.pk)
    check = {c.code: c for c in selectors.checks_for([n], date(2026, 11, 10))[n.pk]}["prerequisite"]
    assert check.status == "fail" and "2024, 2025" in check.detail
    services.add_register_entry(by=cast["secretariat"], owner=tree["A"], instance=RegisterEntry(
        person=person, award_type=types["CSTDCS"], achievement_year=2026, issuer_name="Sở Y tế A",
        reference="5/QĐ-SYT", decided_on=date(2026, 11, 2)))
    check = {c.code: c for c in selectors.checks_for([n], date(2026, 11, 10))[n.pk]}["prerequisite"]
    assert check.status == "ok"
    with pytest.raises(PermissionDenied):
        services.add_register_entry(by=cast["outsider"], owner=tree["A"], instance=RegisterEntry(
            person=person, award_type=types["LDTT"], achievement_year=2023, issuer_name="x", reference="y",
            decided_on=date(2023, 12, 1)))


def test_what_was_sent_stays_and_a_single_nomination_needs_the_signed_file(proposal, plan, cast, types):
    from awards.models import ProposalFile

    n = nominate(proposal, cast["staff"], types, person=plan["people"]["an"])
    with pytest.raises(ValidationError, match="tờ trình"):
        services.move(by=cast["staff"], nomination=n, target=State.SUBMITTED)
    services.add_proposal_file(by=cast["staff"], proposal=proposal, kind="submission", upload=pdf())
    services.move(by=cast["staff"], nomination=n, target=State.SUBMITTED)
    assert Proposal.objects.get().status == "submitted"
    with pytest.raises(ValidationError, match="không xóa được"):
        services.delete_proposal_file(by=cast["staff"], row=ProposalFile.objects.get())


def test_a_zero_quota_and_a_foreign_year_are_refused_when_adding(plan, tree, cast, types):
    from campaigns import services as campaign_services
    from campaigns.models import SubCampaign

    item = campaign_services.save_subcampaign(by=SYSTEM, campaign=plan["campaign"], instance=SubCampaign(
        number="2.6", title="Cá nhân điển hình", order=6), quotas={"collective": 0, "individual": 5})
    proposal = services.create_proposal(by=cast["staff"], campaign=plan["campaign"], organisation=tree["A.BV"],
                                        subcampaign=item, title="Mục 2.6", year=2026)
    with pytest.raises(ValidationError, match="không xét khen thưởng tập thể"):
        nominate(proposal, cast["staff"], types, organisation=tree["A.BV.NOI"], code="GK_SYT_TT")
    with pytest.raises(ValidationError, match="năm thành tích là 2025 hoặc 2026"):
        nominate(proposal, cast["staff"], types, person=plan["people"]["an"], achievement_year=2022)


def test_the_council_cannot_sit_before_its_day_and_a_rejection_says_why(proposal, plan, cast, types, tree):
    (n,) = accepted(proposal, plan, cast, types, "an", code="CSTD_TINH")
    session = council_session(plan, tree, cast, [n], held_on=date(2026, 11, 9))
    future = council_session(plan, tree, cast, [accepted(proposal, plan, cast, types, "binh", code="CSTD_TINH")[0]],
                             held_on=date(2026, 12, 1))
    with pytest.raises(ValidationError, match="chưa diễn ra"):
        services.set_attendance(by=cast["council"], session=future,
                                attendance={m.pk: "present" for m in future.members.all()})
    services.set_attendance(by=cast["council"], session=session,
                            attendance={m.pk: "present" for m in session.members.all()})
    tally = session.tallies.get()
    with pytest.raises(ValidationError, match="Ghi lý do"):
        services.record_tally(by=cast["council"], tally=tally, approved=False)
    with pytest.raises(ValidationError, match="không quá nửa"):
        services.record_tally(by=cast["council"], tally=tally, yes=2, no=2, abstain=1, approved=True)


def test_the_nominating_units_member_stands_aside_for_its_sub_units_staff(proposal, plan, cast, types, tree):
    from units.models import Person

    # Phạm Thị Dung works in the hospital's ward; the council member is the hospital's director.
    (n,) = accepted(proposal, plan, cast, types, "dung", code="CSTD_TINH")
    session = council_session(plan, tree, cast, [n])
    standing = {m.person.employee_code for m in services.recusals(session, Nomination.objects.get(pk=n.pk))}
    assert standing == {"HD-BV"} and Person.objects.get(employee_code="HD-BV").organisation == tree["A.BV"]


def test_a_council_threshold_above_one_hundred_percent_is_refused(types):
    with pytest.raises(ValidationError) as error:
        services.save_rule(by=SYSTEM, instance=AwardRule(award_type=types["CSTD_TINH"], kind="council",
                                                       effective_from=date(2026, 1, 1), percent=150, denominator="all"))
    assert "percent" in error.value.message_dict


def test_a_draft_decision_can_lose_a_line(proposal, plan, cast, types, tree):
    first, second = accepted(proposal, plan, cast, types, "an", "binh", code="LDTT")
    for n in (first, second):
        services.move(by=cast["secretariat"], nomination=n, target=State.APPROVED)
    decision = services.create_decision(by=cast["leader"], issuer=tree["A"], title="QĐ", nominations=[first, second])
    services.remove_decision_line(by=cast["leader"], line=decision.lines.get(nomination=second))
    assert decision.lines.count() == 1
    assert services.create_decision(by=cast["leader"], issuer=tree["A"], title="QĐ 2", nominations=[second])


def test_a_result_recorded_wrong_is_set_aside_with_a_reason_and_recorded_again(proposal, plan, cast, types, tree):
    (n,) = accepted(proposal, plan, cast, types, "an", code="CSTD_TINH")
    session = council_session(plan, tree, cast, [n])
    services.set_attendance(by=cast["council"], session=session,
                            attendance={m.pk: "present" for m in session.members.all()})
    tally = session.tallies.get()
    services.record_tally(by=cast["council"], tally=tally, approved=False, reason="Chưa đủ phiếu")
    with pytest.raises(ValidationError, match="lý do"):
        services.reopen_tally(by=cast["council"], tally=tally, reason=" ")
    services.reopen_tally(by=cast["council"], tally=tally, reason="Thư ký chọn nhầm kết quả")
    tally.refresh_from_db()
    n.refresh_from_db()
    assert tally.outcome == "" and n.state == State.VOTING
    assert n.events.filter(from_state=State.REJECTED, to_state=State.VOTING,
                           reason="Thư ký chọn nhầm kết quả").exists()
    assert AwardEvent.objects.filter(target_id=tally.pk, reason="Thư ký chọn nhầm kết quả").exists()
    services.record_tally(by=cast["council"], tally=tally, approved=True)
    n.refresh_from_db()
    assert n.state == State.APPROVED
    # Once the session is closed, what was recorded stands.
    services.close_session(by=cast["council"], session=session)
    with pytest.raises(ValidationError, match="đã kết thúc"):
        services.reopen_tally(by=cast["council"], tally=tally, reason="Muộn")


def test_the_councils_outcome_is_only_recorded_from_the_session_page(proposal, plan, cast, types, tree):
    (n,) = accepted(proposal, plan, cast, types, "an", code="CSTD_TINH")
    council_session(plan, tree, cast, [n])
    for target in (State.APPROVED, State.REJECTED):
        for actor in ("council", "secretariat"):
            with pytest.raises(ValidationError, match="trang phiên họp"):
                services.move(by=cast[actor], nomination=Nomination.objects.get(pk=n.pk), target=target,
                              reason="Không qua phiên họp")
    assert Nomination.objects.get(pk=n.pk).state == State.VOTING


def test_a_department_decision_refuses_an_award_above_its_authority(proposal, plan, cast, types, tree):
    (n,) = accepted(proposal, plan, cast, types, "an", code="BK_TINH_CN")
    for step in (State.VOTING, State.APPROVED):   # the council approved it (its steps are tested above)
        services._move(SYSTEM, Nomination.objects.get(pk=n.pk), step)
    nomination = Nomination.objects.get(pk=n.pk)
    assert "Chủ tịch UBND tỉnh" in selectors.above_authority([nomination], tree["A"], date(2026, 11, 10))[nomination.pk]
    with pytest.raises(ValidationError, match="trình cấp trên"):
        services.create_decision(by=cast["leader"], issuer=tree["A"], title="QĐ", nominations=[nomination])


def test_a_proposal_names_its_item_when_the_plan_sets_quotas_per_item(plan, tree, cast):
    with pytest.raises(ValidationError, match="chọn nội dung"):
        services.create_proposal(by=cast["staff"], campaign=plan["campaign"], organisation=tree["A.BV"],
                                 title="Cả phong trào", year=2026)


def test_a_wrong_file_goes_before_sending_and_stays_after(proposal, plan, cast, types):
    n = nominate(proposal, cast["staff"], types, person=plan["people"]["an"])
    wrong = services.add_nomination_file(by=cast["staff"], nomination=n, upload=pdf("nham.pdf"))
    services.delete_nomination_file(by=cast["staff"], row=wrong)
    kept = services.add_nomination_file(by=cast["staff"], nomination=n, upload=pdf("bao-cao.pdf"))
    (n,) = submitted(proposal, cast, n)
    with pytest.raises(ValidationError, match="đã gửi"):
        services.delete_nomination_file(by=cast["staff"], row=kept)
    assert list(n.files.all()) == [kept]


def test_a_deleted_files_content_leaves_the_storage_only_through_purge_files(proposal, cast):
    """Files are write-once: deleting a row leaves its file until purge_files finds nothing refers
    to it; a deletion rolled back keeps row and file together, and purge leaves that file alone."""
    from django.core.management import call_command
    from django.db import transaction

    from awards.models import ProposalFile

    kept = services.add_proposal_file(by=cast["staff"], proposal=proposal, kind="submission", upload=pdf())
    kept_pk = kept.pk
    with transaction.atomic():
        services.delete_proposal_file(by=cast["staff"], row=kept)
        transaction.set_rollback(True)   # a later step failed: the row is back, and its file
    gone = services.add_proposal_file(by=cast["staff"], proposal=proposal, kind="submission", upload=pdf())
    storage, name = gone.file.storage, gone.file.name
    services.delete_proposal_file(by=cast["staff"], row=ProposalFile.objects.get(pk=gone.pk))
    assert storage.exists(name)
    call_command("purge_files", "--grace-hours", "1", stdout=io.StringIO())
    assert storage.exists(name)   # younger than the grace period: perhaps a save in progress
    call_command("purge_files", "--grace-hours", "0", stdout=io.StringIO())
    assert not storage.exists(name)
    assert storage.exists(ProposalFile.objects.get(pk=kept_pk).file.name)


def test_a_unit_list_keeps_to_the_campaign_years_and_is_opened_once(plan, tree, cast, unit_authority):
    kwargs = dict(by=SYSTEM, campaign=plan["campaign"], organisation=tree["A.BV"], kind=Proposal.Kind.UNIT,
                  title="Bình xét")
    with pytest.raises(ValidationError, match="2025 hoặc 2026"):
        services.create_proposal(year=2031, **kwargs)
    services.create_proposal(year=2026, **kwargs)
    with pytest.raises(ValidationError, match="đã có danh sách"):
        services.create_proposal(year=2026, **kwargs)


def test_a_session_that_has_not_sat_moves_and_gives_back_a_nomination(proposal, plan, cast, types, tree):
    first, second = accepted(proposal, plan, cast, types, "an", "binh", code="CSTD_TINH")
    session = council_session(plan, tree, cast, [first, second], held_on=date(2026, 12, 1))
    with pytest.raises(ValidationError, match="lý do"):
        services.reschedule_session(by=cast["secretariat"], session=session, held_on=date(2026, 11, 9), place="",
                                    reason="")
    services.reschedule_session(by=cast["secretariat"], session=session, held_on=date(2026, 11, 9),
                                place="Phòng họp số 2", reason="Lãnh đạo đi công tác")
    session.refresh_from_db()
    assert session.held_on == date(2026, 11, 9) and session.place == "Phòng họp số 2"
    services.take_off_agenda(by=cast["secretariat"], tally=session.tallies.get(nomination=second),
                             reason="Đơn vị xin bổ sung hồ sơ")
    assert Nomination.objects.get(pk=second.pk).state == State.ACCEPTED and session.tallies.count() == 1
    services.set_attendance(by=cast["council"], session=session,
                            attendance={m.pk: "present" for m in session.members.all()})
    with pytest.raises(ValidationError, match="điểm danh"):
        services.reschedule_session(by=cast["secretariat"], session=session, held_on=date(2026, 11, 10), place="",
                                    reason="Muộn")


def test_signed_minutes_can_follow_the_closing(proposal, plan, cast, types, tree):
    (n,) = accepted(proposal, plan, cast, types, "an", code="CSTD_TINH")
    session = council_session(plan, tree, cast, [n])
    services.set_attendance(by=cast["council"], session=session,
                            attendance={m.pk: "present" for m in session.members.all()})
    services.record_tally(by=cast["council"], tally=session.tallies.get(), approved=True)
    services.close_session(by=cast["council"], session=session)
    with pytest.raises(ValidationError, match="PDF"):
        services.attach_minutes(by=cast["council"], session=session, upload=pdf("bien-ban.docx"))
    services.attach_minutes(by=cast["council"], session=session, upload=pdf("bien-ban.pdf"))
    with pytest.raises(ValidationError, match="đã có"):
        services.attach_minutes(by=cast["council"], session=session, upload=pdf("bien-ban.pdf"))


def test_the_roll_call_stays_as_counted_and_a_majority_is_not_recorded_as_a_refusal(proposal, plan, cast, types,
                                                                                   tree):
    first, second = accepted(proposal, plan, cast, types, "an", "binh", code="CSTD_TINH")
    with pytest.raises(ValidationError, match="từ năm 2026"):
        council_session(plan, tree, cast, [first], held_on=date(2020, 1, 1))
    session = council_session(plan, tree, cast, [first, second])
    with pytest.raises(ValidationError, match="từ năm 2026"):
        services.reschedule_session(by=cast["secretariat"], session=session, held_on=date(2020, 1, 1), place="",
                                    reason="Nhầm")
    everyone = {m.pk: "present" for m in session.members.all()}
    services.set_attendance(by=cast["council"], session=session, attendance=everyone)
    tally = session.tallies.get(nomination=first)
    with pytest.raises(ValidationError, match="quá nửa"):
        services.record_tally(by=cast["council"], tally=tally, yes=5, no=0, abstain=0, approved=False,
                              reason="Không đủ điều kiện")
    services.record_tally(by=cast["council"], tally=tally, approved=True)
    with pytest.raises(ValidationError, match="không sửa được"):
        services.set_attendance(by=cast["council"], session=session, attendance={pk: "absent" for pk in everyone})
    services.record_tally(by=cast["council"], tally=session.tallies.get(nomination=second), approved=True)
    png = SimpleUploadedFile("bien-ban.png", b"\x89PNG\r\n\x1a\n0000")
    with pytest.raises(ValidationError, match="PDF"):
        services.close_session(by=cast["council"], session=session, minutes=png)
