"""A unit's grid as an .xlsx to fill offline, and reading it back: every row checked, errors by
row and column, nothing kept unless the whole file is right. Results tables export as shown."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from common import xlsx
from common.forms import parse_id, too_long
from common.text import format_date, format_number, join_clauses, vi_sort_key
from indicators import evaluation
from indicators.selectors import Grid

SHEET = "Báo cáo"


@dataclass
class CellError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"Dòng {self.row}, cột “{self.column}”: {self.message}"

HEADERS = ["STT", "Mã dòng (không sửa)", "Chỉ tiêu", "ĐVT", "Chỉ tiêu kế hoạch", "Kỳ trước", "Thực hiện", "Ghi chú"]
# The grid's own limits (Result.actual_text, Result.note): longer text is refused, never cut.
ACTUAL_MAX, NOTE_MAX = 100, 500

# What the template was made from, read back on import: the report, its version and each cell as it
# then stood. A colleague's save between download and import is then merged like the grid's
# (indicators.merge), not silently undone. Hidden, and text cells only, like every sheet we write.
ORIGIN_SHEET = "Nguồn (không sửa)"
ORIGIN_HEADERS = ["Mục", "Giá trị", "Ghi chú"]
_PERIOD, _ORGANISATION, _VERSION = "Kỳ báo cáo", "Đơn vị", "Phiên bản"


@dataclass(frozen=True)
class Origin:
    """The report a template was made from. version 0: a file without it (made before templates
    carried it), whose cells' starting values are unknown."""
    period_id: int | None = None
    organisation_id: int | None = None
    version: int = 0
    cells: dict[int, tuple[str, str]] | None = None

    @property
    def known(self) -> bool:
        return self.version > 0


def grid_workbook(grid: Grid, version: int) -> bytes:
    rows = []
    for indicator, cell in grid.rows:
        if cell is None:
            rows.append([indicator.number, "", indicator.display_label, indicator.display_unit, "", "", "", ""])
            continue
        rows.append([
            indicator.number, indicator.pk, indicator.display_label, indicator.display_unit, cell.target.text,
            cell.previous.actual_text if cell.previous else "",
            cell.result.actual_text if cell.result else "", cell.result.note if cell.result else "",
        ])
    origin = [[_PERIOD, str(grid.period.pk), ""], [_ORGANISATION, str(grid.organisation.pk), ""],
              [_VERSION, str(version), ""]]
    origin += [[str(cell.indicator.pk), *cell.stored] for cell in grid.cells]
    return xlsx.write_workbook([xlsx.Sheet(SHEET, HEADERS, rows, widths=[6, 12, 60, 10, 16, 12, 14, 30]),
                                xlsx.Sheet(ORIGIN_SHEET, ORIGIN_HEADERS, origin, hidden=True)])


def _origin(rows) -> Origin:
    facts, cells = {}, {}
    for _number, row in rows:
        key = xlsx.cell_text(row["Mục"])
        if parse_id(key) is not None:
            cells[parse_id(key)] = (_cell_text(row["Giá trị"]), _cell_text(row.get("Ghi chú")))
        else:
            facts[key] = parse_id(xlsx.cell_text(row["Giá trị"]))
    if not facts.get(_VERSION):
        return Origin()
    return Origin(facts.get(_PERIOD), facts.get(_ORGANISATION), facts[_VERSION], cells)


def _cell_text(value) -> str:
    """What Excel holds, as the Vietnamese text a person would have typed (11.88 → "11,88")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return ""
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        return format_number(number.normalize() if number == number.to_integral() else number)
    return str(value).strip()


def read_grid(file, grid: Grid) -> tuple[dict[int, tuple[str, str]], list[CellError], Origin]:
    """(indicator id → (actual text, note)), the errors and what the file was made from; raises
    xlsx.WorkbookError for a file that is not this workbook, or the template of another report."""
    rows, origin_rows = xlsx.read_sheets(file, [
        xlsx.SheetSpec(SHEET, HEADERS, mandatory=["Mã dòng (không sửa)", "Thực hiện"]),
        xlsx.SheetSpec(ORIGIN_SHEET, ORIGIN_HEADERS, mandatory=["Mục", "Giá trị"], required=False)])
    origin = _origin(origin_rows)
    if origin.known and (origin.period_id, origin.organisation_id) != (grid.period.pk, grid.organisation.pk):
        # The same campaign's rows have the same ids for every unit: only this tells the files apart.
        raise xlsx.WorkbookError("Tệp là mẫu báo cáo của đơn vị khác hoặc kỳ báo cáo khác: hãy tải mẫu Excel "
                                 "của chính báo cáo này.")
    expected = {cell.indicator.pk: cell for cell in grid.cells}
    values, errors, seen = {}, [], {}
    for number, row in rows:
        raw_id = xlsx.cell_text(row["Mã dòng (không sửa)"])
        if not raw_id:
            continue  # a heading row
        if parse_id(raw_id) not in expected:
            errors.append(CellError(number, "Mã dòng (không sửa)", f"“{raw_id}” không thuộc báo cáo này."))
            continue
        indicator_id = parse_id(raw_id)
        if indicator_id in seen:
            errors.append(CellError(number, "Mã dòng (không sửa)", f"trùng với dòng {seen[indicator_id]}."))
            continue
        seen[indicator_id] = number
        text = _cell_text(row["Thực hiện"])
        note = _cell_text(row.get("Ghi chú"))
        indicator = expected[indicator_id].indicator
        try:
            problem = evaluation.implausible(evaluation.parse_actual(text, indicator.comparator), indicator.unit_text)
        except evaluation.ParseError as exc:
            problem = str(exc)
        if len(text) > ACTUAL_MAX:
            problem = too_long(ACTUAL_MAX, len(text))
        if problem:
            errors.append(CellError(number, "Thực hiện", problem))
        if len(note) > NOTE_MAX:
            errors.append(CellError(number, "Ghi chú", too_long(NOTE_MAX, len(note))))
        values[indicator_id] = (text, note)
    return values, errors, origin




# --- Results tables, exported as the pages show them ------------------------------------------------------


def number_or_text(text: str):
    """A plain figure as a number Excel can sum ("13,04" → 13.04); "< 17", "12/12", ">100" and
    words stay as printed."""
    text = (text or "").strip()
    if not text or text[0] in "<>≤≥=":
        return text
    try:
        return evaluation.parse_number(text) if "%" not in text and "‰" not in text else text
    except evaluation.ParseError:
        return text


def _ratio(cell_evaluation):
    """The Tỷ lệ column: an override replaces the verdict, not the ratio, which stays beside it."""
    if cell_evaluation.overridden:
        return (number_or_text(evaluation.format_ratio(cell_evaluation.ratio))
                if cell_evaluation.ratio is not None else "")
    return number_or_text(cell_evaluation.display)


def _verdict(cell_evaluation) -> str:
    if cell_evaluation is None:
        return ""
    return f"{cell_evaluation.status} (đã điều chỉnh)" if cell_evaluation.overridden else cell_evaluation.status


def _heading(title: str, campaign, line: str, today) -> list[str]:
    return [title, f"Phong trào: {campaign.title} ({campaign.issuer.name})", line,
            f"Xuất ngày {format_date(today)}."]


def campaign_results_workbook(campaign, period, rows, organisations: dict, today) -> bytes:
    """The campaign's table, and every unit's figure one per line (to filter and pivot in Excel)."""
    next_year = any(r.indicator.next_target_text for r in rows)
    headers = ["STT", "Chỉ tiêu", "ĐVT", f"Kế hoạch năm {campaign.year}", "Thực hiện", "Tỷ lệ", "Đánh giá",
               "Ghi chú", "Đơn vị đã gửi", "Số đơn vị đạt", "Số đơn vị không đạt"]
    if next_year:
        headers.append(f"Kế hoạch năm {campaign.year + 1}")
    body = []
    for r in rows:
        if r.indicator.is_group:
            body.append([r.indicator.number, r.indicator.display_label] + [""] * (len(headers) - 2))
            continue
        line = [r.indicator.number, r.indicator.display_label, r.indicator.display_unit, r.indicator.target_text,
                number_or_text(r.figure_text), number_or_text(r.evaluation.display if r.evaluation else ""),
                _verdict(r.verdict) + ("" if r.evaluation else " (theo từng đơn vị)") if r.verdict else "",
                join_clauses(r.figure_note, r.coverage_note),
                r.coverage.short if r.coverage else "",
                r.counts.get("Đạt", 0) if r.units_expected else "",
                r.counts.get("Không đạt", 0) if r.units_expected else ""]
        if next_year:
            line.append(r.indicator.next_target_text)
        body.append(line)
    units = []
    for r in rows:
        for org_id, cell in r.unit_cells.items():
            org = organisations.get(org_id)
            if org is None:
                continue
            units.append([org.name, r.column, r.indicator.display_label, r.indicator.display_unit, cell.target.text,
                          number_or_text(cell.result.actual_text if cell.result else ""),
                          _ratio(cell.evaluation), _verdict(cell.evaluation),
                          cell.result.override_reason if cell.result and cell.evaluation.overridden else ""])
    units.sort(key=lambda line: vi_sort_key(line[0]))
    period_line = (f"Kỳ báo cáo: {period.display_label}. Chỉ tính báo cáo đơn vị đã gửi "
                   "(chờ tiếp nhận hoặc đã tiếp nhận).")
    return xlsx.write_workbook([
        xlsx.Sheet("Kết quả", headers, body, widths=[6, 60, 10, 16, 16, 10, 16, 30, 12, 10, 10, 16],
                   heading=_heading("KẾT QUẢ THỰC HIỆN CHỈ TIÊU", campaign, period_line, today)),
        xlsx.Sheet("Theo đơn vị", ["Đơn vị", "STT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu giao", "Thực hiện", "Tỷ lệ",
                                   "Đánh giá", "Lý do điều chỉnh"], units,
                   widths=[36, 6, 50, 10, 14, 14, 10, 22, 30],
                   heading=_heading("KẾT QUẢ THEO ĐƠN VỊ", campaign, period_line, today)),
    ])


def unit_results_workbook(campaign, organisation, periods, rows, today) -> bytes:
    headers = ["STT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu kế hoạch"]
    for period in periods:
        headers += [f"{period.display_label}: Thực hiện", f"{period.display_label}: Tỷ lệ",
                    f"{period.display_label}: Đánh giá"]
    body = []
    for row in rows:
        indicator = row["indicator"]
        line = [indicator.number, indicator.display_label, indicator.display_unit, row["target"].text]
        for cell in row["cells"]:
            if indicator.is_group:
                line += ["", "", ""]
                continue
            line += [number_or_text(cell.result.actual_text if cell.result else ""),
                     _ratio(cell.evaluation), _verdict(cell.evaluation)]
        body.append(line)
    return xlsx.write_workbook([xlsx.Sheet(
        "Kết quả đơn vị", headers, body, widths=[6, 60, 10, 16] + [14, 10, 18] * len(periods),
        heading=_heading(f"KẾT QUẢ THỰC HIỆN CHỈ TIÊU – {organisation.name.upper()}", campaign,
                         "Các kỳ báo cáo: " + "; ".join(p.display_label for p in periods) + ".", today))])


def completeness_workbook(campaign, periods, rows, today) -> bytes:
    headers = ["Đơn vị"]
    for period in periods:
        headers += [f"{period.display_label}: Tình hình", f"{period.display_label}: Số chỉ tiêu đã nhập",
                    f"{period.display_label}: Trạng thái báo cáo"]
    body = []
    for row in rows:
        line = [row.organisation.name]
        for cell in row.cells:
            line += [cell.label, f"{cell.filled}/{cell.expected}",
                     cell.submission.get_status_display() if cell.submission else "Chưa nhập"]
        body.append(line)
    deadlines_line = "Hạn nộp: " + "; ".join(
        f"{p.display_label} – {p.deadline_text or format_date(p.deadline) or 'chưa ghi'}" for p in periods) + "."
    return xlsx.write_workbook([xlsx.Sheet(
        "Tình hình nộp", headers, body, widths=[40] + [16, 12, 22] * len(periods),
        heading=_heading("TÌNH HÌNH NỘP BÁO CÁO KẾT QUẢ", campaign, deadlines_line, today))])
