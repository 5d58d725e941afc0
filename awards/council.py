"""The council's arithmetic (domain.md §3.4): quorum, the secret-ballot tally against the award
type's threshold and denominator, and who must stand aside. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

ALL, PRESENT = "all", "present"


@dataclass(frozen=True)
class Attendance:
    total: int      # members of the council
    present: int    # in the room
    written: int    # absent, with a written vote

    @property
    def voters(self) -> int:
        return self.present + self.written


def quorum_met(attendance: Attendance, quorum_percent: Decimal) -> bool:
    return attendance.total > 0 and Decimal(attendance.present) * 100 >= quorum_percent * attendance.total


@dataclass(frozen=True)
class Outcome:
    approved: bool
    share: Decimal          # yes ÷ denominator × 100
    explanation: str


def tally_problem(yes: int, no: int, abstain: int, voters: int) -> str:
    """A tally that cannot be right, in Vietnamese, else ""."""
    if min(yes, no, abstain) < 0:
        return "Số phiếu không được âm."
    if yes + no + abstain > voters:
        return f"Tổng số phiếu ({yes + no + abstain}) lớn hơn số thành viên được bỏ phiếu ({voters})."
    return ""


def outcome(yes: int, attendance: Attendance, *, threshold: Decimal, denominator: str, recused: int = 0) -> Outcome:
    """Approved when yes votes reach the threshold of the chosen denominator: all members of the
    council (the old 90 % rule) or those voting; members standing aside leave the denominator."""
    base = (attendance.total if denominator == ALL else attendance.voters) - recused
    if base <= 0:
        return Outcome(False, Decimal(0), "Không có thành viên nào được bỏ phiếu.")
    share = Decimal(yes) * 100 / base
    wanted = "tổng số thành viên Hội đồng" if denominator == ALL else "số thành viên bỏ phiếu"
    shown = share.quantize(Decimal("0.1"))
    approved = share >= threshold
    text = (f"{yes}/{base} phiếu đồng ý ({_vn(shown)}% {wanted}); cần từ {_vn(threshold)}% trở lên: "
            + ("đủ." if approved else "không đủ."))
    return Outcome(approved, share, text)


def _vn(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text.replace(".", ",")


def must_stand_aside(*, member_person_id: int, member_org_path: str, nominee_person_id: int | None,
                     nominee_org_paths: list[str]) -> bool:
    """A member who is the nominee, or belongs to the nominated or the nominating unit (their
    subtrees: the director of a health centre stands aside for its stations' staff)."""
    if nominee_person_id is not None and member_person_id == nominee_person_id:
        return True
    return any(path and member_org_path.startswith(path) for path in nominee_org_paths)
