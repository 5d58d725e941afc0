"""Award pages through the client: the Excel list (errors listed, nothing saved), what the unit
reads, the home page queues, and constant query counts."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from awards import services
from awards.models import Nomination
from awards.workflow import State
from tests.awards.conftest import submitted
from tests.factories import make_person
from units.access import SYSTEM

pytestmark = pytest.mark.django_db


def workbook_with(client, proposal, rows):
    response = client.get(reverse("awards:proposal-template", args=[proposal.pk]))
    book = load_workbook(BytesIO(response.content))
    sheet = book["Danh sách đề nghị"]
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("danh-sach.xlsx", buffer.getvalue())


def test_an_excel_list_with_errors_saves_nothing_and_names_row_and_column(login, proposal, plan, cast):
    client = login(cast["staff"])
    upload = workbook_with(client, proposal, [
        [1, "BV01", "", "Nguyễn Văn An", "GK_SYT_CN", 2026, "", "Thành tích tốt"],
        [2, "TT01", "", "Hoàng Văn Em", "GK_SYT_CN", 2026, "", ""],            # not the hospital's
        [3, "BV02", "", "Trần Thị Bình", "KHONG_CO", 2026, "", ""],             # no such award
        [4, "BV03", "", "Người khác", "GK_SYT_CN", "năm nay", "", ""],          # name and year wrong
    ])
    response = client.post(reverse("awards:proposal-import", args=[proposal.pk]), {"file": upload})
    content = response.content.decode()
    assert "chưa có gì được lưu" in content
    assert "<td>3</td><td>Mã cán bộ (cá nhân)</td>" in content        # Excel row 3 = list row 2
    assert "<td>4</td><td>Mã danh hiệu, hình thức</td>" in content
    assert "<td>5</td><td>Năm thành tích</td>" in content and "không khớp tên" in content
    assert not Nomination.objects.exists()


def test_an_excel_list_with_vietnamese_text_is_imported(login, proposal, plan, cast):
    client = login(cast["staff"])
    upload = workbook_with(client, proposal, [
        [1, "BV01", "", "Nguyễn Văn An", "GK_SYT_CN", 2026, "", "Đạt giải Nhất hội thi điều dưỡng giỏi"],
        [2, "", "BVDK-NOI", "Khoa Nội", "GK_SYT_TT", "", "", "Khoa dẫn đầu về sự hài lòng"],
    ])
    response = client.post(reverse("awards:proposal-import", args=[proposal.pk]), {"file": upload})
    assert response.status_code == 302
    assert sorted(Nomination.objects.values_list("summary", flat=True)) == [
        "Khoa dẫn đầu về sự hài lòng", "Đạt giải Nhất hội thi điều dưỡng giỏi"]


def test_an_import_the_service_refuses_rolls_back_every_row(login, proposal, plan, cast, types):
    services.add_nomination(by=cast["staff"], proposal=proposal, award_type=types["GK_SYT_CN"],
                            person=plan["people"]["binh"])
    client = login(cast["staff"])
    upload = workbook_with(client, proposal, [
        [1, "BV01", "", "", "GK_SYT_CN", 2026, "", ""],
        [2, "BV02", "", "", "BK_TINH_CN", 2026, "", ""],     # Bình already has this achievement
    ])
    content = client.post(reverse("awards:proposal-import", args=[proposal.pk]), {"file": upload}).content.decode()
    assert "mỗi thành tích chỉ một" in content
    assert Nomination.objects.count() == 1


def test_the_unit_reads_its_words_and_the_reason(login, proposal, plan, cast, types):
    n = services.add_nomination(by=cast["staff"], proposal=proposal, award_type=types["GK_SYT_CN"],
                                person=plan["people"]["an"])
    submitted(proposal, cast, n)
    services.move(by=cast["secretariat"], nomination=n, target=State.ACCEPTED)
    page = login(cast["staff"]).get(reverse("awards:proposal", args=[proposal.pk])).content.decode()
    # The secretariat's inner steps read "Đang xét" to the unit (its history keeps the record).
    assert 'text-bg-primary">Đang xét</span>' in page and '">Đã tiếp nhận</span>' not in page
    services.move(by=cast["secretariat"], nomination=n, target=State.RETURNED, reason="Thiếu xác nhận của đơn vị")
    home = login(cast["staff"]).get(reverse("home")).content.decode()
    assert "Thiếu xác nhận của đơn vị" in home
    assert "đề nghị khen thưởng chờ tiếp nhận" not in login(cast["secretariat"]).get(reverse("home")).content.decode()
    services.move(by=cast["staff"], nomination=n, target=State.SUBMITTED)
    assert "1 đề nghị khen thưởng chờ tiếp nhận" in login(cast["secretariat"]).get(reverse("home")).content.decode()


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _grow(proposal, types, tree, start, n):
    for i in range(start, start + n):
        person = make_person(tree["A.BV"], f"Cán bộ {i}", f"G{i}")
        services.add_nomination(by=SYSTEM, proposal=proposal, award_type=types["GK_SYT_CN"], person=person,
                                summary="x")


@pytest.mark.parametrize("page", ["proposal", "review", "proposals", "decisions"])
def test_award_lists_run_a_constant_number_of_queries(login, proposal, plan, cast, types, tree, page):
    urls = {"proposal": reverse("awards:proposal", args=[proposal.pk]), "review": reverse("awards:review"),
            "proposals": reverse("awards:proposal-list"), "decisions": reverse("awards:decision-list")}
    user = cast["secretariat"] if page == "review" else cast["staff"]
    _grow(proposal, types, tree, 0, 2)
    submitted(proposal, cast)
    client = login(user)
    small = count(client, urls[page])
    _grow(proposal, types, tree, 10, 8)
    for n in Nomination.objects.filter(state=State.DRAFT):
        services._move(SYSTEM, n, State.SUBMITTED)
    assert count(client, urls[page]) == small


def test_the_review_queue_pages_fifty_at_a_time(login, proposal, plan, cast, types, tree):
    _grow(proposal, types, tree, 0, 51)
    submitted(proposal, cast)
    client = login(cast["secretariat"])
    first = client.get(reverse("awards:review")).content.decode()
    second = client.get(reverse("awards:review") + "?page=2").content.decode()
    assert "<title>Xét duyệt đề nghị khen thưởng · " in first  # the pages' controls are not in the title
    assert 'aria-label="Phân trang"' in first and "Hiển thị 1–50 trên 51" in first
    assert first.count('name="nomination"') == 50 and second.count('name="nomination"') == 1


def test_the_council_session_page_runs_a_constant_number_of_queries(login, proposal, plan, cast, types, tree):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.awards.test_services import accepted, council_session

    client = login(cast["council"])

    def count(session):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(session.get_absolute_url()).status_code == 200
        return len(queries)

    small = council_session(plan, tree, cast, accepted(proposal, plan, cast, types, "an", code="CSTD_TINH"))
    large = council_session(plan, tree, cast, accepted(proposal, plan, cast, types, "binh", "cuong", "dung",
                                                        code="CSTD_TINH"))
    assert count(large) == count(small)


def test_ids_and_numbers_that_are_not_ids_are_refused_not_a_500(login, proposal, plan, cast, types, unit_authority,
                                                                 tree):
    """str.isdigit() let "²" through to int(), and a non-numeric award type reached the query."""
    unit = services.create_proposal(by=cast["head"], campaign=plan["campaign"], organisation=tree["A.BV"],
                                    kind="unit", title="Bình xét", year=2026)
    head = login(cast["head"])
    response = head.post(reverse("awards:proposal-bulk-add", args=[unit.pk]), {"award_type": "abc", "person": ["²"]})
    assert response.status_code == 302
    secretariat = login(cast["secretariat"])
    assert secretariat.post(reverse("awards:review") + "?phong-trao=²", {"nomination": ["²", "9" * 40]}
                            ).status_code == 302
    person = plan["people"]["an"]
    response = secretariat.post(reverse("awards:register-person", args=[person.pk]),
                                {"record": "appraisal", "year": "²", "grade": "excellent"}, follow=True)
    assert "Ghi năm xếp loại" in response.content.decode()
    proposal.number_text = "²/TTr-BVĐK"
    proposal.save()
    assert login(cast["staff"]).get(reverse("reports:proposal-document", args=[proposal.pk])).status_code == 200


def test_the_register_page_records_an_appraisal_a_hold_and_an_initiative(login, plan, cast):
    from awards.models import Appraisal, Hold, Initiative, InitiativeLevel

    person = plan["people"]["an"]
    client = login(cast["secretariat"])
    url = reverse("awards:register-person", args=[person.pk])
    client.post(url, {"record": "appraisal", "year": "2025", "grade": "excellent"})
    client.post(url, {"record": "hold", "kind": Hold.Kind.values[0], "starts_on": "01/02/2026", "ends_on": ""})
    client.post(url, {"record": "initiative", "title": "Sáng kiến cải tiến quy trình",
                      "level": InitiativeLevel.values[0], "recognised_on": "01/03/2026",
                      "recognised_by": "Quyết định 1/QĐ"})
    response = client.post(url, {"record": "hold", "kind": Hold.Kind.values[0], "starts_on": "31/02/2026"},
                           follow=True)
    assert "Chưa lưu: Ngày không hợp lệ" in response.content.decode()
    assert Appraisal.objects.get(person=person, year=2025).grade == "excellent"
    assert Hold.objects.get(person=person).ends_on is None
    assert Initiative.objects.get(authors=person).recognised_by == "Quyết định 1/QĐ"
