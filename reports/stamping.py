"""Filling in the registry's number and date on the HTML stored when a document was sent for
signature. Pure: strings in, strings out.

The letterhead (templates/_letterhead.html) prints the number line and the date line inside
marked spans; the issued print replaces exactly those spans' text, escaped, and nothing else, so
it is the signed copy with what the văn thư stamps (domain.md §8) and never a new rendering of
data that may have changed since."""

from __future__ import annotations

import re

from django.utils.html import escape

SLOTS = ("number", "date")
_SLOT = re.compile(r'(<span data-registry="(?P<slot>number|date)">)(?P<text>[^<]*)(</span>)')


class StampFailed(ValueError):
    """The stored HTML has no place for the number or the date (it was not made by our letterhead)."""


def slots(html: str) -> dict[str, str]:
    """The text each marked span holds now (the first of each)."""
    found: dict[str, str] = {}
    for match in _SLOT.finditer(html):
        found.setdefault(match["slot"], match["text"])
    return found


def stamp(html: str, values: dict[str, str]) -> str:
    """`html` with the marked spans' text replaced by `values` (plain text, escaped here)."""
    missing = [slot for slot in values if slot not in slots(html)]
    if missing:
        raise StampFailed(f"no place for {', '.join(missing)}")

    def replace(match: re.Match) -> str:
        slot = match["slot"]
        text = escape(values[slot]) if slot in values else match["text"]
        return f"{match.group(1)}{text}{match.group(4)}"

    return _SLOT.sub(replace, html)
