"""The only code that changes indicators, targets, results and reports. Every call checks the
acting user through units.access, runs in one transaction and writes its history row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from campaigns import deadlines, lifecycle
from campaigns.models import Campaign, CampaignEvent, ReportingPeriod
from common import audit, clock, files
from common.forms import too_long
from common.text import format_date, nfc, normalise_search, sentence_case, vi_sort_key
from common.urls import reverse_ids
from indicators import evaluation, selectors, submissions
from indicators.evaluation import Comparator
from indicators.models import (
    CampaignIndicator,
    IndicatorDefinition,
    Reminder,
    Result,
    Submission,
    SubmissionAttachment,
    SubmissionEvent,
    UnitTarget,
)
from indicators.submissions import Status
from units import access
from units.access import SystemActor
from units.models import AuditEvent as UnitEvent
from units.models import Membership, Organisation, User
from units.notifications import email_unit

DEFINITION_FIELDS = ["code", "name", "unit", "direction", "description"]
INDICATOR_FIELDS = [
    "definition", "subcampaign", "parent", "order", "number", "label", "unit_label", "is_key", "is_group",
    "comparator", "target_text", "next_target_text", "printed_line", "reporting_scope", "responsible", "rollup",
]


# --- Definitions and the campaign's indicators ------------------------------------------------------


def _campaign_event(by, campaign, action, target, *, before=None, after=None, changes=None, reason=""):
    rows = changes if changes is not None else audit.diff(before, after)
    if not rows and action == CampaignEvent.Action.CHANGED:
        return
    audit.record(CampaignEvent, campaign=campaign, actor=by, action=action, target=target, changes=rows,
                 reason=reason)


def _require_plan_editor(by: User | SystemActor, campaign: Campaign, reason: str) -> None:
    """Targets belong to the plan: managers change them; once issued, only with a reason."""
    access.require(by, "campaign.manage", campaign.issuer)
    if access.is_system(by):
        return  # the loaders set the targets of plans transcribed as issued or closed
    if not lifecycle.is_editable(campaign.status):
        raise ValidationError(_("Phong trào đã kết thúc, không thể sửa chỉ tiêu."))
    if campaign.edits_need_reason and not reason.strip():
        raise ValidationError({"reason": _("Kế hoạch đã ban hành: chỉ tiêu bị khóa, hãy ghi lý do điều chỉnh.")
                               if campaign.status != lifecycle.Status.DRAFT else
                               _("Kế hoạch đã trình ký: chỉ tiêu bị khóa, hãy ghi lý do điều chỉnh.")})


@transaction.atomic
def save_definition(*, by: User | SystemActor, instance: IndicatorDefinition) -> IndicatorDefinition:
    """Create or change an indicator of the issuer's catalogue; the change is kept in the issuer's
    history, since every campaign using the indicator shows it."""
    access.require(by, "campaign.manage", instance.issuer)
    instance.name = nfc(instance.name).strip()
    instance.code = instance.code.strip().upper()
    clash = IndicatorDefinition.objects.filter(issuer=instance.issuer, code__iexact=instance.code)
    if clash.exclude(pk=instance.pk).exists():
        raise ValidationError({"code": _("Mã chỉ tiêu này đã có trong danh mục của cơ quan.")})
    created = instance.pk is None
    before = None if created else audit.snapshot(IndicatorDefinition.objects.get(pk=instance.pk), DEFINITION_FIELDS)
    instance.search_text = normalise_search(f"{instance.code} {instance.name}")
    instance.full_clean(exclude=["search_text"], validate_unique=False, validate_constraints=False)
    instance.save()
    changes = audit.diff(before, audit.snapshot(instance, DEFINITION_FIELDS))
    if changes:
        audit.record(UnitEvent, actor=by, organisation=instance.issuer,
                     action=UnitEvent.Action.CREATED if created else UnitEvent.Action.CHANGED,
                     target=instance, changes=changes)
    return instance


def _printed(text: str, field: str) -> str:
    """A printed figure as stored: as typed, full-width digits made 0–9; any other non-ASCII digit
    refused next to the field, even where the text is words (a qualitative target), since the
    appendix and its Excel read the figure in it."""
    try:
        return evaluation.printed_digits(nfc(text))
    except evaluation.ParseError as exc:
        raise ValidationError({field: str(exc)}) from exc


def _parse_target(indicator: CampaignIndicator) -> None:
    """Fill the parsed target from the printed one; the printed text stays as typed."""
    indicator.target_text = _printed(indicator.target_text, "target_text")
    indicator.next_target_text = _printed(indicator.next_target_text, "next_target_text")
    indicator.printed_line = _printed(indicator.printed_line, "printed_line").strip()
    indicator.target_value = None
    indicator.target_denominator = None
    if indicator.is_group:
        return
    if indicator.comparator in (Comparator.QUALITATIVE,) or (
            indicator.comparator == Comparator.INFORMATIONAL and not indicator.target_text):
        return
    try:
        target = evaluation.target_for(indicator.comparator, indicator.target_text, indicator.definition.direction)
    except evaluation.ParseError as exc:
        raise ValidationError({"target_text": str(exc)}) from exc
    indicator.target_value = target.value
    indicator.target_denominator = target.denominator


@transaction.atomic
def save_indicator(*, by: User | SystemActor, campaign: Campaign, instance: CampaignIndicator,
                   reporting_units: list[Organisation] | None = None, reason: str = "") -> CampaignIndicator:
    """Create or change one row of the campaign's indicator table."""
    campaign = Campaign.objects.select_for_update().select_related("issuer").get(pk=campaign.pk)
    _require_plan_editor(by, campaign, reason)
    if instance.definition.issuer_id != campaign.issuer.root_id:
        raise ValidationError({"definition": _("Chỉ tiêu phải thuộc danh mục của cơ quan ban hành.")})
    if instance.parent_id and instance.parent.campaign_id != campaign.pk:
        raise ValidationError({"parent": _("Dòng cha phải thuộc kế hoạch này.")})
    if instance.reporting_scope == CampaignIndicator.Scope.RESPONSIBLE and not instance.responsible_id:
        raise ValidationError({"responsible": _("Chọn bộ phận phụ trách số liệu.")})
    if instance.rollup == CampaignIndicator.Rollup.ENTERED and not instance.responsible_id:
        raise ValidationError({"responsible": _("Số liệu chung do bộ phận phụ trách nhập: hãy chọn bộ phận đó.")})
    for org in [instance.responsible, *(reporting_units or [])]:
        if org is not None and not access.can_see(by, org):
            raise PermissionDenied
    _parse_target(instance)
    created = instance.pk is None
    before = None if created else audit.snapshot(CampaignIndicator.objects.get(pk=instance.pk), INDICATOR_FIELDS)
    units_before = "" if created else _unit_names(instance.reporting_units.all())
    instance.campaign = campaign
    instance.full_clean(validate_constraints=False)
    instance.save()
    if reporting_units is not None:
        instance.reporting_units.set(reporting_units)
    changes = audit.diff(before, audit.snapshot(instance, INDICATOR_FIELDS))
    units_after = _unit_names(instance.reporting_units.all())
    if units_after != units_before:
        # Who reports is part of the plan: a unit added or dropped is as visible as a changed target.
        changes.append({"field": "reporting_units", "label": "Các đơn vị báo cáo",
                        "before": units_before, "after": units_after})
    _campaign_event(by, campaign, CampaignEvent.Action.CREATED if created else CampaignEvent.Action.CHANGED,
                    instance, changes=changes, reason=reason)
    return instance


def _unit_names(organisations) -> str:
    return "; ".join(sorted((o.name for o in organisations), key=vi_sort_key))


@transaction.atomic
def delete_indicator(*, by: User | SystemActor, indicator: CampaignIndicator, reason: str = "") -> None:
    campaign = indicator.campaign
    _require_plan_editor(by, campaign, reason)
    if indicator.results.exclude(actual_text="").exists():
        raise ValidationError(_("Chỉ tiêu đã có số liệu của đơn vị, không xóa được."))
    if indicator.children.exists():
        raise ValidationError(_("Hãy xóa các dòng con trước."))
    _campaign_event(by, campaign, CampaignEvent.Action.DELETED, indicator,
                    before=audit.snapshot(indicator, INDICATOR_FIELDS), reason=reason)
    indicator.delete()


@transaction.atomic
def set_unit_target(*, by: User | SystemActor, indicator: CampaignIndicator, organisation: Organisation,
                    target_text: str, reason: str = "") -> UnitTarget | None:
    """Give one reporting unit its own target; an empty text goes back to the campaign's."""
    campaign = indicator.campaign
    _require_plan_editor(by, campaign, reason)
    if not access.can_see(by, organisation):
        raise PermissionDenied
    existing = UnitTarget.objects.filter(indicator=indicator, organisation=organisation).first()
    old = existing.target_text if existing else ""
    text = _printed(target_text, "target_text")
    if not text:
        if existing is not None:
            existing.delete()
        row = None
    else:
        try:
            target = evaluation.target_for(indicator.comparator, text, indicator.definition.direction)
        except evaluation.ParseError as exc:
            raise ValidationError({"target_text": str(exc)}) from exc
        row, _created = UnitTarget.objects.update_or_create(
            indicator=indicator, organisation=organisation,
            defaults={"target_text": text, "target_value": target.value, "target_denominator": target.denominator,
                      "set_by": access.user_or_none(by), "set_at": clock.now(), "reason": reason},
        )
    if old != text:
        _campaign_event(by, campaign, CampaignEvent.Action.CHANGED, indicator, reason=reason, changes=[
            {"field": "unit_target", "label": f"Chỉ tiêu giao riêng cho {organisation.name}",
             "before": old or "theo chỉ tiêu chung", "after": text or "theo chỉ tiêu chung"}])
    return row


# --- Reports ---------------------------------------------------------------------------------------------


def _event(by, submission, action, *, changes=None, reason="", label=""):
    audit.record(SubmissionEvent, submission=submission, actor=by, action=action, target=submission,
                 target_type="báo cáo kết quả", label=label or None, changes=changes or [], reason=reason)


def _submission(period: ReportingPeriod, organisation: Organisation, *, lock: bool = True) -> Submission:
    submission, _created = Submission.objects.get_or_create(period=period, organisation=organisation)
    return Submission.objects.select_for_update().get(pk=submission.pk) if lock else submission


def _fresh(period: ReportingPeriod) -> ReportingPeriod:
    """The period with its campaign as stored now: the campaign may have closed since the caller
    loaded it, and its status decides what may still happen."""
    return ReportingPeriod.objects.select_related("campaign__issuer").get(pk=period.pk)


def _require_reporter(by: User | SystemActor, organisation: Organisation) -> None:
    if not access.can(by, "results.enter", organisation):
        raise PermissionDenied


def _require_reviewer(by: User | SystemActor, campaign: Campaign) -> None:
    if not access.can(by, "results.review", campaign.issuer):
        raise PermissionDenied
    if not lifecycle.collects_reports(campaign.status):
        raise ValidationError(_("Phong trào không còn nhận báo cáo: không tiếp nhận, trả lại, nhắc hay cho nộp muộn "
                                "được nữa."))


@dataclass
class CellInput:
    actual_text: str = ""
    note: str = ""
    evidence: object = None       # an uploaded file, or None to keep the stored one
    clear_evidence: bool = False


class GridErrors(ValidationError):
    """Cell messages by indicator id; nothing was saved."""

    def __init__(self, cells: dict[int, str], message: str = ""):
        super().__init__(message or _("Có ô nhập chưa đúng; chưa lưu gì. Sửa các ô được đánh dấu rồi lưu lại."))
        self.cells = cells


class VersionConflict(ValidationError):
    """Someone saved the report since this page was opened."""


# Each narrative field of a report: about ten printed pages, more than any report writes.
NARRATIVE_MAX = 20_000

# The version of a report nobody has saved yet, whether its row exists or not: a page opened then
# expects it, so a colleague's first save meanwhile (which makes it 2) is a conflict like a later one.
UNSAVED_VERSION = Submission._meta.get_field("version").default


def check_cells(indicators: dict[int, CampaignIndicator], cells: dict[int, CellInput]
                ) -> tuple[dict[int, str], dict[int, tuple[str, evaluation.Actual | None]]]:
    """Cell messages, and each cell's text with its parsed value. Writes nothing: the view also
    calls it when a file was refused, so that every wrong cell is shown at once."""
    errors, parsed = {}, {}
    for indicator_id, cell in cells.items():
        indicator = indicators[indicator_id]
        text = nfc(cell.actual_text or "").strip()
        try:
            if len(text) > Result._meta.get_field("actual_text").max_length:
                # Refused, never cut: "12/12 trạm …" cut short would read as another figure.
                raise evaluation.ParseError(too_long(Result._meta.get_field("actual_text").max_length, len(text)))
            actual = evaluation.parse_actual(text, indicator.comparator)
        except evaluation.ParseError as exc:
            errors[indicator_id] = str(exc)
        else:
            # Stored as parse_actual read it: "５" is kept as the "5" it was read as.
            parsed[indicator_id] = (actual.text if actual else text, actual)
            problem = evaluation.implausible(parsed[indicator_id][1], indicator.unit_text)
            if problem:
                errors[indicator_id] = problem
        if len(cell.note or "") > Result._meta.get_field("note").max_length:
            errors[indicator_id] = "Ghi chú: " + too_long(Result._meta.get_field("note").max_length, len(cell.note))
    return errors, parsed


@transaction.atomic
def save_report(
    *, by: User | SystemActor, period: ReportingPeriod, organisation: Organisation, cells: dict[int, CellInput],
    narrative: dict[str, str] | None = None, expected_version: int | None = None, today: date | None = None,
    enforce_window: bool = True,
) -> Submission:
    """Save a unit's grid as a draft, all cells or none. Raises GridErrors (cell → message) when a
    value is not understood, VersionConflict when someone saved meanwhile, ValidationError when
    the grid is locked. Every changed cell is kept in the report's history."""
    _require_reporter(by, organisation)
    today = today or clock.today()
    submission = _submission(period, organisation)
    if expected_version is not None and expected_version != submission.version:
        who = submission.updated_by.get_full_name() if submission.updated_by else "người khác"
        raise VersionConflict(_("Báo cáo vừa được %(who)s lưu lúc %(when)s. Số liệu bạn nhập chưa được lưu và vẫn "
                                "còn trên trang: hãy xem lại rồi lưu lần nữa.")
                              % {"who": who, "when": format_date(submission.updated_at)})
    if enforce_window:
        grid = selectors.grid(period, organisation, today)
        if not grid.is_open:
            raise ValidationError(grid.lock_reason)
        allowed = {cell.indicator.pk: cell.indicator for cell in grid.cells}
        owed = set(allowed)
    else:
        allowed = {i.pk: i for i in CampaignIndicator.objects.filter(campaign=period.campaign).select_related(
            "definition")}
        owed = selectors.reporting_map(period.campaign).get(organisation.pk, set())
    unknown = set(cells) - set(allowed)
    if unknown:
        # An indicator id the unit does not report (edited page source): refuse, save nothing.
        raise PermissionDenied
    errors, parsed = check_cells(allowed, cells)
    if errors:
        raise GridErrors(errors)
    existing = {r.indicator_id: r for r in submission.results.select_for_update()}
    changes = []
    to_create, to_update = [], []
    for indicator_id, (text, actual) in parsed.items():
        cell = cells[indicator_id]
        result = existing.get(indicator_id) or Result(submission=submission, indicator_id=indicator_id)
        before = (result.actual_text, result.note)
        result.actual_text = text
        result.value = actual.value if actual else None
        result.denominator = actual.denominator if actual else None
        result.bound = actual.bound if actual else ""
        result.note = nfc(cell.note or "").strip()
        if cell.clear_evidence:
            result.evidence = ""
        if before != (result.actual_text, result.note):
            label = allowed[indicator_id].display_label
            changes.append({"field": f"result_{indicator_id}", "label": label[:120],
                            "before": " · ".join(filter(None, before)), "after": " · ".join(
                                filter(None, (result.actual_text, result.note)))})
        if result.pk is None:
            to_create.append(result)
        else:
            to_update.append(result)
    # A row for every cell of the unit's grid, even empty: the report then records what it was
    # asked for when it was sent, whatever is added to the plan later (selectors._sent_without).
    to_create += [Result(submission=submission, indicator_id=indicator_id)
                  for indicator_id in owed - set(parsed) - set(existing)]
    Result.objects.bulk_create(to_create)
    Result.objects.bulk_update(to_update, ["actual_text", "value", "denominator", "bound", "note", "evidence"])
    for indicator_id, cell in cells.items():
        if cell.evidence is not None:
            result = next(r for r in to_create + to_update if r.indicator_id == indicator_id)
            files.store(result.evidence, cell.evidence.name, cell.evidence)
            result.save(update_fields=["evidence"])
            changes.append({"field": f"evidence_{indicator_id}", "label": f"Minh chứng: {allowed[indicator_id]}"[:120],
                            "before": "", "after": result.evidence.name.rsplit("/", 1)[-1]})
    for name, value in (narrative or {}).items():
        value = nfc(value or "").strip()
        if len(value) > NARRATIVE_MAX:
            raise ValidationError({name: too_long(NARRATIVE_MAX, len(value))})
        if getattr(submission, name) != value:
            field_label = sentence_case(Submission._meta.get_field(name).verbose_name)
            changes.append({"field": name, "label": field_label, "before": getattr(submission, name)[:200],
                            "after": value[:200]})
            setattr(submission, name, value)
    submission.version += 1
    submission.updated_by = access.user_or_none(by)
    submission.save()
    if changes:
        _event(by, submission, SubmissionEvent.Action.CHANGED, changes=changes)
    return submission


@transaction.atomic
def add_attachment(*, by: User | SystemActor, period: ReportingPeriod, organisation: Organisation, file,
                   today: date | None = None) -> SubmissionAttachment:
    _require_reporter(by, organisation)
    grid = selectors.grid(period, organisation, today or clock.today())
    if not grid.is_open:
        raise ValidationError(grid.lock_reason)
    submission = _submission(period, organisation)
    attachment = SubmissionAttachment(submission=submission, uploaded_by=access.user_or_none(by))
    files.store(attachment.file, file.name, file)
    attachment.save()
    _event(by, submission, SubmissionEvent.Action.CHANGED, changes=[
        {"field": "attachment", "label": "Tệp đính kèm", "before": "", "after": attachment.name}])
    return attachment


@transaction.atomic
def submit_report(*, by: User | SystemActor, period: ReportingPeriod, organisation: Organisation,
                  today: date | None = None) -> Submission:
    """Send the report to the secretariat. The time of sending decides on time or late."""
    _require_reporter(by, organisation)
    today = today or clock.today()
    grid = selectors.grid(period, organisation, today)
    if not grid.is_open:
        raise ValidationError(grid.lock_reason)
    submission = _submission(period, organisation)
    if not submissions.can_move(submission.status, Status.SUBMITTED):
        raise ValidationError(_("Báo cáo không ở trạng thái có thể gửi."))
    if grid.filled == 0:
        raise ValidationError(_("Báo cáo chưa có số liệu nào: hãy nhập và lưu trước khi gửi."))
    before = submission.get_status_display()
    submission.status = Status.SUBMITTED
    submission.submitted_at = clock.now()
    submission.submitted_by = access.user_or_none(by)
    submission.version += 1
    submission.save()
    _event(by, submission, SubmissionEvent.Action.TRANSITION,
           changes=[{"field": "status", "label": "Trạng thái", "before": before,
                     "after": submission.get_status_display()}])
    return submission


@transaction.atomic
def save_and_submit_report(
    *, by: User | SystemActor, period: ReportingPeriod, organisation: Organisation, cells: dict[int, CellInput],
    narrative: dict[str, str] | None = None, expected_version: int | None = None, today: date | None = None,
) -> Submission:
    """The grid's "Gửi": save what was typed and send it, as one transaction. A send refused after
    the save (nothing filled in, the report no longer sendable) saves nothing either: the person
    pressed "send", and a report left saved but not sent is neither what they asked for nor what
    they are told. The page keeps what they typed, so "Lưu" still saves it as a draft."""
    save_report(by=by, period=period, organisation=organisation, cells=cells, narrative=narrative,
                expected_version=expected_version, today=today)
    return submit_report(by=by, period=period, organisation=organisation, today=today)


@transaction.atomic
def review_report(*, by: User | SystemActor, submission: Submission, accept: bool, reason: str = "") -> Submission:
    """Accept a submitted report, or return it with the reason the unit will read."""
    submission = Submission.objects.select_for_update().select_related("period__campaign__issuer").get(pk=submission.pk)
    _require_reviewer(by, submission.period.campaign)
    target = Status.ACCEPTED if accept else Status.RETURNED
    if not submissions.can_move(submission.status, target):
        raise ValidationError(_("Báo cáo đang ở trạng thái “%(s)s”, không thể chuyển.") % {
            "s": submission.get_status_display()})
    if target in submissions.REASON_REQUIRED and not reason.strip():
        raise ValidationError({"reason": _("Ghi lý do trả lại để đơn vị biết cần bổ sung gì.")})
    before = submission.get_status_display()
    submission.status = target
    submission.reviewed_at = clock.now()
    submission.reviewed_by = access.user_or_none(by)
    submission.return_reason = reason.strip() if target == Status.RETURNED else ""
    submission.version += 1
    submission.save()
    _event(by, submission, SubmissionEvent.Action.TRANSITION, reason=reason, changes=[
        {"field": "status", "label": "Trạng thái", "before": before, "after": submission.get_status_display()}])
    if target == Status.RETURNED:
        # The unit learns it from its mailbox, as it does for a returned nomination (issue 19, point 5).
        period = submission.period
        email_unit(submission.organisation, f"Báo cáo số liệu bị trả lại: {period.display_label}",
                   f"Báo cáo số liệu kỳ “{period.display_label}” của {submission.organisation.name} trong phong "
                   f"trào “{period.campaign.title}” bị trả lại để bổ sung.\n\nLý do: {reason.strip()}\n",
                   reverse_ids("indicators:report", period.pk, submission.organisation_id))
    return submission


@transaction.atomic
def grant_exception(*, by: User | SystemActor, period: ReportingPeriod, organisation: Organisation, until: date,
                    reason: str) -> Submission:
    """Let a unit enter or fix its report after the deadline, until a date within
    submissions.exception_window. Raises ValidationError keyed by field ("until", "reason")."""
    period = _fresh(period)
    _require_reviewer(by, period.campaign)
    if not reason.strip():
        raise ValidationError({"reason": _("Ghi lý do cho phép nộp muộn.")})
    problem = submissions.exception_problem(until, today=clock.today(), period_year=period.year,
                                            deadline=period.deadline)
    if problem:
        raise ValidationError({"until": problem})
    submission = _submission(period, organisation)
    before = format_date(submission.exception_until)
    submission.exception_until = until
    submission.exception_by = access.user_or_none(by)
    submission.exception_reason = reason.strip()
    submission.version += 1
    submission.save()
    _event(by, submission, SubmissionEvent.Action.CHANGED, reason=reason, changes=[
        {"field": "exception_until", "label": "Cho phép nộp muộn đến", "before": before, "after": format_date(until)}])
    return submission


@transaction.atomic
def override_result(*, by: User | SystemActor, result: Result, achieved: bool | None, reason: str) -> Result:
    """The secretariat's verdict replaces the computed one (None removes it); the ratio is kept."""
    result = Result.objects.select_for_update().select_related("submission__period__campaign__issuer",
                                                                "indicator").get(pk=result.pk)
    _require_reviewer(by, result.submission.period.campaign)
    if not reason.strip():
        raise ValidationError({"reason": _("Ghi lý do điều chỉnh kết quả đánh giá.")})
    shown = {True: "Đạt", False: "Không đạt", None: "theo tính toán"}
    before = shown[result.override_achieved]
    result.override_achieved = achieved
    result.override_reason = reason.strip() if achieved is not None else ""
    result.override_by = access.user_or_none(by) if achieved is not None else None
    result.override_at = clock.now() if achieved is not None else None
    result.save(update_fields=["override_achieved", "override_reason", "override_by", "override_at"])
    _event(by, result.submission, SubmissionEvent.Action.CHANGED, reason=reason, changes=[
        {"field": f"override_{result.indicator_id}", "label": f"Đánh giá: {result.indicator}"[:120],
         "before": before, "after": shown[achieved]}])
    return result


@transaction.atomic
def remind(*, by: User | SystemActor, period: ReportingPeriod, organisations: list[Organisation], site: str = "",
           today: date | None = None) -> list[Reminder]:
    """E-mail the unit staff and heads of these units about the period, and log who reminded whom
    (also when nobody has an address: the secretariat then knows to phone). Raises PermissionDenied
    for a unit the user cannot see, ValidationError (nothing recorded) for one that owes nothing:
    it reports nothing in the campaign, or its report is sent (submissions.owes_report)."""
    period = _fresh(period)
    campaign = period.campaign
    _require_reviewer(by, campaign)
    today = today or clock.today()
    last_day = deadlines.last_on_time_day(period.deadline, period.deadline_inclusive)
    statuses = dict(Submission.objects.filter(period=period, organisation__in=organisations)
                    .values_list("organisation_id", "status"))
    for org in organisations:
        if not access.can_see(by, org):
            raise PermissionDenied
    reporting = selectors.reporting_map(campaign)
    owing_nothing = [org.name for org in organisations
                     if org.pk not in reporting or not submissions.owes_report(statuses.get(org.pk))]
    if owing_nothing:
        raise ValidationError(_("Không gửi thư nhắc: các đơn vị sau không phải nộp báo cáo kỳ này hoặc đã gửi báo "
                                "cáo: %(names)s.") % {"names": "; ".join(owing_nothing[:20])})
    sent = []
    for org in organisations:
        users = (Membership.objects.filter(organisation=org, role__in=[Membership.Role.UNIT_STAFF,
                                                                       Membership.Role.UNIT_HEAD],
                                           user__is_active=True).exclude(user__email="")
                 .select_related("user"))
        emails = sorted({m.user.email for m in users})
        subject = f"Nhắc nộp báo cáo {period.display_label}: {campaign.title}"[:200]
        body = _reminder_body(period, org, statuses.get(org.pk), last_day, today, site)
        if emails:
            transaction.on_commit(lambda s=subject, b=body, e=emails: send_mail(s, b, None, e, fail_silently=True))
        sent.append(Reminder.objects.create(period=period, organisation=org, sent_by=access.user_or_none(by),
                                            sent_at=clock.now(), recipients=", ".join(emails)))
    return sent




@transaction.atomic
def _reminder_body(period: ReportingPeriod, org: Organisation, status: str | None, last_day: date | None,
                   today: date, site: str) -> str:
    campaign = period.campaign
    action = "Nhập và gửi báo cáo tại"
    if status == Status.RETURNED:
        state, action = "Báo cáo của đơn vị đã bị trả lại và chưa được gửi lại.", "Sửa và gửi lại tại"
    elif last_day is not None and today > last_day:
        # The grid is locked after the deadline: the unit needs the secretariat's extension first.
        state = (f"Báo cáo đã quá hạn (hạn chót {format_date(last_day)}) và đơn vị chưa gửi. Đơn vị liên hệ Thường "
                 "trực để được cho phép nộp muộn rồi nhập, gửi báo cáo.")
        action = "Xem báo cáo tại"
    elif last_day is not None:
        state = f"Hạn nộp: hết ngày {format_date(last_day)}."
    else:
        state = None
    link = f"{site.rstrip('/')}{reverse('indicators:report', args=[period.pk, org.pk])}" if site else ""
    lines = [f"Kính gửi {org.name},", "",
             f"Thường trực Hội đồng Thi đua – Khen thưởng nhắc đơn vị nộp báo cáo kết quả kỳ "
             f"{period.display_label} của phong trào “{campaign.title}”.", state]
    if link:
        lines += ["", f"{action}: {link}"]
    lines += ["", "Trân trọng."]
    return "\n".join(line for line in lines if line is not None)


# --- A plan copied forward (campaigns.services.copy_plan, issue 19 point 1) ----------------------------------


def copy_campaign_indicators(sender, *, by: User | SystemActor, source: Campaign, target: Campaign, years: int,
                             subcampaigns: dict, successors: dict, **kwargs) -> list[dict]:
    """Receiver of campaigns.signals.plan_copied, inside copy_plan's transaction: copy the source's indicator
    table into the draft `target`. Rows keep their definitions when the target's issuer uses the same
    catalogue; otherwise the definition of the same code in the target's catalogue is used, or a new one is
    made there (a closed body's plan taken up by its successor). The new target is the source's "kế hoạch
    năm sau" when it was printed; else the source's target stays and the row is listed for review. Closed
    reporting units and offices give way to their open successors (`successors` caches the lookup).
    Unit targets, results and reports are not copied. Returns the review items."""
    from campaigns.copying import review_item
    from campaigns.services import open_successor

    access.require(by, "campaign.manage", target.issuer)
    catalogue = target.issuer.root_id or target.issuer.pk
    definitions: dict[int, IndicatorDefinition] = {}
    created_definitions: list[str] = []
    review: list[dict] = []
    row_map: dict[int, CampaignIndicator] = {}

    def moved(org: Organisation | None) -> Organisation | None:
        """The organisation, its open successor when closed, or None when `by` may not see it (the
        draft of another issuer names only what its secretariat can reach)."""
        if org is not None and org.is_closed:
            if org.pk not in successors:
                successors[org.pk] = open_successor(org)
            org = successors[org.pk]
        return org if org is not None and access.can_see(by, org) else None

    rows = list(source.indicators.select_related("definition", "responsible").prefetch_related("reporting_units")
                .order_by("order", "id"))
    pending = rows
    while pending:
        ready = [row for row in pending if row.parent_id is None or row.parent_id in row_map]
        if not ready:
            break
        pending = [row for row in pending if row not in ready]
        for row in ready:
            definition = row.definition
            if definition.issuer_id != catalogue:
                if definition.pk not in definitions:
                    same = IndicatorDefinition.objects.filter(issuer_id=catalogue, code__iexact=definition.code).first()
                    if same is None:
                        same = save_definition(by=by, instance=IndicatorDefinition(
                            issuer_id=catalogue, code=definition.code, name=definition.name, unit=definition.unit,
                            direction=definition.direction, description=definition.description))
                        created_definitions.append(same.name)
                    definitions[definition.pk] = same
                definition = definitions[definition.pk]
            copy = CampaignIndicator(
                campaign=target, definition=definition, subcampaign=subcampaigns.get(row.subcampaign_id),
                parent=row_map.get(row.parent_id), order=row.order, number=row.number, label=row.label,
                unit_label=row.unit_label, printed_line=row.printed_line, is_key=row.is_key, is_group=row.is_group,
                comparator=row.comparator, target_text=row.target_text, reporting_scope=row.reporting_scope,
                responsible=moved(row.responsible), rollup=row.rollup)
            kept = not row.is_group and bool(row.target_text)
            if row.next_target_text and not row.is_group:
                copy.target_text = row.next_target_text
                if row.printed_line and row.target_text and row.target_text in row.printed_line:
                    copy.printed_line = row.printed_line.replace(row.target_text, row.next_target_text)
                try:
                    _parse_target(copy)
                    kept = False
                except ValidationError:
                    # A next-year figure that does not read as a target: keep the old one, listed for review.
                    copy.target_text, copy.printed_line = row.target_text, row.printed_line
            if kept or not row.next_target_text:
                _parse_target(copy)
            if copy.responsible_id is None and copy.reporting_scope == CampaignIndicator.Scope.RESPONSIBLE:
                copy.reporting_scope = CampaignIndicator.Scope.ALL
            if copy.responsible_id is None and copy.rollup == CampaignIndicator.Rollup.ENTERED:
                copy.rollup = CampaignIndicator.Rollup.NONE
            copy.save()
            row_map[row.pk] = copy
            url = reverse("indicators:indicator-update", args=[target.pk, copy.pk])
            units = [moved(org) for org in row.reporting_units.all()]
            copy.reporting_units.set([org for org in dict.fromkeys(units) if org is not None])
            if kept:
                review.append(review_item(
                    "indicator", f"indicator-{copy.pk}", copy.display_label,
                    _("Giữ chỉ tiêu năm %(year)s (“%(target)s”): kế hoạch cũ chưa ghi kế hoạch năm sau.")
                    % {"year": source.year, "target": row.target_text}, url))
            if row.responsible_id and copy.responsible_id != row.responsible_id:
                review.append(review_item(
                    "indicator", f"indicator-office-{copy.pk}", copy.display_label,
                    _("Bộ phận phụ trách %(org)s %(why)s; %(then)s") % {
                        "org": row.responsible.name,
                        "why": _("đã ngừng hoạt động") if row.responsible.is_closed else _("ngoài phạm vi của bạn"),
                        "then": (_("đã thay bằng %(s)s.") % {"s": copy.responsible.name}) if copy.responsible_id
                        else _("hãy chọn bộ phận mới.")}, url))
    if created_definitions:
        review.append(review_item(
            "definition", "definitions-created", _("Danh mục chỉ tiêu của %(issuer)s") % {"issuer": target.issuer.name},
            _("Đã tạo %(n)s chỉ tiêu mới trong danh mục (kế hoạch gốc thuộc cơ quan khác): %(names)s.")
            % {"n": len(created_definitions), "names": "; ".join(created_definitions)},
            reverse("indicators:definition-list")))
    if rows:
        _campaign_event(by, target, CampaignEvent.Action.CHANGED, target, changes=[{
            "field": "indicators", "label": "Chép chỉ tiêu từ kế hoạch năm trước", "before": "",
            "after": _("%(n)s dòng chỉ tiêu, %(kept)s giữ chỉ tiêu cũ, %(new)s chỉ tiêu mới trong danh mục") % {
                "n": len(row_map), "kept": sum(1 for item in review if item["key"].startswith("indicator-")
                                               and not item["key"].startswith("indicator-office-")),
                "new": len(created_definitions)}}])
    return review
