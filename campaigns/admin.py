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
    list_display = ["at", "campaign", "actor", "action", "target_label"]
