from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from units.models import AuditEvent, Bloc, BlocMember, Membership, Organisation, Person, User


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    extra = 0
    raw_id_fields = ["organisation"]


@admin.register(User)
class AccountAdmin(UserAdmin):
    list_display = ["username", "full_name", "is_active", "is_superuser", "last_login"]
    search_fields = ["username", "full_name", "email"]
    fieldsets = UserAdmin.fieldsets + (("Thi đua", {"fields": ["full_name", "must_change_password"]}),)
    inlines = [MembershipInline]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    # Day-to-day changes go through the app's pages (services keep the tree path and the audit).
    list_display = ["name", "code", "kind", "parent", "closed_on"]
    list_filter = ["kind"]
    search_fields = ["search_text", "code"]
    readonly_fields = [f.name for f in Organisation._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["full_name", "employee_code", "organisation", "position", "is_active"]
    search_fields = ["search_text", "employee_code"]
    raw_id_fields = ["organisation", "user"]


class BlocMemberInline(admin.TabularInline):
    model = BlocMember
    extra = 0
    raw_id_fields = ["organisation"]


@admin.register(Bloc)
class BlocAdmin(admin.ModelAdmin):
    list_display = ["name", "organiser", "is_active"]
    inlines = [BlocMemberInline]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["at", "actor", "action", "target_type", "target_label"]
    list_filter = ["action"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
