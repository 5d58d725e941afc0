"""Stopping gunicorn (config/gunicorn.conf.py) cleanly: on SIGTERM a new connection is refused at
once instead of waiting in the listen backlog until the last request in flight ends (up to the
30 s graceful timeout; gthread keeps its listening sockets that long), and the requests in flight
still finish. The application is tests/gunicorn_app.py: the behaviour is the server's, and a
request of a known length needs no database."""

import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.slow
IN_FLIGHT = 4.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _connect_and_ask(port: int, timeout: float) -> str:
    """What a new client gets: an answer, a refusal, a reset, or nothing before the timeout."""
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        client.request("GET", "/")
        return f"answered {client.getresponse().status}"
    except ConnectionRefusedError:
        return "refused"
    except ConnectionResetError:
        return "reset"
    except TimeoutError:
        return "no answer"
    finally:
        client.close()


def test_sigterm_refuses_new_connections_at_once_and_finishes_requests_in_flight(tmp_path: Path):
    port = _free_port()
    env = {**os.environ, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "2", "GUNICORN_ACCESS_LOG": ""}
    log = tmp_path / "gunicorn.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "-c", "config/gunicorn.conf.py", "--no-control-socket",
             "tests.gunicorn_app:application"], cwd=settings.BASE_DIR, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while _connect_and_ask(port, 5) != "answered 200":
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)

        in_flight = {}

        def slow_request():
            client = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            client.request("GET", f"/?sleep={IN_FLIGHT}")
            response = client.getresponse()
            in_flight["answer"] = (response.status, response.read())

        requester = threading.Thread(target=slow_request)
        requester.start()
        time.sleep(1)                     # the request is being served
        server.send_signal(signal.SIGTERM)
        time.sleep(0.2)

        started = time.monotonic()
        outcome = _connect_and_ask(port, timeout=IN_FLIGHT)
        waited = time.monotonic() - started
        # Before: the connection was taken into the backlog and reset when the last worker exited.
        assert outcome in ("refused", "answered 200") and waited < 1, (outcome, f"{waited:.1f} s", log.read_text())

        requester.join(timeout=30)
        assert in_flight.get("answer") == (200, b"done"), log.read_text()
        assert server.wait(timeout=30) == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
