"""Award money and the reward fund, pure: the amount of a decision line (coefficient × base salary
in force on the decision's date), why an amount is missing, a decision's total, and a fund's ledger
and balance. The rows are passed in, the date too; nothing here reads the database or the clock.

Rounding: domain.md §3.2 leaves the legal rounding rule unverified, so an amount is rounded to the
đồng, half up (awards.rules.bonus); a later verified rule changes that one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from awards.rules import Rule, bonus, in_force

BONUS = "bonus"


@dataclass(frozen=True)
class LineMoney:
    """What a decision line pays, or why the amount is missing (`reason`, shown to the reader)."""

    coefficient: Decimal | None
    base_salary: Decimal | None
    amount: Decimal | None
    reason: str = ""


def line_money(award_label: str, rules: Iterable[Rule], salary: Decimal | None, on: date) -> LineMoney:
    """The money of one line of a decision dated `on`: the award type's bonus rule in force that
    day, if an administrator has confirmed it (enabled), times the base salary in force that day.
    A missing amount says why: no coefficient in the catalogue, a coefficient not yet confirmed, or
    no base salary for the date."""
    rule = in_force(rules, BONUS, on)
    if rule is None or (rule.enabled and rule.coefficient is None):
        return LineMoney(None, None, None, f"{award_label}: danh mục chưa có hệ số tiền thưởng áp dụng tại ngày "
                                           f"{on:%d/%m/%Y}")
    if not rule.enabled:
        return LineMoney(None, None, None, f"{award_label}: hệ số chưa được quản trị xác nhận")
    if salary is None:
        return LineMoney(rule.coefficient, None, None, f"{award_label}: chưa có mức lương cơ sở áp dụng tại ngày "
                                                       f"{on:%d/%m/%Y}")
    return LineMoney(rule.coefficient, salary, bonus(rule.coefficient, salary))


@dataclass(frozen=True)
class MoneySummary:
    total: Decimal
    # Each reason once, with how many lines it leaves without an amount, in the order first met.
    missing: list[tuple[str, int]]

    @property
    def complete(self) -> bool:
        return not self.missing


def summarise(lines: Sequence[LineMoney]) -> MoneySummary:
    """The total of the known amounts and the reasons of the missing ones."""
    total = sum((line.amount for line in lines if line.amount is not None), Decimal(0))
    counts: dict[str, int] = {}
    for line in lines:
        if line.amount is None:
            counts[line.reason] = counts.get(line.reason, 0) + 1
    return MoneySummary(total, list(counts.items()))


@dataclass(frozen=True)
class LedgerRow:
    day: date
    text: str
    money_in: Decimal | None
    money_out: Decimal | None
    balance: Decimal
    link: str = ""


@dataclass(frozen=True)
class Ledger:
    rows: list[LedgerRow]
    money_in: Decimal
    money_out: Decimal

    @property
    def balance(self) -> Decimal:
        return self.money_in - self.money_out


def ledger(allocations: Iterable[tuple[date, Decimal, str]],
           payments: Iterable[tuple[date, Decimal, str, str]]) -> Ledger:
    """A fund's year as a ledger: allocations in (day, amount, text) and decisions' totals out
    (day, amount, text, link), by date (on the same day money in comes first, so a decision paid
    from an allocation received that day does not show a passing deficit), with the running balance."""
    entries = [(day, 0, amount, None, text, "") for day, amount, text in allocations]
    entries += [(day, 1, None, amount, text, link) for day, amount, text, link in payments]
    entries.sort(key=lambda e: (e[0], e[1]))
    rows, balance, total_in, total_out = [], Decimal(0), Decimal(0), Decimal(0)
    for day, _order, money_in, money_out, text, link in entries:
        total_in += money_in or 0
        total_out += money_out or 0
        balance += (money_in or 0) - (money_out or 0)
        rows.append(LedgerRow(day, text, money_in, money_out, balance, link))
    return Ledger(rows, total_in, total_out)


def shortfall(balance: Decimal, amount: Decimal) -> Decimal | None:
    """How much paying `amount` from a fund holding `balance` would overdraw it; None if it does not."""
    after = balance - amount
    return -after if after < 0 else None
