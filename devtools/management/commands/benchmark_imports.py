"""Cost of the largest workbook the import limits allow (common/xlsx.py), and of refusing a hostile one.

The largest: the units and people workbook (the only import allowed MAX_ROWS_UNITS rows), its
“Cá nhân” sheet full to MAX_CELLS cells, every text different and held in a shared string table
as Excel saves it, each cell's text as long as the upload and unpacked size limits allow. It is
read by read_sheet alone and by the units importer's parsing (two sheets, so the file is opened
twice). The hostile file is the one of the security issue: 1,7 KB declaring A1:XFD12000.
"""

from __future__ import annotations

import gc
import json
import random
import re
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from datetime import date
from io import BytesIO
from xml.sax.saxutils import escape

from django.conf import settings
from django.core.management.base import BaseCommand
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from common import xlsx
from common.text import format_number

NAMES_AND_POSITIONS = ("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Văn Thị Hữu Đức Minh "
                       "Thu Hương Lan Anh Tuấn Hùng Dũng Hạnh Bác sĩ Điều dưỡng Kỹ thuật viên Dược sĩ Trưởng Phó khoa "
                       "phòng trạm y tế xã phường thị trấn Khám bệnh Nội Ngoại Sản Nhi Truyền nhiễm Hồi sức cấp cứu "
                       "Xét nghiệm Chẩn đoán hình ảnh Kiểm soát nhiễm khuẩn Dinh dưỡng Tổ chức Hành chính Kế hoạch Tài "
                       "chính")
WORDS = NAMES_AND_POSITIONS.split()
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _seconds(function, repeat: int) -> tuple[float, object]:
    """Best of `repeat`: timings on this kind of machine wander by ±30 % run to run."""
    best, result = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def people_rows(rows: int, text_length: int, seed: int = 2026) -> list[list[str]]:
    """Rows of the “Cá nhân” sheet, every text different; “Chức vụ” carries `text_length` characters."""
    rng = random.Random(seed)
    # Positions are cut from one long text at scattered places: as varied as typed ones, and
    # quick to make at 20 MB.
    pool = " ".join(rng.choice(WORDS) for _ in range(max(20_000, text_length // 3)))
    units = [f"TYT{i:03d}" for i in range(300)]
    out = []
    for i in range(1, rows):
        start = rng.randrange(len(pool) - text_length) if len(pool) > text_length else 0
        out.append([f"CB{i:06d}", f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(WORDS)} {i}",
                    f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1960, 2003)}",
                    rng.choice(["Nam", "Nữ"]), rng.choice(units), f"{pool[start:start + text_length]} {i}",
                    rng.choice(["Viên chức", "Người lao động", "Công chức"]), rng.choice(["Có", "Không"]),
                    f"cb{i:06d}@syt.example.vn", f"09{rng.randint(10_000_000, 99_999_999)}"])
    return out


def excel_workbook(title: str, headers: list[str], rows: list[list[str]]) -> bytes:
    """An .xlsx as Excel saves it: texts in a shared string table, the sheet's size declared."""
    strings: dict[str, int] = {}
    lines = []
    for number, row in enumerate([headers, *rows], start=1):
        cells = "".join(f'<c r="{get_column_letter(column)}{number}" t="s"><v>{strings.setdefault(value, len(strings))}'
                        f"</v></c>" for column, value in enumerate(row, start=1))
        lines.append(f'<row r="{number}">{cells}</row>')
    last = f"{get_column_letter(len(headers))}{len(rows) + 1}"
    sheet = (f'<worksheet xmlns="{MAIN}"><dimension ref="A1:{last}"/><sheetData>{"".join(lines)}</sheetData>'
             f"</worksheet>")
    table = (f'<sst xmlns="{MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">'
             + "".join(f"<si><t>{escape(text)}</t></si>" for text in strings) + "</sst>")
    skeleton = Workbook()
    skeleton.active.title = title
    buffer = BytesIO()
    skeleton.save(buffer)
    out = BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet.encode()
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            target.writestr(item, data)
        target.writestr("xl/sharedStrings.xml", table.encode())
    return out.getvalue()


def unpacked_size(content: bytes) -> int:
    with zipfile.ZipFile(BytesIO(content)) as archive:
        return sum(item.file_size for item in archive.infolist())


def largest_people_workbook(rows: int) -> tuple[bytes, int]:
    """The units workbook with `rows` rows of people (header included), its texts as long as the
    upload and unpacked limits allow; and that text length."""
    from units import excel

    def build(length: int) -> bytes:
        return excel_workbook(excel.PEOPLE_SHEET, excel.PEOPLE_HEADERS, people_rows(rows, length))

    # Both sizes grow in proportion to the text: two builds give the length, one or two trim it.
    short, long = build(100), build(600)
    length = min(int(100 + (limit - measure(short)) * 500 / max(measure(long) - measure(short), 1))
                 for measure, limit in ((len, xlsx.MAX_UPLOAD_BYTES), (unpacked_size, xlsx.MAX_UNPACKED_BYTES)))
    length = min(length, 32_000)   # Excel's cell holds 32.767 characters
    for _ in range(10):
        content = build(length)
        over = max(len(content) / xlsx.MAX_UPLOAD_BYTES, unpacked_size(content) / xlsx.MAX_UNPACKED_BYTES)
        if over <= 1:
            return content, length
        length = int(length / over * 0.995)
    raise RuntimeError("no file fits the limits")


def hostile_workbook() -> bytes:
    """A couple of KB declaring 12.000 rows × 16.384 columns (the security issue's file)."""
    from indicators import excel

    book = Workbook()
    book.active.title = excel.SHEET
    book.active.append(excel.HEADERS)
    book.active.append([1, 1, "", "", "", "", "5", ""])
    buffer = BytesIO()
    book.save(buffer)
    out = BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename.startswith(("docProps/", "xl/theme/")):
                continue   # not needed to open the file: the was 1,7 KB
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD12000"', data)
            target.writestr(item, data)
    return out.getvalue()


# read_sheet in a new interpreter: sys.argv = [-c, base dir, file, sheet title, headers as JSON].
# Its peak is the kernel's VmHWM: ru_maxrss keeps the parent's high-water mark across fork and exec.
CHILD = """
import json, re, sys, time
from io import BytesIO
sys.path.insert(0, sys.argv[1])
from common import xlsx
def peak():
    with open("/proc/self/status") as status:
        return int(re.search(r"VmHWM:\\s+(\\d+)", status.read()).group(1))
data = open(sys.argv[2], "rb").read()
before = peak()
start = time.perf_counter()
xlsx.read_sheet(BytesIO(data), sys.argv[3], json.loads(sys.argv[4]), max_rows=xlsx.MAX_ROWS_UNITS)
seconds = time.perf_counter() - start
print(seconds, before, peak())
"""


class Command(BaseCommand):
    help = ("Đo thời gian và bộ nhớ khi đọc tệp Excel lớn nhất mà giới hạn nhập cho phép, và khi từ chối "
            "tệp khai báo A1:XFD12000.")

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=xlsx.MAX_ROWS_UNITS,
                            help="Số dòng của trang “Cá nhân”, kể cả dòng tiêu đề (mặc định: giới hạn).")
        parser.add_argument("--repeat", type=int, default=3)

    def handle(self, *args, rows: int, repeat: int, **options):
        from units import excel

        n = format_number
        rows = min(rows, xlsx.MAX_ROWS_UNITS, xlsx.MAX_CELLS // len(excel.PEOPLE_HEADERS))
        self.stdout.write(
            f"Giới hạn: tệp {xlsx.MAX_UPLOAD_BYTES // 2 ** 20} MB, giải nén {xlsx.MAX_UNPACKED_BYTES // 2 ** 20} MB, "
            f"{n(xlsx.MAX_ROWS)} dòng ({n(xlsx.MAX_ROWS_UNITS)} với tệp đơn vị, cá nhân), {xlsx.MAX_COLUMNS} cột, "
            f"{n(xlsx.MAX_CELLS)} ô một trang, {n(xlsx.MAX_OTHER_ELEMENTS)} thành phần khác.")
        started = time.perf_counter()
        content, length = largest_people_workbook(rows)
        cells = rows * len(excel.PEOPLE_HEADERS)
        self.stdout.write(
            f"Tệp lớn nhất: trang “{excel.PEOPLE_SHEET}” {n(rows)} dòng × {len(excel.PEOPLE_HEADERS)} cột = "
            f"{n(cells)} ô, chuỗi dùng chung, chức vụ {length} ký tự; nặng {xlsx.format_size(len(content))}, "
            f"giải nén {xlsx.format_size(unpacked_size(content))} (tạo trong {time.perf_counter() - started:.1f} s).")

        def read():
            return xlsx.read_sheet(BytesIO(content), excel.PEOPLE_SHEET, excel.PEOPLE_HEADERS,
                                   max_rows=xlsx.MAX_ROWS_UNITS)

        seconds, records = _seconds(read, repeat)
        self.stdout.write(f"  read_sheet: {seconds:.2f} s, {n(len(records))} dòng dữ liệu")
        parse_seconds, parsed = _seconds(lambda: excel.parse_workbook(BytesIO(content), date(2026, 6, 10)), repeat)
        self.stdout.write(f"  units.excel.parse_workbook (hai trang, kiểm tra từng dòng): {parse_seconds:.2f} s, "
                          f"{n(len(parsed.people))} cá nhân")
        del records, parsed
        gc.collect()
        tracemalloc.start()
        read()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        child_seconds, before, after = self._read_in_a_new_process(content, excel.PEOPLE_SHEET, excel.PEOPLE_HEADERS)
        self.stdout.write(f"  bộ nhớ: đỉnh của các đối tượng Python khi đọc (tracemalloc) {peak / 2 ** 20:.0f} MB; "
                          f"tiến trình mới chỉ đọc tệp: {after:.0f} MB lúc đỉnh, trước khi đọc {before:.0f} MB "
                          f"(đọc {child_seconds:.2f} s)")

        hostile = hostile_workbook()

        def refuse():
            try:
                xlsx.read_sheet(BytesIO(hostile), "Báo cáo", ["STT"])
            except xlsx.WorkbookError as error:
                return str(error)
            return "không bị từ chối"

        refusal_seconds, message = _seconds(refuse, max(repeat, 5))
        self.stdout.write(f"Tệp khai báo A1:XFD12000 ({n(len(hostile))} byte): từ chối sau "
                          f"{refusal_seconds * 1000:.1f} ms: {message}")

    @staticmethod
    def _read_in_a_new_process(content: bytes, title: str, headers: list[str]) -> tuple[float, float, float]:
        """(seconds, maxrss before reading, maxrss after) of read_sheet alone, in a fresh interpreter:
        this one's high-water mark holds the building of the file."""
        with tempfile.NamedTemporaryFile(suffix=".xlsx") as file:
            file.write(content)
            file.flush()
            done = subprocess.run([sys.executable, "-c", CHILD, str(settings.BASE_DIR), file.name, title,
                                   json.dumps(headers)], capture_output=True, text=True, check=True)
        seconds, before, after = (float(value) for value in done.stdout.split())
        return seconds, before / 1024, after / 1024
