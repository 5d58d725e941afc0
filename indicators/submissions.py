"""The life of a unit's report for one period, and when its grid is open. Pure: "today" and the
submission time are passed in.

draft → submitted → accepted, or → returned (with a reason) → submitted again. The grid is open
while the report is a draft or returned, until the last on-time day of the period (architecture:
"trước ngày 20/6" closes after 19/6), unless the secretariat granted an exception until a date;
a returned report may always be corrected.
"""

from datetime import date, datetime, timedelta

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


def owes_report(status: str | None) -> bool:
    """Does a reporting unit still owe this period's report: none saved, a draft not sent, or a
    report returned and not sent again? A reminder is for these only; a unit that sent its report
    (waiting or accepted) owes nothing, and one that reports nothing in the campaign is not asked."""
    return status is None or status in (Status.DRAFT, Status.RETURNED)


# How long the secretariat may let a late unit report. An exception is a short grace for a unit
# that missed the deadline (power cut, staff away, a merger): a quarter is the longest an office
# waits before it consolidates without the unit, and it catches a mistyped year (2062, or 2027
# for 2026). Nor may it outlive the figures' use: a report of year N feeds the summing-up of N,
# held by the end of N+1 at the latest (a period of N falls due in N or N+1, campaigns.deadlines).
EXCEPTION_MAX_DAYS = 90


def _horizon(period_year: int, deadline: date | None) -> date:
    """The last day a period's figures are still of use; an unusually late deadline moves it to
    the end of that deadline's year."""
    return date(max(period_year + 1, deadline.year if deadline else 0), 12, 31)


def exception_window(*, today: date, period_year: int, deadline: date | None) -> tuple[date, date]:
    """(first, last) day an exception may run until; empty (last < first) once the period's
    figures are past use."""
    return today, min(today + timedelta(days=EXCEPTION_MAX_DAYS), _horizon(period_year, deadline))


def exception_problem(until: date, *, today: date, period_year: int, deadline: date | None) -> str:
    """Why a unit may not be let report until `until` ("" when it may)."""
    first, last = exception_window(today=today, period_year=period_year, deadline=deadline)
    horizon = _horizon(period_year, deadline)
    if last < first:
        return (f"Số liệu kỳ báo cáo năm {period_year} chỉ dùng đến hết ngày {horizon:%d/%m/%Y}: không cho phép "
                "nộp muộn được nữa.")
    if until < first:
        return "Ngày cho phép phải từ hôm nay trở đi."
    if until > last:
        return (f"Chỉ cho phép nộp muộn đến chậm nhất ngày {last:%d/%m/%Y} (không quá {EXCEPTION_MAX_DAYS} ngày "
                f"kể từ hôm nay và không quá ngày {horizon:%d/%m/%Y} với kỳ báo cáo năm {period_year}).")
    return ""


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
