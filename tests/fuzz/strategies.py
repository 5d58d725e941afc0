"""Hostile input: what people paste, what a page source edited by hand sends, what a broken or
forged file holds. Each strategy gives strings (a browser sends nothing else) or uploads."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

VIETNAMESE = [
    "Nguyễn Văn Ánh, Đắk Lắk, ưởng",
    "Trạm Y tế xã Đức Lương",
    "KHOA HỒI SỨC TÍCH CỰC – CHỐNG ĐỘC",
    "Tỷ lệ suy dinh dưỡng ≤11,88%",
    unicodedata.normalize("NFD", "Nguyễn Thị Thuỷ Tiên"),    # combining marks, as some keyboards type
    "Phòng Tổ chức - Hành chính; “ngoặc kép” ‘đơn’…",
]
ODD = [
    "\x00", "a\x00b", "Nguyễn\x00Văn", "\u200b", "\u200dĐức\u200c", "\u202eRTL override\u202c", "مرحبا بالعالم",
    "שלום עולם", "😀👩‍⚕️🇻🇳", "\ufeffBOM", "\r\n", "\t", " ", "   ", "\x0b\x0c\x1c", "\x1b[31mđỏ", "\x7f",
    "<script>alert('x')</script>", "\"><img src=x onerror=alert(1)>", "' OR 1=1 --", "{{ 7|add:7 }}", "{% now %}",
    "%s %(name)s %d", "\\", "../../etc/passwd", "NULL", "None", "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗̻̊", "\U0010ffff", "ß", "İ", "ǅ",
]
NUMBERS = [
    "11,88", "11.88", "1.234,5", "1,234.5", "580.000", "1.000.000", "1 000", "1\u00a0000", "NaN", "nan", "inf",
    "-inf", "Infinity", "-0", "0", "00", "-1", "−5", "+5", "1e999", "1E5", "12/12", "0/0", "5/0", "13/12", "-1/2",
    "< 17", "> 95", "≤ 11,88", "≥91%", "91%", "100 %", "٣٤", "²", "½", "Ⅻ", "0x1F", "1_000", "12,", ",5", "1,2,3", "..",
    "-", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "99999", "100000", "999999", "1000000",
    "3.14159265358979323846264338327950288", "9" * 30, "9" * 400, "9" * 5000, "1/" + "9" * 5000,
    "9" * 20 + "/" + "9" * 21, "0," + "0" * 60 + "1", "1" + "0" * 40 + ",5",
]
DATES = [
    "31/02/2026", "00/00/0000", "01/01/99999", "29/02/2025", "29/02/2028", "31/12/9999", "01/01/0001", "01/01/1",
    "32/13/2026", "2026-06-10", "10/06/2026", "10-06-2026", "10.06.2026", "6/10/26", "ngày 10 tháng 6 năm 2026",
    "10/06/2026 12:00", "01/01/1900", "31/12/1899", "0", "-1", "9" * 50, "10/06/-2026", "١٠/٠٦/٢٠٢٦",
]
ODD_IDS = ["", "abc", "-1", "0", "1.5", "²", "١", "99999999999999999999", "9" * 5000, " 1", "1,2", "null", "\x00",
           "1\x00", "2147483648", "9223372036854775808"]


def _long(n: int) -> str:
    return ("Nguyễn Văn Ánh – Đắk Lắk. " * (n // 26 + 1))[:n]


def text(*, long: bool = True) -> st.SearchStrategy[str]:
    """Vietnamese and other Unicode, control and zero-width characters, markup, very long text."""
    options = [
        st.sampled_from(VIETNAMESE + ODD),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
        st.builds(lambda a, b: a + b, st.sampled_from(VIETNAMESE), st.sampled_from(ODD)),
    ]
    if long:
        options.append(st.sampled_from([5_000, 20_000, 100_000]).map(_long))
    return st.one_of(*options)


def _grouped(digits: int) -> str:
    """A Vietnamese-grouped whole number of that many digits: 1.234.567.890…"""
    text = ("1234567890" * (digits // 10 + 1))[:digits]
    groups = []
    while len(text) > 3:
        groups.insert(0, text[-3:])
        text = text[:-3]
    return ".".join([text, *groups])


def number() -> st.SearchStrategy[str]:
    """Numbers as people and machines write them: Vietnamese, English, huge, NaN, signs, fractions."""
    magnitude = st.integers(1, 60)
    return st.one_of(
        st.sampled_from(NUMBERS),
        # Around every column's limit: digits, Vietnamese grouping, long fractions, fractions.
        magnitude.map(lambda n: "9" * n),
        magnitude.map(_grouped),
        st.builds(lambda n, m: f"{'7' * n},{'3' * m}", magnitude, magnitude),
        st.builds(lambda n, m: f"{'1' * n}/{'9' * m}", magnitude, magnitude),
        st.integers(-(10 ** 30), 10 ** 30).map(str),
        st.decimals(allow_nan=True, allow_infinity=True).map(str),
        st.decimals(min_value=-(10 ** 12), max_value=10 ** 12, places=3).map(lambda d: f"{d:,}".replace(
            ",", " ").replace(".", ",").replace(" ", ".")),
        st.floats().map(repr),
    )


def whole_number() -> st.SearchStrategy[str]:
    """Where an integer is wanted (a year, a count, an order)."""
    return st.one_of(number(), st.integers(-(2 ** 70), 2 ** 70).map(str))


def day() -> st.SearchStrategy[str]:
    formats = ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%m/%d/%Y", "%d/%m/%y"]
    return st.one_of(
        st.sampled_from(DATES),
        st.builds(lambda d, f: d.strftime(f), st.dates(), st.sampled_from(formats)),
    )


def flag() -> st.SearchStrategy[str]:
    return st.sampled_from(["on", "", "true", "false", "0", "1", "yes", "\x00", "không"])


def ids(*groups) -> st.SearchStrategy[str]:
    """Ids: the user's own, the other issuer's (forged into a hidden or choice field), and junk."""
    known = sorted({str(i) for group in groups for i in (group if isinstance(group, (list, tuple, set)) else [group])})
    return st.one_of(st.sampled_from(known), st.sampled_from(ODD_IDS))


def many_ids(*groups) -> st.SearchStrategy[list[str]]:
    return st.lists(ids(*groups), max_size=5)


def choice(values) -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(list(values)), st.sampled_from(["", "khong-co", "\x00", "x" * 300]),
                     text(long=False))


def urls(name: str, own_and_other: tuple[int, int], *, before: tuple = (), after: tuple = ()) -> tuple[str, list]:
    """The page of one of Sở A's objects (fuzzed), and the same page for Sở B's object and for ids
    that do not exist (each sent once with the valid payload: a forged id needs no fuzzing)."""
    from django.urls import reverse

    own, other = own_and_other

    def url(pk):
        return reverse(name, args=[*before, pk, *after])

    return url(own), [url(other), url(0), url(2 ** 63 + 5)]


# --- Files ----------------------------------------------------------------------------------------------

def _cell_text(value: str) -> str:
    # openpyxl refuses control characters in a cell: a real .xlsx cannot hold them either.
    return ILLEGAL_CHARACTERS_RE.sub("", value)


# Numbers openpyxl will not write, put into the sheet's XML by hand after saving: infinity
# written as 1e999, NaN, and a number cell holding text.
FORGED = {1.1111e300: b"1e999", 2.2222e300: b"-1e999", 3.3333e300: b"NaN", 4.4444e300: b"12,5"}


def _forge(data: bytes) -> bytes:
    import zipfile

    source = zipfile.ZipFile(BytesIO(data))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                for marker, raw in FORGED.items():
                    content = content.replace(b"<v>" + repr(marker).encode() + b"</v>",
                                              b"<v>" + raw + b"</v>")
            target.writestr(item, content)
    return out.getvalue()


def cell() -> st.SearchStrategy:
    """What an Excel cell may hold: text, numbers huge and odd, dates out of range, booleans, formulas."""
    return st.one_of(
        st.none(),
        text(long=False).map(_cell_text),
        st.sampled_from(NUMBERS).map(_cell_text),
        st.integers(-(10 ** 20), 10 ** 20),
        st.floats(allow_nan=False, allow_infinity=False),
        # Excel cannot type these, but another program's .xlsx can hold them (see _forge).
        st.sampled_from([*FORGED, 1e308, 5e-324, -0.0]),
        st.sampled_from([date(1900, 1, 1), date(9999, 12, 31), datetime(2026, 2, 28, 23, 59), date(1, 1, 1)]),
        st.booleans(),
        st.sampled_from(["=1/0", "=A1", "=SUM(1,2)", "#N/A", "'0123", _long(32_000)]),
        st.sampled_from(VIETNAMESE),
    )


def workbook(template: bytes | None, sheet: str, width: int, *, known_rows: list[list] = ()) -> st.SearchStrategy:
    """An .xlsx: the product's own template with its rows replaced by hostile ones (real rows with
    one cell changed, the other issuer's codes and ids among them, or rows of junk), or a sheet of
    the wrong shape."""

    def build(rows, shape):
        if shape == "template" and template is not None:
            book = load_workbook(BytesIO(template))
            ws = book[sheet]
            # The import templates have their header in row 1 (common.xlsx.read_sheet).
            if ws.max_row > 1:
                ws.delete_rows(2, ws.max_row - 1)
        else:
            book = Workbook()
            ws = book.active
            ws.title = sheet if shape != "wrong-sheet" else "Sheet1"
            if shape == "no-header":
                pass
            else:
                ws.append(["Cột lạ", "STT", "Ghi chú"])
        for row in rows:
            ws.append(row)
        buffer = BytesIO()
        book.save(buffer)
        return _forge(buffer.getvalue())

    row = st.one_of(st.sampled_from(list(known_rows)) if known_rows else st.nothing(),
                    st.lists(cell(), min_size=1, max_size=width + 2))
    known = st.sampled_from(list(known_rows)) if known_rows else st.nothing()

    def change(base, i, value):
        return [value if j == i else v for j, v in enumerate(base)]

    column = st.integers(0, max(width - 1, 0))
    mutated = st.one_of(known, st.builds(change, known, column, cell()),
                        st.builds(change, known, column, st.sampled_from(list(FORGED))))
    rows = st.lists(st.one_of(mutated, row), max_size=6)
    shape = st.sampled_from(["template", "template", "template", "wrong-sheet", "no-header", "odd-header"])
    return st.builds(build, rows, shape)


NOT_EXCEL = [
    b"", b"PK\x03\x04", b"PK\x03\x04" + b"\x00" * 200, b"%PDF-1.4 not a workbook", b"\x00" * 1024,
    "Họ và tên;Năm\nNguyễn Văn Ánh;2026\n".encode(), b"<html><body>xlsx</body></html>",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
]
NAMES = ["danh-sach.xlsx", "DANH SÁCH ĐỀ NGHỊ.XLSX", "a" * 300 + ".xlsx", "../../tep.xlsx", "tệp\x00.xlsx",
         "bảng.xlsx.exe", "bang.xls", ".xlsx", "😀.xlsx", "báo cáo.pdf"]


def upload(contents: st.SearchStrategy[bytes], *, names=NAMES, content_type: str = "application/octet-stream"):
    return st.builds(lambda data, name: SimpleUploadedFile(name, data, content_type=content_type),
                     st.one_of(contents, st.sampled_from(NOT_EXCEL)), st.sampled_from(names))


PDF_NAMES = ["to-trinh.pdf", "TỜ TRÌNH.PDF", "a" * 300 + ".pdf", "../../x.pdf", "tệp\x00.pdf", "x.pdf.exe", "x.exe",
             ".pdf", "😀.pdf", "bien-ban.docx"]


def document() -> st.SearchStrategy:
    """A signed document upload: a real PDF, an empty one, a renamed executable, a huge name."""
    contents = st.sampled_from([b"%PDF-1.4\n%fuzz\n", b"MZ\x90\x00", b"", b"%PDF", b"\x89PNG\r\n\x1a\n",
                                b"PK\x03\x04not-a-docx"])
    return st.builds(lambda data, name: SimpleUploadedFile(name, data, content_type="application/pdf"),
                     contents, st.sampled_from(PDF_NAMES))


# --- Forms ----------------------------------------------------------------------------------------------

MISSING = object()


def form(base: dict, hostile: dict) -> st.SearchStrategy[dict]:
    """A valid payload with hostile values: either one field changed (so the rest passes and the
    value reaches the service) or any number of fields changed or left out."""
    names = sorted(set(base) | set(hostile))

    def drop_missing(data: dict) -> dict:
        return {k: v for k, v in data.items() if v is not MISSING}

    def one(name_value):
        name, value = name_value
        return drop_missing({**base, name: value})

    single = st.sampled_from(sorted(hostile)).flatmap(lambda name: hostile[name].map(lambda v: (name, v))).map(one) \
        if hostile else st.just(dict(base))
    every = st.fixed_dictionaries({
        name: st.one_of(*([st.just(base[name])] if name in base else []),
                        *([hostile[name]] if name in hostile else []), st.just(MISSING))
        for name in names
    }).map(drop_missing)
    return st.one_of(single, every)
