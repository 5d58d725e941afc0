"""Award text longer than its field holds is refused with a message, never cut (issue 13, item 5 d):
the disclosure's comments (once cut at 20.000), a hold's note, an initiative, a register file."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import Workbook

from awards import excel, services
from awards.models import Disclosure, Hold, Initiative, InitiativeLevel, RegisterEntry
from tests.awards.test_services import accepted

pytestmark = pytest.mark.django_db


def test_disclosure_comments_over_20000_characters_are_refused_beside_the_field_and_kept(
        login, proposal, plan, cast, types, tree):
    (nomination,) = accepted(proposal, plan, cast, types, "an")
    disclosure = services.open_disclosure(by=cast["secretariat"], issuer=tree["A"], nominations=[nomination],
                                          title="Công khai", starts_on=date(2026, 10, 12), working_days=10,
                                          published_at="Cổng thông tin Sở")
    comments = "Ý kiến của người dân." * 1200   # 25.200 characters
    response = login(cast["secretariat"]).post(reverse("awards:disclosure", args=[disclosure.pk]),
                                               {"comments": comments})
    content = response.content.decode()
    assert response.status_code == 200
    assert 'id="error-comments">Tối đa 20.000 ký tự (đã nhập 25.200).' in content and comments in content
    assert Disclosure.objects.get().comments == ""


def test_a_hold_note_or_an_initiative_too_long_is_refused_with_its_field_named(login, plan, cast):
    person = plan["people"]["an"]
    client = login(cast["secretariat"])
    url = reverse("awards:register-person", args=[person.pk])
    page = client.post(url, {"record": "hold", "kind": Hold.Kind.values[0], "starts_on": "01/02/2026",
                             "note": "n" * 501}, follow=True).content.decode()
    assert "Chưa lưu: Ghi chú: Tối đa 500 ký tự (đã nhập 501)." in page
    page = client.post(url, {"record": "initiative", "title": "Sáng kiến", "level": InitiativeLevel.values[0],
                             "recognised_on": "01/03/2026", "recognised_by": "Q" * 300}, follow=True).content.decode()
    assert "Quyết định công nhận: Tối đa 255 ký tự (đã nhập 300)." in page
    assert not Hold.objects.exists() and not Initiative.objects.exists()


def test_a_register_file_note_too_long_is_an_error_of_its_row_and_column(plan, types):
    book = Workbook()
    sheet = book.active
    sheet.title = excel.REGISTER_SHEET
    sheet.append(excel.REGISTER_HEADERS)
    person = plan["people"]["an"]
    award = next(iter(types.values()))
    sheet.append([person.employee_code, "", award.code, "2025", "UBND tỉnh", "12/QĐ-UBND", "05/01/2026", "g" * 501])
    buffer = BytesIO()
    book.save(buffer)
    _rows, errors = excel.read_register(BytesIO(buffer.getvalue()), people={person.employee_code.upper(): person},
                                        organisations={}, types=types)
    assert [str(e) for e in errors] == ["Dòng 2, cột “Ghi chú”: Tối đa 500 ký tự (đã nhập 501)."]
    assert not RegisterEntry.objects.exists()
