"""What a request may hold that the database or the parsers cannot take: ids that are not ids,
numbers written the Vietnamese way, NUL characters, spreadsheet cells no person can type. These
were 500s the fuzz tests (tests/fuzz) found. No database."""

import zipfile
from decimal import Decimal
from io import BytesIO

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import RequestFactory
from openpyxl import Workbook

from common import xlsx
from common.forms import VnMessagesMixin, parse_id, parse_ids
from common.middleware import StripNulMiddleware


@pytest.mark.parametrize(("value", "expected"), [
    ("12", 12), ("0", 0), ("²", None), ("١٢", None), ("9" * 19, None), ("9" * 5000, None), (" 12", None),
    ("-1", None), ("1.5", None), ("", None), (None, None), (12, None),
])
def test_parse_id_reads_only_ascii_digits_that_fit_a_key(value, expected):
    assert parse_id(value) == expected


def test_parse_ids_drops_what_is_not_an_id():
    assert parse_ids(["3", "²", "x", "9" * 40, "7"]) == [3, 7]


class RateForm(VnMessagesMixin, forms.Form):
    rate = forms.DecimalField(max_digits=6, decimal_places=2, required=False)
    amount = forms.DecimalField(max_digits=14, decimal_places=0, required=False)


@pytest.mark.parametrize(("rate", "amount", "expected"), [
    ("0,3", "2.340.000", (Decimal("0.3"), Decimal("2340000"))),
    ("1.234,5", "2340000", (Decimal("1234.5"), Decimal("2340000"))),
    ("-0,5", "", (Decimal("-0.5"), None)),
])
def test_decimals_are_read_the_vietnamese_way(rate, amount, expected):
    form = RateForm({"rate": rate, "amount": amount})
    assert form.is_valid(), form.errors
    assert (form.cleaned_data["rate"], form.cleaned_data["amount"]) == expected


@pytest.mark.parametrize(("rate", "message"), [
    ("0.3", "dấu phẩy"), ("NaN", "cách viết Việt Nam"), ("1e999", "cách viết Việt Nam"), ("12345,6", "4 chữ số"),
])
def test_a_decimal_written_otherwise_gets_a_vietnamese_message(rate, message):
    form = RateForm({"rate": rate})
    assert not form.is_valid()
    assert message in " ".join(form.errors["rate"])


def test_a_decimal_is_shown_with_a_comma_in_a_text_box():
    html = str(RateForm(initial={"rate": Decimal("0.30")})["rate"])
    assert 'value="0,30"' in html and 'type="text"' in html and 'inputmode="decimal"' in html


def test_nul_characters_never_reach_a_view():
    seen = {}

    def view(request):
        seen.update(get=request.GET.getlist("q"), post=dict(request.POST.lists()))
        return HttpResponse()

    request = RequestFactory().post("/?q=a%00b&q=c", {"reason": "Lý do\x00", "x\x00": ["1", "2\x00"]})
    StripNulMiddleware(view)(request)
    assert seen == {"get": ["ab", "c"], "post": {"reason": ["Lý do"], "x": ["1", "2"]}}


def workbook_with(raw: bytes) -> SimpleUploadedFile:
    """A sheet whose cell A2 holds `raw` as a number, as a program other than Excel may write it."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Trang"
    sheet.append(["Số"])
    sheet.append([1.125])
    buffer = BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(BytesIO(buffer.getvalue()))
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            target.writestr(item, content.replace(b"<v>1.125</v>", b"<v>" + raw + b"</v>"))
    return SimpleUploadedFile("tep.xlsx", out.getvalue())


@pytest.mark.parametrize("raw", [b"NaN", b"12,5"])
def test_a_number_cell_openpyxl_cannot_read_is_a_workbook_error(raw):
    with pytest.raises(xlsx.WorkbookError, match="không đọc được"):
        xlsx.read_sheet(workbook_with(raw), "Trang", ["Số"])


def test_an_infinite_number_reads_as_text_the_importers_refuse():
    assert xlsx.read_sheet(workbook_with(b"1e999"), "Trang", ["Số"]) == [(2, {"Số": "inf"})]
