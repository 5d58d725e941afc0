"""The life of a unit's report for one period, and when its grid is open. Pure: "today" and the
submission time are passed in.

draft → submitted → accepted, or → returned (with a reason) → submitted again. The grid is open
while the report is a draft or returned, until the last on-time day of the period (architecture:
"trước ngày 20/6" closes after 19/6), unless the secretariat granted an exception until a date;
a returned report may always be corrected.
"""

from datetime import date, datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from campaigns import deadlines


class Status(models.TextChoices):
    DRAFT = "draft", _("Đang nhập")
    SUBMITTED = "submitted", _("Đã gửi, chờ tiếp nhận")
    RETURNED = "returned", _("Bị trả lại – cần bổ sung")
    ACCEPTED = "accepted", _("Đã tiếp nhận")


TRANSITIONS = {
    Status.DRAFT: {Status.SUBMITTED},
    Status.RETURNED: {Status.SUBMITTED},
    Status.SUBMITTED: {Status.ACCEPTED, Status.RETURNED},
    Status.ACCEPTED: {Status.RETURNED},
}
# Who moves a report there: the unit submits; the secretariat accepts or returns.
ACTION_FOR = {Status.SUBMITTED: "results.enter", Status.ACCEPTED: "results.review", Status.RETURNED: "results.review"}
REASON_REQUIRED = {Status.RETURNED}


def can_move(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, set())


def is_editable_status(status: str) -> bool:
    return status in (Status.DRAFT, Status.RETURNED)


def is_open(*, today: date, deadline: date | None, inclusive: bool, status: str, exception_until: date | None) -> bool:
    """May the unit type into the grid today?"""
    if not is_editable_status(status):
        return False
    if status == Status.RETURNED:
        return True
    if exception_until is not None and today <= exception_until:
        return True
    last_day = deadlines.last_on_time_day(deadline, inclusive)
    return last_day is None or today <= last_day


class Timeliness(models.TextChoices):
    ON_TIME = "on_time", _("Đúng hạn")
    LATE = "late", _("Nộp muộn")
    MISSING = "missing", _("Chưa nộp, quá hạn")
    PENDING = "pending", _("Chưa đến hạn")
    RETURNED = "returned", _("Bị trả lại")


def timeliness(*, status: str | None, submitted_local: datetime | None, deadline: date | None, inclusive: bool,
               today: date) -> str:
    """The completeness matrix's word for one unit and period."""
    if status == Status.RETURNED:
        return Timeliness.RETURNED
    if status in (Status.SUBMITTED, Status.ACCEPTED) and submitted_local is not None:
        on_time = deadlines.is_on_time(submitted_local, deadline, inclusive)
        return Timeliness.ON_TIME if on_time else Timeliness.LATE
    last_day = deadlines.last_on_time_day(deadline, inclusive)
    if last_day is not None and today > last_day:
        return Timeliness.MISSING
    return Timeliness.PENDING
