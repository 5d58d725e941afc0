"""The certificates the province trusts to verify signed documents (issue 14): the administrator
adds a root or intermediate CA's public file and stops using one; rows are never deleted."""

from __future__ import annotations

import hashlib

from asn1crypto import pem
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from common import audit, clock
from reports.models import TrustAnchor
from reports.signatures import describe_name, load_certificate
from units import access
from units.access import SystemActor
from units.models import AuditEvent, User

MAX_CERT_BYTES = 64 * 1024


def _require(by: User | SystemActor) -> None:
    if not access.can(by, "trust.manage"):
        raise PermissionDenied


def _record(by, anchor: TrustAnchor, action: str, changes: list, reason: str = "") -> None:
    audit.record(AuditEvent, actor=by, action=action, target=anchor, target_type="chứng thư tin cậy",
                 label=anchor.name, changes=changes, reason=reason)


def _active_row(before: str, after: str) -> dict:
    return {"field": "active", "label": "Đang dùng", "before": before, "after": after}


def _read(upload) -> bytes:
    data = upload if isinstance(upload, bytes) else upload.read(MAX_CERT_BYTES + 1)
    if len(data) > MAX_CERT_BYTES:
        raise ValidationError({"file": "Tệp quá lớn để là một chứng thư số (tối đa 64 KB)."})
    return data


@transaction.atomic
def add_trust_anchor(by: User | SystemActor, upload, *, name: str = "", note: str = "",
                     is_demo: bool = False) -> TrustAnchor:
    """`upload`: an uploaded file or bytes, one certificate in PEM or DER."""
    _require(by)
    try:
        cert = load_certificate(_read(upload))
    except ValueError as exc:
        raise ValidationError({"file": str(exc)}) from exc
    der = cert.dump()
    fingerprint = hashlib.sha256(der).hexdigest()
    existing = TrustAnchor.objects.select_for_update().filter(sha256=fingerprint).first()
    if existing is not None and existing.active:
        raise ValidationError({"file": f"Chứng thư này đã có trong danh sách (“{existing.name}”)."})
    subject = describe_name(cert.subject)
    if existing is not None:
        # Trusted again: the same row, so the history of the certificate stays in one place.
        existing.active, existing.removed_at = True, None
        existing.save(update_fields=["active", "removed_at"])
        _record(by, existing, AuditEvent.Action.CHANGED, [_active_row("Không", "Có")])
        return existing
    validity = cert["tbs_certificate"]["validity"]
    anchor = TrustAnchor.objects.create(
        name=(name or "").strip()[:200] or subject[:200],
        pem=pem.armor("CERTIFICATE", der).decode("ascii"),
        subject=subject[:500], issuer=describe_name(cert.issuer)[:500],
        not_before=validity["not_before"].native, not_after=validity["not_after"].native,
        sha256=fingerprint, is_root=cert.self_signed != "no", is_demo=is_demo, note=(note or "").strip(),
        added_by=None if access.is_system(by) else by, added_at=clock.now(),
    )
    _record(by, anchor, AuditEvent.Action.CREATED, [{"field": "sha256", "label": "Chứng thư", "before": "",
                                                        "after": f"{subject} (SHA-256 {fingerprint})"}])
    return anchor


@transaction.atomic
def remove_trust_anchor(by: User | SystemActor, anchor: TrustAnchor, *, reason: str = "") -> TrustAnchor:
    """Stops trusting a certificate; the row stays so kept reports still name it."""
    _require(by)
    anchor = TrustAnchor.objects.select_for_update().get(pk=anchor.pk)
    if anchor.active:
        anchor.active, anchor.removed_at = False, clock.now()
        anchor.save(update_fields=["active", "removed_at"])
        _record(by, anchor, AuditEvent.Action.CHANGED, [_active_row("Có", "Không")], reason=reason)
    return anchor
