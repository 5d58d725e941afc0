"""reports/signatures.py: offline verification of signed PDFs (issue 14). No database."""

import hashlib
import io
from datetime import UTC, datetime, timedelta

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from reports import signatures
from tests.signing import issue_cert, make_ca, sign_pdf

LEADER = ("Nguyễn Văn An", "Sở Y tế Thái Nguyên")
CLERK = ("Trần Thị Bình", "Sở Y tế Thái Nguyên")


@pytest.fixture(scope="module")
def approved(signing_ca, unsigned_pdf):
    cert, key = issue_cert(signing_ca, *LEADER)
    return sign_pdf(unsigned_pdf, cert, key, "PheDuyet", chain=(signing_ca.cert,))


@pytest.fixture(scope="module")
def issued(signing_ca, approved):
    cert, key = issue_cert(signing_ca, *CLERK)
    return sign_pdf(approved, cert, key, "PhatHanh", chain=(signing_ca.cert,))


def test_one_valid_signature(signing_ca, unsigned_pdf, approved):
    check = signatures.check_pdf(approved, [signing_ca.pem])
    assert check.ok and not check.is_scan
    (sig,) = check.signatures
    assert (sig.field_name, sig.signer_name, sig.signer_organisation) == ("PheDuyet", *LEADER)
    assert "CA thử nghiệm" in sig.issuer
    assert sig.intact and sig.trusted and sig.valid_at_signing and sig.covers_whole_file
    assert not sig.changed_after and sig.problems == ()
    assert sig.summary == "Chữ ký số hợp lệ của Nguyễn Văn An (Sở Y tế Thái Nguyên)"
    assert abs(sig.signed_at - datetime.now(UTC)) < timedelta(minutes=5)
    assert check.revocation_note == "Chưa kiểm tra thu hồi chứng thư (kiểm tra ngoại tuyến)."


def test_first_revision_is_the_file_downloaded_for_signing(signing_ca, unsigned_pdf, approved, issued):
    expected = hashlib.sha256(unsigned_pdf).hexdigest()
    assert signatures.check_pdf(approved, [signing_ca.der]).first_revision_sha256 == expected
    assert signatures.check_pdf(issued, [signing_ca.der]).first_revision_sha256 == expected


def test_approval_then_issue_both_valid(signing_ca, issued):
    check = signatures.check_pdf(issued, [signing_ca.der])
    assert check.ok
    first, second = check.signatures
    assert (first.field_name, first.signer_name) == ("PheDuyet", LEADER[0])
    assert (second.field_name, second.signer_name) == ("PhatHanh", CLERK[0])
    # The approval no longer covers the file, and that is no fault: the issuing signature was added.
    assert not first.covers_whole_file and not first.changed_after and first.ok
    assert second.covers_whole_file


def test_a_changed_byte_in_the_signed_content(signing_ca, approved):
    data = bytearray(approved)
    data[approved.find(b"stream") + 10] ^= 1
    check = signatures.check_pdf(bytes(data), [signing_ca.pem])
    (sig,) = check.signatures
    assert not sig.intact and not sig.ok and not check.ok
    assert sig.summary.startswith("Tệp đã bị sửa sau khi ký")
    assert sig.trusted  # still says who signed it, with a certificate the province trusts


def test_content_added_after_signing(signing_ca, approved):
    writer = IncrementalPdfFileWriter(io.BytesIO(approved))
    stream = writer.add_object(generic.StreamObject(stream_data=b"BT /F1 24 Tf 100 100 Td (Sua) Tj ET"))
    writer.add_stream_to_page(0, stream)
    out = io.BytesIO()
    writer.write(out)
    (sig,) = signatures.check_pdf(out.getvalue(), [signing_ca.pem]).signatures
    assert sig.intact and sig.changed_after and not sig.ok
    assert sig.summary == "Tệp đã bị sửa sau khi ký: có thay đổi ngoài các chữ ký được thêm sau."


def test_untrusted_chain(signing_ca, approved):
    for anchors in ([], [make_ca("CA khác").pem]):
        check = signatures.check_pdf(approved, anchors)
        (sig,) = check.signatures
        assert sig.intact and not sig.trusted and not check.ok
        assert sig.summary.startswith("Không xác định được nguồn cấp chứng thư")


def test_certificate_expired_when_signed(signing_ca, unsigned_pdf):
    start = datetime.now(UTC) - timedelta(days=400)
    cert, key = issue_cert(signing_ca, *LEADER, not_before=start, not_after=start + timedelta(days=30))
    (sig,) = signatures.check_pdf(sign_pdf(unsigned_pdf, cert, key, "PheDuyet"), [signing_ca.pem]).signatures
    assert sig.intact and sig.trusted and not sig.valid_at_signing and not sig.ok
    assert sig.problems == ("Chứng thư số đã hết hạn vào lúc ký.",)


def test_signed_but_a_different_document(signing_ca, unsigned_pdf):
    from reports.pdf import render_pdf

    other = render_pdf("<html><body><h1>Kế hoạch khác</h1></body></html>")
    cert, key = issue_cert(signing_ca, *LEADER)
    check = signatures.check_pdf(sign_pdf(other, cert, key, "PheDuyet"), [signing_ca.pem])
    assert check.ok  # a valid signature, on another file
    assert check.first_revision_sha256 == hashlib.sha256(other).hexdigest()
    assert check.first_revision_sha256 != hashlib.sha256(unsigned_pdf).hexdigest()


def test_a_scan_has_no_signature(unsigned_pdf):
    check = signatures.check_pdf(unsigned_pdf, [])
    assert check.is_scan and check.signatures == () and check.first_revision_sha256 is None
    assert not check.ok


@pytest.mark.parametrize("data", [b"", b"xin chao", b"%PDF-1.7\n garbage", "ảnh.jpg".encode() * 10])
def test_not_a_pdf(data):
    with pytest.raises(signatures.NotAPdf, match="không phải là PDF"):
        signatures.check_pdf(data, [])


def test_a_non_certificate_anchor_is_refused(approved):
    with pytest.raises(ValueError, match="không phải là chứng thư số"):
        signatures.check_pdf(approved, [b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"])


def test_json_round_trip(signing_ca, issued):
    check = signatures.check_pdf(issued, [signing_ca.pem])
    import json

    stored = json.loads(json.dumps(signatures.to_json(check)))
    assert stored["ok"] is True and stored["signatures"][0]["signed_at"].endswith("+00:00")
    assert signatures.from_json(stored) == check
    scan = signatures.check_pdf(issued[: issued.find(b"%%EOF") + 6], [])
    assert signatures.from_json(json.loads(json.dumps(signatures.to_json(scan)))) == scan


def test_signer_mismatch(signing_ca, approved):
    (sig,) = signatures.check_pdf(approved, [signing_ca.pem]).signatures
    assert signatures.signer_mismatch(sig, expected_name="  NGUYỄN  văn an ",
                                      expected_organisation="sở y tế thái nguyên") == ""
    text = signatures.signer_mismatch(sig, expected_name="Lê Văn Cường", expected_organisation="Sở Y tế Thái Nguyên")
    assert text.startswith("Chứng thư số không khớp văn bản") and "Lê Văn Cường" in text
    other = signatures.signer_mismatch(sig, expected_name=LEADER[0], expected_organisation="Sở Y tế Kon Tum")
    assert "Sở Y tế Kon Tum" in other and "người ký" not in other


def test_verification_and_signing_work_from_inside_a_running_event_loop(signing_ca, unsigned_pdf):
    # pyHanko's sync API runs asyncio.run(), refused in a thread whose loop runs (an async caller;
    # the browser tests' Playwright loads the demo, which signs): outside_event_loop moves it.
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from tests.signing import sign_pdf

    async def inside():
        signed = sign_pdf(unsigned_pdf, signing_ca.cert, signing_ca.key, "PheDuyet", chain=(signing_ca.cert,))
        return signatures.check_pdf(signed, [signing_ca.pem])

    # A loop of its own in a thread of its own (this thread's may already run one: Playwright's).
    with ThreadPoolExecutor(max_workers=1) as pool:
        assert pool.submit(asyncio.run, inside()).result().ok


def test_names_read_as_people_write_them():
    from asn1crypto import x509 as asn1_x509

    subject = asn1_x509.Certificate.load(make_ca("CA Chính phủ thử nghiệm", "Ban Cơ yếu thử nghiệm").der).subject
    assert signatures.describe_name(subject) == "CA Chính phủ thử nghiệm (Ban Cơ yếu thử nghiệm), VN"
    assert signatures.signer_label("Sở Y tế Thái Nguyên", "Sở Y tế Thái Nguyên") == "Sở Y tế Thái Nguyên"
    assert signatures.signer_label("Trần Minh Khoa", "Sở Y tế Thái Nguyên") == "Trần Minh Khoa (Sở Y tế Thái Nguyên)"
