from django import template
from django.utils.html import format_html

from awards import workflow
from awards.workflow import State

register = template.Library()

STATE_CLASSES = {
    State.DRAFT: "text-bg-secondary", State.SUBMITTED: "text-bg-info", State.RETURNED: "text-bg-warning",
    State.ACCEPTED: "text-bg-primary", State.DISCLOSURE: "text-bg-primary", State.VOTING: "text-bg-primary",
    State.APPROVED: "text-bg-success", State.FORWARDED: "text-bg-primary", State.REJECTED: "text-bg-danger",
    State.DECIDED: "text-bg-success", State.REVOKED: "text-bg-dark", State.WITHDRAWN: "text-bg-light border",
}
CHECK_CLASSES = {"ok": ("text-success", "bi-check-circle"), "fail": ("text-danger", "bi-x-circle"),
                 "unknown": ("text-secondary", "bi-question-circle"), "info": ("text-primary", "bi-info-circle")}


@register.simple_tag
def state_badge(state: str, unit_view: bool = False) -> str:
    """The nomination's state; for the nominating unit, the words architecture.md gives it."""
    label = workflow.unit_label(state) if unit_view else State(state).label
    return format_html('<span class="badge {}">{}</span>', STATE_CLASSES[State(state)], label)


@register.simple_tag
def check_icon(status: str) -> str:
    css, icon = CHECK_CLASSES[status]
    words = {"ok": "Đạt", "fail": "Chưa đạt", "unknown": "Chưa kiểm tra", "info": "Lưu ý"}[status]
    return format_html('<i class="bi {} {}" aria-hidden="true"></i><span class="visually-hidden">{}</span>',
                       icon, css, words)


@register.filter
def dong(value) -> str:
    """Money in đồng, Vietnamese grouping: 702000 → "702.000"."""
    if value in (None, ""):
        return ""
    return f"{int(value):,}".replace(",", ".")
