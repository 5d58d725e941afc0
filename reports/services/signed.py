"""Signed copies (issue 14): a signed PDF that comes back for a document sent for signature is
stored, verified offline (reports.signatures) and kept with its verification report; signing
tools fetch and return the copy through a one-time link instead of a browser session.

Signing tools sign incrementally, so the first revision of a signed file is byte for byte what
was downloaded for signature: its SHA-256 names the edition it was made from, or none."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from awards.models import CouncilSession, Decision, Proposal
from campaigns.models import Campaign
from common import clock, files
from common.uploads import check_document
from reports import signatures
from reports.models import DocumentEdition, Report, ReportFile, SignedCopy, SigningToken
from reports.services.editions import _edition_event, current_edition, edition_owner, editions_of
from units import access
from units.access import SYSTEM, SystemActor
from units.models import User

SCAN = "Bản quét (không có chữ ký số)"


def trust_anchors() -> list[bytes]:
    """The certificates (DER or PEM bytes) the province trusts, as the administrator installed them."""
    from reports import selectors

    return selectors.anchors()


def _verify(data: bytes) -> signatures.FileCheck | None:
    """The verification report; None for a file that starts like a PDF but cannot be read as one
    (some scanners write such files): it is still kept, as a scan nothing could be checked in."""
    try:
        return signatures.check_pdf(data, trust_anchors())
    except signatures.NotAPdf:
        return None


def _report(check: signatures.FileCheck | None, name: str, organisation: str) -> dict:
    if check is None:
        return {"unreadable": True}
    return {"check": signatures.to_json(check), "signer_notes": _signer_notes(check, name, organisation)}


def _matching(check: signatures.FileCheck | None, copies: list[tuple[int, str]]) -> int | None:
    """The edition whose stored copy (signing copy or issued print) is the signed file's first revision."""
    first = (check.first_revision_sha256 if check is not None else "") or ""
    if not first:
        return None
    for number, sha256 in copies:
        if sha256 and hmac.compare_digest(sha256, first):
            return number
    return None


def _signer_notes(check: signatures.FileCheck, name: str, organisation: str) -> list[str]:
    """Per signature, the sentence saying how the certificate differs from the signer block ('' if it does not)."""
    # The văn thư's issuing signature is the organisation's certificate (its name is the body's), not
    # the leader's: only its organisation is compared.
    return [signatures.signer_mismatch(
        signature, expected_organisation=organisation,
        expected_name="" if organisation and organisation.casefold() in signature.signer_name.casefold() else name)
        for signature in check.signatures]


def _read(upload) -> bytes:
    check_document(upload, allowed=(".pdf",))
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def expected_signer(kind: str, obj) -> tuple[str, str]:
    """The name in the document's signer block and the body issuing it, as the certificate should say."""
    organisation = obj.organisation if kind == DocumentEdition.Kind.PROPOSAL else obj.issuer
    return getattr(obj, "signer_name", "") or "", organisation.name


@transaction.atomic
def upload_signed(*, by: User | SystemActor, kind: str, obj, upload, via_token: bool = False) -> SignedCopy:
    """Store a signed PDF (or a scan) for the document's current edition and keep its verification
    report. Raises ValidationError (Vietnamese, keyed "file") for a file that is not a readable PDF
    or a document not sent for signature; PermissionDenied for a user who may not issue it."""
    action, organisation = edition_owner(kind, obj)
    access.require(by, action, organisation)
    edition = current_edition(kind, obj.pk)
    if edition is None:
        raise ValidationError({"file": "Văn bản chưa trình ký: trình ký trước rồi tải bản đã ký lên."})
    data = _read(upload)
    check = _verify(data)
    editions = editions_of(kind, obj.pk)
    copies = [(e.number, e.sha256) for e in editions] + [(e.number, e.issued_sha256) for e in editions]
    name, body = expected_signer(kind, obj)
    copy = SignedCopy(edition=edition, uploaded_by=access.user_or_none(by), uploaded_at=clock.now(),
                      via_token=via_token, matches_edition=_matching(check, copies),
                      is_scan=check is None or check.is_scan, check_report=_report(check, name, body))
    stored = files.store(copy.file, upload.name or "ban-ky.pdf", data)
    copy.sha256, copy.size = stored.sha256, stored.size
    copy.save()
    _edition_event(by, kind, obj, edition, [
        {"field": "signed_copy", "label": "Bản đã ký" + (" (qua công cụ ký)" if via_token else ""), "before": "",
         "after": f"{verdict(copy)} · SHA-256 {copy.sha256}"}])
    return copy


def _attach_report_check(*, signed_row: ReportFile, report: Report, data: bytes) -> SignedCopy:
    """The verification report of a summary report's signed row (reports.services.summary.attach_signed),
    sharing its stored file. Called inside attach_signed's transaction, which writes the history row."""
    check = _verify(data)
    generated = report.files.filter(kind__in=[ReportFile.Kind.GENERATED, ReportFile.Kind.ISSUED])
    copies = [(row.edition, row.sha256) for row in generated.order_by("edition", "kind")]
    copy = SignedCopy(report_file=signed_row, file=signed_row.file.name, sha256=signed_row.sha256,
                      size=signed_row.size, uploaded_by=signed_row.created_by, uploaded_at=signed_row.created_at,
                      matches_edition=_matching(check, copies), is_scan=check is None or check.is_scan,
                      check_report=_report(check, report.signer_name, report.organisation.name))
    copy.save()
    return copy


def is_verified(copy: SignedCopy) -> bool:
    """Every signature holds and the file is this document's copy sent for signature."""
    if copy.is_scan or copy.matches_edition is None:
        return False
    return signatures.from_json(copy.check_report["check"]).ok


def verdict(copy: SignedCopy) -> str:
    """One line for the history: scan, or the match and whether every signature holds."""
    if copy.is_scan:
        return SCAN
    check = signatures.from_json(copy.check_report["check"])
    match = match_line(copy)
    return f"{match}; {'mọi chữ ký hợp lệ' if check.ok else 'có chữ ký không hợp lệ'}"


def match_line(copy: SignedCopy) -> str:
    if copy.matches_edition is not None:
        return f"Đúng bản trình ký (phiên bản {copy.matches_edition})"
    return "Không khớp bản trình ký nào của văn bản này"


# --- One-time links for signing tools ------------------------------------------------------------------


class TokenUnknown(Exception):
    """No link has this secret."""


class TokenSpent(Exception):
    """The link was used or has expired."""


@dataclass(frozen=True)
class IssuedToken:
    token: SigningToken
    secret: str


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def create_signing_token(*, by: User | SystemActor, kind: str, obj) -> IssuedToken:
    """A one-time link for the current edition (awaiting signature, or issued for the văn thư's
    signature). The secret is returned once and only its hash is stored."""
    action, organisation = edition_owner(kind, obj)
    access.require(by, action, organisation)
    edition = current_edition(kind, obj.pk)
    if edition is None:
        raise ValidationError("Văn bản chưa trình ký: chưa có bản để ký.")
    secret = secrets.token_urlsafe(32)
    now = clock.now()
    token = SigningToken.objects.create(
        edition=edition, secret_hash=_hash(secret), created_by=access.user_or_none(by), created_at=now,
        expires_at=now + timedelta(minutes=settings.REPORTS_SIGNING_TOKEN_MINUTES))
    _edition_event(by, kind, obj, edition, [
        {"field": "signing_token", "label": "Liên kết cho công cụ ký", "before": "",
         "after": f"Hết hạn {timezone.localtime(token.expires_at):%d/%m/%Y %H:%M}"}])
    return IssuedToken(token, secret)


def usable_token(secret: str, *, lock: bool = False) -> SigningToken:
    """The link with this secret, if still usable. Raises TokenUnknown or TokenSpent."""
    digest = _hash(secret)
    rows = SigningToken.objects.select_related("edition", "created_by")
    if lock:
        rows = rows.select_for_update(of=("self",))
    token = rows.filter(secret_hash=digest).first()
    # The lookup is by the hash of the secret, so timing tells nothing of the secret itself; the
    # constant-time compare keeps it so should the lookup ever become a prefix or range match.
    if token is None or not hmac.compare_digest(token.secret_hash, digest):
        raise TokenUnknown
    if token.used_at is not None or token.expires_at <= clock.now():
        raise TokenSpent
    return token


def token_download(token: SigningToken) -> tuple[bytes, str]:
    """What the tool signs: the signing copy, or once a signed copy of this edition came back, the
    latest such file, so the văn thư's signature is added on top of the leader's and the first
    revision stays the signing copy."""
    edition = token.edition
    # Only a copy whose signatures all hold: the next signer must not sign over a broken one.
    signed = next((copy for copy in edition.signed_copies.filter(is_scan=False, matches_edition=edition.number)
                   if is_verified(copy)), None)
    stored = signed.file if signed is not None else edition.file
    with stored.open("rb") as handle:
        return handle.read(), stored.name.rsplit("/", 1)[-1]


def token_owner(token: SigningToken):
    """The document the link's edition belongs to (no user to scope it by: the link is the right)."""
    Kind = DocumentEdition.Kind
    model = {Kind.PLAN: Campaign, Kind.DECISION: Decision, Kind.CERTIFICATES: Decision, Kind.PROPOSAL: Proposal,
             Kind.MINUTES: CouncilSession}[token.edition.kind]
    return model.objects.get(pk=token.edition.object_id)


@transaction.atomic
def upload_via_token(*, secret: str, upload) -> SignedCopy:
    """The signing tool posts the signed PDF back: stored and verified as if uploaded on the page by
    whoever made the link (their right to issue is checked again), and the link is spent."""
    token = usable_token(secret, lock=True)
    kind, obj = token.edition.kind, token_owner(token)
    copy = upload_signed(by=token.created_by or SYSTEM, kind=kind, obj=obj, upload=upload, via_token=True)
    token.used_at = clock.now()
    token.save(update_fields=["used_at"])
    return copy
