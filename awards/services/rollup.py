"""The roll-up's bulk actions on ticked units (issue 19, point 7): return with a reason, forward
upward. They change nothing themselves: each unit's nominations go through `move` (the workflow's
table, its checks and history rows, the unit's e-mail) and its report through
indicators.services.review_report. One transaction per unit, so a refusal for one unit undoes that
unit's changes only, and the caller learns per unit what happened."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from awards import selectors
from awards.models import Nomination, Proposal
from awards.services.review import move
from awards.workflow import State
from campaigns.models import Campaign, ReportingPeriod
from common import clock
from indicators import services as indicator_services
from indicators.models import Submission
from indicators.submissions import Status as ReportStatus
from units import access
from units.access import SystemActor
from units.models import Organisation, User


@dataclass
class UnitOutcome:
    organisation: Organisation
    done: list[str] = field(default_factory=list)     # what happened, in the page's words
    refused: str = ""                                  # why nothing happened for this unit

    @property
    def text(self) -> str:
        if self.refused:
            return f"{self.organisation.name}: không thực hiện được – {self.refused}"
        return f"{self.organisation.name}: {'; '.join(self.done) if self.done else 'không có gì để thực hiện'}."


def _unit_nominations(campaign: Campaign, organisation: Organisation, state: str):
    """The unit's nominations (its wards' included) in the campaign's proposals to the issuer, oldest first."""
    return (Nomination.objects.filter(proposal__campaign=campaign, proposal__kind=Proposal.Kind.UPWARD,
                                      proposal__organisation__path__startswith=organisation.path, state=state)
            .select_related("award_type", "proposal__campaign__issuer").order_by("pk"))


def _refusal(error: ValidationError | PermissionDenied) -> str:
    if isinstance(error, PermissionDenied):
        return "bạn không có quyền với hồ sơ này"
    return " ".join(error.messages)


def return_to_units(*, by: User | SystemActor, campaign: Campaign, organisations: list[Organisation], reason: str,
                    nominations: bool = True, figures: bool = False, period: ReportingPeriod | None = None
                    ) -> list[UnitOutcome]:
    """Send back each unit's nominations waiting to be taken in (state submitted) and/or its report
    of `period` waiting to be accepted, with `reason` (which the unit reads and is e-mailed).
    Raises PermissionDenied unless `by` reviews what is asked for at the campaign's issuer, and
    ValidationError when there is no reason, nothing was asked, or the period is another
    campaign's. Each unit runs in its own transaction: a refusal (a nomination moved meanwhile, the
    campaign no longer collecting reports) is that unit's outcome, and its other changes are undone."""
    if nominations:
        access.require(by, "nomination.review", campaign.issuer)
    if figures:
        access.require(by, "results.review", campaign.issuer)
    if not (nominations or figures):
        raise ValidationError("Chọn trả lại đề nghị khen thưởng, báo cáo số liệu, hoặc cả hai.")
    if not reason.strip():
        raise ValidationError({"reason": "Ghi lý do trả lại: đơn vị sẽ đọc được."})
    if figures and (period is None or period.campaign_id != campaign.pk):
        raise ValidationError("Chọn kỳ báo cáo của phong trào này.")
    outcomes = []
    for organisation in organisations:
        outcome = UnitOutcome(organisation)
        try:
            with transaction.atomic():
                if nominations:
                    waiting = list(_unit_nominations(campaign, organisation, State.SUBMITTED))
                    for nomination in waiting:
                        move(by=by, nomination=nomination, target=State.RETURNED, reason=reason)
                    if waiting:
                        outcome.done.append(f"đã trả lại {len(waiting)} đề nghị khen thưởng")
                if figures:
                    report = Submission.objects.filter(period=period, organisation=organisation,
                                                       status=ReportStatus.SUBMITTED).first()
                    if report is not None:
                        indicator_services.review_report(by=by, submission=report, accept=False, reason=reason)
                        outcome.done.append(f"đã trả lại báo cáo số liệu {period.display_label}")
        except (ValidationError, PermissionDenied) as error:
            outcome = UnitOutcome(organisation, refused=_refusal(error))
        outcomes.append(outcome)
    return outcomes


def forward_units(*, by: User | SystemActor, campaign: Campaign, organisations: list[Organisation]
                  ) -> list[UnitOutcome]:
    """Trình cấp trên: each unit's approved nominations that are above the issuer's authority (not
    in a decision) move to "forwarded" (the workflow's own move, with its history row); those the
    issuer decides itself stay for its decision, and the outcome says how many. Raises
    PermissionDenied unless `by` reviews nominations at the campaign's issuer; one transaction per unit."""
    access.require(by, "nomination.review", campaign.issuer)
    today = clock.today()
    outcomes = []
    for organisation in organisations:
        outcome = UnitOutcome(organisation)
        try:
            with transaction.atomic():
                approved = list(_unit_nominations(campaign, organisation, State.APPROVED)
                                .filter(decision_line__isnull=True))
                above = selectors.above_authority(approved, campaign.issuer, today)
                upward = [n for n in approved if n.pk in above]
                for nomination in upward:
                    move(by=by, nomination=nomination, target=State.FORWARDED)
                if upward:
                    outcome.done.append(f"đã trình cấp trên {len(upward)} đề nghị")
                if len(approved) > len(upward):
                    outcome.done.append(f"{len(approved) - len(upward)} đề nghị thuộc thẩm quyền của "
                                        f"{campaign.issuer.name}: đưa vào quyết định của cơ quan, không trình cấp trên")
        except (ValidationError, PermissionDenied) as error:
            outcome = UnitOutcome(organisation, refused=_refusal(error))
        outcomes.append(outcome)
    return outcomes
