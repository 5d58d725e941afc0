"""The statistics forms on thi đua, khen thưởng for the province's Nội vụ body: preview with every
counted figure linked to what it counts, the rows behind one figure, .xlsx and PDF in the forms'
layout, and the page where the secretariat types what cannot be counted (under /thong-ke/)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_POST

from awards.selectors import issuers_for
from common import clock
from common.forms import parse_id
from common.xlsx import XLSX_CONTENT_TYPE
from reports import statistics
from reports import statistics_report as report
from reports.models import StatisticsEdition
from reports.pdf import render_pdf
from reports.services import statistics as service
from reports.statistics_workbook import workbook
from units import access
from units.models import Organisation


def default_year() -> int:
    """The reporting year that ends on 30/11 of this year: about to close in November, just closed
    and due on 15/12 in December, under way before."""
    return clock.today().year


def _chosen(request: HttpRequest, action: str = "statistics.view") -> tuple[list[Organisation], Organisation, int]:
    issuers = list(issuers_for(request.user, action))
    if not issuers:
        raise PermissionDenied
    raw = request.POST.get("co-quan") or request.GET.get("co-quan")
    issuer = issuers[0]
    if raw:
        issuer = next((i for i in issuers if i.pk == parse_id(raw)), None)
        if issuer is None:
            raise Http404
    year = parse_id(request.POST.get("nam") or request.GET.get("nam"))
    if year is None or not 2000 <= year <= 2100:
        year = default_year()
    return issuers, issuer, year


def _drift(issuer: Organisation, year: int, sheet, latest: StatisticsEdition | None,
           counted: report.Counted) -> list[str]:
    """How today's figures differ from the last frozen edition, in words (at most 12 cells)."""
    if latest is None:
        return []
    now = report.snapshot(issuer, year, sheet, counted)
    lines = [f"Biểu {code}, mã số {row}, cột {column.split(':')[0]}: {old if old is not None else 'trống'} → "
             f"{new if new is not None else 'trống'}"
             for code, row, column, old, new in statistics.differences(latest.data["figures"], now["figures"])]
    if now["sheet"] != latest.data.get("sheet"):
        lines.append("Phần đầu, người ký của biểu đã sửa.")
    return lines[:12] + ([f"… và {len(lines) - 12} ô khác."] if len(lines) > 12 else [])


def index(request: HttpRequest) -> HttpResponse:
    issuers, issuer, year = _chosen(request)
    sheet = report.sheet_of(issuer, year)
    return _index_page(request, issuers, issuer, year, sheet, _editions(issuer, year))


def _editions(issuer: Organisation, year: int) -> list[StatisticsEdition]:
    return list(StatisticsEdition.objects.filter(issuer=issuer, year=year).select_related("made_by")
                .order_by("-number"))


def _index_page(request, issuers, issuer, year, sheet, editions, *, reason_error: str = "", reason: str = "",
                status: int = 200) -> HttpResponse:
    start, end = statistics.period(year)
    counted = report.count(issuer, year)
    return render(request, "reports/statistics/index.html", {
        "issuers": issuers, "issuer": issuer, "year": year, "years": range(default_year() - 3, default_year() + 2),
        "sheet": sheet, "views": report.views(issuer, year, sheet, links=True, counted=counted),
        "start": start, "end": end,
        "deadline": statistics.deadline(year), "query": report.query(issuer, year), "basis": statistics.BASIS,
        "can_prepare": access.can(request.user, "statistics.prepare", issuer),
        "editions": editions, "drift": _drift(issuer, year, sheet, editions[0] if editions else None, counted),
        "reason": reason, "reason_error": reason_error,
    }, status=status)


def cell(request: HttpRequest) -> HttpResponse:
    """The rows one figure counts: a figure nobody can trace is not one an office signs."""
    _issuers, issuer, year = _chosen(request)
    forms, tallies, sources = report.computed(issuer, year)
    slug, row_code, column_key = (request.GET.get(k, "") for k in ("bieu", "dong", "cot"))
    form = next((f for f in forms if f.slug == slug and not f.entered), None)
    row = form.row(row_code) if form and row_code else None
    column = form.column(column_key) if form else None
    if form is None or row is None or column is None:
        raise Http404
    keys = tallies[form.code].keys(row.code, column.key)
    return render(request, "reports/statistics/cell.html", {
        "issuer": issuer, "year": year, "form": form, "row": row, "column": column,
        "sources": [sources[k] for k in keys], "query": report.query(issuer, year),
    })


def pdf(request: HttpRequest) -> HttpResponse:
    _issuers, issuer, year = _chosen(request)
    data = report.printable(issuer, year, report.sheet_of(issuer, year))
    html = render_to_string("reports/statistics/print.html", data)
    return HttpResponse(render_pdf(html), content_type="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="{report.file_name(issuer, year)}.pdf"'})


def xlsx(request: HttpRequest) -> HttpResponse:
    _issuers, issuer, year = _chosen(request)
    data = report.printable(issuer, year, report.sheet_of(issuer, year))
    return HttpResponse(workbook(data), content_type=XLSX_CONTENT_TYPE, headers={
        "Content-Disposition": f'attachment; filename="{report.file_name(issuer, year)}.xlsx"'})


HEADER_FIELDS = (("receiver", "Đơn vị nhận báo cáo"), ("preparer", "Người lập biểu"),
                 ("head_title", "Chức vụ thủ trưởng đơn vị (ví dụ: GIÁM ĐỐC)"), ("head_name", "Thủ trưởng đơn vị"))


def edit(request: HttpRequest) -> HttpResponse:
    """The header and the typed forms (0604.N, 0605.N). Everything typed comes back on an error."""
    issuers, issuer, year = _chosen(request, "statistics.prepare")
    sheet = report.sheet_of(issuer, year)
    typed_forms = [f for f in statistics.forms() if f.entered]
    errors: dict[str, str] = {}
    header = {name: getattr(sheet, name) for name, _label in HEADER_FIELDS}
    raw: dict[str, str] = {}
    if request.method == "POST":
        header = {name: request.POST.get(name, "").strip() for name, _label in HEADER_FIELDS}
        raw = {key: value.strip() for key, value in request.POST.items() if key.startswith("v-")}
        try:
            service.save_sheet(by=request.user, issuer=issuer, year=year, header=header, raw=raw,
                               expected_version=parse_id(request.POST.get("version", "")))
        except ValidationError as error:
            errors = ({name: " ".join(texts) for name, texts in error.message_dict.items()}
                      if hasattr(error, "error_dict") else {"__all__": " ".join(error.messages)})
        else:
            messages.success(request, f"Đã lưu số liệu biểu thống kê năm {year}.")
            return redirect(f"{reverse('statistics:index')}?{report.query(issuer, year)}")
    grids = []
    for form in typed_forms:
        stored = sheet.entered.get(form.code) or {}
        rows = []
        for row in form.rows:
            cells = []
            for column in form.columns:
                name = f"v-{form.slug}-{row.code}-{column.key}"
                value = raw.get(name) if request.method == "POST" else stored.get(row.code, {}).get(column.key)
                cells.append({"name": name, "value": "" if value is None else value, "error": errors.get(name, "")})
            rows.append({"row": row, "cells": cells if row.code else []})
        grids.append({"form": form, "rows": rows})
    return render(request, "reports/statistics/edit.html", {
        "issuers": issuers, "issuer": issuer, "year": year, "sheet": sheet, "grids": grids, "errors": errors,
        "form_error": errors.get("__all__", ""),
        "header": [(name, label, header.get(name, ""), errors.get(name, "")) for name, label in HEADER_FIELDS],
        "query": report.query(issuer, year),
    })


@require_POST
def freeze(request: HttpRequest) -> HttpResponse:
    """Chốt số liệu: a refusal (a later edition with no reason) comes back on the page with the text."""
    issuers, issuer, year = _chosen(request, "statistics.prepare")
    reason = request.POST.get("reason", "")
    try:
        edition = service.freeze(by=request.user, issuer=issuer, year=year, reason=reason)
    except ValidationError as error:
        text = " ".join(error.message_dict.get("reason", error.messages) if hasattr(error, "error_dict")
                        else error.messages)
        view_issuers = list(issuers_for(request.user, "statistics.view"))
        return _index_page(request, view_issuers or issuers, issuer, year, report.sheet_of(issuer, year),
                           _editions(issuer, year), reason_error=text, reason=reason, status=400)
    messages.success(request, f"Đã chốt số liệu: bản số {edition.number} được lưu (PDF và Excel không đổi về sau).")
    return redirect("statistics:edition", pk=edition.pk)


def _edition(request: HttpRequest, pk: int) -> StatisticsEdition:
    """An edition of a body whose forms the user reads; any other id is a 404."""
    issuers = list(issuers_for(request.user, "statistics.view"))
    if not issuers:
        raise PermissionDenied
    return get_object_or_404(StatisticsEdition.objects.select_related("issuer", "made_by"), pk=pk,
                             issuer__in=issuers)


def edition(request: HttpRequest, pk: int) -> HttpResponse:
    frozen = _edition(request, pk)
    start, end = statistics.period(frozen.year)
    return render(request, "reports/statistics/edition.html", {
        "edition": frozen, "issuer": frozen.issuer, "year": frozen.year, "start": start, "end": end,
        "views": report.frozen_views(frozen.data, cell_url=reverse("statistics:edition-cell", args=[frozen.pk])),
        "query": report.query(frozen.issuer, frozen.year), "sheet": frozen.data.get("sheet", {}),
    })


def edition_cell(request: HttpRequest, pk: int) -> HttpResponse:
    frozen = _edition(request, pk)
    forms = {f.slug: f for f in statistics.forms({k: [tuple(p) for p in v]
                                                  for k, v in frozen.data.get("state_per_form", {}).items()})}
    form = forms.get(request.GET.get("bieu", ""))
    row = form.row(request.GET.get("dong", "")) if form and request.GET.get("dong") else None
    column = form.column(request.GET.get("cot", "")) if form else None
    if form is None or form.entered or row is None or column is None:
        raise Http404
    sources = frozen.data["sources"].get(f"{form.code}|{row.code}|{column.key}", [])
    return render(request, "reports/statistics/cell.html", {
        "issuer": frozen.issuer, "year": frozen.year, "form": form, "row": row, "column": column,
        "sources": sources, "query": report.query(frozen.issuer, frozen.year), "edition": frozen,
    })


def edition_file(request: HttpRequest, pk: int, which: str) -> HttpResponse:
    """The stored bytes, as made when frozen: never rendered again."""
    frozen = _edition(request, pk)
    if which not in ("pdf", "xlsx"):
        raise Http404
    field = frozen.pdf if which == "pdf" else frozen.xlsx
    content_type = "application/pdf" if which == "pdf" else XLSX_CONTENT_TYPE
    name = f"{report.file_name(frozen.issuer, frozen.year)}-ban-{frozen.number}.{which}"
    with field.open("rb") as stored:
        data = stored.read()
    return HttpResponse(data, content_type=content_type, headers={
        "Content-Disposition": f'attachment; filename="{name}"'})

