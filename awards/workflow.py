"""The life of a nomination (architecture.md, awards): states, the moves between them, the
permission each move needs, which moves must say why, and what the nominating unit reads.
Pure: no queries. Services are the only code that moves a nomination, through `check_move`.

draft → submitted → accepted → (in disclosure) → voting → approved → decided
                  ↘ returned (→ submitted)   ↘ rejected            ↘ forwarded → decided / rejected
A unit head's own titles go draft → decided directly (the yearly path). A decided award can be
revoked; a nomination sent but not yet accepted can be withdrawn by its unit (a draft is deleted).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    DRAFT = "draft", _("Nháp")
    SUBMITTED = "submitted", _("Đã gửi, chờ xét")
    RETURNED = "returned", _("Bị trả lại – cần bổ sung")
    ACCEPTED = "accepted", _("Đã tiếp nhận")
    DISCLOSURE = "disclosure", _("Đang công khai")
    VOTING = "voting", _("Đưa ra Hội đồng")
    # Approved by the council, or by the secretariat where no council vote is needed.
    APPROVED = "approved", _("Đã duyệt, chờ quyết định")
    FORWARDED = "forwarded", _("Đã trình cấp trên")
    REJECTED = "rejected", _("Không được đề nghị")
    DECIDED = "decided", _("Đã khen thưởng")
    REVOKED = "revoked", _("Đã thu hồi")
    WITHDRAWN = "withdrawn", _("Đã rút")


# What the nominating unit reads (architecture.md's table): the secretariat's inner steps are
# "Đang xét" to it.
UNIT_LABELS = {
    State.DRAFT: "Nháp",
    State.SUBMITTED: "Đang xét",
    State.RETURNED: "Bị trả lại – cần bổ sung",
    State.ACCEPTED: "Đang xét",
    State.DISCLOSURE: "Đang xét",
    State.VOTING: "Đang xét",
    State.APPROVED: "Đang xét",
    State.FORWARDED: "Đang xét",
    State.REJECTED: "Không được đề nghị",
    State.DECIDED: "Đã khen thưởng",
    State.REVOKED: "Đã thu hồi",
    State.WITHDRAWN: "Đã rút",
}

# Dead states give the achievement key back (awards_nomination_one_award_per_achievement).
CLOSED = frozenset({State.REJECTED, State.WITHDRAWN, State.REVOKED})
# The unit may change a nomination in these states (an accepted one goes back to submitted).
UNIT_EDITABLE = frozenset({State.DRAFT, State.RETURNED, State.SUBMITTED, State.ACCEPTED, State.DISCLOSURE})
# Once with the council or beyond, only a secretariat "return" reopens it.
LOCKED_FOR_UNIT = frozenset({State.VOTING, State.APPROVED, State.FORWARDED, State.DECIDED, State.REVOKED})


@dataclass(frozen=True)
class Move:
    action: str                 # units.access action the actor needs on the right organisation
    label: str                  # the button
    needs_reason: bool = False
    on: str = "issuer"          # "unit": checked on the nominating unit; "issuer": on the campaign's issuer


PREPARE = "nomination.prepare"
REVIEW = "nomination.review"
COUNCIL = "council.record"
ISSUE = "decision.issue"
UNIT_DECIDE = "unit_titles.decide"

MOVES: dict[tuple[str, str], Move] = {
    (State.DRAFT, State.SUBMITTED): Move(PREPARE, "Gửi đề nghị", on="unit"),
    (State.RETURNED, State.SUBMITTED): Move(PREPARE, "Gửi lại", on="unit"),
    # An edit by the unit after acceptance sends it back to be looked at again (and restarts a disclosure).
    (State.ACCEPTED, State.SUBMITTED): Move(PREPARE, "Sửa sau khi tiếp nhận", on="unit"),
    (State.DISCLOSURE, State.SUBMITTED): Move(PREPARE, "Sửa khi đang công khai", on="unit"),
    (State.SUBMITTED, State.WITHDRAWN): Move(PREPARE, "Rút đề nghị", on="unit"),
    (State.RETURNED, State.WITHDRAWN): Move(PREPARE, "Rút đề nghị", on="unit"),
    (State.SUBMITTED, State.ACCEPTED): Move(REVIEW, "Tiếp nhận"),
    (State.SUBMITTED, State.RETURNED): Move(REVIEW, "Trả lại để bổ sung", needs_reason=True),
    (State.SUBMITTED, State.REJECTED): Move(REVIEW, "Không đề nghị", needs_reason=True),
    (State.ACCEPTED, State.RETURNED): Move(REVIEW, "Trả lại để bổ sung", needs_reason=True),
    (State.ACCEPTED, State.REJECTED): Move(REVIEW, "Không đề nghị", needs_reason=True),
    (State.ACCEPTED, State.DISCLOSURE): Move(REVIEW, "Công khai danh sách"),
    (State.ACCEPTED, State.VOTING): Move(REVIEW, "Đưa ra Hội đồng"),
    (State.DISCLOSURE, State.VOTING): Move(REVIEW, "Đưa ra Hội đồng"),
    (State.DISCLOSURE, State.RETURNED): Move(REVIEW, "Trả lại để bổ sung", needs_reason=True),
    # An award that needs no council vote is approved by the secretariat on the issuer's behalf.
    (State.ACCEPTED, State.APPROVED): Move(REVIEW, "Duyệt (không cần Hội đồng)"),
    (State.VOTING, State.APPROVED): Move(COUNCIL, "Hội đồng đề nghị khen thưởng"),
    (State.VOTING, State.REJECTED): Move(COUNCIL, "Hội đồng không đề nghị", needs_reason=True),
    (State.VOTING, State.RETURNED): Move(REVIEW, "Trả lại để bổ sung", needs_reason=True),
    (State.APPROVED, State.RETURNED): Move(REVIEW, "Trả lại để bổ sung", needs_reason=True),
    (State.APPROVED, State.FORWARDED): Move(REVIEW, "Trình cấp trên"),
    (State.APPROVED, State.DECIDED): Move(ISSUE, "Ban hành quyết định"),
    (State.FORWARDED, State.DECIDED): Move(REVIEW, "Ghi nhận cấp trên đã khen thưởng"),
    (State.FORWARDED, State.REJECTED): Move(REVIEW, "Ghi nhận cấp trên không khen thưởng", needs_reason=True),
    (State.DECIDED, State.REVOKED): Move(ISSUE, "Thu hồi", needs_reason=True),
}

# A council result typed wrong is set aside while the session is open and nothing was decided on it;
# only the council service takes these (a secretariat rejection is not reopened this way).
CORRECTIONS: dict[tuple[str, str], Move] = {
    (State.APPROVED, State.VOTING): Move(COUNCIL, "Sửa kết quả biểu quyết", needs_reason=True),
    (State.REJECTED, State.VOTING): Move(COUNCIL, "Sửa kết quả biểu quyết", needs_reason=True),
    # Taken off a session's agenda before the vote (the session page, by whoever prepared it).
    (State.VOTING, State.ACCEPTED): Move(REVIEW, "Rút khỏi phiên họp", needs_reason=True),
}

# The yearly path: a unit head decides the titles within the unit's own authority.
UNIT_MOVES: dict[tuple[str, str], Move] = {
    (State.DRAFT, State.DECIDED): Move(UNIT_DECIDE, "Quyết định", on="unit"),
    (State.DECIDED, State.REVOKED): Move(UNIT_DECIDE, "Thu hồi", needs_reason=True, on="unit"),
}


class MoveError(ValueError):
    """A move the table does not allow, or a missing reason (message in Vietnamese)."""


def move(current: str, target: str, *, unit_path: bool = False, correction: bool = False) -> Move:
    table = CORRECTIONS if correction else UNIT_MOVES if unit_path else MOVES
    found = table.get((current, target))
    if found is None:
        raise MoveError(f"Không thể chuyển từ “{State(current).label}” sang “{State(target).label}”.")
    return found


def check_move(current: str, target: str, *, reason: str = "", unit_path: bool = False,
               correction: bool = False) -> Move:
    found = move(current, target, unit_path=unit_path, correction=correction)
    if found.needs_reason and not (reason or "").strip():
        raise MoveError("Hãy ghi lý do: đơn vị đề nghị sẽ đọc được.")
    return found


def done_elsewhere(source: str, target: str) -> bool:
    """Moves made on their own page, never by a bare button: the council's outcome (from the
    tally on the session page), a disclosure, a decision (ours, or the higher level's recorded
    with its number and date), a revocation of a decision."""
    if source == State.VOTING and target in (State.APPROVED, State.REJECTED):
        return True
    return target in (State.VOTING, State.DISCLOSURE, State.REVOKED, State.DECIDED)


def refusal(current: str, target: str, *, unit_path: bool, needs_council: bool) -> str:
    """Why a bare move button may not take the nomination from `current` to `target` ("" when it
    may). The nomination page and services.move both ask this, so a button is offered exactly
    when the service would take it (who may press it is units.access's answer)."""
    if current == State.VOTING and target in (State.APPROVED, State.REJECTED):
        return ("Kết quả của Hội đồng được ghi ở trang phiên họp (số phiếu, hoặc kết quả do thư ký "
                "ghi khi chưa áp dụng ngưỡng biểu quyết).")
    if current == State.FORWARDED and target == State.DECIDED:
        return "Ghi nhận kết quả của cấp trên bằng số, ngày quyết định (Sổ khen thưởng)."
    if done_elsewhere(current, target):
        return "Bước này làm ở trang riêng (Hội đồng, quyết định, công khai)."
    if current == State.ACCEPTED and target == State.APPROVED and needs_council:
        return "Loại khen thưởng này cần Hội đồng bỏ phiếu: hãy đưa ra phiên họp Hội đồng."
    try:
        move(current, target, unit_path=unit_path)
    except MoveError as exc:
        return str(exc)
    return ""


def offered_moves(current: str, *, unit_path: bool, needs_council: bool) -> list[tuple[str, Move]]:
    """The moves a nomination's page offers as buttons, in the table's order."""
    table = UNIT_MOVES if unit_path else MOVES
    return [(target, found) for (source, target), found in table.items()
            if source == current and not refusal(current, target, unit_path=unit_path, needs_council=needs_council)]


def is_live(state: str) -> bool:
    return state not in CLOSED


def unit_label(state: str) -> str:
    return UNIT_LABELS[State(state)]


def achievement_key(*, person_id: int | None, organisation_id: int | None, award_type_id: int, is_yearly: bool,
                    campaign_id: int, subcampaign_id: int | None, programme_id: int | None, year: int) -> str:
    """One achievement gets one award (Law 2022 Art. 5). A yearly title: the nominee, the title,
    the year. A form: the nominee, the campaign item it rewards, the year."""
    nominee = f"p{person_id}" if person_id else f"o{organisation_id}"
    if is_yearly:
        return f"{nominee}:t{award_type_id}:{year}"
    scope = f"s{programme_id or subcampaign_id}" if (programme_id or subcampaign_id) else f"c{campaign_id}"
    return f"{nominee}:{scope}:{year}"


# --- The roll-up of a campaign (issue 19, point 7) --------------------------------------------------------------
# Provincial systems count a campaign's nominations in five words (MISA CeGov, domain.md §8). They
# are read off our states here, once, so the roll-up page, its filters, its Excel file and its help
# text say the same thing.


class Standing(models.TextChoices):
    PROPOSED = "de-xuat", _("Đề xuất")
    REVIEWED = "hoan-thanh-binh-xet", _("Hoàn thành bình xét")
    FAILED = "khong-dat", _("Không đạt")
    HIGHER = "dat-khen-cao", _("Đạt khen cao")
    OWN_LEVEL = "dat-cap-tinh", _("Đạt cấp tỉnh")


# What each word covers, in our states' words (the roll-up page prints these lines as its help).
STANDING_MEANS = {
    Standing.PROPOSED: "đơn vị đã gửi, đang xét: đã gửi, đã tiếp nhận, đang công khai, đưa ra Hội đồng",
    Standing.REVIEWED: "đã duyệt (Hội đồng hoặc Thường trực), chờ quyết định",
    Standing.FAILED: "không được đề nghị (Thường trực, Hội đồng hoặc cấp trên không khen thưởng)",
    Standing.HIGHER: "đã trình cấp trên, kể cả khi cấp trên đã quyết định khen thưởng",
    Standing.OWN_LEVEL: "đã khen thưởng trong quyết định đã ban hành của cơ quan phát động",
}


def standing(state: str, *, in_issued_decision: bool) -> str | None:
    """The provincial word for a nomination of an issuer's campaign; None for what the unit has not
    sent or has taken back (draft, withdrawn), what waits with the unit (returned) and what was
    revoked. A decided nomination is the issuer's own award when an issued decision of the issuer
    lists it, else the level above decided it (recorded from its decision)."""
    if state == State.DECIDED:
        return Standing.OWN_LEVEL if in_issued_decision else Standing.HIGHER
    return _STANDING_OF.get(state)


_STANDING_OF = {
    State.SUBMITTED: Standing.PROPOSED, State.ACCEPTED: Standing.PROPOSED, State.DISCLOSURE: Standing.PROPOSED,
    State.VOTING: Standing.PROPOSED, State.APPROVED: Standing.REVIEWED, State.REJECTED: Standing.FAILED,
    State.FORWARDED: Standing.HIGHER,
}
# The secretariat has taken these in (the roll-up's "accepted" column).
TAKEN_IN = frozenset({State.ACCEPTED, State.DISCLOSURE, State.VOTING, State.APPROVED, State.FORWARDED, State.DECIDED})
# Sent by the unit and not taken back (the roll-up's "nominated" column).
SENT = frozenset(set(State) - {State.DRAFT, State.WITHDRAWN})
