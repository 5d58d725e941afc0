"""The statistics forms of one issuer and year as the page, the PDF, the workbook and a frozen
edition show them: the counted figures (reports.statistics over reports.statistics_sources), the
typed ones (StatisticsSheet), and the headings laid out. Reads only."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.text import slugify

from reports import statistics, statistics_sources
from reports.models import StatisticsSheet
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


def query(issuer: Organisation, year: int, **more) -> str:
    return urlencode({"co-quan": issuer.pk, "nam": year, **more})


def computed(issuer: Organisation, year: int, per_form: dict | None = None):
    campaign_facts, campaign_sources = statistics_sources.campaigns(issuer, year)
    award_facts, award_sources = statistics_sources.awards(issuer, year)
    forms = statistics.forms(statistics_sources.state_per_form() if per_form is None else per_form)
    tallies = {
        "0601.N": statistics.tally(forms[0], campaign_facts, statistics.campaign_cells),
        "0602.N": statistics.tally(forms[1], [f for f in award_facts if statistics.form_of(f.column) == "0602.N"],
                                   statistics.award_cells),
        "0603.N": statistics.tally(forms[2], [f for f in award_facts if statistics.form_of(f.column) == "0603.N"],
                                   statistics.award_cells),
    }
    return forms, tallies, {**campaign_sources, **award_sources}


@dataclass(frozen=True)
class Counted:
    """One count of an issuer's year (the catalogue's own 0602.N columns with it), shared by the page's
    tables and its comparison with the last frozen edition instead of counting twice."""

    per_form: dict
    result: tuple


def count(issuer: Organisation, year: int) -> Counted:
    per_form = statistics_sources.state_per_form()
    return Counted(per_form, computed(issuer, year, per_form))


def sheet_of(issuer: Organisation, year: int) -> StatisticsSheet:
    return StatisticsSheet.objects.filter(issuer=issuer, year=year).first() or StatisticsSheet(issuer=issuer, year=year)


def views(issuer: Organisation, year: int, sheet: StatisticsSheet, *, links: bool,
          counted: Counted | None = None) -> list[FormView]:
    forms, tallies, _sources = (counted or count(issuer, year)).result
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
                    url = (f"{base}?{query(issuer, year, bieu=form.slug, dong=row.code, cot=column.key)}"
                           if links and value else "")
                    cells.append(Cell(value, url))
            lines.append(Line(row, cells))
        result.append(FormView(form, lines))
    return result


def printable(issuer: Organisation, year: int, sheet: StatisticsSheet, counted: Counted | None = None) -> dict:
    return {"issuer": issuer, "year": year, "sheet": sheet,
            "views": views(issuer, year, sheet, links=False, counted=counted),
            "basis": statistics.BASIS, "deadline": statistics.deadline(year), "place": issuer.place_name,
            "start": statistics.period(year)[0], "end": statistics.period(year)[1]}


def file_name(issuer: Organisation, year: int) -> str:
    """Who and which year: an administrator downloading several bodies' forms gets distinct files."""
    code = slugify(issuer.code or "") or str(issuer.pk)
    return f"bieu-thong-ke-tdkt-{code}-{year}"


HEADER = ("receiver", "preparer", "head_title", "head_name")


def snapshot(issuer: Organisation, year: int, sheet: StatisticsSheet, counted: Counted | None = None) -> dict:
    """Everything a frozen edition keeps: every cell's figure, the rows each counted figure is made
    of (as the list shows them), the typed header, and the catalogue's own columns of 0602.N."""
    counted = counted or count(issuer, year)
    per_form = counted.per_form
    forms, tallies, sources = counted.result
    figures: dict[str, dict[str, dict[str, int | None]]] = {}
    counted: dict[str, list[dict]] = {}
    for form in forms:
        rows = figures.setdefault(form.code, {})
        for row in (r for r in form.rows if r.code):
            for column in form.columns:
                if form.entered:
                    value = (sheet.entered.get(form.code) or {}).get(row.code, {}).get(column.key)
                else:
                    keys = tallies[form.code].keys(row.code, column.key)
                    value = len(keys)
                    if keys:
                        counted[f"{form.code}|{row.code}|{column.key}"] = [
                            {"title": sources[k].title, "detail": sources[k].detail, "url": sources[k].url}
                            for k in keys]
                rows.setdefault(row.code, {})[column.key] = value
    return {"figures": figures, "sources": counted, "sheet": {name: getattr(sheet, name) for name in HEADER},
            "state_per_form": {key: [list(pair) for pair in pairs] for key, pairs in per_form.items()}}


def frozen_views(data: dict, *, cell_url: str = "") -> list[FormView]:
    """A frozen edition's forms laid out as the page draws the live ones, figures from the edition."""
    per_form = {key: [tuple(pair) for pair in pairs] for key, pairs in data.get("state_per_form", {}).items()}
    result = []
    for form in statistics.forms(per_form):
        stored = data["figures"].get(form.code, {})
        lines = []
        for row in form.rows:
            cells = []
            for column in form.columns:
                value = stored.get(row.code, {}).get(column.key) if row.code else None
                url = (f"{cell_url}?{urlencode({'bieu': form.slug, 'dong': row.code, 'cot': column.key})}"
                       if cell_url and value and not form.entered else "")
                cells.append(Cell(value, url))
            lines.append(Line(row, cells))
        result.append(FormView(form, lines))
    return result

