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


def transfer_date_problem(day: date, current_start: date | None, today: date) -> str:
    """A transfer happens on or after the day the current assignment began, and not in the future."""
    if day > today:
        return "Ngày chuyển đơn vị không được sau hôm nay."
    if current_start is not None and day < current_start:
        return f"Ngày chuyển phải từ ngày {current_start:%d/%m/%Y}, khi người này bắt đầu ở đơn vị hiện tại."
    return ""


def closing_date_problem(day: date, active_from: date | None, today: date) -> str:
    """Closures are recorded once in force: not in the future, not before the body existed."""
    if day > today:
        return "Ghi nhận ngừng hoạt động khi quyết định đã có hiệu lực: ngày không được sau hôm nay."
    if active_from is not None and day <= active_from:
        return f"Ngày ngừng hoạt động phải sau ngày bắt đầu hoạt động ({active_from:%d/%m/%Y})."
    if day.year < 1945:
        return "Ngày ngừng hoạt động không hợp lệ."
    return ""
