"""The Django admin as a window, not a door: every change goes through the application's pages,
whose services check permissions, write the audit row and keep the figures fresh. The admin only
lists and shows (a superuser reading rows while investigating); nothing in it adds, changes or
deletes, and the bulk "delete selected" action is gone site-wide."""

from django.contrib import admin
from django.shortcuts import redirect


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def lock_down_site(site: admin.AdminSite) -> None:
    from django.contrib.auth.models import Group

    from units.forms import AdminLoginForm

    site.disable_action("delete_selected")
    # A superuser changes its own password on the application's page, which records it.
    site.password_change = lambda request, extra_context=None: redirect("password_change")
    # Same login limits as the application's own login page.
    site.login_form = AdminLoginForm
    site.site_header = site.site_title = "Thi đua – xem dữ liệu (chỉ đọc)"
    # Roles are memberships (units/access.py); Django's groups are unused and would be one more
    # way to grant permissions outside the application.
    if site.is_registered(Group):
        site.unregister(Group)
