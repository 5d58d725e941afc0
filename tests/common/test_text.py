"""Vietnamese text rules, without the database."""

from datetime import date
from decimal import Decimal

import pytest

from common.text import document_date_line, format_number, normalise_search, two_digits, vi_sort_key


@pytest.mark.parametrize(("text", "expected"), [
    ("Nguyễn Văn An", "nguyen van an"),
    ("Trạm Y tế xã Đức Lương", "tram y te xa duc luong"),
    ("ĐẶNG  NGỌC   HUY", "dang ngoc huy"),
    ("Phòng Tổ chức – Hành chính", "phong to chuc hanh chinh"),
    ("Số 15/KH-SYT; phòng, chống dịch", "so 15 kh syt phong chong dich"),
    ("", ""),
])
def test_normalise_search_drops_case_and_diacritics(text, expected):
    assert normalise_search(text) == expected


def test_normalise_search_treats_decomposed_input_like_composed():
    decomposed = "Nguye\u0302\u0303n"  # what some keyboards and PDF copies produce
    assert normalise_search(decomposed) == "nguyen"


def test_vietnamese_order_puts_d_stroke_after_d_and_vowels_in_alphabet_order():
    names = ["Zê", "Đức Hòa", "Dĩ An", "Bình Dương", "Ân Thi", "Ẩn", "An Giang", "Ăn", "Ơn", "Ôn", "On", "Ưu", "Uy"]
    assert sorted(names, key=vi_sort_key) == [
        "An Giang", "Ăn", "Ẩn", "Ân Thi", "Bình Dương", "Dĩ An", "Đức Hòa", "On", "Ôn", "Ơn", "Uy", "Ưu", "Zê",
    ]


def test_vietnamese_order_ranks_tones_after_letters():
    # Same letters: no tone < huyền < hỏi < ngã < sắc < nặng.
    assert sorted(["Má", "Mạ", "Mà", "Ma", "Mã", "Mả"], key=vi_sort_key) == ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"]
    # Letters decide before tones: "Bá" < "Bac".
    assert sorted(["Bac", "Bá"], key=vi_sort_key) == ["Bá", "Bac"]


@pytest.mark.parametrize(("value", "expected"), [
    (1234567.5, "1.234.567,5"),
    (Decimal("11.88"), "11,88"),
    (Decimal("60.0"), "60,0"),
    (580000, "580.000"),
    (10775000000, "10.775.000.000"),
    (-1500, "-1.500"),
    (0, "0"),
    (None, ""),
])
def test_format_number_uses_dot_thousands_and_decimal_comma(value, expected):
    assert format_number(value) == expected


def test_format_number_rounds_when_asked():
    assert format_number(Decimal("93.345"), 1) == "93,3"
    assert format_number(Decimal("99.96"), 0) == "100"


@pytest.mark.parametrize(("day", "expected"), [
    (date(2026, 1, 5), "Thái Nguyên, ngày 05 tháng 01 năm 2026"),
    (date(2026, 2, 28), "Thái Nguyên, ngày 28 tháng 02 năm 2026"),
    (date(2026, 6, 26), "Thái Nguyên, ngày 26 tháng 6 năm 2026"),    # NĐ 30 pads only months 1 and 2
    (date(2021, 12, 9), "Thái Nguyên, ngày 09 tháng 12 năm 2021"),
])
def test_document_date_line_pads_as_nd30_says(day, expected):
    assert document_date_line("Thái Nguyên", day) == expected


def test_document_date_line_leaves_the_day_blank_for_the_registry():
    line = document_date_line("Kon Tum", month=1, year=2022)
    assert line.startswith("Kon Tum, ngày ") and line.endswith(" tháng 01 năm 2022")
    assert line.replace("\u00a0", "") == "Kon Tum, ngày  tháng 01 năm 2022"


def test_document_date_line_is_printed_all_blank_when_nothing_is_known():
    # NĐ 30: every document has its place-and-date line; the registry fills it in.
    assert document_date_line("Hồng Ngự").replace("\u00a0", "") == "Hồng Ngự, ngày  tháng  năm "


def test_two_digits():
    assert two_digits(5) == "05" and two_digits(10) == "10" and two_digits(None) == ""
