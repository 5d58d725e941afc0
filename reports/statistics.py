"""The statistics forms on thi đua, khen thưởng (Thông tư 02/2023/TT-BNV, biểu 0601.N–0605.N) as
data, and the pure rules that place each counted row in its cells. No queries: the facts come
from reports.statistics_sources, the figures a person types from the StatisticsSheet.

The layouts follow the forms as printed in the LIFE vendor's templates (the official Phụ lục II
text was not at hand; README "Biểu thống kê" says what was checked and where). Thông tư
18/2025/TT-BNV (08/10/2025) has the same title and very probably replaces TT 02/2023, but its
forms could not be read: keeping the forms as data is what lets them be swapped.

A figure is the number of rows counted in its cell, and every cell can say which rows those are
(`cells_of`), so the page can list them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

BASIS = "Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023"


@dataclass(frozen=True)
class Row:
    code: str           # "Mã số"; "" for a section heading
    label: str
    level: int = 1      # 0: heading or total (bold); 1: "- "; 2: "+ " or "Trong đó"
    unit: str = ""      # column C (Đơn vị tính) where the form has one


@dataclass(frozen=True)
class Column:
    key: str            # the cell key: "1", "2", "7:tt", "2:CODE:cn"
    number: str         # as printed over the column
    label: str
    group: str = ""     # the heading over a run of columns ("Chia ra")
    sub: str = ""       # "Tập thể" / "Cá nhân" under a form's name


@dataclass(frozen=True)
class Form:
    code: str           # "0601.N"
    title: str
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]
    unit_note: str = ""  # "Đơn vị tính: Phong trào"
    has_unit_column: bool = False
    entered: bool = False  # typed by the secretariat, not counted

    @property
    def number(self) -> str:
        return f"{self.code}/BNV-TĐKT"

    @property
    def slug(self) -> str:
        return self.code.split(".")[0]

    def row(self, code: str) -> Row | None:
        return next((r for r in self.rows if r.code == code), None)

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)


# --- The reporting year ---------------------------------------------------------------------------


def period(year: int) -> tuple[date, date]:
    """TT 02/2023: statistics on awards run from 01/12 of the year before to 30/11 (domain.md §8)."""
    return date(year - 1, 12, 1), date(year, 11, 30)


def deadline(year: int) -> date:
    """The forms print "Ngày nhận báo cáo: Ngày 15 tháng 12 năm báo cáo"."""
    return date(year, 12, 15)


# --- 0601.N: campaigns ----------------------------------------------------------------------------

LAUNCH_LEVEL = "Số phong trào thi đua chia theo cấp chủ trì phát động thi đua"
F0601 = Form(
    code="0601.N", title="SỐ PHONG TRÀO THI ĐUA", unit_note="Đơn vị tính: Phong trào",
    columns=(
        Column("1", "1=(2+3+4)", "Tổng số"),
        Column("2", "2", "Cấp Trung ương (Hội đồng Thi đua - Khen thưởng Trung ương)",
               group=LAUNCH_LEVEL),
        Column("3", "3", "Cấp bộ, ban ngành đoàn thể trung ương, tỉnh, thành phố trực thuộc Trung ương",
               group=LAUNCH_LEVEL),
        Column("4", "4", "Cơ quan, tổ chức, đơn vị", group=LAUNCH_LEVEL),
    ),
    rows=(
        Row("01", "Tổng số", 0),
        Row("", "1. Chia theo phạm vi tổ chức thi đua", 0),
        Row("02", "Toàn quốc"),
        Row("03", "Bộ, ban, ngành đoàn thể, địa phương"),
        Row("04", "Cụm, khối thi đua do Hội đồng Thi đua - Khen thưởng các cấp tổ chức"),
        Row("05", "Cơ quan, tổ chức, đơn vị"),
        Row("", "2. Chia theo thời hạn thi đua", 0),
        Row("06", "Dưới 1 năm"),
        Row("07", "1 năm"),
        Row("08", "Từ 1 năm đến dưới 3 năm"),
        Row("09", "Từ 3 năm đến dưới 5 năm"),
        Row("10", "Từ 5 năm trở lên"),
        Row("", "3. Chia theo phương thức tổ chức phong trào thi đua", 0),
        Row("11", "Thi đua theo chuyên đề"),
        Row("12", "Thi đua thường xuyên hàng năm"),
    ),
)

# Who launches: a province's committee and its departments are "cấp tỉnh" (column 3, scope row
# 03); a district or commune committee is a locality (row 03) of the agency column; any other body
# is an agency for itself (column 4, row 05).
PROVINCE_LEVEL = frozenset({"province_committee", "department"})
LOCALITY = frozenset({"province_committee", "department", "district_committee", "commune_committee"})


@dataclass(frozen=True)
class CampaignFacts:
    key: str
    issuer_kind: str
    thematic: bool
    start: date | None
    end: date | None
    year: int
    by_bloc: bool = False


def months(start: date, end: date) -> int:
    """Calendar months the campaign runs, the first and last counted whole: 01/01–31/12 and
    15/01–31/12 are both 12 (an annual plan launched in January runs "1 năm")."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def duration_row(facts: CampaignFacts) -> str:
    """Rows 06–10. Without dates a campaign runs its emulation year (12 months)."""
    span = months(facts.start, facts.end) if facts.start and facts.end else 12
    if span < 12:
        return "06"
    if span == 12:
        return "07"
    if span < 36:
        return "08"
    if span < 60:
        return "09"
    return "10"


def campaign_cells(facts: CampaignFacts) -> set[tuple[str, str]]:
    column = "3" if facts.issuer_kind in PROVINCE_LEVEL else "4"
    scope = "04" if facts.by_bloc else "03" if facts.issuer_kind in LOCALITY else "05"
    method = "11" if facts.thematic else "12"
    return {(row, col) for row in ("01", scope, duration_row(facts), method) for col in ("1", column)}


def campaign_notes(facts: CampaignFacts) -> list[str]:
    """What the count had to assume, shown beside the campaign in a cell's list."""
    if facts.start and facts.end:
        return []
    return ["Chưa ghi thời gian thi đua: tính là 1 năm (năm thi đua)."]


# --- 0602.N and 0603.N: awards --------------------------------------------------------------------

MODE_ROWS_0602 = {"regular": "15", "thematic": "16", "sudden": "17", "foreign": "18", "dedication": "19",
                  "seniority": "20", "resistance": "21"}
MODE_ROWS_0603 = {"regular": "11", "thematic": "12", "sudden": "13", "foreign": "14", "dedication": "15",
                  "seniority": "16", "resistance": "17"}
MODE_LABELS = (("regular", "Thường xuyên"), ("thematic", "Chuyên đề"), ("sudden", "Đột xuất"), ("foreign", "Đối ngoại"),
               ("dedication", "Cống hiến"), ("seniority", "Niên hạn"), ("resistance", "Kháng chiến"))
INDIVIDUAL_TIERS = (
    ("ministry", "Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên"),
    ("department", "Lãnh đạo cấp vụ, sở, ngành và tương đương"),
    ("entrepreneur", "Doanh nhân"),
    ("other", "Các cấp lãnh đạo khác từ phó phòng trở lên"),
    ("direct", "Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu (công nhân, nông dân,...)"),
)


def _recipient_rows(first: int) -> tuple[Row, ...]:
    """"Chia theo đối tượng khen thưởng": Tập thể, Trong đó doanh nghiệp, Hộ gia đình, Cá nhân and its tiers."""
    codes = [f"{n:02d}" for n in range(first, first + 9)]
    return (
        Row(codes[0], "Tập thể", 1, "Tập thể"),
        Row(codes[1], "Trong đó: Doanh nghiệp", 2, "Doanh nghiệp"),
        Row(codes[2], "Hộ gia đình", 1, "Hộ"),
        Row(codes[3], "Cá nhân", 1, "Người"),
        *(Row(code, label, 2, "Người") for code, (_tier, label) in zip(codes[4:], INDIVIDUAL_TIERS, strict=True)),
    )


def _mode_rows(codes: dict[str, str]) -> tuple[Row, ...]:
    return tuple(Row(codes[mode], label) for mode, label in MODE_LABELS)


# 0602.N's columns 2, 5 and 9 hold "each form in its own column": built from the catalogue.
STATE_FIXED = (
    ("hcm_prize", "3", "Giải thưởng Hồ Chí Minh", ("cn",)),
    ("state_prize", "4", "Giải thưởng Nhà nước", ("cn",)),
    ("government_flag", "6", "Cờ thi đua của Chính phủ", ("tt",)),
    ("pm_certificate", "7", "Bằng khen của Thủ tướng Chính phủ", ("tt", "cn")),
    ("national_fighter", "8", "Danh hiệu “Chiến sĩ thi đua toàn quốc”", ("cn",)),
)
STATE_PER_FORM = (("state_order", "2", "Các loại huân chương, huy chương"),
                  ("honour_title", "5", "Danh hiệu vinh dự nhà nước"),
                  ("state_other", "9", "Các hình thức khen thưởng khác"))
SUB_LABELS = {"tt": "Tập thể", "cn": "Cá nhân"}


def form_0602(per_form: dict[str, list[tuple[str, str]]]) -> Form:
    """`per_form`: for state_order, honour_title and state_other, the (code, name) of each award type
    of the catalogue counted there; each becomes its own pair of columns."""
    columns = [Column("1", "1", "Tổng số")]
    order = ["state_order", "hcm_prize", "state_prize", "honour_title", "government_flag", "pm_certificate",
             "national_fighter", "state_other"]
    fixed = {key: (number, label, subs) for key, number, label, subs in STATE_FIXED}
    grouped = {key: (number, label) for key, number, label in STATE_PER_FORM}
    for key in order:
        if key in fixed:
            number, label, subs = fixed[key]
            columns += [Column(f"{number}:{sub}", number, label, group="Chia ra", sub=SUB_LABELS[sub]) for sub in subs]
            continue
        number, group_label = grouped[key]
        forms = per_form.get(key) or [("", "(chưa có trong danh mục)")]
        for code, name in forms:
            columns += [Column(f"{number}:{code}:{sub}", number, f"{group_label}: {name}" if code else group_label,
                               group="Chia ra", sub=SUB_LABELS[sub]) for sub in ("tt", "cn")]
    rows = (
        Row("01", "Tổng số", 0),
        Row("", "1. Chia theo đơn vị ban hành tờ trình Thủ tướng Chính phủ về khen thưởng", 0),
        Row("02", "Bộ, ban, ngành, đoàn thể Trung ương", 1, "Bộ, ngành"),
        Row("03", "Tỉnh, thành phố trực thuộc Trung ương", 1, "Tỉnh, TP"),
        Row("", "2. Chia theo đối tượng khen thưởng", 0),
        *_recipient_rows(6),
        Row("", "3. Chia theo phương thức khen thưởng", 0),
        *_mode_rows(MODE_ROWS_0602),
    )
    return Form(code="0602.N", title="SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC", rows=rows, columns=tuple(columns),
                has_unit_column=True)


MINISTRY_COLUMNS = {"certificate": "2", "fighter": "3", "flag": "4", "badge": "5"}
F0603 = Form(
    code="0603.N",
    title="SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG",
    has_unit_column=True,
    columns=(
        Column("1", "1", "Tổng số"),
        Column("2", "2", "Bằng khen", group="Chia ra"),
        Column("3", "3", "Chiến sĩ thi đua cấp bộ, cấp tỉnh", group="Chia ra"),
        Column("4", "4", "Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương",
               group="Chia ra"),
        Column("5", "5", "Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực "
               "thuộc Trung ương", group="Chia ra"),
    ),
    rows=(
        Row("01", "Tổng số", 0),
        Row("", "1. Chia theo đối tượng khen thưởng", 0),
        *_recipient_rows(2),
        Row("", "2. Chia theo phương thức khen thưởng", 0),
        *_mode_rows(MODE_ROWS_0603),
    ),
)


@dataclass(frozen=True)
class AwardFacts:
    key: str
    column: str             # AwardType.statistics_column
    award_code: str
    collective: bool
    mode: str
    tier: str = ""          # Person.leadership, or "direct" for a direct worker without one
    enterprise: bool = False
    household: bool = False


def form_of(column: str) -> str:
    """Which form counts an award type's statistics column ("" when none does)."""
    if column in MINISTRY_COLUMNS:
        return "0603.N"
    if column:
        return "0602.N"
    return ""


def award_cells(facts: AwardFacts) -> set[tuple[str, str]]:
    form = form_of(facts.column)
    if not form:
        return set()
    if form == "0603.N":
        columns = ("1", MINISTRY_COLUMNS[facts.column])
        first, modes = 2, MODE_ROWS_0603
        rows = {"01"}
    else:
        sub = "tt" if facts.collective else "cn"
        number = next((n for key, n, _label, _subs in STATE_FIXED if key == facts.column), None)
        if number is None:
            number = next(n for key, n, _label in STATE_PER_FORM if key == facts.column)
            columns = ("1", f"{number}:{facts.award_code}:{sub}")
        else:
            columns = ("1", f"{number}:{sub}")
        first, modes = 6, MODE_ROWS_0602
        # Every award this system counts reached the Prime Minister through a province.
        rows = {"01", "03"}
    codes = [f"{n:02d}" for n in range(first, first + 9)]
    if facts.household:
        rows.add(codes[2])
    elif facts.collective:
        rows.add(codes[0])
        if facts.enterprise:
            rows.add(codes[1])
    else:
        rows.add(codes[3])
        tiers = {tier: code for (tier, _label), code in zip(INDIVIDUAL_TIERS, codes[4:], strict=True)}
        if facts.tier in tiers:
            rows.add(tiers[facts.tier])
    rows.add(modes.get(facts.mode, modes["regular"]))
    return {(row, col) for row in rows for col in columns}


# --- 0604.N and 0605.N: typed by the secretariat --------------------------------------------------

F0604 = Form(
    code="0604.N",
    title="SỐ LƯỢNG TỔ CHỨC LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG CỦA BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG, TỈNH, "
          "THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG",
    has_unit_column=True, entered=True,
    columns=(Column("1", "1", "Số lượng"),),
    rows=(
        Row("01", "Tổng số", 0, "Tổ chức"),
        Row("", "Chia theo cơ cấu tổ chức bộ máy", 0),
        Row("02", "Cấp Vụ thuộc bộ, ban, ngành, đoàn thể Trung ương", 1, "Vụ"),
        Row("03", "Cấp phòng, ban hoặc bộ phận thuộc Vụ", 1, "Phòng"),
        Row("04", "Cấp ban thuộc Sở Nội vụ", 1, "Ban"),
        Row("05", "Cấp phòng thuộc Sở Nội vụ", 1, "Phòng"),
    ),
)

F0605 = Form(
    code="0605.N",
    title="SỐ LƯỢNG CÔNG CHỨC LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG CỦA BỘ, BAN, NGÀNH ĐOÀN THỂ TRUNG ƯƠNG, TỈNH, "
          "THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG",
    entered=True,
    columns=(Column("1", "1", "Tổng số", group="Số lượng (Người)"),
             Column("2", "2", "Trong đó: Nữ", group="Số lượng (Người)")),
    rows=(
        Row("01", "Tổng số", 0),
        Row("", "1. Chia theo độ tuổi", 0),
        Row("02", "Từ 30 trở xuống"), Row("03", "Từ 31 đến 40"), Row("04", "Từ 41 đến 50"),
        Row("05", "Từ 51 đến 55"), Row("06", "Từ 56 đến 60"), Row("07", "Trên 60 tuổi"),
        Row("", "2. Chia theo trình độ đào tạo", 0),
        Row("08", "Sơ cấp"), Row("09", "Trung cấp"), Row("10", "Cao đẳng"), Row("11", "Đại học"),
        Row("12", "Trên đại học"),
        Row("", "3. Chia theo thâm niên công tác trong lĩnh vực thi đua, khen thưởng", 0),
        Row("13", "Dưới 5 năm"), Row("14", "Từ 5 đến 10 năm"), Row("15", "Từ 10 năm trở lên"),
    ),
)

# The sections whose rows must add up to the total (row 01), per typed form.
ENTERED_SECTIONS = {
    "0604.N": [("02", "03", "04", "05")],
    "0605.N": [("02", "03", "04", "05", "06", "07"), ("08", "09", "10", "11", "12"), ("13", "14", "15")],
}


def entered_errors(form: Form, values: dict[str, dict[str, int]]) -> dict[tuple[str, str], str]:
    """Messages for the typed figures, by cell: each section adds up to the total, and on 0605.N
    the women are no more than the whole row."""
    errors: dict[tuple[str, str], str] = {}
    total = values.get("01", {})
    for section in ENTERED_SECTIONS.get(form.code, []):
        for column in form.columns:
            figures = [values.get(code, {}).get(column.key) for code in section]
            if all(f is None for f in figures):
                continue
            added = sum(f or 0 for f in figures)
            if added != (total.get(column.key) or 0):
                first = form.row(section[0])
                errors[(section[0], column.key)] = (
                    f"Cộng các dòng {section[0]}–{section[-1]} là {added}, khác dòng Tổng số "
                    f"({total.get(column.key) or 0}) ở cột {column.number}: sửa lại mục “{first.label}” "
                    "và các dòng dưới.")
    if form.code == "0605.N":
        for row in form.rows:
            if not row.code:
                continue
            women, everyone = values.get(row.code, {}).get("2"), values.get(row.code, {}).get("1")
            if women is not None and women > (everyone or 0):
                errors[(row.code, "2")] = f"Số nữ ({women}) lớn hơn tổng số ({everyone or 0}) ở dòng {row.code}."
    return errors


# --- Counting -------------------------------------------------------------------------------------


@dataclass
class Tally:
    """The rows counted in each cell of one form: figures and what they are made of."""

    form: Form
    cells: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))

    def figure(self, row: str, column: str) -> int:
        return len(self.cells.get((row, column), ()))

    def keys(self, row: str, column: str) -> list[str]:
        return list(self.cells.get((row, column), ()))


def tally(form: Form, items: Iterable, cells_of) -> Tally:
    """Place each item (campaign or award facts) in the cells `cells_of` gives it; cells the form
    does not print are a bug in the rules, not a figure to lose, hence the check."""
    result = Tally(form)
    known_rows = {r.code for r in form.rows if r.code}
    known_columns = {c.key for c in form.columns}
    for item in items:
        for row, column in sorted(cells_of(item)):
            if row not in known_rows or column not in known_columns:
                raise ValueError(f"{form.code}: ô ({row}, {column}) không có trong biểu")
            result.cells[(row, column)].append(item.key)
    return result


# What each counted form counts, as the page says it under the table (README "Biểu thống kê" in full).
COUNTED = {
    "0601.N": "Đếm các kế hoạch phát động phong trào (không tính dự thảo, chương trình hành động) do cơ quan hoặc "
              "đơn vị trực thuộc ban hành trong kỳ báo cáo, theo ngày ban hành (kế hoạch chỉ in tháng: ngày 01 "
              "của tháng). Kế hoạch chưa có ngày ban hành thì chưa được đếm.",
    "0602.N": "Đếm các lượt khen thưởng cấp nhà nước quyết định trong kỳ: dòng quyết định đã ban hành (chưa thu hồi) "
              "và khen thưởng ghi trong Sổ khen thưởng (cấp trên quyết định, trước khi dùng hệ thống) của cá nhân, tập "
              "thể thuộc cơ quan. Loại khen thưởng vào cột nào do danh mục quy định.",
    "0603.N": "Đếm các lượt khen thưởng cấp bộ, cấp tỉnh (Bằng khen, Chiến sĩ thi đua, Cờ thi đua, Kỷ niệm chương) "
              "quyết định trong kỳ, như biểu 0602.N. Danh hiệu cơ sở và giấy khen không thuộc biểu nào.",
}


def forms(state_per_form: dict[str, list[tuple[str, str]]] | None = None) -> list[Form]:
    return [F0601, form_0602(state_per_form or {}), F0603, F0604, F0605]


def differences(before: dict, after: dict) -> list[tuple[str, str, str, int | None, int | None]]:
    """The cells whose figure changed between two editions' figures ({form: {row: {column: n}}}), in
    the forms' order: (form code, row code, column key, before, after)."""
    changed = []
    for code in sorted(set(before) | set(after)):
        old_rows, new_rows = before.get(code, {}), after.get(code, {})
        for row in sorted(set(old_rows) | set(new_rows)):
            old_cells, new_cells = old_rows.get(row, {}), new_rows.get(row, {})
            for column in sorted(set(old_cells) | set(new_cells)):
                if old_cells.get(column) != new_cells.get(column):
                    changed.append((code, row, column, old_cells.get(column), new_cells.get(column)))
    return changed

