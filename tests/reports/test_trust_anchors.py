"""Trust anchors (the administrator's list) and `manage.py verify_signature` (issue 14)."""

import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from common import clock
from reports import selectors
from reports.models import DocumentEdition, TrustAnchor
from reports.services.trust import add_trust_anchor, remove_trust_anchor
from tests.signing import issue_cert, make_ca, sign_pdf
from units.models import AuditEvent


@pytest.fixture
def signed(signing_ca, unsigned_pdf):
    cert, key = issue_cert(signing_ca, "Nguyễn Văn An", "Sở Y tế Thái Nguyên")
    return sign_pdf(unsigned_pdf, cert, key, "PheDuyet", chain=(signing_ca.cert,))


def test_admin_adds_and_removes_an_anchor(cast, signing_ca):
    anchor = add_trust_anchor(cast["admin"], signing_ca.der, name="CA thử", note="tệp của văn phòng")
    assert anchor.sha256 == hashlib.sha256(signing_ca.der).hexdigest() and anchor.is_root and anchor.active
    assert "CA thử nghiệm" in anchor.subject
    assert selectors.anchors() == [signing_ca.pem]
    assert AuditEvent.objects.filter(target_type="chứng thư tin cậy", target_id=anchor.pk,
                                     action=AuditEvent.Action.CREATED).count() == 1
    with pytest.raises(ValidationError, match="đã có trong danh sách"):
        add_trust_anchor(cast["admin"], signing_ca.pem)
    remove_trust_anchor(cast["admin"], anchor, reason="hết dùng")
    anchor.refresh_from_db()
    assert not anchor.active and anchor.removed_at is not None
    assert selectors.anchors() == []
    assert TrustAnchor.objects.count() == 1  # kept, never deleted
    again = add_trust_anchor(cast["admin"], signing_ca.pem)
    assert again.pk == anchor.pk and again.active


@pytest.mark.parametrize("role", ["secretariat", "leader", "head"])
def test_only_the_administrator(cast, signing_ca, role):
    with pytest.raises(PermissionDenied):
        add_trust_anchor(cast[role], signing_ca.der)
    assert not TrustAnchor.objects.exists()


@pytest.mark.parametrize("data", [b"", b"not a certificate", b"%PDF-1.7\n", b"-----BEGIN CERTIFICATE-----\nAA==\n"])
def test_a_non_certificate_is_refused_beside_the_field(cast, data):
    with pytest.raises(ValidationError) as err:
        add_trust_anchor(cast["admin"], data)
    assert err.value.message_dict == {"file": ["Tệp không phải là chứng thư số (X.509, dạng PEM hoặc DER)."]}


def _run(*args):
    from io import StringIO

    out = StringIO()
    try:
        call_command("verify_signature", *args, stdout=out)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue()


def test_command_valid_with_a_database_anchor_and_the_stored_edition(cast, signing_ca, unsigned_pdf, signed,
                                                                     tmp_path):
    add_trust_anchor(cast["admin"], signing_ca.pem)
    DocumentEdition.objects.create(kind="plan", object_id=7, number=2, html="<p></p>", made_at=clock.now(),
                                   sha256=hashlib.sha256(unsigned_pdf).hexdigest())
    path = tmp_path / "da-ky.pdf"
    path.write_bytes(signed)
    code, out = _run(str(path))
    assert code == 0, out
    assert "Chữ ký số hợp lệ của Nguyễn Văn An (Sở Y tế Thái Nguyên)" in out
    assert "Đúng bản trình ký (kế hoạch mã 7, phiên bản 2)" in out
    assert "Chưa kiểm tra thu hồi chứng thư (kiểm tra ngoại tuyến)." in out


def test_command_untrusted_then_trusted_with_a_file(db, signing_ca, signed, tmp_path):
    path = tmp_path / "da-ky.pdf"
    path.write_bytes(signed)
    code, out = _run(str(path))
    assert code == 1 and "Không xác định được nguồn cấp chứng thư" in out
    assert "Không khớp bản trình ký nào đã lưu." in out
    (tmp_path / "ca.cer").write_bytes(signing_ca.der)
    (tmp_path / "khac.pem").write_bytes(make_ca("CA khác").pem)
    code, out = _run(str(path), "--trust", str(tmp_path / "khac.pem"), "--trust", str(tmp_path / "ca.cer"))
    assert code == 0, out


def test_command_changed_file_scan_and_garbage(db, signing_ca, unsigned_pdf, signed, tmp_path):
    ca = tmp_path / "ca.pem"
    ca.write_bytes(signing_ca.pem)
    changed = bytearray(signed)
    changed[signed.find(b"stream") + 10] ^= 1
    (tmp_path / "sua.pdf").write_bytes(bytes(changed))
    code, out = _run(str(tmp_path / "sua.pdf"), "--trust", str(ca))
    assert code == 1 and "Tệp đã bị sửa sau khi ký" in out
    (tmp_path / "quet.pdf").write_bytes(unsigned_pdf)
    code, out = _run(str(tmp_path / "quet.pdf"), "--trust", str(ca))
    assert code == 1 and "Tệp không có chữ ký số (bản quét)" in out
    (tmp_path / "rac.pdf").write_bytes(b"rac")
    with pytest.raises(CommandError, match="không phải là PDF"):
        call_command("verify_signature", str(tmp_path / "rac.pdf"))
