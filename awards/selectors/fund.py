"""Award money as the pages show it: each line's amount or why it is missing, a decision's total,
and an issuer's reward fund for a year (in, out, balance; a decision that would overdraw it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Sum

from awards import money
from awards.models import Decision, DecisionLine, FundAllocation
from awards.selectors.catalogue import base_salary_on, rules_for
from common import clock
from units.models import Organisation


def money_date(decision: Decision) -> date:
    """Money is as in force on the signing date (architecture.md); a draft is priced as if signed today."""
    return decision.issue_date or clock.today()


def decision_money(decision: Decision, lines: list[DecisionLine]) -> tuple[dict[int, str], money.MoneySummary]:
    """line id → why its amount is missing (absent when it has one), and the decision's summary.
    The amounts are the lines' own (fixed when issued; a draft's are computed again on the signing
    date); the reasons come from the catalogue and the base salary as of the money date."""
    on = money_date(decision)
    rule_sets = rules_for({line.award_type_id for line in lines})
    salary = base_salary_on(on)
    reasons: dict[int, str] = {}
    priced = []
    for line in lines:
        if line.bonus is not None:
            priced.append(money.LineMoney(line.coefficient, line.base_salary, line.bonus))
            continue
        live = money.line_money(line.award_type.name, rule_sets.get(line.award_type_id, ()), salary, on)
        if live.reason:
            reason = live.reason
        elif decision.status == Decision.Status.DRAFT:
            reason = f"{line.award_type.name}: hệ số đã được xác nhận sau khi lập dự thảo, sẽ tính khi ban hành"
        else:
            # An issued decision keeps the amounts it was issued with: a coefficient confirmed later
            # does not change it (an amount is added by another decision).
            reason = (f"{line.award_type.name}: hệ số được xác nhận sau khi quyết định ban hành; quyết định đã ban "
                      "hành không tự tính lại")
        reasons[line.pk] = reason
        priced.append(money.LineMoney(None, None, None, reason))
    return reasons, money.summarise(priced)


def decision_total(decision: Decision) -> Decimal:
    return decision.lines.aggregate(total=Sum("bonus"))["total"] or Decimal(0)


def fund_ledger(issuer: Organisation, year: int) -> tuple[money.Ledger, list[FundAllocation]]:
    """The issuer's fund for a year: allocations in, and out the totals of its decisions issued
    that year (a revoked decision's money is recovered, so it does not count). Two queries."""
    allocations = list(FundAllocation.objects.filter(issuer=issuer, year=year).select_related("entered_by"))
    decisions = (Decision.objects.filter(issuer=issuer, status=Decision.Status.ISSUED, issue_date__year=year)
                 .annotate(total=Sum("lines__bonus")).order_by("issue_date", "pk"))
    payments = [(d.issue_date, d.total, f"Quyết định {d.reference}: {d.title}", d.get_absolute_url())
                for d in decisions if d.total]
    ledger = money.ledger([(a.received_on, a.amount, a.source + (f" ({a.note})" if a.note else ""))
                           for a in allocations], payments)
    return ledger, allocations


@dataclass(frozen=True)
class FundWarning:
    issuer: Organisation
    year: int
    available: Decimal      # the balance without this decision
    total: Decimal          # this decision's money
    shortfall: Decimal
    issued: bool

    @property
    def text(self) -> str:
        from common.text import format_number

        fund = f"Quỹ thi đua, khen thưởng năm {self.year} của {self.issuer.name}"
        if self.issued:
            return (f"{fund} không đủ chi quyết định này: số dư trước quyết định {format_number(self.available)} "
                    f"đồng, quyết định chi {format_number(self.total)} đồng, thiếu {format_number(self.shortfall)} "
                    "đồng.")
        return (f"Ban hành quyết định này sẽ vượt số dư {fund}: số dư hiện có {format_number(self.available)} đồng, "
                f"quyết định chi {format_number(self.total)} đồng, thiếu {format_number(self.shortfall)} đồng. "
                "Vẫn ban hành được; hãy kiểm tra nguồn quỹ.")


def fund_warning(decision: Decision, total: Decimal) -> FundWarning | None:
    """A warning (never a refusal) when paying this decision from its issuer's fund of the year of
    its money date leaves the fund below zero. A revoked decision pays nothing."""
    if decision.status == Decision.Status.REVOKED or not total:
        return None
    year = money_date(decision).year
    ledger, _allocations = fund_ledger(decision.issuer, year)
    issued = decision.status == Decision.Status.ISSUED and decision.issue_date.year == year
    available = ledger.balance + (total if issued else 0)
    short = money.shortfall(available, total)
    if short is None:
        return None
    return FundWarning(decision.issuer, year, available, total, short, issued)
