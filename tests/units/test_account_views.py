"""Account management pages and the user's own password."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD
from units.access import SYSTEM
from units.models import Membership, User

pytestmark = pytest.mark.django_db


def test_secretariat_lists_only_accounts_of_its_tree(login, tree, cast):
    content = login(cast["secretariat"]).get(reverse("units:account-list")).content.decode()
    assert "dv.bv" in content and "tdv.bv" in content
    assert "tt.b" not in content  # the other issuer's secretariat
    assert ">qt<" not in content   # administrators are not listed for a secretariat


@pytest.mark.parametrize(("who", "target", "status"), [
    ("secretariat", "staff", 200), ("outsider", "staff", 404), ("staff", "head", 404), ("admin", "outsider", 200),
])
def test_account_detail_scope(login, cast, who, target, status):
    assert login(cast[who]).get(reverse("units:account-detail", args=[cast[target].pk])).status_code == status


def test_create_account_shows_the_temporary_password_once(login, tree, cast):
    client = login(cast["secretariat"])
    response = client.post(reverse("units:account-create"), {
        "username": "nhanvien.moi", "full_name": "Nhân Viên Mới", "email": "moi@example.vn",
        "organisation": tree["A.TT.TYT"].pk, "role": "unit_staff"})
    account = User.objects.get(username="nhanvien.moi")
    assert response["Location"] == account.get_absolute_url()
    first = client.get(account.get_absolute_url()).content.decode()
    assert "Mật khẩu tạm" in first
    assert "Mật khẩu tạm:" not in client.get(account.get_absolute_url()).content.decode()


def test_create_account_refuses_a_role_the_secretariat_cannot_grant(login, tree, cast):
    response = login(cast["secretariat"]).post(reverse("units:account-create"), {
        "username": "ld.moi", "full_name": "Lãnh Đạo", "organisation": tree["A"].pk, "role": "leader"})
    assert response.status_code == 200
    assert not User.objects.filter(username="ld.moi").exists()
    assert 'value="Lãnh Đạo"' in response.content.decode()


def test_create_account_rejects_a_bad_username_in_vietnamese(login, tree, cast):
    response = login(cast["secretariat"]).post(reverse("units:account-create"), {
        "username": "người dùng", "full_name": "X", "organisation": tree["A.BV"].pk, "role": "unit_staff"})
    assert "Chỉ dùng chữ không dấu" in response.content.decode()


def test_grant_revoke_deactivate_and_reset(login, tree, cast):
    client = login(cast["secretariat"])
    staff = cast["staff"]
    client.post(reverse("units:account-grant", args=[staff.pk]),
                {"organisation": tree["A"].pk, "role": "council_member"})
    assert Membership.objects.filter(user=staff, role="council_member").exists()
    membership = Membership.objects.get(user=staff, role="council_member")
    client.post(reverse("units:account-revoke", args=[staff.pk, membership.pk]))
    assert not Membership.objects.filter(pk=membership.pk).exists()
    client.post(reverse("units:account-set-active", args=[staff.pk]), {"active": "0"})
    staff.refresh_from_db()
    assert not staff.is_active
    client.post(reverse("units:account-reset-password", args=[staff.pk]))
    staff.refresh_from_db()
    assert staff.must_change_password


def test_outsider_posts_are_404(login, tree, cast):
    client = login(cast["outsider"])
    assert client.post(reverse("units:account-set-active", args=[cast["staff"].pk]), {"active": "0"}).status_code == 404
    cast["staff"].refresh_from_db()
    assert cast["staff"].is_active


def test_everyone_changes_their_own_password(client, cast):
    assert client.login(username="dv.bv", password=PASSWORD)
    response = client.post(reverse("password_change"), {
        "old_password": PASSWORD, "new_password1": "Mat-khau-moi-2026", "new_password2": "Mat-khau-moi-2026"})
    assert response.status_code == 302
    client.logout()
    assert client.login(username="dv.bv", password="Mat-khau-moi-2026")


def test_wrong_old_password_is_refused_in_vietnamese(login, cast):
    response = login(cast["staff"]).post(reverse("password_change"), {
        "old_password": "sai", "new_password1": "Mat-khau-moi-2026", "new_password2": "Mat-khau-moi-2026"})
    assert response.status_code == 200
    assert "Mật khẩu cũ" in response.content.decode()


def test_a_temporary_password_only_opens_the_change_page(client, tree, cast):
    from units import services

    password = services.reset_password(by=cast["secretariat"], account=cast["staff"])
    assert client.login(username="dv.bv", password=password)
    response = client.get(reverse("campaigns:campaign-list"))
    assert response.status_code == 302 and response["Location"] == reverse("password_change")
    client.post(reverse("password_change"), {
        "old_password": password, "new_password1": "Mat-khau-moi-2026", "new_password2": "Mat-khau-moi-2026"})
    assert client.get(reverse("campaigns:campaign-list")).status_code == 200


def test_login_page_speaks_vietnamese(client, cast):
    response = client.post(reverse("login"), {"username": "dv.bv", "password": "sai"})
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()


def test_usernames_match_whatever_their_case(client, cast):
    response = client.post(reverse("login"), {"username": "DV.BV", "password": PASSWORD})
    assert response.status_code == 302


def test_a_locked_account_is_told_it_is_locked_and_its_sessions_end(client, cast):
    from units import services

    assert client.login(username="dv.bv", password=PASSWORD)
    services.set_account_active(by=cast["secretariat"], account=cast["staff"], active=False)
    assert client.get(reverse("home")).status_code == 302  # the open session no longer authenticates
    response = client.post(reverse("login"), {"username": "dv.bv", "password": PASSWORD})
    assert response.status_code == 200 and "Tài khoản này đã bị khóa" in response.content.decode()


def test_the_new_password_must_differ_from_the_temporary_one(client, cast):
    from units import services

    password = services.reset_password(by=cast["secretariat"], account=cast["staff"])
    client.post(reverse("login"), {"username": "dv.bv", "password": password})
    response = client.post(reverse("password_change"), {
        "old_password": password, "new_password1": password, "new_password2": password})
    assert "Mật khẩu mới phải khác mật khẩu đang dùng" in response.content.decode()


def test_password_rules_speak_vietnamese(login, cast):
    response = login(cast["staff"]).post(reverse("password_change"), {
        "old_password": PASSWORD, "new_password1": "ngan", "new_password2": "ngan"})
    content = response.content.decode()
    assert "Mật khẩu quá ngắn" in content and "too short" not in content


def test_an_account_can_start_from_a_person_page(login, tree, cast):
    from tests.factories import make_person

    person = make_person(tree["A.TT.TYT"], "Lý Thị Hạnh", "NV88", email="hanh@example.vn")
    client = login(cast["secretariat"])
    assert f"?person={person.pk}" in client.get(person.get_absolute_url()).content.decode()
    content = client.get(reverse("units:account-create"), {"person": person.pk}).content.decode()
    assert 'value="Lý Thị Hạnh"' in content and 'value="NV88"' in content
    outsider_view = login(cast["outsider"]).get(reverse("units:account-create"), {"person": person.pk})
    assert "Lý Thị Hạnh" not in outsider_view.content.decode()


def test_repeated_wrong_passwords_pause_the_username(client, cast):
    for _ in range(5):
        client.post(reverse("login"), {"username": "dv.bv", "password": "sai"})
    response = client.post(reverse("login"), {"username": "dv.bv", "password": PASSWORD})
    assert "Đăng nhập sai quá nhiều lần" in response.content.decode()


def test_two_accounts_cannot_share_an_email(tree, cast):
    from django.core.exceptions import ValidationError

    from units import services

    services.create_account(by=SYSTEM, username="a1", full_name="A", email="chung@example.vn",
                            organisation=tree["A.BV"], role="unit_staff")
    with pytest.raises(ValidationError):
        services.create_account(by=SYSTEM, username="a2", full_name="B", email="CHUNG@example.vn",
                                organisation=tree["A.BV"], role="unit_staff")


def test_a_bloc_has_one_head(tree, cast):
    from django.core.exceptions import ValidationError

    from units import services

    bloc = services.create_bloc(by=SYSTEM, organiser=tree["A"], name="Khối")
    services.set_bloc_member(by=SYSTEM, bloc=bloc, organisation=tree["A.BV"], role="head")
    with pytest.raises(ValidationError):
        services.set_bloc_member(by=SYSTEM, bloc=bloc, organisation=tree["A.TT"], role="head")
