"""Copying a plan forward to another year ("Sao chép kế hoạch", issue 19 point 1). Pure: no queries.

What moves with the year (dates, the title, the printed deadline's day and month) is computed here;
what only *looks* bound to a year (a căn cứ citing last year's plan, prose naming the year) is
reported for a person to review, never rewritten silently: a plan's legal basis is law, not text.
"""

from __future__ import annotations

import re
from datetime import date

from campaigns import deadlines

# A year as a word: not part of a longer number ("152/2025/NĐ-CP" still names 2025).
_YEAR = re.compile(r"(?<![0-9])(19[0-9]{2}|20[0-9]{2}|2100)(?![0-9])")
# "năm 2026" that names the year a text is about, not the year of a date ("tháng 6 năm 2022").
_ABOUT_YEAR = re.compile(r"(?<!tháng)(?<!tháng [0-9])(?<!tháng [0-9]{2})\s+năm\s+([0-9]{4})(?![0-9])",
                         re.IGNORECASE)
# Documents made for one year: a province's plan, a programme, a guidance letter for the year.
_YEARLY_KINDS = ("kế hoạch", "chương trình", "hướng dẫn", "công văn", "thông báo")


def shift_date(day: date | None, years: int) -> date | None:
    """The same day `years` later (or earlier); 29/02 lands on 28/02 in a year that has none."""
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def replace_year(text: str, old: int, new: int) -> str:
    """`text` with the year `old`, where it stands as a word, made `new` ("năm 2026" → "năm 2027")."""
    if not text or old == new:
        return text
    return re.sub(rf"(?<![0-9]){old}(?![0-9])", str(new), text)


def mentions_year(text: str, year: int) -> bool:
    return any(int(found) == year for found in _YEAR.findall(text or ""))


def years_about(text: str) -> list[int]:
    """Years a text is about ("công tác thi đua năm 2026"), leaving out the years of its dates."""
    return [int(found) for found in _ABOUT_YEAR.findall(text or "")]


def year_bound_reason(*, kind: str, text: str, subject: str, issued_on: date | None, source_year: int) -> str:
    """Why a căn cứ may belong to the source year, or "" when it reads as standing law.

    A căn cứ is year-bound when it is about the source year ("… năm 2026"), or when it is a yearly
    document (a plan, a programme, a guidance letter) about an earlier year or issued in the source
    year or the one before: next year's plan answers next year's documents. A law or decree named
    by its date ("ngày 15 tháng 6 năm 2022") stays as it is."""
    words = f"{text} {subject}"
    about = years_about(words)
    if source_year in about:
        return f"nhắc đến năm {source_year}"
    kind, opening = kind.strip().lower(), text.strip().lower()
    yearly = any(kind.startswith(k) or opening.startswith(k) for k in _YEARLY_KINDS)
    if yearly:
        earlier = [y for y in about if y < source_year]
        if earlier:
            return f"văn bản của năm {max(earlier)}"
        if issued_on is not None and issued_on.year >= source_year - 1:
            return f"văn bản ban hành năm {issued_on.year}"
    return ""


def move_deadline_text(text: str, old: date | None, new: date | None) -> str:
    """The deadline as printed, moved with its date: a printed year follows the date, and a day or
    month that changed (29/2 → 28/2) is printed as the new one."""
    if not text or old is None or new is None:
        return text
    text = replace_year(text, old.year, new.year)
    if (old.day, old.month) == (new.day, new.month):
        return text
    match = deadlines._DAY_MONTH.search(text)
    if not match:
        return text
    moved = f"{new.day}/{new.month}" + (f"/{new.year}" if match[3] else "")
    return text[:match.start()] + moved + text[match.end():]


def copy_title(title: str, source_year: int, target_year: int) -> str:
    return replace_year(title, source_year, target_year)


def review_item(kind: str, key: str, text: str, detail: str = "", url: str = "") -> dict[str, str]:
    """One line of the draft's "Cần xem lại" list, as stored in Campaign.copy_review."""
    return {"kind": kind, "key": key, "text": text, "detail": detail, "url": url}
