"""The signed file as a first-class record (issue 14, part B): a signed PDF uploaded for a document
sent for signature is stored with its verification report; the page says, per signature, whether
it holds, and whether the file is the copy sent for signature; signing tools fetch and return the
copy through a one-time link, without a session."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from common import clock
from reports import services
from reports.models import DocumentEdition, SignedCopy, SigningToken
from reports.services import signed, trust
from tests.factories import make_campaign
from tests.reports.conftest import complete
from tests.signing import issue_cert, make_ca, sign_pdf
from units.access import SYSTEM

pytestmark = pytest.mark.django_db

LEADER = "Nguyễn Văn Lãnh"


@pytest.fixture(scope="session")
def ca():
    return make_ca()


@pytest.fixture
def trusted(ca, db):
    """The throwaway CA installed as the province's trust anchor, as the administrator does."""
    trust.add_trust_anchor(SYSTEM, ca.pem, name="CA thử nghiệm")
    return ca


@pytest.fixture
def plan(tree, settings, fresh_storage):
    settings.APP_TODAY = date(2026, 3, 10)
    campaign = make_campaign(tree["A"], notation="KH-SYT", signer_title="Giám đốc", signer_name=LEADER)
    services.send_for_signature(by=SYSTEM, kind="plan", obj=campaign)
    return campaign


def _edition(campaign) -> DocumentEdition:
    return DocumentEdition.objects.get(kind="plan", object_id=campaign.pk, number=1)


def twice_signed(ca, data: bytes, organisation: str, leader: str = LEADER) -> bytes:
    """Signed as an office signs: the leader approves, then the văn thư issues with the body's certificate."""
    leader_cert, key = issue_cert(ca, leader, organisation)
    body_cert, body_key = issue_cert(ca, organisation, organisation)
    approved = sign_pdf(data, leader_cert, key, "PheDuyet", chain=(ca.cert,))
    return sign_pdf(approved, body_cert, body_key, "PhatHanh", chain=(ca.cert,))


def _upload(client, campaign, data: bytes, name: str = "ke-hoach-da-ky.pdf"):
    return client.post(reverse("reports:edition-signed-upload", args=["ke-hoach", campaign.pk]),
                       {"file": SimpleUploadedFile(name, data, content_type="application/pdf")}, follow=True)


def _stored(campaign) -> bytes:
    with _edition(campaign).file.open("rb") as handle:
        return handle.read()


def test_a_copy_signed_twice_shows_both_signatures_valid_and_the_edition_it_was_made_from(
        login, cast, plan, trusted):
    data = twice_signed(trusted, _stored(plan), plan.issuer.name)
    page = _upload(login(cast["leader"]), plan, data).content.decode()
    assert page.count("Chữ ký số hợp lệ của") == 2
    assert f"Chữ ký số hợp lệ của {LEADER}" in page
    assert "Đúng bản trình ký (phiên bản 1)" in page
    assert "Chưa kiểm tra thu hồi chứng thư" in page
    assert "Chứng thư số không khớp văn bản" not in page
    copy = SignedCopy.objects.get()
    assert copy.edition == _edition(plan) and copy.matches_edition == 1 and not copy.is_scan
    assert copy.check_report["check"]["ok"] is True
    # The stored file is the uploaded one, byte for byte, and the page links to it.
    url = reverse("reports:signed-copy-file", args=["ke-hoach", plan.pk, copy.pk])
    assert url in page
    assert b"".join(login(cast["secretariat"]).get(url).streaming_content) == data


def test_a_changed_byte_says_the_file_was_changed_after_signing(login, cast, plan, trusted):
    data = bytearray(twice_signed(trusted, _stored(plan), plan.issuer.name))
    data[5:8] = b"1.3" if data[5:8] != b"1.3" else b"1.4"     # the header is inside every signed range
    page = _upload(login(cast["leader"]), plan, bytes(data)).content.decode()
    assert "Tệp đã bị sửa sau khi ký" in page
    assert "Chữ ký số hợp lệ của" not in page


def test_a_file_signed_from_another_document_matches_no_edition(login, cast, plan, tree, trusted):
    other = make_campaign(tree["A"], title="Phong trào khác", notation="KH-SYT", signer_name=LEADER)
    services.send_for_signature(by=SYSTEM, kind="plan", obj=other)
    data = twice_signed(trusted, _stored(other), plan.issuer.name)
    page = _upload(login(cast["leader"]), plan, data).content.decode()
    assert "Không khớp bản trình ký nào của văn bản này" in page
    assert SignedCopy.objects.get().matches_edition is None


def test_an_unknown_ca_and_another_signer_are_named(login, cast, plan, trusted):
    stranger = make_ca("CA lạ")
    data = twice_signed(stranger, _stored(plan), plan.issuer.name, leader="Trần Thị Khác")
    page = _upload(login(cast["leader"]), plan, data).content.decode()
    assert "Không xác định được nguồn cấp chứng thư" in page
    assert "Chứng thư số không khớp văn bản" in page and "Trần Thị Khác" in page


def test_a_scan_without_signatures_is_kept_and_labelled(login, cast, plan, trusted):
    page = _upload(login(cast["leader"]), plan, _stored(plan), name="ban-quet.pdf").content.decode()
    assert "Bản quét (không có chữ ký số)" in page
    assert SignedCopy.objects.get().is_scan


def test_names_in_certificates_are_escaped_on_the_page(login, cast, plan, trusted):
    data = twice_signed(trusted, _stored(plan), plan.issuer.name, leader="<b>Lãnh</b>")
    page = _upload(login(cast["leader"]), plan, data).content.decode()
    assert "<b>Lãnh</b>" not in page and "&lt;b&gt;Lãnh&lt;/b&gt;" in page


def test_who_may_not_issue_the_plan_may_not_upload_or_make_a_link(login, cast, plan):
    data = {"file": SimpleUploadedFile("x.pdf", b"%PDF-1.4\n", content_type="application/pdf")}
    for user, status in ((cast["council"], 403), (cast["outsider"], 404)):
        client = login(user)
        assert client.post(reverse("reports:edition-signed-upload", args=["ke-hoach", plan.pk]),
                           data).status_code == status
        assert client.post(reverse("reports:edition-signing-token", args=["ke-hoach", plan.pk])).status_code == status
    assert not SignedCopy.objects.exists() and not SigningToken.objects.exists()


# --- The signing tools' one-time link ----------------------------------------------------------------


def _link(login, cast, plan) -> str:
    """Made through the page, as the leader does; the secret is read from the message shown once."""
    response = login(cast["leader"]).post(reverse("reports:edition-signing-token", args=["ke-hoach", plan.pk]),
                                          follow=True)
    page = response.content.decode()
    assert "Liên kết cho công cụ ký" in page
    start = page.index("/ky-so/") + len("/ky-so/")
    secret = page[start:page.index("/", start)]
    assert SigningToken.objects.latest("pk").secret_hash != secret      # only the hash is kept
    return secret


def test_the_tool_downloads_the_stored_copy_and_uploads_without_a_session(client, login, cast, plan, trusted):
    secret = _link(login, cast, plan)
    client.logout()
    response = client.get(reverse("signing:token-file", args=[secret]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content == _stored(plan)
    data = twice_signed(trusted, response.content, plan.issuer.name)
    response = client.post(reverse("signing:token-upload", args=[secret]),
                           {"file": SimpleUploadedFile("da-ky.pdf", data, content_type="application/pdf")})
    assert response.status_code == 200, response.content
    assert json.loads(response.content)["ok"] is True
    copy = SignedCopy.objects.get()
    assert copy.via_token and copy.matches_edition == 1 and copy.uploaded_by == cast["leader"]
    assert SigningToken.objects.get().used_at is not None
    # Used once: both URLs refuse it now.
    again = client.post(reverse("signing:token-upload", args=[secret]),
                        {"file": SimpleUploadedFile("da-ky.pdf", data, content_type="application/pdf")})
    assert again.status_code == 410 and "đã dùng hoặc đã hết hạn" in again.content.decode()
    assert client.get(reverse("signing:token-file", args=[secret])).status_code == 410
    assert SignedCopy.objects.count() == 1


def test_an_expired_link_is_refused(client, login, cast, plan):
    secret = _link(login, cast, plan)
    # The app's clock (pinned to the plan's day here), not the wall clock, decides.
    SigningToken.objects.update(expires_at=clock.now() - timedelta(seconds=1))
    client.logout()
    assert client.get(reverse("signing:token-file", args=[secret])).status_code == 410
    response = client.post(reverse("signing:token-upload", args=[secret]),
                           {"file": SimpleUploadedFile("a.pdf", _stored(plan), content_type="application/pdf")})
    assert response.status_code == 410 and not SignedCopy.objects.exists()


def test_an_unknown_link_is_not_found(client, plan):
    assert client.get(reverse("signing:token-file", args=["khong-co"])).status_code == 404
    assert client.post(reverse("signing:token-upload", args=["khong-co"])).status_code == 404


def test_the_link_lasts_the_configured_minutes(cast, plan, settings):
    settings.REPORTS_SIGNING_TOKEN_MINUTES = 5
    issued = signed.create_signing_token(by=cast["leader"], kind="plan", obj=plan)
    assert issued.token.expires_at - issued.token.created_at == timedelta(minutes=5)


# --- A summary report's signed copy ---------------------------------------------------------------------


def test_a_summary_reports_signed_copy_is_verified_on_its_page(login, cast, tree, fresh_storage, trusted, settings):
    from campaigns.models import ReportingPeriod

    settings.APP_TODAY = date(2026, 11, 10)
    campaign = make_campaign(tree["A"], participants=[tree["A.BV"]], status="in_progress")
    period = ReportingPeriod.objects.create(campaign=campaign, kind="year", year=2026, label="Năm 2026")
    report = complete(services.create_report(by=SYSTEM, campaign=campaign, organisation=tree["A"], period=period))
    report = services.issue_report(by=SYSTEM, report=report, number=3, notation="BC-SYT",
                                   issue_date=date(2026, 11, 9), signer_title="Giám đốc", signer_name=LEADER)
    issued = services.issued_copy(report)
    with issued.file.open("rb") as handle:
        data = twice_signed(trusted, handle.read(), tree["A"].name)
    client = login(cast["leader"])
    client.post(reverse("reports:report-signed", args=[report.pk]),
                {"file": SimpleUploadedFile("bc-da-ky.pdf", data, content_type="application/pdf")})
    page = client.get(reverse("reports:report", args=[report.pk])).content.decode()
    assert page.count("Chữ ký số hợp lệ của") == 2
    assert "Đúng bản trình ký (phiên bản 1)" in page


def test_a_copy_that_does_not_verify_is_kept_but_never_handed_to_the_next_signer(client, login, cast, plan,
                                                                               trusted):
    # The walk of issue 14: a copy signed with an untrusted CA came back "ok": true and the next
    # link served it, so the văn thư would have signed over a signature that did not hold.
    secret = _link(login, cast, plan)
    client.logout()
    original = client.get(reverse("signing:token-file", args=[secret])).content
    stranger = make_ca("CA lạ", "Không ai tin")
    data = twice_signed(stranger, original, plan.issuer.name)
    response = client.post(reverse("signing:token-upload", args=[secret]),
                           {"file": SimpleUploadedFile("da-ky.pdf", data, content_type="application/pdf")})
    assert response.status_code == 200 and json.loads(response.content)["ok"] is False
    assert "có chữ ký không hợp lệ" in response.content.decode()       # readable, not \\u escapes
    assert SignedCopy.objects.count() == 1
    secret = _link(login, cast, plan)
    client.logout()
    assert client.get(reverse("signing:token-file", args=[secret])).content == original


def test_uploading_a_copy_that_does_not_verify_warns_instead_of_a_success(login, cast, plan, trusted):
    client = login(cast["leader"])
    data = twice_signed(make_ca("CA lạ", "Không ai tin"), _stored(plan), plan.issuer.name)
    response = client.post(reverse("reports:edition-signed-upload", args=["ke-hoach", plan.pk]),
                           {"file": SimpleUploadedFile("da-ky.pdf", data, content_type="application/pdf")},
                           follow=True)
    page = response.content.decode()
    assert "alert-warning" in page and "có chữ ký không hợp lệ" in page
