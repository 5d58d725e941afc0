"""Uploaded documents are checked by content, not by name. No database."""

import zipfile
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from common.uploads import check_document

ALL = (".pdf", ".jpg", ".jpeg", ".png", ".docx", ".xlsx")


def zipped(name: str, members: list[str]) -> SimpleUploadedFile:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member in members:
            archive.writestr(member, "<xml/>")
    return SimpleUploadedFile(name, buffer.getvalue())


def xlsx() -> SimpleUploadedFile:
    buffer = BytesIO()
    Workbook().save(buffer)
    return SimpleUploadedFile("danh-sach.xlsx", buffer.getvalue())


@pytest.mark.parametrize("upload", [
    SimpleUploadedFile("to-trinh.pdf", b"%PDF-1.7\n..."),
    SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\n...."),
    SimpleUploadedFile("anh.JPG", b"\xff\xd8\xff\xe0...."),
    zipped("bao-cao.docx", ["[Content_Types].xml", "word/document.xml"]),
], ids=["pdf", "png", "jpg", "docx"])
def test_real_documents_pass(upload):
    check_document(upload, ALL)


def test_a_real_workbook_passes():
    check_document(xlsx(), ALL)


@pytest.mark.parametrize(("upload", "message"), [
    (SimpleUploadedFile("to-trinh.pdf", b"just some text"), "không phải là tệp PDF"),
    (zipped("bao-cao.docx", ["virus.exe"]), "không phải là tệp DOCX"),
    (zipped("danh-sach.xlsx", ["word/document.xml"]), "không phải là tệp XLSX"),
    (SimpleUploadedFile("chuong-trinh.exe", b"MZ"), "Chỉ nhận tệp"),
    (SimpleUploadedFile("lon.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024)), "10 MB"),
], ids=["text-as-pdf", "zip-as-docx", "docx-as-xlsx", "exe", "too-big"])
def test_renamed_and_oversize_files_are_refused(upload, message):
    with pytest.raises(ValidationError, match=message):
        check_document(upload, ALL)
