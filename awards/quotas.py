"""Quota semantics (architecture.md, awards). The numbers belong to the plan (campaigns.Quota);
a slot is taken by approved, forwarded-upward and decided nominations and given back by
rejected, revoked and withdrawn ones, so a unit may propose more candidates than there are
slots and the council chooses.

The counting here is pure. The check runs in the approving transaction while the quota row is
locked (awards.services._lock_quota), so concurrent approvals cannot overrun it.
"""

from __future__ import annotations

from dataclasses import dataclass

from awards.workflow import State

TAKES_SLOT = frozenset({State.APPROVED, State.FORWARDED, State.DECIDED})
KIND_LABELS = {"collective": "tập thể", "individual": "cá nhân"}


def takes_slot(state: str) -> bool:
    return state in TAKES_SLOT


@dataclass(frozen=True)
class Scope:
    """Where a nomination's quota lives: a programme of an item counted per programme (seed 002's
    2.1), else its item, else the campaign. Only a level that has quota rows limits."""

    campaign_id: int
    subcampaign_id: int | None = None
    programme_id: int | None = None

    @property
    def key(self) -> tuple:
        return (self.campaign_id, self.programme_id or self.subcampaign_id)


def scope_for(*, campaign_id: int, subcampaign_id: int | None, programme_id: int | None,
              limited: set[int | None]) -> Scope:
    """The nearest level with a quota: `limited` holds the ids of items (and programmes) with
    quota rows, and None when the campaign itself has one."""
    if programme_id and programme_id in limited:
        return Scope(campaign_id, subcampaign_id, programme_id)
    if subcampaign_id and subcampaign_id in limited:
        return Scope(campaign_id, subcampaign_id)
    return Scope(campaign_id)


@dataclass(frozen=True)
class Use:
    kind: str          # "collective" / "individual"
    limit: int | None  # None: no quota
    used: int

    @property
    def left(self) -> int | None:
        return None if self.limit is None else max(self.limit - self.used, 0)

    @property
    def text(self) -> str:
        """ "còn 2 trong số 05 tập thể" (the plan's "05 tập thể" as printed; "còn 5/05" read as a
        typo) / "tập thể: không giới hạn"."""
        label = KIND_LABELS[self.kind]
        if self.limit is None:
            return f"{label}: không giới hạn"
        if self.limit == 0:
            return f"không xét {label}"
        return f"còn {self.left} trong số {self.limit:02d} {label}"


def remaining_text(uses: list[Use]) -> str:
    """ "còn 2 trong số 05 tập thể, còn 4 trong số 10 cá nhân"."""
    return ", ".join(u.text for u in uses)


def approval_problem(use: Use, *, label: str) -> str:
    """The message when approving one more would exceed the quota, else ""."""
    if use.limit is None or use.used < use.limit:
        return ""
    kind = KIND_LABELS[use.kind]
    if use.limit == 0:
        return f"{label} không xét khen thưởng {kind}."
    return (f"Đã đủ số lượng {kind} của {label} ({use.used}/{use.limit:02d}): không duyệt thêm được. "
            "Hãy trả lại hoặc không đề nghị một trường hợp khác trước.")
