"""`manage.py purge_files`: the only code that removes stored files. A file no row refers to (its
row deleted, or its save rolled back) goes once it is older than the grace period, so a save in
progress is never raced. It also lists rows whose file is missing or altered (verify_files)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from common import files


class Command(BaseCommand):
    help = "Xóa các tệp không còn dữ liệu nào tham chiếu, cũ hơn thời gian chờ; liệt kê tệp thiếu hoặc bị đổi."

    def add_arguments(self, parser):
        parser.add_argument("--grace-hours", type=float, default=24,
                            help="chỉ xóa tệp tạo trước chừng này giờ (mặc định 24)")
        parser.add_argument("--dry-run", action="store_true", help="chỉ liệt kê, không xóa")

    def handle(self, *args, grace_hours: float, dry_run: bool, **options):
        if grace_hours < 0:
            raise CommandError("--grace-hours không được âm.")
        result = files.purge(files.default_storage(), grace_seconds=int(grace_hours * 3600), dry_run=dry_run)
        for name in result.removed:
            self.stdout.write(f"{'SẼ XÓA' if dry_run else 'ĐÃ XÓA'}  {name}")
        self.stdout.write(f"{len(result.removed)} tệp không còn được tham chiếu {'sẽ bị' if dry_run else 'đã được'} "
                          f"xóa; {result.kept_young} tệp mới hơn {grace_hours:g} giờ được giữ lại.")
        call_command("verify_files", stdout=self.stdout, stderr=self.stderr)
