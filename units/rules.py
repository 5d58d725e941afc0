"""Plain checks on people's data. Pure: "today" is passed in."""

from datetime import date

OLDEST_BIRTH_YEAR = 1920


def birth_date_problem(day: date | None, today: date) -> str:
    """Empty when the birth date is plausible for someone on the staff."""
    if day is None:
        return ""
    if day > today:
        return "Ngày sinh không được sau hôm nay."
    if day.year < OLDEST_BIRTH_YEAR:
        return f"Ngày sinh phải từ năm {OLDEST_BIRTH_YEAR} trở đi."
    return ""
