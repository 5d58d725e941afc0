"""Units and people text longer than its field holds is refused, never cut (issue 13, item 5 d):
the units workbook reports the row and column; a forged reopening reason is refused."""

import pytest
from django.urls import reverse

from tests.units.test_excel import workbook
from units import excel, services
from units.models import AuditEvent, Organisation, Person

pytestmark = pytest.mark.django_db


def test_an_address_phone_or_position_too_long_is_an_error_of_its_row_and_column(tree, cast):
    units = [("BVM", "Bệnh viện Mới", "hospital", "SYT", "", "", "0" * 51, "Số 1 đường " + "A" * 250)]
    people = [("NV9", "Trần Thị Bình", "", "", "BVDK", "Trưởng khoa " * 20, "", "", "", "")]
    result = services.import_workbook(by=cast["secretariat"], root=tree["A"], file=workbook(units, people))
    assert [str(e) for e in result.errors] == [
        f"Trang “{excel.UNIT_SHEET}”, dòng 2, cột “Điện thoại”: Tối đa 50 ký tự (đã nhập 51).",
        f"Trang “{excel.UNIT_SHEET}”, dòng 2, cột “Địa chỉ”: Tối đa 255 ký tự (đã nhập 261).",
        f"Trang “{excel.PEOPLE_SHEET}”, dòng 2, cột “Chức vụ”: Tối đa 200 ký tự (đã nhập 239).",
    ]
    assert not Organisation.objects.filter(code="BVM").exists() and not Person.objects.filter(employee_code="NV9")


def test_a_reopening_reason_longer_than_the_box_is_refused_not_cut(login, tree, cast):
    organisation = tree["A.TCHC"]
    before = AuditEvent.objects.count()
    response = login(cast["secretariat"]).post(reverse("units:organisation-reopen", args=[organisation.pk]),
                                               {"reason": "r" * 1001}, follow=True)
    assert "Lý do: Tối đa 1.000 ký tự (đã nhập 1.001)." in response.content.decode()
    assert AuditEvent.objects.count() == before
