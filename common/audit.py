"""The one path that writes audit rows, and the helpers that turn model instances into the
before/after values a row keeps.

Audit rows are append-only and chained: each stores `prev_hash` (the `chain_hash` of the row
before it in its table) and `chain_hash` (SHA-256 of its own content and `prev_hash`), so an edit
or a deletion made behind the application's back breaks the chain (`manage.py verify_audit`)."""

import hashlib
import json
import zlib
from datetime import UTC, date, datetime
from decimal import Decimal

from django.db import connection, models, transaction

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
    row = model(
        actor=actor, at=clock.now(), action=action,
        target_type=target_type if target_type is not None else str(target._meta.verbose_name),
        target_id=target_id if target_id is not None or target is None else target.pk,
        target_label=(label if label is not None else str(target))[:500],
        changes=changes if changes is not None else [], reason=reason, **links,
    )
    # A savepoint when the service already runs in a transaction (they all do): the chain lock
    # taken inside it is held until the outer transaction ends.
    with transaction.atomic():
        row.pk, row.prev_hash = _next_link(model)
        row.chain_hash = chain_hash(row, row.prev_hash)
        row.save(force_insert=True)
    return row


# The chain lock's first key: any constant no other advisory lock of the database uses.
CHAIN_LOCK_CLASS = 0x7468  # "th"


def chain_lock_key(table: str) -> int:
    """A stable 32-bit key per table (the second key of pg_advisory_xact_lock(int, int))."""
    return zlib.crc32(table.encode()) - 2**31


def _next_link(model: type[AuditEventBase]) -> tuple[int, str]:
    """The new row's id and the hash of the row before it, under the chain's lock.

    The lock is held until commit, so two transactions writing the same table take ids and link
    to each other one after the other: id order is chain order, and MAX(id) (the memo stamps)
    still only grows. The id is drawn before the insert because the hash covers it and the row
    is never updated afterwards."""
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [CHAIN_LOCK_CLASS, chain_lock_key(
                model._meta.db_table)])
            cursor.execute(f"SELECT nextval(pg_get_serial_sequence(%s, 'id')), "
                           f"(SELECT chain_hash FROM {table} ORDER BY id DESC LIMIT 1)", [model._meta.db_table])
            new_id, last_hash = cursor.fetchone()
        else:
            # SQLite serialises writers (transaction_mode IMMEDIATE); AUTOINCREMENT never reuses
            # an id, so the next one is past both the highest row and the highest ever given.
            cursor.execute(f"SELECT MAX(id), (SELECT chain_hash FROM {table} ORDER BY id DESC LIMIT 1), "
                           "(SELECT seq FROM sqlite_sequence WHERE name = %s) FROM " + table,
                           [model._meta.db_table])
            highest, last_hash, given = cursor.fetchone()
            new_id = max(highest or 0, given or 0) + 1
    return new_id, last_hash or ""


HASH_EXCLUDED = ("id", "prev_hash", "chain_hash")


def chain_content(row: models.Model) -> dict:
    """What a row's hash covers: its table, id and every stored column by name (every foreign key
    as its id, the time in UTC). Empty values (NULL, "") are left out, so a nullable column added
    to an event table later leaves the hashes of the rows written before it valid."""
    content = {"table": row._meta.db_table, "id": row.pk}
    for field in row._meta.concrete_fields:
        if field.attname in HASH_EXCLUDED:
            continue
        value = getattr(row, field.attname)
        if value is None or value == "":
            continue
        if isinstance(value, datetime):
            value = value.astimezone(UTC).isoformat()
        content[field.attname] = value
    return content


def chain_hash(row: models.Model, prev_hash: str) -> str:
    payload = json.dumps({"row": chain_content(row), "prev": prev_hash}, sort_keys=True, ensure_ascii=False,
                         separators=(",", ":"))
    return hashlib.sha256(payload.encode()).hexdigest()


def chained_models() -> list[type[AuditEventBase]]:
    """Every audit table; each is one chain."""
    from django.apps import apps

    return [model for model in apps.get_models() if issubclass(model, AuditEventBase)]


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
