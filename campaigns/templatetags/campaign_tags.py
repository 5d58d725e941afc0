"""What campaigns add to the pages of units (an organisation's campaigns, a bloc's pledges),
through inclusion tags so that units never imports campaigns."""

from django import template
from django.utils.html import format_html

from campaigns import formatting, selectors
from campaigns.models import Campaign, Pledge

register = template.Library()


@register.inclusion_tag("campaigns/_organisation_campaigns.html", takes_context=True)
def organisation_campaigns(context, organisation):
    return {"participations": selectors.organisation_campaigns(context["request"].user, organisation)}


@register.inclusion_tag("campaigns/_bloc_pledges.html", takes_context=True)
def bloc_pledges(context, bloc):
    visible = Campaign.objects.visible_to(context["request"].user).values("pk")
    pledges = Pledge.objects.filter(bloc=bloc, campaign__in=visible).select_related("campaign")
    return {"pledges": list(pledges.order_by("-signed_on", "-id"))}


@register.simple_tag
def quota_text(quotas: dict, note: str = ""):
    return formatting.quota_text(quotas.get("collective"), quotas.get("individual"), note)


@register.simple_tag
def status_badge(status: str):
    from campaigns.lifecycle import Status

    colours = {
        Status.DRAFT: "secondary", Status.ISSUED: "info", Status.IN_PROGRESS: "primary",
        Status.UNDER_REVIEW: "warning", Status.CLOSED: "dark",
    }
    return format_html('<span class="badge text-bg-{}">{}</span>', colours.get(status, "secondary"),
                       Status(status).label)
