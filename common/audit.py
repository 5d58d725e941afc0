"""The one path that writes audit rows, and the helpers that turn model instances into the
before/after values a row keeps.

Audit rows are append-only and chained: each stores `prev_hash` (the `chain_hash` of the row
before it in its table) and `chain_hash` (SHA-256 of its own content and `prev_hash`), so an edit
or a deletion made behind the application's back breaks the chain (`manage.py verify_audit`).

A row is written unsealed (empty hashes, no `seal_seq`) inside the business transaction and
sealed by `seal()` in a short transaction of its own once that one has committed: linking rows
needs one writer at a time per table, and a lock taken for that inside the business transaction
would be held to its commit while the service goes on locking rows, which deadlocks two
secretaries working on the same nominations (docs/architecture.md, "Audit rows")."""

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
    row = model.objects.create(
        actor=actor, at=clock.now(), action=action,
        target_type=target_type if target_type is not None else str(target._meta.verbose_name),
        target_id=target_id if target_id is not None or target is None else target.pk,
        target_label=(label if label is not None else str(target))[:500],
        changes=changes if changes is not None else [], reason=reason, **links,
    )
    _seal_after_commit(model)
    return row


def _seal_after_commit(model: type[AuditEventBase]) -> None:
    """Once per table per transaction: one seal takes every row the transaction wrote. A callback
    still listed was registered in this transaction, in a savepoint that is either released or
    still open around this row, so it outlives this row or goes with it. robust: a failed seal
    must not turn a committed change into an error page; the next seal takes the rows along."""
    if any(getattr(callback, "seals", None) is model for _sids, callback, _robust in connection.run_on_commit):
        return

    def callback():
        seal(model)

    callback.seals = model
    transaction.on_commit(callback, robust=True)


# The chain lock's first key: any constant no other advisory lock of the database uses.
CHAIN_LOCK_CLASS = 0x7468  # "th"


def chain_lock_key(table: str) -> int:
    """A stable 32-bit key per table (the second key of pg_advisory_xact_lock(int, int))."""
    return zlib.crc32(table.encode()) - 2**31


def seal(model: type[AuditEventBase], batch: int = 500) -> int:
    """Chain every committed unsealed row of `model`, in id order, after the newest sealed row;
    returns how many. Its own transaction holds the table's chain lock and nothing else, so it
    waits for another seal at most, never for a business transaction. Rows of a transaction not
    yet committed are not seen (READ COMMITTED) and are sealed by that transaction's own
    callback: a lower id committed later is sealed later, the chain's order is `seal_seq`."""
    sealed = 0
    table = connection.ops.quote_name(model._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The commit need not wait for the disk: a seal lost in a crash leaves its rows
            # unsealed (they were committed durably) and the next seal makes it again; a later
            # seal that built on it cannot be kept without it (the log is written in order).
            cursor.execute("SELECT set_config('synchronous_commit', 'off', true), pg_advisory_xact_lock(%s, %s)",
                           [CHAIN_LOCK_CLASS, chain_lock_key(model._meta.db_table)])
        # SQLite needs no lock: its writers take turns (transaction_mode IMMEDIATE).
        # Plain SQL: a seal follows every commit that wrote a row, and the ORM's update by CASE
        # cost more than the rest of the seal.
        cursor.execute(f"SELECT seal_seq, chain_hash FROM {table} WHERE seal_seq IS NOT NULL "
                       "ORDER BY seal_seq DESC LIMIT 1")
        seq, prev = cursor.fetchone() or (0, "")
        while rows := list(model.objects.filter(seal_seq__isnull=True).order_by("id")[:batch]):
            links = []
            for row in rows:
                seq += 1
                row.seal_seq, row.prev_hash = seq, prev
                row.chain_hash = prev = chain_hash(row, prev)
                links.append((row.seal_seq, row.prev_hash, row.chain_hash, row.pk))
            cursor.executemany(f"UPDATE {table} SET seal_seq = %s, prev_hash = %s, chain_hash = %s WHERE id = %s",
                               links)
            sealed += len(rows)
            if len(rows) < batch:
                break
    return sealed


# seal_seq is left out: the links already fix each row's place (a row moved breaks the link of
# the row after it), and the rows chained before seal_seq existed would no longer verify.
HASH_EXCLUDED = ("id", "prev_hash", "chain_hash", "seal_seq")


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
