"""Reading and writing .xlsx with openpyxl: headers in Vietnamese, dates as dd/mm/yyyy; user text
written as text, never a formula; an upload measured against the limits below before a row is read."""

import contextlib
import math
import os
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from itertools import islice
from typing import IO
from xml.parsers import expat

from django.utils.functional import Promise
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from common import plausible
from common.text import format_number

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
    # A sheet the program reads back and a person has no reason to open (a template's origin).
    hidden: bool = False


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
        if sheet.hidden:
            ws.sheet_state = "hidden"
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


# --- Limits of an uploaded workbook ----------------------------------------------------------------------
# One place for every import, its form, the README and `manage.py benchmark_imports`. openpyxl
# trusts a sheet's declared size and pads every row to it (a 1,7 KB file declaring A1:XFD12000
# took 32 s and 1,5 GB), reads the whole string table at once and parses each part it opens in
# full, so a file is measured before openpyxl reads it. The limits fit our templates: at most 10
# columns; a province's units workbook is about 300 units and 10.000 people (generate_scale), a
# report 20–60 indicators, a nomination list or a register file a few hundred rows.
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# Sum of the sizes the zip declares for its parts: zipfile never yields more than declared.
MAX_UNPACKED_BYTES = 20 * 1024 * 1024
MAX_PARTS = 1_000
MAX_ROWS = 5_000
# The units and people workbook: the whole staff of a province, exported, must import back.
MAX_ROWS_UNITS = 15_000
MAX_COLUMNS = 20
# Cells present in one sheet, whatever they hold: openpyxl's time grows with them (~30 µs each).
MAX_CELLS = 150_000
# XML elements outside cells and shared strings (styles, workbook, relationships, sheet headings):
# openpyxl makes each an object on opening (~50 µs for a cell format). Excel's own are a few
# thousand; the cells and the shared strings have budgets in proportion to MAX_CELLS.
MAX_OTHER_ELEMENTS = 50_000
# Per cell: <c><is><t> for text written inline, <c><f><v> for a formula with its value.
ELEMENTS_PER_CELL = 3

_MB = 1024 * 1024
_INVALID = "Tệp không phải là tệp Excel (.xlsx) hợp lệ."
_RESAVE = "hãy lưu lại tệp bằng Excel (chỉ giữ các trang cần nhập) rồi nhập lại."


def _n(value: int) -> str:
    return format_number(value)


def upload_size_error(size: int) -> str | None:
    """The Vietnamese message for an upload over MAX_UPLOAD_BYTES, or None."""
    if size <= MAX_UPLOAD_BYTES:
        return None
    return (f"Tệp nặng {format_size(size)}; chỉ nhận tệp Excel tối đa {MAX_UPLOAD_BYTES // _MB} MB. "
            "Hãy chia thành nhiều tệp.")


def format_size(size: int) -> str:
    """ "5,1 MB": rounded up, so that a file just over a limit never reads as the limit."""
    if size < _MB:
        return f"{format_number(math.ceil(size / 1024))} KB"
    return f"{format_number(Decimal(math.ceil(size * 10 / _MB)) / 10, 1)} MB"


def check_upload(upload) -> None:
    """For a form's file field: raise ValidationError (Vietnamese, with the limit) when the upload
    is larger than any import accepts, before it is opened."""
    from django.core.exceptions import ValidationError

    if message := upload_size_error(upload.size or 0):
        raise ValidationError(message)


@dataclass(frozen=True)
class SheetSpec:
    """One sheet to read: its title, the headers to pick, those that must be there (all of
    `headers` when None), and whether the sheet itself must be there."""
    title: str
    headers: list[str]
    mandatory: list[str] | None = None
    required: bool = True


def read_sheet(
    file: IO[bytes], title: str, headers: list[str], *, mandatory: list[str] | None = None, required: bool = True,
    max_rows: int | None = None,
) -> list[tuple[int, dict]]:
    """Rows of one sheet as (Excel row number, {header: value}); blank rows are skipped.

    Columns named in `headers` but absent read as None; a missing `mandatory` column, an
    unreadable file, (when `required`) a missing sheet, or a file or sheet over the limits above
    (`max_rows`, by default MAX_ROWS, counts the sheet's rows with its header) raise
    WorkbookError, the last before openpyxl reads any row.
    """
    return read_sheets(file, [SheetSpec(title, headers, mandatory, required)], max_rows=max_rows)[0]


def read_sheets(
    file: IO[bytes], specs: list[SheetSpec], *, max_rows: int | None = None,
) -> list[list[tuple[int, dict]]]:
    """read_sheet for several sheets of one file, opened once (its string table is read once);
    every sheet is measured before any row is read."""
    max_rows = max_rows or MAX_ROWS
    extents = _check_archive(file, max_rows)
    try:
        file.seek(0)
        workbook = load_workbook(file, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a non-xlsx upload
        raise WorkbookError(_INVALID) from exc
    try:
        measured = []
        for spec in specs:
            if spec.title not in workbook.sheetnames:
                if spec.required:
                    raise WorkbookError(f"Không tìm thấy trang tính “{spec.title}” trong tệp.")
                measured.append((spec, None, SheetExtent()))
                continue
            ws = workbook[spec.title]
            if not isinstance(ws, ReadOnlyWorksheet):
                raise WorkbookError(f"“{spec.title}” trong tệp là biểu đồ, không phải trang tính.")
            _check_declared(ws, spec.title, max_rows)
            # Our own count, not the declared size: openpyxl pads to whichever it is given.
            extent = extents.get(ws._worksheet_path) or _measure_sheet(ws, max_rows)
            _check_extent(extent, spec.title, max_rows)
            measured.append((spec, ws, extent))
        result = []
        for spec, ws, extent in measured:
            if not extent.rows or not extent.columns:
                result.append([])
                continue
            rows = islice(ws.iter_rows(min_row=1, max_row=extent.rows, max_col=extent.columns), extent.rows)
            result.append(_records(rows, spec.title, spec.headers, spec.mandatory))
        return result
    finally:
        workbook.close()


def _records(rows, title: str, headers: list[str], mandatory: list[str] | None) -> list[tuple[int, dict]]:
    try:
        # Cells are parsed as the rows are read: a file written by another program can hold a
        # number cell openpyxl cannot read ("NaN", "12,5").
        header_row = [str(v).strip() if v is not None else "" for v in (_as_shown(c) for c in next(rows))]
        missing = [h for h in (mandatory if mandatory is not None else headers) if h not in header_row]
        if missing:
            raise WorkbookError(f"Trang tính “{title}” thiếu cột: {', '.join(missing)}.")
        positions = {h: header_row.index(h) for h in headers if h in header_row}
        result = []
        for number, row in enumerate(rows, start=2):
            values = [_as_shown(cell) for cell in row]
            record = {h: values[positions[h]] if h in positions and positions[h] < len(values) else None
                      for h in headers}
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in record.values()):
                continue
            result.append((number, record))
    except StopIteration:
        return []
    except (ValueError, TypeError, KeyError, OverflowError) as exc:
        raise WorkbookError(f"Trang tính “{title}” có ô không đọc được; hãy lưu lại tệp bằng Excel rồi "
                            "nhập lại.") from exc
    return result


def _check_archive(file: IO[bytes], max_rows: int) -> dict[str, "SheetExtent"]:
    """The zip as a whole, before openpyxl opens it: its size, its parts and their declared sizes,
    and every XML part's elements (the string table, styles and sheet headings are read in full
    when openpyxl opens the file). Raises WorkbookError; returns each part's rows and cells, for
    the sheets to import."""
    file.seek(0, os.SEEK_END)
    size = file.tell()
    file.seek(0)
    if message := upload_size_error(size):
        raise WorkbookError(message)
    try:
        with zipfile.ZipFile(file) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_PARTS:
                raise WorkbookError(f"Tệp có {_n(len(parts))} phần nén; tệp Excel nhập vào có tối đa "
                                    f"{_n(MAX_PARTS)} phần, {_RESAVE}")
            unpacked = sum(part.file_size for part in parts)
            if unpacked > MAX_UNPACKED_BYTES:
                raise WorkbookError(f"Tệp giải nén ra {format_size(unpacked)}; chỉ nhận tệp Excel giải nén tối đa "
                                    f"{MAX_UNPACKED_BYTES // _MB} MB, {_RESAVE}")
            if any(part.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) for part in parts):
                # Excel only deflates; bzip2 and lzma are not bounded by the declared size chunk by chunk.
                raise WorkbookError(_INVALID)
            budget, extents = _Budget(), {}
            for part in parts:
                with archive.open(part) as source:
                    extents[part.filename] = _scan(source, budget, max_rows)
            return extents
    except WorkbookError:
        raise
    except Exception as exc:  # a broken zip: BadZipFile, a bad CRC, an encrypted part…
        raise WorkbookError(_INVALID) from exc
    finally:
        file.seek(0)


def _check_declared(ws, title: str, max_rows: int) -> None:
    rows, columns = ws.max_row or 0, ws.max_column or 0
    if rows > max_rows or columns > MAX_COLUMNS:
        raise WorkbookError(f"Trang tính “{title}” khai báo {_n(rows)} dòng × {_n(columns)} cột; chỉ nhận tối đa "
                            f"{_n(max_rows)} dòng và {_n(MAX_COLUMNS)} cột.")


@dataclass
class SheetExtent:
    rows: int = 0       # the last row holding a cell
    columns: int = 0    # the last column holding a cell
    cells: int = 0
    beyond: tuple[int, int] | None = None   # (row, column) of the first cell past the limits
    unreadable: bool = False                # a cell reference openpyxl cannot read


def _check_extent(extent: SheetExtent, title: str, max_rows: int) -> None:
    if extent.unreadable:
        raise WorkbookError(f"Trang tính “{title}” có ô không đọc được; hãy lưu lại tệp bằng Excel rồi "
                            "nhập lại.")
    if extent.beyond is not None:
        row, column = extent.beyond
        where = f"ô {get_column_letter(column)}{row}" if column <= 18_278 else f"dòng {row}, cột {_n(column)}"
        raise WorkbookError(f"Trang tính “{title}” có dữ liệu ở {where}; chỉ nhận tối đa {_n(max_rows)} dòng và "
                            f"{_n(MAX_COLUMNS)} cột.")
    if extent.cells > MAX_CELLS:
        raise WorkbookError(f"Trang tính “{title}” có hơn {_n(MAX_CELLS)} ô; chỉ nhận tối đa {_n(MAX_CELLS)} ô, "
                            f"{_RESAVE}")


def _measure_sheet(ws, max_rows: int) -> SheetExtent:
    """A sheet whose part the zip scan did not name as openpyxl does (its path written otherwise)."""
    try:
        # The part openpyxl itself will read the rows from (a read-only sheet's own source).
        with ws._get_source() as source:
            return _scan(source, _Budget(), max_rows)
    except WorkbookError:
        raise
    except Exception as exc:
        raise WorkbookError(_INVALID) from exc


@dataclass
class _Budget:
    cells: int = 0
    strings: int = 0
    other: int = 0


_CELLS, _STRINGS = "cells", "strings"
_REFERENCE = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")


class _PartScan:
    """One part's elements, counted into the workbook's budget by what openpyxl does with them:
    those of sheets' cells (read for the imported sheet only), of shared strings (all read on
    opening), and the others (styles, workbook, relationships…, each an object on opening). Rows
    and cells are numbered as openpyxl will: a row is its r="…" or the one after the previous; a
    cell is any child of a row, at its r="…" column or the one after the previous cell."""

    __slots__ = ("budget", "max_rows", "extent", "depth", "is_strings", "kind", "kind_depth", "row_depths",
                 "row", "column")

    def __init__(self, budget: _Budget, max_rows: int):
        self.budget, self.max_rows = budget, max_rows
        self.extent = SheetExtent()
        self.depth = self.kind_depth = self.row = self.column = 0
        self.is_strings = False
        self.kind: str | None = None
        self.row_depths: list[int] = []   # of the row elements still open

    def start(self, name: str, attrs: dict) -> None:
        # Called for every element of up to 20 MB of XML: kept to plain comparisons.
        self.depth = depth = self.depth + 1
        local = _LOCAL.get(name) or _LOCAL.setdefault(name, name[name.rfind(" ") + 1:])
        row_depths = self.row_depths
        if row_depths and depth == row_depths[-1] + 1:
            self._cell(attrs.get("r"))
        if local == "row":
            row_depths.append(depth)
            self._row(attrs.get("r"))
        kind = self.kind
        if kind is None:
            if depth == 1:
                self.is_strings = local == "sst"
            if local == "sheetData":
                kind = self.kind = _CELLS
                self.kind_depth = depth
            elif local == "si" and self.is_strings:
                kind = self.kind = _STRINGS
                self.kind_depth = depth
        budget = self.budget
        if kind is _CELLS:
            budget.cells += 1
            if budget.cells > ELEMENTS_PER_CELL * MAX_CELLS + MAX_ROWS_UNITS:
                raise WorkbookError(f"Các trang tính trong tệp có hơn {_n(MAX_CELLS)} ô; chỉ nhận tối đa "
                                    f"{_n(MAX_CELLS)} ô, {_RESAVE}")
        elif kind is _STRINGS:
            budget.strings += 1
            if budget.strings > ELEMENTS_PER_CELL * MAX_CELLS:
                raise WorkbookError(f"Tệp có quá nhiều ô chữ; chỉ nhận tối đa {_n(MAX_CELLS)} ô, {_RESAVE}")
        else:
            budget.other += 1
            if budget.other > MAX_OTHER_ELEMENTS:
                raise WorkbookError(f"Tệp có quá nhiều định dạng hoặc thành phần khác ngoài ô (hơn "
                                    f"{_n(MAX_OTHER_ELEMENTS)}); {_RESAVE}")

    def end(self, name: str) -> None:
        depth = self.depth
        if self.row_depths and self.row_depths[-1] == depth:
            self.row_depths.pop()
        if depth == self.kind_depth:
            self.kind = None
            self.kind_depth = 0
        self.depth = depth - 1

    def _row(self, reference: str | None) -> None:
        self.column = 0
        if not reference:
            self.row += 1
            return
        try:
            self.row = int(reference)
        except ValueError:
            try:
                number = float(reference)
            except ValueError:
                number = math.nan
            if not number.is_integer():
                self.extent.unreadable = True
                return
            self.row = int(number)

    def _cell(self, reference: str | None) -> None:
        if reference:
            match = _REFERENCE.match(reference)
            if match is None:
                self.extent.unreadable = True
                return
            self.column = column_index_from_string(match.group(1).upper())
        else:
            self.column += 1
        extent, row, column = self.extent, self.row, self.column
        extent.cells += 1
        if (row > self.max_rows or column > MAX_COLUMNS) and extent.beyond is None:
            extent.beyond = (row, column)
        if row > extent.rows:
            extent.rows = row
        if column > extent.columns:
            extent.columns = column


_LOCAL: dict[str, str] = {}   # "namespace local" → local, for the few names a workbook uses


def _scan(source, budget: _Budget, max_rows: int) -> SheetExtent:
    parser = expat.ParserCreate(namespace_separator=" ")
    scan = _PartScan(budget, max_rows)
    parser.StartElementHandler = scan.start
    parser.EndElementHandler = scan.end
    parser.StartDoctypeDeclHandler = _refuse_doctype
    fed = 0
    # Not XML (an image), or broken: openpyxl's parser stops where this one did, so what was
    # counted is all it could build.
    with contextlib.suppress(expat.ExpatError):
        while piece := source.read(_SCAN_PIECE):
            parser.Parse(piece, False)
            fed += len(piece)
            # Between two pieces the parser stands at the start of what it could not finish.
            if fed - parser.CurrentByteIndex > _SCAN_PIECE + MAX_TAG_BYTES:
                # A tag, comment or processing instruction longer than a piece: expat would hand it
                # over whole (a million attributes in one dictionary).
                raise WorkbookError(_INVALID)
        parser.Parse(b"", True)
    return scan.extent


# Until expat 2.6, each piece of XML a parser is given makes it read an unfinished tag, comment or
# processing instruction again from its start: openpyxl gives 16 KB at a time (a 4 MB tag took it
# 0,5 s, growing with the square), pyexpat's ParseFile 2 KB (a 14 MB tag: minutes). Excel's longest
# are a few KB (a selection's ranges); text is read as it comes and is bounded by the unpacked size.
MAX_TAG_BYTES = 64 * 1024
_SCAN_PIECE = 256 * 1024


def _refuse_doctype(*args) -> None:
    # No part of an .xlsx declares a DTD; entities are how XML multiplies itself.
    raise WorkbookError(_INVALID)


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
    """A date cell, or text typed as dd/mm/yyyy, within common.plausible's years. Raises ValueError
    otherwise (a text "05/01/٢٠٢٦" too: strptime would read its year)."""
    day = _cell_day(value)
    if day is not None and not plausible.is_plausible_date(day):
        raise ValueError(plausible.DATE_RANGE_MESSAGE)
    return day


def _cell_day(value) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = plausible.ascii_digits(str(value).strip())
    for fmt in ("%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)
