"""indicators/evaluation.py against every target and result the seeds print, every row of
domain.md §2.8 and the boundaries. No database."""

from decimal import Decimal as D

import pytest

from indicators.evaluation import (
    Comparator as C,
)
from indicators.evaluation import (
    Direction,
    ParseError,
    evaluate,
    format_ratio,
    implausible,
    parse_actual,
    parse_number,
    parse_target,
    plan_line,
    progress,
    target_for,
)

H, L, N = Direction.HIGHER, Direction.LOWER, Direction.NONE


@pytest.mark.parametrize(("text", "value"), [
    ("11,88", D("11.88")), ("580.000", D("580000")), ("10.775.000.000", D("10775000000")), ("1.234,5", D("1234.5")),
    ("60,0", D("60.0")), ("84", D("84")), ("0,90", D("0.90")), ("-3,5", D("-3.5")), (" 90,08 ", D("90.08")),
    ("91%", D("91")),
])
def test_vietnamese_numbers(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["11.88", "abc", "1,2,3", "", "1.23.4", "NaN", "1e5", "∞"])
def test_not_numbers(text):
    with pytest.raises(ParseError):
        parse_number(text)


@pytest.mark.parametrize("text", ["9" * 17, "10.000.000.000.000.000", "9999999999999999,99995", "-" + "9" * 30])
def test_a_figure_beyond_what_the_column_holds_is_refused_as_typed(text):
    # numeric(20, 4): 16 digits before the comma; more overflowed the database (a 500).
    with pytest.raises(ParseError, match="số quá lớn"):
        parse_number(text)
    assert parse_number("9" * 16) == D("9" * 16)


@pytest.mark.parametrize("text", ["1/" + "9" * 40, "9" * 20 + "/" + "9" * 21, "2147483648/2147483648"])
def test_a_fraction_beyond_a_count_is_refused(text):
    with pytest.raises(ParseError, match="số quá lớn"):
        parse_actual(text, C.ALL_OF)
    with pytest.raises(ParseError, match="số quá lớn"):
        parse_target(text, H)


def test_a_dot_decimal_gets_a_message_that_says_how_to_write_it():
    with pytest.raises(ParseError, match="dấu phẩy"):
        parse_number("11.88")


# Seed 000's key targets, seed 001's 14 rows and seed 004's appendix, as printed.
@pytest.mark.parametrize(("text", "direction", "comparator", "value", "denominator"), [
    ("≤11,88%", L, C.LTE, D("11.88"), None),
    ("<1%", L, C.LT, D("1"), None),
    ("Không xảy ra ngộ độc thực phẩm lớn", L, C.ZERO_EVENTS, D(0), None),
    ("≥91%", H, C.GTE, D("91"), None),
    ("Duy trì 10 Trạm Y tế đạt chuẩn quốc gia", H, C.MAINTAIN_AT_LEAST, D("10"), None),
    ("Không để xảy ra dịch bệnh lớn trên địa bàn", L, C.ZERO_EVENTS, D(0), None),
    ("580.000", N, C.INFORMATIONAL, D("580000"), None),
    ("11,8", L, C.LTE, D("11.8"), None),
    ("< 110", L, C.LT, D("110"), None),
    ("40,3", H, C.GTE, D("40.3"), None),
    ("≥ 97", H, C.GTE, D("97"), None),
    ("34,1", L, C.LTE, D("34.1"), None),
    ("60,0", H, C.GTE, D("60.0"), None),
    ("< 14", L, C.LT, D("14"), None),
    ("> 80", H, C.GT, D("80"), None),
    ("12/12", H, C.ALL_OF, D("12"), 12),
    ("9,8", H, C.GTE, D("9.8"), None),
    ("3,67", H, C.GTE, D("3.67"), None),
])
def test_targets_as_printed(text, direction, comparator, value, denominator):
    target = parse_target(text, direction)
    assert (target.comparator, target.value, target.denominator, target.text) == (comparator, value, denominator, text)


def _eval(comparator, target_text, actual_text, direction=H, previous=None, override=None):
    target = target_for(comparator, target_text, direction)
    return evaluate(target, parse_actual(actual_text, comparator), previous=previous, override=override)


# Seed 004's appendix: KH 2020, TH 2020 and the printed Tỷ lệ are the reference.
@pytest.mark.parametrize(("comparator", "direction", "plan", "actual", "ratio", "achieved"), [
    (C.LT, L, "< 14", "13,04", ">100", True),
    (C.LT, L, "< 17", "< 17", "100", True),
    (C.LT, L, "< 1", "0,90", ">100", True),
    (C.GT, H, "> 80", "84", "100", True),
    (C.ALL_OF, H, "100", "12/12", "100", True),
    (C.GT, H, "> 90", "95", "100", True),
    (C.GTE, H, "9,8", "9,8", "100", True),
    (C.GTE, H, "3,67", "3,67", "100", True),
    (C.GTE, H, "90", "90,08", "100", True),
])
def test_seed_004_appendix(comparator, direction, plan, actual, ratio, achieved):
    result = _eval(comparator, plan, actual, direction)
    assert (result.display, result.achieved) == (ratio, achieved)


# domain.md §2.8, row by row.
@pytest.mark.parametrize(("comparator", "direction", "plan", "actual", "display", "achieved"), [
    (C.LT, L, "< 14", "13,04", ">100", True),            # lt/lte strictly better
    (C.LTE, L, "≤ 1", "0,90", ">100", True),
    (C.LTE, L, "≤ 14", "14", "100", True),               # lte equal
    (C.LT, L, "< 17", "< 17", "100", True),              # reported as the same bound
    (C.LT, L, "< 14", "14", "99,9", False),              # lt equal: not achieved
    (C.LTE, L, "≤ 14", "15", "93,3", False),             # worse: target ÷ actual
    (C.GT, H, "> 80", "84", "100", True),                # exceeded still reads 100
    (C.GT, H, "> 90", "95", "100", True),
    (C.GTE, H, "90", "90,08", "100", True),
    (C.GTE, H, "≥ 91", "85", "93,4", False),             # actual ÷ target
    (C.GT, H, "> 80", "80", "99,9", False),              # gt equal: not achieved, never "100"
    (C.EQ, H, "= 100", "100", "100", True),
    (C.EQ, H, "= 100", "95", "95", False),
    (C.EQ, H, "= 100", "105,3", "105,3", False),         # eq: above or below
    (C.ALL_OF, H, "12/12", "12/12", "100", True),
    (C.ALL_OF, H, "12/12", "11/12", "91,7", False),
    (C.ALL_OF, H, "100", "12/12", "100", True),          # a station count against 100 %
    (C.MAINTAIN_AT_LEAST, H, "Duy trì 10 trạm", "10", "100", True),
    (C.MAINTAIN_AT_LEAST, H, "Duy trì 10 trạm", "9", "90", False),
    (C.ZERO_EVENTS, L, "Không xảy ra ngộ độc thực phẩm lớn", "0", "Đạt", True),
    (C.ZERO_EVENTS, L, "Không xảy ra ngộ độc thực phẩm lớn", "Không", "Đạt", True),
    (C.ZERO_EVENTS, L, "Không xảy ra ngộ độc thực phẩm lớn", "1", "Không đạt", False),
    (C.INFORMATIONAL, N, "580.000", "575.000", "—", None),
    (C.QUALITATIVE, N, "Công đoàn vững mạnh", "Đạt", "Đạt", True),
    (C.QUALITATIVE, N, "Công đoàn vững mạnh", "Không đạt", "Không đạt", False),
    (C.GTE, H, "100", "4/4", "100", True),               # a fraction against a rate is that rate
    (C.GTE, H, "100", "3/4", "75", False),
    (C.LTE, L, "≤ 20", "1/10", ">100", True),
    (C.LTE, L, "≤ 20", "< 17", ">100", True),            # a bound strictly inside the target
    (C.LTE, L, "≤ 17", "< 17", "100", True),
    (C.LTE, L, "≤ 20", "< 25", "80", False),             # a bound outside it proves nothing
    (C.GT, H, "> 80", "> 80", "100", True),
])
def test_domain_table(comparator, direction, plan, actual, display, achieved):
    result = _eval(comparator, plan, actual, direction)
    assert (result.display, result.achieved) == (display, achieved)


def test_change_by_compares_with_the_previous_value():
    # Seed 001 row 2: "Mức giảm tỷ lệ sinh 0,3" — the unit types the new rate, not the change.
    assert _eval(C.CHANGE_BY, "0,3", "1,5", L, previous=D("1.8")).display == "100"
    fell_less = _eval(C.CHANGE_BY, "0,3", "1,6", L, previous=D("1.8"))
    assert (fell_less.achieved, fell_less.display) == (False, "66,7")
    no_history = _eval(C.CHANGE_BY, "0,3", "1,6", L, previous=None)
    assert (no_history.achieved, no_history.status) == (None, "Chưa có số liệu")


def test_missing_value_is_no_data_not_a_failure():
    for comparator, plan in [(C.LT, "< 14"), (C.GTE, "90"), (C.ZERO_EVENTS, "Không xảy ra"), (C.ALL_OF, "12/12")]:
        result = _eval(comparator, plan, "")
        assert (result.achieved, result.display, result.status) == (None, "", "Chưa có số liệu")


def test_an_override_replaces_the_verdict_and_keeps_the_ratio():
    result = _eval(C.GTE, "≥ 91", "85", override=True)
    assert (result.achieved, result.display, result.overridden) == (True, "Đạt", True)
    assert format_ratio(result.ratio) == "93,4"


@pytest.mark.parametrize(("ratio", "achieved", "text"), [
    (D("93.0"), None, "93"), (D("93.35"), None, "93,4"), (D("99.96"), False, "99,9"), (D("99.96"), True, "100"),
    (D("91.6666"), False, "91,7"), (D("105.26"), False, "105,3"),
])
def test_ratio_formatting(ratio, achieved, text):
    assert format_ratio(ratio, achieved=achieved) == text


@pytest.mark.parametrize(("text", "comparator", "message"), [
    ("13/12", C.ALL_OF, "tử số"), ("1/0", C.ALL_OF, "mẫu số"), ("-5", C.GTE, "âm"), ("≤ 5", C.LT, "cận trên"),
    ("11.88", C.LTE, "dấu phẩy"),
    ("< 95", C.GTE, "cận trên, không chứng minh"), ("> 3", C.LTE, "cận dưới, không chứng minh"),
    ("> 3", C.EQ, "số liệu cụ thể"), ("< 1", C.ZERO_EVENTS, "số liệu cụ thể"), ("< 1", C.ALL_OF, "số liệu cụ thể"),
    ("9/10", C.MAINTAIN_AT_LEAST, "số lượng"),
])
def test_bad_actuals_say_what_is_wrong(text, comparator, message):
    with pytest.raises(ParseError, match=message):
        parse_actual(text, comparator)


def test_progress_is_bounded():
    assert progress(_eval(C.GTE, "≥ 91", "85")) == 93
    assert progress(_eval(C.LT, "< 14", "13,04")) == 100
    assert progress(_eval(C.GTE, "≥ 91", "")) is None
    assert progress(_eval(C.ZERO_EVENTS, "Không xảy ra", "0")) == 100


@pytest.mark.parametrize(("text", "unit", "refused"), [
    ("580.000", "%", True), ("9.999.999", "%", True), ("1.000", "%", False), ("150", "%", False),
    ("580.000", "Người", False), ("4/4", "%", False),
])
def test_a_percentage_that_cannot_be_one_is_refused(text, unit, refused):
    message = implausible(parse_actual(text, C.GTE), unit)
    assert bool(message) is refused
    if refused:
        assert "kiểm tra lại" in message


@pytest.mark.parametrize(("label", "target", "comparator", "line"), [
    # The label already says the target: printed once, not "… lớn không xảy ra ngộ độc thực phẩm lớn".
    ("Không xảy ra ngộ độc thực phẩm lớn", "không xảy ra ngộ độc thực phẩm lớn", C.ZERO_EVENTS,
     "Không xảy ra ngộ độc thực phẩm lớn"),
    ("Không xảy ra ngộ độc thực phẩm lớn", "Không xảy ra", C.ZERO_EVENTS, "Không xảy ra ngộ độc thực phẩm lớn"),
    ("Không để xảy ra dịch bệnh lớn", "", C.ZERO_EVENTS, "Không để xảy ra dịch bệnh lớn"),
    # A "no event" target goes before what must not happen.
    ("Ngộ độc thực phẩm lớn", "Không xảy ra", C.ZERO_EVENTS, "Không xảy ra ngộ độc thực phẩm lớn"),
    ("Ngộ độc thực phẩm lớn", "", C.ZERO_EVENTS, "Không xảy ra ngộ độc thực phẩm lớn"),
    ("Ngộ độc thực phẩm lớn", "Không xảy ra ngộ độc thực phẩm lớn", C.ZERO_EVENTS,
     "Không xảy ra ngộ độc thực phẩm lớn"),
    ("HIV lây truyền từ mẹ sang con", "Không có", C.ZERO_EVENTS, "Không có HIV lây truyền từ mẹ sang con"),
    # The target already holds the label.
    ("Trạm Y tế đạt chuẩn quốc gia", "Duy trì 10 Trạm Y tế đạt chuẩn quốc gia", C.MAINTAIN_AT_LEAST,
     "Duy trì 10 Trạm Y tế đạt chuẩn quốc gia"),
    # Otherwise label and target, even where the label holds the target's digits.
    ("Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể cân nặng/tuổi", "≤11,88%", C.LTE,
     "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể cân nặng/tuổi ≤11,88%"),
    ("Số giường bệnh trên 10.000 dân", "10", C.GTE, "Số giường bệnh trên 10.000 dân 10"),
    ("Tỷ lệ tiêm chủng đầy đủ", "", C.GTE, "Tỷ lệ tiêm chủng đầy đủ"),
])
def test_the_plans_sentence_says_the_target_once(label, target, comparator, line):
    assert plan_line(label, target, comparator) == line
