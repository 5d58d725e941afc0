"""Django's password validators with the messages in Vietnamese (the stock vi catalogue leaves
some of them in English)."""

from django.contrib.auth import password_validation as stock
from django.core.exceptions import ValidationError


class MinimumLengthValidator(stock.MinimumLengthValidator):
    def validate(self, password, user=None):
        if len(password) < self.min_length:
            raise ValidationError(f"Mật khẩu quá ngắn: cần ít nhất {self.min_length} ký tự.", code="password_too_short")

    def get_help_text(self):
        return f"Mật khẩu có ít nhất {self.min_length} ký tự."


class CommonPasswordValidator(stock.CommonPasswordValidator):
    def validate(self, password, user=None):
        if password.lower().strip() in self.passwords:
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
            raise ValidationError("Mật khẩu quá giống tên đăng nhập hoặc họ tên.", code="password_too_similar") from exc

    def get_help_text(self):
        return "Mật khẩu không được giống tên đăng nhập, họ tên hay thư điện tử."
