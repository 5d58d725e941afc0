"""The reward fund (quỹ thi đua, khen thưởng): the secretariat records what comes in. What goes out
is never typed: it is read from the issuer's issued decisions (awards.selectors.fund_ledger)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from awards.models import FundAllocation
from awards.services._common import _award_event, _require_on
from common import audit
from common.text import nfc
from units import access
from units.access import SystemActor
from units.models import Organisation, User

FIELDS = ["year", "received_on", "amount", "source", "note"]


@transaction.atomic
def add_fund_allocation(*, by: User | SystemActor, issuer: Organisation, year: int, received_on: date,
                        amount: Decimal, source: str, note: str = "") -> FundAllocation:
    """Record money put into the issuer's fund for a year. A negative amount corrects an earlier
    row and must say why. Raises PermissionDenied outside the secretariat's own body."""
    _require_on(by, "fund.manage", issuer)
    problems = {}
    if not amount:
        problems["amount"] = "Số tiền phải khác 0."
    elif amount < 0 and not note.strip():
        problems["note"] = "Khoản điều chỉnh giảm (số âm) cần ghi lý do."
    if not source.strip():
        problems["source"] = "Ghi nguồn của khoản tiền."
    if received_on and abs(received_on.year - year) > 1:
        problems["received_on"] = f"Ngày ghi nhận không thuộc năm {year} (hoặc năm liền kề)."
    if problems:
        raise ValidationError(problems)
    allocation = FundAllocation(issuer=issuer, year=year, received_on=received_on, amount=amount,
                                source=nfc(source).strip(), note=nfc(note).strip(), entered_by=access.user_or_none(by))
    allocation.full_clean()
    allocation.save()
    _award_event(by, issuer=issuer, action="created", target=allocation, after=audit.snapshot(allocation, FIELDS))
    return allocation
