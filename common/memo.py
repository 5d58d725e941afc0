"""Figures computed once per process and reused while the data they come from is unchanged.

A province's campaign table is 300 units × 20 indicators, each figure parsed and judged: about
0,2 s of Python that the dashboard, the summary report and the award checks would otherwise redo
on every request. The key of every entry carries a *stamp* read from the database on each request
(the newest audit row and the newest change of the tables the figures come from), so an entry is
never used after a change: several app servers each keep their own entries and stay correct
without a shared cache. Entries are never invalidated, only superseded, and the oldest are
dropped past `size`.
"""

from __future__ import annotations

import gc
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from django.db import connection, models

T = TypeVar("T")


class Memo:
    """A small thread-safe LRU map. Two threads missing the same key both compute; the figures
    are the same, so the later simply replaces the earlier."""

    def __init__(self, size: int):
        self.size = size
        self._entries: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]  # type: ignore[return-value]
        value = compute()
        with self._lock:
            self._entries[key] = value
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        freeze()
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def freeze() -> None:
    """Take what this process holds now out of the cycle collector's full collections.

    A country's figures are half a million objects that live until superseded. Left to the
    collector, every full collection walks them: 0,2 s, twice a minute, in whatever page is
    running (the bench's p95 of a country's units tree: 270 ms, 50 ms with this). Frozen objects
    are still freed by reference counting when an entry is superseded; the collection first
    keeps today's cyclic garbage out of the frozen set. What is frozen while a request is
    running and later becomes cyclic garbage stays (about 60 objects per new entry, measured);
    gunicorn's max_requests recycles workers long before it counts."""
    gc.collect()
    gc.freeze()


def stamp(columns: list[tuple[type[models.Model], str]]) -> tuple:
    """MAX(column) of each (model, column), in one query on any database.

    Read it *before* computing what it keys: a change committed in between then makes the entry
    newer than its stamp, never older."""
    quote = connection.ops.quote_name
    parts = [f"(SELECT MAX({quote(model._meta.get_field(name).column)}) FROM {quote(model._meta.db_table)})"
             for model, name in columns]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        return tuple(cursor.fetchone())
