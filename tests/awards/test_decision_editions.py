"""A decision sent for signature is frozen; its issue stamps the stored copy and freezes the
Giấy khen; a numbered decision is never reopened (issue 13, item 3). The issue form keeps what
was typed after an error and names the file to choose again (item 5c)."""

import hashlib
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards import services
from awards.models import Decision
from reports import services as report_services
from reports.models import DocumentEdition
from tests.awards.conftest import pdf
from tests.awards.test_offered_moves import _approved
from tests.reports.conftest import pdf_tool

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(proposal, plan, cast, types, tree):
    n = _approved(proposal, plan, cast, types, "GK_SYT_CN")
    return services.create_decision(by=cast["leader"], issuer=tree["A"], title="Về việc khen thưởng",
                                    nominations=[n], campaign=plan["campaign"])


REGISTRY = {"number": "125", "notation": "QĐ-SYT", "issue_date": "05/11/2026", "signer_prefix": "KT. GIÁM ĐỐC",
            "signer_title": "PHÓ GIÁM ĐỐC", "signer_name": "Trần Văn Ký"}


def test_issuing_stamps_the_signed_copy_and_freezes_the_certificates(login, cast, decision, fresh_storage,
                                                                      tmp_path):
    client = login(cast["leader"])
    client.post(reverse("reports:edition-send", args=["quyet-dinh", decision.pk]))
    signed = DocumentEdition.objects.get(kind="decision", object_id=decision.pk)
    response = client.post(reverse("reports:decision-issue", args=[decision.pk]), REGISTRY)
    assert response.status_code == 302
    decision.refresh_from_db()
    signed.refresh_from_db()
    assert decision.status == Decision.Status.ISSUED and signed.registry_number == 125
    assert "Số: 125/QĐ-SYT" in pdf_tool("pdftotext", signed.issued_file.open("rb").read(), tmp_path)
    assert "Số: 125/QĐ-SYT" not in pdf_tool("pdftotext", signed.file.open("rb").read(), tmp_path)
    assert hashlib.sha256(signed.issued_file.open("rb").read()).hexdigest() == signed.issued_sha256
    certificates = DocumentEdition.objects.get(kind="certificates", object_id=decision.pk)
    frozen = certificates.issued_file.open("rb").read()
    assert hashlib.sha256(frozen).hexdigest() == certificates.issued_sha256
    downloaded = b"".join(client.get(reverse("reports:certificates-pdf", args=[decision.pk])).streaming_content)
    assert downloaded == frozen
    page = client.get(decision.get_absolute_url()).content.decode()
    assert signed.sha256 in page and certificates.sha256 in page and "không mở lại" in page
    assert reverse("reports:edition-reopen", args=["quyet-dinh", decision.pk]) not in page


def test_a_numbered_decision_is_never_reopened(cast, decision, fresh_storage):
    report_services.record_decision_issue(by=cast["leader"], decision=decision, number=125, notation="QĐ-SYT",
                                          issue_date=date(2026, 11, 5), signer_prefix="", signer_title="GIÁM ĐỐC",
                                          signer_name="Trần Văn Ký")
    decision.refresh_from_db()
    with pytest.raises(ValidationError, match="không mở lại"):
        report_services.reopen_edition(by=cast["leader"], kind="decision", obj=decision, reason="Sai tên")
    with pytest.raises(ValidationError, match="quyết định khác"):
        report_services.send_for_signature(by=cast["leader"], kind="decision", obj=decision, reason="Sai tên")
    assert DocumentEdition.objects.filter(kind="decision", object_id=decision.pk).count() == 1
    # Revoking (by another decision, as offices do) stays possible.
    services.revoke_decision(by=cast["leader"], decision=decision, reason="Kê khai không đúng")


def test_the_issue_form_keeps_what_was_typed_and_names_the_file_to_choose_again(login, cast, decision):
    data = {**REGISTRY, "issue_date": "31/02/2026", "file": pdf("qd-125-da-ky.pdf")}
    response = login(cast["leader"]).post(reverse("reports:decision-issue", args=[decision.pk]), data)
    assert response.status_code == 400
    content = response.content.decode()
    for value in ('value="125"', 'value="QĐ-SYT"', 'value="31/02/2026"', 'value="KT. GIÁM ĐỐC"',
                  'value="PHÓ GIÁM ĐỐC"', 'value="Trần Văn Ký"'):
        assert value in content
    assert "Chọn lại tệp qd-125-da-ky.pdf (trình duyệt không giữ tệp đã chọn khi trang báo lỗi)." in content
    decision.refresh_from_db()
    assert decision.status == Decision.Status.DRAFT


def test_a_refused_number_keeps_what_was_typed_too(login, cast, decision, tree, fresh_storage):
    other = Decision.objects.create(issuer=tree["A"], title="Quyết định khác", number=125, notation="QĐ-SYT",
                                    issue_date=date(2026, 11, 1), status=Decision.Status.ISSUED)
    assert other.pk
    response = login(cast["leader"]).post(reverse("reports:decision-issue", args=[decision.pk]),
                                          {**REGISTRY, "file": pdf("qd.pdf")})
    content = response.content.decode()
    assert response.status_code == 400 and "đã được dùng" in content and 'value="Trần Văn Ký"' in content
    assert "Chọn lại tệp qd.pdf" in content
    assert not DocumentEdition.objects.filter(kind="decision", object_id=decision.pk).exists()


def test_a_draft_decision_changed_after_trinh_ky_is_signed_again_before_its_issue(cast, decision, fresh_storage):
    first = report_services.send_for_signature(by=cast["leader"], kind="decision", obj=decision)
    services.remove_decision_line(by=cast["leader"], line=decision.lines.get())
    with pytest.raises(ValidationError, match="thay đổi sau khi trình ký"):
        report_services.record_decision_issue(by=cast["leader"], decision=decision, number=125, notation="QĐ-SYT",
                                              issue_date=date(2026, 11, 5), signer_prefix="",
                                              signer_title="GIÁM ĐỐC", signer_name="Trần Văn Ký")
    report_services.reopen_edition(by=cast["leader"], kind="decision", obj=decision, reason="Bỏ một người")
    second = report_services.send_for_signature(by=cast["leader"], kind="decision", obj=decision,
                                                reason="Bỏ một người")
    assert (first.number, second.number) == (1, 2)


def test_an_issued_decisions_page_says_the_stored_copy_is_the_document(login, cast, decision, fresh_storage):
    # The walk of issue 13: after a legal basis was added, the page headed "Bản đã ban hành" showed
    # text the stored PDF does not have. The page now says it is rebuilt from today's data.
    client = login(cast["leader"])
    page = client.get(reverse("reports:decision-document", args=[decision.pk])).content.decode()
    assert "Dự thảo" in page and "Văn bản đã trình ký" not in page
    report_services.record_decision_issue(by=cast["leader"], decision=decision, number=125, notation="QĐ-SYT",
                                          issue_date=date(2026, 11, 5), signer_prefix="", signer_title="GIÁM ĐỐC",
                                          signer_name="Trần Văn Ký")
    edition = DocumentEdition.objects.get(kind="decision", object_id=decision.pk)
    page = client.get(reverse("reports:decision-document", args=[decision.pk])).content.decode()
    assert "Bản xem trước theo dữ liệu hiện tại (không phải bản đã ký)" in page
    assert "ban hành số 125/QĐ-SYT ngày 05/11/2026" in page and edition.issued_sha256 in page
    assert "Bản đã ban hành (PDF/A lưu trữ)" not in page


def test_a_decision_issued_before_the_system_says_it_has_no_stored_copy(login, cast, decision):
    Decision.objects.filter(pk=decision.pk).update(status=Decision.Status.ISSUED, number=7, notation="QĐ-SYT",
                                                   issue_date=date(2021, 12, 28))
    client = login(cast["leader"])
    page = client.get(reverse("reports:decision-document", args=[decision.pk])).content.decode()
    assert "được nhập từ hồ sơ, không qua trình ký" in page
    assert "không có bản lưu" in client.get(decision.get_absolute_url()).content.decode()


def test_reloading_the_refused_issue_form_goes_back_to_the_decision(login, cast, decision):
    client = login(cast["leader"])
    response = client.get(reverse("reports:decision-issue", args=[decision.pk]))
    assert response.status_code == 302 and response.url == decision.get_absolute_url()
    # Still the viewer's rules: someone who may not see the decision gets a 404, not a redirect.
    assert login(cast["outsider"]).get(reverse("reports:decision-issue", args=[decision.pk])).status_code == 404
