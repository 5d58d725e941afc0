"""A proposal's list of nominees, and the register's history from outside, as .xlsx: a template
to fill, and reading it back with every row checked (row and column named) and nothing kept
unless the whole file is right."""

from __future__ import annotations

from dataclasses import dataclass

from awards.models import AwardMode, AwardType, Proposal, RegisterEntry
from common import xlsx
from common.forms import parse_id, too_long
from common.plausible import NonAsciiDigit, ascii_digits
from common.text import normalise_search

LIST_SHEET = "Danh sách đề nghị"
LIST_HEADERS = ["STT", "Mã cán bộ (cá nhân)", "Mã đơn vị (tập thể)", "Họ tên / tên tập thể (để đối chiếu)",
                "Mã danh hiệu, hình thức", "Năm thành tích", "Chương trình (số mục)", "Tóm tắt thành tích"]
TYPES_SHEET = "Mã danh hiệu"
REGISTER_SHEET = "Sổ khen thưởng"
REGISTER_HEADERS = ["Mã cán bộ (cá nhân)", "Mã đơn vị (tập thể)", "Mã danh hiệu, hình thức", "Năm thành tích",
                    "Cơ quan quyết định", "Số, ký hiệu quyết định", "Ngày quyết định", "Ghi chú"]
# The statistics mode (mẫu 0603.N's rows), a column added after the templates above went out: optional,
# so an older file still imports; blank means the default (the campaign's form, or "thường xuyên").
MODE = "Hình thức khen thưởng (thống kê)"
MODE_HINT = "thường xuyên, chuyên đề, đột xuất, đối ngoại, cống hiến, niên hạn, kháng chiến"


def read_mode(value, row: int, errors: list) -> str:
    """A mode as people write it: the code, the full label, or its words without "Khen thưởng"
    ("đột xuất", "cống hiến"), accents optional; words that fit two modes are refused."""
    text = normalise_search(xlsx.cell_text(value))
    if not text:
        return ""
    found = []
    for code, label in AwardMode.choices:
        full = normalise_search(str(label))
        short = full.removeprefix("khen thuong ")
        if text in (code, full, short) or f" {text} " in f" {short} ":
            found.append(code)
    if len(found) == 1:
        return found[0]
    errors.append(RowError(row, MODE, f"ghi một trong: {MODE_HINT} (hoặc để trống)."))
    return ""


@dataclass
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"Dòng {self.row}, cột “{self.column}”: {self.message}"


@dataclass
class ListRow:
    row: int
    person: object | None
    organisation: object | None
    award_type: AwardType
    year: int
    programme: object | None
    summary: str
    mode: str = ""


def _types_sheet(types: list[AwardType]) -> xlsx.Sheet:
    return xlsx.Sheet(TYPES_SHEET, ["Mã", "Tên", "Đối tượng"],
                      [[t.code, t.name, t.get_recipient_kind_display()] for t in types], widths=[14, 60, 12])


def list_template(proposal: Proposal, types: list[AwardType]) -> bytes:
    rows = []
    for i, n in enumerate(proposal.nominations.select_related("person", "organisation", "award_type", "programme"),
                          start=1):
        rows.append([i, n.person.employee_code if n.person_id else "", n.organisation.code if n.organisation_id else "",
                     n.nominee_name, n.award_type.code, n.achievement_year,
                     n.programme.number if n.programme_id else "", n.summary])
    return xlsx.write_workbook([
        xlsx.Sheet(LIST_SHEET, [*LIST_HEADERS, MODE], rows, widths=[6, 16, 16, 34, 18, 12, 14, 60, 24]),
        _types_sheet(types)])


def _year(value, row: int, column: str, errors: list) -> int | None:
    text = xlsx.cell_text(value)
    try:
        year = parse_id(ascii_digits(text))   # a year typed "２０２６" is 2026; "٢٠٢٦" is refused
    except NonAsciiDigit:
        errors.append(RowError(row, column, f"“{text}”: chỉ dùng chữ số 0–9."))
        return None
    if year is None or not 1990 <= year <= 2100:
        errors.append(RowError(row, column, f"“{text}” không phải là năm (ví dụ 2026)."))
        return None
    return year


def read_list(file, *, people: dict[str, object], organisations: dict[str, object], types: dict[str, AwardType],
              programmes: dict[str, object], default_year: int) -> tuple[list[ListRow], list[RowError]]:
    """people / organisations: code (upper case) → allowed nominee; programmes: item number → row."""
    rows = xlsx.read_sheet(file, LIST_SHEET, [*LIST_HEADERS, MODE], mandatory=["Mã danh hiệu, hình thức"])
    out, errors = [], []
    for number, row in rows:
        person_code = xlsx.cell_text(row["Mã cán bộ (cá nhân)"]).upper()
        org_code = xlsx.cell_text(row["Mã đơn vị (tập thể)"]).upper()
        type_code = xlsx.cell_text(row["Mã danh hiệu, hình thức"]).upper()
        if not (person_code or org_code or type_code):
            continue
        person = organisation = None
        if bool(person_code) == bool(org_code):
            errors.append(RowError(number, "Mã cán bộ (cá nhân)", "ghi mã cán bộ hoặc mã đơn vị (một trong hai)."))
        elif person_code:
            person = people.get(person_code)
            if person is None:
                errors.append(RowError(number, "Mã cán bộ (cá nhân)",
                                       f"“{person_code}” không phải cán bộ của đơn vị đề nghị."))
        else:
            organisation = organisations.get(org_code)
            if organisation is None:
                errors.append(RowError(number, "Mã đơn vị (tập thể)", f"“{org_code}” không thuộc đơn vị đề nghị."))
        award = types.get(type_code)
        if award is None:
            errors.append(RowError(number, "Mã danh hiệu, hình thức",
                                   f"“{type_code}” không có trong danh mục (xem trang “{TYPES_SHEET}”)."))
        year_cell = row["Năm thành tích"]
        year = default_year if xlsx.cell_text(year_cell) == "" else _year(year_cell, number, "Năm thành tích", errors)
        programme = None
        programme_text = xlsx.cell_text(row.get("Chương trình (số mục)"))
        if programmes:
            programme = programmes.get(programme_text)
            if programme is None:
                errors.append(RowError(number, "Chương trình (số mục)",
                                       f"ghi số mục của chương trình ({', '.join(sorted(programmes))})."))
        elif programme_text:
            errors.append(RowError(number, "Chương trình (số mục)",
                                   "nội dung thi đua của tờ trình không chia theo chương trình: để trống."))
        summary = xlsx.cell_text(row.get("Tóm tắt thành tích"))
        if len(summary) > 5000:
            errors.append(RowError(number, "Tóm tắt thành tích", "tối đa 5.000 ký tự."))
        check_name = normalise_search(xlsx.cell_text(row.get("Họ tên / tên tập thể (để đối chiếu)")))
        subject = person or organisation
        if subject is not None and check_name:
            actual = normalise_search(subject.full_name if person else subject.name)
            if check_name != actual:
                errors.append(RowError(number, "Họ tên / tên tập thể (để đối chiếu)",
                                       f"mã “{person_code or org_code}” là của “{subject}”, không khớp tên đã ghi."))
        mode = read_mode(row.get(MODE), number, errors)
        if award is not None and year is not None and subject is not None:
            out.append(ListRow(number, person, organisation, award, year, programme, summary, mode))
    return out, errors


def register_template(types: list[AwardType]) -> bytes:
    return xlsx.write_workbook([xlsx.Sheet(REGISTER_SHEET, [*REGISTER_HEADERS, MODE], [],
                                           widths=[16, 16, 18, 12, 30, 20, 14, 30, 24]), _types_sheet(types)])


@dataclass
class RegisterRow:
    row: int
    person: object | None
    organisation: object | None
    award_type: AwardType
    year: int
    issuer_name: str
    reference: str
    decided_on: object
    note: str
    mode: str = ""


def read_register(file, *, people: dict[str, object], organisations: dict[str, object],
                  types: dict[str, AwardType]) -> tuple[list[RegisterRow], list[RowError]]:
    rows = xlsx.read_sheet(file, REGISTER_SHEET, [*REGISTER_HEADERS, MODE], mandatory=REGISTER_HEADERS)
    out, errors = [], []
    for number, row in rows:
        person_code = xlsx.cell_text(row["Mã cán bộ (cá nhân)"]).upper()
        org_code = xlsx.cell_text(row["Mã đơn vị (tập thể)"]).upper()
        person = people.get(person_code) if person_code else None
        organisation = organisations.get(org_code) if org_code else None
        if bool(person_code) == bool(org_code):
            errors.append(RowError(number, "Mã cán bộ (cá nhân)", "ghi mã cán bộ hoặc mã đơn vị (một trong hai)."))
        elif person_code and person is None:
            errors.append(RowError(number, "Mã cán bộ (cá nhân)", f"“{person_code}” không có trong phạm vi của bạn."))
        elif org_code and organisation is None:
            errors.append(RowError(number, "Mã đơn vị (tập thể)", f"“{org_code}” không có trong phạm vi của bạn."))
        award = types.get(xlsx.cell_text(row["Mã danh hiệu, hình thức"]).upper())
        if award is None:
            errors.append(RowError(number, "Mã danh hiệu, hình thức", "không có trong danh mục."))
        year = _year(row["Năm thành tích"], number, "Năm thành tích", errors)
        issuer_name = xlsx.cell_text(row["Cơ quan quyết định"])
        reference = xlsx.cell_text(row["Số, ký hiệu quyết định"])
        note = xlsx.cell_text(row.get("Ghi chú"))
        for column, value in (("Cơ quan quyết định", issuer_name), ("Số, ký hiệu quyết định", reference)):
            if not value:
                errors.append(RowError(number, column, "bắt buộc."))
        # Refused, never cut: the register is the record of who was awarded what.
        for column, value, name in (("Cơ quan quyết định", issuer_name, "issuer_name"),
                                    ("Số, ký hiệu quyết định", reference, "reference"), ("Ghi chú", note, "note")):
            limit = RegisterEntry._meta.get_field(name).max_length
            if limit and len(value) > limit:
                errors.append(RowError(number, column, too_long(limit, len(value))))
        try:
            decided_on = xlsx.cell_date(row["Ngày quyết định"])
        except ValueError:
            decided_on = None
        if decided_on is None:
            errors.append(RowError(number, "Ngày quyết định", "ghi ngày theo dạng dd/mm/yyyy."))
        mode = read_mode(row.get(MODE), number, errors)
        if award and year and decided_on and (person or organisation) and issuer_name and reference:
            out.append(RegisterRow(number, person, organisation, award, year, issuer_name, reference, decided_on,
                                   note, mode))
    return out, errors


HISTORY_HEADERS = ["STT", "Năm thành tích", "Danh hiệu thi đua / hình thức khen thưởng", "Số, ký hiệu quyết định",
                   "Ngày quyết định", "Cơ quan quyết định", "Ghi chú"]


def history_heading(history, printed_on) -> list[str]:
    """The lines above the history's table (the PDF prints the same): who, where, and the runs."""
    if history.is_organisation:
        lines = [f"Tên tập thể: {history.name}"]
        if history.unit:
            lines.append(f"Trực thuộc: {history.unit}")
    else:
        lines = [f"Họ và tên: {history.name}"]
        born = f"{history.birth_date:%d/%m/%Y}" if history.birth_date else "chưa ghi"
        lines.append(f"Ngày sinh: {born}; giới tính: {history.gender or 'chưa ghi'}")
        lines.append(f"Chức vụ: {history.position or 'chưa ghi'}; đơn vị công tác: {history.unit}")
    runs = "; ".join(s.text for s in history.streaks) or "chưa có"
    lines.append(f"Danh hiệu thi đua hằng năm liên tục (đến năm gần nhất): {runs}")
    lines.append(f"Trích từ Sổ khen thưởng ngày {printed_on:%d/%m/%Y}; khen thưởng đã thu hồi không được tính.")
    return lines


def history_workbook(history, printed_on) -> bytes:
    """One sheet, oldest year first; the date as a date, every text (typed by a person: an issuer's
    name, a note) as text, so "=…" stays what was typed (common.xlsx)."""
    rows = [[i, r.year, r.award, r.number, r.decided_on, r.issuer, r.note]
            for i, r in enumerate(history.rows, start=1)]
    sheet = xlsx.Sheet("Quá trình khen thưởng", HISTORY_HEADERS, rows, widths=[6, 10, 45, 18, 14, 40, 45],
                       heading=["QUÁ TRÌNH KHEN THƯỞNG", *history_heading(history, printed_on)])
    return xlsx.write_workbook([sheet])
