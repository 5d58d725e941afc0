"""`make run` on PostgreSQL: the development server starts a thread per browser connection, and each
kept its own database connection for a minute (DB_CONN_MAX_AGE=60), so a few tabs took all of
PostgreSQL's 100. Under runserver a request's connection now closes when the request ends."""

import http.client
import os
import socket
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection

pytestmark = [pytest.mark.slow, pytest.mark.django_db]
PROBE = "thidua-runserver-probe"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _held_connections() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", [PROBE])
        return cursor.fetchone()[0]


def test_idle_browser_connections_hold_no_database_connection():
    db = connection.settings_dict
    port = _free_port()
    env = {key: value for key, value in os.environ.items() if key != "DB_CONN_MAX_AGE"}
    env.update({
        "DJANGO_SETTINGS_MODULE": "config.settings.base", "DJANGO_DEBUG": "true", "DJANGO_SECRET_KEY": "probe",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}?application_name={PROBE}",
    })
    server = subprocess.Popen([sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
                              cwd=settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    browsers = []
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "runserver did not start"
                time.sleep(0.2)
        # Twelve keep-alive connections, as a few browser tabs hold: each is a runserver thread.
        for _ in range(12):
            browser = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            browser.request("GET", "/healthz")
            response = browser.getresponse()
            assert response.read() == b"ok"
            browsers.append(browser)
        assert _held_connections() == 0
    finally:
        for browser in browsers:
            browser.close()
        server.terminate()
        server.wait(timeout=10)
