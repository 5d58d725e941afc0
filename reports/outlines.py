"""A report's outline (issue 15): its headings as the issuer prints them, each section either prose
or a block built from data, in the issuer's order. Pure: the defaults a new report starts from, the
outline of a report frozen before outlines existed, the checks before trình ký, and the numbering
of what a section refers to. The model (reports.models.ReportSection) stores it; trình ký freezes
it as `as_dicts` rows in Report.frozen_text["outline"]."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

# Levels as printed: a new page headed "PHỤ LỤC" (with its title and the "Kèm theo" line), then
# I., 1., 1.1 / a).
APPENDIX, PART, ITEM, SUBITEM = 0, 1, 2, 3

# The blocks a section can show after its prose; each is drawn from the report's figures.
INDICATOR_SUMMARY = "indicator_summary"
INDICATOR_TABLES = "indicator_tables"
INDICATOR_APPENDIX = "indicator_appendix"
COMPLETENESS = "completeness"
AWARDS = "awards"
UNITS = "units"
BRIEFING = "briefing"
NARRATIVES_DONE = "narratives_done"
NARRATIVES_DIFFICULTIES = "narratives_difficulties"
NARRATIVES_PROPOSALS = "narratives_proposals"

BLOCKS = [
    ("", "Không (chỉ lời văn)"),
    (COMPLETENESS, "Câu về tình hình gửi số liệu của các đơn vị"),
    (INDICATOR_SUMMARY, "Câu tóm tắt kết quả các chỉ tiêu"),
    (INDICATOR_TABLES, "Bảng chỉ tiêu theo từng nội dung thi đua"),
    (INDICATOR_APPENDIX, "Bảng kết quả chỉ tiêu (kế hoạch, thực hiện, tỷ lệ, kế hoạch năm sau)"),
    (AWARDS, "Câu và bảng số lượng khen thưởng"),
    (UNITS, "Bảng tình hình báo cáo của các đơn vị"),
    (BRIEFING, "Bảng quán triệt, triển khai (cơ quan × đối tượng, phương thức)"),
    (NARRATIVES_DONE, "Lời văn các đơn vị: kết quả đã làm được"),
    (NARRATIVES_DIFFICULTIES, "Lời văn các đơn vị: khó khăn, vướng mắc"),
    (NARRATIVES_PROPOSALS, "Lời văn các đơn vị: đề xuất, kiến nghị"),
]
BLOCK_NAMES = dict(BLOCKS)
# The blocks that print a table, in the PDF and as a sheet of the report's .xlsx.
TABLE_BLOCKS = {INDICATOR_TABLES, INDICATOR_APPENDIX, AWARDS, UNITS, BRIEFING}
NARRATIVE_KEYS = {NARRATIVES_DONE: "done", NARRATIVES_DIFFICULTIES: "difficulties",
                  NARRATIVES_PROPOSALS: "proposals"}

# Seed 004's appendix part I: who was briefed on the programme and how, marked X. The columns are
# the seed's; the rows are the bodies the issuer lists.
BRIEFING_GROUPS = [("", ["Chưa quán triệt", "Đã quán triệt"]),
                   ("Đối tượng", ["Cán bộ chủ chốt", "Đảng viên từng chi bộ"]),
                   ("Phương thức quán triệt", ["Học tập chuyên đề độc lập", "Lồng ghép với các chuyên đề khác",
                                               "Lồng ghép vào cuộc họp chi bộ", "Khác"])]
BRIEFING_COLUMNS = [name for _group, names in BRIEFING_GROUPS for name in names]
BRIEFING_FIRST = "Sở, ngành các tổ chức chính trị - xã hội và địa phương"
MARK = "X"
MAX_BRIEFING_ROWS = 60


@dataclass
class Section:
    heading: str = ""
    level: int = PART
    bold: bool = True
    body: str = ""
    block: str = ""
    # A block's own settings: the indicator appendix's column headings, the briefing table's rows.
    data: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"heading": self.heading, "level": self.level, "bold": self.bold, "body": self.body,
                "block": self.block, "data": self.data}

    @classmethod
    def from_dict(cls, row: dict) -> Section:
        return cls(heading=row.get("heading", ""), level=int(row.get("level", PART)), bold=bool(row.get("bold", True)),
                   body=row.get("body", ""), block=row.get("block", ""), data=dict(row.get("data") or {}))


def indicator_columns(year: int, actual_label: str = "") -> dict:
    """The appendix table's column headings as seed 004 prints them; the issuer may retype them."""
    return {"plan": f"Kế hoạch năm {year}", "result": actual_label or f"Kết quả thực hiện năm {year}",
            "next": f"Kế hoạch năm {year + 1}"}


def columns_of(section: Section | dict, year: int, actual_label: str = "") -> dict:
    data = section.data if isinstance(section, Section) else section.get("data") or {}
    defaults = indicator_columns(year, actual_label)
    return {key: (data.get(key) or "").strip() or value for key, value in defaults.items()}


def tasks_heading(kind: str, year: int) -> str:
    return (f"V. NHIỆM VỤ, GIẢI PHÁP 6 THÁNG CUỐI NĂM {year}" if kind == "six_month"
            else f"V. NHIỆM VỤ, GIẢI PHÁP NĂM {year + 1}")


def default_outline(*, kind: str, year: int, whole: bool, has_period: bool, prose: dict | None = None) -> list[Section]:
    """What a new report starts from: the outline of domain.md §5.1, with the blocks today's reports
    print, which the secretariat (or the unit) then edits. `prose` fills the sections' text
    (the units' narratives gathered at creation, or a report written before outlines existed)."""
    prose = prose or {}
    sections = [
        Section("I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN", body=prose.get("implementation", ""),
                block=COMPLETENESS if whole and has_period else ""),
        Section("II. KẾT QUẢ THỰC HIỆN", body=prose.get("results_text", ""),
                block=INDICATOR_SUMMARY if has_period else ""),
    ]
    if has_period:
        sections.append(Section("", level=ITEM, bold=False, block=INDICATOR_TABLES))
    sections += [
        Section("III. CÔNG TÁC KHEN THƯỞNG", body=prose.get("awards_text", ""), block=AWARDS),
        Section("IV. ĐÁNH GIÁ CHUNG"),
        Section("1. Mặt được", level=ITEM, body=prose.get("strengths", "")),
        Section("2. Hạn chế và nguyên nhân", level=ITEM, body=prose.get("weaknesses", "")),
        Section(tasks_heading(kind, year), body=prose.get("tasks", "")),
    ]
    if prose.get("proposals", "").strip():
        sections.append(Section("VI. KIẾN NGHỊ, ĐỀ XUẤT", body=prose["proposals"]))
    if has_period:
        sections += [Section("Phụ lục I", level=APPENDIX, body="Kết quả thực hiện các chỉ tiêu"),
                     Section("", level=PART, bold=False, block=INDICATOR_APPENDIX)]
        if whole:
            sections += [Section("Phụ lục II", level=APPENDIX, body="Tình hình báo cáo và kết quả của các đơn vị"),
                         Section("", level=PART, bold=False, block=UNITS)]
    return sections


LEGACY_FIELDS = ["implementation", "results_text", "awards_text", "strengths", "weaknesses", "tasks", "proposals"]


def legacy_outline(text: dict, *, kind: str, year: int, whole: bool, has_period: bool) -> list[Section]:
    """The outline a report sent for signature before outlines existed printed: today's defaults
    with its prose, so its stored editions and reprints read as they did."""
    return default_outline(kind=kind, year=year, whole=whole, has_period=has_period,
                           prose={name: text.get(name) or "" for name in LEGACY_FIELDS})


def unwritten_positions(sections: list[Section]) -> list[int]:
    """Where a heading would print with nothing under it: no prose, no block, no sub-section."""
    positions = []
    for i, section in enumerate(sections):
        if section.level == APPENDIX or section.body.strip() or section.block:
            continue
        following = sections[i + 1] if i + 1 < len(sections) else None
        if following is None or following.level <= section.level:
            positions.append(i)
    return positions


def unwritten(sections: list[Section]) -> list[str]:
    """The headings that would print with nothing under them. Trình ký and the issue refuse these
    (an issued report says what went well, what did not and what comes next: domain.md §5.1)."""
    return [sections[i].heading or f"Đề mục thứ {i + 1}" for i in unwritten_positions(sections)]


def split(sections: list[Section]) -> tuple[list[Section], list[list[Section]]]:
    """The body (up to the signature) and the appendices, each starting with its PHỤ LỤC section."""
    body: list[Section] = []
    appendices: list[list[Section]] = []
    for section in sections:
        if section.level == APPENDIX:
            appendices.append([section])
        elif appendices:
            appendices[-1].append(section)
        else:
            body.append(section)
    return body, appendices


def appendix_label(sections: list[Section], block: str) -> str:
    """ "Phụ lục I": the label of the appendix that holds `block`, for the sentence that refers to
    it; empty when no appendix does."""
    _body, appendices = split(sections)
    for appendix in appendices:
        if any(s.block == block for s in appendix):
            label = appendix[0].heading.strip()
            return label[:1].upper() + label[1:].lower() if label.isupper() else label
    return ""


def briefing_rows(data: dict) -> list[dict]:
    """The briefing table's rows as stored: {"name", "marks": [bool × columns]}, names kept, empty
    rows dropped."""
    rows = []
    for row in (data or {}).get("rows", [])[:MAX_BRIEFING_ROWS]:
        name = str(row.get("name", "")).strip()
        marks = [bool(m) for m in (row.get("marks") or [])][:len(BRIEFING_COLUMNS)]
        marks += [False] * (len(BRIEFING_COLUMNS) - len(marks))
        if name or any(marks):
            rows.append({"name": name, "marks": marks})
    return rows


def sheet_names(sections: list[Section]) -> list[tuple[Section, str]]:
    """Each table block with the name of its sheet in the report's .xlsx: the heading it sits under
    (Excel allows 31 characters, no []:*?/\\), unique within the workbook."""
    used: set[str] = set()
    named = []
    heading = ""
    for section in sections:
        if section.heading.strip():
            heading = section.heading.strip()
        if section.block not in TABLE_BLOCKS:
            continue
        base = heading or BLOCK_NAMES[section.block]
        for char in '[]:*?/\\':
            base = base.replace(char, " ")
        base = " ".join(base.split())[:31].strip() or "Bảng"
        name, n = base, 2
        while name.lower() in used:
            name = f"{base[:28].strip()} {n}"
            n += 1
        used.add(name.lower())
        named.append((section, name))
    return named


def changed(old: list[Section], new: list[Section]) -> tuple[str, str]:
    """The sections a save removed or changed, and those it added or changed, as the history row
    records them: not the whole report again on every save."""
    def key(section: Section) -> str:
        return repr(sorted(section.as_dict().items()))

    matcher = SequenceMatcher(None, [key(s) for s in old], [key(s) for s in new], autojunk=False)
    before, after = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            before += old[i1:i2]
            after += new[j1:j2]
    return describe(before), describe(after)


def describe(sections: list[Section]) -> str:
    """The outline as the history page shows a change to it: each heading, its block, its prose."""
    lines = []
    for section in sections:
        head = section.heading or ("(phụ lục)" if section.level == APPENDIX else "(không đề mục)")
        if section.block:
            head += f" [{BLOCK_NAMES.get(section.block, section.block)}]"
        lines.append(head + (f": {section.body}" if section.body else ""))
    return "\n".join(lines)


# A saved default outline keeps its years as tokens, so next year's report reads next year's headings.
YEAR, NEXT_YEAR = "{năm}", "{năm sau}"
_FOUR_DIGITS = re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])")


def _tokens(text: str, year: int) -> str:
    names = {str(year): YEAR, str(year + 1): NEXT_YEAR}
    return _FOUR_DIGITS.sub(lambda m: names.get(m.group(0), m.group(0)), text)


def _years(text: str, year: int) -> str:
    return text.replace(NEXT_YEAR, str(year + 1)).replace(YEAR, str(year))


def as_template(sections: list[Section], year: int) -> list[dict]:
    """The outline an issuer keeps for its next reports of the kind: headings, levels, blocks and
    their settings, an appendix's title; not the prose, which belongs to this report."""
    rows = []
    for section in sections:
        data = {key: _tokens(value, year) if isinstance(value, str) else value for key, value in section.data.items()}
        rows.append(Section(heading=_tokens(section.heading, year), level=section.level, bold=section.bold,
                            body=_tokens(section.body, year) if section.level == APPENDIX else "",
                            block=section.block, data=data).as_dict())
    return rows


def from_template(rows: list[dict], year: int) -> list[Section]:
    sections = []
    for row in rows:
        section = Section.from_dict(row)
        section.heading, section.body = _years(section.heading, year), _years(section.body, year)
        section.data = {key: _years(value, year) if isinstance(value, str) else value
                        for key, value in section.data.items()}
        sections.append(section)
    return sections
