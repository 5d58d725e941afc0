"""How quotas and căn cứ read in the plans. Pure: data in, text out."""

from common.text import long_date, two_digits


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
