"""The pure award rules: the transition table, eligibility, quota counting, council arithmetic,
dated rules and working days. No database."""

from datetime import date
from decimal import Decimal as D

import pytest

from awards import council, eligibility, quotas, rules, workflow
from awards.eligibility import FAIL, INFO, OK, UNKNOWN, Facts, Hold, IndicatorFacts
from awards.models import Authority, Grade, InitiativeLevel, RuleKind
from awards.rules import Rule
from awards.workflow import MoveError, State

S = State


# --- The transition table -----------------------------------------------------------------------------


@pytest.mark.parametrize(("source", "target", "action", "reason"), [
    (S.DRAFT, S.SUBMITTED, "nomination.prepare", False),
    (S.RETURNED, S.SUBMITTED, "nomination.prepare", False),
    (S.SUBMITTED, S.WITHDRAWN, "nomination.prepare", False),
    (S.SUBMITTED, S.ACCEPTED, "nomination.review", False),
    (S.SUBMITTED, S.RETURNED, "nomination.review", True),
    (S.SUBMITTED, S.REJECTED, "nomination.review", True),
    (S.ACCEPTED, S.SUBMITTED, "nomination.prepare", False),      # the unit edits after acceptance
    (S.ACCEPTED, S.DISCLOSURE, "nomination.review", False),
    (S.DISCLOSURE, S.VOTING, "nomination.review", False),
    (S.VOTING, S.APPROVED, "council.record", False),
    (S.VOTING, S.REJECTED, "council.record", True),
    (S.APPROVED, S.DECIDED, "decision.issue", False),
    (S.APPROVED, S.FORWARDED, "nomination.review", False),
    (S.FORWARDED, S.DECIDED, "nomination.review", False),
    (S.DECIDED, S.REVOKED, "decision.issue", True),
    (S.APPROVED, S.RETURNED, "nomination.review", True),
])
def test_each_move_needs_its_role_and_a_reason_where_the_unit_must_read_why(source, target, action, reason):
    move = workflow.move(source, target)
    assert (move.action, move.needs_reason) == (action, reason)
    if reason:
        with pytest.raises(MoveError, match="lý do"):
            workflow.check_move(source, target, reason="  ")
        assert workflow.check_move(source, target, reason="Thiếu biên bản").action == action


@pytest.mark.parametrize(("source", "target"), [
    (S.DRAFT, S.ACCEPTED), (S.DRAFT, S.DECIDED), (S.SUBMITTED, S.DECIDED), (S.ACCEPTED, S.WITHDRAWN),
    (S.DRAFT, S.WITHDRAWN),
    (S.VOTING, S.WITHDRAWN), (S.DECIDED, S.SUBMITTED), (S.REJECTED, S.SUBMITTED), (S.REVOKED, S.DECIDED),
    (S.WITHDRAWN, S.SUBMITTED), (S.VOTING, S.SUBMITTED), (S.APPROVED, S.SUBMITTED),
])
def test_moves_outside_the_table_are_refused(source, target):
    with pytest.raises(MoveError, match="Không thể chuyển"):
        workflow.move(source, target)


def test_the_yearly_path_goes_straight_from_draft_to_decided_by_the_unit_head():
    assert workflow.move(S.DRAFT, S.DECIDED, unit_path=True).action == "unit_titles.decide"
    with pytest.raises(MoveError):
        workflow.move(S.DRAFT, S.SUBMITTED, unit_path=True)


def test_a_council_result_goes_back_to_the_vote_only_as_a_correction_with_a_reason():
    for source in (S.APPROVED, S.REJECTED):
        with pytest.raises(MoveError, match="Không thể chuyển"):
            workflow.move(source, S.VOTING)
        with pytest.raises(MoveError, match="lý do"):
            workflow.check_move(source, S.VOTING, correction=True)
        assert workflow.check_move(source, S.VOTING, reason="Ghi nhầm", correction=True).action == "council.record"
    with pytest.raises(MoveError):
        workflow.move(S.DECIDED, S.VOTING, correction=True)


def test_the_unit_reads_the_secretariats_inner_steps_as_under_review():
    assert {workflow.unit_label(s) for s in (S.SUBMITTED, S.ACCEPTED, S.DISCLOSURE, S.VOTING, S.APPROVED,
                                              S.FORWARDED)} == {"Đang xét"}
    assert workflow.unit_label(S.DECIDED) == "Đã khen thưởng"
    assert workflow.unit_label(S.REJECTED) == "Không được đề nghị"


def test_every_state_has_a_unit_label_and_closed_states_free_the_achievement_key():
    assert set(workflow.UNIT_LABELS) == set(State)
    assert not workflow.is_live(S.WITHDRAWN) and workflow.is_live(S.DECIDED)


def test_achievement_key_one_title_per_year_one_form_per_campaign_item():
    title = dict(award_type_id=1, is_yearly=True, campaign_id=9, subcampaign_id=3, programme_id=None, year=2026)
    assert workflow.achievement_key(person_id=5, organisation_id=None, **title) == "p5:t1:2026"
    form = dict(is_yearly=False, campaign_id=9, subcampaign_id=3, programme_id=None, year=2026)
    giay_khen = workflow.achievement_key(person_id=5, organisation_id=None, award_type_id=7, **form)
    bang_khen = workflow.achievement_key(person_id=5, organisation_id=None, award_type_id=8, **form)
    assert giay_khen == bang_khen                                   # one achievement, one award
    per_programme = workflow.achievement_key(person_id=5, organisation_id=None, award_type_id=7,
                                             **{**form, "programme_id": 4})
    assert per_programme != giay_khen                               # 2.1: one per programme


# --- Dated rules, money, working days -----------------------------------------------------------------


def test_the_rule_in_force_is_the_latest_started_on_the_date():
    old = Rule(RuleKind.BONUS, True, date(2018, 1, 1), date(2025, 6, 30), coefficient=D("0.3"))
    new = Rule(RuleKind.BONUS, True, date(2025, 7, 1), coefficient=D("0.3"))
    assert rules.in_force([old, new], RuleKind.BONUS, date(2025, 1, 1)) is old
    assert rules.in_force([old, new], RuleKind.BONUS, date(2026, 1, 1)) is new
    assert rules.in_force([old, new], RuleKind.BONUS, date(2017, 1, 1)) is None


def test_bonus_uses_the_base_salary_in_force_on_the_decision_date():
    table = [(date(2019, 7, 1), D(1490000)), (date(2023, 7, 1), D(1800000)), (date(2024, 7, 1), D(2340000))]
    assert rules.salary_on(table, date(2024, 6, 30)) == D(1800000)
    assert rules.salary_on(table, date(2026, 1, 5)) == D(2340000)
    assert rules.bonus(D("0.3"), D(2340000)) == D(702000)           # LĐTT
    assert rules.bonus(D("1.5"), D(1800000)) == D(2700000)
    assert rules.bonus(None, D(2340000)) is None


def test_working_days_skip_weekends_and_holidays():
    holidays = [date(2026, 4, 30), date(2026, 5, 1)]
    # Monday 27/04/2026 + 10 working days, Thursday 30/4 and Friday 1/5 off.
    assert rules.add_working_days(date(2026, 4, 27), 10, holidays) == date(2026, 5, 12)
    assert rules.add_working_days(date(2026, 1, 5), 10, []) == date(2026, 1, 16)
    assert rules.working_days_between(date(2026, 4, 27), date(2026, 5, 12), holidays) == 10


def test_authority_of_the_campaign_owner():
    assert rules.authority_of("department") == Authority.DEPARTMENT
    assert rules.authority_of("hospital") == Authority.UNIT_HEAD
    assert rules.within(Authority.UNIT_HEAD, Authority.DEPARTMENT)
    assert not rules.within(Authority.PROVINCE, Authority.DEPARTMENT)


# --- Eligibility -----------------------------------------------------------------------------------------

SINCE = date(2024, 1, 1)
CSTD_TINH = (
    Rule(RuleKind.AUTHORITY, True, SINCE, authority=Authority.PROVINCE),
    Rule(RuleKind.PREREQUISITE, True, SINCE, related_code="CSTDCS", related_label="CSTĐCS", count=3),
    Rule(RuleKind.INITIATIVE, True, SINCE, initiative_level=InitiativeLevel.DEPARTMENT),
)
LDTT = (
    Rule(RuleKind.AUTHORITY, True, SINCE, authority=Authority.UNIT_HEAD),
    Rule(RuleKind.APPRAISAL, True, SINCE, grade=Grade.GOOD),
)


def facts(**kwargs):
    base = dict(award_label="Lao động tiên tiến", award_recipient_kind="individual", nominee_kind="individual",
                year=2026, rules=LDTT, owner_authority=Authority.DEPARTMENT, owner_name="Sở Y tế")
    return Facts(**{**base, **kwargs})


def by_code(checks):
    return {c.code: c for c in checks}


def test_a_good_ldtt_candidate_passes_every_check():
    checks = eligibility.check(facts(appraisal=Grade.GOOD))
    assert {c.code: c.status for c in checks} == {"recipient": OK, "appraisal": OK, "holds": OK, "key": OK,
                                                   "authority": OK}
    assert eligibility.summary(checks) == OK


def test_appraisal_below_the_rule_fails_and_a_missing_one_is_not_checked():
    assert by_code(eligibility.check(facts(appraisal=Grade.DONE)))["appraisal"].status == FAIL
    missing = by_code(eligibility.check(facts()))["appraisal"]
    assert missing.status == UNKNOWN and "Chưa ghi nhận" in missing.detail


def test_a_collective_cannot_take_an_individual_title():
    assert by_code(eligibility.check(facts(nominee_kind="collective")))["recipient"].status == FAIL


def test_three_consecutive_cstdcs_counted_by_achievement_year():
    held = frozenset({("CSTDCS", 2024), ("CSTDCS", 2025), ("CSTDCS", 2026)})
    base = dict(award_label="CSTĐ cấp tỉnh", rules=CSTD_TINH, initiatives=(("Phần mềm đặt lịch khám", "department",
                                                                             2026),))
    assert by_code(eligibility.check(facts(held_titles=held, **base)))["prerequisite"].status == OK
    # The third year may still be being decided: ending the year before counts too.
    held_before = frozenset({("CSTDCS", 2023), ("CSTDCS", 2024), ("CSTDCS", 2025)})
    assert by_code(eligibility.check(facts(held_titles=held_before, **base)))["prerequisite"].status == OK
    gap = frozenset({("CSTDCS", 2023), ("CSTDCS", 2025), ("CSTDCS", 2026)})
    check = by_code(eligibility.check(facts(held_titles=gap, **base)))["prerequisite"]
    assert check.status == FAIL and "2023, 2025, 2026" in check.detail


def test_an_initiative_must_be_recognised_at_the_level_in_the_year():
    base = dict(award_label="CSTĐ cấp tỉnh", rules=CSTD_TINH)
    assert by_code(eligibility.check(facts(initiatives=(("Sáng kiến A", "unit", 2026),), **base)))[
        "initiative"].status == FAIL
    assert by_code(eligibility.check(facts(initiatives=(("Sáng kiến A", "province", 2026),), **base)))[
        "initiative"].status == OK


def test_above_the_owners_authority_is_a_proposal_upward_not_a_failure():
    check = by_code(eligibility.check(facts(award_label="CSTĐ cấp tỉnh", rules=CSTD_TINH)))["authority"]
    assert check.status == INFO and "tờ trình" in check.detail


def test_a_disabled_or_missing_rule_reads_not_checked():
    disabled = (Rule(RuleKind.AUTHORITY, False, SINCE, authority=Authority.PROVINCE, text="Cờ thi đua tỉnh"),)
    assert by_code(eligibility.check(facts(rules=disabled)))["authority"].status == UNKNOWN
    assert "chưa kiểm tra" in by_code(eligibility.check(facts(rules=())))["authority"].detail


def test_a_hold_in_the_achievement_year_fails():
    hold = Hold("Đang bị điều tra", date(2026, 3, 1), None)
    check = by_code(eligibility.check(facts(holds=(hold,), appraisal=Grade.GOOD)))["holds"]
    assert check.status == FAIL and "01/03/2026" in check.detail
    ended = Hold("Đang chịu kỷ luật", date(2024, 1, 1), date(2025, 6, 30))
    assert by_code(eligibility.check(facts(holds=(ended,))))["holds"].status == OK


def test_one_achievement_one_award():
    check = by_code(eligibility.check(facts(duplicate="Giấy khen – tờ trình của Bệnh viện A")))["key"]
    assert check.status == FAIL and "Bệnh viện A" in check.detail


def test_seed_000_a_commune_qualifies_when_it_met_every_key_target():
    kwargs = dict(nominee_kind="collective", award_recipient_kind="collective", award_label="Giấy khen")
    met = IndicatorFacts("Năm 2021", total=6, met=6, no_data=0)
    short = IndicatorFacts("Năm 2021", total=6, met=4, no_data=0)
    waiting = IndicatorFacts("Năm 2021", total=6, met=4, no_data=2)
    assert by_code(eligibility.check(facts(indicators=met, **kwargs)))["indicators"].status == OK
    assert "đạt 4/6" in by_code(eligibility.check(facts(indicators=short, **kwargs)))["indicators"].detail
    assert by_code(eligibility.check(facts(indicators=waiting, **kwargs)))["indicators"].status == UNKNOWN


def test_ratio_cap():
    assert by_code(eligibility.check(facts(ratio=(D(15), "LĐTT", 40, 6))))["ratio"].status == OK
    check = by_code(eligibility.check(facts(ratio=(D(15), "LĐTT", 40, 7))))["ratio"]
    assert check.status == FAIL and "tối đa 15% = 6" in check.detail


# --- Quota counting --------------------------------------------------------------------------------------


def test_only_approved_forwarded_and_decided_take_a_slot():
    assert {s for s in State if quotas.takes_slot(s)} == {S.APPROVED, S.FORWARDED, S.DECIDED}


def test_the_quota_lives_at_the_nearest_level_that_has_one():
    assert quotas.scope_for(campaign_id=1, subcampaign_id=2, programme_id=3, limited={3, 2}).programme_id == 3
    assert quotas.scope_for(campaign_id=1, subcampaign_id=2, programme_id=None, limited={2}).subcampaign_id == 2
    assert quotas.scope_for(campaign_id=1, subcampaign_id=2, programme_id=None, limited={None}).key == (1, None)


def test_what_is_left_reads_as_the_plans_write_it():
    uses = [quotas.Use("collective", 5, 3), quotas.Use("individual", 10, 6)]
    assert quotas.remaining_text(uses) == "còn 2 trong số 05 tập thể, còn 4 trong số 10 cá nhân"
    assert quotas.Use("collective", 0, 0).text == "không xét tập thể"
    assert quotas.approval_problem(quotas.Use("individual", 10, 9), label="mục 2.2") == ""
    assert "Đã đủ số lượng cá nhân của mục 2.2 (10/10)" in quotas.approval_problem(
        quotas.Use("individual", 10, 10), label="mục 2.2")


# --- Council -------------------------------------------------------------------------------------------


def test_the_old_ninety_percent_counts_against_all_members():
    attendance = council.Attendance(total=11, present=9, written=1)
    assert council.quorum_met(attendance, D(50))
    assert not council.outcome(9, attendance, threshold=D(90), denominator=council.ALL).approved   # 9/11 = 81,8 %
    assert council.outcome(10, attendance, threshold=D(90), denominator=council.ALL).approved       # 10/11 = 90,9 %
    result = council.outcome(9, attendance, threshold=D(90), denominator=council.PRESENT)             # 9/10
    assert result.approved and "9/10 phiếu đồng ý (90%" in result.explanation


def test_members_standing_aside_leave_the_denominator():
    attendance = council.Attendance(total=7, present=7, written=0)
    assert council.outcome(5, attendance, threshold=D(80), denominator=council.PRESENT, recused=1).approved  # 5/6


def test_a_tally_larger_than_the_voters_is_refused():
    assert "lớn hơn" in council.tally_problem(6, 3, 2, voters=10)
    assert council.tally_problem(6, 3, 1, voters=10) == ""


def test_the_nominee_and_members_of_the_nominated_unit_stand_aside():
    assert council.must_stand_aside(member_person_id=4, member_org_path="0001.0002.", nominee_person_id=4,
                                    nominee_org_paths=["0001.0009."])
    assert council.must_stand_aside(member_person_id=4, member_org_path="0001.0002.0003.", nominee_person_id=None,
                                    nominee_org_paths=["0001.0002."])
    # The health centre's director, for a station's staff member proposed by the centre.
    assert council.must_stand_aside(member_person_id=4, member_org_path="0001.0002.", nominee_person_id=9,
                                    nominee_org_paths=["0001.0002.0007.", "0001.0002."])
    assert not council.must_stand_aside(member_person_id=4, member_org_path="0001.0003.", nominee_person_id=9,
                                        nominee_org_paths=["0001.0002."])
