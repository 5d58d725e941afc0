"""Vietnamese text: search normalisation, sort order, number and date formatting.

One place for all of it, so that the ORM, the SQLite collation, Excel and templates agree.
"""

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

_ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
]
_LETTER_RANK = {letter: 100 + i for i, letter in enumerate(_ALPHABET)}
# Marks that make a different letter (ă â ê ô ơ ư) versus marks that are tones.
_LETTER_MARKS = {"\u0306": "breve", "\u0302": "circumflex", "\u031b": "horn"}
_COMPOSE = {
    ("a", "breve"): "ă", ("a", "circumflex"): "â", ("e", "circumflex"): "ê",
    ("o", "circumflex"): "ô", ("o", "horn"): "ơ", ("u", "horn"): "ư",
}
# ICU's Vietnamese tailoring: no tone < huyền < hỏi < ngã < sắc < nặng.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def normalise_search(text: str) -> str:
    """Lowercase, without diacritics or punctuation, đ→d, single spaces.

    "Nguyễn Văn Đức" → "nguyen van duc"; "phòng, chống dịch" → "phong chong dich", so that what
    people type without accents or commas still finds the text.
    """
    decomposed = unicodedata.normalize("NFD", (text or "").replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", " ", stripped.lower()).strip()


def _letters(text: str) -> list[tuple[str, int]]:
    """Split into (base letter, tone rank) pairs, keeping ă â ê ô ơ ư as letters."""
    out: list[tuple[str, int]] = []
    for ch in unicodedata.normalize("NFC", text.lower()):
        parts = unicodedata.normalize("NFD", ch)
        base, tone, mark = parts[0], 0, None
        for combining in parts[1:]:
            if combining in _LETTER_MARKS:
                mark = _LETTER_MARKS[combining]
            elif combining in _TONE_RANK:
                tone = _TONE_RANK[combining]
        out.append((_COMPOSE.get((base, mark), base), tone))
    return out


def join_clauses(*parts: str) -> str:
    """Sentence fragments as one sentence: "Chờ X gửi số liệu chung." and "1/3 đơn vị đã gửi" →
    "Chờ X gửi số liệu chung; 1/3 đơn vị đã gửi." Each fragment may or may not end in its own stop;
    empty ones are left out."""
    kept = [part.strip().rstrip(".;, ").strip() for part in parts if part and part.strip(" .;,")]
    return "; ".join(kept) + "." if kept else ""


@lru_cache(maxsize=65536)
def sentence_case(text: str) -> str:
    """First letter up, the rest as written: "STT như văn bản in" keeps its STT, which
    str.capitalize() would turn into "Stt"."""
    text = str(text)
    return text[:1].upper() + text[1:]


def vi_sort_key(text: str) -> tuple:
    """Key that orders strings as PostgreSQL's "vi-x-icu" collation does (Đ after D, not after Z)."""
    letters = _letters(text or "")
    primary = []
    for letter, _tone in letters:
        if letter in _LETTER_RANK:
            primary.append(_LETTER_RANK[letter])
        elif letter.isdigit():
            primary.append(10 + int(letter) if letter in "0123456789" else 20)
        elif letter.isspace():
            primary.append(1)
        elif letter.isalpha():
            primary.append(1000 + ord(letter))
        else:
            primary.append(2)
    secondary = tuple(tone for _letter, tone in letters)
    # Lowercase before uppercase at the last level, as ICU does.
    tertiary = tuple(0 if ch.islower() or not ch.isalpha() else 1 for ch in text or "")
    return (tuple(primary), secondary, tertiary, text or "")


def vi_collate(left: str, right: str) -> int:
    a, b = vi_sort_key(left or ""), vi_sort_key(right or "")
    return (a > b) - (a < b)


def format_number(value: int | float | Decimal | None, decimals: int | None = None) -> str:
    """1234567.5 → "1.234.567,5"; keeps a Decimal's own precision ("60,0") unless decimals is given."""
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        value = Decimal(repr(value))
    if not isinstance(value, Decimal):
        value = Decimal(value)
    if decimals is not None:
        value = value.quantize(Decimal(1).scaleb(-decimals)) if decimals > 0 else value.quantize(Decimal(1))
    sign = "-" if value < 0 else ""
    text = format(abs(value), "f")
    whole, _, fraction = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = ".".join(groups)
    return f"{sign}{result},{fraction}" if fraction else f"{sign}{result}"


def format_date(value: date | datetime | None) -> str:
    if not value:
        return ""
    if isinstance(value, datetime):
        from django.utils import timezone

        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return value.strftime("%H:%M %d/%m/%Y")
    return value.strftime("%d/%m/%Y")


# What the registry (văn thư) fills in by hand: the number, the day, the month when unknown. One width
# for all of them, so "Số:" and the date line leave the same room.
BLANK = "\u00a0" * 6


def document_date_line(
    place: str, day: date | None = None, *, month: int | None = None, year: int | None = None
) -> str:
    """The NĐ 30/2020 place-and-date line every document prints; unknown parts stay blank for the
    registry, the parts the document knows (its month, its year) are kept.

    NĐ 30 pads days below 10 and the months 1 and 2 with a zero, and no other month:
    "Kon Tum, ngày 05 tháng 01 năm 2022", "Thái Nguyên, ngày 26 tháng 6 năm 2026"; with only
    month and year: "Kon Tum, ngày      tháng 01 năm 2022"; a draft knowing nothing still prints
    the line, all blanks.
    """
    if day is not None:
        text = long_date(day)
    else:
        text = f"ngày {BLANK} tháng {_month(month) if month else BLANK} năm {year or BLANK}"
    return f"{place}, {text}" if place else text.capitalize()


def number_line(number: int | None, notation: str) -> str:
    """The NĐ 30/2020 "Số:" line of every signed document (plans, reports, decisions, tờ trình):
    "Số: 05/QĐ-SYT", the number padded below 10; a draft keeps the number blank for the registry,
    "Số:      /QĐ-SYT", and prints the line even without a notation, since the registry fills it in.
    """
    shown = f"{number:02d}" if number else BLANK
    return f"Số: {shown}/{notation}" if notation else f"Số: {shown}"


def long_date(day: date) -> str:
    """ "ngày 04 tháng 4 năm 2021", padded as NĐ 30/2020 says (days < 10, months 1 and 2)."""
    return f"ngày {day.day:02d} tháng {_month(day.month)} năm {day.year}"


def _month(month: int) -> str:
    return f"{month:02d}" if month < 3 else str(month)


def two_digits(value: int | None) -> str:
    """Administrative counts are written with two digits: 5 → "05"."""
    return "" if value is None else f"{value:02d}"
