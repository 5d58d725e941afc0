"""Django's password validators with the messages in Vietnamese (the stock vi catalogue leaves
some of them in English)."""

import unicodedata

from django.contrib.auth import password_validation as stock
from django.core.exceptions import ValidationError


class MinimumLengthValidator(stock.MinimumLengthValidator):
    def validate(self, password, user=None):
        if len(password) < self.min_length:
            raise ValidationError(f"Mật khẩu quá ngắn: cần ít nhất {self.min_length} ký tự.", code="password_too_short")

    def get_help_text(self):
        return f"Mật khẩu có ít nhất {self.min_length} ký tự."


class CommonPasswordValidator(stock.CommonPasswordValidator):
    """Django's list of 20.000 common passwords, compared as typed in any Unicode form."""

    def validate(self, password, user=None):
        if unicodedata.normalize("NFKC", password).lower().strip() in self.passwords:
            raise ValidationError("Mật khẩu này quá phổ biến, dễ bị đoán.", code="password_too_common")

    def get_help_text(self):
        return "Không dùng mật khẩu phổ biến."


class NumericPasswordValidator(stock.NumericPasswordValidator):
    def validate(self, password, user=None):
        if password.isdigit():
            raise ValidationError("Mật khẩu không được chỉ gồm chữ số.", code="password_entirely_numeric")

    def get_help_text(self):
        return "Mật khẩu không chỉ gồm chữ số."


class UserAttributeSimilarityValidator(stock.UserAttributeSimilarityValidator):
    def validate(self, password, user=None):
        try:
            super().validate(password, user)
        except ValidationError as exc:
            raise ValidationError("Mật khẩu quá giống tên đăng nhập, họ tên hoặc địa chỉ thư điện tử.",
                                  code="password_too_similar") from exc

    def get_help_text(self):
        return "Mật khẩu không được giống tên đăng nhập, họ tên hay thư điện tử."


# The demo accounts' password (devtools/demo/units.py): fine on a laptop, never on a server with DEBUG off.
DEMO_PASSWORD = "demo12345"
MAX_LENGTH = 128

# Words people build passwords from here, with digits and a symbol around them ("Thidua@123",
# "matkhau2026", "Yte@123"): the words of this office's work, the words for password, login and
# admin, keyboard runs. Compared without diacritics, case, digits or symbols.
GUESSABLE_WORDS = frozenset([
    "matkhau", "pass", "password", "passwd", "passw0rd", "admin", "administrator", "quantri", "quantrivien",
    "root", "user", "nguoidung", "taikhoan", "dangnhap", "login", "welcome", "hello", "xinchao", "demo",
    "test", "thu", "thidua", "khenthuong", "thiduakhenthuong", "tdkt", "hoidong", "thuongtruc", "soyte",
    "yte", "boyte", "benhvien", "bv", "trungtam", "ttyt", "tramyte", "tyt", "phongkham", "bacsi", "yta",
    "ubnd", "uyban", "tinh", "huyen", "xa", "congty", "coquan", "donvi", "vanthu", "lanhdao", "giamdoc",
    "vietnam", "hanoi", "saigon", "hochiminh", "thainguyen", "kontum", "baria", "vungtau", "dongthap",
    "hongngu", "chauthanh", "anhyeuem", "emyeuanh", "yeuem", "iloveyou", "abc", "abcd", "abcde", "abcdef",
    "abcdefg", "abcdefgh", "qwerty", "qwertyuiop", "asdf", "asdfgh", "asdfghjkl", "zxcv", "zxcvbn", "zxcvbnm",
    "qaz", "qazwsx",
])


def letters_only(text: str) -> str:
    """"Thidua@2026" → "thidua"; "Mật-khẩu!9" → "matkhau"."""
    from common.text import normalise_search

    return "".join(ch for ch in normalise_search(text) if ch.isalpha() and ch.isascii())


class MaximumLengthValidator:
    """Passwords longer than anyone types are refused: hashing megabytes on every login is work
    an attacker could make us do."""

    def __init__(self, max_length: int = MAX_LENGTH):
        self.max_length = max_length

    def validate(self, password, user=None):
        if len(password) > self.max_length:
            raise ValidationError(f"Mật khẩu quá dài: tối đa {self.max_length} ký tự.", code="password_too_long")

    def get_help_text(self):
        return f"Mật khẩu có tối đa {self.max_length} ký tự."


class GuessablePasswordValidator:
    """A common word, the user's own name, or barely any letters, dressed up with digits and
    symbols; and the demo password whenever DEBUG is off."""

    def validate(self, password, user=None):
        from django.conf import settings

        if password == DEMO_PASSWORD and not settings.DEBUG:
            raise ValidationError("Không dùng mật khẩu của dữ liệu minh họa.", code="password_demo")
        core = letters_only(password)
        own = {letters_only(getattr(user, name, "") or "") for name in ("username", "full_name")} - {""}
        if len(set(core)) < 3 or core in GUESSABLE_WORDS or core in own:
            raise ValidationError(
                "Mật khẩu dễ đoán: một từ quen thuộc (như “matkhau”, “thidua”, tên đăng nhập) hoặc quá ít chữ "
                "cái, thêm vài chữ số, ký hiệu. Hãy chọn một cụm từ riêng của bạn.", code="password_guessable")

    def get_help_text(self):
        return "Mật khẩu không dựa trên từ quen thuộc, tên đăng nhập hay họ tên."
