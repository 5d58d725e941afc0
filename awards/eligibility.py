"""What the nomination screen shows as checked, nominee by nominee (architecture.md, awards):
indicator results, appraisal, initiatives, prerequisites from the register, holds, the
achievement key, the campaign owner's authority, ratio caps. Pure: the facts are gathered by
awards.selectors and passed in.

Every check says one of: met, not met, "chưa kiểm tra" (the rule is disabled or unknown, or the
data is missing: a person decides), or information. Nothing here refuses a nomination; the
secretariat reads the checks and decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from awards.models import Authority, Grade, InitiativeLevel, RuleKind
from awards.rules import Rule, criteria_date, in_force, within

OK, FAIL, UNKNOWN, INFO = "ok", "fail", "unknown", "info"
GRADE_ORDER = [Grade.EXCELLENT, Grade.GOOD, Grade.DONE, Grade.NOT_DONE]
LEVEL_ORDER = [InitiativeLevel.UNIT, InitiativeLevel.DEPARTMENT, InitiativeLevel.PROVINCE, InitiativeLevel.NATIONAL]
NOT_CHECKED = "chưa kiểm tra"


@dataclass(frozen=True)
class Check:
    code: str
    label: str
    status: str
    detail: str

    @property
    def status_label(self) -> str:
        return {OK: "Đạt", FAIL: "Chưa đạt", UNKNOWN: "Chưa kiểm tra", INFO: "Lưu ý"}[self.status]


@dataclass(frozen=True)
class IndicatorFacts:
    """The nominee's key indicators in the campaign (seed 000: a commune qualifies when it met
    all of them)."""

    period_label: str
    total: int
    met: int
    no_data: int


@dataclass(frozen=True)
class Hold:
    label: str
    starts_on: date
    ends_on: date | None


@dataclass(frozen=True)
class Facts:
    award_label: str
    award_recipient_kind: str          # "individual" / "collective"
    nominee_kind: str
    year: int
    rules: tuple[Rule, ...] = ()
    owner_authority: str = Authority.DEPARTMENT
    owner_name: str = ""
    indicators: IndicatorFacts | None = None
    appraisal: str | None = None       # Grade value, None when not recorded
    initiatives: tuple[tuple[str, str, int], ...] = ()   # (title, level, year recognised)
    held_titles: frozenset[tuple[str, int]] = frozenset()  # (award type code, achievement year)
    holds: tuple[Hold, ...] = ()
    duplicate: str = ""                # the other live nomination with the same achievement key
    ratio: tuple[Decimal, str, int, int] | None = None    # (cap %, base label, base count, count incl. this)
    today: date | None = None
    extra: list[Check] = field(default_factory=list)


def check(facts: Facts) -> list[Check]:
    on = criteria_date(facts.year)
    rules = facts.rules
    checks = [_recipient(facts)]
    if facts.indicators is not None:
        checks.append(_indicators(facts.indicators))
    checks.append(_appraisal(facts, in_force(rules, RuleKind.APPRAISAL, on)))
    initiative = in_force(rules, RuleKind.INITIATIVE, on)
    if initiative is not None:
        checks.append(_initiative(facts, initiative))
    prerequisites = [r for r in rules if r.kind == RuleKind.PREREQUISITE]
    for code in sorted({r.related_code for r in prerequisites}):
        rule = in_force([r for r in prerequisites if r.related_code == code], RuleKind.PREREQUISITE, on)
        if rule is not None:
            checks.append(_prerequisite(facts, rule))
    checks.append(_holds(facts))
    checks.append(_key(facts))
    checks.append(_authority(facts, in_force(rules, RuleKind.AUTHORITY, on)))
    if facts.ratio is not None:
        checks.append(_ratio(facts.ratio))
    return checks + facts.extra


def _recipient(facts: Facts) -> Check:
    label = "Đối tượng"
    if facts.award_recipient_kind == facts.nominee_kind:
        return Check("recipient", label, OK, "Cá nhân" if facts.nominee_kind == "individual" else "Tập thể")
    wanted = "cá nhân" if facts.award_recipient_kind == "individual" else "tập thể"
    return Check("recipient", label, FAIL, f"{facts.award_label} chỉ xét cho {wanted}.")


def _indicators(facts: IndicatorFacts) -> Check:
    label = "Chỉ tiêu trọng tâm"
    if facts.total == 0:
        return Check("indicators", label, INFO, "Phong trào không có chỉ tiêu trọng tâm cho đơn vị này.")
    if facts.no_data:
        return Check("indicators", label, UNKNOWN,
                     f"{facts.period_label}: còn {facts.no_data}/{facts.total} chỉ tiêu chưa có số liệu.")
    status = OK if facts.met == facts.total else FAIL
    return Check("indicators", label, status, f"{facts.period_label}: đạt {facts.met}/{facts.total} chỉ tiêu.")


def _disabled(code: str, label: str, rule: Rule | None, what: str) -> Check | None:
    if rule is None:
        return Check(code, label, UNKNOWN, f"Chưa có quy định về {what}: {NOT_CHECKED}.")
    if not rule.enabled:
        return Check(code, label, UNKNOWN, f"Quy định chưa được xác minh, {NOT_CHECKED}"
                     + (f" ({rule.text})." if rule.text else "."))
    return None


def _appraisal(facts: Facts, rule: Rule | None) -> Check:
    label = f"Xếp loại năm {facts.year}"
    shown = dict(Grade.choices).get(facts.appraisal, "") if facts.appraisal else ""
    if rule is None:
        return Check("appraisal", label, INFO, shown or "Chưa ghi nhận xếp loại.")
    skipped = _disabled("appraisal", label, rule, "xếp loại")
    if skipped:
        return skipped
    wanted = dict(Grade.choices)[rule.grade]
    if facts.appraisal is None:
        return Check("appraisal", label, UNKNOWN, f"Chưa ghi nhận xếp loại; cần: {wanted} trở lên.")
    ok = GRADE_ORDER.index(facts.appraisal) <= GRADE_ORDER.index(rule.grade)
    return Check("appraisal", label, OK if ok else FAIL, f"{shown}; cần: {wanted} trở lên.")


def _initiative(facts: Facts, rule: Rule) -> Check:
    label = "Sáng kiến, đề tài"
    skipped = _disabled("initiative", label, rule, "sáng kiến")
    if skipped:
        return skipped
    needed = rule.initiative_level or InitiativeLevel.UNIT
    good = [t for t, level, year in facts.initiatives
            if year == facts.year and LEVEL_ORDER.index(level) >= LEVEL_ORDER.index(needed)]
    wanted = dict(InitiativeLevel.choices)[needed].lower()
    if good:
        return Check("initiative", label, OK, f"“{good[0]}” (công nhận {wanted} trở lên, năm {facts.year}).")
    return Check("initiative", label, FAIL,
                 f"Chưa có sáng kiến được công nhận {wanted} trở lên trong năm {facts.year}.")


def consecutive_years(held_years: set[int], ending: int) -> int:
    count, year = 0, ending
    while year in held_years:
        count += 1
        year -= 1
    return count


@dataclass(frozen=True)
class Streak:
    """One yearly title's latest run of consecutive achievement years, oldest first."""

    title: str
    years: tuple[int, ...]

    @property
    def text(self) -> str:
        """ "Chiến sĩ thi đua cơ sở: 2023, 2024, 2025 (03 năm liên tục)"; a lone year is no run."""
        count = len(self.years)
        span = f"{count:02d} năm liên tục" if count > 1 else "01 năm"
        return f"{self.title}: {', '.join(str(y) for y in self.years)} ({span})"


def title_streaks(held: Iterable[tuple[str, int]]) -> list[Streak]:
    """Per yearly title, in the order first given, the run of consecutive years that ends at the
    latest year it was held: what a dossier and the council read for "hai năm liên tục" and the like.
    The caller passes only awards that count (a revoked decision's lines are left out) and only the
    yearly titles (danh hiệu xét hằng năm): a form such as a Bằng khen has no run. A title last held
    years ago still shows its last run; its latest year tells the reader it has lapsed."""
    years_of: dict[str, set[int]] = {}
    for title, year in held:
        years_of.setdefault(title, set()).add(year)
    streaks = []
    for title, years in years_of.items():
        latest = max(years)
        count = consecutive_years(years, latest)
        streaks.append(Streak(title, tuple(range(latest - count + 1, latest + 1))))
    return streaks


def _prerequisite(facts: Facts, rule: Rule) -> Check:
    label = f"{rule.related_label} liên tục" if (rule.count or 1) > 1 else f"Có danh hiệu {rule.related_label}"
    years = {year for code, year in facts.held_titles if code == rule.related_code}
    skipped = _disabled("prerequisite", label, rule, "điều kiện liên tục")
    if skipped:
        held = ", ".join(str(y) for y in sorted(years)[-6:]) or "chưa có"
        return Check(skipped.code, label, skipped.status, f"{skipped.detail} Sổ khen thưởng: {held}.")
    needed = rule.count or 1
    # The prerequisite's last year is usually decided with this nomination, sometimes the year before.
    best = max(consecutive_years(years, facts.year), consecutive_years(years, facts.year - 1))
    shown = ", ".join(str(y) for y in sorted(years)[-6:]) or "chưa có"
    detail = f"Cần {needed} năm liên tục; sổ khen thưởng: {shown}."
    return Check("prerequisite", label, OK if best >= needed else FAIL, detail)


def _holds(facts: Facts) -> Check:
    label = "Không đang bị kỷ luật, điều tra, xác minh đơn thư"
    start, end = date(facts.year, 1, 1), facts.today or criteria_date(facts.year)
    active = [h for h in facts.holds if h.starts_on <= end and (h.ends_on is None or h.ends_on >= start)]
    if not active:
        return Check("holds", label, OK, "Không có.")
    shown = "; ".join(f"{h.label} từ {h.starts_on:%d/%m/%Y}" + (f" đến {h.ends_on:%d/%m/%Y}" if h.ends_on else "")
                      for h in active)
    return Check("holds", label, FAIL, shown)


def _key(facts: Facts) -> Check:
    label = "Mỗi thành tích một hình thức khen thưởng"
    if facts.duplicate:
        return Check("key", label, FAIL, f"Đã có đề nghị khác cho cùng thành tích: {facts.duplicate}.")
    return Check("key", label, OK, "Không trùng.")


def _authority(facts: Facts, rule: Rule | None) -> Check:
    label = "Thẩm quyền"
    skipped = _disabled("authority", label, rule, "thẩm quyền")
    if skipped:
        return skipped
    needed = dict(Authority.choices)[rule.authority]
    if within(rule.authority, facts.owner_authority):
        return Check("authority", label, OK, f"Thuộc thẩm quyền của {facts.owner_name or 'cơ quan'} ({needed}).")
    return Check("authority", label, INFO, f"Thẩm quyền của {needed}: cơ quan không tự quyết định mà lập tờ trình "
                                           "đề nghị cấp trên.")


def _ratio(ratio: tuple[Decimal, str, int, int]) -> Check:
    percent, base_label, base, count = ratio
    label = f"Tỷ lệ so với {base_label}"
    if base == 0:
        # The unit's base title is usually decided in the same review: nothing to measure against yet.
        return Check("ratio", label, UNKNOWN, f"Đơn vị chưa có ai được đề nghị {base_label} trong năm: kiểm tra lại "
                                             f"khi bình xét xong (tối đa {percent.normalize():f}%).")
    allowed = int(base * percent / 100)
    detail = f"{count}/{base} (tối đa {percent.normalize():f}% = {allowed})."
    return Check("ratio", label, OK if count <= allowed else FAIL, detail)


RULE_CHECKS = {"indicators", "appraisal", "initiative", "prerequisite", "ratio"}


def summary(checks: list[Check]) -> str:
    """One word for lists: the worst status; "basic" when no rule of the award itself was
    checked (only who may receive it, holds, the key and authority) — not a clean bill."""
    statuses = {c.status for c in checks}
    if FAIL in statuses:
        return FAIL
    if UNKNOWN in statuses:
        return UNKNOWN
    if not any(c.code in RULE_CHECKS and c.status == OK for c in checks):
        return "basic"
    return OK
