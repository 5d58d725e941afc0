"""The data-driven sentences of a summary report (architecture.md, reports: "32/35 đơn vị báo cáo
đúng hạn…"). Pure: counts in, Vietnamese text out."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from common.text import format_number
from indicators.coverage import INSUFFICIENT
from indicators.evaluation import NO_DATA

MET = "Đạt"
NOT_MET = "Không đạt"


def share(part: int, whole: int) -> str:
    """ "66,7%"; one decimal, none when whole: 8/12 → "66,7%", 6/12 → "50%"."""
    if not whole:
        return ""
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{format_number(value.normalize() if value == value.to_integral() else value)}%"


def completeness_sentence(*, expected: int, on_time: int, late: int, missing: int, pending: int = 0,
                          returned: int = 0) -> str:
    if not expected:
        return "Kỳ này không có đơn vị nào phải báo cáo số liệu."
    parts = [f"{on_time}/{expected} đơn vị gửi báo cáo đúng hạn"]
    if late:
        parts.append(f"{late} đơn vị gửi muộn")
    if returned:
        parts.append(f"{returned} đơn vị bị trả lại để bổ sung")
    if missing:
        parts.append(f"{missing} đơn vị chưa gửi dù đã quá hạn")
    if pending:
        parts.append(f"{pending} đơn vị chưa gửi (chưa đến hạn)")
    return "; ".join(parts) + "."


def indicator_sentence(rows: list[dict]) -> str:
    """ "Trong 9 chỉ tiêu, 7 chỉ tiêu đạt và vượt kế hoạch; 2 chỉ tiêu chưa đạt: …" from rows
    carrying "label", "status" (the campaign verdict's word) and "coverage" ("1/3 đơn vị đã gửi").
    An indicator whose total still waits for units is counted apart, with the coverage: it has not
    failed (issue 13)."""
    judged = [r for r in rows if not r.get("group") and r.get("status") in (MET, NOT_MET, NO_DATA, INSUFFICIENT)]
    if not judged:
        return ""
    met = [r for r in judged if r["status"] == MET]
    missed = [r for r in judged if r["status"] == NOT_MET]
    waiting = [r for r in judged if r["status"] == INSUFFICIENT]
    empty = [r for r in judged if r["status"] == NO_DATA]
    if len(empty) == len(judged):
        # "0 chỉ tiêu đạt…; 7 chỉ tiêu chưa có số liệu" reads as a failure; nothing was judged.
        return f"Trong {len(judged)} chỉ tiêu, chưa có chỉ tiêu nào có số liệu."
    text = f"Trong {len(judged)} chỉ tiêu, {len(met)} chỉ tiêu đạt và vượt kế hoạch"
    if missed:
        text += f"; {len(missed)} chỉ tiêu chưa đạt: " + "; ".join(r["label"] for r in missed)
    if waiting:
        text += f"; {len(waiting)} chỉ tiêu chưa đủ số liệu" + _coverages(waiting)
    if empty:
        text += f"; {len(empty)} chỉ tiêu chưa có số liệu"
    return text + "."


def _coverages(rows: list[dict]) -> str:
    """ " (1/3 đơn vị đã gửi)"; where indicators are reported by different units, each coverage
    with how many indicators it holds for."""
    counts: dict[str, int] = {}
    for row in rows:
        if row.get("coverage"):
            counts[row["coverage"]] = counts.get(row["coverage"], 0) + 1
    if not counts:
        return ""
    if len(counts) == 1:
        return f" ({next(iter(counts))})"
    return " (" + "; ".join(f"{n} chỉ tiêu: {text}" for text, n in counts.items()) + ")"


def coverage_sentence(*, sent: int, expected: int) -> str:
    """What an issued report records about the figures it was made from, when not every unit had
    sent: "Báo cáo lập khi 1/3 đơn vị đã gửi số liệu." Empty when all had."""
    if not expected or sent >= expected:
        return ""
    return f"Báo cáo lập khi {sent}/{expected} đơn vị đã gửi số liệu."


def coverage_warning(*, sent: int, expected: int, pending: int = 0, missing: int = 0, returned: int = 0) -> str:
    """Said on the issue form before a report of an incomplete period is issued: "Kỳ báo cáo chưa
    đủ số liệu: 1/3 đơn vị đã gửi; 2 đơn vị chưa đến hạn." Empty when every unit has sent."""
    if not expected or sent >= expected:
        return ""
    parts = [f"{sent}/{expected} đơn vị đã gửi"]
    if pending:
        parts.append(f"{pending} đơn vị chưa đến hạn")
    if missing:
        parts.append(f"{missing} đơn vị quá hạn chưa gửi")
    if returned:
        parts.append(f"{returned} đơn vị bị trả lại chưa gửi lại")
    return "Kỳ báo cáo chưa đủ số liệu: " + "; ".join(parts) + "."


def awards_sentence(*, individuals: int, collectives: int, direct: int) -> str:
    if not individuals and not collectives:
        return "Trong kỳ chưa có quyết định khen thưởng nào theo phong trào."
    parts = []
    if individuals:
        parts.append(f"{individuals} cá nhân")
    if collectives:
        parts.append(f"{collectives} tập thể")
    text = f"Đã khen thưởng {' và '.join(parts)}"
    if individuals:
        text += (f"; trong đó {direct}/{individuals} cá nhân là người trực tiếp lao động "
                 f"({share(direct, individuals)})")
    return text + "."
