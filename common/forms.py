"""Form widgets and fields for Vietnamese input conventions, and the reading of ids posted or put
in a query string outside a form."""

import re

from django import forms
from django.core import validators

from common.plausible import (
    DATE_RANGE_MESSAGE,
    DIGITS_MESSAGE,
    NonAsciiDigit,
    ascii_digits,
    is_plausible_date,
)
from common.text import format_number

_ID = re.compile(r"[0-9]{1,18}")


def parse_id(value) -> int | None:
    """An id from a query string or a hidden field: ASCII digits that fit a database key, else None.

    str.isdigit() is not enough: it accepts "²", which int() refuses, and "١", which int() reads
    as 1; a 5.000-digit string is more than int() will read at all."""
    return int(value) if isinstance(value, str) and _ID.fullmatch(value) else None


def parse_ids(values) -> list[int]:
    return [pk for pk in map(parse_id, values) if pk is not None]


class VnDateInput(forms.DateInput):
    """Text date input in dd/mm/yyyy, what offices type (the browser's date picker varies by locale)."""

    def __init__(self, attrs=None):
        attrs = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off", **(attrs or {})}
        super().__init__(attrs=attrs, format="%d/%m/%Y")


class VnDateField(forms.DateField):
    """A date typed as dd/mm/yyyy, within the years an office can mean (common.plausible): every
    date of every form, so that 31/12/9999 is refused next to the field, not stored."""

    widget = VnDateInput
    default_error_messages = {"invalid": "Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 05/01/2026.",
                              "implausible": DATE_RANGE_MESSAGE}

    def to_python(self, value):
        # strptime reads "٢٠٢٦" as a year: the digits are settled before it sees them.
        day = super().to_python(_typed_digits(value))
        if day is not None and not is_plausible_date(day):
            raise forms.ValidationError(self.error_messages["implausible"], code="implausible")
        return day


def _typed_digits(value):
    """A typed value with its digits made 0–9 (common.plausible), or the field's refusal."""
    if not isinstance(value, str):
        return value
    try:
        return ascii_digits(value)
    except NonAsciiDigit as exc:
        raise forms.ValidationError(DIGITS_MESSAGE, code="invalid") from exc


class ReasonField(forms.CharField):
    """The reason a change to an issued plan must carry."""

    def __init__(self, *, required: bool = False, **kwargs):
        kwargs.setdefault("label", "Lý do điều chỉnh")
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 2}))
        kwargs.setdefault("help_text", "Bắt buộc khi kế hoạch đã ban hành; được ghi vào lịch sử.")
        super().__init__(required=required, **kwargs)


def too_long(limit: int, length: int) -> str:
    """The message beside a text longer than its field holds: it is refused, never cut, and the
    person sees by how much ("Tối đa 20.000 ký tự (đã nhập 25.000).")."""
    return f"Tối đa {format_number(limit)} ký tự (đã nhập {format_number(length)})."


class VnMaxLengthValidator(validators.MaxLengthValidator):
    """Django's check with too_long's message (its own prints 20000, not 20.000)."""

    def __call__(self, value):
        if len(value) > self.limit_value:
            raise forms.ValidationError(too_long(self.limit_value, len(value)), code="max_length")


def vn_max_length(field: forms.Field) -> None:
    """Give a text field's length limit the Vietnamese message, wherever the limit came from (the
    form's max_length or the model's)."""
    field.validators = [VnMaxLengthValidator(v.limit_value) if type(v) is validators.MaxLengthValidator else v
                        for v in field.validators]


def apply_service_errors(form: forms.Form, error) -> None:
    """Put a service's ValidationError next to the fields it names (or on top of the form)."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


class FilterFormMixin:
    """Bootstrap classes for filter forms whose fields are laid out by hand in the template."""

    def style_fields(self) -> None:
        for field in self.fields.values():
            widget = field.widget
            is_select = getattr(widget, "input_type", "") == "select" or widget.__class__.__name__ == "Select"
            css = "form-select" if is_select else "form-control"
            widget.attrs.setdefault("class", css)


class _StoredFile:
    """How a stored file shows in a form: its own name, linked through the checking view."""

    def __init__(self, value, url: str):
        self.url = url
        self.name = value.name.rsplit("/", 1)[-1]

    def __str__(self) -> str:
        return self.name


class ProtectedFileInput(forms.ClearableFileInput):
    """A file input whose "currently" link goes through a view that checks access, never to
    the storage URL (files are not served directly)."""

    def __init__(self, *args, download_url: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.download_url = download_url

    def format_value(self, value):
        if self.is_initial(value):
            return _StoredFile(value, self.download_url)
        return None


_VN_GROUPED = re.compile(r"[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?")     # 2.340.000 / 1.234,5
_VN_PLAIN = re.compile(r"[0-9]+(,[0-9]+)?")                         # 0,3 / 15 / 2340000
_DOT_DECIMAL = re.compile(r"[0-9]+\.[0-9]+")                        # 0.3: English, or a typo


class VnDecimalField(forms.DecimalField):
    """A decimal typed as Vietnamese offices write it: "0,3", "2.340.000", "1.234,5".

    "0.3" is refused with a message rather than guessed, as on the results grid: the dot groups
    thousands, so it is either 0,3 or a malformed 300. VnMessagesMixin turns every DecimalField
    of a form into this one."""

    default_error_messages = {"invalid": "Nhập một số theo cách viết Việt Nam, ví dụ 0,3 hoặc 2.340.000."}

    def to_python(self, value):
        value = _typed_digits(value)
        if isinstance(value, str):
            raw = value.strip().replace("\u00a0", "").replace(" ", "")
            sign = ""
            if raw[:1] in ("-", "−"):
                sign, raw = "-", raw[1:]
            if _VN_GROUPED.fullmatch(raw):
                value = sign + raw.replace(".", "").replace(",", ".")
            elif _VN_PLAIN.fullmatch(raw):
                value = sign + raw.replace(",", ".")
            elif _DOT_DECIMAL.fullmatch(raw):
                raise forms.ValidationError(
                    f"“{value.strip()}”: phần thập phân dùng dấu phẩy (ví dụ 0,3); dấu chấm chỉ để tách hàng nghìn.",
                    code="invalid")
            elif raw:
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        # Now in Python's notation, which the localized reading below leaves as it is.
        return super().to_python(value)


def _vn_decimal(field: forms.DecimalField) -> None:
    """Make a form's DecimalField read and show Vietnamese numbers, keeping its limits and
    validators (the model's max_digits among them): a text box, since a browser's number box
    refuses the decimal comma."""
    field.__class__ = VnDecimalField
    field.localize = True
    attrs = {k: v for k, v in field.widget.attrs.items() if k not in ("step", "min", "max")}
    field.widget = forms.TextInput(attrs={**attrs, "inputmode": "decimal"})
    field.widget.is_localized = True
    field.error_messages["invalid"] = VnDecimalField.default_error_messages["invalid"]


class VnIntegerField(forms.IntegerField):
    """A whole number with the digit policy of common.plausible: Django's own field hands the
    text to int(), which reads "٣" as 3. VnMessagesMixin turns every IntegerField into this one."""

    def to_python(self, value):
        return super().to_python(_typed_digits(value))


NUMBER_MESSAGES = {
    "invalid": "Nhập một số nguyên (chỉ gồm chữ số).",
    "min_value": "Giá trị phải từ %(limit_value)s trở lên.",
    "max_value": "Giá trị không được lớn hơn %(limit_value)s.",
}


def _ascii_id_choice(field: forms.ModelChoiceField):
    """The field's to_python, refusing a value with digits other than 0–9: the page renders ids
    in ASCII, and the database would read a forged "٣" as the id 3. (A multiple choice already
    refuses it: "٣" is not the "3" of the rows found.)"""
    read = field.to_python

    def to_python(value):
        if isinstance(value, str) and any(ch.isdecimal() and not ch.isascii() for ch in value):
            raise forms.ValidationError(field.error_messages["invalid_choice"], code="invalid_choice")
        return read(value)

    return to_python


class VnMessagesMixin:
    """Clear Vietnamese messages where Django's own catalogue is awkward ("Nhập một số tổng thể"),
    decimals read the Vietnamese way (VnDecimalField), and every number, date and chosen id with
    the digit policy of common.plausible. Messages a form declared itself are kept."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        stock = {key: str(value) for key, value in forms.IntegerField.default_error_messages.items()}
        for field in self.fields.values():
            if isinstance(field, (forms.ChoiceField, forms.ModelChoiceField)):
                # A forged or stale value (another unit's id in the page source) gets a plain answer.
                field.error_messages["invalid_choice"] = "Lựa chọn không hợp lệ: hãy chọn lại trong danh sách."
                if isinstance(field, forms.ModelMultipleChoiceField):
                    field.error_messages["invalid_pk_value"] = "Lựa chọn không hợp lệ: hãy chọn lại trong danh sách."
                elif isinstance(field, forms.ModelChoiceField):
                    field.to_python = _ascii_id_choice(field)
            if isinstance(field, forms.DecimalField) and not isinstance(field, VnDecimalField):
                _vn_decimal(field)
            if isinstance(field, forms.CharField):
                vn_max_length(field)
            if type(field) is forms.IntegerField:
                field.__class__ = VnIntegerField
            if isinstance(field, forms.IntegerField):
                for key, message in NUMBER_MESSAGES.items():
                    current = field.error_messages.get(key)
                    if current is None or str(current) == stock.get(key):
                        field.error_messages[key] = message
