"""`manage.py run_worker`: django-tasks-db's worker (the one `db_worker` runs), kept running across
database outages.

The library's worker re-raises every database error it meets outside a task's own code (only a
locked SQLite file is waited out), and an error while it records a task's end escapes too: a
PostgreSQL restart ended `db_worker`, and queued documents waited until somebody started it again.
Here the same Worker class runs in a loop: on a database error the connections are closed and a
new Worker starts after 1, 2, 4, 8, then at most MAX_DELAY seconds, so a queued document is picked
up within seconds of the database's return. Any other error still ends the process, for the
supervisor (deploy/) to restart it: that is a fault in code, not in the network.

Each pass of the worker's loop that reached the database touches a heartbeat file
(settings.WORKER_HEARTBEAT_FILE); `manage.py worker_health` fails when it grows old.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from reports import jobs

logger = logging.getLogger("reports.worker")

# The longest wait between two attempts: with the worker's own 1 s poll, a document queued while
# the database was down is made at most ~15 s after it is back (the issue asks for a minute).
MAX_DELAY = 10.0
# How often a running worker looks for jobs whose worker died (their lease is 2 minutes).
RECOVERY_SECONDS = 60
# What a database going away raises: "server closed the connection unexpectedly", "terminating
# connection due to administrator command", "the database system is starting up / shutting
# down", a refused connection (OperationalError); "connection already closed" (InterfaceError).
OUTAGE_ERRORS = (OperationalError, InterfaceError)


class Heartbeat:
    """A file whose modification time says when the worker last reached the database."""

    def __init__(self, path: Path):
        self.path = path
        self.last = 0.0
        path.parent.mkdir(parents=True, exist_ok=True)

    def beat(self) -> None:
        now = time.monotonic()
        if now - self.last < 1:      # the loop may come round many times a second when busy
            return
        self.last = now
        try:
            self.path.touch()
        except OSError as error:     # a full or read-only disk must not stop the documents
            logger.warning("cannot touch the heartbeat file %s: %s", self.path, error)


class Worker(db_worker.Worker):
    """The library's worker, beating the heartbeat between passes and while a task runs."""

    def __init__(self, *, heartbeat: Heartbeat, **kwargs):
        self.heartbeat = heartbeat
        self.started = False
        self.polled = False       # reached the database at least once
        self.interrupted = None   # the task whose end could not be recorded
        self.next_recovery = 0.0  # at once when a worker starts, then every RECOVERY_SECONDS
        super().__init__(**kwargs)

    # Worker.run has no hook between passes of its loop, but it reads `running` once before its
    # first poll and once after each pass (a poll of the queue and the task it found): every
    # read but the first follows a query that succeeded.
    @property
    def running(self) -> bool:
        if self.started:
            self.polled = True
            self.heartbeat.beat()
        self.started = True
        if self._running and time.monotonic() >= self.next_recovery:
            # Documents whose worker died (this one before a restart, or another server's): their
            # lease has run out by now, and they are queued again (reports.jobs.recover).
            self.next_recovery = time.monotonic() + RECOVERY_SECONDS
            jobs.recover()
        return self._running

    @running.setter
    def running(self, value: bool) -> None:
        self._running = value

    @property
    def stopping(self) -> bool:
        return not self._running

    def run_task(self, db_task_result) -> None:
        # A large document takes tens of seconds: a busy worker is a healthy one.
        done = threading.Event()

        def beat() -> None:
            while not done.wait(5):
                self.heartbeat.beat()

        beater = threading.Thread(target=beat, name="worker-heartbeat", daemon=True)
        beater.start()
        try:
            super().run_task(db_task_result)
        except BaseException:
            # The library records any failure of the task itself; what escapes is the recording
            # failing (the database gone), so the task stays "running" in the queue.
            self.interrupted = db_task_result.id
            raise
        finally:
            done.set()
            beater.join()


class Command(db_worker.Command):
    help = ("Chạy tiến trình nền (db_worker của django-tasks-db), tự chạy lại khi mất kết nối cơ sở dữ liệu "
            "và ghi nhịp vào WORKER_HEARTBEAT_FILE cho `manage.py worker_health`.")

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--max-delay", type=float, default=MAX_DELAY,
                            help="Longest wait in seconds before starting again after a database error "
                                 "(default: %(default)s).")

    def handle(self, *, verbosity: int, queue_name: str, exclude_queues: str, reload: bool, batch: bool,
               max_delay: float, **options) -> None:
        self.configure_logging(verbosity)
        if reload and batch:
            reload = False      # as db_worker does
        self.worker: Worker | None = None
        self.max_delay = max_delay
        self.heartbeat = Heartbeat(Path(settings.WORKER_HEARTBEAT_FILE))
        self.options = {
            "queue_names": queue_name.split(","),
            "excluded_queue_names": exclude_queues.split(",") if exclude_queues else [],
            "batch": batch,
            **{key: options[key] for key in ("interval", "backend_name", "startup_delay", "max_tasks",
                                              "worker_id")},
        }
        if self.options["excluded_queue_names"] and "*" not in self.options["queue_names"]:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        if reload:
            # Signals can only be set in the main thread; the reloader runs the loop in another.
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                self.configure_signals()
            run_with_reloader(self.run_until_stopped)
        else:
            self.configure_signals()
            self.run_until_stopped()

    def configure_signals(self) -> None:
        # One handler for the whole process, passed to whichever Worker is current: during a
        # backoff the last one (not running a task) exits at once, as the library does when idle.
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT):
            signal.signal(signum, self.shutdown)

    def shutdown(self, signum, frame) -> None:
        if self.worker is None:
            raise SystemExit(0)
        self.worker.shutdown(signum, frame)

    def run_until_stopped(self) -> None:
        failures = 0
        interrupted: list[str] = []
        while True:
            self.worker = Worker(heartbeat=self.heartbeat, **self.options)
            try:
                if interrupted:
                    # This process knows those documents stopped with it: queue them again now
                    # rather than when their lease runs out (a job page would wait minutes).
                    jobs.recover_interrupted(interrupted)
                    interrupted = []
                self.worker.run()
                return                  # --batch or --max-tasks done, or stopped after its task
            except OUTAGE_ERRORS as error:
                if self.worker.stopping:
                    logger.warning("worker stopping; database error while it finished: %s", _first_line(error))
                    return
                # 1 s after a worker that had been working, then 2, 4, 8… while the database stays away.
                failures = 0 if self.worker.polled else failures + 1
                delay = min(self.max_delay, 2.0 ** failures)
                logger.warning("worker stopped on a database error, starting again in %.0f s: %s",
                               delay, _first_line(error))
                if self.worker.interrupted:
                    logger.warning("task %s was interrupted and is left as running", self.worker.interrupted)
                    interrupted.append(str(self.worker.interrupted))
            finally:
                self._close_connections()
            time.sleep(delay)
            logger.info("worker starting again (worker_id=%s)", self.options["worker_id"])

    @staticmethod
    def _close_connections() -> None:
        # A connection the server dropped cannot be reused; the next Worker opens a new one.
        for connection in connections.all(initialized_only=True):
            with contextlib.suppress(DatabaseError):
                connection.close()


def _first_line(error: Exception) -> str:
    # libpq's messages go on over several lines ("This probably means the server terminated…").
    return next((line.strip() for line in str(error).splitlines() if line.strip()), type(error).__name__)
