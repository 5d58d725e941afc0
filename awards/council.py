"""The council's arithmetic (domain.md §3.4): quorum, the secret-ballot tally against the award
type's threshold and denominator, and who must stand aside. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
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


# --- The standing council by term (issue 19, point 3) ---------------------------------------------------

# The decree's thresholds are unverified (domain.md §3.4): where no rule is enabled the application
# does not judge the vote, it only checks that the counts recorded agree with each other and with the
# outcome the secretary chose. The page and the messages call that check by this name.
CONSISTENCY_CHECK = "Kiểm tra tính nhất quán của kết quả biểu quyết"

ROLE_ORDER = {"chair": 0, "vice_chair": 1, "member": 2, "secretary": 3}
# One holder at a time; a council has as many vice-chairs and members as its decision names.
SINGLE_ROLES = {"chair": "Chủ tịch Hội đồng", "secretary": "Thư ký"}


def terms_overlap(a_start: date, a_end: date, b_start: date, b_end: date) -> bool:
    """Both ends count: a term ending 31/12/2025 and one starting that day overlap."""
    return a_start <= b_end and b_start <= a_end


def term_problem(starts_on: date, ends_on: date, others: list[tuple[str, date, date]]) -> str:
    """A new term's dates against the issuer's other terms (name, start, end), in Vietnamese, else ""."""
    if ends_on < starts_on:
        return "Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu."
    clash = [name for name, start, end in others if terms_overlap(starts_on, ends_on, start, end)]
    if clash:
        return (f"Trùng thời gian với nhiệm kỳ {', '.join(clash)}: mỗi thời điểm cơ quan chỉ có một Hội đồng "
                "(kết thúc nhiệm kỳ trước hoặc chọn ngày khác).")
    return ""


def roster_problem(roles: list[str]) -> str:
    """The current members' roles: at most one chair and one secretary, in Vietnamese, else ""."""
    for role, label in SINGLE_ROLES.items():
        if roles.count(role) > 1:
            return f"Hội đồng chỉ có một {label}: đổi chức danh của người đang giữ trước."
    return ""


def session_roster_problem(roles: list[str]) -> str:
    """A session sits with one chair and one secretary (the minutes are signed by both)."""
    for role, label in SINGLE_ROLES.items():
        if roles.count(role) != 1:
            return f"Phiên họp cần đúng một {label} (hiện có {roles.count(role)})."
    return ""


def attendance_from(seats: list[tuple[str, bool]]) -> Attendance:
    """(attendance, a substitute sat in) per seat. A seat whose member was absent but sent a
    substitute (người dự thay) counts as present; a written vote counts among the voters."""
    present = sum(1 for state, substitute in seats if state == PRESENT or (state == "absent" and substitute))
    written = sum(1 for state, _substitute in seats if state == "written")
    return Attendance(total=len(seats), present=present, written=written)


def quorum_applies(quorum_percent: Decimal | None) -> bool:
    """A quorum is applied only where the council's rules give one (the term records it)."""
    return bool(quorum_percent)


def quorum_state(attendance: Attendance, quorum_percent: Decimal | None) -> tuple[bool, str]:
    """Whether votes may be recorded, and the sentence the session page shows. Without a quorum in
    the council's rules the only requirement is that the roll was taken (someone is present)."""
    shown = f"Dự họp {attendance.present}/{attendance.total}"
    if attendance.written:
        shown += f", phiếu gửi {attendance.written}"
    if not quorum_applies(quorum_percent):
        met = attendance.present > 0
        return met, (f"{shown}. Chưa áp dụng tỷ lệ thành viên dự họp tối thiểu (quy chế của Hội đồng chưa ghi)"
                     + ("." if met else ": chưa có thành viên nào dự họp."))
    met = quorum_met(attendance, Decimal(quorum_percent))
    wanted = f"cần từ {_vn(Decimal(quorum_percent).quantize(Decimal('0.01')))}% tổng số thành viên"
    return met, f"{shown}: {'đủ' if met else 'chưa đủ'} số thành viên dự họp ({wanted} theo quy chế của Hội đồng)."


def consistency_problem(yes: int, no: int, abstain: int, *, approved: bool) -> str:
    """Where no threshold rule is enabled: does the outcome the secretary chose agree with the
    counts (more than half of the ballots yes ⇔ approved)? Not a legal threshold."""
    majority = yes > no + abstain
    if approved and not majority:
        return (f"{CONSISTENCY_CHECK}: số phiếu đồng ý ({yes}) không quá nửa số phiếu ({yes + no + abstain}) mà "
                "kết quả đã chọn là đề nghị khen thưởng. Kiểm tra lại số phiếu hoặc kết quả.")
    if not approved and majority:
        return (f"{CONSISTENCY_CHECK}: số phiếu đồng ý ({yes}) quá nửa số phiếu ({yes + no + abstain}) mà kết quả "
                "đã chọn là không đề nghị. Kiểm tra lại số phiếu hoặc kết quả.")
    return ""
