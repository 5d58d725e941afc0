"""Reporting deadlines as the plans print them. Pure: "today" and times are passed in.

"Trước ngày 20/6" means on time until 19/6 23:59 Asia/Ho_Chi_Minh; "chậm nhất ngày 20/6" (an
inclusive deadline) until 20/6 23:59.
"""

import re
from datetime import date, datetime, timedelta

from common.plausible import DIGITS_MESSAGE, NonAsciiDigit, ascii_digits


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


# [0-9], not \d: "٢٠/٦" is not 20/6 (common.plausible).
_DAY_MONTH = re.compile(r"([0-9]{1,2})\s*/\s*([0-9]{1,2})(?:\s*/\s*([0-9]{4}))?")


def parse_deadline_text(text: str, year: int) -> tuple[date | None, bool | None]:
    """Read "trước ngày 20/6" as (20/6 of the period's year, exclusive) and "chậm nhất ngày 20/6"
    or "đến hết ngày 20/6" as inclusive; (None, None) when the text names no date, or names it
    with digits other than 0–9 (period_problems says so)."""
    try:
        text = ascii_digits(text or "")
    except NonAsciiDigit:
        return None, None
    match = _DAY_MONTH.search(text)
    if not match:
        return None, None
    day, month, printed_year = int(match[1]), int(match[2]), match[3]
    try:
        deadline = date(int(printed_year) if printed_year else year, month, day)
    except ValueError:
        return None, None
    lowered = (text or "").lower()
    inclusive = "chậm nhất" in lowered or "hết ngày" in lowered or "đến ngày" in lowered
    return deadline, inclusive


def deadline_text_for(deadline: date, inclusive: bool) -> str:
    return f"{'chậm nhất ngày' if inclusive else 'trước ngày'} {deadline.day}/{deadline.month}"


def period_problems(kind: str, year: int | None, deadline: date | None, *, campaign_year: int | None = None,
                    deadline_text: str = "") -> dict[str, str]:
    """What is wrong with a reporting period as typed: it belongs to the plan's years, it cannot
    fall due before it has begun (a report of year N is due in N or early N+1), and the date
    agrees with the deadline as printed."""
    problems: dict[str, str] = {}
    try:
        ascii_digits(deadline_text or "")
    except NonAsciiDigit:
        problems["deadline_text"] = DIGITS_MESSAGE
        return problems
    if year is not None and not 1900 <= year <= 2100:
        problems["year"] = "Năm phải trong khoảng 1900–2100."
        return problems
    if year is not None and campaign_year is not None and abs(year - campaign_year) > 1:
        problems["year"] = f"Kỳ báo cáo phải thuộc năm {campaign_year - 1}–{campaign_year + 1} của kế hoạch."
        return problems
    printed, _inclusive = parse_deadline_text(deadline_text, deadline.year if deadline else (year or 2000))
    if printed is not None and deadline is not None and (printed.day, printed.month) != (deadline.day, deadline.month):
        problems["deadline"] = (f"Hạn nộp {deadline:%d/%m/%Y} khác với hạn như văn bản "
                                f"(“{deadline_text}”). Sửa một trong hai cho khớp.")
    elif deadline is not None and year is not None:
        if deadline < date(year, 1, 1):
            problems["deadline"] = f"Hạn nộp phải sau ngày 01/01/{year}, khi kỳ báo cáo bắt đầu."
        elif kind in ("six_month", "year") and deadline > date(year + 1, 12, 31):
            problems["deadline"] = f"Hạn nộp quá xa so với kỳ báo cáo năm {year}."
    return problems


def period_warnings(deadline: date | None, inclusive: bool, *, today: date, kind: str = "",
                    year: int | None = None) -> list[str]:
    """What the person saving a period should know first (issue 19): a deadline already passed locks
    every unit out of the period as soon as it is saved (a six-month deadline of 20/6 saved in
    December); a deadline more than a month before the period ends asks for a report of a period
    barely begun (plans print "trước ngày 20/6" for the first half: that one is not asked about).
    Warnings, not refusals: recording a past period, or an early deadline, is legitimate."""
    warnings = []
    last = last_on_time_day(deadline, inclusive)
    if last is not None and last < today:
        warnings.append(f"Hạn nộp {deadline:%d/%m/%Y} đã qua: sau khi lưu, các đơn vị không gửi được báo cáo kỳ "
                        "này nữa (chỉ gửi được khi Thường trực cho phép nộp muộn).")
    ends = {"six_month": (6, 30), "year": (12, 31)}.get(kind)
    if deadline is not None and year and ends:
        end = date(year, *ends)
        if deadline < date(year, ends[0], 1):
            warnings.append(f"Hạn nộp {deadline:%d/%m/%Y} sớm hơn tháng cuối của kỳ (kỳ kết thúc {end:%d/%m/%Y}): "
                            "đơn vị phải báo cáo khi kỳ còn hơn một tháng.")
    return warnings
