"""What the indicators app adds to other apps' pages, through template tags (so that campaigns
never imports indicators): the plan's indicator table, built from the data."""

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from indicators import selectors
from indicators.coverage import CONTRIBUTION, INSUFFICIENT

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


# The two below are drawn once per cell of a 300-unit table: plain format_html, not a template
# include per cell (a third of the results page's rendering).
@register.simple_tag
def progress_bar(value, achieved=None):
    """A progress bar drawn in SVG: attributes, not inline styles (Content-Security-Policy)."""
    if value is None:
        return ""
    css = "bar-ok" if achieved else "bar-no" if achieved is False else "bar-na"
    return format_html('<svg class="bar" width="100" height="10" viewBox="0 0 100 10" role="img" aria-label="{}%">'
                       '<rect width="100" height="10" rx="2" class="bar-bg"/>'
                       '<rect width="{}" height="10" rx="2" class="{}"/></svg>', value, value, css)


# Only a verdict is red or green: a total still waiting for units, or a unit's part of a total, is neutral.
VERDICT_CLASSES = {"Đạt": "text-bg-success", "Không đạt": "text-bg-danger", "Không đánh giá": "text-bg-light border",
                   INSUFFICIENT: "text-bg-light border", CONTRIBUTION: "text-bg-light border"}


@register.simple_tag
def verdict_badge(evaluation):
    status = getattr(evaluation, "status", "")
    if not status:
        return ""
    mark = " *" if status in ("Đạt", "Không đạt") and evaluation.overridden else ""
    return format_html('<span class="badge {}">{}{}</span>', VERDICT_CLASSES.get(status, "text-bg-secondary"),
                       status, mark)


@register.simple_tag
def unit_cells(cells):
    """One unit's row of the results table: a cell per indicator, green when met, red when not,
    "·" when not yet reported. 50 units × every indicator is thousands of cells a page: written
    here with plain strings and escape(), not as template markup or format_html per cell (those
    were two thirds of the dashboard's rendering)."""
    return mark_safe("".join(_unit_cell(cell) for cell in cells))


_CELL_CLASS = {True: "text-success", False: "text-danger"}


def _unit_cell(cell) -> str:
    if not cell:
        return "<td></td>"
    text = cell.result.actual_text if cell.result is not None else ""
    if not text:
        return '<td><span class="text-muted">·</span></td>'
    css = _CELL_CLASS.get(cell.evaluation.achieved if cell.evaluation else None, "")
    return f'<td><span class="{css}">{escape(text)}</span></td>'
