"""Audit rows in the admin, read-only like everything there (common/admin.py). The rows' own
links are shown as ids: they outlive what they describe (a deleted draft nomination)."""

from django.contrib import admin

from awards.models import AwardEvent, NominationEvent
from common.admin import ReadOnlyAdmin


@admin.register(NominationEvent)
class NominationEventAdmin(ReadOnlyAdmin):
    list_display = ["at", "proposal_id", "nomination_id", "actor", "action", "from_state", "to_state", "target_label"]
    list_filter = ["action"]
    list_select_related = ["actor"]


@admin.register(AwardEvent)
class AwardEventAdmin(ReadOnlyAdmin):
    list_display = ["at", "issuer_id", "actor", "action", "target_type", "target_label"]
    list_filter = ["action"]
    list_select_related = ["actor"]
