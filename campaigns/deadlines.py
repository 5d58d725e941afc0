"""Reporting deadlines as the plans print them. Pure: "today" and times are passed in.

"Trước ngày 20/6" means on time until 19/6 23:59 Asia/Ho_Chi_Minh; "chậm nhất ngày 20/6" (an
inclusive deadline) until 20/6 23:59.
"""

from datetime import date, datetime, timedelta


def last_on_time_day(deadline: date | None, inclusive: bool) -> date | None:
    if deadline is None:
        return None
    return deadline if inclusive else deadline - timedelta(days=1)


def is_on_time(submitted_local: datetime, deadline: date | None, inclusive: bool) -> bool:
    """`submitted_local` is a wall-clock time in Asia/Ho_Chi_Minh. No deadline: always on time."""
    last_day = last_on_time_day(deadline, inclusive)
    return last_day is None or submitted_local.date() <= last_day


def days_left(today: date, deadline: date | None, inclusive: bool) -> int | None:
    """Days from today to the last on-time day: 0 is "today is the last day", negative is overdue."""
    last_day = last_on_time_day(deadline, inclusive)
    if last_day is None:
        return None
    return (last_day - today).days


def describe_days_left(days: int | None) -> str:
    if days is None:
        return ""
    if days > 1:
        return f"còn {days} ngày"
    if days == 1:
        return "còn 1 ngày"
    if days == 0:
        return "hôm nay là hạn cuối"
    return f"quá hạn {-days} ngày"
