"""The layout's contextual "Hướng dẫn" link and the manual's step markup."""

import re

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from common import help as manual

register = template.Library()

_UI = re.compile(r"«(.+?)»")


@register.simple_tag(takes_context=True)
def help_href(context) -> str:
    """The manual's task for the page being shown, on a role page of the user's roles."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    nav = context.get("nav")
    roles = nav.get("roles", set()) if nav else set()
    guide, task = manual.help_target(match.view_name if match else None, roles)
    url = reverse("help:role", args=[guide.slug])
    return f"{url}#{task}" if task else url


@register.filter
def help_markup(text: str) -> str:
    """«…» (a button or menu entry as the screen names it) in bold; everything else escaped."""
    return mark_safe(_UI.sub(r"<strong>\1</strong>", escape(text)))


@register.filter
def get_task(tasks: dict, slug: str):
    return tasks[slug]
