from django.contrib import admin

from campaigns.models import Campaign, CampaignEvent


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    # Read-only: changes go through the app's pages so that they are audited.
    list_display = ["title", "issuer", "year", "status"]
    list_filter = ["status", "year"]
    search_fields = ["search_text"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CampaignEvent)
class CampaignEventAdmin(admin.ModelAdmin):
    list_display = ["at", "campaign", "actor", "action", "target_label"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
