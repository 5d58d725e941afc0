"""Reports are read against the demo data (the seeds as loaded by `load_demo`) and checked as PDFs
with poppler's tools, the way a person would check them."""

import subprocess
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command

from tests import demo_snapshot
from units.access import SYSTEM

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Loaded once per module (restored from the process's snapshot, tests/demo_snapshot.py); every test
    still runs in its own rolled-back transaction."""
    with django_db_blocker.unblock():
        demo_snapshot.load(TODAY)
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
    """Write every heading an issued report must fill (IV.1, IV.2, V, and any other heading left
    with neither prose nor a table)."""
    from reports import outlines, services

    sections = services.outline_of(report)
    missing = set(outlines.unwritten(sections))
    texts = {"1. Mặt được": "Triển khai đồng bộ.", "2. Hạn chế và nguyên nhân": "Số liệu gửi chậm."}
    for section in sections:
        if section.heading in missing:
            section.body = texts.get(section.heading, "Đôn đốc các đơn vị." if section.heading.startswith("V.")
                                     else "Các đơn vị triển khai theo kế hoạch.")
    return services.save_report(by=by, report=report, version=report.version, data={}, sections=sections)

def write(report, prose: dict[str, str], by=SYSTEM):
    """Save prose under the headings of the report's outline that start with each key."""
    from reports import services

    sections = services.outline_of(report)
    for section in sections:
        for start, text in prose.items():
            if section.heading.startswith(start):
                section.body = text
    return services.save_report(by=by, report=report, version=report.version, data={}, sections=sections)


def frozen_body(report, start: str) -> str:
    """The prose frozen under the heading that starts with `start`."""
    return next(row["body"] for row in report.frozen_text["outline"] if row["heading"].startswith(start))
