"""The statistics forms on awards (TT 02/2023/TT-BNV, 0601.N–0605.N): the pure rules without the
database, then the demo's figures against hand counts, the list behind a figure, the downloads
and the typed forms."""

from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook

from reports import statistics as st
from reports.services.statistics import parse_entered
from tests.reports.conftest import pdf_tool

# --- Pure rules -------------------------------------------------------------------------------------------------


def test_reporting_year_runs_from_december_to_november():
    assert st.period(2026) == (date(2025, 12, 1), date(2026, 11, 30))
    assert st.deadline(2026) == date(2026, 12, 15)


@pytest.mark.parametrize(("start", "end", "row"), [
    (date(2026, 3, 1), date(2026, 9, 30), "06"),
    (date(2026, 1, 1), date(2026, 12, 31), "07"),
    (date(2026, 1, 15), date(2026, 12, 31), "07"),      # an annual plan launched in January
    (date(2026, 1, 1), date(2027, 1, 31), "08"),
    (date(2021, 1, 1), date(2023, 12, 31), "09"),
    (date(2021, 1, 1), date(2025, 12, 31), "10"),
    (None, None, "07"),                                   # no dates: its emulation year
])
def test_duration_bands(start, end, row):
    assert st.duration_row(st.CampaignFacts("c1", "department", False, start, end, 2026)) == row


def test_campaign_cells_by_who_launches():
    department = st.CampaignFacts("c1", "department", True, date(2026, 4, 1), date(2026, 6, 30), 2026)
    assert st.campaign_cells(department) == {(r, c) for r in ("01", "03", "06", "11") for c in ("1", "3")}
    hospital = st.CampaignFacts("c2", "hospital", False, None, None, 2026)
    assert st.campaign_cells(hospital) == {(r, c) for r in ("01", "05", "07", "12") for c in ("1", "4")}
    assert st.campaign_notes(hospital) and not st.campaign_notes(department)


def test_award_cells_0603():
    collective = st.AwardFacts("r1", "flag", "CO_TINH", collective=True, mode="regular")
    assert st.award_cells(collective) == {(r, c) for r in ("01", "02", "11") for c in ("1", "4")}
    leader = st.AwardFacts("r2", "certificate", "BK_TINH_CN", collective=False, mode="sudden", tier="department")
    assert st.award_cells(leader) == {(r, c) for r in ("01", "05", "07", "13") for c in ("1", "2")}
    worker = st.AwardFacts("r3", "fighter", "CSTD_TINH", collective=False, mode="thematic", tier="direct")
    assert st.award_cells(worker) == {(r, c) for r in ("01", "05", "10", "12") for c in ("1", "3")}
    # A person with no tier is counted as an individual and in no tier row.
    plain = st.AwardFacts("r4", "certificate", "BK_TINH_CN", collective=False, mode="regular")
    assert st.award_cells(plain) == {(r, c) for r in ("01", "05", "11") for c in ("1", "2")}


def test_award_cells_0602_and_a_form_of_its_own():
    pm = st.AwardFacts("d1", "pm_certificate", "BK_TTG_CN", collective=False, mode="regular", tier="direct")
    assert st.award_cells(pm) == {(r, c) for r in ("01", "03", "09", "14", "15") for c in ("1", "7:cn")}
    order = st.AwardFacts("d2", "state_order", "HCLD3", collective=True, mode="dedication")
    form = st.form_0602({"state_order": [("HCLD3", "Huân chương Lao động hạng Ba")]})
    tally = st.tally(form, [order], st.award_cells)
    assert tally.figure("01", "2:HCLD3:tt") == 1 and tally.figure("19", "1") == 1
    assert st.award_cells(st.AwardFacts("x", "", "LDTT", collective=False, mode="regular")) == set()


def test_tally_refuses_a_cell_the_form_does_not_print():
    with pytest.raises(ValueError):
        st.tally(st.F0603, [st.AwardFacts("x", "state_order", "HC", False, "regular")], st.award_cells)


def test_typed_forms_add_up_and_women_are_not_more_than_all():
    raw = {"v-0605-01-1": "10", "v-0605-01-2": "12", "v-0605-02-1": "4", "v-0605-03-1": "5",
           "v-0605-08-1": "10", "v-0605-13-1": "abc", "v-0605-14-1": "1.0", "v-0604-01-1": "1.000",
           "v-0604-04-1": "1.000"}
    figures, errors = parse_entered(raw)
    assert figures["0604.N"] == {"01": {"1": 1000}, "04": {"1": 1000}}
    assert errors["v-0605-13-1"].startswith("Nhập số nguyên từ 0 trở lên")
    assert errors["v-0605-14-1"].startswith("Nhập số nguyên từ 0 trở lên")   # not ten
    assert "khác dòng Tổng số (10)" in errors["v-0605-02-1"]           # 4 + 5 ≠ 10
    assert "v-0605-08-1" not in errors                                 # 10 = 10
    assert "lớn hơn tổng số" in errors["v-0605-01-2"]


# --- The demo, counted by hand (devtools/demo/statistics.py, reporting year 2026) -------------------------------


@pytest.fixture
def tn(demo, pinned):
    from units.models import Organisation

    return Organisation.objects.get(name="Sở Y tế Thái Nguyên", parent=None)


def _page(client, user, **params):
    from units.models import User

    client.force_login(User.objects.get(username=user))
    return client.get("/thong-ke/", params)


@pytest.mark.django_db
def test_demo_figures_agree_with_hand_counts(client, tn):
    response = _page(client, "thuongtruc", nam=2026)
    assert response.status_code == 200
    views = {v.form.code: v for v in response.context["views"]}

    def figure(code, row, column):
        line = next(line for line in views[code].lines if line.row.code == row)
        index = [c.key for c in views[code].form.columns].index(column)
        return line.cells[index].value

    # 0601.N: one plan launched in the year, the annual plan of 2026 (issued 08/07/2026, 01/01–31/12),
    # by the Sở (column 3, scope "ngành, địa phương"); the thematic Covid campaign was launched in 2021.
    assert figure("0601.N", "01", "1") == 1 and figure("0601.N", "01", "3") == 1
    assert figure("0601.N", "03", "3") == 1 and figure("0601.N", "07", "1") == 1 and figure("0601.N", "12", "1") == 1
    assert figure("0601.N", "11", "1") == 0 and figure("0601.N", "05", "1") == 0
    # 0603.N: Bằng khen tỉnh to a Sở leader (regular) and a nurse (đột xuất), to Bệnh viện A (chuyên
    # đề); CSTĐ tỉnh on 01/12/2025, the year's first day; Cờ thi đua to Bệnh viện C. The Bằng khen
    # decided on 30/11/2025 is the year before's. The grassroots titles count in no form.
    assert [figure("0603.N", "01", c) for c in "12345"] == [5, 3, 1, 1, 0]
    assert figure("0603.N", "02", "1") == 2 and figure("0603.N", "05", "1") == 3
    assert figure("0603.N", "07", "1") == 1 and figure("0603.N", "09", "1") == 1
    assert [figure("0603.N", r, "1") for r in ("11", "12", "13", "14")] == [3, 1, 1, 0]
    # 0602.N: one Bằng khen of the Prime Minister to a doctor who works directly with patients.
    assert figure("0602.N", "01", "1") == 1 and figure("0602.N", "01", "7:cn") == 1
    assert figure("0602.N", "03", "1") == 1 and figure("0602.N", "14", "1") == 1 and figure("0602.N", "15", "1") == 1
    # The typed forms are empty until the secretariat types them.
    assert figure("0605.N", "01", "1") is None


@pytest.mark.django_db
def test_a_figure_lists_the_rows_it_counts(client, tn):
    _page(client, "thuongtruc")
    response = client.get("/thong-ke/o/", {"nam": 2026, "bieu": "0603", "dong": "02", "cot": "1"})
    assert response.status_code == 200
    titles = [s.title for s in response.context["sources"]]
    # In the order decided: the Cờ on 15/01, the Bằng khen on 10/05.
    assert titles == ["Bệnh viện C Thái Nguyên – Cờ thi đua của Ủy ban nhân dân tỉnh",
                      "Bệnh viện A Thái Nguyên – Bằng khen của Chủ tịch UBND tỉnh (tập thể)"]
    page = response.content.decode()
    assert "Số 802/QĐ-UBND ngày 10/05/2026" in page and "/khen-thuong/so-khen-thuong/tap-the/" in page
    # The page links the figure to that list.
    index = client.get("/thong-ke/", {"nam": 2026}).content.decode()
    assert "bieu=0603&amp;dong=02&amp;cot=1" in index
    for bad in ({"bieu": "0604", "dong": "01", "cot": "1"}, {"bieu": "0603", "dong": "99", "cot": "1"},
                {"bieu": "0603", "dong": "02", "cot": "9"}, {"bieu": "x"}):
        assert client.get("/thong-ke/o/", {"nam": 2026, **bad}).status_code == 404


@pytest.mark.django_db
def test_who_sees_which_issuer(client, tn):
    assert _page(client, "lanhdao").status_code == 200
    assert _page(client, "truongdonvi").status_code == 403
    # Another Sở's secretariat cannot name Thái Nguyên: 404, whatever id is typed.
    assert _page(client, "thuongtruc.kontum", **{"co-quan": tn.pk}).status_code == 404
    assert _page(client, "thuongtruc.kontum").context["issuer"].name == "Sở Y tế Kon Tum"
    # The leader reads; only the secretariat types.
    assert _page(client, "lanhdao").context["can_prepare"] is False
    assert client.get("/thong-ke/nhap/").status_code == 403


@pytest.mark.django_db
def test_typed_figures_are_kept_and_a_wrong_sum_loses_nothing(client, tn):
    from awards.models import AwardEvent
    from reports.models import StatisticsSheet

    _page(client, "thuongtruc")
    post = {"nam": "2026", "version": "0", "receiver": "Sở Nội vụ tỉnh Thái Nguyên", "preparer": "Nguyễn Thị Thu Hà",
            "head_title": "Giám đốc", "head_name": "Đặng Ngọc Huy", "v-0605-01-1": "3", "v-0605-01-2": "2",
            "v-0605-03-1": "1", "v-0605-04-1": "1"}
    response = client.post("/thong-ke/nhap/", post)
    assert response.status_code == 200 and not StatisticsSheet.objects.exists()
    page = response.content.decode()
    assert "khác dòng Tổng số (3)" in page and 'value="Sở Nội vụ tỉnh Thái Nguyên"' in page
    post["v-0605-05-1"] = "1"
    for row in ("08", "13"):
        post[f"v-0605-{row}-1"] = "3"
    assert client.post("/thong-ke/nhap/", post).status_code == 302
    sheet = StatisticsSheet.objects.get()
    assert sheet.entered["0605.N"]["01"] == {"1": 3, "2": 2} and sheet.receiver == "Sở Nội vụ tỉnh Thái Nguyên"
    assert AwardEvent.objects.filter(target_type="Biểu thống kê thi đua, khen thưởng").count() == 1
    # A colleague's save in between (the page still holds version 0) is refused, not overwritten.
    post["preparer"] = "Trần Văn Bình"
    response = client.post("/thong-ke/nhap/", post)
    assert response.status_code == 200 and "Người khác vừa lưu" in response.content.decode()
    assert 'value="Trần Văn Bình"' in response.content.decode()
    assert StatisticsSheet.objects.get().preparer == "Nguyễn Thị Thu Hà"


@pytest.mark.django_db
def test_xlsx_and_pdf_in_the_forms_layout(client, tn, tmp_path):
    from reports.models import StatisticsSheet

    StatisticsSheet.objects.create(issuer=tn, year=2026, receiver="=HYPERLINK(\"x\")", head_title="Giám đốc",
                                   head_name="Đặng Ngọc Huy", entered={"0604.N": {"01": {"1": 1}, "05": {"1": 1}}})
    _page(client, "thuongtruc")
    book = load_workbook(BytesIO(client.get("/thong-ke/bieu.xlsx", {"nam": 2026}).content))
    assert book.sheetnames == ["Biểu 0601.N", "Biểu 0602.N", "Biểu 0603.N", "Biểu 0604.N", "Biểu 0605.N"]
    sheet = book["Biểu 0603.N"]
    cells = {(row[0].value, row[1].value): [c.value for c in row[3:8]] for row in sheet.iter_rows() if row[1].value}
    assert cells[("Tổng số", "01")] == [5, 3, 1, 1, 0]
    assert cells[("- Tập thể", "02")][0] == 2
    receiver = next(c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)
                    and c.value.startswith("Đơn vị nhận"))
    assert receiver.data_type == "s" and "HYPERLINK" in receiver.value
    assert book["Biểu 0604.N"].cell(row=1, column=1).value == "Biểu số: 0604.N/BNV-TĐKT"
    pdf = client.get("/thong-ke/bieu.pdf", {"nam": 2026})
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_tool("pdftotext", pdf.content, tmp_path, "-layout")
    for words in ("Biểu số: 0601.N/BNV-TĐKT", "SỐ PHONG TRÀO THI ĐUA", "SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC",
                  "Năm 2026 (từ ngày 01/12/2025 đến ngày 30/11/2026)", "GIÁM ĐỐC", "Đặng Ngọc Huy",
                  "Ban hành theo Thông tư số 02/2023/TT-BNV"):
        assert words in text


@pytest.mark.django_db
def test_the_page_does_a_fixed_number_of_queries(client, tn, django_assert_max_num_queries):
    _page(client, "thuongtruc")
    with django_assert_max_num_queries(20):
        assert client.get("/thong-ke/", {"nam": 2026}).status_code == 200


@pytest.mark.django_db
def test_history_brought_by_a_dossier_is_not_counted_again(client, tn):
    """The receiver's register holds the nominee's history as the package brought it: the body that
    recorded those awards counts them."""
    from awards.models import AwardType, RegisterEntry
    from units.models import Person

    person = Person.objects.filter(organisation__root=tn).order_by("pk").first()
    RegisterEntry.objects.create(person=person, award_type=AwardType.objects.get(code="BK_TINH_CN"),
                                 achievement_year=2025, issuer_name="Chủ tịch UBND tỉnh Thái Nguyên",
                                 reference="Số 9/QĐ-UBND", decided_on=date(2026, 3, 2), owner=tn,
                                 source=RegisterEntry.Source.PACKAGE)
    views = {v.form.code: v for v in _page(client, "thuongtruc", nam=2026).context["views"]}
    total = next(line for line in views["0603.N"].lines if line.row.code == "01")
    assert total.cells[0].value == 5


def test_differences_between_two_editions():
    before = {"0603.N": {"01": {"1": 5, "2": 3}}, "0605.N": {"01": {"1": None}}}
    after = {"0603.N": {"01": {"1": 6, "2": 3}}, "0605.N": {"01": {"1": 4}}}
    assert st.differences(before, after) == [("0603.N", "01", "1", 5, 6), ("0605.N", "01", "1", None, 4)]
    assert st.differences(before, before) == []


@pytest.mark.django_db
def test_a_frozen_edition_keeps_its_figures_and_files_when_the_data_changes(client, tn):
    import hashlib

    from awards.models import AwardEvent, AwardType, RegisterEntry
    from reports.models import StatisticsEdition
    from units.models import Person, User

    _page(client, "thuongtruc")
    response = client.post("/thong-ke/chot/", {"nam": "2026"})
    edition = StatisticsEdition.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/thong-ke/ban/{edition.pk}/"
    assert edition.number == 1 and edition.data["figures"]["0603.N"]["01"]["1"] == 5
    assert len(edition.data["sources"]["0603.N|02|1"]) == 2
    pdf = client.get(f"/thong-ke/ban/{edition.pk}/pdf/").content
    assert hashlib.sha256(pdf).hexdigest() == edition.pdf_sha256
    assert AwardEvent.objects.filter(target_type="Bản chốt biểu thống kê").count() == 1

    # A Bằng khen recorded afterwards changes the live forms, not the edition.
    RegisterEntry.objects.create(person=Person.objects.filter(organisation__root=tn).order_by("pk").first(),
                                 award_type=AwardType.objects.get(code="BK_TINH_CN"), achievement_year=2025,
                                 issuer_name="Chủ tịch UBND tỉnh Thái Nguyên", reference="Số 77/QĐ-UBND",
                                 decided_on=date(2026, 3, 2), owner=tn, source=RegisterEntry.Source.HIGHER)
    page = client.get("/thong-ke/", {"nam": 2026})
    assert "Biểu 0603.N, mã số 01, cột 1: 5 → 6" in page.content.decode()
    frozen = client.get(f"/thong-ke/ban/{edition.pk}/")
    total = next(line for line in {v.form.code: v for v in frozen.context["views"]}["0603.N"].lines
                 if line.row.code == "01")
    assert total.cells[0].value == 5
    assert client.get(f"/thong-ke/ban/{edition.pk}/pdf/").content == pdf
    listed = client.get(f"/thong-ke/ban/{edition.pk}/o/", {"bieu": "0603", "dong": "02", "cot": "1"})
    assert listed.status_code == 200 and len(listed.context["sources"]) == 2
    assert client.get(f"/thong-ke/ban/{edition.pk}/o/", {"bieu": "0605", "dong": "01", "cot": "1"}).status_code == 404
    assert client.get(f"/thong-ke/ban/{edition.pk}/exe/").status_code == 404

    # A second edition must say why; the text typed stays on the page.
    refused = client.post("/thong-ke/chot/", {"nam": "2026", "reason": "  "})
    assert refused.status_code == 400 and "ghi lý do lập bản mới" in refused.content.decode()
    assert client.post("/thong-ke/chot/", {"nam": "2026", "reason": "Bổ sung Bằng khen số 77"}).status_code == 302
    assert list(StatisticsEdition.objects.order_by("number").values_list("number", flat=True)) == [1, 2]

    client.force_login(User.objects.get(username="lanhdao"))
    assert client.get(f"/thong-ke/ban/{edition.pk}/").status_code == 200
    assert client.post("/thong-ke/chot/", {"nam": "2026", "reason": "x"}).status_code == 403
    client.force_login(User.objects.get(username="thuongtruc.kontum"))
    assert client.get(f"/thong-ke/ban/{edition.pk}/").status_code == 404
    assert client.get(f"/thong-ke/ban/{edition.pk}/pdf/").status_code == 404


@pytest.mark.django_db
def test_a_full_disk_while_freezing_says_so_and_leaves_nothing(client, tn, settings):
    """The PDF is written, then the disk fills on the .xlsx: no edition, no stray file, the storage's
    message on the page."""
    from django.core.files.storage import storages

    from reports.models import StatisticsEdition
    from tests.common.test_full_disk import FullDisk

    class FullOnSecond(FullDisk):
        written = 0

        def _save(self, name, content):
            FullOnSecond.written += 1
            if FullOnSecond.written == 1:
                return super(FullDisk, self)._save(name, content)
            return super()._save(name, content)

    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": f"{__name__}.FullOnSecondStorage"}}
    globals()["FullOnSecondStorage"] = FullOnSecond
    _page(client, "thuongtruc")
    response = client.post("/thong-ke/chot/", {"nam": "2026"})
    page = response.content.decode()
    assert response.status_code == 400 and "hết chỗ lưu trữ" in page
    assert not StatisticsEdition.objects.exists()
    def files_under(path):
        folders, names = storages["default"].listdir(path)
        return names + [f for folder in folders for f in files_under(f"{path}/{folder}")]

    assert files_under("statistics") == []
