"""Every import measures a workbook before openpyxl reads a row of it: upload size, unpacked size,
declared and real size of the sheet, string table and other parts (security issue, point 3)."""

import re
import zipfile
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook
from openpyxl.worksheet._reader import WorkSheetParser

from common import xlsx
from common.xlsx import WorkbookError

SHEET = "xl/worksheets/sheet1.xml"
HEADERS = ["STT", "Ghi chú"]


def book(rows, title="Báo cáo") -> bytes:
    workbook = Workbook()
    workbook.active.title = title
    for row in rows:
        workbook.active.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rewrite(content: bytes, member: str, change, compress_type: int | None = None) -> bytes:
    source = zipfile.ZipFile(BytesIO(content))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == member:
                data = change(data)
                if compress_type is not None:
                    item.compress_type = compress_type
            target.writestr(item, data)
    return out.getvalue()


def read(content: bytes, **options):
    return xlsx.read_sheet(BytesIO(content), "Báo cáo", HEADERS, **options)


def refusal(content: bytes, **options) -> str:
    with pytest.raises(WorkbookError) as error:
        read(content, **options)
    return str(error.value)


@pytest.fixture
def no_row_read(monkeypatch):
    """openpyxl's row parser fails the test if it is ever called."""

    def parse_row(self, row):
        raise AssertionError("openpyxl read a row")

    monkeypatch.setattr(WorkSheetParser, "parse_row", parse_row)


def without_dimension(data: bytes) -> bytes:
    return re.sub(rb"<dimension [^>]*/>", b"", data)


def huge_range(data: bytes) -> bytes:
    return re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD12000"', data)


def test_a_tiny_file_declaring_a_huge_range_is_refused_before_any_row_is_read(no_row_read):
    hostile = rewrite(book([HEADERS, [1, "a"]]), SHEET, huge_range)
    assert len(hostile) < 10_000
    assert refusal(hostile) == ("Trang tính “Báo cáo” khai báo 12.000 dòng × 16.384 cột; chỉ nhận tối đa "
                                "5.000 dòng và 20 cột.")


def test_a_sheet_without_a_declared_size_is_refused_by_its_real_rows_before_any_is_read(no_row_read):
    content = rewrite(book([HEADERS] + [[i, "x"] for i in range(1, 5001)]), SHEET, without_dimension)
    assert b"<dimension" not in zipfile.ZipFile(BytesIO(content)).read(SHEET)
    assert refusal(content) == ("Trang tính “Báo cáo” có dữ liệu ở ô A5001; chỉ nhận tối đa 5.000 dòng và "
                                "20 cột.")


def test_a_row_of_countless_cells_is_refused_before_any_row_is_read(no_row_read):
    # Cells without a reference take the next column: openpyxl would build every one of them.
    hostile = rewrite(book([HEADERS]), SHEET, lambda data: data.replace(b"</row>", b"<c/>" * 200_000 + b"</row>", 1))
    assert len(hostile) < 10_000
    assert refusal(hostile) == "Trang tính “Báo cáo” có dữ liệu ở ô U1; chỉ nhận tối đa 5.000 dòng và 20 cột."


def test_a_zip_bomb_is_refused_before_it_is_unpacked(no_row_read):
    hostile = rewrite(book([HEADERS, [1, "a"]]), SHEET,
                      lambda data: data.replace(b"<sheetData>", b"<sheetData>" + b" " * (21 * 1024 * 1024)))
    assert len(hostile) < 100_000
    message = refusal(hostile)
    assert message.startswith("Tệp giải nén ra 21,1 MB; chỉ nhận tệp Excel giải nén tối đa 20 MB")


def test_a_string_table_larger_than_any_sheet_may_use_is_refused(no_row_read):
    strings = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               + b"<si><t>x</t></si>" * 230_000 + b"</sst>")
    content = rewrite(book([HEADERS, [1, "a"]]), "[Content_Types].xml", lambda data: data.replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                     b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'))
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(content)) as source, zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr("xl/sharedStrings.xml", strings)
    assert refusal(out.getvalue()).startswith("Tệp có quá nhiều ô chữ; chỉ nhận tối đa 150.000 ô")


def test_a_file_with_tens_of_thousands_of_cell_formats_is_refused(no_row_read):
    xf = b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    hostile = rewrite(book([HEADERS]), "xl/styles.xml",
                      lambda data: re.sub(rb'<cellXfs count="\d+">', b'<cellXfs count="60000">' + xf * 60_000, data))
    assert refusal(hostile).startswith("Tệp có quá nhiều định dạng hoặc thành phần khác ngoài ô (hơn 50.000)")


def test_a_file_of_too_many_parts_is_refused():
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(book([HEADERS]))) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        for number in range(xlsx.MAX_PARTS):
            target.writestr(f"xl/media/image{number}.png", b"")
    assert refusal(out.getvalue()).startswith("Tệp có 1.009 phần nén; tệp Excel nhập vào có tối đa 1.000 phần")


def test_a_part_compressed_otherwise_than_excel_does_is_refused():
    # bzip2 can unpack gigabytes from one chunk, before zipfile cuts it at the declared size.
    content = rewrite(book([HEADERS, [1, "a"]]), SHEET, lambda data: data, compress_type=zipfile.ZIP_BZIP2)
    assert refusal(content) == "Tệp không phải là tệp Excel (.xlsx) hợp lệ."


def test_a_part_declaring_entities_is_refused():
    content = rewrite(book([HEADERS, [1, "a"]]), SHEET, lambda data: (
        b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">]>' + data.replace(b"<t>a</t>", b"<t>&a;</t>")))
    assert refusal(content) == "Tệp không phải là tệp Excel (.xlsx) hợp lệ."


@pytest.mark.parametrize("inside", [
    b"<x " + b" ".join(b'a%d=""' % i for i in range(200_000)) + b"/>",   # a tag of countless attributes
    b"<!--" + b"y" * 2_000_000 + b"-->",                                      # a comment of 2 MB
])
def test_a_tag_or_comment_longer_than_any_excel_writes_is_refused_before_it_is_built(inside, no_row_read):
    # Built whole at once, read again for each piece of the file the parser is given.
    hostile = rewrite(book([HEADERS, [1, "a"]]), SHEET,
                      lambda data: data.replace(b"<sheetData>", b"<sheetData>" + inside))
    assert refusal(hostile) == "Tệp không phải là tệp Excel (.xlsx) hợp lệ."


def test_an_upload_over_the_size_limit_is_refused_unopened():
    message = refusal(b"PK\x03\x04" + b"\x00" * xlsx.MAX_UPLOAD_BYTES)
    assert message == "Tệp nặng 5,1 MB; chỉ nhận tệp Excel tối đa 5 MB. Hãy chia thành nhiều tệp."


def test_the_largest_sheet_the_limits_allow_is_read_and_one_row_column_or_cell_more_is_not(monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_ROWS", 30)
    monkeypatch.setattr(xlsx, "MAX_COLUMNS", 6)
    headers = ["STT", "Ghi chú", "C", "D", "E", "F"]
    largest = [headers] + [[i, f"dòng {i}", 3, 4, 5, 6] for i in range(1, 30)]
    rows = read(book(largest))
    assert len(rows) == 29 and rows[-1] == (30, {"STT": 29, "Ghi chú": "dòng 29"})
    assert refusal(book(largest + [[30, "x"]])).startswith("Trang tính “Báo cáo” khai báo 31 dòng × 6 cột")
    assert refusal(book([row + ["G"] for row in largest])).endswith("chỉ nhận tối đa 30 dòng và 6 cột.")
    assert refusal(rewrite(book(largest + [[30, "x"]]), SHEET, without_dimension)).startswith(
        "Trang tính “Báo cáo” có dữ liệu ở ô A31")
    monkeypatch.setattr(xlsx, "MAX_CELLS", 179)
    assert refusal(book(largest)).startswith("Trang tính “Báo cáo” có hơn 179 ô")


def test_a_report_of_the_largest_allowed_length_is_read():
    rows = read(book([HEADERS] + [[i, "Như trên"] for i in range(1, 5000)]))
    assert len(rows) == 4999 and rows[-1] == (5000, {"STT": 4999, "Ghi chú": "Như trên"})


def test_only_the_units_workbook_takes_a_province_staff():
    # 5.001 rows: over an ordinary import's limit, within the units workbook's.
    content = book([HEADERS] + [[i, "x"] for i in range(1, 5001)])
    assert refusal(content).endswith("chỉ nhận tối đa 5.000 dòng và 20 cột.")
    assert len(read(content, max_rows=xlsx.MAX_ROWS_UNITS)) == 5000


def test_rows_past_a_declared_size_too_small_are_read():
    # openpyxl stops at the declared size; the limits are checked on what the sheet really holds.
    content = rewrite(book([HEADERS, [1, "a"], [2, "b"]]), SHEET,
                      lambda data: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:B1"', data))
    assert [number for number, _ in read(content)] == [2, 3]


# --- Through the import pages -------------------------------------------------------------------------------

# A report upload (sheet “Báo cáo”) of 1,7 KB declaring 12.000 rows × 16.384 columns.
HOSTILE_REPORT = rewrite(book([["STT", "Mã dòng (không sửa)", "Thực hiện"], [1, 1, "5"]]), SHEET, huge_range)


@pytest.mark.django_db
def test_the_units_import_page_refuses_a_hostile_file_next_to_the_field(login, tree, cast, no_row_read):
    with_sheet = rewrite(book([["Ký hiệu", "Tên đơn vị"], ["X", "Y"]], title="Đơn vị"), SHEET, huge_range)
    response = login(cast["secretariat"]).post(reverse("units:import"), {
        "root": tree["A"].pk, "file": SimpleUploadedFile("don-vi.xlsx", with_sheet)})
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "Trang tính “Đơn vị” khai báo 12.000 dòng × 16.384 cột; chỉ nhận tối đa 15.000 dòng và 20 cột."]


@pytest.mark.django_db
def test_an_import_page_refuses_an_upload_over_the_size_limit_next_to_the_field(login, tree, cast):
    big = SimpleUploadedFile("don-vi.xlsx", b"PK\x03\x04" + b"\x00" * xlsx.MAX_UPLOAD_BYTES)
    response = login(cast["secretariat"]).post(reverse("units:import"), {"root": tree["A"].pk, "file": big})
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "Tệp nặng 5,1 MB; chỉ nhận tệp Excel tối đa 5 MB. Hãy chia thành nhiều tệp."]


@pytest.mark.django_db
def test_the_register_import_page_refuses_a_hostile_file_next_to_the_field(login, tree, cast, no_row_read):
    from awards import excel

    hostile = rewrite(book([excel.REGISTER_HEADERS], title=excel.REGISTER_SHEET), SHEET, huge_range)
    response = login(cast["secretariat"]).post(reverse("awards:register-import"),
                                               {"file": SimpleUploadedFile("so.xlsx", hostile)})
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        f"Trang tính “{excel.REGISTER_SHEET}” khai báo 12.000 dòng × 16.384 cột; chỉ nhận tối đa 5.000 dòng và 20 cột."]
    assert "khai báo 12.000 dòng" in response.content.decode()
