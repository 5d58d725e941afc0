"""A campaign's roll-up for its issuer (issue 19, point 7): each participating unit's figures for
one reporting period, its nominations counted in the provincial systems' words
(workflow.Standing), what the secretariat took in and what was decided, and the pledges it signed.
One table, in a fixed number of queries whatever the number of units."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Exists, OuterRef

from awards import workflow
from awards.models import Decision, DecisionLine, Nomination, Proposal
from awards.workflow import Standing, State
from campaigns.models import Campaign, Participation, Pledge, ReportingPeriod
from common.text import vi_sort_key
from indicators import selectors as indicator_selectors
from indicators.submissions import Status as ReportStatus
from units import access
from units.models import Organisation


class Figures:
    """The unit's report for the chosen period, as the roll-up filters it."""
    NOT_SENT = "chua-gui"
    SENT = "da-gui"
    RETURNED = "tra-lai"
    ACCEPTED = "da-tiep-nhan"
    NOT_ASKED = "khong-bao-cao"

    LABELS = {NOT_SENT: "Chưa gửi báo cáo", SENT: "Đã gửi, chờ tiếp nhận", RETURNED: "Bị trả lại",
              ACCEPTED: "Đã tiếp nhận", NOT_ASKED: "Không phải báo cáo kỳ này"}
    BADGES = {NOT_SENT: "text-bg-light border", SENT: "text-bg-primary", RETURNED: "text-bg-dark",
              ACCEPTED: "text-bg-success", NOT_ASKED: "text-bg-light border"}
    OF_STATUS = {ReportStatus.DRAFT: NOT_SENT, ReportStatus.SUBMITTED: SENT, ReportStatus.RETURNED: RETURNED,
                 ReportStatus.ACCEPTED: ACCEPTED}


# The nominations' filter that is not one of the provincial words: waiting with the unit.
RETURNED = "tra-lai-de-nghi"


@dataclass
class UnitRow:
    organisation: Organisation
    is_participant: bool = True
    figures: str = Figures.NOT_ASKED
    timeliness: str = ""              # "Đúng hạn", "Nộp muộn"… of the period's report, when it is asked for
    submission_id: int | None = None
    standings: dict[str, int] = field(default_factory=dict)
    sent: int = 0                     # nominations the unit sent (not drafts, not withdrawn)
    returned: int = 0                 # returned to it, waiting for its fixes
    waiting: int = 0                  # sent and not yet taken in: what a bulk return sends back
    accepted: int = 0                 # taken in by the secretariat
    approved: int = 0                 # approved and not yet decided: what a forward upward may take
    decided: int = 0
    pledges: list[str] = field(default_factory=list)

    @property
    def figures_label(self) -> str:
        return Figures.LABELS[self.figures]

    @property
    def figures_badge(self) -> str:
        return Figures.BADGES[self.figures]

    @property
    def standing_cells(self) -> list[int]:
        return [self.standings.get(s, 0) for s in Standing.values]

    def matches(self, key: str) -> bool:
        """Whether the row stays under the filter `key` (a Standing, RETURNED or a Figures key)."""
        if key in Standing.values:
            return self.standings.get(key, 0) > 0
        if key == RETURNED:
            return self.returned > 0
        return self.figures == key


@dataclass
class Chip:
    key: str
    label: str
    count: int            # nominations (the five words, returned) or units (figures)
    units: int
    help: str = ""


@dataclass
class Rollup:
    campaign: Campaign
    periods: list[ReportingPeriod]
    period: ReportingPeriod | None
    rows: list[UnitRow]
    standing_chips: list[Chip]
    figure_chips: list[Chip]
    has_pledges: bool

    def filtered(self, key: str) -> list[UnitRow]:
        return [row for row in self.rows if row.matches(key)] if key else self.rows

    @property
    def totals(self) -> UnitRow:
        total = UnitRow(organisation=None, figures=Figures.NOT_ASKED)
        for row in self.rows:
            for key, n in row.standings.items():
                total.standings[key] = total.standings.get(key, 0) + n
            for name in ("sent", "returned", "waiting", "accepted", "approved", "decided"):
                setattr(total, name, getattr(total, name) + getattr(row, name))
        return total


def current_period(periods: list[ReportingPeriod], today: date) -> ReportingPeriod | None:
    """The period the roll-up opens on: the first whose deadline is still ahead (the one being
    collected), else the last one; a period without a date counts as ahead."""
    ahead = [p for p in periods if p.deadline is None or p.deadline >= today]
    return ahead[0] if ahead else (periods[-1] if periods else None)


def _owner(path: str, participants: list[Organisation]) -> Organisation | None:
    """The deepest participant whose subtree holds `path` (a hospital's ward proposes for it)."""
    owners = [o for o in participants if path.startswith(o.path)]
    return max(owners, key=lambda o: len(o.path)) if owners else None


def campaign_rollup(campaign: Campaign, user, today: date, period: ReportingPeriod | None = None) -> Rollup:
    """The roll-up of `campaign` for `user` (who the view has let in: units.access's answer), its
    figures for `period` (the current one when None). Rows: the participants, and any other body
    that sent nominations (an office responsible for an item), in Vietnamese order; only
    organisations the user may see. Unit-path lists (titles a unit head decides) are not the
    issuer's and are left out. A fixed number of queries whatever the number of units and
    nominations (tests/awards/test_rollup.py pins the page's)."""
    periods = list(campaign.periods.all())
    if period is None:
        period = current_period(periods, today)
    participants = [p.organisation for p in Participation.objects.filter(campaign=campaign)
                    .select_related("organisation")]
    rows: dict[int, UnitRow] = {o.pk: UnitRow(organisation=o) for o in participants}

    issued = DecisionLine.objects.filter(nomination=OuterRef("pk"), decision__status=Decision.Status.ISSUED)
    counts = (Nomination.objects.filter(proposal__campaign=campaign, proposal__kind=Proposal.Kind.UPWARD)
              .annotate(issued=Exists(issued))
              .values_list("proposal__organisation_id", "proposal__organisation__path", "state", "issued")
              .annotate(n=Count("id")).order_by())
    per_org: list[tuple[int, str, str, bool, int]] = list(counts)
    strangers = {org_id for org_id, path, *_ in per_org if _owner(path, participants) is None}
    for org in Organisation.objects.filter(pk__in=strangers):
        rows[org.pk] = UnitRow(organisation=org, is_participant=False)
    for org_id, path, state, in_decision, n in per_org:
        owner = _owner(path, participants)
        row = rows[owner.pk if owner else org_id]
        word = workflow.standing(state, in_issued_decision=in_decision)
        if word:
            row.standings[word] = row.standings.get(word, 0) + n
        row.sent += n if state in workflow.SENT else 0
        row.returned += n if state == State.RETURNED else 0
        row.waiting += n if state == State.SUBMITTED else 0
        row.accepted += n if state in workflow.TAKEN_IN else 0
        row.approved += n if state == State.APPROVED else 0
        row.decided += n if state == State.DECIDED else 0

    if period is not None:
        _periods, matrix = indicator_selectors.completeness(campaign, user, today, period)
        for matrix_row in matrix:
            row = rows.get(matrix_row.organisation.pk)
            if row is None:
                continue
            cell = matrix_row.cells[0]
            status = cell.submission.status if cell.submission else ReportStatus.DRAFT
            row.figures = Figures.OF_STATUS[status]
            row.timeliness = cell.label
            row.submission_id = cell.submission.pk if cell.submission else None

    pledged = (Pledge.parties.through.objects.filter(pledge__campaign=campaign)
               .values_list("organisation__path", "pledge__title").order_by("pledge__signed_on", "pledge_id"))
    has_pledges = False     # a pledge has two parties at least (campaigns.services.save_pledge)
    for path, title in pledged:
        has_pledges = True
        owner = _owner(path, participants)
        if owner is not None and title not in rows[owner.pk].pledges:
            rows[owner.pk].pledges.append(title)

    visible = set(rows) if access.is_admin(user) else access.visible_ids(user, set(rows))
    ordered = sorted((r for pk, r in rows.items() if pk in visible),
                     key=lambda r: (not r.is_participant, vi_sort_key(r.organisation.name)))
    return Rollup(campaign=campaign, periods=periods, period=period, rows=ordered,
                  standing_chips=_standing_chips(ordered), figure_chips=_figure_chips(ordered, period),
                  has_pledges=has_pledges)


def _standing_chips(rows: list[UnitRow]) -> list[Chip]:
    chips = [Chip(key, str(label), sum(r.standings.get(key, 0) for r in rows),
                  sum(1 for r in rows if r.standings.get(key, 0)), workflow.STANDING_MEANS[key])
             for key, label in Standing.choices]
    chips.append(Chip(RETURNED, "Trả lại, chờ bổ sung", sum(r.returned for r in rows),
                      sum(1 for r in rows if r.returned), "đã trả lại để đơn vị bổ sung, chưa gửi lại"))
    return chips


def _figure_chips(rows: list[UnitRow], period: ReportingPeriod | None) -> list[Chip]:
    if period is None:
        return []
    keys = [Figures.NOT_SENT, Figures.SENT, Figures.RETURNED, Figures.ACCEPTED]
    return [Chip(key, Figures.LABELS[key], n, n) for key in keys
            for n in [sum(1 for r in rows if r.figures == key)]]
