"""`manage.py worker_health`: exits 0 when `run_worker` reached the database lately, 1 otherwise.

For systemd timers, supervisor event listeners and monitoring: a worker process can be alive and
still make nothing (the database away, a poll stuck on a dead network), which only the heartbeat
shows. The worker touches the file after every pass of its loop (about once a second when idle)
and every 5 s while a document is being made.
"""

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Kiểm tra tiến trình nền: lỗi (mã thoát 1) nếu nhịp trong WORKER_HEARTBEAT_FILE cũ hơn --max-age giây."

    def add_arguments(self, parser) -> None:
        # 60 s: six failed reconnections in a row (10 s apart at most) before anyone is told.
        parser.add_argument("--max-age", type=float, default=60, help="Tuổi tối đa của nhịp, giây (mặc định 60).")

    def handle(self, *args, max_age: float, **options) -> None:
        path = Path(settings.WORKER_HEARTBEAT_FILE)
        try:
            age = time.time() - path.stat().st_mtime
        except FileNotFoundError:
            raise CommandError(f"Tiến trình nền chưa chạy: không có {path}.", returncode=1) from None
        if age > max_age:
            raise CommandError(f"Tiến trình nền không hoạt động: nhịp cuối cách đây {age:.0f} giây "
                               f"(tối đa {max_age:.0f}).", returncode=1)
        self.stdout.write(f"Tiến trình nền hoạt động: nhịp cuối cách đây {age:.0f} giây.")
