"""Vietnamese formatting for templates, loaded as a builtin (settings.TEMPLATES)."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from common import text
from common.urls import reverse_ids

register = template.Library()


@register.filter
def so(value, decimals=None):
    """Quantities the Vietnamese way: 1234567.5 → 1.234.567,5."""
    try:
        return text.format_number(value, None if decimals in (None, "") else int(decimals))
    except (TypeError, ValueError, ArithmeticError):
        return value


@register.filter
def ngay(value):
    """dd/mm/yyyy (dates) or HH:MM dd/mm/yyyy (datetimes)."""
    return text.format_date(value)


@register.filter
def hai_so(value):
    """Administrative counts: 5 → 05."""
    return text.two_digits(value)


_EMPHASIS = re.compile(r"\*(?=\S)([^*\n]+?)(?<=\S)\*")


@register.filter(needs_autoescape=False)
def doc_paragraphs(value):
    """Plain document text → paragraphs. User text is escaped first; *x* becomes italic."""
    if not value:
        return ""
    paragraphs = []
    for line in str(value).splitlines():
        line = line.strip()
        if not line:
            continue
        html = _EMPHASIS.sub(r"<em>\1</em>", escape(line))
        paragraphs.append(f"<p>{html}</p>")
    return mark_safe("\n".join(paragraphs))


@register.simple_tag(takes_context=True)
def querystring_replace(context, **kwargs):
    """Current query string with some keys replaced (for pagination and filter links). An empty
    value leaves its key as it is: `tab=pagination_tab` keeps the page's tab unless one is given."""
    query = context["request"].GET.copy()
    for key, value in kwargs.items():
        if value not in (None, ""):
            query[key] = value
    return "?" + query.urlencode() if query else "?"


@register.filter
def end_dot(value):
    """Close a sentence with a period unless it already ends in punctuation (as the plans print)."""
    text = str(value or "").rstrip()
    if not text or text[-1] in ".:;!?…":
        return text
    return text + "."


@register.simple_tag
def url_ids(name, *ids):
    """{% url %} for links written once per row, whose arguments are ids (common/urls.py)."""
    return reverse_ids(name, *ids)
