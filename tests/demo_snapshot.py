"""The demo data for the tests that read it, loaded once per test process and then restored.

`manage.py load_demo` takes 12–15 s of Python through the services; the browser tests and the
report modules used to run it again and again. On PostgreSQL the first `load()` of a process (per
--today and per pinned APP_TODAY, as both shape the rows) empties the database as `flush` does,
runs the real command, and keeps what it made: every table's rows (COPY, binary), the sequences
those tables own, the files the demo wrote into the default storage, and the demo CA's key
(devtools/demo/signing.py keeps it in the process). Every later `load()` empties the tables and
puts all of that back, in well under a second. The audit tables' triggers refuse UPDATE and
DELETE, not TRUNCATE or INSERT, so their chains come back whole.

On SQLite (tests/test_sqlite_default.py and a developer's default) the command simply runs."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from io import StringIO

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection, transaction

from common import files


@dataclass
class Snapshot:
    tables: list[str]
    rows: dict[str, bytes]                        # table -> COPY binary; tables left empty are absent
    sequences: list[tuple[str, int, bool]]        # (sequence, last_value, is_called)
    stored: dict[str, bytes]                      # file name -> content, as the demo wrote them
    authority: object


_snapshots: dict[tuple[date, date | None], Snapshot] = {}


def load(today: date) -> None:
    """The state `flush` then `load_demo --today` leaves, on the current settings.APP_TODAY."""
    if connection.vendor != "postgresql":
        call_command("load_demo", "--today", today.isoformat(), stdout=StringIO())
        return
    key = (today, settings.APP_TODAY)
    if key not in _snapshots:
        _snapshots[key] = _take(today)
    else:
        _restore(_snapshots[key])


def _tables() -> list[str]:
    # What `flush` empties: the models' tables (django_migrations is not one).
    return sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))


def _stored() -> dict[str, float]:
    storage = files.default_storage()
    return {name: storage.get_modified_time(name).timestamp() for name in files.walk(storage)}


def _take(today: date) -> Snapshot:
    from devtools.demo import signing

    call_command("flush", "--no-input", verbosity=0)
    before = _stored()
    call_command("load_demo", "--today", today.isoformat(), stdout=StringIO())
    storage = files.default_storage()
    written = [name for name, mtime in _stored().items() if before.get(name) != mtime]
    stored = {}
    for name in written:
        with storage.open(name, "rb") as handle:
            stored[name] = handle.read()
    tables = _tables()
    rows, sequences = {}, []
    with connection.cursor() as cursor:
        for table in tables:
            buffer = io.BytesIO()
            cursor.cursor.copy_expert(f"COPY {connection.ops.quote_name(table)} TO STDOUT (FORMAT binary)", buffer)
            cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {connection.ops.quote_name(table)})")
            if cursor.fetchone()[0]:
                rows[table] = buffer.getvalue()
            for sequence in connection.introspection.get_sequences(cursor, table):
                name = connection.ops.quote_name(sequence["name"])
                cursor.execute(f"SELECT last_value, is_called FROM {name}")
                sequences.append((sequence["name"], *cursor.fetchone()))
    return Snapshot(tables, rows, sequences, stored, signing._authority)


def _restore(snapshot: Snapshot) -> None:
    from django.contrib.contenttypes.models import ContentType

    from devtools.demo import signing

    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(quote(t) for t in snapshot.tables)}")
        # Django's foreign keys are DEFERRABLE INITIALLY DEFERRED: the order of the tables is free.
        for table, data in snapshot.rows.items():
            cursor.cursor.copy_expert(f"COPY {quote(table)} FROM STDIN (FORMAT binary)", io.BytesIO(data))
        if snapshot.sequences:
            cursor.execute("SELECT " + ", ".join(["setval(%s, %s, %s)"] * len(snapshot.sequences)),
                           [value for sequence in snapshot.sequences for value in sequence])
    # Content types come back with the snapshot's ids; the process-wide cache may hold others.
    ContentType.objects.clear_cache()
    storage = files.default_storage()
    for name, content in snapshot.stored.items():
        if storage.exists(name):
            storage.delete(name)
        saved = storage.save(name, ContentFile(content))
        assert saved == name, f"the store renamed {name} to {saved}"
    # The demo signs with the key of the CA whose trust anchor the snapshot holds.
    signing._authority = snapshot.authority
