"""The report upload page refuses a workbook over the import limits next to its file field, before
any row is read (security issue, point 3)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from common import xlsx
from indicators.models import Result
from tests.common.test_xlsx_limits import HOSTILE_REPORT

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_row_read(monkeypatch):
    from openpyxl.worksheet._reader import WorkSheetParser

    def parse_row(self, row):
        raise AssertionError("openpyxl read a row")

    monkeypatch.setattr(WorkSheetParser, "parse_row", parse_row)


def test_a_file_declaring_a_huge_range_is_refused_next_to_the_field(login, plan, tree, cast, no_row_read):
    response = login(cast["staff"]).post(reverse("indicators:report-upload", args=[plan["period"].pk, tree["A.BV"].pk]),
                                         {"file": SimpleUploadedFile("bao-cao.xlsx", HOSTILE_REPORT)})
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "Trang tính “Báo cáo” khai báo 12.000 dòng × 16.384 cột; chỉ nhận tối đa 5.000 dòng và 20 cột."]
    assert not Result.objects.exists()


def test_an_upload_over_the_size_limit_is_refused_next_to_the_field(login, plan, tree, cast):
    big = SimpleUploadedFile("bao-cao.xlsx", b"PK\x03\x04" + b"\x00" * xlsx.MAX_UPLOAD_BYTES)
    response = login(cast["staff"]).post(reverse("indicators:report-upload", args=[plan["period"].pk, tree["A.BV"].pk]),
                                         {"file": big})
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "Tệp nặng 5,1 MB; chỉ nhận tệp Excel tối đa 5 MB. Hãy chia thành nhiều tệp."]
