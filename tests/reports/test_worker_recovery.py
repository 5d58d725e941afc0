"""The task worker outlives the database: `db_worker` ended on the first database error (a
PostgreSQL restart) and queued documents waited for ever. `manage.py run_worker` starts the
library's worker again after a backoff.

The faults are made on this test's own database only, never on the shared server: the worker's
connections are found by the application_name its DATABASE_URL gives them and ended with
pg_terminate_backend; "the database is away" is the test database refusing new connections
(ALLOW_CONNECTIONS false), always turned back on before the test ends. Should a killed run leave
it off: `psql -c 'ALTER DATABASE test_… ALLOW_CONNECTIONS true' postgres`.
"""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from campaigns.models import ReportingPeriod
from reports import jobs, services
from reports.models import DocumentJob, Report
from tests.factories import make_campaign
from tests.reports.worker_tasks import hold_database
from units.access import SYSTEM

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
COMMAND = "run_worker"
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


class WorkerProcess:
    def __init__(self, tmp_path: Path):
        db = connection.settings_dict
        self.name = f"thidua-worker-test-{uuid.uuid4().hex[:12]}"
        self.log = tmp_path / "worker.log"
        self.heartbeat = tmp_path / "worker-heartbeat"
        env = {key: value for key, value in os.environ.items() if key not in ("DB_CONN_MAX_AGE", "TASKS_BACKEND")}
        env.update({
            "DJANGO_SETTINGS_MODULE": "config.settings.base", "DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": "test",
            "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
                            f"?application_name={self.name}",
            "MEDIA_DIR": str(tmp_path / "media"), "STORAGE_BACKEND": "filesystem",
            "WORKER_HEARTBEAT_FILE": str(self.heartbeat), "PYTHONUNBUFFERED": "1",
        })
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "manage.py", COMMAND, "--no-startup-delay", "--no-reload", "--interval", "0.5"],
                cwd=settings.BASE_DIR, env=env, stdout=out, stderr=subprocess.STDOUT)

    def output(self) -> str:
        return self.log.read_text()

    def wait_for(self, condition, seconds: float, what: str):
        deadline = time.monotonic() + seconds
        while not (result := condition()):
            assert time.monotonic() < deadline, f"{what} not within {seconds} s; worker said:\n{self.output()}"
            time.sleep(0.2)
        return result

    def backends(self, where: str = "") -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT pid FROM pg_stat_activity WHERE application_name = %s {where}", [self.name])
            return [pid for (pid,) in cursor.fetchall()]

    def cut_connections(self) -> int:
        """Ends this worker's own connections, and nobody else's."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE application_name = %s) AS cut", [self.name])
            return cursor.fetchone()[0]

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()


@pytest.fixture
def worker(tmp_path, settings):
    settings.TASKS = DATABASE_QUEUE
    process = WorkerProcess(tmp_path)
    yield process
    process.stop()


@pytest.fixture
def report(tree):
    campaign = make_campaign(tree["A"], participants=[tree["A.BV"]], status="in_progress")
    period = ReportingPeriod.objects.create(campaign=campaign, kind="year", year=2026, label="Năm 2026")
    return Report.objects.get(pk=services.create_report(by=SYSTEM, campaign=campaign, organisation=tree["A"],
                                                        period=period).pk)


def made(job: DocumentJob):
    def check():
        job.refresh_from_db()
        assert job.status != DocumentJob.Status.FAILED, job.error
        return job.status == DocumentJob.Status.DONE
    return check


@pytest.fixture
def closed_database():
    """The test database refusing new connections (as while PostgreSQL restarts); open ones stay."""
    name = connection.ops.quote_name(connection.settings_dict["NAME"])

    def allow(allowed: bool) -> None:
        # From the maintenance database: PostgreSQL refuses it from a session of the database itself.
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"ALTER DATABASE {name} ALLOW_CONNECTIONS {'true' if allowed else 'false'}")

    yield allow
    allow(True)


def test_a_connection_cut_in_the_middle_of_a_task_does_not_end_the_worker(worker, report):
    first = jobs.start(document="report", obj=report, title="Báo cáo 1", by=SYSTEM)
    worker.wait_for(made(first), 60, "the first document")
    hold_database.enqueue(30)
    worker.wait_for(lambda: worker.backends("AND query LIKE '%%pg_sleep%%'"), 20, "the task holding the database")

    assert worker.cut_connections() >= 1     # "terminating connection due to administrator command"
    second = jobs.start(document="report", obj=report, title="Báo cáo 2", by=SYSTEM)
    started = time.monotonic()
    worker.wait_for(made(second), 30, "the document queued after the connection was cut")

    assert worker.process.poll() is None, worker.output()
    assert "worker stopped on a database error, starting again in 1 s" in worker.output()
    assert "was interrupted and is left as running" in worker.output()   # for the recovery of killed jobs
    print(f"document made {time.monotonic() - started:.1f} s after the connection was cut")
    assert worker.stop() == 0


def test_documents_queued_while_the_database_is_away_are_made_when_it_returns(worker, report, closed_database,
                                                                              settings):
    settings.WORKER_HEARTBEAT_FILE = worker.heartbeat
    worker.wait_for(worker.heartbeat.exists, 30, "the first heartbeat")
    call_command("worker_health", "--max-age", "3")

    closed_database(False)
    worker.cut_connections()
    job = jobs.start(document="report", obj=report, title="Báo cáo", by=SYSTEM)   # over the test's open connection
    worker.wait_for(lambda: worker.output().count("worker stopped on a database error") >= 3, 20,
                    "three failed starts")
    time.sleep(2)
    with pytest.raises(CommandError, match="không hoạt động"):
        call_command("worker_health", "--max-age", "3")
    assert worker.process.poll() is None, worker.output()
    job.refresh_from_db()
    assert job.status == DocumentJob.Status.QUEUED

    closed_database(True)
    back = time.monotonic()
    worker.wait_for(made(job), 30, "the document queued while the database was away")
    print(f"document made {time.monotonic() - back:.1f} s after the database came back")
    call_command("worker_health", "--max-age", "3")
    assert "starting again in 4 s" in worker.output()
    assert worker.stop() == 0
