"""The one path that writes audit rows, and the helpers that turn model instances into the
before/after values a row keeps."""

from datetime import date, datetime
from decimal import Decimal

from django.db import models

from common import clock
from common.models import AuditEventBase
from common.text import format_date, format_number, sentence_case


def record(
    model: type[AuditEventBase], *, actor, action: str, target: models.Model | None = None,
    target_type: str | None = None, target_id: int | None = None, label: str | None = None,
    changes: list | None = None, reason: str = "", **links,
) -> AuditEventBase:
    """Write one audit row of `model` (`links` are its own foreign keys, e.g. campaign=…).

    Every audit row in the services is written here, and nowhere else (tests/test_audit_path.py
    walks the services to hold that): the figures and review memos (common/memo.py) take the
    newest row of these tables as the version of what they cache, so a change that wrote its
    row some other way, or none, would leave a stale table on every server. The system actor
    (units.access.SYSTEM) is stored as no one: the history pages show that as "Hệ thống"."""
    if actor is None:
        raise TypeError("a service needs an actor: a user or access.SYSTEM")
    if getattr(actor, "is_system", False):
        actor = None
    return model.objects.create(
        actor=actor, at=clock.now(), action=action,
        target_type=target_type if target_type is not None else str(target._meta.verbose_name),
        target_id=target_id if target_id is not None or target is None else target.pk,
        target_label=(label if label is not None else str(target))[:500],
        changes=changes if changes is not None else [], reason=reason, **links,
    )


def display_value(instance: models.Model, field: models.Field) -> str:
    """The value of one field as a person reads it (choice labels, related names, dd/mm/yyyy)."""
    if field.is_relation and field.many_to_one:
        related_id = getattr(instance, field.attname)
        if related_id is None:
            return ""
        return str(getattr(instance, field.name))
    value = getattr(instance, field.attname)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value or ""))
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, (date, datetime)):
        return format_date(value)
    if isinstance(value, Decimal):
        return format_number(value)
    if isinstance(value, models.fields.files.FieldFile):
        # The file's own name, not where the storage keeps it.
        return (value.name or "").rsplit("/", 1)[-1]
    # Integers here are years, numbers and counts: "2026", never "2.026".
    return str(value)


def snapshot(instance: models.Model, fields: list[str]) -> dict[str, tuple[str, str]]:
    """{field name: (verbose label, display value)} for the fields an audit row tracks."""
    meta = instance._meta
    result = {}
    for name in fields:
        field = meta.get_field(name)
        result[name] = (sentence_case(field.verbose_name), display_value(instance, field))
    return result


def diff(before: dict[str, tuple[str, str]] | None, after: dict[str, tuple[str, str]] | None) -> list[dict]:
    """Changed fields only; a creation lists every non-empty value, a deletion every old one."""
    before, after = before or {}, after or {}
    rows = []
    for name in list(after) + [n for n in before if n not in after]:
        label = (after.get(name) or before.get(name))[0]
        old = before.get(name, ("", ""))[1]
        new = after.get(name, ("", ""))[1]
        if old != new:
            rows.append({"field": name, "label": label, "before": old, "after": new})
    return rows
