"""How quotas and căn cứ read in the plans. Pure: data in, text out."""

import re

from common.text import long_date, nfc, two_digits


def quota_text(collective: int | None, individual: int | None, note: str = "") -> str:
    """None is "no quota" (not printed); 0 collectives with some individuals prints only the
    individuals, as seed 002's item 2.6 does ("10 cá nhân"); zeros alone say nobody is awarded."""
    parts = []
    if collective:
        parts.append(f"{two_digits(collective)} tập thể")
    if individual:
        parts.append(f"{two_digits(individual)} cá nhân")
    if parts:
        return " và ".join(parts)
    if collective == 0 and individual == 0:
        return "Không xét khen thưởng"
    if collective == 0:
        return "Không xét khen thưởng tập thể"
    if individual == 0:
        return "Không xét khen thưởng cá nhân"
    return note


# A count and the kind it counts: "05 tập thể", "10 (mười) cá nhân". Lower case: the text is lowered first.
_PRINTED_COUNT = re.compile(r"(\d+)\s*(?:\([^)]*\)\s*)?(tập thể|cá nhân)")
_KIND_WORDS = {"tập thể": "collective", "cá nhân": "individual"}


def printed_quota_problem(text: str, collective: int | None, individual: int | None) -> str:
    """Why a quota line typed as printed ("5 tập thể và 10 cá nhân") does not agree with the item's
    quotas, or "" when it does. Each integer followed by "tập thể" or "cá nhân" is that kind's count
    ("05" is 5); every kind with a quota above 0 must be printed with it, and the line may not print
    a count for a kind without a quota. A line with no count at all ("Theo số lượng phân bổ …") needs
    an item without quotas above 0. Integers that count nothing ("năm 2021") are left alone."""
    printed: dict[str, list[int]] = {}
    for number, word in _PRINTED_COUNT.findall(nfc(text).lower()):
        printed.setdefault(_KIND_WORDS[word], []).append(int(number))
    problems = []
    for kind, quota, label in (("collective", collective, "tập thể"), ("individual", individual, "cá nhân")):
        counts = printed.get(kind, [])
        if len(counts) > 1:
            problems.append(f"ghi {len(counts)} số lượng {label}")
        elif counts and counts[0] != quota:
            expected = f"là {quota}" if quota is not None else "chưa được nhập"
            problems.append(f"ghi {counts[0]} {label} nhưng số lượng {label} {expected}")
        elif not counts and quota:
            problems.append(f"không ghi số lượng {label} ({quota})")
    if not problems:
        return ""
    return "Dòng số lượng như văn bản in không khớp với số lượng khen thưởng: " + "; ".join(problems) + "."


def close_line(text: str, mark: str) -> str:
    """A "- label: value" line of a content item ends with the mark the issuer printed ("." by
    default, "" when the printed line has none, as seed 002's item 1 "… ban ngành, đoàn thể"); a
    value typed with its own final punctuation keeps it and gets no second one."""
    value = (text or "").rstrip()
    if not value or value[-1] in ".:;!?…":
        return value
    return value + (mark or "").strip()


def per_programme_text(children_quotas: list[tuple[int | None, int | None]]) -> str:
    """Item 2.1: one quota for each national programme when they are all alike."""
    distinct = set(children_quotas)
    if len(distinct) == 1:
        collective, individual = distinct.pop()
        base = quota_text(collective, individual)
        if base:
            return f"{base} cho mỗi chương trình mục tiêu quốc gia"
    return "Theo từng chương trình" if children_quotas else ""


def basis_joiner(separator: str, *, default: str) -> str:
    """What follows a căn cứ line in print: a mark (";", ".") sticks to the text, a word ("và") takes
    the space before it, which a form's stripping or a hand-typed "và" has lost ("năm 2026và …")."""
    joiner = (separator or "").strip()
    if not joiner:
        return default
    return f" {joiner}" if joiner[0].isalnum() else joiner


def joins_next(joiner: str) -> bool:
    """A joiner ending in a word ("… và") leaves the sentence open for the next căn cứ."""
    return joiner[-1:].isalnum()


def legal_basis_paragraphs(rows: list, *, has_preamble: bool) -> list[list[tuple]]:
    """Group căn cứ rows into printed paragraphs: a row without a lead word, or any row after a
    joiner such as " và", continues the sentence of the row before it (seed 000: "…; Nghị quyết
    số 97 … và Kế hoạch số 69 …").

    `rows` have .lead, .text and .separator; returns paragraphs of (row, joiner) where an empty
    separator becomes ";" (the last row "." when no preamble follows), a word separator is printed
    with its leading space, and the last row never ends on a word: nothing follows it to join."""
    paragraphs: list[list[tuple]] = []
    open_sentence = False
    for index, row in enumerate(rows):
        last = index == len(rows) - 1
        default = ";" if has_preamble or not last else "."
        joiner = basis_joiner(row.separator, default=default)
        if last and joins_next(joiner):
            joiner = default
        if not paragraphs or (row.lead and not open_sentence):
            paragraphs.append([])
        paragraphs[-1].append((row, joiner))
        open_sentence = joins_next(joiner)
    return paragraphs


LEAD_WORDS = ("Căn cứ", "Thực hiện", "Hưởng ứng", "Theo")


def split_lead(text: str) -> tuple[str, str]:
    """ "Căn cứ Luật …" → ("Căn cứ", "Luật …"): a lead word typed into the text is taken out of it."""
    stripped = (text or "").strip()
    for lead in LEAD_WORDS:
        if stripped.lower().startswith(lead.lower() + " "):
            return stripped[:len(lead)], stripped[len(lead):].strip()
    return "", stripped


def compose_basis(*, kind: str, number: str, issued_on, issuer_name: str, subject: str) -> str:
    """The căn cứ line from its parts, worded as NĐ 30/2020 cites documents: "Nghị định số
    152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định …"; a law is cited by its
    name and date, without number: "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"."""
    when = long_date(issued_on) if issued_on else ""
    kind = (kind or "").strip() or "Văn bản"
    if kind.lower().startswith("luật"):
        parts = [kind if not subject else f"{kind} {subject}", when]
    else:
        parts = [kind, f"số {number}" if number else "", when, f"của {issuer_name}" if issuer_name else "", subject]
    return " ".join(part for part in parts if part)
