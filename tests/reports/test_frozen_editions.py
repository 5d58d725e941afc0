"""What was sent for signature never changes (issue 13, item 3): trình ký freezes the document
as a numbered edition (HTML, PDF, SHA-256); recording the issue stores the registry's number and
date beside it and an issued print made from the stored HTML; later changes are amendments."""

import hashlib
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from campaigns import services as campaign_services
from campaigns.lifecycle import Status
from campaigns.models import ReportingPeriod, Section
from reports import services, stamping
from reports.models import DocumentEdition
from tests.factories import make_campaign
from tests.reports.conftest import pdf_tool
from units.access import SYSTEM

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(tree, settings):
    settings.APP_TODAY = date(2026, 3, 10)
    campaign = make_campaign(tree["A"], notation="KH-SYT", issue_month=3, issue_year=2026)
    campaign_services.save_item(by=SYSTEM, campaign=campaign, instance=Section(
        order=1, level=1, heading="IV. CHẾ ĐỘ BÁO CÁO", block="periods"))
    campaign_services.save_item(by=SYSTEM, campaign=campaign, instance=ReportingPeriod(
        kind="six_month", year=2026, deadline_text="trước ngày 20/6", deadline=date(2026, 6, 20), order=1))
    return campaign


def _download(client, url) -> bytes:
    response = client.get(url)
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_stamping_fills_only_the_marked_spans_and_escapes():
    html = ('<p>Số: x</p><div><span data-registry="number">Số:   /KH</span></div>'
            '<div><span data-registry="date">ngày   </span></div>')
    out = stamping.stamp(html, {"number": "Số: 05/KH-<b>", "date": "Thái Nguyên, ngày 05 tháng 3 năm 2026"})
    assert '<span data-registry="number">Số: 05/KH-&lt;b&gt;</span>' in out
    assert "Thái Nguyên, ngày 05 tháng 3 năm 2026" in out and out.startswith("<p>Số: x</p>")
    with pytest.raises(stamping.StampFailed):
        stamping.stamp("<p>no slots</p>", {"number": "1"})


def test_an_issued_plan_keeps_its_printed_text_when_a_period_changes(login, cast, plan, fresh_storage, tmp_path):
    client = login(cast["secretariat"])
    response = client.post(reverse("reports:edition-send", args=["ke-hoach", plan.pk]))
    assert response.status_code == 302
    edition = DocumentEdition.objects.get(kind="plan", object_id=plan.pk)
    assert edition.number == 1 and "trước ngày 20/6" in edition.html
    signed = edition.file.open("rb").read()
    assert hashlib.sha256(signed).hexdigest() == edition.sha256
    # The copy sent for signature leaves the number and date for the văn thư.
    assert "Số: 12/KH-SYT" not in pdf_tool("pdftotext", signed, tmp_path)

    # Between trình ký and the issue, a change needs a reason too.
    period = plan.periods.get()
    period.deadline_text, period.deadline = "trước ngày 20/12", date(2026, 12, 20)
    plan.refresh_from_db()
    with pytest.raises(ValidationError):
        campaign_services.save_item(by=cast["secretariat"], campaign=plan, instance=period)

    response = client.post(reverse("reports:plan-issue", args=[plan.pk]),
                           {"number": "12", "notation": "KH-SYT", "issue_date": "05/03/2026"})
    assert response.status_code == 302
    plan.refresh_from_db()
    edition.refresh_from_db()
    assert plan.status == Status.ISSUED and edition.registry_number == 12 and edition.issue_date == date(2026, 3, 5)
    issued = edition.issued_file.open("rb").read()
    assert hashlib.sha256(issued).hexdigest() == edition.issued_sha256
    issued_text = pdf_tool("pdftotext", issued, tmp_path)
    assert "Số: 12/KH-SYT" in issued_text and "gày 05 tháng 3 năm 2026" in issued_text
    assert "trước ngày 20/6" in issued_text
    stored = (edition.html, edition.sha256, edition.issued_sha256, signed, issued)

    campaign_services.save_item(by=cast["secretariat"], campaign=plan, instance=period,
                                reason="Sở Nội vụ lùi hạn báo cáo")
    assert plan.periods.get().deadline_text == "trước ngày 20/12"

    downloaded = _download(client, reverse("reports:plan-pdf", args=[plan.pk]))
    assert downloaded == issued
    assert "trước ngày 20/6" in pdf_tool("pdftotext", downloaded, tmp_path)
    edition.refresh_from_db()
    assert (edition.html, edition.sha256, edition.issued_sha256, edition.file.open("rb").read(),
            edition.issued_file.open("rb").read()) == stored
    # The live preview follows the data, and says it is not the signed copy.
    preview = client.get(reverse("reports:plan-preview-pdf", args=[plan.pk])).content
    preview_text = pdf_tool("pdftotext", preview, tmp_path)
    assert "trước ngày 20/12" in preview_text
    assert "Bản xem trước theo dữ liệu hiện tại – không phải bản đã ký" in " ".join(preview_text.split())

    page = client.get(plan.get_absolute_url()).content.decode()
    assert "Phiên bản 1" in page and edition.sha256 in page and "Sở Nội vụ lùi hạn báo cáo" in page
    assert "Sửa đổi sau khi ban hành" in page and "trước ngày 20/12" in page
    assert "Bản xem trước theo dữ liệu hiện tại (không phải bản đã ký)" in page


def test_a_reopened_plan_makes_a_new_edition_and_keeps_the_first(cast, plan, fresh_storage):
    first = services.send_for_signature(by=cast["secretariat"], kind="plan", obj=plan)
    services.record_plan_issue(by=cast["secretariat"], campaign=plan, number=12, notation="KH-SYT",
                               issue_date=date(2026, 3, 5))
    with pytest.raises(ValidationError):
        services.send_for_signature(by=cast["secretariat"], kind="plan", obj=plan, reason="điều chỉnh")
    with pytest.raises(ValidationError):
        services.reopen_edition(by=cast["secretariat"], kind="plan", obj=plan, reason=" ")
    plan.refresh_from_db()
    services.reopen_edition(by=cast["secretariat"], kind="plan", obj=plan, reason="Điều chỉnh kỳ báo cáo")
    plan.refresh_from_db()
    # The new edition is made for the reason the plan was reopened with, unless another is given.
    second = services.send_for_signature(by=cast["secretariat"], kind="plan", obj=plan)
    assert second.number == 2 and second.reason == "Điều chỉnh kỳ báo cáo"
    # The new signature copy leaves the number blank again for the văn thư.
    assert "Số: 12/KH-SYT" not in stamping.slots(second.html)["number"]
    first.refresh_from_db()
    assert first.closed_reason == "Điều chỉnh kỳ báo cáo" and first.issued_sha256


def test_only_who_may_manage_the_plan_sends_it_for_signature(login, cast, plan):
    response = login(cast["staff"]).post(
        reverse("reports:edition-send", args=["ke-hoach", plan.pk]))
    assert response.status_code in (403, 404)
    assert not DocumentEdition.objects.exists()


def test_an_indicator_changed_after_trinh_ky_needs_a_reason_and_is_listed_as_an_amendment(cast, plan,
                                                                                          fresh_storage):
    # Sent for signature but not yet issued: the plan's indicators are part of the signed copy.
    from indicators import services as indicator_services
    from indicators.models import CampaignIndicator, IndicatorDefinition

    definition = indicator_services.save_definition(by=SYSTEM, instance=IndicatorDefinition(
        issuer=plan.issuer, code="TC", name="Tỷ lệ tiêm chủng", direction="higher"))
    indicator = indicator_services.save_indicator(by=SYSTEM, campaign=plan, instance=CampaignIndicator(
        definition=definition, comparator="gte", target_text="95"))
    services.send_for_signature(by=cast["secretariat"], kind="plan", obj=plan)
    plan.refresh_from_db()
    assert plan.status == Status.DRAFT and plan.edits_need_reason
    indicator = CampaignIndicator.objects.get(pk=indicator.pk)
    indicator.target_text = "90"
    with pytest.raises(ValidationError) as refused:
        indicator_services.save_indicator(by=cast["secretariat"], campaign=plan, instance=indicator)
    assert "trình ký" in str(refused.value)
    indicator_services.save_indicator(by=cast["secretariat"], campaign=plan, instance=indicator,
                                      reason="Sở điều chỉnh theo góp ý của lãnh đạo")
    assert plan.events.filter(reason="Sở điều chỉnh theo góp ý của lãnh đạo").exists()


def test_an_issued_plan_offers_one_way_to_a_new_edition(login, cast, plan, fresh_storage):
    services.send_for_signature(by=cast["secretariat"], kind="plan", obj=plan)
    services.record_plan_issue(by=cast["secretariat"], campaign=plan, number=12, notation="KH-SYT",
                               issue_date=date(2026, 3, 5))
    page = login(cast["secretariat"]).get(plan.get_absolute_url()).content.decode()
    assert "Mở lại để lập phiên bản mới – lý do" in page and "Trình ký phiên bản mới" not in page
    plan.refresh_from_db()
    services.reopen_edition(by=cast["secretariat"], kind="plan", obj=plan, reason="Điều chỉnh kỳ báo cáo")
    page = login(cast["secretariat"]).get(plan.get_absolute_url()).content.decode()
    assert "Mở lại để lập phiên bản mới – lý do" not in page and ">Trình ký</button>" in page
