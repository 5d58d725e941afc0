"""Dated rules and reference tables read as of a date: which rule is in force, the base salary
on a decision date, bonus money, working days, whose authority an award is. Pure: the rows are
passed in, "today" too."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from awards.models import Authority, AwardMode
from units.models import OrganisationKind


@dataclass(frozen=True)
class Rule:
    """What eligibility and the council need of an AwardRule row (built by the selectors)."""

    kind: str
    enabled: bool
    effective_from: date
    effective_to: date | None = None
    legal_basis: str = ""
    text: str = ""
    authority: str = ""
    grade: str = ""
    initiative_level: str = ""
    related_code: str = ""
    related_label: str = ""
    count: int | None = None
    percent: Decimal | None = None
    denominator: str = ""
    coefficient: Decimal | None = None
    needs_verification: bool = False


def in_force(rules: Iterable[Rule], kind: str, on: date) -> Rule | None:
    """The rule of this kind in force on the date (the latest to start, if rows overlap)."""
    matching = [r for r in rules if r.kind == kind and r.effective_from <= on
                and (r.effective_to is None or on <= r.effective_to)]
    return max(matching, key=lambda r: r.effective_from) if matching else None


def default_mode(campaign_form: str) -> str:
    """A nomination's statistics mode before anyone chooses: a thematic campaign's awards are
    "theo chuyên đề", every other campaign's "thường xuyên" (mẫu 0603.N's rows)."""
    return AwardMode.THEMATIC if campaign_form == "thematic" else AwardMode.REGULAR


def criteria_date(achievement_year: int) -> date:
    """Criteria apply as in force in the achievement year (architecture.md): its last day."""
    return date(achievement_year, 12, 31)


def salary_on(table: Sequence[tuple[date, Decimal]], on: date) -> Decimal | None:
    """The base salary in force on a date, from (effective from, amount) rows."""
    earlier = [(start, amount) for start, amount in table if start <= on]
    return max(earlier)[1] if earlier else None


def bonus(coefficient: Decimal | None, base_salary: Decimal | None) -> Decimal | None:
    """Coefficient × base salary, to the đồng; unknown when either is (left blank, editable)."""
    if coefficient is None or base_salary is None:
        return None
    return (coefficient * base_salary).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def is_working_day(day: date, holidays: set[date]) -> bool:
    return day.weekday() < 5 and day not in holidays


def add_working_days(start: date, days: int, holidays: Iterable[date]) -> date:
    """The last day of a window of `days` working days beginning on `start` (counted if it is a
    working day): a disclosure opened on Monday 05/01 for 10 working days ends on Friday 16/01."""
    off = set(holidays)
    day, counted = start, 0
    while True:
        if is_working_day(day, off):
            counted += 1
            if counted >= days:
                return day
        day += timedelta(days=1)


def working_days_between(start: date, end: date, holidays: Iterable[date]) -> int:
    off = set(holidays)
    count, day = 0, start
    while day <= end:
        count += is_working_day(day, off)
        day += timedelta(days=1)
    return count


AUTHORITY_ORDER = list(Authority.values)

OWNER_AUTHORITY = {
    OrganisationKind.DEPARTMENT: Authority.DEPARTMENT,
    OrganisationKind.PROVINCE_COMMITTEE: Authority.PROVINCE,
    OrganisationKind.DISTRICT_COMMITTEE: Authority.DISTRICT,
    OrganisationKind.COMMUNE_COMMITTEE: Authority.COMMUNE,
}


def authority_of(kind: str) -> str:
    """What the head of an organisation of this kind may confer (domain.md §3.3); a subordinate
    unit's head confers only what its delegation allows, checked separately (UnitAuthority)."""
    return OWNER_AUTHORITY.get(kind, Authority.UNIT_HEAD)


def within(authority_needed: str, authority_held: str) -> bool:
    return AUTHORITY_ORDER.index(authority_needed) <= AUTHORITY_ORDER.index(authority_held)


KIND_ORDER = {"law": 0, "decree": 1, "circular": 2}
DATES_MESSAGE = "Ngày kết thúc không được trước ngày bắt đầu áp dụng."


def legal_bases_on(rows: Iterable, on: date, document: str = "decision") -> list:
    """The căn cứ rows (anything with kind, order, effective_from, effective_to, document) a
    document dated `on` cites: in force that day, law before decrees before circulars, then by order."""
    return sorted((r for r in rows if r.document == document and r.effective_from <= on
                   and (r.effective_to is None or on <= r.effective_to)),
                  key=lambda r: (KIND_ORDER.get(r.kind, 9), r.order, r.effective_from))


def overlapping_law(rows: Iterable, candidate) -> object | None:
    """Another law row for the same document whose period meets the candidate's: one Luật Thi đua,
    khen thưởng is in force at a time, so two would print two laws. Decrees and circulars may
    overlap on purpose (an amending decree is cited beside the one it amends)."""
    if candidate.kind != "law":
        return None
    end = candidate.effective_to or date.max
    for row in rows:
        if (row.kind == "law" and row.document == candidate.document and row.pk != candidate.pk
                and row.effective_from <= end and candidate.effective_from <= (row.effective_to or date.max)):
            return row
    return None
