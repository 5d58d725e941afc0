"""Load the demo data: the five source documents and a live campaign of the current year."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from common import clock
from devtools.demo import awards as award_demo
from devtools.demo import indicators as indicator_demo
from devtools.demo import reports as report_demo
from devtools.demo import signing as signing_demo
from devtools.demo import statistics as statistics_demo
from devtools.demo.campaigns import loader as campaign_loader
from devtools.demo.units import Loader
from units.passwords import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Nạp dữ liệu minh họa (5 văn bản nguồn và một phong trào đang triển khai). Chạy lại không tạo trùng."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Ngày làm mốc cho phong trào minh họa (YYYY-MM-DD); mặc định hôm nay.")

    def handle(self, *args, today: str | None = None, **options):
        try:
            day = date.fromisoformat(today) if today else clock.today()
        except ValueError as exc:
            raise CommandError("--today phải có dạng YYYY-MM-DD") from exc
        with transaction.atomic():
            units = Loader(log=self.stdout.write)
            units.load()
            self.stdout.write("Phong trào thi đua:")
            campaigns = campaign_loader.load(units.orgs, day, log=self.stdout.write)
            indicator_demo.load(campaigns, units.orgs, day, log=self.stdout.write)
            award_demo.load(campaigns, units.orgs, day, log=self.stdout.write)
            statistics_demo.load(units.orgs, day, log=self.stdout.write)
            report_demo.load(campaigns, units.orgs, day, log=self.stdout.write)
            signing_demo.load(campaigns, log=self.stdout.write)
            units.close_reformed()
        self.stdout.write(self.style.SUCCESS(
            f"Đã nạp dữ liệu minh họa (mốc ngày {day:%d/%m/%Y}). Mật khẩu các tài khoản demo: {DEMO_PASSWORD}"
        ))
