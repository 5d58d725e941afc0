"""Units and people to and from Excel: round trip, errors by row and column, all or nothing."""

from datetime import date
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from tests.factories import make_person
from units import excel, services
from units.models import Organisation, Person

pytestmark = pytest.mark.django_db


def workbook(units=(), people=()) -> BytesIO:
    book = Workbook()
    book.remove(book.active)
    sheet = book.create_sheet(excel.UNIT_SHEET)
    sheet.append(excel.UNIT_HEADERS)
    for row in units:
        sheet.append(list(row))
    sheet = book.create_sheet(excel.PEOPLE_SHEET)
    sheet.append(excel.PEOPLE_HEADERS)
    for row in people:
        sheet.append(list(row))
    buffer = BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


def test_export_then_import_changes_nothing(login, tree, cast):
    make_person(tree["A.BV"], "Nguyễn Văn Đức", "NV1", birth_date=date(1985, 1, 5), position="Bác sĩ",
                is_direct_worker=True)
    response = login(cast["secretariat"]).get(reverse("units:export"), {"root": tree["A"].pk})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(BytesIO(response.content))
    rows = list(book[excel.PEOPLE_SHEET].iter_rows(values_only=True))
    assert rows[1][:5] == ("NV1", "Nguyễn Văn Đức", rows[1][2], None, "BVDK")
    assert rows[1][2].date() == date(1985, 1, 5)
    units_before = Organisation.objects.count()
    result = services.import_workbook(by=cast["secretariat"], root=tree["A"], file=BytesIO(response.content))
    assert result.errors == []
    assert (result.created_units, result.updated_units, result.created_people, result.updated_people) == (0, 0, 0, 0)
    assert Organisation.objects.count() == units_before
    assert Person.objects.get(employee_code="NV1").birth_date == date(1985, 1, 5)


def test_a_subtree_exported_imports_back(login, tree, cast):
    # Its top row keeps its parent's code (blank, the import refused the file it had just given).
    response = login(cast["secretariat"]).get(reverse("units:export"), {"root": tree["A.TT"].pk})
    rows = list(load_workbook(BytesIO(response.content))[excel.UNIT_SHEET].iter_rows(min_row=2, values_only=True))
    assert [row[:4:3] for row in rows] == [("TTYT", "SYT"), ("TYT-DL", "TTYT")]
    result = services.import_workbook(by=cast["secretariat"], root=tree["A"], file=BytesIO(response.content))
    assert result.errors == [] and result.updated_units == 0


def test_export_contains_only_what_the_user_sees(login, tree, cast):
    make_person(tree["B.BV"], "Người Ngoài", "X1")
    response = login(cast["staff"]).get(reverse("units:export"))
    book = load_workbook(BytesIO(response.content))
    names = [row[1] for row in book[excel.UNIT_SHEET].iter_rows(min_row=2, values_only=True)]
    assert names == ["Bệnh viện Đa khoa", "Khoa Nội"]
    assert all(row[1] != "Người Ngoài" for row in book[excel.PEOPLE_SHEET].iter_rows(values_only=True))


def test_import_creates_units_in_parent_order_and_people(tree, cast):
    file = workbook(
        units=[("TYT-02", "Trạm Y tế xã Hai", "Trạm Y tế xã, phường", "KHOA-MOI", "Không"),
               ("KHOA-MOI", "Khoa Khám bệnh", "Khoa, phòng, đội, tổ", "TTYT", "Không")],
        people=[("NV50", "Lý Thị Hạnh", "12/03/1990", "Nữ", "TYT-02", "Y sĩ", "Viên chức", "Có")],
    )
    result = services.import_workbook(by=cast["secretariat"], root=tree["A"], file=file)
    assert result.errors == [] and result.created_units == 2 and result.created_people == 1
    station = Organisation.objects.get(root=tree["A"], code="TYT-02")
    assert station.parent.code == "KHOA-MOI" and station.parent.parent_id == tree["A.TT"].pk
    person = Person.objects.get(employee_code="NV50")
    assert person.birth_date == date(1990, 3, 12) and person.gender == "female" and person.is_direct_worker


def test_one_bad_row_saves_nothing_and_every_error_names_its_row_and_column(tree, cast):
    file = workbook(
        units=[("OK-1", "Khoa tốt", "Khoa, phòng, đội, tổ", "BVDK", ""),
               ("", "Không ký hiệu", "Bệnh viện", "SYT", ""),
               ("BAD-KIND", "Loại sai", "Benh vien", "SYT", ""),
               ("NO-PARENT", "Không cấp trên", "Bệnh viện", "KHONG-CO", "")],
        people=[("NV60", "Vũ Văn Sơn", "31/02/1990", "Nam", "OK-1", "", "", "", "khong-phai-thu"),
                ("NV62", "Đỗ Văn Tương Lai", "01/01/2090", "Nam", "OK-1", "", "", ""),
                ("NV61", "", "", "", "BVDK", "", "", "")],
    )
    result = services.import_workbook(by=cast["secretariat"], root=tree["A"], file=file)
    found = {(e.sheet, e.row, e.column) for e in result.errors}
    assert (excel.UNIT_SHEET, 3, "Ký hiệu") in found
    assert (excel.UNIT_SHEET, 4, "Loại đơn vị") in found
    assert (excel.UNIT_SHEET, 5, "Ký hiệu đơn vị cấp trên") in found
    assert (excel.PEOPLE_SHEET, 2, "Ngày sinh") in found
    assert (excel.PEOPLE_SHEET, 2, "Thư điện tử") in found
    assert (excel.PEOPLE_SHEET, 3, "Ngày sinh") in found   # born in 2090
    assert (excel.PEOPLE_SHEET, 4, "Họ và tên") in found
    assert not Organisation.objects.filter(code="OK-1").exists()
    assert not Person.objects.filter(employee_code="NV60").exists()


def test_import_cannot_reach_into_another_issuer(tree, cast):
    with pytest.raises(Exception) as error:
        services.import_workbook(by=cast["secretariat"], root=tree["B"], file=workbook())
    assert error.type.__name__ == "PermissionDenied"


def test_a_cycle_in_the_file_is_reported(tree, cast):
    file = workbook(units=[("X1", "X một", "Khoa, phòng, đội, tổ", "X2", ""),
                           ("X2", "X hai", "Khoa, phòng, đội, tổ", "X1", "")])
    result = services.import_workbook(by=cast["secretariat"], root=tree["A"], file=file)
    assert any("vòng lặp" in e.message for e in result.errors)


def test_import_page_lists_errors_and_rejects_a_non_excel_file(login, tree, cast):
    client = login(cast["secretariat"])
    response = client.post(reverse("units:import"), {
        "root": tree["A"].pk, "file": SimpleUploadedFile("ds.xlsx", workbook(
            units=[("", "Không ký hiệu", "Bệnh viện", "SYT", "")]).getvalue())})
    content = response.content.decode()
    assert "chưa có dữ liệu nào được lưu" in content and "không được để trống" in content
    response = client.post(reverse("units:import"), {
        "root": tree["A"].pk, "file": SimpleUploadedFile("ds.xlsx", b"not a workbook")})
    assert "không phải là tệp Excel" in response.content.decode()
    response = client.post(reverse("units:import"), {
        "root": tree["A"].pk, "file": SimpleUploadedFile("ds.csv", b"a,b")})
    assert "Chỉ nhận tệp .xlsx" in response.content.decode()


def test_reimporting_after_a_closure_changes_nothing_and_fails_nothing(login, tree, cast):
    make_person(tree["A.TT.TYT"], "Người Ở Trạm", "NV70")
    services.close_organisation(by=cast["secretariat"], organisation=tree["A.TT.TYT"], closed_on=date(2025, 7, 1))
    response = login(cast["secretariat"]).get(reverse("units:export"), {"root": tree["A"].pk})
    result = services.import_workbook(by=cast["secretariat"], root=tree["A"], file=BytesIO(response.content))
    assert result.errors == [] and result.updated_people == 0


def test_the_leadership_tier_imports_when_written_and_stays_when_blank(login, tree, cast):
    """The statistics forms' tier: a written value sets it, a blank cell or a file from before the column
    leaves it, "Không giữ chức vụ lãnh đạo" clears it, a wrong one names its row."""
    make_person(tree["A.BV"], "Trần Văn Kiên", "NV7", position="Giám đốc")
    kept = make_person(tree["A.BV"], "Đỗ Thị Mai", "NV8", position="Trưởng khoa")
    services.update_person(by=cast["secretariat"], person=kept, leadership="other")
    file = workbook(people=[
        ("NV7", "Trần Văn Kiên", "", "", "BVDK", "Giám đốc", "Viên chức", "Không", "", "",
         "Lãnh đạo cấp vụ, sở, ngành và tương đương"),
        ("NV8", "Đỗ Thị Mai", "", "", "BVDK", "Trưởng khoa", "Viên chức", "Không", "", "", ""),
    ])
    result = services.import_workbook(by=cast["secretariat"], root=tree["A"], file=file)
    assert result.errors == []
    assert Person.objects.get(employee_code="NV7").leadership == "department"
    assert Person.objects.get(employee_code="NV8").leadership == "other"
    cleared = workbook(people=[("NV8", "Đỗ Thị Mai", "", "", "BVDK", "Trưởng khoa", "Viên chức", "Không", "", "",
                                "Không giữ chức vụ lãnh đạo")])
    assert services.import_workbook(by=cast["secretariat"], root=tree["A"], file=cleared).errors == []
    assert Person.objects.get(employee_code="NV8").leadership == ""
    wrong = workbook(people=[("NV8", "Đỗ Thị Mai", "", "", "BVDK", "", "Viên chức", "Không", "", "", "Trưởng")])
    errors = services.import_workbook(by=cast["secretariat"], root=tree["A"], file=wrong).errors
    assert [(e.row, e.column) for e in errors] == [(2, excel.LEADERSHIP)]
    exported = login(cast["secretariat"]).get(reverse("units:export"), {"root": tree["A"].pk})
    rows = list(load_workbook(BytesIO(exported.content))[excel.PEOPLE_SHEET].iter_rows(values_only=True))
    assert rows[0][-1] == excel.LEADERSHIP
    assert ("NV7", "Lãnh đạo cấp vụ, sở, ngành và tương đương") in [(r[0], r[-1]) for r in rows]
