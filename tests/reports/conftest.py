"""Reports are read against the demo data (the seeds as loaded by `load_demo`) and checked as PDFs
with poppler's tools, the way a person would check them."""

import subprocess
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from units.access import SYSTEM

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Loaded once per module (seconds); every test still runs in its own rolled-back transaction."""
    with django_db_blocker.unblock():
        call_command("load_demo", "--today", TODAY.isoformat(), stdout=StringIO())
    yield
    with django_db_blocker.unblock():
        call_command("flush", "--no-input", verbosity=0)


@pytest.fixture
def pinned(settings):
    settings.APP_TODAY = TODAY
    return TODAY


def pdf_tool(tool: str, data: bytes, tmp_path: Path, *args: str) -> str:
    path = tmp_path / "document.pdf"
    path.write_bytes(data)
    return subprocess.run([tool, *args, str(path), *(["-"] if tool == "pdftotext" else [])],
                          check=True, capture_output=True, text=True).stdout


def fonts(data: bytes, tmp_path: Path) -> list[tuple[str, str]]:
    """(font name without subset prefix, embedded yes/no) per font pdffonts lists."""
    rows = pdf_tool("pdffonts", data, tmp_path).splitlines()[2:]
    return [(row.split()[0].split("+", 1)[-1], row.split()[-5]) for row in rows]


def page_texts(data: bytes, tmp_path: Path) -> list[str]:
    return pdf_tool("pdftotext", data, tmp_path, "-layout").split("\f")


def info(data: bytes, tmp_path: Path) -> dict[str, str]:
    lines = pdf_tool("pdfinfo", data, tmp_path).splitlines()
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in lines)}


def xmp(data: bytes, tmp_path: Path) -> str:
    """The XMP metadata packet (where PDF/A declares itself)."""
    return pdf_tool("pdfinfo", data, tmp_path, "-meta")


def complete(report, by=SYSTEM):
    """Write the parts an issued report must have (IV and V)."""
    from reports import services

    return services.save_report(by=by, report=report, version=report.version, data={
        "strengths": "Triển khai đồng bộ.", "weaknesses": "Số liệu gửi chậm.", "tasks": "Đôn đốc các đơn vị."})
