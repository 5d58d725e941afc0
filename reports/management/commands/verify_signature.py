"""manage.py verify_signature FILE [--trust CERT ...]: the signed-document check from a shell.

Exits 0 only when the file has signatures and every one is intact and trusted (issue 14, item 5),
so a script can refuse a file the page would show in red.
"""

from __future__ import annotations

import logging
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from reports import selectors, signatures
from reports.models import DocumentEdition, ReportFile


def matching_editions(sha256: str) -> list[str]:
    """The stored copies sent for signature whose bytes are the signed file's first revision."""
    found = [f"Đúng bản trình ký ({e.get_kind_display().lower()} mã {e.object_id}, phiên bản {e.number})"
             for e in DocumentEdition.objects.filter(sha256=sha256).order_by("kind", "object_id", "number")]
    found += [f"Đúng bản trình ký (báo cáo “{f.report}”, phiên bản {f.edition})"
              for f in ReportFile.objects.filter(sha256=sha256, kind=ReportFile.Kind.GENERATED)
              .select_related("report").order_by("report_id", "edition")]
    return found


class Command(BaseCommand):
    help = "Kiểm tra chữ ký số của một tệp PDF (ngoại tuyến, theo các chứng thư tin cậy đã cài đặt)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp PDF đã ký")
        parser.add_argument("--trust", action="append", default=[], metavar="CERT",
                            help="Chứng thư tin cậy thêm (PEM hoặc DER), có thể lặp lại")

    def handle(self, *args, **options):
        # pyHanko logs every failed chain with a traceback; the verdict lines below say it in Vietnamese.
        logging.getLogger("pyhanko").setLevel(logging.CRITICAL)
        logging.getLogger("pyhanko_certvalidator").setLevel(logging.CRITICAL)
        try:
            data = Path(options["file"]).read_bytes()
            extra = [Path(p).read_bytes() for p in options["trust"]]
        except OSError as exc:
            raise CommandError(f"Không đọc được tệp: {exc.filename}") from exc
        try:
            check = signatures.check_pdf(data, selectors.anchors() + extra)
        except ValueError as exc:  # NotAPdf, or a --trust file that is no certificate
            raise CommandError(str(exc)) from exc

        out = self.stdout.write
        if check.is_scan:
            out("Tệp không có chữ ký số (bản quét).")
            raise SystemExit(1)
        for n, sig in enumerate(check.signatures, 1):
            # The office's time (settings.TIME_ZONE), as the pages show it, not the certificate's UTC.
            when = timezone.localtime(sig.signed_at).strftime("%H:%M:%S %d/%m/%Y") if sig.signed_at else "không rõ"
            out(f"Chữ ký {n} (trường “{sig.field_name}”): {sig.summary}")
            out(f"  Người ký: {sig.signer_name}; cơ quan: {sig.signer_organisation or 'không ghi'}")
            out(f"  Tổ chức cấp chứng thư: {sig.issuer}; thời điểm ký: {when}")
            out(f"  Bao trùm toàn bộ tệp: {'có' if sig.covers_whole_file else 'không'}")
            for problem in sig.problems[1:]:
                out(f"  {problem}")
        if check.first_revision_sha256:
            out(f"SHA-256 của bản trước khi ký: {check.first_revision_sha256}")
            matches = matching_editions(check.first_revision_sha256)
            out("\n".join(matches) if matches else "Không khớp bản trình ký nào đã lưu.")
        out(check.revocation_note)
        if not check.ok:
            raise SystemExit(1)
