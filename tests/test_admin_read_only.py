"""The Django admin only shows: changes go through the application's services (checked, audited,
figures kept fresh), so nothing in the admin adds, changes or deletes, even for a superuser."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from units.models import Organisation, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def root(tree):
    return User.objects.create_superuser("sieuquantri", "root@example.vn", "Mat-khau-rat-dai-2026")


def test_no_registered_model_can_be_added_changed_or_deleted(root):
    request = RequestFactory().get("/quan-tri-django/")
    request.user = root
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label
        assert not model_admin.has_add_permission(request), label
        assert not model_admin.has_change_permission(request), label
        assert not model_admin.has_delete_permission(request), label
        assert "delete_selected" not in model_admin.get_actions(request), label
        for inline in model_admin.get_inline_instances(request):
            assert not (inline.has_add_permission(request, None) or inline.has_change_permission(request)
                        or inline.has_delete_permission(request)), label


def test_a_superuser_can_read_but_posts_change_nothing(client, root, tree, cast):
    client.force_login(root)
    organisation = tree["A.BV"]
    change = reverse("admin:units_organisation_change", args=[organisation.pk])
    assert client.get(change).status_code == 200
    response = client.post(change, {"name": "Đổi tên qua quản trị", "code": organisation.code})
    assert response.status_code == 403
    delete = reverse("admin:units_organisation_delete", args=[organisation.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    changelist = reverse("admin:units_organisation_changelist")
    client.post(changelist, {"action": "delete_selected", "_selected_action": [organisation.pk], "post": "yes"})
    organisation.refresh_from_db()
    assert organisation.name != "Đổi tên qua quản trị"
    account = User.objects.get(username="dv.bv")
    password = reverse("admin:auth_user_password_change", args=[account.pk])
    assert client.post(password, {"password1": "x-Mat-khau-2026", "password2": "x-Mat-khau-2026"}).status_code == 403
    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_the_admin_sends_its_own_password_change_to_the_applications_page(client, root):
    client.force_login(root)
    response = client.get(reverse("admin:password_change"))
    assert response.status_code == 302 and response["Location"] == reverse("password_change")
    user_page = client.get(reverse("admin:units_user_change", args=[root.pk])).content.decode()
    assert "Reset password" not in user_page and "password/" not in user_page
