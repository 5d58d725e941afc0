"""The electronic dossier's download button on a proposal's page (awards may not import reports)."""

from django import template

from reports import dossier
from units import access

register = template.Library()


@register.inclusion_tag("reports/_dossier_export.html", takes_context=True)
def dossier_export_button(context, proposal):
    user = context["request"].user
    shown = access.can(user, "nomination.review", proposal.campaign.issuer) and dossier.exportable(proposal)
    return {"shown": shown, "proposal": proposal}
