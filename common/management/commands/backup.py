"""`manage.py backup DEST`: the database, then the files, into one folder.

The order matters and makes the copy consistent without stopping anything: stored files are
write-once and removed only by purge_files after a grace period (common/files.py), so every file
the dump refers to is still there when the files are copied after it. README "Sao lưu" gives the
restore, which ends with `manage.py verify_files`."""

import json
import os
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from common import files
from common.models import StoredFile


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu rồi toàn bộ tệp (thư mục hoặc bucket) vào một thư mục."

    def add_arguments(self, parser):
        parser.add_argument("dest", help="thư mục đích (tạo nếu chưa có)")

    def handle(self, *args, dest: str, **options):
        target = Path(dest)
        target.mkdir(parents=True, exist_ok=True)
        database = self._dump_database(target)
        copied, size = self._copy_files(target / "files")
        manifest = {"made_at": timezone.now().isoformat(), "database": database.name, "files": copied,
                    "bytes": size, "storage": settings.STORAGES["default"]["BACKEND"]}
        (target / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        self.stdout.write(f"Đã sao lưu cơ sở dữ liệu ({database.name}) và {copied} tệp ({size:,} byte) vào {target}.")

    def _dump_database(self, target: Path) -> Path:
        db = connection.settings_dict
        if connection.vendor == "postgresql":
            out = target / "thidua.dump"
            env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
            command = ["pg_dump", "-Fc", "-f", str(out), "-h", db.get("HOST") or "localhost",
                       "-p", str(db.get("PORT") or 5432), "-U", db.get("USER") or "postgres", db["NAME"]]
            result = subprocess.run(command, env=env, capture_output=True, text=True)
            if result.returncode != 0:
                raise CommandError(f"pg_dump không chạy được: {result.stderr.strip()}")
            return out
        if connection.vendor == "sqlite":
            import sqlite3

            out = target / "thidua.sqlite3"
            source = sqlite3.connect(str(db["NAME"]))
            with sqlite3.connect(str(out)) as copy:
                source.backup(copy)   # consistent even while the server writes
            source.close()
            return out
        raise CommandError(f"Không hỗ trợ sao lưu cơ sở dữ liệu {connection.vendor}.")

    def _copy_files(self, folder: Path) -> tuple[int, int]:
        storage = files.default_storage()
        recorded = {row.name: row for row in StoredFile.objects.all()}
        count = total = 0
        for name in files.walk(storage):
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            known = recorded.get(name)
            if known is not None and path.exists() and path.stat().st_size == known.size:
                count, total = count + 1, total + known.size   # unchanged since an earlier backup here
                continue
            with storage.open(name, "rb") as source, open(path, "wb") as copy:
                shutil.copyfileobj(source, copy, files.CHUNK)
            count, total = count + 1, total + path.stat().st_size
        return count, total
