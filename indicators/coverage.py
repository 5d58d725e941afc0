"""What a campaign-level verdict needs before it is given (issue 13). Pure: counts and evaluations
in, a verdict out; no queries, no clock.

A total judged before every unit has sent is judged on part of the data: one unit's 5 of a
province's "duy trì 10 trạm" is not a failure, and one unit's figures are not the campaign's. So
a campaign figure is judged only when every unit expected to report has sent, or when the period
is over (its deadline passed, or the campaign no longer collects reports): then it is judged on
what came, and the coverage ("2/3 đơn vị đã gửi") is said beside it. Until then the verdict is
"Chưa đủ số liệu", which is neither a failure nor "no data at all".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from indicators.evaluation import Comparator, Evaluation

INSUFFICIENT = "Chưa đủ số liệu"
# A unit's part of a total judged as a total: shown, never judged against the whole plan's target.
CONTRIBUTION = "Đóng góp"

SUM, RATE, ENTERED, NONE = "sum", "rate", "entered", "none"       # CampaignIndicator.Rollup
RESPONSIBLE = "responsible"                                        # CampaignIndicator.Scope


@dataclass(frozen=True)
class Coverage:
    """How many of the units expected to report an indicator (or a period) have sent."""

    sent: int
    expected: int
    closed: bool = False     # the period is over: whoever has not sent will not be waited for
    # The office whose one figure the verdict rests on (ENTERED, or reported by the responsible
    # office only): then `sent`/`expected` count that office alone, and `own_figures` the units that
    # sent a figure of their own, shown beside it but no part of the verdict.
    responsible: str = ""
    own_figures: int = 0

    @property
    def complete(self) -> bool:
        return self.sent >= self.expected

    @property
    def judgeable(self) -> bool:
        return self.complete or self.closed

    @property
    def text(self) -> str:
        """ "1/3 đơn vị đã gửi"; empty when nobody has to report. For one office's figure, what it
        waits for and the units' own figures apart, so that the units' verdicts shown beside it
        never read as the campaign's: "Chờ Phòng KHTC gửi số liệu chung; 2 đơn vị có số liệu riêng"."""
        if self.responsible:
            office = (f"{self.responsible} đã gửi số liệu chung" if self.complete
                      else f"Chờ {self.responsible} gửi số liệu chung")
            return office + (f"; {self.own_figures} đơn vị có số liệu riêng" if self.own_figures else "")
        return f"{self.sent}/{self.expected} đơn vị đã gửi" if self.expected else ""

    @property
    def short(self) -> str:
        """The "Đơn vị đã gửi" column: "1/3"; for one office's figure, `text`."""
        if self.responsible:
            return self.text
        return f"{self.sent}/{self.expected}" if self.expected else ""


def is_closed(*, today: date, last_on_time_day: date | None, collecting: bool) -> bool:
    """The period is over when its last on-time day has passed, or the campaign takes no more
    reports. A period without a deadline stays open while the campaign collects."""
    if not collecting:
        return True
    return last_on_time_day is not None and today > last_on_time_day


def judged_per_unit(*, rollup: str, scope: str, comparator: str, has_unit_target: bool) -> bool:
    """Whether one unit's figure is judged against a target of its own.

    Figures that add up to a whole-plan target ("duy trì 10 trạm") are parts of it: a unit's 5 is
    its contribution, not "Không đạt 50". Judged per unit only where the unit was given its own
    target (UnitTarget), or where the plan's target holds for each part as for the whole (no
    events at all means none in any unit)."""
    if has_unit_target or scope == RESPONSIBLE:
        return True
    return not (rollup == SUM and comparator != Comparator.ZERO_EVENTS)


def judged_for_unit(*, rollup: str, scope: str, comparator: str, has_unit_target: bool) -> bool:
    """Whether a unit's cell counts in its "x/y chỉ tiêu đạt": judged against a target of its own
    (judged_per_unit), and a target at all, not a figure only followed ("Quy mô dân số")."""
    return comparator != Comparator.INFORMATIONAL and judged_per_unit(
        rollup=rollup, scope=scope, comparator=comparator, has_unit_target=has_unit_target)


def contribution() -> Evaluation:
    return Evaluation(None, None, "", CONTRIBUTION)


def insufficient() -> Evaluation:
    return Evaluation(None, None, "", INSUFFICIENT)


def campaign_verdict(*, rollup: str, scope: str, total: Evaluation, coverage: Coverage) -> Evaluation:
    """The campaign-level evaluation of an indicator with a campaign figure (SUM, RATE, ENTERED or
    reported by the responsible office): `total` is the evaluation of that figure.

    SUM and RATE need every expected unit, or the period over; ENTERED and the responsible
    office's own figure need that one figure, which `total` already says ("Chưa có số liệu")."""
    if total.status == "Không đánh giá":
        return total
    # Nobody has sent yet: "Chưa có số liệu", as `total` says; some have: the total is partial.
    if rollup in (SUM, RATE) and scope != RESPONSIBLE and not coverage.judgeable and coverage.sent:
        return insufficient()
    return total


def units_verdict(*, met: int, judged: int, coverage: Coverage) -> Evaluation:
    """An indicator judged unit by unit (no campaign figure): met when every unit that had to report
    met it. `judged`: the units that sent a figure, of which `met` met it.

    Before the period is over and while units have still to send, "Chưa đủ số liệu"; after, the
    units that sent are judged and the coverage is said beside the verdict."""
    display = f"{met}/{judged} đơn vị đạt" if judged else ""
    if not judged:
        return Evaluation(None, None, "", INSUFFICIENT if coverage.sent else "Chưa có số liệu")
    if not coverage.judgeable:
        return Evaluation(None, None, display, INSUFFICIENT)
    achieved = met == judged
    return Evaluation(achieved, None, display, "Đạt" if achieved else "Không đạt")


def verdict_note(evaluation: Evaluation | None, coverage: Coverage) -> str:
    """What is said beside a campaign verdict about the data it rests on: the coverage whenever
    not every expected unit has sent ("1/3 đơn vị đã gửi"). Nothing for one office's figure: the
    figure's own note ("Chờ … gửi số liệu chung.") says what the verdict waits for."""
    if evaluation is None or coverage.complete or not coverage.expected or coverage.responsible:
        return ""
    return coverage.text
