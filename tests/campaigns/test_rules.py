"""The campaign lifecycle, deadlines and quota wording: pure rules, no database."""

from datetime import date, datetime

import pytest

from campaigns import deadlines, lifecycle
from campaigns.formatting import close_line, per_programme_text, printed_quota_problem, quota_text
from campaigns.lifecycle import Status


@pytest.mark.parametrize(("current", "target", "allowed"), [
    (Status.DRAFT, Status.ISSUED, True),
    (Status.DRAFT, Status.IN_PROGRESS, False),
    (Status.ISSUED, Status.IN_PROGRESS, True),
    (Status.IN_PROGRESS, Status.UNDER_REVIEW, True),
    (Status.UNDER_REVIEW, Status.CLOSED, True),
    (Status.UNDER_REVIEW, Status.IN_PROGRESS, True),
    (Status.CLOSED, Status.IN_PROGRESS, False),
    (Status.ISSUED, Status.DRAFT, False),
])
def test_lifecycle_moves(current, target, allowed):
    assert lifecycle.can_move(current, target) is allowed


def test_every_move_has_a_button_label():
    for current, targets in lifecycle.TRANSITIONS.items():
        for target in targets:
            assert (current, target) in lifecycle.ACTION_LABELS


def test_reopening_needs_a_reason():
    assert (Status.UNDER_REVIEW, Status.IN_PROGRESS) in lifecycle.REASON_REQUIRED


def test_issue_needs_number_notation_and_date():
    assert lifecycle.missing_for_issue(number=None, notation="", issue_date=None) == [
        "number", "notation", "issue_date"]
    assert lifecycle.missing_for_issue(number=5, notation="KH-SYT", issue_date=date(2026, 1, 5)) == []


def test_only_a_closed_campaign_is_frozen_and_only_a_draft_edits_without_reason():
    assert lifecycle.is_editable(Status.UNDER_REVIEW) and not lifecycle.is_editable(Status.CLOSED)
    assert not lifecycle.edit_needs_reason(Status.DRAFT) and lifecycle.edit_needs_reason(Status.ISSUED)


# "Trước ngày 20/6": on time until 19/6 23:59 (architecture.md, reporting period).
@pytest.mark.parametrize(("submitted", "on_time"), [
    (datetime(2022, 6, 19, 23, 59), True),
    (datetime(2022, 6, 20, 0, 0), False),
    (datetime(2022, 6, 1, 8, 0), True),
])
def test_before_deadline_is_exclusive(submitted, on_time):
    assert deadlines.is_on_time(submitted, date(2022, 6, 20), inclusive=False) is on_time


def test_inclusive_deadline_counts_the_day_itself():
    assert deadlines.is_on_time(datetime(2022, 6, 20, 23, 0), date(2022, 6, 20), inclusive=True)
    assert not deadlines.is_on_time(datetime(2022, 6, 21, 0, 1), date(2022, 6, 20), inclusive=True)


def test_no_deadline_is_always_on_time():
    assert deadlines.is_on_time(datetime(2030, 1, 1), None, inclusive=False)
    assert deadlines.days_left(date(2030, 1, 1), None, False) is None


@pytest.mark.parametrize(("today", "days", "text"), [
    (date(2022, 6, 10), 9, "còn 9 ngày"),
    (date(2022, 6, 18), 1, "còn 1 ngày"),
    (date(2022, 6, 19), 0, "hôm nay là hạn cuối"),
    (date(2022, 6, 22), -3, "quá hạn 3 ngày"),
])
def test_days_left_counts_to_the_last_on_time_day(today, days, text):
    left = deadlines.days_left(today, date(2022, 6, 20), inclusive=False)
    assert left == days
    assert deadlines.describe_days_left(left) == text


@pytest.mark.parametrize(("collective", "individual", "note", "expected"), [
    (5, 10, "", "05 tập thể và 10 cá nhân"),
    (0, 10, "", "10 cá nhân"),               # seed 002, item 2.6: individuals only
    (None, 10, "", "10 cá nhân"),
    (5, None, "", "05 tập thể"),
    (None, None, "Theo số lượng phân bổ của từng nội dung thi đua.",
     "Theo số lượng phân bổ của từng nội dung thi đua."),
    (None, None, "", ""),                    # 2.12: no quota is not a zero quota
    (0, 0, "", "Không xét khen thưởng"),
])
def test_quota_text(collective, individual, note, expected):
    assert quota_text(collective, individual, note) == expected


def test_per_programme_quota_reads_as_the_plan_prints_it():
    assert per_programme_text([(5, 10), (5, 10), (5, 10)]) == (
        "05 tập thể và 10 cá nhân cho mỗi chương trình mục tiêu quốc gia")
    assert per_programme_text([(5, 10), (2, 5)]) == "Theo từng chương trình"
    assert per_programme_text([]) == ""


@pytest.mark.parametrize(("text", "collective", "individual"), [
    ("5 tập thể và 10 cá nhân", 5, 10),          # seed 002, items 2.2–2.11: not padded
    ("05 tập thể và 10 cá nhân", 5, 10),         # "05" is 5
    ("10 cá nhân", 0, 10),                       # 2.6: a zero quota needs no words
    ("05 (năm) Tập thể, 10 (mười) cá nhân tiêu biểu năm 2021", 5, 10),  # "2021" counts nothing
    ("Theo số lượng phân bổ của từng nội dung thi đua", None, None),
    ("0 tập thể và 10 cá nhân", 0, 10),
])
def test_a_printed_quota_line_that_states_the_quotas_is_accepted(text, collective, individual):
    assert printed_quota_problem(text, collective, individual) == ""


@pytest.mark.parametrize(("text", "collective", "individual", "words"), [
    ("5 tập thể và 10 cá nhân", 6, 10, "ghi 5 tập thể nhưng số lượng tập thể là 6"),
    ("10 tập thể và 5 cá nhân", 5, 10, "ghi 10 tập thể nhưng số lượng tập thể là 5"),
    ("5 tập thể", 5, 10, "không ghi số lượng cá nhân (10)"),
    ("5 tập thể và 10 cá nhân", None, 10, "ghi 5 tập thể nhưng số lượng tập thể chưa được nhập"),
    ("5 tập thể, 3 tập thể và 10 cá nhân", 5, 10, "ghi 2 số lượng tập thể"),
    ("Theo số lượng phân bổ", 5, None, "không ghi số lượng tập thể (5)"),
])
def test_a_printed_quota_line_whose_numbers_differ_is_refused(text, collective, individual, words):
    problem = printed_quota_problem(text, collective, individual)
    assert problem.startswith("Dòng số lượng như văn bản in không khớp") and words in problem


@pytest.mark.parametrize(("text", "mark", "printed"), [
    ("Phòng Kế hoạch – Tài chính", ".", "Phòng Kế hoạch – Tài chính."),
    ("Ban Thi đua – Khen thưởng tỉnh và các Sở, ban ngành, đoàn thể", "", "Ban Thi đua – Khen thưởng tỉnh và các Sở, "
                                                                          "ban ngành, đoàn thể"),  # seed 002, item 1
    ("Văn phòng Sở.", ".", "Văn phòng Sở."),      # typed with its own stop: not doubled
    ("Văn phòng Sở ", ";", "Văn phòng Sở;"),
    ("", ".", ""),
])
def test_an_item_line_ends_with_the_mark_the_issuer_printed(text, mark, printed):
    assert close_line(text, mark) == printed


@pytest.mark.parametrize(("kind", "year", "deadline", "field"), [
    ("six_month", 2027, date(2020, 6, 20), "deadline"),   # due before the period began
    ("year", 2026, date(2029, 1, 1), "deadline"),         # too far after it
    ("year", -2027, None, "year"),
    ("year", 2026, date(2026, 12, 20), None),
    ("year", 2026, date(2027, 1, 15), None),              # an annual report due early next year
    ("ad_hoc", 2026, date(2030, 1, 1), None),
])
def test_period_problems(kind, year, deadline, field):
    problems = deadlines.period_problems(kind, year, deadline)
    assert (field in problems) if field else problems == {}


def test_plan_period_must_cover_its_year_and_issue_is_not_in_the_future():
    assert lifecycle.plan_problems(year=2026, period_start=date(2030, 1, 1), period_end=date(2030, 12, 31),
                                   issue_date=None, today=date(2026, 11, 23)) == {
        "period_start": "Thời gian thi đua phải bao gồm năm thi đua 2026."}
    assert "issue_date" in lifecycle.plan_problems(year=2026, period_start=None, period_end=None,
                                                   issue_date=date(2027, 1, 1), today=date(2026, 11, 23))


def test_an_issued_plan_keeps_its_registry_fields():
    before = {"number": 15, "notation": "KH-SYT", "issue_date": date(2026, 1, 5)}
    after = {"number": None, "notation": "KH-SYT", "issue_date": None}
    assert lifecycle.registry_fields_removed(Status.ISSUED, before, after) == ["number", "issue_date"]
    assert lifecycle.registry_fields_removed(Status.DRAFT, before, after) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("trước ngày 20/6", (date(2022, 6, 20), False)),
    ("chậm nhất ngày 20/12", (date(2022, 12, 20), True)),
    ("đến hết ngày 5 / 1 / 2023", (date(2023, 1, 5), True)),
    ("định kỳ 06 tháng", (None, None)),
    ("trước ngày 31/2", (None, None)),
])
def test_deadline_text_is_read_as_printed(text, expected):
    assert deadlines.parse_deadline_text(text, 2022) == expected


def test_printed_deadline_and_date_must_agree():
    problems = deadlines.period_problems("six_month", 2026, date(2026, 7, 20), deadline_text="trước ngày 25/7")
    assert "deadline" in problems
    assert deadlines.period_problems("six_month", 2026, date(2026, 7, 25), deadline_text="trước ngày 25/7") == {}


def test_a_period_belongs_to_the_plans_years():
    assert "year" in deadlines.period_problems("year", 2031, None, campaign_year=2026)
    assert deadlines.period_problems("year", 2027, None, campaign_year=2026) == {}


def test_basis_lines_are_worded_as_documents_cite_them():
    from campaigns.formatting import compose_basis, split_lead

    assert compose_basis(kind="Luật", number="", issued_on=date(2022, 6, 15), issuer_name="Quốc hội",
                         subject="Thi đua, khen thưởng") == "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"
    assert compose_basis(kind="Kế hoạch", number="42/KH-UBND", issued_on=date(2021, 4, 4),
                         issuer_name="Ủy ban nhân dân tỉnh Đồng Tháp", subject="") == (
        "Kế hoạch số 42/KH-UBND ngày 04 tháng 4 năm 2021 của Ủy ban nhân dân tỉnh Đồng Tháp")
    assert split_lead("Căn cứ Luật Thi đua, khen thưởng") == ("Căn cứ", "Luật Thi đua, khen thưởng")
    assert split_lead("Luật Thi đua") == ("", "Luật Thi đua")


def test_a_va_joiner_keeps_its_space_and_the_sentence_goes_on():
    from types import SimpleNamespace

    from campaigns.formatting import legal_basis_paragraphs

    def row(lead, text, separator):
        return SimpleNamespace(lead=lead, text=text, separator=separator)

    # A form strips the leading space of " và": typed by hand, the joiner arrives as "và".
    rows = [row("Căn cứ", "Luật A năm 2026", "và"), row("Căn cứ", "Kế hoạch B", ""), row("", "Kế hoạch C", " và")]
    paragraphs = legal_basis_paragraphs(rows, has_preamble=False)
    printed = [[(basis.text, joiner) for basis, joiner in paragraph] for paragraph in paragraphs]
    # The row after "và" stays in the sentence even with a lead word of its own; the last row has
    # nothing to join, so it ends the căn cứ with "." instead of a dangling "và".
    assert printed == [[("Luật A năm 2026", " và"), ("Kế hoạch B", ";"), ("Kế hoạch C", ".")]]
    assert "".join(f"{basis.text}{joiner} " for basis, joiner in paragraphs[0]).strip() == (
        "Luật A năm 2026 và Kế hoạch B; Kế hoạch C.")
    assert [len(p) for p in legal_basis_paragraphs([row("Căn cứ", "A", ";"), row("Căn cứ", "B", ".")],
                                                   has_preamble=False)] == [1, 1]


def test_a_passed_deadline_is_a_warning_the_day_after_the_last_day_on_time():
    from campaigns.deadlines import period_warnings

    assert period_warnings(date(2026, 6, 20), False, today=date(2026, 6, 19)) == []
    assert period_warnings(date(2026, 6, 20), True, today=date(2026, 6, 20)) == []
    assert "Hạn nộp 20/06/2026 đã qua" in period_warnings(date(2026, 6, 20), False, today=date(2026, 6, 20))[0]
    assert period_warnings(None, False, today=date(2026, 12, 5)) == []
    # Seed 001's "trước ngày 20/6" for the first half is the usual practice; 20/5 is not.
    assert period_warnings(date(2027, 6, 20), False, today=date(2026, 12, 5), kind="six_month", year=2027) == []
    assert "sớm hơn tháng cuối" in period_warnings(date(2027, 5, 20), False, today=date(2026, 12, 5),
                                                    kind="six_month", year=2027)[0]
    assert period_warnings(date(2027, 11, 20), False, today=date(2026, 12, 5), kind="ad_hoc", year=2027) == []
