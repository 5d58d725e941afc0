"""The parts every signed document shares (NĐ 30/2020 Phụ lục I, domain.md §5.2): the letterhead,
the number line, the signature block, the legal bases a decision on awards cites. Pure: plain
values in, plain values out; templates/_letterhead.html and reports/documents/_footer.html print them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

# The number and date lines live in common.text: the plan (campaigns, which may not import reports)
# prints them too.
from common.text import BLANK, document_date_line, long_date, number_line  # noqa: F401


@dataclass(frozen=True)
class Letterhead:
    parent_line: str
    name_line: str
    number_line: str
    date_line: str


@dataclass(frozen=True)
class Signature:
    prefix_lines: list[str] = field(default_factory=list)   # "TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC"
    title: str = ""                                          # "PHÓ GIÁM ĐỐC"
    name: str = ""


def letterhead(*, parent_line: str, name_line: str, place: str, number: int | None, notation: str,
               day: date | None, month: int | None = None, year: int | None = None) -> Letterhead:
    """A draft (no `day`) keeps the month and year it knows: the document's own, not today's."""
    return Letterhead(parent_line=parent_line, name_line=name_line, number_line=number_line(number, notation),
                      date_line=document_date_line(place, day, month=month, year=year))


def signature(prefix: str, title: str, name: str) -> Signature:
    """The signer's block as printed: authority lines uppercase ("KT. GIÁM ĐỐC"), then the title,
    then the name as written (NĐ 30: names are not uppercased)."""
    lines = [line.strip().upper() for line in (prefix or "").splitlines() if line.strip()]
    return Signature(prefix_lines=lines, title=(title or "").strip().upper(), name=(name or "").strip())


def award_decision_bases(bases: list[str], *, plan_reference: str = "", proposer: str = "") -> list[str]:
    """The căn cứ of a decision on awards: `bases` are the instruments in force on its day (the
    dated table, awards.rules.legal_bases_on), each ending ";" and the last "." (NĐ 30/2020)."""
    lines = [f"Căn cứ {text.strip().rstrip(';.')}" for text in bases if text.strip()]
    if plan_reference:
        lines.append(f"Căn cứ {plan_reference}")
    if proposer:
        lines.append(f"Xét đề nghị của {proposer}")
    return [f"{text}{'.' if i == len(lines) - 1 else ';'}" for i, text in enumerate(lines)]


def reference_text(kind: str, number: int | None, notation: str, day: date | None, issuer_name: str) -> str:
    """ "Kế hoạch số 05/KH-SYT ngày 05 tháng 01 năm 2026 của Sở Y tế"; blanks where not yet registered."""
    shown = f"{number:02d}" if number else BLANK
    parts = [f"{kind} số {shown}/{notation}" if notation else f"{kind} số {shown}"]
    parts.append(long_date(day) if day else f"ngày {BLANK} tháng {BLANK} năm {BLANK}")
    if issuer_name:
        parts.append(f"của {issuer_name}")
    return " ".join(parts)


def titled_reference(kind: str, title: str, day: date | None, year: int | None, issuer_name: str) -> str:
    """A plan the registry never numbered, cited by its title as a law is by its name: "Kế hoạch
    phát động phong trào thi đua … năm 2021 của Ủy ban nhân dân huyện Hồng Ngự", with its date if
    known; an issued document never prints "số      /KH-UBND ngày      tháng …" for another's."""
    text = " ".join(title.split())
    if text.casefold().startswith(kind.casefold() + " "):
        text = text[len(kind):].strip()
    if re.match(r"phát động\b", text, flags=re.IGNORECASE):
        text = text[:1].lower() + text[1:]
    parts = [kind, text]
    if day:
        parts.append(long_date(day))
    elif year and str(year) not in text:
        parts.append(f"năm {year}")
    # "Chương trình hành động số 59 … của Ban Chấp hành Đảng bộ Tỉnh": the title already names who issued it.
    if issuer_name and " của " not in f" {text} ":
        parts.append(f"của {issuer_name}")
    return " ".join(part for part in parts if part)


QUOTES = "“”\""


def campaign_in_sentence(title: str) -> str:
    """A campaign named inside a sentence ("đã có thành tích trong …"): a plan's title reads as
    the campaign it launched ("phong trào thi đua năm 2026"); a name that is no such title keeps
    its quotes ("phong trào “Thái Nguyên đoàn kết …”")."""
    text = re.sub(r"^\s*kế hoạch\s+", "", " ".join(title.split()), flags=re.IGNORECASE)
    phrase = campaign_phrase(text)
    if phrase.casefold().startswith("phong trào"):
        return phrase
    name = text.strip(QUOTES)
    return f"phong trào “{name}”"


def campaign_phrase(title: str) -> str:
    """A plan's title as it reads inside a sentence: "Phát động phong trào thi đua năm 2026" →
    "phong trào thi đua năm 2026" (the plan launched it; the report speaks of the campaign)."""
    text = re.sub(r"^\s*phát động\s+", "", title.strip(), flags=re.IGNORECASE)
    return text[:1].lower() + text[1:]


KIND_WORDS = {"six_month": "sơ kết 6 tháng đầu năm", "year": "tổng kết năm", "ad_hoc": ""}


def report_subject(kind: str, year: int, campaign_title: str, period_label: str = "") -> str:
    """The trích yếu under BÁO CÁO, without saying the year twice."""
    phrase = campaign_phrase(campaign_title)
    if kind in ("six_month", "year"):
        words = KIND_WORDS[kind]
        # "Tổng kết phong trào thi đua năm 2026", not "Tổng kết năm 2026 … năm 2026".
        head = f"{words} {year}" if str(year) not in phrase else ("tổng kết" if kind == "year" else words)
        return f"{head[:1].upper()}{head[1:]} {phrase}"
    label = re.sub(r"^\s*đột xuất\s*:\s*", "", period_label, flags=re.IGNORECASE).strip()
    if label:
        return label[:1].upper() + label[1:]
    return f"Kết quả thực hiện {phrase}"


def report_lead(*, plan_reference: str, campaign_title: str, organisation_name: str, kind: str) -> str:
    """The opening sentence a report prints when nobody wrote one: it follows the plan's number
    as registered, so a plan numbered after the draft was made still reads right."""
    what = plan_reference or f"Kế hoạch {campaign_phrase(campaign_title)}"
    words = KIND_WORDS.get(kind) or "kết quả"
    return (f"Thực hiện {what} về {campaign_phrase(campaign_title)}, {organisation_name} báo cáo {words} như sau:"
            if plan_reference else f"Thực hiện {what}, {organisation_name} báo cáo {words} như sau:")
