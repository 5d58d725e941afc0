"""A task for tests/reports/test_worker_recovery.py, run by a real worker process: it holds the
worker's database connection busy so the test can cut it in the middle of a task."""

from django.db import connection
from django_tasks import task


@task()
def hold_database(seconds: float) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(%s)", [seconds])
