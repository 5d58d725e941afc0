"""Password rules (units/passwords.py): common and guessable passwords, absurd lengths and the demo
password are refused with Vietnamese messages, wherever a password is set."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import PASSWORD
from units.models import User
from units.passwords import DEMO_PASSWORD


def refused(password, user=None) -> str:
    with pytest.raises(ValidationError) as caught:
        validate_password(password, user)
    return " ".join(caught.value.messages)


@pytest.mark.parametrize("password", [
    "matkhau123", "thidua2026", "Thidua@123", "Mật-khẩu@2026", "Admin@123", "Yte@12345", "SoYTe2026!",
    "qwerty123456", "12345678a@", "ｍａｔｋｈａｕ１２３",
])
def test_guessable_passwords_are_refused(password):
    assert "dễ đoán" in refused(password) or "phổ biến" in refused(password)


def test_common_passwords_from_djangos_list_are_refused():
    assert "phổ biến" in refused("iloveyou1")


def test_the_users_own_name_is_refused():
    user = User(username="nguyenvana", full_name="Nguyễn Văn A")
    assert "dễ đoán" in refused("Nguyenvana@2026", user)


def test_absurd_lengths_are_refused():
    assert "tối đa 128 ký tự" in refused("Cụm-từ-riêng-" + "x" * 200)


def test_the_demo_password_is_refused_with_debug_off(settings):
    settings.DEBUG = False
    assert "dữ liệu minh họa" in refused(DEMO_PASSWORD)


@pytest.mark.parametrize("password", ["Hoa-sen-nở-sớm-7", "Xk9!27#qLm", PASSWORD])
def test_ordinary_passphrases_pass(password):
    validate_password(password)


@pytest.mark.django_db
def test_the_change_password_page_says_why_and_keeps_the_old_one(login, cast):
    client = login(cast["staff"])
    response = client.post(reverse("password_change"), {
        "old_password": PASSWORD, "new_password1": "Thidua@123", "new_password2": "Thidua@123"})
    assert response.status_code == 200
    assert "dễ đoán" in response.content.decode()
    cast["staff"].refresh_from_db()
    assert cast["staff"].check_password(PASSWORD)


@pytest.mark.django_db
def test_the_rules_speak_beside_the_new_password(login, cast):
    response = login(cast["staff"]).post(reverse("password_change"), {
        "old_password": PASSWORD, "new_password1": "matkhau123", "new_password2": "matkhau123"})
    form = response.context["form"]
    assert "new_password1" in form.errors and "new_password2" not in form.errors


@pytest.mark.django_db
def test_the_secretariat_sees_a_paused_account_and_the_reset_lifts_it(client, login, cast):
    for _ in range(5):
        client.post(reverse("login"), {"username": "dv.bv", "password": "sai"})
    secretariat = login(cast["secretariat"])
    page = secretariat.get(reverse("units:account-detail", args=[cast["staff"].pk])).content.decode()
    assert "Tạm dừng đăng nhập đến" in page
    secretariat.post(reverse("units:account-reset-password", args=[cast["staff"].pk]))
    page = secretariat.get(reverse("units:account-detail", args=[cast["staff"].pk])).content.decode()
    assert "Tạm dừng đăng nhập đến" not in page
