from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from campaigns import deadlines, lifecycle
from campaigns.models import Campaign, ReportingPeriod
from common import clock, search, xlsx
from common.db_outage import CONNECTION_LOST_MESSAGE, refills_after_connection_loss
from common.forms import apply_service_errors, parse_id, parse_ids
from common.text import format_date, format_number, normalise_search
from common.uploads import check_document
from common.urls import reverse_ids
from common.views import paginate
from indicators import excel, forms, merge, selectors, services, submissions
from indicators.models import (
    CampaignIndicator,
    IndicatorDefinition,
    Reminder,
    Result,
    Submission,
    SubmissionAttachment,
)
from units import access
from units.models import Organisation

NARRATIVE = ["narrative_done", "narrative_difficulties", "narrative_proposals"]


def _campaign(request: HttpRequest, pk: int) -> Campaign:
    return get_object_or_404(Campaign.objects.visible_to(request.user).select_related("issuer"), pk=pk)


def _period(request: HttpRequest, period_pk: int) -> ReportingPeriod:
    period = get_object_or_404(ReportingPeriod.objects.select_related("campaign__issuer"), pk=period_pk)
    if not Campaign.objects.visible_to(request.user).filter(pk=period.campaign_id).exists():
        raise Http404
    return period


def _report_org(request: HttpRequest, period: ReportingPeriod, org_pk: int) -> Organisation:
    """The unit whose report is asked for: one the user sees and that reports in this campaign."""
    organisation = get_object_or_404(access.visible_organisations(request.user), pk=org_pk)
    if organisation.pk not in selectors.reporting_map(period.campaign):
        raise Http404
    return organisation


def _require_review(request: HttpRequest, campaign: Campaign) -> None:
    """Accepting, returning, exceptions, overrides and reminders are the secretariat's."""
    access.require(request.user, "results.review", campaign.issuer)


def _file_part(text: str) -> str:
    """ "6 tháng đầu năm" → "6-thang-dau-nam": file names that survive any mail client."""
    return "-".join(normalise_search(text).split())[:40] or "tep"


def _xlsx(content: bytes, name: str) -> HttpResponse:
    return HttpResponse(content, content_type=xlsx.XLSX_CONTENT_TYPE,
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})


# --- Overview --------------------------------------------------------------------------------------------


def index(request: HttpRequest) -> HttpResponse:
    today = clock.today()
    campaigns = (Campaign.objects.visible_to(request.user).filter(indicators__isnull=False).distinct()
                 .select_related("issuer").order_by("-year", "title"))
    return render(request, "indicators/index.html", {
        "campaigns": list(campaigns[:50]), "my_reports": selectors.reports_for(request.user, today),
        "awaiting": selectors.awaiting_review(request.user), "today": today,
    })


def _selected_period(request: HttpRequest, campaign: Campaign) -> ReportingPeriod | None:
    periods = list(campaign.periods.all())
    wanted = request.GET.get("ky", "")
    chosen = next((p for p in periods if str(p.pk) == wanted), None)
    if chosen is None and periods:
        # The latest period that has begun to receive figures, else the first.
        with_data = set(Submission.objects.filter(period__in=periods).values_list("period_id", flat=True))
        chosen = next((p for p in reversed(periods) if p.pk in with_data), periods[0])
    return chosen


UNITS_PER_PAGE = 50


def campaign_results(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)
    period = _selected_period(request, campaign)
    rows = selectors.campaign_table(campaign, period, request.user) if period else []
    can_manage = access.can(request.user, "campaign.manage", campaign.issuer)
    unit_ids = {org_id for row in rows for org_id in row.unit_cells}
    # A province has 300 units: the units' table shows a page of them (the whole table is in the
    # Excel export); the campaign figures above always count every unit.
    unit_page = paginate(request, [u for u in selectors.units_in_order(campaign) if u.pk in unit_ids], UNITS_PER_PAGE)
    # Each unit's cells in column order, looked up here: a template searching every row's cells
    # for every unit did units² × indicators comparisons (22 s for 300 units, bench).
    columns = [row for row in rows if not row.indicator.is_group]
    unit_rows = [(org, [row.unit_cells.get(org.pk) for row in columns]) for org in unit_page]
    return render(request, "indicators/campaign_results.html", {
        "unit_rows": unit_rows, "unit_page": unit_page,
        "campaign": campaign, "period": period, "periods": list(campaign.periods.all()), "rows": rows,
        "can_manage": can_manage and campaign.status != "closed",
        "can_review": access.can(request.user, "results.review", campaign.issuer),
        "has_next_targets": any(row.indicator.next_target_text for row in rows),
    })


def campaign_results_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)
    period = _selected_period(request, campaign)
    if period is None:
        raise Http404
    rows = selectors.campaign_table(campaign, period, request.user)
    unit_ids = {org_id for row in rows for org_id in row.unit_cells}
    organisations = {o.pk: o for o in Organisation.objects.filter(pk__in=unit_ids)}
    content = excel.campaign_results_workbook(campaign, period, rows, organisations, clock.today())
    return _xlsx(content, f"ket-qua-chi-tieu-{campaign.year}-{_file_part(period.display_label)}-{campaign.pk}.xlsx")


# --- The catalogue ----------------------------------------------------------------------------------------


def definition_list(request: HttpRequest) -> HttpResponse:
    """The indicators of the issuers the user manages, with the campaigns that use them."""
    issuers = access.organisations_for(request.user, "campaign.manage").filter(parent__isnull=True)
    definitions = (IndicatorDefinition.objects.filter(issuer__in=issuers).select_related("issuer")
                   .annotate(use_count=Count("uses")))
    q = request.GET.get("q", "").strip()[:200]
    if q:
        definitions = definitions.filter(search.matches("search_text", q))
    return render(request, "indicators/definition_list.html", {
        "page": paginate(request, definitions.order_by("issuer__name", "name", "id")), "q": q,
    })


def definition_update(request: HttpRequest, definition_pk: int) -> HttpResponse:
    issuers = access.organisations_for(request.user, "campaign.manage").filter(parent__isnull=True)
    definition = get_object_or_404(IndicatorDefinition.objects.filter(issuer__in=issuers), pk=definition_pk)
    form = forms.DefinitionForm(request.POST or None, instance=definition)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_definition(by=request.user, instance=form.instance)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu chỉ tiêu trong danh mục.")
            return redirect("indicators:definition-list")
    uses = list(definition.uses.select_related("campaign").order_by("-campaign__year"))
    return render(request, "indicators/definition_form.html", {"form": form, "definition": definition, "uses": uses})


# --- Defining indicators -----------------------------------------------------------------------------------


def _managed(request: HttpRequest, pk: int) -> Campaign:
    campaign = _campaign(request, pk)
    access.require(request.user, "campaign.manage", campaign.issuer)
    return campaign


def _closed(request: HttpRequest, campaign: Campaign) -> HttpResponse | None:
    """A closed campaign's indicators cannot change: say so before the user fills in a form that
    could not be saved."""
    if lifecycle.is_editable(campaign.status):
        return None
    messages.error(request, "Phong trào đã kết thúc, không thể sửa chỉ tiêu.")
    return redirect("indicators:campaign-results", pk=campaign.pk)


def indicator_form(request: HttpRequest, pk: int, indicator_pk: int | None = None) -> HttpResponse:
    campaign = _managed(request, pk)
    if closed := _closed(request, campaign):
        return closed
    instance = (CampaignIndicator(campaign=campaign) if indicator_pk is None
                else get_object_or_404(CampaignIndicator, pk=indicator_pk, campaign=campaign))
    if instance.pk is None:
        instance.order = (campaign.indicators.count() + 1)
    form = forms.IndicatorForm(request.POST or None, instance=instance, campaign=campaign, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                if data["definition"] is None:
                    definition = services.save_definition(by=request.user, instance=IndicatorDefinition(
                        issuer_id=campaign.issuer.root_id, code=data["new_code"], name=data["new_name"],
                        unit=data["new_unit"], direction=data["new_direction"]))
                    form.instance.definition = definition
                if not form.instance.comparator:
                    form.instance.comparator = _comparator_from(form.instance)
                services.save_indicator(by=request.user, campaign=campaign, instance=form.instance,
                                        reporting_units=list(data["reporting_units"]), reason=data.get("reason", ""))
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu chỉ tiêu.")
            return redirect("indicators:campaign-results", pk=campaign.pk)
    return render(request, "indicators/indicator_form.html", {"form": form, "campaign": campaign,
                                                              "instance": instance})


def _comparator_from(indicator: CampaignIndicator) -> str:
    from indicators import evaluation

    if indicator.is_group:
        return evaluation.Comparator.INFORMATIONAL
    try:
        return evaluation.parse_target(indicator.target_text, indicator.definition.direction).comparator
    except evaluation.ParseError as exc:
        raise ValidationError({"target_text": str(exc)}) from exc


def indicator_delete(request: HttpRequest, pk: int, indicator_pk: int) -> HttpResponse:
    campaign = _managed(request, pk)
    if closed := _closed(request, campaign):
        return closed
    indicator = get_object_or_404(CampaignIndicator, pk=indicator_pk, campaign=campaign)
    form = forms.ReviewForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.delete_indicator(by=request.user, indicator=indicator, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("indicators:indicator-update", pk=campaign.pk, indicator_pk=indicator.pk)
        messages.success(request, "Đã xóa chỉ tiêu.")
        return redirect("indicators:campaign-results", pk=campaign.pk)
    return render(request, "indicators/indicator_delete.html", {"form": form, "campaign": campaign,
                                                                "indicator": indicator})


def unit_targets(request: HttpRequest, pk: int, indicator_pk: int) -> HttpResponse:
    campaign = _managed(request, pk)
    if closed := _closed(request, campaign):
        return closed
    indicator = get_object_or_404(CampaignIndicator.objects.select_related("definition"), pk=indicator_pk,
                                  campaign=campaign)
    reporter_ids = selectors.reporters(indicator, selectors.participant_ids(campaign))
    reporters = list(access.visible_organisations(request.user).filter(pk__in=reporter_ids))
    form = forms.UnitTargetForm(request.POST or None, campaign=campaign, reporters=reporters)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_unit_target(by=request.user, indicator=indicator,
                                     organisation=form.cleaned_data["organisation"],
                                     target_text=form.cleaned_data["target_text"],
                                     reason=form.cleaned_data.get("reason", ""))
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu chỉ tiêu giao riêng.")
            return redirect("indicators:unit-targets", pk=campaign.pk, indicator_pk=indicator.pk)
    targets = {t.organisation_id: t for t in indicator.unit_targets.select_related("set_by")}
    return render(request, "indicators/unit_targets.html", {
        "form": form, "campaign": campaign, "indicator": indicator,
        "rows": [(org, targets.get(org.pk)) for org in sorted(reporters, key=lambda o: o.name)],
    })


# --- A unit's report ----------------------------------------------------------------------------------------


def _cells_from(request: HttpRequest, grid: selectors.Grid) -> tuple[dict[int, services.CellInput], dict[int, str]]:
    cells, errors = {}, {}
    for cell in grid.cells:
        key = cell.indicator.pk
        upload = request.FILES.get(f"evidence-{key}")
        if upload is not None:
            try:
                check_document(upload)
            except ValidationError as error:
                errors[key] = " ".join(error.messages)
                upload = None
        cells[key] = services.CellInput(
            actual_text=request.POST.get(f"actual-{key}", ""), note=request.POST.get(f"note-{key}", ""),
            evidence=upload, clear_evidence=request.POST.get(f"clear-evidence-{key}") == "on",
        )
    return cells, errors


def _refill(request: HttpRequest, grid: selectors.Grid, typed: dict, cell_errors: dict[int, str], conflict: str,
            narrative: dict[str, str]) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """After a save that did not go through: the grid as stored now, with what the person typed,
    each cell's message, and on a conflict the merge with what the other person saved. Returns
    the narrative to show and each narrative field's flag."""
    for cell in grid.cells:
        key = cell.indicator.pk
        if key in typed:
            cell.typed, cell.typed_note = typed[key]
        cell.error = cell_errors.get(key, "")
        if conflict and grid.is_open:
            _merge_cell(cell, (request.POST.get(f"orig-{key}", ""), request.POST.get(f"orig-note-{key}", "")),
                        grid.submission)
        chosen = request.FILES.get(f"evidence-{key}")
        if chosen is not None and not cell.notice:
            cell.notice = f"Tệp “{chosen.name}” chưa được lưu vì báo cáo chưa lưu: hãy chọn lại tệp."
    if conflict and grid.is_open:
        messages.warning(request, conflict)
        return _merge_narrative(request, narrative, grid.submission)
    if conflict:
        # Sent (or locked) meanwhile: the page turns read-only, so list what this person typed
        # that differs from what was sent, rather than let it vanish.
        lost = [f"{c.indicator.display_label}: “{c.typed}”" for c in grid.cells if c.typed and c.typed != c.stored[0]]
        messages.warning(request, f"Báo cáo vừa được người khác cập nhật. {grid.lock_reason}"
                         + (f" Số bạn đã nhập chưa được lưu: {'; '.join(lost)}." if lost else ""))
    return narrative, {}


def _merge_cell(cell: selectors.Cell, original: tuple[str, str], submission) -> None:
    """Applies merge.merge_cell to the grid's cell and words its flag."""
    merged = merge.merge_cell(base=original, mine=(cell.typed, cell.typed_note), theirs=cell.stored)
    if merged.outcome == merge.Outcome.UNCHANGED:
        return
    who = submission.updated_by.get_full_name() if submission and submission.updated_by else "Người khác"
    cell.typed, cell.typed_note = merged.value
    if merged.outcome == merge.Outcome.THEIRS:
        cell.notice = f"{who} vừa cập nhật ô này; đã lấy số liệu mới."
    else:
        cell.notice = (f"{who} vừa lưu “{merge.display(merged.theirs)}”. Ô đang giữ số bạn nhập; "
                       "lưu lần nữa sẽ thay số của họ.")


def _merge_narrative(request: HttpRequest, typed: dict[str, str], submission
                     ) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """Applies merge.merge_texts to the narrative fields; a flag is the colleague's name, the outcome
    and their text (the template escapes it and keeps its line breaks)."""
    merged = merge.merge_texts(
        base={name: request.POST.get(f"orig-{name}", "") for name in NARRATIVE}, mine=typed,
        theirs={name: getattr(submission, name) if submission else "" for name in NARRATIVE})
    who = submission.updated_by.get_full_name() if submission and submission.updated_by else "Người khác"
    notices = {name: {"who": who, "outcome": str(text.outcome), "theirs": text.theirs}
               for name, text in merged.items() if text.outcome != merge.Outcome.UNCHANGED}
    return {name: text.value for name, text in merged.items()}, notices


@refills_after_connection_loss
def report(request: HttpRequest, period_pk: int, org_pk: int) -> HttpResponse:
    """The unit's grid for one period: target, last period's value, its figure, note, evidence;
    the narrative and attachments; save, send; the secretariat's review."""
    today = clock.today()
    period = _period(request, period_pk)
    organisation = _report_org(request, period, org_pk)
    can_enter = access.can(request.user, "results.enter", organisation)
    can_review = (access.can(request.user, "results.review", period.campaign.issuer)
                  and lifecycle.collects_reports(period.campaign.status))
    grid = selectors.grid(period, organisation, today)
    typed, cell_errors, narrative, narrative_notices = {}, {}, {}, {}
    if request.method == "POST":
        if not can_enter:
            raise PermissionDenied
        cells, cell_errors = _cells_from(request, grid)
        narrative_form = forms.NarrativeForm(request.POST)
        # What was typed, whole, whatever the form says: the textarea gives it back.
        narrative = {name: request.POST.get(name, "") for name in NARRATIVE}
        narrative_errors = {} if narrative_form.is_valid() else {
            name: " ".join(errors) for name, errors in narrative_form.errors.items()}
        typed = {key: (cell.actual_text, cell.note) for key, cell in cells.items()}
        version = request.POST.get("version", "")
        conflict = ""
        if getattr(request, "connection_lost", False):
            # The save lost its database connection and could not safely be run again (a part of
            # it may have committed): the grid comes back with the figures, nothing saved this time.
            messages.error(request, CONNECTION_LOST_MESSAGE)
        elif not cell_errors and not narrative_errors:
            sending = request.POST.get("action") == "submit"
            try:
                (services.save_and_submit_report if sending else services.save_report)(
                    by=request.user, period=period, organisation=organisation, cells=cells, narrative=narrative,
                    # "" (a page rendered before the report existed, by older code too) was
                    # opened at the unsaved version: never "no check", or a first save meanwhile
                    # would be silently overwritten.
                    expected_version=parse_id(version) or services.UNSAVED_VERSION)
                messages.success(request, "Đã gửi báo cáo cho Thường trực." if sending
                                 else "Đã lưu báo cáo (chưa gửi).")
                return redirect("indicators:report", period_pk=period.pk, org_pk=organisation.pk)
            except services.GridErrors as error:
                cell_errors = error.cells
                messages.error(request, error.messages[0])
            except services.VersionConflict as error:
                conflict = error.messages[0]
            except ValidationError as error:
                # A refused send rolled its save back (services.save_and_submit_report): say so.
                messages.error(request, " ".join(error.messages)
                               + (" Chưa lưu gì: số liệu bạn nhập vẫn còn trên trang." if sending else ""))
        else:
            value_errors, _parsed = services.check_cells({c.indicator.pk: c.indicator for c in grid.cells}, cells)
            for key, message in value_errors.items():
                cell_errors[key] = f"{message} {cell_errors[key]}" if key in cell_errors else message
            messages.error(request, "Có ô nhập chưa đúng; chưa lưu gì. Sửa các ô được đánh dấu rồi lưu lại.")
        grid = selectors.grid(period, organisation, today)
        narrative, narrative_notices = _refill(request, grid, typed, cell_errors, conflict, narrative)
    else:
        _show_stored(grid)
        narrative_errors = {}
    return _report_page(request, period, organisation, grid, can_enter=can_enter, can_review=can_review,
                        narrative=narrative, today=today, narrative_errors=narrative_errors,
                        narrative_notices=narrative_notices)


def _show_stored(grid: selectors.Grid) -> None:
    for cell in grid.cells:
        cell.typed = cell.result.actual_text if cell.result else ""
        cell.typed_note = cell.result.note if cell.result else ""


def _report_page(request: HttpRequest, period: ReportingPeriod, organisation: Organisation, grid: selectors.Grid, *,
                 can_enter: bool, can_review: bool, narrative: dict[str, str], today: date,
                 exception_form: forms.ExceptionForm | None = None,
                 narrative_errors: dict[str, str] | None = None,
                 narrative_notices: dict[str, dict[str, str]] | None = None) -> HttpResponse:
    submission = grid.submission
    narrative = narrative or {name: getattr(submission, name) if submission else "" for name in NARRATIVE}
    stored_narrative = {name: getattr(submission, name) if submission else "" for name in NARRATIVE}
    context = {
        "period": period, "campaign": period.campaign, "organisation": organisation, "grid": grid,
        "submission": submission, "can_enter": can_enter and grid.is_open, "can_review": can_review,
        "narrative": narrative, "stored_narrative": stored_narrative,
        "narrative_fields": [(name, forms.NarrativeForm.base_fields[name].label, narrative.get(name, ""),
                              stored_narrative[name], (narrative_errors or {}).get(name, ""),
                              (narrative_notices or {}).get(name)) for name in NARRATIVE],
        "events": list(submission.events.select_related("actor")[:30]) if submission else [],
        "attachments": list(submission.attachments.all()) if submission else [],
        "review_form": forms.ReviewForm(),
        "exception_form": exception_form or forms.ExceptionForm(initial={"until": format_date(today)}),
        "attachment_form": forms.AttachmentForm(), "upload_form": forms.GridUploadForm(),
        "version": submission.version if submission else services.UNSAVED_VERSION,
        "last_day": deadlines.last_on_time_day(period.deadline, period.deadline_inclusive),
        "Status": submissions.Status,
    }
    return render(request, "indicators/report.html", context)


@require_POST
def report_review(request: HttpRequest, period_pk: int, org_pk: int) -> HttpResponse:
    period = _period(request, period_pk)
    organisation = _report_org(request, period, org_pk)
    _require_review(request, period.campaign)
    submission = get_object_or_404(Submission, period=period, organisation=organisation)
    form = forms.ReviewForm(request.POST)
    accept = request.POST.get("decision") == "accept"
    try:
        if not form.is_valid():
            raise ValidationError(" ".join(e for errors in form.errors.values() for e in errors))
        services.review_report(by=request.user, submission=submission, accept=accept,
                               reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Đã tiếp nhận báo cáo." if accept else "Đã trả lại báo cáo cho đơn vị.")
    return redirect("indicators:report", period_pk=period.pk, org_pk=organisation.pk)


@require_POST
def report_exception(request: HttpRequest, period_pk: int, org_pk: int) -> HttpResponse:
    period = _period(request, period_pk)
    organisation = _report_org(request, period, org_pk)
    _require_review(request, period.campaign)
    form = forms.ExceptionForm(request.POST)
    if form.is_valid():
        try:
            services.grant_exception(by=request.user, period=period, organisation=organisation,
                                     until=form.cleaned_data["until"], reason=form.cleaned_data["reason"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã cho phép đơn vị nộp muộn.")
            return redirect("indicators:report", period_pk=period.pk, org_pk=organisation.pk)
    if form.non_field_errors() or not lifecycle.collects_reports(period.campaign.status):
        # Nothing in the form to correct (the campaign no longer collects reports, and the form
        # is not shown): the message goes on top of the page.
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("indicators:report", period_pk=period.pk, org_pk=organisation.pk)
    # The page again, the message next to the date and what was typed kept.
    messages.error(request, "Chưa cho phép nộp muộn: sửa ô được đánh dấu ở mục Thường trực rồi gửi lại.")
    today = clock.today()
    grid = selectors.grid(period, organisation, today)
    _show_stored(grid)
    return _report_page(request, period, organisation, grid, narrative={}, today=today, exception_form=form,
                        can_enter=access.can(request.user, "results.enter", organisation), can_review=True)


@require_POST
def report_attachment(request: HttpRequest, period_pk: int, org_pk: int) -> HttpResponse:
    period = _period(request, period_pk)
    organisation = _report_org(request, period, org_pk)
    access.require(request.user, "results.enter", organisation)
    form = forms.AttachmentForm(request.POST, request.FILES)
    try:
        if not form.is_valid():
            raise ValidationError(" ".join(e for errors in form.errors.values() for e in errors))
        services.add_attachment(by=request.user, period=period, organisation=organisation,
                                file=form.cleaned_data["file"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Đã đính kèm tệp.")
    return redirect("indicators:report", period_pk=period.pk, org_pk=organisation.pk)


def attachment_file(request: HttpRequest, attachment_pk: int) -> HttpResponse:
    attachment = get_object_or_404(SubmissionAttachment.objects.select_related("submission"), pk=attachment_pk)
    _report_org(request, _period(request, attachment.submission.period_id), attachment.submission.organisation_id)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


def evidence_file(request: HttpRequest, result_pk: int) -> HttpResponse:
    result = get_object_or_404(Result.objects.select_related("submission"), pk=result_pk)
    _report_org(request, _period(request, result.submission.period_id), result.submission.organisation_id)
    if not result.evidence:
        raise Http404
    return FileResponse(result.evidence.open("rb"), as_attachment=True,
                        filename=result.evidence.name.rsplit("/", 1)[-1])


def _grid_version(grid: selectors.Grid) -> int:
    return grid.submission.version if grid.submission else services.UNSAVED_VERSION


def report_template(request: HttpRequest, period_pk: int, org_pk: int) -> HttpResponse:
    period = _period(request, period_pk)
    organisation = _report_org(request, period, org_pk)
    grid = selectors.grid(period, organisation, clock.today())
    return _xlsx(excel.grid_workbook(grid, _grid_version(grid)), f"bao-cao-{organisation.code}-{period.pk}.xlsx")


def report_upload(request: HttpRequest, period_pk: int, org_pk: int) -> HttpResponse:
    period = _period(request, period_pk)
    organisation = _report_org(request, period, org_pk)
    if not access.can(request.user, "results.enter", organisation):
        raise PermissionDenied
    grid = selectors.grid(period, organisation, clock.today())
    form = forms.GridUploadForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            values, errors, origin = excel.read_grid(form.cleaned_data["file"], grid)
        except xlsx.WorkbookError as exc:
            form.add_error("file", str(exc))
        else:
            if not errors:
                try:
                    return _import_grid(request, grid, values, origin)
                except ValidationError as error:
                    form.add_error("file", " ".join(error.messages))
    return render(request, "indicators/report_upload.html", {
        "form": form, "errors": errors, "period": period, "organisation": organisation, "campaign": period.campaign,
    })


def _import_grid(request: HttpRequest, grid: selectors.Grid, values: dict[int, tuple[str, str]],
                 origin: excel.Origin) -> HttpResponse:
    """Save a filled template. Made from the report as it is now: saved as it is. Made before a
    colleague's save: merged like the grid (indicators.merge): their cells the file left as it found
    them are kept; if both changed a cell differently nothing is saved and the grid opens with the
    file's figures and each such cell flagged, to be saved knowingly."""
    period, organisation = grid.period, grid.organisation
    if not grid.is_open:
        raise ValidationError(grid.lock_reason)
    for _attempt in range(3):  # a colleague saving during the import: merge again with their save
        version = _grid_version(grid)
        merged = {}
        for cell in grid.cells:
            if cell.indicator.pk not in values:
                continue  # a row taken out of the file changes nothing
            if origin.version == version:
                base = cell.stored  # nobody saved since the download: the file is saved as it is
            else:
                base = (origin.cells or {}).get(cell.indicator.pk, ("", "")) if origin.known else None
            merged[cell.indicator.pk] = merge.merge_cell(base=base, mine=values[cell.indicator.pk], theirs=cell.stored)
        # Both sides writing the same figure is no conflict for a file: nothing would be lost.
        conflicts = {key for key, m in merged.items() if m.outcome == merge.Outcome.BOTH and m.value != m.theirs}
        if conflicts:
            return _show_import_conflicts(request, grid, merged, conflicts, origin)
        cells = {key: services.CellInput(*m.value) for key, m in merged.items()}
        try:
            services.save_report(by=request.user, period=period, organisation=organisation, cells=cells,
                                 expected_version=version)
        except services.VersionConflict:
            grid = selectors.grid(period, organisation, clock.today())
            continue
        kept = [cell.indicator.display_label for cell in grid.cells if cell.indicator.pk in merged
                and merged[cell.indicator.pk].outcome == merge.Outcome.THEIRS
                and merged[cell.indicator.pk].value != values[cell.indicator.pk]]
        messages.success(request, f"Đã nhập {len(cells)} dòng từ tệp Excel (chưa gửi).")
        if kept:
            messages.info(request, f"{_who(grid)} đã lưu báo cáo sau khi tệp được tải về; giữ số liệu họ đã lưu ở "
                                   f"{len(kept)} ô tệp không sửa: {'; '.join(kept)}.")
        return redirect("indicators:report", period_pk=period.pk, org_pk=organisation.pk)
    raise ValidationError("Báo cáo đang được người khác lưu liên tục; chưa lưu gì từ tệp. Hãy nhập lại sau ít phút.")


def _who(grid: selectors.Grid) -> str:
    submission = grid.submission
    return submission.updated_by.get_full_name() if submission and submission.updated_by else "Người khác"


def _show_import_conflicts(request: HttpRequest, grid: selectors.Grid, merged: dict[int, merge.MergedCell],
                           conflicts: set[int], origin: excel.Origin) -> HttpResponse:
    """The grid with the file's figures merged in and the conflicting cells flagged, as the grid
    shows its own conflicts: nothing saved, nothing lost; "Lưu" then saves knowingly."""
    who = _who(grid)
    for cell in grid.cells:
        cell.typed, cell.typed_note = cell.stored
        outcome = merged.get(cell.indicator.pk)
        if outcome is None:
            continue
        cell.typed, cell.typed_note = outcome.value
        if cell.indicator.pk in conflicts:
            cell.notice = (f"{who} đã lưu “{merge.display(outcome.theirs)}”; tệp Excel ghi "
                           f"“{merge.display(outcome.value)}”. Ô đang giữ số trong tệp; lưu sẽ thay số của họ.")
        elif outcome.outcome == merge.Outcome.THEIRS:
            cell.notice = f"{who} đã cập nhật ô này sau khi tệp được tải về; giữ số liệu của họ."
    listed = "; ".join(f"{c.indicator.display_label}: tệp ghi “{merge.display(merged[c.indicator.pk].value)}”, "
                       f"đã lưu “{merge.display(merged[c.indicator.pk].theirs)}”"
                       for c in grid.cells if c.indicator.pk in conflicts)
    why = ("Tệp Excel không ghi phiên bản báo cáo (mẫu tải trước khi có thông tin này), nên mọi ô khác với số "
           "đã lưu đều được đánh dấu." if not origin.known else
           f"Tệp Excel được tải về trước khi {who} lưu báo cáo.")
    messages.warning(request, f"Chưa lưu gì từ tệp. {why} {len(conflicts)} ô cả hai bên đều sửa khác nhau: "
                              f"{listed}. Xem các ô được đánh dấu trên bảng rồi bấm Lưu.")
    can_review = (access.can(request.user, "results.review", grid.period.campaign.issuer)
                  and lifecycle.collects_reports(grid.period.campaign.status))
    return _report_page(request, grid.period, grid.organisation, grid, can_enter=True, can_review=can_review,
                        narrative={}, today=clock.today())


@require_POST
def report_override(request: HttpRequest, period_pk: int, org_pk: int) -> HttpResponse:
    """The secretariat's verdict on one result of this report (the result id comes in the form)."""
    period = _period(request, period_pk)
    organisation = _report_org(request, period, org_pk)
    _require_review(request, period.campaign)
    raw = request.POST.get("result", "")
    result = get_object_or_404(Result, pk=parse_id(raw), submission__period=period,
                               submission__organisation=organisation)
    form = forms.OverrideForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(" ".join(e for errors in form.errors.values() for e in errors))
        services.override_result(by=request.user, result=result, achieved=form.achieved(),
                                 reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Đã ghi nhận điều chỉnh kết quả đánh giá.")
    return redirect("indicators:report", period_pk=period.pk, org_pk=organisation.pk)


# --- Completeness and one unit across periods ---------------------------------------------------------------


COMPLETENESS_PER_PAGE = 100
NAMED_IN_MESSAGE = 20


def completeness(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)
    periods, rows = selectors.completeness(campaign, request.user, clock.today())
    # A country's matrix is 3.000 units: a page of them, the whole in the Excel export.
    page = paginate(request, rows, COMPLETENESS_PER_PAGE)
    table = [(row.organisation, reverse_ids("indicators:unit-results", campaign.pk, row.organisation.pk),
              [(cell, reverse_ids("indicators:report", cell.period_pk, row.organisation.pk)) for cell in row.cells])
             for row in page]
    owing = {period.pk: sum(1 for row in rows for cell in row.cells if cell.period_pk == period.pk
                            and cell.needs_reminder) for period in periods}
    to_remind = [(period, [(row.organisation, cell.timeliness) for row in page for cell in row.cells
                           if cell.period_pk == period.pk and cell.needs_reminder], owing[period.pk])
                 for period in periods]
    return render(request, "indicators/completeness.html", {
        "campaign": campaign, "periods": periods, "table": table, "to_remind": to_remind, "page": page,
        "can_review": access.can(request.user, "results.review", campaign.issuer),
        "can_remind": (access.can(request.user, "results.review", campaign.issuer)
                       and lifecycle.collects_reports(campaign.status)),
        "recent_reminders": list(Reminder.objects.filter(period__campaign=campaign)
                                 .select_related("organisation", "sent_by", "period")[:15]),
    })


def completeness_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)
    periods, rows = selectors.completeness(campaign, request.user, clock.today())
    content = excel.completeness_workbook(campaign, periods, rows, clock.today())
    return _xlsx(content, f"tinh-hinh-nop-bao-cao-{campaign.year}-{campaign.pk}.xlsx")


@require_POST
def remind(request: HttpRequest, pk: int, period_pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)
    _require_review(request, campaign)
    period = get_object_or_404(ReportingPeriod, pk=period_pk, campaign=campaign)
    # Only units of the matrix still owing this period's report, whatever ids were posted: one
    # that sent its report (since the page was shown, or in a forged form), one that reports
    # nothing here and another issuer's unit are not among them.
    _periods, rows = selectors.completeness(campaign, request.user, clock.today(), period=period)
    owing = [row.organisation for row in rows if row.cells[0].needs_reminder]
    if request.POST.get("tat-ca") == "1":
        # Every unit of the period still owing its report, not only those on the page shown.
        organisations = owing
    else:
        ids = set(parse_ids(request.POST.getlist("organisation")))
        organisations = [org for org in owing if org.pk in ids]
    if not organisations:
        messages.error(request, "Chọn ít nhất một đơn vị còn nợ báo cáo để nhắc.")
    else:
        try:
            sent = services.remind(by=request.user, period=period, organisations=organisations,
                                   site=request.build_absolute_uri("/"))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            emailed = [r for r in sent if r.recipients]
            without = [r.organisation.name for r in sent if not r.recipients]
            if emailed:
                messages.success(request, f"Đã gửi thư nhắc {len(emailed)} đơn vị.")
            if without:
                named = "; ".join(without[:NAMED_IN_MESSAGE]) + (
                    f" và {format_number(len(without) - NAMED_IN_MESSAGE)} đơn vị khác"
                    if len(without) > NAMED_IN_MESSAGE else "")
                messages.warning(request, f"Chưa gửi được thư cho {format_number(len(without))} đơn vị vì cán bộ chưa "
                                          "có địa chỉ thư (đã ghi nhận lần nhắc; hãy gọi điện hoặc bổ sung địa chỉ "
                                          "thư): " + named)
    return redirect(reverse("indicators:completeness", args=[campaign.pk]))


def unit_results(request: HttpRequest, pk: int, org_pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)
    organisation = get_object_or_404(access.visible_organisations(request.user), pk=org_pk)
    periods, rows = selectors.unit_results(campaign, organisation)
    if not rows:
        raise Http404
    return render(request, "indicators/unit_results.html", {
        "campaign": campaign, "organisation": organisation, "periods": periods, "rows": rows,
    })


def unit_results_xlsx(request: HttpRequest, pk: int, org_pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)
    organisation = get_object_or_404(access.visible_organisations(request.user), pk=org_pk)
    periods, rows = selectors.unit_results(campaign, organisation)
    if not rows:
        raise Http404
    content = excel.unit_results_workbook(campaign, organisation, periods, rows, clock.today())
    return _xlsx(content, f"ket-qua-{_file_part(organisation.code or organisation.name)}"
                          f"-{campaign.year}-{campaign.pk}.xlsx")
