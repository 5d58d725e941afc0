"""The results grid's three-way merge after a version conflict: someone saved the report while this
person was typing. Pure: plain values in (what the form showed, what was typed, what is stored
now), plain values out; the view turns the outcomes into messages.

A cell is its (figure, note) pair, compared as one: a changed note counts as a changed cell.
Evidence files take no part: a chosen file is never kept across a page that did not save.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from common.text import nfc

Pair = tuple[str, str]  # (actual_text, note)
K = TypeVar("K")


class Outcome(StrEnum):
    UNCHANGED = "unchanged"  # nobody else changed the cell: what was typed stays, nothing to say
    THEIRS = "theirs"        # only the other person changed it: their value replaces the typed one
    BOTH = "both"            # both changed it: the typed value stays, flagged with theirs


@dataclass(frozen=True)
class MergedCell:
    value: Pair       # what the grid shows and the next save sends
    outcome: Outcome
    theirs: Pair      # what the other person saved, for the flag


def merge_cell(*, base: Pair | None, mine: Pair, theirs: Pair) -> MergedCell:
    """A cell only the other person changed takes their value; a cell both changed keeps what this
    person typed (even when both typed the same: they are told, so the next save overwrites knowingly
    rather than silently).

    `base` None: what this person started from is not known (an Excel template made before files
    carried it). Nothing can be taken as "only they changed it": a cell that differs from the stored
    one is flagged, unless the stored cell is empty, where what was typed loses nothing."""
    if base is None:
        if mine == theirs or theirs == ("", ""):
            return MergedCell(value=mine, outcome=Outcome.UNCHANGED, theirs=theirs)
        return MergedCell(value=mine, outcome=Outcome.BOTH, theirs=theirs)
    if theirs == base:
        return MergedCell(value=mine, outcome=Outcome.UNCHANGED, theirs=theirs)
    if mine == base:
        return MergedCell(value=theirs, outcome=Outcome.THEIRS, theirs=theirs)
    return MergedCell(value=mine, outcome=Outcome.BOTH, theirs=theirs)


def merge_cells(*, base: Mapping[K, Pair], mine: Mapping[K, Pair], theirs: Mapping[K, Pair]) -> dict[K, MergedCell]:
    """Every cell of `theirs` (the grid as stored now); a cell missing from the form counts as empty."""
    empty = ("", "")
    return {key: merge_cell(base=base.get(key, empty), mine=mine.get(key, empty), theirs=stored)
            for key, stored in theirs.items()}


@dataclass(frozen=True)
class MergedText:
    value: str        # what the textarea shows and the next save sends
    outcome: Outcome
    theirs: str       # what the other person saved, for the flag


def _comparable(text: str) -> str:
    # The service stores a narrative NFC and stripped, and browsers send a textarea's line breaks
    # as CRLF: without this a text nobody touched would read as changed.
    return nfc(text.replace("\r\n", "\n")).strip()


def merge_text(*, base: str, mine: str, theirs: str) -> MergedText:
    """A narrative field, merged as a cell is (merge_cell): the other person's text when this person
    left it as shown; both changed it: what was typed stays, flagged with theirs, so that the next
    save overwrites knowingly rather than silently."""
    outcome = merge_cell(base=(_comparable(base), ""), mine=(_comparable(mine), ""),
                         theirs=(_comparable(theirs), "")).outcome
    return MergedText(value=theirs if outcome == Outcome.THEIRS else mine, outcome=outcome, theirs=theirs)


def merge_texts(*, base: Mapping[str, str], mine: Mapping[str, str],
                theirs: Mapping[str, str]) -> dict[str, MergedText]:
    merged = {name: MergedText(value=text, outcome=Outcome.UNCHANGED, theirs="") for name, text in mine.items()}
    for name, stored in theirs.items():
        merged[name] = merge_text(base=base.get(name, ""), mine=mine.get(name, ""), theirs=stored)
    return merged


def display(pair: Pair) -> str:
    """A cell's value as the flag quotes it: "92 · note", or "(để trống)" when both are empty."""
    return " · ".join(filter(None, pair)) or "(để trống)"
