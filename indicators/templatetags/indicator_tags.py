"""What the indicators app adds to other apps' pages, through template tags (so that campaigns
never imports indicators): the plan's indicator table, built from the data."""

from django import template

from indicators import selectors

register = template.Library()


@register.inclusion_tag("indicators/_campaign_indicator_table.html", takes_context=True)
def indicator_table(context, campaign, section=None):
    return {"campaign": campaign, "section": section, "rows": selectors.campaign_indicators(campaign),
            "can_edit": context.get("can_edit", False)}


@register.inclusion_tag("indicators/_campaign_indicator_list.html", takes_context=True)
def indicator_list(context, campaign):
    """Key targets written as running text ("+ Tỷ lệ … ≤11,88%."), as seed 000 prints them."""
    rows = [row for row in selectors.campaign_indicators(campaign) if not row.is_group]
    return {"campaign": campaign, "rows": rows, "can_edit": context.get("can_edit", False)}


@register.inclusion_tag("indicators/_bar.html")
def progress_bar(value, achieved=None):
    return {"value": value, "achieved": achieved}


@register.inclusion_tag("indicators/_status.html")
def verdict_badge(evaluation):
    return {"evaluation": evaluation}
