"""Does a document the demo prints say every word of its seed? (issue 15, point 2)

Pure text functions, no database: `compare(seed_text, pdf_text)` takes the seed as extracted
(tests/seeds/00N_*.txt) and the PDF's text as `pdftotext -raw` gives it, and returns the seed's
words the PDF lacks and the words the PDF adds.

-raw, not the default mode: the default mode reads a table cell by cell down the page and drops a
hyphen that ends a line ("xanh - sạch -⏎đẹp" comes out "sạch đẹp"); -raw keeps the content
stream's order, which for our single-column documents is the reading order, rows of a table
included. -layout pads the two header columns onto one line.

Both texts are cut the same way: the head (everything before the document-type line: the
letterhead, number, place and date, which NĐ 30 requires and seeds 000, 002, 004 lack), the body
(from KẾ HOẠCH / BÁO CÁO to just before "Nơi nhận"), and the tail (Nơi nhận and the signature,
up to the signer's name; an appendix after it is not compared). The body is aligned word by
word (difflib), so a word dropped from the middle of a paragraph counts even when the same word
appears elsewhere. The tail is compared as a multiset of words: the extraction lays the two
columns side by side ("Nơi nhận: TM. ỦY BAN NHÂN DÂN" in seed 004) so its order means nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

DOCUMENT_TYPE = re.compile(r"^\s*(KẾ HOẠCH|BÁO CÁO|CHƯƠNG TRÌNH)(\s|$)")
RECIPIENTS = re.compile(r"^\s*Nơi nhận\b")
# Seed 004 prints "PHỤ LỤC", the report template "Phụ lục I".
APPENDIX = re.compile(r"^\s*PHỤ LỤC\b", re.IGNORECASE)

# One form per character class, so that typography is not counted as a wording difference.
_CHARACTERS = str.maketrans({
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'",
    "–": "-", "—": "-", "‒": "-", "−": "-", "‐": "-", "‑": "-",
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u202f": " ", "\t": " ",
    "\u00ad": None, "\u200b": None,
    # Seed 001's extraction marks italics with *…*; a PDF shows them as a font, never as a character.
    "*": None,
})
# A hyphen ending a line right after a character is a word broken at the line end ("20,21-⏎NQ/TW");
# a hyphen after a space is a dash of its own ("kinh tế -⏎xã hội") and the break stays a space.
# The same join applies to a space after such a hyphen within a line: the seeds print "COVID- 19" and
# "2021- 2025", and a PDF that breaks the line there drops the space, so the two cannot be told apart.
_BROKEN_WORD = re.compile(r"(?<=\S)-\s+(?=\S)")


def normalise(text: str) -> str:
    """NFC; typographic quotes, dashes and spaces as plain ones; line-break hyphenation joined;
    whitespace collapsed to single spaces."""
    text = unicodedata.normalize("NFC", text).replace("…", "...").translate(_CHARACTERS)
    text = _BROKEN_WORD.sub("-", text)
    return " ".join(text.split())


def words(text: str) -> list[str]:
    return normalise(text).split()


def without_page_numbers(raw: str) -> str:
    """pdftotext's pages (split at form feeds) with each page's own number dropped: printed in the top
    margin from page 2 (NĐ 30), it comes out as a line of its own at the start or end of the page."""
    pages = raw.split("\f")
    for index, page in enumerate(pages):
        lines = page.split("\n")
        filled = [i for i, line in enumerate(lines) if line.strip()]
        for i in (filled[:1] + filled[-1:]) if index else []:
            if lines[i].strip() == str(index + 1):
                del lines[i]
                break
        pages[index] = "\n".join(lines)
    return "\n".join(pages)


@dataclass
class Parts:
    head: str
    body: str
    tail: str


def split(text: str) -> Parts:
    """Head, body and tail of a document's text (see the module's docstring). A text with no
    document-type line is all head; one with no "Nơi nhận" has no tail."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if DOCUMENT_TYPE.match(line)), len(lines))
    recipients = next((i for i in range(start, len(lines)) if RECIPIENTS.match(lines[i])), len(lines))
    end = next((i for i in range(recipients, len(lines)) if APPENDIX.match(lines[i])), len(lines))
    return Parts(head="\n".join(lines[:start]), body="\n".join(lines[start:recipients]),
                 tail="\n".join(lines[recipients:end]))


@dataclass
class Comparison:
    """`missing` and `added` are runs of consecutive words (body), then single words (tail), in the
    order they appear; `head` is what the PDF prints before its document-type line."""

    missing: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    head: str = ""

    @property
    def missing_words(self) -> list[str]:
        return [word for run in self.missing for word in run.split()]

    @property
    def added_words(self) -> list[str]:
        return [word for run in self.added for word in run.split()]


def align(seed: list[str], printed: list[str]) -> tuple[list[str], list[str]]:
    """(runs of seed words not in `printed`, runs of printed words not in `seed`), by sequence
    alignment: order and repeats count, unlike a set difference."""
    matcher = SequenceMatcher(None, seed, printed, autojunk=False)
    missing, added = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            missing.append(" ".join(seed[i1:i2]))
        if tag in ("insert", "replace"):
            added.append(" ".join(printed[j1:j2]))
    return missing, added


def _multiset_difference(ours: list[str], theirs: list[str]) -> list[str]:
    """Words of `ours` beyond their count in `theirs`, in `ours`'s order."""
    spare = Counter(theirs)
    left = []
    for word in ours:
        if spare[word]:
            spare[word] -= 1
        else:
            left.append(word)
    return left


def compare(seed_text: str, pdf_text: str) -> Comparison:
    """The seed's words (from its document-type line to the signer's name) that the PDF's text lacks,
    and the words the PDF adds there. `pdf_text` is pdftotext -raw's output, page numbers and all."""
    seed, printed = split(seed_text), split(without_page_numbers(pdf_text))
    missing, added = align(words(seed.body), words(printed.body))
    seed_tail, printed_tail = words(seed.tail), words(printed.tail)
    return Comparison(missing=missing + _multiset_difference(seed_tail, printed_tail),
                      added=added + _multiset_difference(printed_tail, seed_tail),
                      head=normalise(printed.head))


def within(added: list[str], allowed: list[str]) -> list[str]:
    """The added words no allowed phrase accounts for (each allowed word covers one occurrence)."""
    return _multiset_difference(added, words(" ".join(allowed)))
