from django.contrib import admin

from campaigns.models import Campaign, CampaignEvent
from common.admin import ReadOnlyAdmin


@admin.register(Campaign)
class CampaignAdmin(ReadOnlyAdmin):
    list_display = ["title", "issuer", "year", "status"]
    list_filter = ["status", "year"]
    search_fields = ["search_text"]


@admin.register(CampaignEvent)
class CampaignEventAdmin(ReadOnlyAdmin):
    # The campaign's id, not the campaign: a deleted draft's rows stay and must still be listed,
    # and the admin's own select_related would join them away.
    list_display = ["at", "campaign_id", "actor", "action", "target_label"]
    list_select_related = ["actor"]
