"""Audit rows in the admin, read-only like everything there (common/admin.py)."""

from django.contrib import admin

from common.admin import ReadOnlyAdmin
from reports.models import ReportEvent


@admin.register(ReportEvent)
class ReportEventAdmin(ReadOnlyAdmin):
    list_display = ["at", "report_id", "actor", "action", "target_label"]
    list_filter = ["action"]
    list_select_related = ["actor"]
