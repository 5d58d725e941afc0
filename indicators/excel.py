"""A unit's grid as an .xlsx to fill offline, and reading it back: every row checked, errors by
row and column, nothing kept unless the whole file is right. Results tables export as shown."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from common import xlsx
from common.text import format_number
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


def grid_workbook(grid: Grid) -> bytes:
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
    return xlsx.write_workbook([xlsx.Sheet(SHEET, HEADERS, rows, widths=[6, 12, 60, 10, 16, 12, 14, 30])])


def _cell_text(value) -> str:
    """What Excel holds, as the Vietnamese text a person would have typed (11.88 → "11,88")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return ""
    if isinstance(value, (int, float)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        return format_number(number.normalize() if number == number.to_integral() else number)
    return str(value).strip()


def read_grid(file, grid: Grid) -> tuple[dict[int, tuple[str, str]], list[CellError]]:
    """(indicator id → (actual text, note)) and the errors; raises xlsx.WorkbookError for a file
    that is not this workbook."""
    rows = xlsx.read_sheet(file, SHEET, HEADERS, mandatory=["Mã dòng (không sửa)", "Thực hiện"])
    expected = {cell.indicator.pk: cell for cell in grid.cells}
    values, errors, seen = {}, [], {}
    for number, row in rows:
        raw_id = xlsx.cell_text(row["Mã dòng (không sửa)"])
        if not raw_id:
            continue  # a heading row
        if not raw_id.isdigit() or int(raw_id) not in expected:
            errors.append(CellError(number, "Mã dòng (không sửa)", f"“{raw_id}” không thuộc báo cáo này."))
            continue
        indicator_id = int(raw_id)
        if indicator_id in seen:
            errors.append(CellError(number, "Mã dòng (không sửa)", f"trùng với dòng {seen[indicator_id]}."))
            continue
        seen[indicator_id] = number
        text = _cell_text(row["Thực hiện"])
        note = _cell_text(row.get("Ghi chú"))
        try:
            evaluation.parse_actual(text, expected[indicator_id].indicator.comparator)
        except evaluation.ParseError as exc:
            errors.append(CellError(number, "Thực hiện", str(exc)))
        if len(note) > 500:
            errors.append(CellError(number, "Ghi chú", "tối đa 500 ký tự."))
        values[indicator_id] = (text, note)
    return values, errors




def table_workbook(title: str, headers: list[str], rows: list[list]) -> bytes:
    """Any results table, exported as it is displayed."""
    return xlsx.write_workbook([xlsx.Sheet(title[:31], headers, rows)])
