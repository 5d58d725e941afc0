"""Audit rows in the admin, read-only like everything there (common/admin.py)."""

from django.contrib import admin

from common.admin import ReadOnlyAdmin
from indicators.models import SubmissionEvent


@admin.register(SubmissionEvent)
class SubmissionEventAdmin(ReadOnlyAdmin):
    list_display = ["at", "submission_id", "actor", "action", "target_label"]
    list_filter = ["action"]
    list_select_related = ["actor"]
