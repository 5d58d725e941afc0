"""`manage.py restore_files SRC`: put the files of a backup (`manage.py backup`, folder files/)
back into the configured storage under their own names; then `manage.py verify_files` checks
every file the restored database refers to."""

from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from common import files


class Command(BaseCommand):
    help = "Đưa tệp của bản sao lưu trở lại kho tệp (thư mục hoặc bucket), giữ nguyên tên."

    def add_arguments(self, parser):
        parser.add_argument("source", help="thư mục files/ của bản sao lưu")

    def handle(self, *args, source: str, **options):
        root = Path(source)
        if not root.is_dir():
            raise CommandError(f"Không có thư mục {root}.")
        storage = files.default_storage()
        restored = skipped = 0
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            name = path.relative_to(root).as_posix()
            if storage.exists(name):
                if storage.size(name) == path.stat().st_size:
                    skipped += 1
                    continue
                raise CommandError(f"Kho tệp đã có {name} với nội dung khác; khôi phục vào kho trống.")
            with open(path, "rb") as handle:
                saved = storage.save(name, File(handle, name=path.name))
            if saved != name:
                raise CommandError(f"Kho tệp đổi tên {name} thành {saved}.")
            restored += 1
        self.stdout.write(f"Đã khôi phục {restored} tệp, {skipped} tệp đã có sẵn.")
