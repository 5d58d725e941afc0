"""The campaign lifecycle: states, allowed moves and what each move needs. Pure: no queries.

draft → issued → in progress → under review → closed; a campaign under review may be reopened
(with a reason) while the secretariat still collects results.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")
    IN_PROGRESS = "in_progress", _("Đang triển khai")
    UNDER_REVIEW = "under_review", _("Đang tổng kết, xét khen thưởng")
    CLOSED = "closed", _("Đã kết thúc")


TRANSITIONS: dict[str, tuple[str, ...]] = {
    Status.DRAFT: (Status.ISSUED,),
    Status.ISSUED: (Status.IN_PROGRESS,),
    Status.IN_PROGRESS: (Status.UNDER_REVIEW,),
    Status.UNDER_REVIEW: (Status.CLOSED, Status.IN_PROGRESS),
    Status.CLOSED: (),
}

# What the button says for each move.
ACTION_LABELS: dict[tuple[str, str], str] = {
    (Status.DRAFT, Status.ISSUED): _("Ghi nhận ban hành"),
    (Status.ISSUED, Status.IN_PROGRESS): _("Bắt đầu triển khai"),
    (Status.IN_PROGRESS, Status.UNDER_REVIEW): _("Chuyển sang tổng kết, xét khen thưởng"),
    (Status.UNDER_REVIEW, Status.CLOSED): _("Kết thúc phong trào"),
    (Status.UNDER_REVIEW, Status.IN_PROGRESS): _("Mở lại để tiếp tục triển khai"),
}

# Moves that go backwards must say why.
REASON_REQUIRED = frozenset({(Status.UNDER_REVIEW, Status.IN_PROGRESS)})


def needs_reason(current: str, target: str, *, today, period_end) -> bool:
    """Going back, or summing up before the campaign's period has ended, must say why."""
    if (current, target) in REASON_REQUIRED:
        return True
    ending = target in (Status.UNDER_REVIEW, Status.CLOSED)
    return ending and period_end is not None and today < period_end


def can_move(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, ())


def next_states(current: str) -> tuple[str, ...]:
    return TRANSITIONS.get(current, ())


def missing_for_issue(*, number: int | None, notation: str, issue_date) -> list[str]:
    """Recording the issue needs the registry's number, notation and date (NĐ 30/2020)."""
    missing = []
    if not number:
        missing.append("number")
    if not (notation or "").strip():
        missing.append("notation")
    if issue_date is None:
        missing.append("issue_date")
    return missing


def is_editable(status: str) -> bool:
    return status != Status.CLOSED


LIVE = frozenset({Status.ISSUED, Status.IN_PROGRESS, Status.UNDER_REVIEW})


def collects_reports(status: str) -> bool:
    """Units report, and the secretariat reviews, reminds and grants extensions, only while the
    campaign is live: once closed its figures are the record, and a draft has none yet."""
    return status in LIVE


def edit_needs_reason(status: str, *, sent_for_signature: bool = False) -> bool:
    """Once sent for signature, and after the issue, the plan is a signed document: every
    change says why (it is an amendment listed beside the signed edition)."""
    return sent_for_signature or status not in (Status.DRAFT,)


def plan_problems(*, year: int, period_start, period_end, issue_date, today) -> dict[str, str]:
    """What makes a plan's general information impossible, field by field."""
    problems: dict[str, str] = {}
    if period_start and period_end and not period_start.year <= year <= period_end.year:
        problems["period_start"] = f"Thời gian thi đua phải bao gồm năm thi đua {year}."
    if issue_date is not None and issue_date > today:
        problems["issue_date"] = "Ngày ban hành không được sau hôm nay."
    return problems


def registry_fields_removed(status: str, before: dict, after: dict) -> list[str]:
    """An issued plan keeps the number, notation and date the registry gave it: which of them
    an edit would blank out."""
    if status == Status.DRAFT:
        return []
    return [name for name in ("number", "notation", "issue_date") if before.get(name) and not after.get(name)]
