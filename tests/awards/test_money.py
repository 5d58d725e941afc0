"""Award money and the fund ledger, without the database (awards/money.py)."""

from datetime import date
from decimal import Decimal as D

import pytest

from awards import money
from awards.rules import Rule

ND152 = date(2025, 7, 1)
SALARY = D(2340000)


def bonus_rule(coefficient, enabled=True, start=ND152, end=None):
    return Rule("bonus", enabled, start, end, coefficient=None if coefficient is None else D(coefficient))


@pytest.mark.parametrize(("coefficient", "amount"), [
    ("0.3", D(702000)),       # Giấy khen cá nhân, LĐTT (NĐ 152/2025 Art. 54(1), Art. 51)
    ("1.0", D(2340000)),      # CSTĐCS
    ("0.8", D(1872000)),      # TTLĐTT
    ("1.5", D(3510000)),      # TTLĐXS, Bằng khen tỉnh
    ("4.5", D(10530000)),     # CSTĐ toàn quốc
])
def test_amount_is_coefficient_times_base_salary(coefficient, amount):
    paid = money.line_money("Giấy khen", [bonus_rule(coefficient)], SALARY, date(2026, 11, 5))
    assert (paid.coefficient, paid.base_salary, paid.amount, paid.reason) == (D(coefficient), SALARY, amount, "")


def test_amount_is_rounded_half_up_to_the_dong():
    # The legal rounding rule is unverified (domain.md §3.2): to the đồng, half up.
    assert money.line_money("X", [bonus_rule("0.5")], D(1490001), date(2026, 1, 1)).amount == D(745001)  # ,5 up
    assert money.line_money("X", [bonus_rule("0.3")], D(1490005), date(2026, 1, 1)).amount == D(447002)  # ,5 up
    assert money.line_money("X", [bonus_rule("0.33")], D(1490001), date(2026, 1, 1)).amount == D(491700)  # ,33


def test_unconfirmed_coefficient_gives_no_amount_and_says_why():
    paid = money.line_money("Giấy khen tập thể", [bonus_rule(None, enabled=False)], SALARY, date(2026, 1, 5))
    assert paid.amount is None
    assert paid.reason == "Giấy khen tập thể: hệ số chưa được quản trị xác nhận"
    # A figure typed in but not confirmed is not paid either.
    assert money.line_money("X", [bonus_rule("0.6", enabled=False)], SALARY, date(2026, 1, 5)).amount is None


def test_no_rule_in_force_on_the_decision_date_says_so():
    paid = money.line_money("Lao động tiên tiến", [bonus_rule("0.3")], SALARY, date(2025, 6, 30))
    assert paid.amount is None
    assert paid.reason == "Lao động tiên tiến: danh mục chưa có hệ số tiền thưởng áp dụng tại ngày 30/06/2025"
    assert money.line_money("X", [], SALARY, date(2026, 1, 1)).reason.startswith("X: danh mục chưa có hệ số")


def test_no_base_salary_for_the_date_says_so():
    paid = money.line_money("X", [bonus_rule("0.3")], None, date(2026, 1, 1))
    assert paid.amount is None and paid.coefficient == D("0.3")
    assert "chưa có mức lương cơ sở" in paid.reason


def test_the_rule_in_force_on_the_date_is_the_one_paid():
    old = bonus_rule("0.3", start=date(2024, 1, 1), end=date(2025, 6, 30))
    new = bonus_rule("0.5")
    assert money.line_money("X", [old, new], SALARY, date(2025, 6, 30)).amount == D(702000)
    assert money.line_money("X", [old, new], SALARY, date(2025, 7, 1)).amount == D(1170000)


def test_summary_totals_known_amounts_and_groups_the_reasons():
    lines = [money.LineMoney(D("0.3"), SALARY, D(702000)), money.LineMoney(D("0.3"), SALARY, D(702000)),
             money.LineMoney(None, None, None, "A: hệ số chưa được quản trị xác nhận"),
             money.LineMoney(None, None, None, "B: danh mục chưa có hệ số"),
             money.LineMoney(None, None, None, "A: hệ số chưa được quản trị xác nhận")]
    summary = money.summarise(lines)
    assert summary.total == D(1404000) and not summary.complete
    assert summary.missing == [("A: hệ số chưa được quản trị xác nhận", 2), ("B: danh mục chưa có hệ số", 1)]
    assert money.summarise([]).complete and money.summarise([]).total == 0


def test_ledger_runs_the_balance_by_date_money_in_first_on_a_day():
    ledger = money.ledger(
        [(date(2026, 1, 10), D(50000000), "Dự toán"), (date(2026, 11, 5), D(1000000), "Bổ sung"),
         (date(2026, 6, 1), D(-2000000), "Điều chỉnh")],
        [(date(2026, 11, 5), D(3000000), "QĐ 125", "/qd/1"), (date(2026, 3, 2), D(45000000), "QĐ 7", "/qd/2")])
    assert [(r.text, r.balance) for r in ledger.rows] == [
        ("Dự toán", D(50000000)), ("QĐ 7", D(5000000)), ("Điều chỉnh", D(3000000)), ("Bổ sung", D(4000000)),
        ("QĐ 125", D(1000000))]
    assert (ledger.money_in, ledger.money_out, ledger.balance) == (D(49000000), D(48000000), D(1000000))
    assert ledger.rows[-1].link == "/qd/1" and ledger.rows[-1].money_in is None


@pytest.mark.parametrize(("balance", "amount", "short"), [
    (D(1000000), D(1000000), None),        # spending exactly the balance is not an overdraft
    (D(1000000), D(1000001), D(1)),
    (D(0), D(702000), D(702000)),          # nothing allocated yet
    (D(-5), D(10), D(15)),
])
def test_shortfall(balance, amount, short):
    assert money.shortfall(balance, amount) == short
