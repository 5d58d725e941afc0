"""Reading and writing .xlsx with openpyxl: headers in Vietnamese, dates as dd/mm/yyyy."""

import math
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from typing import IO

from django.utils.functional import Promise
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "dd/mm/yyyy"


@dataclass
class Sheet:
    title: str
    headers: list[str]
    rows: list[list] = field(default_factory=list)
    widths: list[int] | None = None
    # Lines above the table (what, which period, when exported): a file forwarded by e-mail must
    # say what it is. Templates read back by the importers have none, so their header is row 1.
    heading: list[str] = field(default_factory=list)


def write_workbook(sheets: list[Sheet]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        ws = workbook.create_sheet(sheet.title[:31])
        for number, line in enumerate(sheet.heading):
            ws.append([line])
            ws.cell(row=ws.max_row, column=1).font = Font(bold=number == 0, size=13 if number == 0 else 11)
        if sheet.heading:
            ws.append([])
        header_row = ws.max_row + 1 if sheet.heading else 1
        ws.append(sheet.headers)
        for cell in ws[header_row]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for row in sheet.rows:
            # Lazy translations (choice labels) are not strings openpyxl knows.
            ws.append([str(value) if isinstance(value, Promise) else value for value in row])
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    _as_text(cell)
                elif cell.row <= header_row:
                    continue
                elif isinstance(cell.value, (date, datetime)):
                    cell.number_format = DATE_FORMAT
                elif isinstance(cell.value, Decimal):
                    # Excel shows it with the reader's own separators (1.234,5 on a Vietnamese system).
                    exponent = cell.value.as_tuple().exponent
                    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
                    cell.number_format = "#,##0" + ("." + "0" * places if places else "")
        for index, header in enumerate(sheet.headers, start=1):
            width = (sheet.widths or [])[index - 1] if sheet.widths and index <= len(sheet.widths) else None
            ws.column_dimensions[get_column_letter(index)].width = width or max(12, min(50, len(header) + 4))
        ws.freeze_panes = f"A{header_row + 1}"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# What Excel reads as the start of a formula when a person types it into a cell.
FORMULA_STARTS = ("=", "+", "-", "@")


def _as_text(cell) -> None:
    """Keep a string a string: openpyxl makes "=HYPERLINK(…)" typed by a unit a live formula and
    "#N/A" an error cell, in the file the secretariat opens. The value is kept as typed ("- Như
    trên;" has no added apostrophe), so that our templates import back unchanged."""
    cell.data_type = "s"
    if cell.value.startswith(FORMULA_STARTS):
        # Excel's "text" prefix as a style: shown and read back without the apostrophe, and a person
        # editing the cell in Excel keeps text rather than a formula or a #NAME? error.
        cell.quotePrefix = True


class WorkbookError(Exception):
    """The file is not a readable workbook of the expected shape (message is Vietnamese)."""


def read_sheet(
    file: IO[bytes], title: str, headers: list[str], *, mandatory: list[str] | None = None, required: bool = True
) -> list[tuple[int, dict]]:
    """Rows of one sheet as (Excel row number, {header: value}); blank rows are skipped.

    Columns named in `headers` but absent read as None; a missing `mandatory` column, an
    unreadable file or (when `required`) a missing sheet raise WorkbookError.
    """
    try:
        file.seek(0)
        workbook = load_workbook(file, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a non-xlsx upload
        raise WorkbookError("Tệp không phải là tệp Excel (.xlsx) hợp lệ.") from exc
    if title not in workbook.sheetnames:
        if required:
            raise WorkbookError(f"Không tìm thấy trang tính “{title}” trong tệp.")
        return []
    ws = workbook[title]
    try:
        # Cells are parsed as the rows are read: a file written by another program can hold a
        # number cell openpyxl cannot read ("NaN", "12,5").
        rows = iter([tuple(_as_shown(cell) for cell in row) for row in ws.iter_rows()])
    except (ValueError, TypeError, KeyError, OverflowError) as exc:
        raise WorkbookError(f"Trang tính “{title}” có ô không đọc được; hãy lưu lại tệp bằng Excel rồi "
                            "nhập lại.") from exc
    try:
        header_row = [str(v).strip() if v is not None else "" for v in next(rows)]
    except StopIteration:
        return []
    missing = [h for h in (mandatory if mandatory is not None else headers) if h not in header_row]
    if missing:
        raise WorkbookError(f"Trang tính “{title}” thiếu cột: {', '.join(missing)}.")
    positions = {h: header_row.index(h) for h in headers if h in header_row}
    result = []
    for number, values in enumerate(rows, start=2):
        values = list(values)
        record = {h: values[positions[h]] if h in positions and positions[h] < len(values) else None for h in headers}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in record.values()):
            continue
        result.append((number, record))
    workbook.close()
    return result


def _as_shown(cell):
    """The cell's value as the person saw it: a cell formatted as a percentage shows 87 % but
    holds 0.87, and the person meant 87."""
    value = cell.value
    if isinstance(value, float) and not math.isfinite(value):
        # Infinity or NaN (written by another program; Excel has neither): read as the text it
        # is, which every importer refuses as "not a number".
        return str(value)
    if (isinstance(value, (int, float)) and not isinstance(value, bool)
            and "%" in (getattr(cell, "number_format", None) or "")):
        return (Decimal(repr(value)) * 100).normalize()
    return value


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize() if value == value.to_integral() else value, "f")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def cell_date(value) -> date | None:
    """A date cell, or text typed as dd/mm/yyyy. Raises ValueError otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for fmt in ("%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)
