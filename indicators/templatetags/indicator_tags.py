"""The indicator table slot on the campaign plan page (campaigns templates load this library).

The indicators issue fills it from the campaign's indicators; until then the slot says where
the table will appear, so the plan never carries the table typed into its prose.
"""

from django import template

register = template.Library()


@register.inclusion_tag("indicators/_campaign_indicator_table.html")
def indicator_table(campaign, section=None):
    return {"campaign": campaign, "section": section}
