"""What the indicator pages show, each in a fixed number of queries whatever the number of units,
indicators and periods."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from django.db import connection
from django.db.models import Count, F, Prefetch, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from campaigns import deadlines, lifecycle
from campaigns.models import Campaign, CampaignEvent, Participation, ReportingPeriod
from common import clock, memo
from common.text import vi_sort_key
from indicators import evaluation, submissions
from indicators.coverage import (
    Coverage,
    campaign_verdict,
    contribution,
    is_closed,
    judged_for_unit,
    judged_per_unit,
    units_verdict,
    verdict_note,
)
from indicators.evaluation import Comparator
from indicators.models import CampaignIndicator, Result, Submission, SubmissionEvent, UnitTarget
from units import access
from units.models import AuditEvent, Organisation

Scope = CampaignIndicator.Scope
Rollup = CampaignIndicator.Rollup


def campaign_indicators(campaign: Campaign) -> list[CampaignIndicator]:
    """The campaign's rows in the plan's order, parents before their sub-rows; two queries."""
    rows = list(campaign.indicators.select_related("definition", "responsible", "subcampaign")
                .prefetch_related(Prefetch("reporting_units", queryset=Organisation.objects.only("id", "name"))))
    by_parent: dict[int | None, list[CampaignIndicator]] = defaultdict(list)
    for row in rows:
        by_parent[row.parent_id].append(row)
    ordered: list[CampaignIndicator] = []

    def walk(parent_id, level):
        for row in sorted(by_parent.get(parent_id, []), key=lambda r: (r.order, r.pk)):
            row.level = level
            ordered.append(row)
            walk(row.pk, level + 1)

    walk(None, 0)
    return ordered


def participant_ids(campaign: Campaign) -> set[int]:
    return set(Participation.objects.filter(campaign=campaign).values_list("organisation_id", flat=True))


def reporters(indicator: CampaignIndicator, participants: set[int], named: set[int] | None = None) -> set[int]:
    """Which organisations report this indicator. `named`: the ids of its reporting units, when
    they were read apart; otherwise reporting_units must be prefetched."""
    if indicator.is_group:
        return set()
    if indicator.reporting_scope == Scope.RESPONSIBLE:
        return {indicator.responsible_id} if indicator.responsible_id else set()
    if indicator.reporting_scope == Scope.ALL:
        units = participants
    else:
        units = named if named is not None else {u.pk for u in indicator.reporting_units.all()}
    if indicator.rollup == Rollup.ENTERED and indicator.responsible_id:
        units = units | {indicator.responsible_id}
    return units


def reporting_map(campaign: Campaign, indicators: list[CampaignIndicator] | None = None) -> dict[int, set[int]]:
    """organisation id → ids of the indicators it reports. Shared between requests (figures_stamp):
    read it, never change it."""
    return _TABLES.get(("reporting_map", campaign.pk, figures_stamp(campaign)),
                       lambda: _reporting_map(campaign, indicators))


def _reporting_map(campaign: Campaign, indicators: list[CampaignIndicator] | None) -> dict[int, set[int]]:
    indicators = indicators if indicators is not None else campaign_indicators(campaign)
    participants = participant_ids(campaign)
    result: dict[int, set[int]] = defaultdict(set)
    for indicator in indicators:
        for org_id in reporters(indicator, participants):
            result[org_id].add(indicator.pk)
    return dict(result)   # a shared defaultdict would grow on every lookup of a unit not in it


def target_of(indicator: CampaignIndicator, unit_target: UnitTarget | None) -> evaluation.Target:
    text = unit_target.target_text if unit_target else indicator.target_text
    direction = indicator.definition.direction
    try:
        return evaluation.target_for(indicator.comparator, text, direction)
    except evaluation.ParseError:
        return evaluation.Target(Comparator.INFORMATIONAL, None, text=text)


def actual_of(result: Result | None) -> evaluation.Actual | None:
    if result is None or not result.actual_text:
        return None
    if result.indicator.comparator == Comparator.QUALITATIVE:
        return evaluation.parse_actual(result.actual_text, Comparator.QUALITATIVE)
    return evaluation.Actual(result.value, result.denominator, result.bound, result.actual_text,
                             verdict=None)


@dataclass
class Cell:
    """One row of a unit's grid, or one unit's figure in a campaign table."""

    indicator: CampaignIndicator
    target: evaluation.Target
    result: Result | None
    previous: Result | None
    evaluation: evaluation.Evaluation
    typed: str = ""          # what the user typed, kept when the save failed
    typed_note: str = ""
    error: str = ""
    notice: str = ""         # someone else saved this cell meanwhile, or a chosen file was not kept
    judged: bool = True      # counts in the unit's "x/y chỉ tiêu đạt" (coverage.judged_for_unit)

    @property
    def stored(self) -> tuple[str, str]:
        return (self.result.actual_text, self.result.note) if self.result is not None else ("", "")

    @property
    def progress(self) -> int | None:
        return evaluation.progress(self.evaluation)

    @property
    def ratio_text(self) -> str:
        return self.evaluation.display


def _evaluate(indicator, target, result, previous) -> evaluation.Evaluation:
    override = result.override_achieved if result is not None else None
    previous_value = previous.value if previous is not None else None
    return evaluation.evaluate(target, actual_of(result), previous=previous_value, override=override)


def _unit_evaluation(indicator, target, result, previous, *, has_unit_target: bool) -> evaluation.Evaluation:
    """A unit's cell: its part of a total is shown as a contribution, not judged against the whole
    plan's target (indicators.coverage.judged_per_unit), unless the secretariat gave a verdict on it."""
    if (actual_of(result) is not None and result.override_achieved is None
            and not judged_per_unit(rollup=indicator.rollup, scope=indicator.reporting_scope,
                                             comparator=indicator.comparator, has_unit_target=has_unit_target)):
        return contribution()
    return _evaluate(indicator, target, result, previous)


def previous_results(organisation_ids: list[int], definition_ids: list[int], period: ReportingPeriod
                     ) -> dict[tuple[int, int], Result]:
    """(organisation, definition) → the latest result before `period`, in this campaign or an earlier
    one of the same indicator definition. One query."""
    if not organisation_ids or not definition_ids:
        return {}
    earlier = Q(submission__period__year__lt=period.year) | Q(
        submission__period__year=period.year, submission__period__deadline__lt=period.deadline
    ) if period.deadline else Q(submission__period__year__lt=period.year)
    # The database keeps only the latest per unit and indicator: five years of a province's history
    # is hundreds of thousands of earlier figures, of which a page needs one each (generate_scale).
    latest_first = Window(RowNumber(), partition_by=[F("submission__organisation_id"), F("indicator__definition_id")],
                          order_by=[F("submission__period__year").desc(),
                                    F("submission__period__deadline").desc(nulls_last=True),
                                    F("submission__period__order").desc(), F("pk").desc()])
    # Ranked on the narrow key only, then fetched whole: sorting whole joined rows spilled to disk.
    # Only figures a unit sent count as its previous value: a draft never sent is not a record.
    winners = list(Result.objects.filter(submission__organisation_id__in=organisation_ids,
                                         indicator__definition_id__in=definition_ids,
                                         submission__status__in=COUNTED)
                   .filter(earlier).exclude(actual_text="").exclude(submission__period=period)
                   .annotate(rank=latest_first).filter(rank=1).values_list("pk", flat=True))
    rows = Result.objects.filter(pk__in=winners).select_related("submission__period", "indicator")
    return {(row.submission.organisation_id, row.indicator.definition_id): row for row in rows}


@dataclass
class Grid:
    period: ReportingPeriod
    organisation: Organisation
    submission: Submission | None
    cells: list[Cell]
    headers: list[CampaignIndicator] = field(default_factory=list)
    is_open: bool = False
    lock_reason: str = ""

    @property
    def rows(self) -> list[tuple[CampaignIndicator, Cell | None]]:
        """Group rows and cells in the plan's order, for the template."""
        out = []
        cells = {c.indicator.pk: c for c in self.cells}
        for indicator in self.headers:
            out.append((indicator, cells.get(indicator.pk)))
        return out

    @property
    def filled(self) -> int:
        return sum(1 for c in self.cells if c.result is not None and c.result.actual_text)


def grid(period: ReportingPeriod, organisation: Organisation, today: date) -> Grid:
    """A unit's report for a period: every indicator it reports, with target, last period's value,
    its figure and the evaluation. A fixed number of queries."""
    campaign = period.campaign
    indicators = campaign_indicators(campaign)
    reported = reporting_map(campaign, indicators).get(organisation.pk, set())
    submission = Submission.objects.filter(period=period, organisation=organisation).select_related(
        "submitted_by", "reviewed_by", "exception_by").first()
    results = {}
    if submission is not None:
        results = {r.indicator_id: r for r in submission.results.select_related("indicator", "override_by")}
    unit_targets = {t.indicator_id: t for t in UnitTarget.objects.filter(indicator__campaign=campaign,
                                                                          organisation=organisation)}
    mine = [i for i in indicators if i.pk in reported]
    previous = previous_results([organisation.pk], [i.definition_id for i in mine], period)
    cells = []
    for indicator in mine:
        result = results.get(indicator.pk)
        if result is not None:
            result.indicator = indicator
        target = target_of(indicator, unit_targets.get(indicator.pk))
        prev = previous.get((organisation.pk, indicator.definition_id))
        cells.append(Cell(indicator, target, result, prev, _unit_evaluation(
            indicator, target, result, prev, has_unit_target=indicator.pk in unit_targets)))
    shown_parents = {i.parent_id for i in mine if i.parent_id}
    headers = [i for i in indicators if i.pk in reported or i.pk in shown_parents]
    status = submission.status if submission else submissions.Status.DRAFT
    open_now = submissions.is_open(today=today, deadline=period.deadline, inclusive=period.deadline_inclusive,
                                   status=status, exception_until=submission.exception_until if submission else None)
    reason = ""
    if not open_now:
        reason = ("Báo cáo đã gửi, đang chờ tiếp nhận." if status == submissions.Status.SUBMITTED else
                  "Báo cáo đã được tiếp nhận." if status == submissions.Status.ACCEPTED else
                  "Đã quá hạn nộp. Liên hệ Thường trực để được cho phép nộp muộn.")
    if not lifecycle.collects_reports(campaign.status):
        open_now, reason = False, "Phong trào không còn nhận báo cáo."
    return Grid(period, organisation, submission, cells, headers, open_now, reason)


# --- Campaign-level tables ---------------------------------------------------------------------------------


@dataclass
class CampaignRow:
    indicator: CampaignIndicator
    target: evaluation.Target
    figure_text: str
    evaluation: evaluation.Evaluation | None
    units_reported: int
    units_expected: int
    unit_cells: dict[int, Cell] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    figure_note: str = ""      # why there is no campaign figure yet
    column: str = ""           # the short heading of this indicator's column in the units table
    coverage: Coverage | None = None      # how many of the expected units have sent
    units_evaluation: evaluation.Evaluation | None = None   # judged unit by unit: the campaign's verdict

    @property
    def verdict(self) -> evaluation.Evaluation | None:
        """The campaign-level verdict every page, document and export writes: the figure's
        evaluation, or for an indicator judged unit by unit the units' (indicators.coverage.units_verdict)."""
        return self.evaluation if self.evaluation is not None else self.units_evaluation

    @property
    def coverage_note(self) -> str:
        """ "1/3 đơn vị đã gửi" while not every expected unit has sent."""
        return verdict_note(self.verdict, self.coverage) if self.coverage is not None else ""

    @property
    def progress(self) -> int | None:
        return evaluation.progress(self.evaluation) if self.evaluation else None

    @property
    def units_met_share(self) -> int | None:
        """For an indicator judged unit by unit: the share of its units that meet it, 0–100."""
        if self.evaluation is not None or not self.units_expected or not self.units_reported:
            return None
        return self.counts.get("Đạt", 0) * 100 // self.units_expected


def _rollup(indicator: CampaignIndicator, cells: list[Cell], responsible_cell: Cell | None
            ) -> tuple[str, evaluation.Actual | None, str]:
    """The campaign figure, its parsed form, and when there is none, why."""
    if indicator.rollup == Rollup.ENTERED:
        if responsible_cell is None or responsible_cell.result is None or not responsible_cell.result.actual_text:
            who = indicator.responsible.name if indicator.responsible_id else "bộ phận phụ trách"
            return "", None, f"Chờ {who} gửi số liệu chung."
        return responsible_cell.result.actual_text, actual_of(responsible_cell.result), ""
    filled = [c.result for c in cells if c.result is not None and c.result.value is not None]
    if not filled:
        return "", None, ""
    if indicator.rollup == Rollup.SUM:
        total = _plain(sum((r.value for r in filled), Decimal(0)))
        return evaluation.format_number(total), evaluation.Actual(total, text=evaluation.format_number(total)), ""
    if indicator.rollup == Rollup.RATE:
        with_denominator = [r for r in filled if r.denominator]
        if not with_denominator:
            return "", None, (f"Chưa tính được: {len(filled)} đơn vị ghi tỷ lệ, chưa ghi tử số/mẫu số "
                              "(ví dụ 45/50).")
        numerator = _plain(sum((r.value for r in with_denominator), Decimal(0)))
        denominator = sum(r.denominator for r in with_denominator)
        text = f"{evaluation.format_number(numerator)}/{denominator}"
        skipped = len(filled) - len(with_denominator)
        note = f"Chưa tính {skipped} đơn vị chỉ ghi tỷ lệ, không có tử số/mẫu số." if skipped else ""
        if indicator.comparator == Comparator.ALL_OF:
            return text, evaluation.Actual(numerator, denominator, text=text), note
        rate = numerator / denominator * 100
        shown = evaluation.format_ratio(rate)
        return f"{shown} ({text})", evaluation.Actual(rate, text=shown), note
    return "", None, ""


def column_labels(indicators: list[CampaignIndicator]) -> dict[int, str]:
    """Short column headings for a table with one column per indicator: the printed STT; a sub-row
    without one takes its parent's and a letter ("13a"); a plan printed without STT is numbered
    in order. Every heading is unique, so a legend can explain it."""
    labels: dict[int, str] = {}
    letters: dict[int, int] = defaultdict(int)
    position = 0
    for indicator in indicators:
        if indicator.is_group and not indicator.number:
            continue
        position += 1
        if indicator.number:
            label = indicator.number
        elif indicator.parent_id and indicator.parent_id in labels:
            letters[indicator.parent_id] += 1
            letter = "abcdefghijklmnopqrstuvwxyz"[(letters[indicator.parent_id] - 1) % 26]
            label = f"{labels[indicator.parent_id]}{letter}"
        else:
            label = f"({position})"
        while label in labels.values():
            label += "'"
        labels[indicator.pk] = label
    return labels


# Only a report the unit has sent counts toward the campaign: a draft may still change and a
# returned report was judged wrong.
COUNTED = (submissions.Status.SUBMITTED, submissions.Status.ACCEPTED)


def _plain(value: Decimal) -> Decimal:
    """A computed figure without the database's trailing zeros: 6.0000 → 6, 10.5000 → 10.5."""
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral() else normal


# Campaign tables and completeness matrices already computed in this process, keyed by figures_stamp().
_TABLES = memo.Memo(size=32)


def figures_stamp(campaign: Campaign) -> tuple:
    """The version of a campaign's figures, in one query. Figures change only through the services,
    and each of them saves a unit's report (its updated_at) or writes an audit row: the newest of
    the campaign's report saves, of its reports' history (overrides, reviews), of its own history
    (plan, indicators, targets, participants, periods) and of the units' history (catalogue
    definitions, units). A campaign judging a change against the period before ("giảm 0,3") may
    read another campaign's figures: for it, the newest report save anywhere counts too. Scoped to
    the campaign, a unit saving its report elsewhere leaves this campaign's table in place."""
    table = {model: connection.ops.quote_name(model._meta.db_table)
             for model in (Submission, SubmissionEvent, ReportingPeriod, CampaignEvent, AuditEvent, CampaignIndicator)}
    sub, event, period = table[Submission], table[SubmissionEvent], table[ReportingPeriod]
    sql = f"""SELECT
        (SELECT MAX(s.updated_at) FROM {sub} s JOIN {period} p ON s.period_id = p.id WHERE p.campaign_id = %s),
        (SELECT MAX(e.id) FROM {event} e JOIN {sub} s ON e.submission_id = s.id
                                         JOIN {period} p ON s.period_id = p.id WHERE p.campaign_id = %s),
        (SELECT MAX(id) FROM {table[CampaignEvent]} WHERE campaign_id = %s),
        (SELECT MAX(id) FROM {table[AuditEvent]}),
        CASE WHEN EXISTS (SELECT 1 FROM {table[CampaignIndicator]} WHERE campaign_id = %s AND comparator = %s)
             THEN (SELECT MAX(updated_at) FROM {sub}) END"""
    with connection.cursor() as cursor:
        cursor.execute(sql, [campaign.pk] * 4 + [Comparator.CHANGE_BY])
        return tuple(cursor.fetchone())


def period_closed(campaign: Campaign, period: ReportingPeriod, today: date) -> bool:
    """Whether units that have not sent the period's report are no longer waited for."""
    return is_closed(today=today, last_on_time_day=deadlines.last_on_time_day(period.deadline,
                                                                              period.deadline_inclusive),
                     collecting=lifecycle.collects_reports(campaign.status))


def campaign_table(campaign: Campaign, period: ReportingPeriod, user, today: date | None = None) -> list[CampaignRow]:
    """Per indicator: the campaign figure (rolled up), its evaluation, and each unit's cell for the
    units the user may see. Computed once per change of the figures (figures_stamp) and of whether
    the period is over; the rows are shared between requests, so callers read them and never change
    them. `today` defaults to the application's clock."""
    closed = period_closed(campaign, period, today if today is not None else clock.today())
    key = ("campaign_table", campaign.pk, period.pk, closed, figures_stamp(campaign))
    rows = _TABLES.get(key, lambda: _campaign_table(campaign, period, closed))
    visible = _visible(user, {org_id for row in rows for org_id in row.unit_cells})
    return [replace(row, unit_cells={org_id: cell for org_id, cell in row.unit_cells.items() if org_id in visible})
            for row in rows]


class UnitName(NamedTuple):
    pk: int
    name: str


def units_in_order(campaign: Campaign) -> list[UnitName]:
    """The units that report in the campaign, in Vietnamese order: the rows of its units' tables,
    paged in Python (a country's 3.000 ids in every page's query cost more than the page)."""
    def read() -> list[UnitName]:
        ids = list(reporting_map(campaign))
        return [UnitName(*row) for row in Organisation.objects.filter(pk__in=ids).order_by("name", "pk")
                .values_list("pk", "name")]

    return _TABLES.get(("units_in_order", campaign.pk, figures_stamp(campaign)), read)


def _campaign_table(campaign: Campaign, period: ReportingPeriod, closed: bool) -> list[CampaignRow]:
    """campaign_table for every unit; a fixed number of queries."""
    indicators = campaign_indicators(campaign)
    participants = participant_ids(campaign)
    submissions_ = {s.organisation_id: s for s in Submission.objects.filter(period=period)}
    by_pk = {s.pk: s for s in submissions_.values()}
    results = defaultdict(dict)
    # The submissions are already in hand: joining them again to every result row doubles the
    # work on a province's thousands of figures (devtools/management/commands/benchmark_documents).
    for result in Result.objects.filter(submission__period=period, submission__status__in=COUNTED).select_related(
            "override_by"):
        submission = by_pk[result.submission_id]
        result.submission = submission
        results[submission.organisation_id][result.indicator_id] = result
    unit_targets = {(t.indicator_id, t.organisation_id): t
                    for t in UnitTarget.objects.filter(indicator__campaign=campaign)}
    all_orgs = set(submissions_) | participants | {i.responsible_id for i in indicators if i.responsible_id}
    # Campaign figures need a unit's previous value only to judge a change ("giảm 0,3"); the unit's
    # own grid shows it for every row (grid()). Five years of history is not read for nothing.
    previous = previous_results(list(all_orgs), [i.definition_id for i in indicators
                                                 if i.comparator == Comparator.CHANGE_BY], period)
    columns = column_labels(indicators)
    rows = []
    for indicator in indicators:
        if indicator.is_group:
            rows.append(CampaignRow(indicator, evaluation.Target(Comparator.INFORMATIONAL), "", None, 0, 0,
                                    column=columns.get(indicator.pk, "")))
            continue
        expected = {org_id for org_id in reporters(indicator, participants)
                    if not _sent_without(submissions_.get(org_id), results[org_id], indicator)}
        cells = {}
        plan_target = target_of(indicator, None)    # parsed once, not once per unit
        for org_id in expected:
            result = results[org_id].get(indicator.pk)
            if result is not None:
                result.indicator = indicator
            unit_target = unit_targets.get((indicator.pk, org_id))
            target = target_of(indicator, unit_target) if unit_target is not None else plan_target
            prev = previous.get((org_id, indicator.definition_id))
            verdict = _unit_evaluation(indicator, target, result, prev, has_unit_target=unit_target is not None)
            cells[org_id] = Cell(indicator, target, result, prev, verdict, judged=verdict.overridden or judged_for_unit(
                rollup=indicator.rollup, scope=indicator.reporting_scope, comparator=target.comparator,
                has_unit_target=unit_target is not None))
        unit_cells = [c for org_id, c in cells.items() if org_id != indicator.responsible_id
                      or indicator.rollup != Rollup.ENTERED or indicator.reporting_scope == Scope.RESPONSIBLE]
        note = ""
        if indicator.reporting_scope == Scope.RESPONSIBLE:
            responsible_cell = cells.get(indicator.responsible_id)
            figure, actual = (responsible_cell.result.actual_text, actual_of(responsible_cell.result)) \
                if responsible_cell and responsible_cell.result and responsible_cell.result.actual_text else ("", None)
            if not figure and indicator.responsible_id:
                note = f"Chờ {indicator.responsible.name} gửi số liệu."
        else:
            figure, actual, note = _rollup(indicator, unit_cells, cells.get(indicator.responsible_id))
        target = target_of(indicator, None)
        overall = evaluation.evaluate(target, actual)
        if indicator.reporting_scope == Scope.RESPONSIBLE and responsible_cell is not None:
            overall = responsible_cell.evaluation
        counts = defaultdict(int)
        # The units' own verdicts: for ENTERED the responsible office's cell is the campaign
        # figure itself, not one more unit.
        for cell in unit_cells:
            counts[cell.evaluation.status] += 1
        reported = sum(1 for c in cells.values() if c.result is not None and c.result.actual_text)
        # The units whose figures the campaign's verdict rests on: for ENTERED, the responsible
        # office's figure alone (the others' are shown beside it, not added up).
        feeding = ([indicator.responsible_id] if indicator.rollup == Rollup.ENTERED and indicator.responsible_id
                   else list(cells))
        sent = sum(1 for org_id in feeding if _has_sent(submissions_.get(org_id)))
        one_office = indicator.responsible_id and (indicator.rollup == Rollup.ENTERED
                                                   or indicator.reporting_scope == Scope.RESPONSIBLE)
        own = sum(1 for org_id, c in cells.items() if org_id != indicator.responsible_id
                  and c.result is not None and c.result.actual_text)
        covered = Coverage(sent, len(feeding), closed, responsible=indicator.responsible.name if one_office else "",
                           own_figures=own if one_office else 0)
        units_overall = None
        if indicator.rollup == Rollup.NONE and indicator.reporting_scope != Scope.RESPONSIBLE:
            # No campaign figure: the plan is judged unit by unit, so say how many of the units
            # that sent meet it; the coverage says how many have sent.
            met = counts.get("Đạt", 0)
            judged = met + counts.get("Không đạt", 0)
            units_overall = units_verdict(met=met, judged=judged, coverage=covered)
            figure = units_overall.display
            overall = None
        else:
            overall = campaign_verdict(rollup=indicator.rollup, scope=indicator.reporting_scope, total=overall,
                                       coverage=covered)
        rows.append(CampaignRow(indicator, target, figure, overall, reported, len(cells),
                                cells, dict(counts),
                                figure_note=note, column=columns.get(indicator.pk, ""), coverage=covered,
                                units_evaluation=units_overall))
    return rows


def _has_sent(submission: Submission | None) -> bool:
    return submission is not None and submission.status in COUNTED


def _sent_without(submission: Submission | None, results: dict[int, Result], indicator: CampaignIndicator) -> bool:
    """A sent report without a row for this indicator was sent before the unit had to report it
    (a saved grid keeps a row for every cell, even an empty one): the unit added later does not
    owe that period's figure."""
    return submission is not None and submission.status in COUNTED and indicator.pk not in results


def _visible(user, ids: set[int]) -> set[int]:
    """The organisations whose cells a page may show; None is the system itself (eligibility)."""
    if user is None or access.is_admin(user):
        return set(ids)
    return access.visible_ids(user, ids)


_BADGES = {"on_time": "text-bg-success", "late": "text-bg-warning", "missing": "text-bg-danger",
           "returned": "text-bg-dark"}


@dataclass
class MatrixCell:
    period: ReportingPeriod
    submission: Submission | None
    timeliness: str
    filled: int
    expected: int

    @property
    def label(self) -> str:
        return submissions.Timeliness(self.timeliness).label

    @property
    def period_pk(self) -> int:
        return self.period.pk

    @property
    def badge_class(self) -> str:
        return _BADGES.get(self.timeliness, "text-bg-light border")

    @property
    def needs_reminder(self) -> bool:
        """Not sent yet (due or overdue), or returned and not sent again."""
        return submissions.owes_report(self.submission.status if self.submission else None)


@dataclass
class MatrixRow:
    organisation: Organisation
    cells: list[MatrixCell]


def completeness(campaign: Campaign, user, today: date, period: ReportingPeriod | None = None
                 ) -> tuple[list[ReportingPeriod], list[MatrixRow]]:
    """Units × periods: on time / late / missing / returned, for the units the user may see (one
    period's column only, when given: a report reads just its own). Computed once a day per change
    of the figures (figures_stamp), like campaign_table."""
    key = ("completeness", campaign.pk, period.pk if period else None, today, figures_stamp(campaign))
    periods, rows = _TABLES.get(key, lambda: _completeness(campaign, today, period))
    visible = _visible(user, {row.organisation.pk for row in rows})
    return periods, [row for row in rows if row.organisation.pk in visible]


def _completeness(campaign: Campaign, today: date, period: ReportingPeriod | None
                  ) -> tuple[list[ReportingPeriod], list[MatrixRow]]:
    periods = [period] if period is not None else list(campaign.periods.all())
    indicators = campaign_indicators(campaign)
    reporting = reporting_map(campaign, indicators)
    visible = set(reporting)
    organisations = sorted(Organisation.objects.filter(pk__in=visible).select_related("parent"),
                           key=lambda o: vi_sort_key(o.name))
    in_periods = {"period__in": periods} if period is not None else {"period__campaign": campaign}
    subs = {(s.period_id, s.organisation_id): s for s in
            Submission.objects.filter(organisation_id__in=visible, **in_periods)}
    counts = {(row["submission__period_id"], row["submission__organisation_id"]): (row["filled"], row["rows"])
              for row in Result.objects.filter(submission__organisation_id__in=visible,
                                               **{f"submission__{k}": v for k, v in in_periods.items()})
              .values("submission__period_id", "submission__organisation_id")
              .annotate(filled=Count("id", filter=~Q(actual_text="")), rows=Count("id"))}
    rows = []
    for org in organisations:
        cells = []
        for period in periods:
            sub = subs.get((period.pk, org.pk))
            submitted_local = (timezone.localtime(sub.submitted_at).replace(tzinfo=None)
                               if sub and sub.submitted_at else None)
            state = submissions.timeliness(status=sub.status if sub else None, submitted_local=submitted_local,
                                           deadline=period.deadline, inclusive=period.deadline_inclusive, today=today)
            filled, saved_rows = counts.get((period.pk, org.pk), (0, 0))
            # A sent report is judged against the grid it was sent with (see _sent_without).
            expected = saved_rows if sub is not None and sub.status in COUNTED else len(reporting[org.pk])
            cells.append(MatrixCell(period, sub, state, filled, expected))
        rows.append(MatrixRow(org, cells))
    return periods, rows


class _Scope(NamedTuple):
    """What reporters() reads of an indicator."""
    pk: int
    campaign_id: int
    is_group: bool
    reporting_scope: str
    rollup: str
    responsible_id: int | None


class _SubmissionState(NamedTuple):
    period_id: int
    organisation_id: int
    status: str
    exception_until: date | None
    return_reason: str


def reports_for(user, today: date) -> list[dict]:
    """Reports the user's units have to fill or fix now: open periods of live campaigns (home page)."""
    if not access.can(user, "results.enter"):
        return []
    live = list(Campaign.objects.visible_to(user).filter(status__in=lifecycle.LIVE))
    if not live:
        return []
    # Only the user's own units matter: a province's campaigns have 300 participants each, and a
    # health centre's staff enters for its 31.
    own = access.organisations_for(user, "results.enter")
    # Plain rows, not model instances: a province's live campaigns hold hundreds of indicators and
    # a health centre's units hundreds of reports, of which the page lists a few.
    indicators = [_Scope(*row) for row in CampaignIndicator.objects.filter(campaign__in=live).values_list(
        "pk", "campaign_id", "is_group", "reporting_scope", "rollup", "responsible_id")]
    named = defaultdict(set)
    for indicator_id, org_id in CampaignIndicator.reporting_units.through.objects.filter(
            campaignindicator__campaign__in=live, organisation__in=own).values_list(
            "campaignindicator_id", "organisation_id"):
        named[indicator_id].add(org_id)
    participants = defaultdict(set)
    for campaign_id, org_id in Participation.objects.filter(campaign__in=live, organisation__in=own).values_list(
            "campaign_id", "organisation_id"):
        participants[campaign_id].add(org_id)
    reporting = defaultdict(set)  # campaign id → reporting organisation ids
    for indicator in indicators:
        reporting[indicator.campaign_id] |= reporters(indicator, participants[indicator.campaign_id],
                                                      named[indicator.pk])
    candidates = set().union(*reporting.values()) if reporting else set()
    mine = {o.pk: o for o in own.filter(pk__in=candidates)}
    periods = list(ReportingPeriod.objects.filter(campaign__in=live).select_related("campaign"))
    subs = {(s.period_id, s.organisation_id): s for s in map(_SubmissionState._make, Submission.objects.filter(
        period__in=periods, organisation_id__in=mine).values_list(
        "period_id", "organisation_id", "status", "exception_until", "return_reason"))}
    rows = []
    for period in periods:
        for org_id in reporting[period.campaign_id] & set(mine):
            sub = subs.get((period.pk, org_id))
            status = sub.status if sub else submissions.Status.DRAFT
            open_now = submissions.is_open(today=today, deadline=period.deadline, inclusive=period.deadline_inclusive,
                                           status=status, exception_until=sub.exception_until if sub else None)
            # A report never sent and now past its deadline stays on the list: the unit still owes
            # it and must ask the secretariat for an extension.
            overdue = not open_now and status == submissions.Status.DRAFT
            if not open_now and not overdue:
                continue
            days = deadlines.days_left(today, period.deadline, period.deadline_inclusive)
            rows.append({"period": period, "organisation": mine[org_id], "submission": sub, "status": status,
                         "days_left": days, "days_left_text": deadlines.describe_days_left(days), "overdue": overdue})
    rows.sort(key=lambda r: (r["status"] != submissions.Status.RETURNED, r["overdue"],
                             r["days_left"] if r["days_left"] is not None else 10 ** 6))
    return rows


def awaiting_review(user) -> list[Submission]:
    """Submitted reports of campaigns the user reviews (home page)."""
    if not access.can(user, "results.review"):
        return []
    scope = access.scope_q(user, "results.review", field="period__campaign__issuer__path")
    pending = Submission.objects.filter(status=submissions.Status.SUBMITTED).select_related(
        "organisation", "period__campaign")
    if scope is not None:
        pending = pending.filter(scope)
    return list(pending.order_by("submitted_at")[:20])


def unit_results(campaign: Campaign, organisation: Organisation) -> tuple[list[ReportingPeriod], list[dict]]:
    """One unit's figures across the campaign's periods."""
    periods = list(campaign.periods.all())
    indicators = campaign_indicators(campaign)
    reported = reporting_map(campaign, indicators).get(organisation.pk, set())
    results = {(r.submission.period_id, r.indicator_id): r for r in Result.objects.filter(
        submission__period__campaign=campaign, submission__organisation=organisation).select_related("submission")}
    unit_targets = {t.indicator_id: t for t in UnitTarget.objects.filter(indicator__campaign=campaign,
                                                                          organisation=organisation)}
    rows = []
    for indicator in indicators:
        if indicator.pk not in reported and not indicator.is_group:
            continue
        target = target_of(indicator, unit_targets.get(indicator.pk))
        cells = []
        previous = None
        for period in periods:
            result = results.get((period.pk, indicator.pk))
            if result is not None:
                result.indicator = indicator
            cells.append(Cell(indicator, target, result, previous, _unit_evaluation(
                indicator, target, result, previous, has_unit_target=indicator.pk in unit_targets)))
            if result is not None and result.actual_text:
                previous = result
        rows.append({"indicator": indicator, "target": target, "cells": cells})
    return periods, rows
