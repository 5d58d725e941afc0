"""The administrator's page of trusted certificates (issue 14): list, add a PEM or DER file, refuse
what is not a certificate beside the field, stop trusting one with a reason (the row stays)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reports import selectors
from reports.models import TrustAnchor
from tests.signing import make_ca

pytestmark = pytest.mark.django_db


def test_the_admin_adds_lists_and_stops_trusting_a_certificate(login, cast):
    client = login(cast["admin"])
    ca = make_ca("CA Chính phủ thử nghiệm", "Ban Cơ yếu thử nghiệm")
    response = client.post(reverse("reports:trust-anchors"), {
        "name": "", "note": "Tệp công khai của Ban Cơ yếu",
        "file": SimpleUploadedFile("ca.crt", ca.der, content_type="application/pkix-cert")})
    assert response.status_code == 302
    anchor = TrustAnchor.objects.get()
    assert anchor.active and "CA Chính phủ thử nghiệm" in anchor.name and selectors.anchors()
    page = client.get(reverse("reports:trust-anchors")).content.decode()
    assert "CA Chính phủ thử nghiệm" in page and anchor.sha256[:16] in page and "Tệp công khai của Ban Cơ yếu" in page

    response = client.post(reverse("reports:trust-anchor-remove", args=[anchor.pk]), {"reason": "Thay chứng thư mới"})
    assert response.status_code == 302
    anchor.refresh_from_db()
    assert not anchor.active and anchor.removed_at and selectors.anchors() == []
    assert "Đã ngừng" in client.get(reverse("reports:trust-anchors")).content.decode()


def test_a_file_that_is_no_certificate_is_refused_beside_the_field(login, cast):
    response = login(cast["admin"]).post(reverse("reports:trust-anchors"), {
        "name": "Nhầm tệp", "file": SimpleUploadedFile("ca.crt", b"khong phai chung thu")})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="Nhầm tệp"' in page and "invalid-feedback" in page and not TrustAnchor.objects.exists()


def test_only_the_admin_sees_the_page_and_its_menu_entry(login, cast):
    assert login(cast["secretariat"]).get(reverse("reports:trust-anchors")).status_code == 403
    assert "Chứng thư tin cậy" in login(cast["admin"]).get(reverse("home")).content.decode()
    assert "Chứng thư tin cậy" not in login(cast["secretariat"]).get(reverse("home")).content.decode()
