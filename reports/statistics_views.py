"""The statistics forms on thi đua, khen thưởng for the province's Nội vụ body: preview with every
counted figure linked to what it counts, the rows behind one figure, .xlsx and PDF in the forms'
layout, and the page where the secretariat types what cannot be counted (under /thong-ke/)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import slugify

from awards.selectors import issuers_for
from common import clock
from common.forms import parse_id
from common.xlsx import XLSX_CONTENT_TYPE
from reports import statistics, statistics_sources
from reports.models import StatisticsSheet
from reports.pdf import render_pdf
from reports.services import statistics as service
from reports.statistics_workbook import workbook
from units import access
from units.models import Organisation


@dataclass
class Cell:
    value: int | None
    url: str = ""
    error: str = ""


@dataclass
class Line:
    row: statistics.Row
    cells: list[Cell]


@dataclass
class FormView:
    form: statistics.Form
    lines: list[Line]

    @property
    def has_subs(self) -> bool:
        return any(c.sub for c in self.form.columns)

    @property
    def counted(self) -> str:
        return statistics.COUNTED.get(self.form.code, "")

    @property
    def depth(self) -> int:
        return 3 if self.has_subs else 2

    @property
    def heading(self) -> list[list[HeadCell]]:
        """The figure columns' heading lines: a group over its columns ("Chia ra"), a form's name over
        its Tập thể / Cá nhân pair, a lone column spanning every line. Positions count from 0."""
        lines: list[list[HeadCell]] = [[] for _ in range(self.depth)]
        columns = list(self.form.columns)
        position = 0
        while position < len(columns):
            column = columns[position]
            if not column.group:
                lines[0].append(HeadCell(column.label, position, 1, self.depth))
                position += 1
                continue
            end = position
            while end + 1 < len(columns) and columns[end + 1].group == column.group:
                end += 1
            lines[0].append(HeadCell(column.group, position, end - position + 1, 1))
            inner = position
            while inner <= end:
                first = columns[inner]
                last = inner
                while (first.sub and last + 1 <= end and columns[last + 1].sub
                       and (columns[last + 1].number, columns[last + 1].label) == (first.number, first.label)):
                    last += 1
                lines[1].append(HeadCell(first.label, inner, last - inner + 1, 1 if first.sub else self.depth - 1))
                if first.sub:
                    lines[2].extend(HeadCell(columns[i].sub, i, 1, 1) for i in range(inner, last + 1))
                inner = last + 1
            position = end + 1
        return lines


@dataclass(frozen=True)
class HeadCell:
    label: str
    position: int
    colspan: int
    rowspan: int


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


def _query(issuer: Organisation, year: int, **more) -> str:
    return urlencode({"co-quan": issuer.pk, "nam": year, **more})


def _computed(issuer: Organisation, year: int):
    campaign_facts, campaign_sources = statistics_sources.campaigns(issuer, year)
    award_facts, award_sources = statistics_sources.awards(issuer, year)
    forms = statistics.forms(statistics_sources.state_per_form())
    tallies = {
        "0601.N": statistics.tally(forms[0], campaign_facts, statistics.campaign_cells),
        "0602.N": statistics.tally(forms[1], [f for f in award_facts if statistics.form_of(f.column) == "0602.N"],
                                   statistics.award_cells),
        "0603.N": statistics.tally(forms[2], [f for f in award_facts if statistics.form_of(f.column) == "0603.N"],
                                   statistics.award_cells),
    }
    return forms, tallies, {**campaign_sources, **award_sources}


def _sheet(issuer: Organisation, year: int) -> StatisticsSheet:
    return StatisticsSheet.objects.filter(issuer=issuer, year=year).first() or StatisticsSheet(issuer=issuer, year=year)


def _views(issuer: Organisation, year: int, sheet: StatisticsSheet, *, links: bool) -> list[FormView]:
    forms, tallies, _sources = _computed(issuer, year)
    base = reverse("statistics:cell")
    result = []
    for form in forms:
        lines = []
        for row in form.rows:
            cells = []
            for column in form.columns:
                if not row.code:
                    cells.append(Cell(None))
                elif form.entered:
                    cells.append(Cell((sheet.entered.get(form.code) or {}).get(row.code, {}).get(column.key)))
                else:
                    value = tallies[form.code].figure(row.code, column.key)
                    url = (f"{base}?{_query(issuer, year, bieu=form.slug, dong=row.code, cot=column.key)}"
                           if links and value else "")
                    cells.append(Cell(value, url))
            lines.append(Line(row, cells))
        result.append(FormView(form, lines))
    return result


def index(request: HttpRequest) -> HttpResponse:
    issuers, issuer, year = _chosen(request)
    sheet = _sheet(issuer, year)
    start, end = statistics.period(year)
    return render(request, "reports/statistics/index.html", {
        "issuers": issuers, "issuer": issuer, "year": year, "years": range(default_year() - 3, default_year() + 2),
        "sheet": sheet, "views": _views(issuer, year, sheet, links=True), "start": start, "end": end,
        "deadline": statistics.deadline(year), "query": _query(issuer, year), "basis": statistics.BASIS,
        "can_prepare": access.can(request.user, "statistics.prepare", issuer),
    })


def cell(request: HttpRequest) -> HttpResponse:
    """The rows one figure counts: a figure nobody can trace is not one an office signs."""
    _issuers, issuer, year = _chosen(request)
    forms, tallies, sources = _computed(issuer, year)
    slug, row_code, column_key = (request.GET.get(k, "") for k in ("bieu", "dong", "cot"))
    form = next((f for f in forms if f.slug == slug and not f.entered), None)
    row = form.row(row_code) if form and row_code else None
    column = form.column(column_key) if form else None
    if form is None or row is None or column is None:
        raise Http404
    keys = tallies[form.code].keys(row.code, column.key)
    return render(request, "reports/statistics/cell.html", {
        "issuer": issuer, "year": year, "form": form, "row": row, "column": column,
        "sources": [sources[k] for k in keys], "query": _query(issuer, year),
    })


def _printable(issuer: Organisation, year: int, sheet: StatisticsSheet) -> dict:
    return {"issuer": issuer, "year": year, "sheet": sheet, "views": _views(issuer, year, sheet, links=False),
            "basis": statistics.BASIS, "deadline": statistics.deadline(year), "place": issuer.place_name,
            "start": statistics.period(year)[0], "end": statistics.period(year)[1]}


def _file_name(issuer: Organisation, year: int) -> str:
    """Who and which year: an administrator downloading several bodies' forms gets distinct files."""
    code = slugify(issuer.code or "") or str(issuer.pk)
    return f"bieu-thong-ke-tdkt-{code}-{year}"


def pdf(request: HttpRequest) -> HttpResponse:
    _issuers, issuer, year = _chosen(request)
    html = render_to_string("reports/statistics/print.html", _printable(issuer, year, _sheet(issuer, year)))
    return HttpResponse(render_pdf(html), content_type="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="{_file_name(issuer, year)}.pdf"'})


def xlsx(request: HttpRequest) -> HttpResponse:
    _issuers, issuer, year = _chosen(request)
    data = _printable(issuer, year, _sheet(issuer, year))
    return HttpResponse(workbook(data), content_type=XLSX_CONTENT_TYPE, headers={
        "Content-Disposition": f'attachment; filename="{_file_name(issuer, year)}.xlsx"'})


HEADER_FIELDS = (("receiver", "Đơn vị nhận báo cáo"), ("preparer", "Người lập biểu"),
                 ("head_title", "Chức vụ thủ trưởng đơn vị (ví dụ: GIÁM ĐỐC)"), ("head_name", "Thủ trưởng đơn vị"))


def edit(request: HttpRequest) -> HttpResponse:
    """The header and the typed forms (0604.N, 0605.N). Everything typed comes back on an error."""
    issuers, issuer, year = _chosen(request, "statistics.prepare")
    sheet = _sheet(issuer, year)
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
            return redirect(f"{reverse('statistics:index')}?{_query(issuer, year)}")
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
        "query": _query(issuer, year),
    })
