"""Print, for each seed, the words the demo's PDF of it lacks and the words it adds (issue 15, point 2).

The PDFs are made as the plan and report pages make them (reports.selectors → HTML → reports.pdf),
from the demo data `load_demo` put in the database; their text is read with `pdftotext -raw`
(devtools/seedtext.py says why -raw)."""

from __future__ import annotations

import importlib
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from common import clock
from devtools import seedtext

SEED_NUMBERS = range(5)


def seed_files(folder: Path) -> dict[int, Path]:
    """Seed number → its text file (00N_<hash>.txt)."""
    return {n: path for n in SEED_NUMBERS for path in sorted(folder.glob(f"{n:03d}_*.txt"))[:1]}


def demo_pdf(number: int, today: date) -> bytes:
    """The PDF the demo prints for seed `number`: the plan for 000–003, the issuer's report for 004."""
    from campaigns.models import Campaign
    from reports import pdf, selectors, services
    from reports.models import Report

    spec = importlib.import_module(f"devtools.demo.campaigns.seed_{number:03d}").CAMPAIGN
    campaign = Campaign.objects.select_related("issuer").filter(title=spec["title"], year=spec["year"]).first()
    if campaign is None:
        raise CommandError(f"Chưa có văn bản {number:03d} trong cơ sở dữ liệu: chạy manage.py load_demo trước.")
    if spec["document_kind"] == "plan":
        doc = selectors.plan_document(campaign, today)
    else:
        report = Report.objects.filter(campaign=campaign, organisation=campaign.issuer).order_by("pk").first()
        if report is None:
            raise CommandError(f"Văn bản {number:03d}: chưa có báo cáo của {campaign.issuer}.")
        doc = selectors.report_document(report, today)
    return pdf.render_pdf(services.render_html(doc), archival=not doc.draft)


def pdf_text(data: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(data)
        file.flush()
        return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", file.name, "-"],
                              check=True, capture_output=True, text=True).stdout


class Command(BaseCommand):
    help = ("So chữ của văn bản nguồn (tests/seeds/) với PDF dữ liệu minh họa in ra: từ dòng tên loại văn bản "
            "đến tên người ký, in các từ PDF thiếu và các từ PDF thêm.")

    def add_arguments(self, parser):
        parser.add_argument("numbers", nargs="*", type=int, help="Số văn bản nguồn (0–4); mặc định tất cả.")
        parser.add_argument("--seeds", default=str(settings.BASE_DIR / "tests" / "seeds"),
                            help="Thư mục chứa văn bản nguồn 00N_*.txt.")
        parser.add_argument("--today", help="Ngày in văn bản (YYYY-MM-DD); mặc định hôm nay.")

    def handle(self, *args, numbers: list[int], seeds: str, today: str | None, **options):
        try:
            day = date.fromisoformat(today) if today else clock.today()
        except ValueError as exc:
            raise CommandError("--today phải có dạng YYYY-MM-DD") from exc
        files = seed_files(Path(seeds))
        for number in numbers or sorted(files):
            if number not in files:
                raise CommandError(f"Không thấy văn bản nguồn {number:03d}_*.txt trong {seeds}.")
            result = seedtext.compare(files[number].read_text(encoding="utf-8"), pdf_text(demo_pdf(number, day)))
            self.stdout.write(f"Văn bản {number:03d}: PDF thiếu {len(result.missing_words)} từ, "
                              f"thêm {len(result.added_words)} từ.")
            self.stdout.write(f"  Phần đầu PDF (trước tên loại văn bản): {result.head}")
            for run in result.missing:
                self.stdout.write(f"  - thiếu: {run}")
            for run in result.added:
                self.stdout.write(f"  + thêm: {run}")
