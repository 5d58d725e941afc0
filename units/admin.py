from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from common.admin import ReadOnlyAdmin, ReadOnlyInline, lock_down_site
from units.models import AuditEvent, Bloc, BlocMember, LoginCounter, Membership, Organisation, Person, User

lock_down_site(admin.site)


class MembershipInline(ReadOnlyInline):
    model = Membership
    fk_name = "user"
    raw_id_fields = ["organisation"]


@admin.register(User)
class AccountAdmin(ReadOnlyAdmin, UserAdmin):
    # Accounts are created, granted roles, reset and locked on the application's pages (audited).
    list_display = ["username", "full_name", "is_active", "is_superuser", "last_login"]
    search_fields = ["username", "full_name", "email"]
    # Without the password hash field, whose widget links to the (refused) reset form.
    fieldsets = ((None, {"fields": ["username"]}),) + UserAdmin.fieldsets[1:] + (
        ("Thi đua", {"fields": ["full_name", "must_change_password"]}),)
    inlines = [MembershipInline]


@admin.register(Organisation)
class OrganisationAdmin(ReadOnlyAdmin):
    list_display = ["name", "code", "kind", "parent", "closed_on"]
    list_filter = ["kind"]
    search_fields = ["search_text", "code"]


@admin.register(Person)
class PersonAdmin(ReadOnlyAdmin):
    list_display = ["full_name", "employee_code", "organisation", "position", "is_active"]
    search_fields = ["search_text", "employee_code"]


class BlocMemberInline(ReadOnlyInline):
    model = BlocMember
    raw_id_fields = ["organisation"]


@admin.register(Bloc)
class BlocAdmin(ReadOnlyAdmin):
    list_display = ["name", "organiser", "is_active"]
    inlines = [BlocMemberInline]


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["at", "actor", "action", "target_type", "target_label"]
    list_filter = ["action"]
    list_select_related = ["actor"]


@admin.register(LoginCounter)
class LoginCounterAdmin(ReadOnlyAdmin):
    # To lift a pause early the secretariat resets the password on the account page.
    list_display = ["key", "failures", "last_attempt", "locked_until"]
