"""Signed copies on the editions panel and the report page (issue 14): each uploaded file with its
verification report, one line per signature in plain Vietnamese."""

from __future__ import annotations

from django import template

from reports import signatures
from reports.models import SignedCopy
from reports.services import signed

register = template.Library()

GREEN, RED, AMBER = "success", "danger", "warning"


def signature_lines(check: signatures.SignatureCheck, signer_note: str) -> list[tuple[str, str]]:
    """(colour, sentence) for one signature: green when it holds, else each problem the check found,
    amber for an unknown issuer (the office may only lack the anchor), red for the rest."""
    who = signatures.signer_label(check.signer_name, check.signer_organisation) or "người ký không rõ tên"
    if check.ok:
        lines = [(GREEN, f"Chữ ký số hợp lệ của {who}")]
    else:
        problems = [p for p in check.problems if p] or _fallback(check)
        headline = AMBER if check.intact and not check.changed_after and check.valid_at_signing else RED
        lines = [(headline, f"Chữ ký số của {who} chưa được xác nhận")]
        lines += [(AMBER if p.startswith("Không xác định được nguồn cấp") else RED, p) for p in problems]
    if signer_note:
        lines.append((AMBER, signer_note))
    return lines


def _fallback(check: signatures.SignatureCheck) -> list[str]:
    problems = []
    if not check.intact or check.changed_after:
        problems.append("Tệp đã bị sửa sau khi ký")
    if not check.trusted:
        problems.append("Không xác định được nguồn cấp chứng thư")
    if not check.valid_at_signing:
        problems.append("Chứng thư số không có hiệu lực vào lúc ký")
    return problems


def describe(copy: SignedCopy) -> dict:
    report = copy.check_report or {}
    entry = {"copy": copy, "match": signed.match_line(copy), "unreadable": bool(report.get("unreadable")),
             "signatures": [], "revocation_note": ""}
    if "check" in report:
        check = signatures.from_json(report["check"])
        notes = report.get("signer_notes") or []
        entry["revocation_note"] = check.revocation_note
        for index, signature in enumerate(check.signatures):
            entry["signatures"].append({
                "check": signature, "lines": signature_lines(signature, notes[index] if index < len(notes) else "")})
    return entry


@register.inclusion_tag("reports/_signed_copies.html")
def signed_copies(copies, download_urls):
    """`download_urls`: copy pk → the URL serving that file to this user."""
    return {"entries": [describe(copy) | {"url": download_urls.get(copy.pk, "")} for copy in copies]}


@register.inclusion_tag("reports/_signed_copies.html")
def report_signed_copy(signed_row, url):
    """The verification of a summary report's signed row (the page already links its file)."""
    copies = list(signed_row.signed_copies.all()) if signed_row is not None else []
    return {"entries": [describe(copy) | {"url": url} for copy in copies]}
