"""What the secretariat types into the statistics forms: the header and the figures no data here
counts (0604.N, 0605.N). One row per issuer and year, changed under a lock with a version check
so a colleague's save in between is caught, with its history row in the issuer's award history."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from awards.models import AwardEvent
from common import audit, clock, files
from common.text import nfc
from reports import statistics
from reports import statistics_report as report
from reports.models import StatisticsEdition, StatisticsSheet
from reports.pdf import render_pdf
from reports.statistics_workbook import workbook
from units import access
from units.access import SystemActor
from units.models import Organisation, User

HEADER_LIMITS = {"receiver": 255, "preparer": 200, "head_title": 200, "head_name": 200}
HEADER_LABELS = {"receiver": "Đơn vị nhận báo cáo", "preparer": "Người lập biểu", "head_title": "Chức vụ thủ trưởng",
                 "head_name": "Thủ trưởng đơn vị"}
MAX_FIGURE = 1_000_000
# A whole number, with dots only as Vietnamese thousands separators: "1.250" is 1250, "1.0" is refused.
WHOLE = re.compile(r"\d{1,3}(\.\d{3})+|\d+")


def parse_entered(raw: dict[str, str]) -> tuple[dict[str, dict[str, dict[str, int]]], dict[str, str]]:
    """The typed grid (inputs named v-<form>-<row>-<column>) as figures by form, and the messages by
    input: a whole number from 0, "1.234" read as Vietnamese thousands. Pure."""
    figures: dict[str, dict[str, dict[str, int]]] = {}
    errors: dict[str, str] = {}
    for form in statistics.forms():
        if not form.entered:
            continue
        values: dict[str, dict[str, int]] = {}
        for row in form.rows:
            for column in form.columns:
                name = f"v-{form.slug}-{row.code}-{column.key}"
                text = (raw.get(name) or "").strip()
                if not row.code or not text:
                    continue
                if not WHOLE.fullmatch(text) or int(text.replace(".", "")) > MAX_FIGURE:
                    errors[name] = "Nhập số nguyên từ 0 trở lên (không có phần thập phân), ví dụ 12 hoặc 1.250."
                    continue
                values.setdefault(row.code, {})[column.key] = int(text.replace(".", ""))
        for (row_code, column_key), message in statistics.entered_errors(form, values).items():
            errors.setdefault(f"v-{form.slug}-{row_code}-{column_key}", message)
        if values:
            figures[form.code] = values
    return figures, errors


@transaction.atomic
def save_sheet(*, by: User | SystemActor, issuer: Organisation, year: int, header: dict[str, str],
               raw: dict[str, str], expected_version: int | None) -> StatisticsSheet:
    access.require(by, "statistics.prepare", issuer)
    figures, errors = parse_entered(raw)
    clean = {}
    for name, limit in HEADER_LIMITS.items():
        value = nfc(header.get(name, "")).strip()
        if len(value) > limit:
            errors[name] = f"Tối đa {limit} ký tự."
        clean[name] = value
    if errors:
        raise ValidationError(errors)
    sheet = StatisticsSheet.objects.select_for_update().filter(issuer=issuer, year=year).first()
    if sheet is None:
        if expected_version not in (None, 0):
            raise ValidationError({"__all__": "Biểu vừa bị thay đổi ở nơi khác. Hãy mở lại trang rồi nhập lại."})
        sheet = StatisticsSheet(issuer=issuer, year=year, version=0)
    elif expected_version != sheet.version:
        raise ValidationError({"__all__": "Người khác vừa lưu biểu này. Số liệu bạn nhập vẫn còn trên trang: hãy "
                                          "mở biểu trong thẻ khác để xem bản mới, rồi lưu lại."})
    changes = [{"field": name, "label": HEADER_LABELS[name], "before": getattr(sheet, name), "after": value}
               for name, value in clean.items() if getattr(sheet, name) != value]
    if (sheet.entered or {}) != figures:
        changes.append({"field": "entered", "label": "Số liệu nhập tay (0604.N, 0605.N)",
                        "before": _summary(sheet.entered or {}), "after": _summary(figures)})
    for name, value in clean.items():
        setattr(sheet, name, value)
    sheet.entered = figures
    sheet.version += 1
    sheet.updated_by = access.user_or_none(by)
    try:
        with transaction.atomic():
            sheet.save()
    except IntegrityError as exc:  # a colleague created the year's sheet between our read and save
        raise ValidationError({"__all__": "Người khác vừa lưu biểu này. Hãy mở lại trang rồi nhập lại."}) from exc
    if changes:
        audit.record(AwardEvent, issuer=issuer, actor=by, action=AwardEvent.Action.CHANGED, target=sheet,
                     target_type="Biểu thống kê thi đua, khen thưởng", changes=changes)
    return sheet


def _summary(figures: dict) -> str:
    parts = []
    for code, rows in sorted(figures.items()):
        total = rows.get("01", {}).get("1")
        parts.append(f"{code}: tổng số {total if total is not None else 'chưa nhập'}")
    return "; ".join(parts)


@transaction.atomic
def freeze(*, by: User | SystemActor, issuer: Organisation, year: int, reason: str = "") -> StatisticsEdition:
    """Chốt số liệu: keep the forms as they are now (figures, what each counts, header, PDF, .xlsx).
    The issuer's row is locked so two secretaries freezing at once get editions 1 and 2, not two 1s;
    an edition after the first says why."""
    access.require(by, "statistics.prepare", issuer)
    Organisation.objects.select_for_update().filter(pk=issuer.pk).first()
    last = StatisticsEdition.objects.filter(issuer=issuer, year=year).order_by("-number").first()
    reason = nfc(reason).strip()
    if last is not None and not reason:
        raise ValidationError({"reason": f"Đã có bản chốt số {last.number}: ghi lý do lập bản mới."})
    sheet = report.sheet_of(issuer, year)
    # One count feeds the printed copies and the stored figures: they cannot disagree.
    counted = report.count(issuer, year)
    data = report.printable(issuer, year, sheet, counted)
    pdf_bytes = render_pdf(render_to_string("reports/statistics/print.html", data))
    xlsx_bytes = workbook(data)
    number = (last.number if last else 0) + 1
    edition = StatisticsEdition(issuer=issuer, year=year, number=number, reason=reason[:2000],
                                data=report.snapshot(issuer, year, sheet, counted), made_at=clock.now(),
                                made_by=access.user_or_none(by))
    name = f"{report.file_name(issuer, year)}-ban-{number}"
    edition.pdf_sha256 = files.store(edition.pdf, f"{name}.pdf", pdf_bytes).sha256
    try:
        edition.xlsx_sha256 = files.store(edition.xlsx, f"{name}.xlsx", xlsx_bytes).sha256
    except files.StorageFailed:
        # The transaction forgets the PDF's row; its bytes must not stay behind unrecorded either.
        files.remove_quietly(edition.pdf.storage, edition.pdf.name)
        raise
    edition.save()
    audit.record(AwardEvent, issuer=issuer, actor=by, action=AwardEvent.Action.CREATED, target=edition,
                 target_type="Bản chốt biểu thống kê", reason=reason, changes=[
                     {"field": "number", "label": "Bản số", "before": "", "after": str(number)},
                     {"field": "pdf_sha256", "label": "SHA-256 bản PDF", "before": "", "after": edition.pdf_sha256}])
    return edition

