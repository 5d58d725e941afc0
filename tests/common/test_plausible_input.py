"""Implausible input refused where it is typed (issue: security, point 8): digits other than 0–9
that Python would read as numbers, and dates no office can mean (31/12/9999). Policy in
common.plausible: full-width digits are read as 0–9, every other non-ASCII digit is refused."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from django import forms

from campaigns import deadlines
from common import plausible, xlsx
from common.forms import VnDateField, VnMessagesMixin, parse_id


@pytest.mark.parametrize(("text", "expected"), [
    ("５", "5"), ("１２,５", "12,5"), ("12", "12"), ("m²", "m²"), ("", ""), ("Đạt", "Đạt"),
])
def test_full_width_digits_are_read_as_ascii_and_the_rest_left_as_typed(text, expected):
    assert plausible.ascii_digits(text) == expected


@pytest.mark.parametrize("text", ["٣", "۳", "३", "𝟑", "1٢", "১০"])
def test_any_other_digit_is_refused_with_the_vietnamese_message(text):
    with pytest.raises(plausible.NonAsciiDigit) as error:
        plausible.ascii_digits(text)
    assert str(error.value) == "Chỉ dùng chữ số 0–9."


def test_ids_take_ascii_digits_only_not_even_full_width():
    assert (parse_id("5"), parse_id("５"), parse_id("٣")) == (5, None, None)


class FiguresForm(VnMessagesMixin, forms.Form):
    rate = forms.DecimalField(max_digits=8, decimal_places=2, required=False)
    count = forms.IntegerField(required=False)
    day = VnDateField(required=False)


@pytest.mark.parametrize("field", ["rate", "count"])
def test_a_number_typed_with_other_digits_is_refused_next_to_its_field(field):
    form = FiguresForm({field: "٣"})
    assert not form.is_valid()
    assert form.errors[field] == ["Chỉ dùng chữ số 0–9."]


def test_full_width_digits_in_a_number_are_read_as_typed():
    form = FiguresForm({"rate": "１２,５", "count": "５"})
    assert form.is_valid(), form.errors
    assert (form.cleaned_data["rate"], form.cleaned_data["count"]) == (Decimal("12.5"), 5)


@pytest.mark.parametrize("typed", ["31/12/9999", "01/01/0001", "31/12/1899", "01/01/2101"])
def test_a_date_outside_1900_2100_is_refused_next_to_its_field(typed):
    form = FiguresForm({"day": typed})
    assert not form.is_valid()
    assert "01/01/1900 – 31/12/2100" in form.errors["day"][0]


def test_a_date_with_other_digits_is_refused_and_full_width_is_read():
    refused = FiguresForm({"day": "05/01/٢٠٢٦"})
    assert not refused.is_valid() and refused.errors["day"] == ["Chỉ dùng chữ số 0–9."]
    read = FiguresForm({"day": "０５/０１/２０２６"})
    assert read.is_valid() and read.cleaned_data["day"] == date(2026, 1, 5)
    edges = FiguresForm({"day": "01/01/1900"}), FiguresForm({"day": "31/12/2100"})
    assert all(form.is_valid() for form in edges)


@pytest.mark.parametrize("value", [datetime(9999, 12, 31), date(1, 1, 1), "31/12/9999", "05/01/٢٠٢٦"])
def test_an_import_date_cell_no_office_can_mean_is_refused(value):
    with pytest.raises(ValueError):
        xlsx.cell_date(value)


def test_an_import_date_cell_in_full_width_digits_is_read():
    assert xlsx.cell_date("０５/０１/２０２６") == date(2026, 1, 5)


def test_a_printed_deadline_with_other_digits_is_not_read_and_is_refused():
    assert deadlines.parse_deadline_text("trước ngày ٢٠/٦", 2026) == (None, None)
    assert deadlines.parse_deadline_text("trước ngày ２０/６", 2026) == (date(2026, 6, 20), False)
    problems = deadlines.period_problems("six_month", 2026, None, deadline_text="trước ngày ٢٠/٦")
    assert problems == {"deadline_text": "Chỉ dùng chữ số 0–9."}


def test_a_page_number_in_other_digits_is_not_read():
    from django.test import RequestFactory

    from common.views import paginate

    pages = [paginate(RequestFactory().get("/", {"page": typed}), list(range(100)), 10).number
             for typed in ("3", "٣", "３")]
    assert pages == [3, 1, 1]


def test_a_year_cell_of_an_award_import_follows_the_digit_policy():
    from awards.excel import _year

    errors = []
    assert (_year("２０２６", 2, "Năm thành tích", errors), errors) == (2026, [])
    assert _year("٢٠٢٦", 3, "Năm thành tích", errors) is None
    assert "chỉ dùng chữ số 0–9" in errors[0].message


@pytest.mark.django_db
def test_a_chosen_id_in_other_digits_is_not_taken_for_that_id(tree):
    from units.models import Organisation

    class ChoiceForm(VnMessagesMixin, forms.Form):
        organisation = forms.ModelChoiceField(queryset=Organisation.objects.all())

    pk = str(tree["A.BV"].pk)
    arabic = pk.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert ChoiceForm({"organisation": pk}).is_valid()
    forged = ChoiceForm({"organisation": arabic})
    assert not forged.is_valid() and "Lựa chọn không hợp lệ" in forged.errors["organisation"][0]
