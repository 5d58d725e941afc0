"""Helpers that turn model instances into the before/after values an audit row keeps."""

from datetime import date, datetime
from decimal import Decimal

from django.db import models

from common.text import format_date, format_number, sentence_case


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
