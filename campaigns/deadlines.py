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


def period_problems(kind: str, year: int | None, deadline: date | None) -> dict[str, str]:
    """What is wrong with a reporting period as typed: a report cannot fall due before its
    period has begun (a six-month or annual report of year N is due in N or early N+1)."""
    problems: dict[str, str] = {}
    if year is not None and not 1900 <= year <= 2100:
        problems["year"] = "Năm phải trong khoảng 1900–2100."
    elif deadline is not None and year is not None:
        if deadline < date(year, 1, 1):
            problems["deadline"] = f"Hạn nộp phải sau ngày 01/01/{year}, khi kỳ báo cáo bắt đầu."
        elif kind in ("six_month", "year") and deadline > date(year + 1, 12, 31):
            problems["deadline"] = f"Hạn nộp quá xa so với kỳ báo cáo năm {year}."
    return problems
