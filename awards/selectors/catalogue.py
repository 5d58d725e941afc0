"""The catalogue as the pages and rules read it: rules and salaries as of a date, holidays, a unit's
own authority."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from awards.models import AwardRule, AwardType, BaseSalary, Holiday, UnitAuthority
from awards.rules import Rule, salary_on
from units.models import Organisation


def rules_for(award_type_ids) -> dict[int, tuple[Rule, ...]]:
    """award type id → its rules as the pure modules read them. One query."""
    out: dict[int, list[Rule]] = defaultdict(list)
    for row in AwardRule.objects.filter(award_type_id__in=set(award_type_ids)).select_related("related_type"):
        out[row.award_type_id].append(Rule(
            kind=row.kind, enabled=row.enabled, effective_from=row.effective_from, effective_to=row.effective_to,
            legal_basis=row.legal_basis, text=row.text, authority=row.authority, grade=row.grade,
            initiative_level=row.initiative_level, related_code=row.related_type.code if row.related_type else "",
            related_label=row.related_type.label if row.related_type else "", count=row.count, percent=row.percent,
            denominator=row.denominator, coefficient=row.coefficient, needs_verification=row.needs_verification))
    return {key: tuple(value) for key, value in out.items()}


def salary_table() -> list[tuple[date, object]]:
    return list(BaseSalary.objects.values_list("effective_from", "amount"))


def base_salary_on(day: date):
    return salary_on(salary_table(), day)


def holidays() -> list[date]:
    return list(Holiday.objects.values_list("day", flat=True))


def unit_award_types(organisation: Organisation) -> list[AwardType]:
    authority = UnitAuthority.objects.filter(organisation=organisation).first()
    return list(authority.award_types.all()) if authority else []


def authority_holder(organisation: Organisation) -> UnitAuthority | None:
    """The unit, or its nearest ancestor, whose head decides its titles."""
    ancestors = [p for p in organisation.path.split(".") if p]
    candidates = {a.organisation.path: a for a in UnitAuthority.objects.filter(
        organisation__path__in=[".".join(ancestors[:i]) + "." for i in range(1, len(ancestors) + 1)]).select_related(
        "organisation")}
    for i in range(len(ancestors), 0, -1):
        found = candidates.get(".".join(ancestors[:i]) + ".")
        if found:
            return found
    return None
