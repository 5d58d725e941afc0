"""Indicator evaluation, the way the source documents do it (domain.md §2.7–§2.8). Pure: no
queries, no clock. Everything that shows "Đạt", a ratio or a parsed number calls this module.

A target is kept as printed ("≤11,88%", "< 14", "12/12", "Duy trì 10 Trạm…") beside its parsed
form; an actual likewise ("13,04", "< 17", "12/12"). The ratio ("Tỷ lệ") is a presentation
judgement, not value ÷ target: beating a "<" target reads ">100", meeting a "≥" target reads
"100" however far it is exceeded (84 vs > 80), 90,08 against 90 reads "100".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import models
from django.utils.translation import gettext_lazy as _

from common.plausible import NonAsciiDigit, ascii_digits


class Comparator(models.TextChoices):
    LTE = "lte", _("≤ (không quá)")
    LT = "lt", _("< (dưới)")
    GTE = "gte", _("≥ (ít nhất)")
    GT = "gt", _("> (trên)")
    EQ = "eq", _("= (bằng)")
    ZERO_EVENTS = "zero_events", _("Không xảy ra")
    MAINTAIN_AT_LEAST = "maintain_at_least", _("Duy trì ít nhất")
    ALL_OF = "all_of", _("Tất cả (12/12)")
    CHANGE_BY = "change_by", _("Thay đổi một mức")
    INFORMATIONAL = "informational", _("Chỉ theo dõi (không đánh giá)")
    QUALITATIVE = "qualitative", _("Định tính (Thường trực đánh giá)")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Càng cao càng tốt")
    LOWER = "lower", _("Càng thấp càng tốt")
    NONE = "none", _("Không đánh giá")


NUMERIC = {Comparator.LTE, Comparator.LT, Comparator.GTE, Comparator.GT, Comparator.EQ,
           Comparator.MAINTAIN_AT_LEAST, Comparator.CHANGE_BY}
HUNDRED = Decimal(100)


# What the figures' columns hold (indicators.models.DECIMAL, numeric(20, 4); a denominator is a
# positive integer): a larger figure is refused as typed, not left to overflow the database.
MAX_WHOLE_DIGITS = 16
TOO_BIG = Decimal(10) ** MAX_WHOLE_DIGITS - Decimal("0.00005")   # would round up to 10^16 at 4 places
MAX_COUNT = 2_147_483_647


class ParseError(ValueError):
    """A value typed or printed that is not a number the Vietnamese way (message in Vietnamese)."""


# --- Numbers -------------------------------------------------------------------------------------

# [0-9], never \d: \d also matches "٣", which Decimal() and int() then read as 3.
_GROUPED = re.compile(r"^[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?$")   # 580.000 / 10.775.000.000 / 1.234,5
_PLAIN = re.compile(r"^[0-9]+(,[0-9]+)?$")                      # 11,88 / 60,0 / 84


def printed_digits(text: str) -> str:
    """The text as typed, stripped, with full-width digits read as 0–9 (common.plausible). Raises
    ParseError for any other non-ASCII digit ("٣"), so that no parser here reads it by accident."""
    try:
        return ascii_digits((text or "").strip())
    except NonAsciiDigit as exc:
        raise ParseError(f"“{(text or '').strip()}”: chỉ dùng chữ số 0–9.") from exc


def parse_number(text: str) -> Decimal:
    """ "11,88" → 11.88, "580.000" → 580000, "1.234,5" → 1234.5; a minus sign is allowed.

    "11.88" is refused, not guessed: in Vietnamese the dot groups thousands, so it is either a
    typo for 11,88 or a malformed 1.188 — the person must say which."""
    raw = printed_digits(text).replace("\u00a0", "").replace(" ", "")
    sign = 1
    if raw.startswith(("-", "−")):
        sign, raw = -1, raw[1:]
    raw = raw.rstrip("%‰")
    if _PLAIN.match(raw):
        value = Decimal(raw.replace(",", "."))
    elif _GROUPED.match(raw):
        value = Decimal(raw.replace(".", "").replace(",", "."))
    else:
        if re.match(r"^[0-9]+\.[0-9]+$", raw):
            raise ParseError(f"“{text.strip()}” viết chưa đúng: phần thập phân dùng dấu phẩy (ví dụ 11,88); "
                             "dấu chấm chỉ để tách hàng nghìn (ví dụ 580.000).")
        raise ParseError(f"“{text.strip()}” không phải là một số (ví dụ đúng: 11,88 hoặc 580.000).")
    if value >= TOO_BIG:
        raise ParseError(f"“{text.strip()}”: số quá lớn (tối đa {MAX_WHOLE_DIGITS} chữ số trước dấu phẩy).")
    try:
        return sign * value
    except InvalidOperation as exc:  # pragma: no cover - the patterns above exclude it
        raise ParseError(f"“{text}” không phải là một số.") from exc


def _count(digits: str, printed: str) -> int:
    """One side of a fraction ("12/12"): a count, stored as such (at most MAX_COUNT)."""
    if len(digits) > len(str(MAX_COUNT)) or int(digits) > MAX_COUNT:
        raise ParseError(f"“{printed}”: số quá lớn trong phân số (tối đa {format_number(Decimal(MAX_COUNT))}).")
    return int(digits)


def format_number(value: Decimal | None) -> str:
    """Decimal → "11,88" / "580.000" keeping its own precision ("60,0")."""
    from common.text import format_number as vn

    return "" if value is None else vn(value)


def format_ratio(ratio: Decimal, *, achieved: bool | None = None) -> str:
    """One decimal, half up, decimal comma, a trailing ",0" dropped ("93"); a ratio that is not
    achieved but would round to 100 is "99,9" (domain.md §2.8)."""
    rounded = ratio.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if achieved is False and rounded >= HUNDRED and ratio <= HUNDRED:
        rounded = Decimal("99.9")
    text = format_number(rounded)
    return text[:-2] if text.endswith(",0") else text


# --- Targets and actuals ---------------------------------------------------------------------------

_BOUND = re.compile(r"^(≤|≥|<=|>=|<|>|=)\s*(.+)$")
_FRACTION = re.compile(r"^([0-9]+)\s*/\s*([0-9]+)$")
_LEADING_NUMBER = re.compile(r"([0-9][0-9.,]*)")
_SYMBOLS = {"≤": Comparator.LTE, "<=": Comparator.LTE, "<": Comparator.LT, "≥": Comparator.GTE,
            ">=": Comparator.GTE, ">": Comparator.GT, "=": Comparator.EQ}
SYMBOL_OF = {Comparator.LTE: "≤", Comparator.LT: "<", Comparator.GTE: "≥", Comparator.GT: ">", Comparator.EQ: "="}


@dataclass(frozen=True)
class Target:
    comparator: str
    value: Decimal | None = None
    denominator: int | None = None   # "12/12": all of 12
    text: str = ""
    direction: str = ""              # needed by change_by: a fall when lower is better


@dataclass(frozen=True)
class Actual:
    value: Decimal | None = None      # the number; for "12/12" the numerator
    denominator: int | None = None
    bound: str = ""                  # "<" when the document reports "< 17" rather than a value
    text: str = ""
    verdict: bool | None = None      # for qualitative and zero-event entries typed as words


def _strip_unit(text: str) -> str:
    return text.strip().rstrip("%‰").strip()


def parse_target(text: str, direction: str) -> Target:
    """Read a target as the plans print it. A bare number takes its comparator from the
    direction (≥ when higher is better, ≤ when lower is better); the direction is never guessed.

    Raises ParseError for a text that holds no target the module understands."""
    printed = printed_digits(text)
    lowered = printed.lower()
    if not printed:
        raise ParseError("Chưa ghi chỉ tiêu.")
    if lowered.startswith(("không xảy ra", "không để xảy ra", "không có")):
        return Target(Comparator.ZERO_EVENTS, Decimal(0), text=printed)
    if lowered.startswith("duy trì"):
        number = _LEADING_NUMBER.search(printed)
        if not number:
            raise ParseError(f"“{printed}”: ghi số lượng cần duy trì, ví dụ “Duy trì 10 trạm”.")
        return Target(Comparator.MAINTAIN_AT_LEAST, parse_number(number.group(1).rstrip(".,")), text=printed)
    fraction = _FRACTION.match(_strip_unit(printed))
    if fraction:
        numerator, denominator = _count(fraction[1], printed), _count(fraction[2], printed)
        if denominator == 0 or numerator > denominator:
            raise ParseError(f"“{printed}”: phân số không hợp lệ.")
        return Target(Comparator.ALL_OF, Decimal(numerator), denominator, text=printed)
    bound = _BOUND.match(printed)
    if bound:
        return Target(_SYMBOLS[bound[1]], parse_number(_strip_unit(bound[2])), text=printed)
    value = parse_number(_strip_unit(printed))
    if direction == Direction.NONE:
        return Target(Comparator.INFORMATIONAL, value, text=printed)
    return Target(Comparator.GTE if direction == Direction.HIGHER else Comparator.LTE, value, text=printed)


def target_for(comparator: str, text: str, direction: str) -> Target:
    """A target whose comparator the secretariat chose; the printed text gives the number."""
    if comparator in (Comparator.INFORMATIONAL, Comparator.QUALITATIVE):
        # Words that may hold a figure to show: the figure is optional, so a text this module
        # cannot read (a digit other than 0–9 among them) gives none. Saving the plan refuses
        # such digits outright (services._parse_target).
        value = None
        try:
            number = _LEADING_NUMBER.search(printed_digits(text))
            if number:
                value = parse_number(number.group(1).rstrip(".,"))
        except ParseError:
            value = None
        return Target(comparator, value, text=(text or "").strip())
    if comparator == Comparator.ZERO_EVENTS:
        return Target(comparator, Decimal(0), text=(text or "").strip())
    parsed = parse_target(text, direction)
    if comparator == Comparator.ALL_OF and parsed.comparator != Comparator.ALL_OF:
        # "100" printed against stations (seed 004 row 5) means all of them.
        return Target(comparator, parsed.value, None, text=parsed.text)
    if comparator == Comparator.CHANGE_BY:
        return Target(comparator, abs(parsed.value), text=parsed.text, direction=direction)
    return Target(comparator, parsed.value, parsed.denominator, text=parsed.text, direction=direction)


YES_WORDS = {"đạt", "dat", "có", "co"}
NO_WORDS = {"không đạt", "khong dat"}
NONE_WORDS = {"không", "khong", "không xảy ra", "không có", "khong xay ra"}


def parse_actual(text: str, comparator: str) -> Actual | None:
    """Read what a unit typed. Empty → None (no data). Raises ParseError with the cell message.
    The Actual's text is what is stored: as typed, full-width digits made 0–9."""
    printed = printed_digits(text)
    if not printed:
        return None
    lowered = printed.lower()
    if comparator == Comparator.QUALITATIVE:
        if lowered in NO_WORDS:
            return Actual(text=printed, verdict=False)
        if lowered in YES_WORDS:
            return Actual(text=printed, verdict=True)
        return Actual(text=printed)
    if comparator == Comparator.ZERO_EVENTS and lowered in NONE_WORDS:
        return Actual(Decimal(0), text=printed)
    if fraction_needs_count(comparator) and "/" in printed:
        raise ParseError(f"“{printed}”: chỉ tiêu này tính bằng số lượng; ghi một số, không ghi phân số.")
    fraction = _FRACTION.match(_strip_unit(printed))
    if fraction:
        numerator, denominator = _count(fraction[1], printed), _count(fraction[2], printed)
        if denominator == 0:
            raise ParseError(f"“{printed}”: mẫu số phải lớn hơn 0.")
        if numerator > denominator:
            raise ParseError(f"“{printed}”: tử số không được lớn hơn mẫu số.")
        return Actual(Decimal(numerator), denominator, text=printed)
    bound = _BOUND.match(printed)
    if bound:
        allowed = BOUNDS_ALLOWED.get(comparator, set())
        if bound[1] not in allowed:
            raise ParseError(_bound_message(printed, bound[1], allowed))
        return Actual(parse_number(_strip_unit(bound[2])), bound=bound[1], text=printed)
    value = parse_number(_strip_unit(printed))
    if value < 0 and comparator not in (Comparator.CHANGE_BY, Comparator.INFORMATIONAL):
        raise ParseError(f"“{printed}”: số liệu không được âm.")
    return Actual(value, text=printed)


# A reported bound proves a target only when it points the target's way: "< 17" shows a
# "≤ 20" target met, but "< 95" says nothing about "≥ 88".
BOUNDS_ALLOWED = {
    Comparator.LT: {"<"}, Comparator.LTE: {"<"},
    Comparator.GT: {">"}, Comparator.GTE: {">"}, Comparator.MAINTAIN_AT_LEAST: {">"},
    Comparator.INFORMATIONAL: {"<", ">"},
}


def _bound_message(printed: str, symbol: str, allowed: set[str]) -> str:
    if symbol not in ("<", ">"):
        return f"“{printed}”: ghi số liệu thực hiện, hoặc “< 17” khi chỉ biết cận trên."
    if not allowed:
        return f"“{printed}”: chỉ tiêu này cần số liệu cụ thể, không ghi “{symbol}”."
    side = "cận trên" if symbol == "<" else "cận dưới"
    return f"“{printed}” chỉ cho biết {side}, không chứng minh được đạt chỉ tiêu: hãy ghi số liệu cụ thể."


def fraction_needs_count(comparator: str) -> bool:
    """Counts ("Duy trì 10 trạm", a change) are typed as numbers; a fraction there is a slip."""
    return comparator in (Comparator.MAINTAIN_AT_LEAST, Comparator.CHANGE_BY)


PERCENT_UNITS = {"%", "tỷ lệ %", "tỉ lệ %", "phần trăm"}
PERCENT_CEILING = Decimal(1000)


def implausible(actual: Actual | None, unit: str) -> str:
    """A message when a percentage cannot be one (580.000 % is a count typed in the wrong row).
    Rates above 100 % exist (growth, coverage over an estimated population), so only absurd
    values are refused."""
    if actual is None or actual.value is None or actual.denominator:
        return ""
    if (unit or "").strip().lower() in PERCENT_UNITS and actual.value > PERCENT_CEILING:
        return (f"“{actual.text}”: chỉ tiêu tính bằng %, giá trị lớn hơn {format_number(PERCENT_CEILING)} % "
                "là không hợp lý; kiểm tra lại số liệu.")
    return ""


# --- Evaluation --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Evaluation:
    achieved: bool | None          # None: no data, or not evaluated
    ratio: Decimal | None          # unrounded, for bars and sorting; None where meaningless
    display: str                   # the "Tỷ lệ" cell as the documents write it
    status: str                    # "Đạt" / "Không đạt" / "Chưa có số liệu" / "Không đánh giá" / "Chờ đánh giá"
    overridden: bool = False


NO_DATA = "Chưa có số liệu"


def _result(achieved: bool | None, ratio: Decimal | None, display: str) -> Evaluation:
    status = NO_DATA if achieved is None else ("Đạt" if achieved else "Không đạt")
    return Evaluation(achieved, ratio, display, status)


def _percent(part: Decimal, whole: Decimal) -> Decimal | None:
    return None if whole == 0 else part / whole * HUNDRED


def evaluate(target: Target, actual: Actual | None, *, previous: Decimal | None = None,
             override: bool | None = None) -> Evaluation:
    """Achieved, ratio and display text for one result (domain.md §2.8). `previous` is the unit's
    previous value of the same indicator (for change_by); `override` the secretariat's verdict."""
    evaluation = _evaluate(target, actual, previous)
    if override is not None:
        return Evaluation(override, evaluation.ratio, "Đạt" if override else "Không đạt",
                          "Đạt" if override else "Không đạt", overridden=True)
    return evaluation


def _evaluate(target: Target, actual: Actual | None, previous: Decimal | None) -> Evaluation:
    comparator = target.comparator
    if comparator == Comparator.INFORMATIONAL:
        return Evaluation(None, None, "—", "Không đánh giá")
    if actual is None:
        return _result(None, None, "")
    if comparator == Comparator.QUALITATIVE:
        if actual.verdict is None:
            return Evaluation(None, None, "", "Chờ đánh giá")
        return _result(actual.verdict, None, "Đạt" if actual.verdict else "Không đạt")
    if comparator == Comparator.ZERO_EVENTS:
        achieved = actual.value == 0
        return _result(achieved, None, "Đạt" if achieved else "Không đạt")
    if comparator == Comparator.ALL_OF:
        return _all_of(target, actual)
    if actual.value is None:
        return _result(None, None, "")
    if actual.denominator and comparator in (Comparator.LT, Comparator.LTE, Comparator.GT, Comparator.GTE,
                                             Comparator.EQ):
        # "4/4" against a rate of 100: the fraction is the rate (4 of 4 stations = 100 %).
        actual = Actual(actual.value / actual.denominator * HUNDRED, text=actual.text)
    value, goal = actual.value, target.value
    if comparator in (Comparator.LT, Comparator.LTE):
        return _at_most(comparator, goal, actual)
    if comparator in (Comparator.GT, Comparator.GTE, Comparator.MAINTAIN_AT_LEAST):
        # "> 80" reported against "> 80": above the bound, as the target asks.
        above = value > goal or (actual.bound == ">" and value >= goal)
        achieved = above if comparator == Comparator.GT else value >= goal
        ratio = _percent(value, goal)
        return _result(achieved, ratio, "100" if achieved else _shown(ratio, achieved))
    if comparator == Comparator.EQ:
        achieved = value == goal
        ratio = _percent(value, goal)
        return _result(achieved, ratio, "100" if achieved else _shown(ratio, achieved))
    if comparator == Comparator.CHANGE_BY:
        if previous is None:
            return _result(None, None, "")
        # The plan states the size of the change ("Mức giảm tỷ lệ sinh 0,3"); the direction says which way.
        change = previous - value if target.direction == Direction.LOWER else value - previous
        wanted = abs(goal)
        achieved = change >= wanted
        ratio = _percent(change, wanted)
        return _result(achieved, ratio, "100" if achieved else _shown(ratio, achieved))
    raise ValueError(f"unknown comparator {comparator!r}")


def _shown(ratio: Decimal | None, achieved: bool) -> str:
    return "" if ratio is None else format_ratio(ratio, achieved=achieved)


def _at_most(comparator: str, goal: Decimal, actual: Actual) -> Evaluation:
    value = actual.value
    if actual.bound == "<":
        # Reported as a bound: "< 17" against "< 17" is within the target and reads 100 (seed 004);
        # "< 17" against "≤ 20" is strictly better and reads ">100", as 13,04 against < 14 does.
        # "< 25" against "≤ 20" proves nothing, so it does not count as met.
        if value < goal:
            return _result(True, _percent(goal, value) if value else None, ">100")
        achieved = value == goal
        return _result(achieved, HUNDRED if achieved else _percent(goal, value),
                       "100" if achieved else _shown(_percent(goal, value), False))
    ratio = _percent(goal, value) if value else None
    if value < goal:
        return _result(True, ratio, ">100")
    if value == goal:
        achieved = comparator == Comparator.LTE
        return _result(achieved, HUNDRED, "100" if achieved else "99,9")
    return _result(False, ratio, _shown(ratio, False))


def _all_of(target: Target, actual: Actual) -> Evaluation:
    if actual.denominator:
        achieved = actual.value == actual.denominator
        ratio = _percent(actual.value, Decimal(actual.denominator))
    elif target.denominator:
        achieved = actual.value >= target.denominator
        ratio = _percent(actual.value, Decimal(target.denominator))
    else:
        # A percentage against "100": all stations means 100 %.
        achieved = actual.value >= (target.value or HUNDRED)
        ratio = _percent(actual.value, target.value or HUNDRED)
    return _result(achieved, ratio, "100" if achieved else _shown(ratio, achieved))


def progress(evaluation: Evaluation) -> int | None:
    """0–100 for a progress bar; None where there is nothing to draw."""
    if evaluation.achieved and evaluation.ratio is None:
        return 100
    if evaluation.ratio is None:
        return None
    return int(max(Decimal(0), min(HUNDRED, evaluation.ratio)))


# --- The printed line ---------------------------------------------------------------------------------

ZERO_EVENT_PHRASES = ("không xảy ra", "không để xảy ra", "không có")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", (text or "").casefold())


def _holds(words: list[str], part: list[str]) -> bool:
    """Whether `part` occurs in `words` as whole consecutive words ("10" is not in "10.000")."""
    size = len(part)
    return bool(part) and any(words[i:i + size] == part for i in range(len(words) - size + 1))


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    # "HIV", "COVID-19": an acronym keeps its capitals inside a sentence.
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]


def plan_line(label: str, target_text: str, comparator: str = "") -> str:
    """An indicator written as a plan's sentence ("+ Tỷ lệ … ≤11,88%") when none was typed: the
    label, then the target as printed, without saying the target twice where either already holds
    the other ("Không xảy ra ngộ độc thực phẩm lớn" as label, or "Duy trì 10 Trạm Y tế …" as
    target) and with a "no event" target before what must not happen."""
    label, target = " ".join((label or "").split()), " ".join((target_text or "").split())
    label_words, target_words = _words(label), _words(target)
    if comparator == Comparator.ZERO_EVENTS:
        if any(" ".join(label_words).startswith(phrase) for phrase in ZERO_EVENT_PHRASES):
            return label
        if not target_words or " ".join(target_words) in ZERO_EVENT_PHRASES:
            return f"{_upper_first(target or 'Không xảy ra')} {_lower_first(label)}".strip()
    if not target_words:
        return label
    if any(ch.isalpha() for ch in target) and _holds(label_words, target_words):
        return label
    if _holds(target_words, label_words):
        return _upper_first(target)
    return f"{label} {target}".strip()
