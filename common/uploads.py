"""Checks on uploaded documents: the content must be what the name says (a renamed .exe is not a PDF)."""

from django.core.exceptions import ValidationError

# File name ending → the bytes such a file starts with.
SIGNATURES = {
    ".pdf": [b"%PDF-"],
    ".png": [b"\x89PNG\r\n\x1a\n"],
    ".jpg": [b"\xff\xd8\xff"],
    ".jpeg": [b"\xff\xd8\xff"],
    ".docx": [b"PK\x03\x04"],
    ".doc": [b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"],
    ".xlsx": [b"PK\x03\x04"],
}
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024


def check_document(upload, allowed: tuple[str, ...] = (".pdf", ".jpg", ".jpeg", ".png", ".doc", ".docx")) -> None:
    """Raise ValidationError (Vietnamese) unless the upload is an allowed kind, whole and not too big."""
    name = (upload.name or "").lower()
    ending = next((e for e in allowed if name.endswith(e)), None)
    if ending is None:
        kinds = ", ".join(e.lstrip(".").upper() for e in allowed)
        raise ValidationError(f"Chỉ nhận tệp {kinds}.")
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError("Tệp lớn hơn 10 MB.")
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in SIGNATURES[ending]):
        raise ValidationError(f"Nội dung tệp không phải là tệp {ending.lstrip('.').upper()} hợp lệ.")
    if ending in ZIP_MEMBERS and not _zip_has(upload, ZIP_MEMBERS[ending]):
        # Any zip starts "PK": a Word or Excel file is a zip holding these parts.
        raise ValidationError(f"Nội dung tệp không phải là tệp {ending.lstrip('.').upper()} hợp lệ.")


ZIP_MEMBERS = {".docx": "word/document.xml", ".xlsx": "xl/workbook.xml"}


def _zip_has(upload, member: str) -> bool:
    import zipfile

    try:
        with zipfile.ZipFile(upload) as archive:
            return member in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False
    finally:
        upload.seek(0)
