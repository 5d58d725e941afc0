
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from awards import selectors as award_selectors
from awards.models import Decision, Proposal
from campaigns import selectors as campaign_selectors
from campaigns.models import Campaign
from common import clock, xlsx
from common.forms import apply_service_errors, parse_id
from common.text import format_date
from indicators import selectors as indicator_selectors
from reports import edition_views, forms, jobs, outlines, pdf, selectors, services, workbook
from reports.models import DocumentEdition, DocumentJob, OutlineDefault, Report, ReportFile
from units import access
from units import selectors as unit_selectors

SEARCH_LIMIT = 10


HOME_REPORTS = 10


def home(request: HttpRequest) -> HttpResponse:
    """What needs the user's attention now; each app adds its own queue here."""
    today = clock.today()
    memberships = access.memberships(request.user)
    my_reports = indicator_selectors.reports_for(request.user, today)
    return render(request, "reports/home.html", {
        "today": today,
        "memberships": memberships,
        "deadlines": campaign_selectors.upcoming_deadlines(request.user, today),
        # The most urgent first; a health centre owes reports for its thirty stations, listed in
        # full on the indicators page.
        "my_reports": my_reports[:HOME_REPORTS], "my_reports_count": len(my_reports),
        "awaiting_review": indicator_selectors.awaiting_review(request.user),
        **campaign_selectors.home_campaigns(request.user),
        **award_selectors.home_queues(request.user),
        "reports_to_issue": selectors.reports_to_issue(request.user),
    })


def search(request: HttpRequest) -> HttpResponse:
    """One box for units, people and campaigns, typed with or without diacritics."""
    q = request.GET.get("q", "").strip()[:200]
    context = {"q": q}
    if q:
        units = unit_selectors.search_organisations(request.user, q=q, status="all")
        people = unit_selectors.search_people(request.user, q=q, status="all")
        campaigns = campaign_selectors.campaign_list(request.user, q=q)
        context.update(
            units=list(units[:SEARCH_LIMIT]), unit_count=units.count(),
            people=list(people[:SEARCH_LIMIT]), people_count=people.count(),
            campaigns=list(campaigns[:SEARCH_LIMIT]), campaign_count=campaigns.count(),
        )
    return render(request, "reports/search.html", context)


# --- Documents: one template per document for the preview page and the PDF (R29) ---------------------


def _in_background(request: HttpRequest, document: str, obj, title: str) -> HttpResponse | None:
    """A document too large for a request goes to the worker; the user follows it on its page."""
    if not jobs.is_large(document, obj):
        return None
    job = jobs.start(document=document, obj=obj, title=title, by=request.user)
    return redirect(job)


def _pdf_response(build) -> HttpResponse:
    """`build` makes the document (figures from the database, then HTML, then PDF), all without
    the cyclic collector (pdf.without_cyclic_gc)."""
    with pdf.without_cyclic_gc():
        doc = build()
        data = pdf.render_pdf(services.render_html(doc), archival=not doc.draft)
    return HttpResponse(data, content_type=pdf.PDF_MEDIA_TYPE,
                        headers={"Content-Disposition": f'attachment; filename="{doc.filename}"'})


def decision_document(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(award_selectors.decisions_visible_to(request.user), pk=pk)
    return _page(request, selectors.decision_document(decision, clock.today()),
                 reverse("reports:decision-pdf", args=[decision.pk]),
                 [("Khen thưởng", reverse("awards:index")), ("Quyết định", reverse("awards:decision-list")),
                  (decision.reference or "Dự thảo", decision.get_absolute_url())],
                 edition=services.current_edition(DocumentEdition.Kind.DECISION, decision.pk))


def decision_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(award_selectors.decisions_visible_to(request.user), pk=pk)
    # Sent for signature: the stored copy, never the data as it reads now (issue 13).
    if (stored := edition_views.stored_pdf(DocumentEdition.Kind.DECISION, decision.pk)) is not None:
        return stored
    queued = _in_background(request, "decision", decision, f"Quyết định {decision.title}")
    if queued is not None:
        return queued
    return _pdf_response(lambda: selectors.decision_document(decision, clock.today()))


def plan_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = get_object_or_404(Campaign.objects.visible_to(request.user).select_related("issuer"), pk=pk)
    if (stored := edition_views.stored_pdf(DocumentEdition.Kind.PLAN, campaign.pk)) is not None:
        return stored
    return _pdf_response(lambda: selectors.plan_document(campaign, clock.today()))


def plan_preview_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan as its data reads now: a preview, not the signed copy (labelled so on the page)."""
    campaign = get_object_or_404(Campaign.objects.visible_to(request.user).select_related("issuer"), pk=pk)

    def build():
        # Marked on every page: once issued it prints the registry's number beside today's data.
        doc = selectors.plan_document(campaign, clock.today())
        doc.extra["preview"] = True
        return doc

    return _pdf_response(build)


# --- Summary reports ---------------------------------------------------------------------------------


def _report(request: HttpRequest, pk: int) -> Report:
    return get_object_or_404(selectors.reports_visible_to(request.user), pk=pk)


def _may(request: HttpRequest, report: Report, verb: str) -> bool:
    return access.can(request.user, services.action_for(report, verb), report.organisation)


def report_list(request: HttpRequest) -> HttpResponse:
    campaign = None
    if (campaign_pk := parse_id(request.GET.get("phong-trao"))) is not None:
        campaign = get_object_or_404(Campaign.objects.visible_to(request.user), pk=campaign_pk)
    campaigns = list(selectors.campaigns_to_report(request.user)) if campaign is None else []
    return render(request, "reports/report_list.html", {
        "reports": selectors.report_list(request.user, campaign), "campaign": campaign,
        "can_create": campaign is not None and selectors.report_scopes(request.user, campaign).exists(),
        "campaigns": campaigns,
    })


def report_create(request: HttpRequest, campaign_pk: int) -> HttpResponse:
    campaign = get_object_or_404(Campaign.objects.visible_to(request.user).select_related("issuer"), pk=campaign_pk)
    scopes = selectors.report_scopes(request.user, campaign)
    if not scopes.exists():
        raise PermissionDenied
    periods = campaign.periods.all()
    form = forms.ReportCreateForm(request.POST or None, organisations=scopes, periods=periods)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.create_report(by=request.user, campaign=campaign,
                                            organisation=form.cleaned_data["organisation"],
                                            period=form.cleaned_data["period"], today=clock.today())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã lập dự thảo báo cáo từ số liệu hiện có; hãy sửa lời văn.")
            return redirect(report)
    return render(request, "reports/report_create.html", {"form": form, "campaign": campaign,
                                                          "no_periods": not periods.exists()})


PREVIEW_UNITS = 300


def _report_page(request: HttpRequest, report: Report, issue_form=None, send_form=None,
                 status: int = 200) -> HttpResponse:
    doc = selectors.report_document(report, clock.today())
    # The page shows the first units of appendix II (a country's campaign lists 3.000); the PDF
    # and the Excel tables carry them all.
    units = doc.figures.get("units") or []
    editions = selectors.report_editions(report)
    latest_edition = editions[0]["number"] if editions else 0
    missing = services.unmade_copies(report)
    making, edition_job = (missing[0] if missing else None), None
    if making is not None:
        for document in services.EDITION_DOCUMENTS.values():
            jobs.recover(document=document, object_id=report.pk)
        edition_job = making.jobs.order_by("-pk").first()
    can_issue = _may(request, report, "issue")
    # The incomplete period is agreed to when the figures are frozen: at trình ký, or by the
    # one-step issue of a draft; never again when recording the issue of what was signed.
    warning = "" if report.is_frozen else doc.figures.get("coverage_warning", "")
    latest = editions[0] if editions else None
    return render(request, "reports/report_detail.html", {
        "report": report, "doc": doc, "editions": editions, "latest_edition": latest_edition,
        "units_shown": units[:PREVIEW_UNITS], "units_hidden": max(0, len(units) - PREVIEW_UNITS),
        "official": latest["signed"] if latest and report.is_issued else None,
        "can_edit": _may(request, report, "prepare") and not report.is_frozen,
        "can_issue": can_issue,
        "issuer_role": "Thủ trưởng đơn vị" if not selectors.is_whole_campaign(report) else "Lãnh đạo, Thường trực",
        "coverage_warning": warning,
        "send_form": send_form or forms.SendForm(coverage_warning=warning),
        "issue_form": issue_form or forms.IssueForm(initial={
            "notation": report.notation, "issue_date": clock.today(), "signer_prefix": report.signer_prefix,
            "signer_title": report.signer_title, "signer_name": report.signer_name},
            coverage_warning=warning),
        "reason_form": forms.ReasonForm(), "signed_form": forms.SignedForm(),
        "events": list(report.events.select_related("actor")[:20]),
        "making": making, "edition_job": edition_job,
    }, status=status)


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _report_page(request, _report(request, pk))


def report_update(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    if not _may(request, report, "prepare"):
        raise PermissionDenied
    if report.is_frozen:
        messages.info(request, f"Báo cáo {report.get_status_display().lower()}: mở lại (ghi lý do) trước khi sửa.")
        return redirect(report)
    form = forms.ReportForm(request.POST or None, instance=Report.objects.get(pk=report.pk),
                            initial={"version": report.version})
    outline = forms.SectionFormSet(request.POST or None, prefix="muc",
                                   initial=forms.outline_initial(services.outline_of(report)))
    if request.method == "POST" and form.is_valid() and outline.is_valid():
        data = {name: form.cleaned_data[name] for name in services.EDIT_FIELDS if name in form.cleaned_data}
        try:
            services.save_report(by=request.user, report=report, data=data, version=form.cleaned_data["version"],
                                 sections=outline.sections())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            if form.cleaned_data["make_default"]:
                services.save_outline_default(by=request.user, report=report)
                messages.success(request, f"Đã lưu báo cáo; các báo cáo “{report.get_kind_display()}” sau này của "
                                          "đơn vị bắt đầu từ dàn ý này.")
            else:
                messages.success(request, "Đã lưu báo cáo.")
            return redirect(report)
    return render(request, "reports/report_form.html", {
        "form": form, "outline": outline, "report": report, "narratives": selectors.narratives(report),
        "saved_default": OutlineDefault.objects.filter(organisation=report.organisation, kind=report.kind).first(),
        "briefing_groups": outlines.BRIEFING_GROUPS, "briefing_columns": outlines.BRIEFING_COLUMNS})


@require_POST
def report_outline_default_drop(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    if not _may(request, report, "prepare"):
        raise PermissionDenied
    services.drop_outline_default(by=request.user, report=report)
    messages.success(request, f"Các báo cáo “{report.get_kind_display()}” sau này bắt đầu từ dàn ý mặc định của "
                              "hệ thống.")
    return redirect("reports:report-update", pk=report.pk)


@require_POST
def report_send(request: HttpRequest, pk: int) -> HttpResponse:
    """Trình ký: the figures and prose are frozen and the copy for signature is stored."""
    report = _report(request, pk)
    if not _may(request, report, "issue"):
        raise PermissionDenied
    warning = "" if report.is_frozen else selectors.report_figures(report, clock.today()).get("coverage_warning", "")
    form = forms.SendForm(request.POST, coverage_warning=warning)
    if form.is_valid():
        try:
            services.send_report_for_signature(by=request.user, report=report)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            edition = services.latest_edition(report)
            if edition.is_made:
                messages.success(request, f"Đã trình ký: lưu bản trình ký phiên bản {edition.edition} (số, ngày để "
                                          "trống cho văn thư). Báo cáo đã khóa; sửa cần mở lại và ghi lý do.")
            else:
                messages.info(request, f"Đã trình ký phiên bản {edition.edition}. Bản PDF trình ký đang được tạo; "
                                       "trang này sẽ có nút tải khi tạo xong.")
            return redirect(report)
    messages.error(request, "Chưa trình ký được: xem thông báo trong khung Trình ký.")
    return _report_page(request, report, send_form=form)


@require_POST
def report_issue(request: HttpRequest, pk: int) -> HttpResponse:
    """Ghi nhận ban hành of what was sent for signature, or the one-step issue of a draft."""
    report = _report(request, pk)
    if not _may(request, report, "issue"):
        raise PermissionDenied
    warning = "" if report.is_frozen else selectors.report_figures(report, clock.today()).get("coverage_warning", "")
    form = forms.IssueForm(request.POST, coverage_warning=warning)
    if form.is_valid():
        fields = {name: value for name, value in form.cleaned_data.items() if name != "confirm_incomplete"}
        try:
            services.issue_report(by=request.user, report=report, **fields)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            printed = services.issued_copy(report)
            if printed is not None and printed.is_made:
                messages.success(request, f"Đã ban hành báo cáo và lưu bản PDF (phiên bản {printed.edition}).")
            else:
                messages.info(request, "Đã ban hành báo cáo. Bản PDF lưu trữ đang được tạo; trang này sẽ có "
                                       "nút tải khi tạo xong.")
            return redirect(report)
    # The errors beside their fields, what was typed kept.
    messages.error(request, "Chưa ban hành được: xem các ô báo lỗi trong khung Ban hành.")
    return _report_page(request, report, issue_form=form)


@require_POST
def report_edition_make(request: HttpRequest, pk: int) -> HttpResponse:
    """Make the issued edition's copy again after it could not be made (a full disk, a worker lost
    three times): anyone who may issue the report may ask, not only who issued it."""
    report = _report(request, pk)
    if not _may(request, report, "issue"):
        raise PermissionDenied
    try:
        services.remake_edition(by=request.user, report=report)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.info(request, "Đang tạo lại bản PDF lưu trữ.")
    return redirect(report)


@require_POST
def report_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    if not _may(request, report, "issue"):
        raise PermissionDenied
    try:
        services.reopen_report(by=request.user, report=report, reason=request.POST.get("reason", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Đã mở lại báo cáo để sửa; lần trình ký sau sẽ tạo phiên bản mới.")
    return redirect(report)


@require_POST
def report_signed(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    if not _may(request, report, "issue"):
        raise PermissionDenied
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "Chọn tệp PDF bản ký, đóng dấu.")
        return redirect(report)
    try:
        services.attach_signed(by=request.user, report=report, upload=upload)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Đã lưu bản ký, đóng dấu: đây là bản chính thức.")
    return redirect(report)


def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """A draft: rendered now from live figures. Sent for signature: the stored copy for signature;
    issued: the stored issued print, byte for byte. Never a copy made now in their place."""
    report = _report(request, pk)
    if report.is_frozen:
        stored = services.issued_copy(report) if report.is_issued else services.latest_edition(report)
        if stored is not None and stored.is_made:
            name = (f"bao-cao-{report.number}-v{stored.edition}.pdf" if report.is_issued
                    else f"bao-cao-trinh-ky-{report.pk}-v{stored.edition}.pdf")
            return _stored(stored, name)
        # The download names one edition, and this one is still being made (or could not be: its
        # page says why and offers to try again).
        messages.info(request, "Bản PDF lưu trữ của phiên bản này đang được tạo; tải về khi trang báo đã xong.")
        return redirect(report)
    queued = _in_background(request, "report", report, f"Báo cáo {report.title}")
    if queued is not None:
        return queued
    return _pdf_response(lambda: selectors.report_document(report, clock.today()))


def report_file(request: HttpRequest, pk: int, file_pk: int) -> HttpResponse:
    report = _report(request, pk)
    stored = get_object_or_404(report.files.exclude(file=""), pk=file_pk)
    return _stored(stored, stored.file.name.rsplit("/", 1)[-1])


def _stored(stored: ReportFile, filename: str) -> HttpResponse:
    return FileResponse(stored.file.open("rb"), as_attachment=True, content_type=pdf.PDF_MEDIA_TYPE,
                        filename=filename)


def _page(request: HttpRequest, doc: selectors.Document, pdf_url: str, trail: list,
          edition: DocumentEdition | None) -> HttpResponse:
    """A document's page. Once sent for signature its stored copy is the document; the page then
    says that what it shows is rebuilt from today's data (issue 13), and the PDF link gives the copy."""
    return render(request, "reports/document.html", {"doc": doc, "pdf_url": pdf_url, "trail": trail,
                                                      "edition": edition})


def _visible_proposal(request: HttpRequest, pk: int) -> Proposal:
    return get_object_or_404(Proposal.objects.visible_to(request.user).select_related(
        "campaign__issuer", "subcampaign", "organisation"), pk=pk)


def proposal_document(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _visible_proposal(request, pk)
    return _page(request, selectors.proposal_document(proposal, clock.today()),
                 reverse("reports:proposal-pdf", args=[pk]),
                 [("Khen thưởng", reverse("awards:index")), ("Tờ trình", reverse("awards:proposal-list")),
                  (proposal.title[:60], proposal.get_absolute_url())],
                 services.current_edition(DocumentEdition.Kind.PROPOSAL, proposal.pk))


def proposal_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    if (stored := edition_views.stored_pdf(DocumentEdition.Kind.PROPOSAL, _visible_proposal(request, pk).pk)):
        return stored
    return _pdf_response(lambda: selectors.proposal_document(_visible_proposal(request, pk), clock.today()))


def minutes_document(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(award_selectors.sessions_visible_to(request.user), pk=pk)
    return _page(request, selectors.minutes_document(session, clock.today()),
                 reverse("reports:minutes-pdf", args=[pk]),
                 [("Khen thưởng", reverse("awards:index")), ("Hội đồng", reverse("awards:session-list")),
                  (session.title[:60], session.get_absolute_url())],
                 services.current_edition(DocumentEdition.Kind.MINUTES, session.pk))


def minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(award_selectors.sessions_visible_to(request.user), pk=pk)
    if (stored := edition_views.stored_pdf(DocumentEdition.Kind.MINUTES, session.pk)) is not None:
        return stored
    return _pdf_response(lambda: selectors.minutes_document(session, clock.today()))


def certificates_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """Certificates exist for decided recipients only: an issued decision."""
    decision = get_object_or_404(award_selectors.decisions_visible_to(request.user).filter(
        status=Decision.Status.ISSUED), pk=pk)
    # Frozen when the issue was recorded; decisions issued before editions existed render as before.
    if (stored := edition_views.stored_pdf(DocumentEdition.Kind.CERTIFICATES, decision.pk)) is not None:
        return stored
    queued = _in_background(request, "certificates", decision, f"Giấy khen – Quyết định {decision.reference}")
    if queued is not None:
        return queued
    return _pdf_response(lambda: selectors.certificates_document(decision, clock.today()))


def _job(request: HttpRequest, pk: int) -> DocumentJob:
    """A job is its requester's (an administrator sees all): what it rendered was checked then."""
    jobs_ = DocumentJob.objects.all() if access.is_admin(request.user) else \
        DocumentJob.objects.filter(created_by=request.user)
    return get_object_or_404(jobs_, pk=pk)


def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk)
    # The page polls while it waits: each poll checks the worker is still alive (reports.jobs).
    if jobs.recover(job_ids=[job.pk]):
        job.refresh_from_db()
    return render(request, "reports/job.html", {"job": job, "waiting": job.status in jobs.ACTIVE,
                                                "edition": job.edition})


@require_POST
def job_retry(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk)
    fresh = jobs.retry(job, by=request.user)
    if fresh.pk == job.pk:
        messages.info(request, "Văn bản này không cần tạo lại.")
    return redirect(fresh)


def job_file(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk)
    stored = job.edition.file if job.edition is not None else job.file
    if job.status != DocumentJob.Status.DONE or not stored:
        raise Http404
    return FileResponse(stored.open("rb"), as_attachment=True, content_type=pdf.PDF_MEDIA_TYPE,
                        filename=job.filename or "van-ban.pdf")


def report_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    """Every table the report's outline prints, as a sheet: the figures as the report prints them
    (frozen once sent for signature)."""
    report = _report(request, pk)
    doc = selectors.report_document(report, clock.today())
    figures = doc.figures
    heading = [report.title, f"{report.organisation.name} · {report.get_kind_display()} · số liệu "
                             f"{figures['period_label'] or '—'}",
               (f"Số liệu chốt khi ban hành ngày {format_date(report.issue_date)}" if report.is_issued
                else "Số liệu chốt khi trình ký" if report.is_sent
                else f"Số liệu tại thời điểm xuất: {format_date(clock.now())}")]
    if figures.get("coverage"):
        heading.append(figures["coverage"])
    sheets = workbook.report_sheets(doc, heading)
    return HttpResponse(xlsx.write_workbook(sheets), content_type=xlsx.XLSX_CONTENT_TYPE, headers={
        "Content-Disposition": f'attachment; filename="bao-cao-{report.pk}-so-lieu.xlsx"'})
