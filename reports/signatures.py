"""Verifying the digital signatures of a signed PDF, offline (issue 14; domain.md §8).

Bytes in, dataclasses out: no model, no network. pyHanko checks each signature against the trust
anchors it is given (roots and intermediates the province trusts) with fetching off, so no CRL or
OCSP is ever read; revocation is "soft-fail" and every result says it was not checked.

A chain is judged at the signing time the signature claims (or its timestamp token's), not today:
a document signed in 2026 stays valid after its signer's certificate expires in 2028. Without a
timestamp the claimed time is the signer's word; offline there is nothing better to judge it by.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import logging
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.ades.report import AdESFailure, AdESIndeterminate
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

logger = logging.getLogger(__name__)

REVOCATION_NOTE = "Chưa kiểm tra thu hồi chứng thư (kiểm tra ngoại tuyến)."

# Later signatures fill their own fields (FORM_FILLING) and the văn thư's tool may add the seal or
# the number as an annotation (ANNOTATIONS); anything beyond that rewrote what was signed.
_ALLOWED_AFTER = (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES, ModificationLevel.FORM_FILLING,
                  ModificationLevel.ANNOTATIONS)
# Trust failures that are about time, not about the chain: the chain is then checked again at a
# moment inside the certificate's validity, to tell "unknown CA" from "expired when signed".
_TIME_PROBLEMS = (AdESIndeterminate.EXPIRED, AdESIndeterminate.NOT_YET_VALID, AdESFailure.NOT_YET_VALID,
                  AdESIndeterminate.OUT_OF_BOUNDS_NO_POE)


class NotAPdf(ValueError):
    def __init__(self, message: str = "Tệp không phải là PDF hoặc bị hỏng, không đọc được."):
        super().__init__(message)


@dataclass(frozen=True)
class SignatureCheck:
    field_name: str
    signer_name: str
    signer_organisation: str
    issuer: str
    signed_at: datetime | None
    covers_whole_file: bool
    intact: bool
    changed_after: bool
    trusted: bool
    valid_at_signing: bool
    summary: str
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return self.intact and not self.changed_after and self.trusted and self.valid_at_signing


@dataclass(frozen=True)
class FileCheck:
    signatures: tuple[SignatureCheck, ...]
    first_revision_sha256: str | None
    is_scan: bool
    revocation_note: str = REVOCATION_NOTE

    @property
    def ok(self) -> bool:
        return bool(self.signatures) and all(s.ok for s in self.signatures)


def load_certificate(data: bytes) -> asn1_x509.Certificate:
    """One certificate from PEM or DER bytes; ValueError (Vietnamese) for anything else."""
    try:
        if pem.detect(data):
            _, _, data = pem.unarmor(data)
        cert = asn1_x509.Certificate.load(data)
        # asn1crypto parses lazily: read the subject now so garbage fails here, not in the validator.
        _ = cert.native
    except Exception as exc:  # asn1crypto raises ValueError, TypeError, KeyError… on garbage
        raise ValueError("Tệp không phải là chứng thư số (X.509, dạng PEM hoặc DER).") from exc
    return cert


def _names(name: asn1_x509.Name) -> dict:
    return name.native if isinstance(name.native, dict) else {}


def _joined(value) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value or "")


def _organisation(cert: asn1_x509.Certificate) -> str:
    names = _names(cert.subject)
    parts = [_joined(names.get("organizational_unit_name")), _joined(names.get("organization_name"))]
    return ", ".join(p for p in parts if p)


def signer_label(name: str, organisation: str) -> str:
    """ "Trần Minh Khoa (Sở Y tế Thái Nguyên)"; an organisation's own certificate names it once."""
    if name and organisation and name.casefold() not in organisation.casefold():
        return f"{name} ({organisation})"
    return organisation or name


def describe_name(name: asn1_x509.Name) -> str:
    """A certificate's subject or issuer as people read it: "CA Chính phủ (Ban Cơ yếu), VN" rather
    than asn1crypto's English "Common Name: …, Organization: …"."""
    names = _names(name)
    cn, org = _joined(names.get("common_name")), _joined(names.get("organization_name"))
    unit, country = _joined(names.get("organizational_unit_name")), _joined(names.get("country_name"))
    head = cn or org
    detail = ", ".join(p for p in (unit, org if cn and org != cn else "") if p)
    text = f"{head} ({detail})" if detail else head
    return ", ".join(p for p in (text, country) if p) or name.human_friendly


def _issuer(cert: asn1_x509.Certificate) -> str:
    names = _names(cert.issuer)
    cn, org = _joined(names.get("common_name")), _joined(names.get("organization_name"))
    if cn and org and org != cn:
        return f"{cn} ({org})"
    return cn or org


def _aware(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _context(roots, others, moment: datetime) -> ValidationContext:
    return ValidationContext(trust_roots=roots, other_certs=others, allow_fetching=False,
                             revocation_mode="soft-fail", moment=moment)


# Office certificates carry non-repudiation, some tools' digital signature only: either will do.
_KEY_USAGE = KeyUsageConstraints(key_usage={"non_repudiation", "digital_signature"}, match_all_key_usages=False)


def _first_revision_end(data: bytes, reader: PdfFileReader, signed_revision: int) -> int | None:
    """Where the file as it was before the first signature ends: the %%EOF (and its end of line)
    of the revision before the signed one. Signing tools append, so those bytes are the download."""
    if signed_revision < 1:
        return None
    meta = reader.xrefs.get_xref_container_info(signed_revision - 1)
    eof = data.find(b"%%EOF", meta.end_location)
    if eof < 0:
        return None
    end = eof + len(b"%%EOF")
    if data[end:end + 2] == b"\r\n":
        return end + 2
    if data[end:end + 1] in (b"\n", b"\r"):
        return end + 1
    return end


def _problems(*, intact, changed_after, trusted, valid_at_signing, signed_at, not_before, not_after,
              covers_whole_file, is_last) -> list[str]:
    problems = []
    if not intact:
        problems.append("Tệp đã bị sửa sau khi ký: nội dung được ký không còn nguyên vẹn.")
    elif changed_after:
        problems.append("Tệp đã bị sửa sau khi ký: có thay đổi ngoài các chữ ký được thêm sau.")
    elif is_last and not covers_whole_file:
        problems.append("Chữ ký không bao trùm toàn bộ tệp.")
    if not trusted:
        problems.append("Không xác định được nguồn cấp chứng thư (không thuộc chứng thư tin cậy đã cài đặt).")
    if not valid_at_signing:
        if signed_at is None:
            problems.append("Không xác định được thời điểm ký.")
        elif not_after is not None and signed_at > not_after:
            problems.append("Chứng thư số đã hết hạn vào lúc ký.")
        else:
            problems.append("Chứng thư số chưa có hiệu lực vào lúc ký.")
    return problems


def _check_signature(sig: EmbeddedPdfSignature, roots, others, *, is_last: bool) -> SignatureCheck:
    field_name = str(sig.field_name or "")
    try:
        cert = sig.signer_cert
        claimed = _aware(sig.self_reported_timestamp)
        status = validate_pdf_signature(sig, _context(roots, others, claimed or datetime.now(UTC)),
                                        key_usage_settings=_KEY_USAGE)
    except (SignatureValidationError, PdfError, ValueError, KeyError, TypeError) as exc:
        logger.info("unreadable signature %s: %s", field_name, exc)
        problem = "Chữ ký số bị hỏng, không đọc được."
        return SignatureCheck(field_name=field_name, signer_name="", signer_organisation="", issuer="",
                              signed_at=None, covers_whole_file=False, intact=False, changed_after=False,
                              trusted=False, valid_at_signing=False, summary=problem, problems=(problem,))

    tst = status.timestamp_validity
    signed_at = _aware(tst.timestamp if tst is not None and tst.intact and tst.valid else None) or claimed
    not_before = _aware(cert["tbs_certificate"]["validity"]["not_before"].native)
    not_after = _aware(cert["tbs_certificate"]["validity"]["not_after"].native)
    valid_at_signing = signed_at is not None and not_before <= signed_at <= not_after

    intact = bool(status.intact and status.valid)
    # The chain is judged apart from the digest, so a changed file still names who signed it and
    # whether that certificate is one the province trusts.
    trusted = status.validation_path is not None and status.trust_problem_indic is None
    if not trusted and status.trust_problem_indic in _TIME_PROBLEMS:
        inside = not_before + (not_after - not_before) / 2
        recheck = validate_pdf_signature(sig, _context(roots, others, inside), key_usage_settings=_KEY_USAGE,
                                         skip_diff=True)
        trusted = bool(recheck.trusted)

    coverage = status.coverage
    level = status.modification_level
    changed_after = bool(
        coverage is None
        or coverage < SignatureCoverageLevel.ENTIRE_REVISION
        or (coverage != SignatureCoverageLevel.ENTIRE_FILE and level not in _ALLOWED_AFTER)
        or status.docmdp_ok is False
    )
    covers_whole_file = coverage == SignatureCoverageLevel.ENTIRE_FILE

    names = _names(cert.subject)
    signer_name = _joined(names.get("common_name"))
    organisation = _organisation(cert)
    problems = _problems(intact=intact, changed_after=changed_after, trusted=trusted,
                         valid_at_signing=valid_at_signing, signed_at=signed_at, not_before=not_before,
                         not_after=not_after, covers_whole_file=covers_whole_file, is_last=is_last)
    summary = problems[0] if problems else f"Chữ ký số hợp lệ của {signer_label(signer_name, organisation)}"
    return SignatureCheck(field_name=field_name, signer_name=signer_name, signer_organisation=organisation,
                          issuer=_issuer(cert), signed_at=signed_at, covers_whole_file=covers_whole_file,
                          intact=intact, changed_after=changed_after, trusted=trusted,
                          valid_at_signing=valid_at_signing, summary=summary, problems=tuple(problems))


def _anchors(anchors: list[bytes]) -> list[asn1_x509.Certificate]:
    # An intermediate the office installed is an anchor too, not only a path element: offices often
    # keep only the provincial sub-CA's file, and the certificate validator accepts such an anchor.
    return [load_certificate(a) for a in anchors]


def outside_event_loop(fn, /, *args, **kwargs):
    """Call one of pyHanko's synchronous functions. They run asyncio.run() inside, which refuses to
    start in a thread whose event loop is already running (an async caller: an ASGI server, or the
    browser tests' Playwright, which loads the demo that signs a plan); there the call goes to a
    thread of its own. The functions given here work on bytes, never on the database."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return fn(*args, **kwargs)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn, *args, **kwargs).result()


def check_pdf(data: bytes, anchors: list[bytes]) -> FileCheck:
    """Every signature of a PDF, verified against `anchors` (DER or PEM certificates)."""
    return outside_event_loop(_check_pdf, data, anchors)


def _check_pdf(data: bytes, anchors: list[bytes]) -> FileCheck:
    if not data.lstrip()[:5] == b"%PDF-":
        raise NotAPdf()
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        sigs = [s for s in reader.embedded_signatures if s.sig_object_type == "/Sig"]
    except Exception as exc:  # a broken PDF raises from anywhere in the parser
        raise NotAPdf() from exc
    if not sigs:
        return FileCheck(signatures=(), first_revision_sha256=None, is_scan=True)
    roots, others = _anchors(anchors), []
    sigs.sort(key=lambda s: s.signed_revision)
    checks = tuple(_check_signature(s, roots, others, is_last=i == len(sigs) - 1) for i, s in enumerate(sigs))
    end = _first_revision_end(data, reader, sigs[0].signed_revision)
    first = hashlib.sha256(data[:end]).hexdigest() if end else None
    return FileCheck(signatures=checks, first_revision_sha256=first, is_scan=False)


def to_json(check: FileCheck) -> dict:
    def signature(s: SignatureCheck) -> dict:
        row = asdict(s)
        row["signed_at"] = s.signed_at.isoformat() if s.signed_at else None
        row["problems"] = list(s.problems)
        return row

    return {
        "signatures": [signature(s) for s in check.signatures],
        "first_revision_sha256": check.first_revision_sha256,
        "is_scan": check.is_scan,
        "revocation_note": check.revocation_note,
        "ok": check.ok,
    }


def from_json(data: dict) -> FileCheck:
    def signature(row: dict) -> SignatureCheck:
        row = dict(row)
        row["signed_at"] = datetime.fromisoformat(row["signed_at"]) if row.get("signed_at") else None
        row["problems"] = tuple(row.get("problems", ()))
        return SignatureCheck(**row)

    return FileCheck(signatures=tuple(signature(r) for r in data.get("signatures", ())),
                     first_revision_sha256=data.get("first_revision_sha256"),
                     is_scan=bool(data.get("is_scan")),
                     revocation_note=data.get("revocation_note", REVOCATION_NOTE))


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").casefold().split())


def signer_mismatch(check: SignatureCheck, *, expected_name: str, expected_organisation: str) -> str:
    """"" when the certificate names the document's signer and issuing body, else what differs."""
    problems = []
    if expected_name and _normal(check.signer_name) != _normal(expected_name):
        problems.append(f"người ký trong chứng thư là “{check.signer_name}”, văn bản ghi “{expected_name}”")
    # The certificate's organisation may add a unit (OU) or a parent body: containing it is enough.
    if expected_organisation and _normal(expected_organisation) not in _normal(check.signer_organisation):
        problems.append(f"cơ quan trong chứng thư là “{check.signer_organisation}”, "
                        f"văn bản ghi “{expected_organisation}”")
    if not problems:
        return ""
    return "Chứng thư số không khớp văn bản: " + "; ".join(problems) + "."


__all__ = ["REVOCATION_NOTE", "FileCheck", "NotAPdf", "SignatureCheck", "check_pdf", "from_json",
           "load_certificate", "signer_mismatch", "to_json"]
