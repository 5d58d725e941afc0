"""The statistics forms as one .xlsx, a sheet per form in its printed layout (header block, merged
column headings, the A/B/C/1/2… line, rows with their codes, the signatures). Values only: figures
are numbers, every text (names typed by people included) is text, never a formula."""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from common.xlsx import FORMULA_STARTS

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center")
CENTRE = Alignment(wrap_text=True, vertical="center", horizontal="center")


def _put(ws, row: int, column: int, value, *, bold=False, italic=False, align=None, box=False):
    cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
    cell.font = Font(name="Times New Roman", size=11, bold=bold, italic=italic)
    cell.alignment = align or WRAP
    if box:
        cell.border = BOX
    return cell


def _form_sheet(ws, view, data: dict) -> None:
    form = view.form
    sheet = data["sheet"]
    fixed = 3 if form.has_unit_column else 2
    width = fixed + len(form.columns)
    half = max(2, width // 2)
    _put(ws, 1, 1, f"Biểu số: {form.number}", bold=True)
    _put(ws, 2, 1, data["basis"], italic=True)
    _put(ws, 3, 1, f"Ngày nhận báo cáo: Ngày 15 tháng 12 năm {data['year']}", italic=True)
    _put(ws, 1, half + 1, f"Đơn vị báo cáo: {data['issuer'].name}")
    _put(ws, 2, half + 1, f"Đơn vị nhận báo cáo: {sheet.receiver or '…'}")
    for row in (1, 2, 3):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=half)
        ws.merge_cells(start_row=row, start_column=half + 1, end_row=row, end_column=width)
    _put(ws, 5, 1, form.title, bold=True, align=CENTRE)
    ws.merge_cells(start_row=5, start_column=1, end_row=5, end_column=width)
    ws.row_dimensions[5].height = 32
    _put(ws, 6, 1, f"Năm {data['year']} (từ ngày {data['start']:%d/%m/%Y} đến ngày {data['end']:%d/%m/%Y})",
         italic=True, align=CENTRE)
    ws.merge_cells(start_row=6, start_column=1, end_row=6, end_column=width)
    top = 8
    if form.unit_note:
        _put(ws, 7, 1, form.unit_note, italic=True, align=Alignment(horizontal="right"))
        ws.merge_cells(start_row=7, start_column=1, end_row=7, end_column=width)
    # The heading as the page draws it (FormView.heading), then A, B, C, 1, 2…
    depth = view.depth
    labels = ["", "Mã số"] + (["Đơn vị tính"] if form.has_unit_column else [])
    for index, label in enumerate(labels, start=1):
        _put(ws, top, index, label, bold=True, align=CENTRE, box=True)
        for line in range(1, depth):
            _put(ws, top + line, index, None, box=True)
        ws.merge_cells(start_row=top, start_column=index, end_row=top + depth - 1, end_column=index)
    for offset, heading in enumerate(view.heading):
        for head in heading:
            column = fixed + 1 + head.position
            for line in range(head.rowspan):
                for extra in range(head.colspan):
                    _put(ws, top + offset + line, column + extra, None, box=True)
            _put(ws, top + offset, column, head.label, bold=True, align=CENTRE, box=True)
            if head.colspan > 1 or head.rowspan > 1:
                ws.merge_cells(start_row=top + offset, start_column=column, end_row=top + offset + head.rowspan - 1,
                               end_column=column + head.colspan - 1)
    numbers_row = top + depth
    letters = ["A", "B"] + (["C"] if form.has_unit_column else [])
    for index, text in enumerate(letters + [c.number for c in form.columns], start=1):
        _put(ws, numbers_row, index, text, italic=True, align=CENTRE, box=True)
    row_number = numbers_row + 1
    for line in view.lines:
        row = line.row
        prefix = "" if row.level == 0 or row.label.startswith("Trong đó") else ("- " if row.level == 1 else "+ ")
        _put(ws, row_number, 1, f"{prefix}{row.label}", bold=row.level == 0, box=True)
        _put(ws, row_number, 2, row.code or None, align=CENTRE, box=True)
        if form.has_unit_column:
            _put(ws, row_number, 3, row.unit or None, align=CENTRE, box=True)
        for index, cell in enumerate(line.cells, start=fixed + 1):
            _put(ws, row_number, index, cell.value if row.code else None, bold=row.level == 0,
                 align=Alignment(horizontal="right", vertical="center"), box=True)
        row_number += 1
    row_number += 1
    place = data.get("place") or "……"
    _put(ws, row_number, half + 1, f"{place}, ngày … tháng … năm …", italic=True, align=CENTRE)
    ws.merge_cells(start_row=row_number, start_column=half + 1, end_row=row_number, end_column=width)
    _put(ws, row_number + 1, 1, "NGƯỜI LẬP BIỂU", bold=True, align=CENTRE)
    _put(ws, row_number + 2, 1, "(Ký, họ tên)", italic=True, align=CENTRE)
    _put(ws, row_number + 6, 1, sheet.preparer or None, bold=True, align=CENTRE)
    _put(ws, row_number + 1, half + 1, (sheet.head_title or "THỦ TRƯỞNG ĐƠN VỊ").upper(), bold=True, align=CENTRE)
    _put(ws, row_number + 2, half + 1, "(Ký, họ tên, đóng dấu)", italic=True, align=CENTRE)
    _put(ws, row_number + 6, half + 1, sheet.head_name or None, bold=True, align=CENTRE)
    for offset in (1, 2, 6):
        ws.merge_cells(start_row=row_number + offset, start_column=1, end_row=row_number + offset, end_column=half)
        ws.merge_cells(start_row=row_number + offset, start_column=half + 1, end_row=row_number + offset,
                       end_column=width)
    ws.column_dimensions["A"].width = 52
    ws.column_dimensions["B"].width = 8
    if form.has_unit_column:
        ws.column_dimensions["C"].width = 12
    for index in range(fixed + 1, width + 1):
        ws.column_dimensions[get_column_letter(index)].width = 14
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.freeze_panes = ws.cell(row=numbers_row + 1, column=fixed + 1)


def workbook(data: dict) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for view in data["views"]:
        _form_sheet(book.create_sheet(f"Biểu {view.form.code}"), view, data)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
