"""The Excel shape of units and people: one workbook, two sheets, the same for export and import,
so an exported file can be edited and imported back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from common import xlsx
from common.forms import too_long
from common.text import nfc
from units import rules
from units.models import EmploymentType, Gender, LeadershipLevel, Organisation, OrganisationKind, Person
from units.selectors import flatten, sort_tree

UNIT_SHEET = "Đơn vị"
PEOPLE_SHEET = "Cá nhân"
# "Ngừng hoạt động từ" is exported for reading only: closing a unit is done on its page, where the
# successor and the note are recorded too.
UNIT_HEADERS = ["Ký hiệu", "Tên đơn vị", "Loại đơn vị", "Ký hiệu đơn vị cấp trên", "Có tư cách pháp nhân",
                "Thư điện tử", "Điện thoại", "Địa chỉ", "Ngừng hoạt động từ"]
# The statistics forms' tier (mẫu 0602.N/0603.N). A blank cell, or a file from before the column,
# leaves a person's tier as it is: only a written value changes it ("Không giữ chức vụ lãnh đạo" clears it).
LEADERSHIP = "Cấp lãnh đạo (thống kê)"
PEOPLE_HEADERS = ["Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính", "Ký hiệu đơn vị", "Chức vụ",
                  "Loại cán bộ", "Trực tiếp lao động", "Thư điện tử", "Điện thoại", LEADERSHIP]
YES = {"có", "co", "x", "1", "yes", "true"}
NO = {"", "không", "khong", "0", "no", "false"}


def export_workbook(organisations: list[Organisation], people: list[Person]) -> bytes:
    by_id = {o.pk: o for o in organisations}
    unit_rows = []
    for node in flatten(sort_tree(organisations)):
        org = node.organisation
        # The top of an exported subtree keeps its parent's code, so that the file imports back.
        parent = by_id.get(org.parent_id) or org.parent
        unit_rows.append([
            org.code, org.name, org.get_kind_display(), parent.code if parent else "",
            "Có" if org.has_legal_personality else "Không", org.email, org.phone, org.address, org.closed_on,
        ])
    people_rows = [
        [p.employee_code, p.full_name, p.birth_date, p.get_gender_display(), by_id[p.organisation_id].code
         if p.organisation_id in by_id else "", p.position, p.get_employment_type_display(),
         "Có" if p.is_direct_worker else "Không", p.email, p.phone, p.get_leadership_display()]
        for p in people
    ]
    return xlsx.write_workbook([
        xlsx.Sheet(UNIT_SHEET, UNIT_HEADERS, unit_rows, widths=[14, 50, 28, 22, 12, 26, 16, 30, 16]),
        xlsx.Sheet(PEOPLE_SHEET, PEOPLE_HEADERS, people_rows, widths=[14, 30, 12, 10, 16, 26, 16, 12, 26, 16, 34]),
    ])


@dataclass
class RowError:
    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"Trang “{self.sheet}”, dòng {self.row}, cột “{self.column}”: {self.message}"


@dataclass
class UnitRow:
    row: int
    code: str
    name: str
    kind: str
    parent_code: str
    has_legal_personality: bool
    email: str
    phone: str
    address: str


@dataclass
class PersonRow:
    row: int
    employee_code: str
    full_name: str
    birth_date: object
    gender: str
    unit_code: str
    position: str
    employment_type: str
    is_direct_worker: bool
    email: str
    phone: str
    leadership: str | None = None   # None: not written, keep the person's


@dataclass
class ParsedWorkbook:
    units: list[UnitRow] = field(default_factory=list)
    people: list[PersonRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def _choice(value: str, choices, sheet: str, row: int, column: str, errors: list[RowError]) -> str:
    text = nfc(value).strip().lower()
    for code, label in choices:
        if text in (code.lower(), str(label).lower()):
            return code
    allowed = "; ".join(f"“{label}”" for _code, label in choices)
    errors.append(RowError(sheet, row, column, f"“{value}” không hợp lệ; dùng một trong: {allowed}."))
    return ""


def _flag(value, sheet: str, row: int, column: str, errors: list[RowError]) -> bool:
    text = xlsx.cell_text(value).lower()
    if text in YES:
        return True
    if text in NO:
        return False
    errors.append(RowError(sheet, row, column, f"“{value}” không hợp lệ; ghi “Có” hoặc “Không”."))
    return False


def _text(values: dict, column: str, limit: int, sheet: str, row: int, errors: list[RowError]) -> str:
    """A free-text cell within its field's limit; a longer one is an error of its row and column,
    never cut (an address cut at 255 reads as a real, wrong address)."""
    text = xlsx.cell_text(values.get(column))
    if len(text) > limit:
        errors.append(RowError(sheet, row, column, too_long(limit, len(text))))
    return text


def _email(value, sheet: str, row: int, errors: list[RowError]) -> str:
    text = xlsx.cell_text(value)
    if text:
        try:
            validate_email(text)
        except ValidationError:
            errors.append(RowError(sheet, row, "Thư điện tử", f"“{text}” không phải địa chỉ thư hợp lệ."))
    return text


def parse_workbook(file, today: date) -> ParsedWorkbook:
    """Read and check every row's own values (not yet against the database).

    Raises xlsx.WorkbookError when the file is not a workbook of this shape."""
    parsed = ParsedWorkbook()
    errors = parsed.errors
    unit_rows, people_rows = xlsx.read_sheets(file, [
        xlsx.SheetSpec(UNIT_SHEET, UNIT_HEADERS, mandatory=UNIT_HEADERS[:4], required=False),
        xlsx.SheetSpec(PEOPLE_SHEET, PEOPLE_HEADERS, mandatory=PEOPLE_HEADERS[:5], required=False),
    ], max_rows=xlsx.MAX_ROWS_UNITS)
    if not unit_rows and not people_rows:
        raise xlsx.WorkbookError(
            f"Tệp không có dữ liệu trong trang “{UNIT_SHEET}” hoặc “{PEOPLE_SHEET}”. Hãy dùng tệp mẫu xuất từ hệ thống."
        )
    for number, values in unit_rows:
        code = xlsx.cell_text(values.get("Ký hiệu"))
        name = nfc(xlsx.cell_text(values.get("Tên đơn vị")))
        if not code:
            errors.append(RowError(UNIT_SHEET, number, "Ký hiệu", "không được để trống."))
        elif len(code) > 30:
            errors.append(RowError(UNIT_SHEET, number, "Ký hiệu", "dài quá 30 ký tự."))
        if not name:
            errors.append(RowError(UNIT_SHEET, number, "Tên đơn vị", "không được để trống."))
        elif len(name) > 255:
            errors.append(RowError(UNIT_SHEET, number, "Tên đơn vị", "dài quá 255 ký tự."))
        kind = _choice(xlsx.cell_text(values.get("Loại đơn vị")), OrganisationKind.choices, UNIT_SHEET, number,
                       "Loại đơn vị", errors)
        parsed.units.append(UnitRow(
            row=number, code=code, name=name, kind=kind,
            parent_code=xlsx.cell_text(values.get("Ký hiệu đơn vị cấp trên")),
            has_legal_personality=_flag(values.get("Có tư cách pháp nhân"), UNIT_SHEET, number,
                                        "Có tư cách pháp nhân", errors),
            email=_email(values.get("Thư điện tử"), UNIT_SHEET, number, errors),
            phone=_text(values, "Điện thoại", Organisation._meta.get_field("phone").max_length, UNIT_SHEET, number,
                        errors),
            address=_text(values, "Địa chỉ", Organisation._meta.get_field("address").max_length, UNIT_SHEET, number,
                          errors),
        ))
    for number, values in people_rows:
        code = xlsx.cell_text(values.get("Mã cán bộ"))
        name = nfc(xlsx.cell_text(values.get("Họ và tên")))
        if not code:
            errors.append(RowError(PEOPLE_SHEET, number, "Mã cán bộ", "không được để trống."))
        elif len(code) > 30:
            errors.append(RowError(PEOPLE_SHEET, number, "Mã cán bộ", "dài quá 30 ký tự."))
        if not name:
            errors.append(RowError(PEOPLE_SHEET, number, "Họ và tên", "không được để trống."))
        elif len(name) > 200:
            errors.append(RowError(PEOPLE_SHEET, number, "Họ và tên", "dài quá 200 ký tự."))
        try:
            birth = xlsx.cell_date(values.get("Ngày sinh"))
        except ValueError:
            errors.append(RowError(PEOPLE_SHEET, number, "Ngày sinh",
                                   "ghi theo dạng ngày/tháng/năm, ví dụ 05/01/1985."))
            birth = None
        problem = rules.birth_date_problem(birth, today)
        if problem:
            errors.append(RowError(PEOPLE_SHEET, number, "Ngày sinh", problem[0].lower() + problem[1:]))
        gender_text = xlsx.cell_text(values.get("Giới tính"))
        gender = _choice(gender_text, Gender.choices, PEOPLE_SHEET, number, "Giới tính", errors) if gender_text else ""
        employment_text = xlsx.cell_text(values.get("Loại cán bộ"))
        employment = (
            _choice(employment_text, EmploymentType.choices, PEOPLE_SHEET, number, "Loại cán bộ", errors)
            if employment_text else EmploymentType.PUBLIC_EMPLOYEE
        )
        leadership_text = xlsx.cell_text(values.get(LEADERSHIP))
        leadership = (_choice(leadership_text, LeadershipLevel.choices, PEOPLE_SHEET, number, LEADERSHIP, errors)
                      if leadership_text else None)
        unit_code = xlsx.cell_text(values.get("Ký hiệu đơn vị"))
        if not unit_code:
            errors.append(RowError(PEOPLE_SHEET, number, "Ký hiệu đơn vị", "không được để trống."))
        parsed.people.append(PersonRow(
            row=number, employee_code=code, full_name=name, birth_date=birth, gender=gender, unit_code=unit_code,
            position=_text(values, "Chức vụ", Person._meta.get_field("position").max_length, PEOPLE_SHEET, number,
                           errors), employment_type=employment,
            is_direct_worker=_flag(values.get("Trực tiếp lao động"), PEOPLE_SHEET, number, "Trực tiếp lao động",
                                   errors),
            email=_email(values.get("Thư điện tử"), PEOPLE_SHEET, number, errors),
            phone=_text(values, "Điện thoại", Person._meta.get_field("phone").max_length, PEOPLE_SHEET, number,
                        errors),
            leadership=leadership,
        ))
    return parsed
