"""deploy/supervisord.conf as it is shipped (only the project's path, the user, the log files and
the environment changed for this machine): a killed worker and a killed web server are started
again with nobody acting, and `supervisorctl stop` ends both cleanly. Skipped where Debian's
`supervisor` package is not installed (`apt-get install supervisor`)."""

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

pytestmark = [pytest.mark.slow, pytest.mark.django_db,
              pytest.mark.skipif(not shutil.which("supervisord"), reason="supervisor is not installed")]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Supervisor:
    def __init__(self, tmp_path: Path):
        db = connection.settings_dict
        self.port = _free_port()
        self.heartbeat = tmp_path / "worker-heartbeat"
        environment = ",".join(f'{key}="{value}"' for key, value in {
            "DJANGO_SETTINGS_MODULE": "config.settings.base", "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": "test", "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/"
            f"{db['NAME']}?application_name=thidua-supervised-{uuid.uuid4().hex[:8]}",
            "GUNICORN_BIND": f"127.0.0.1:{self.port}", "GUNICORN_WORKERS": "2", "GUNICORN_ACCESS_LOG": "",
            "GUNICORN_CMD_ARGS": "--no-control-socket", "WORKER_HEARTBEAT_FILE": str(self.heartbeat),
        }.items())
        shipped = (settings.BASE_DIR / "deploy" / "supervisord.conf").read_text()
        programs = re.sub(r"^user=.*\n", "", shipped.replace("/srv/thidua", str(settings.BASE_DIR)), flags=re.M)
        programs = programs.replace("/var/log/supervisor/", f"{tmp_path}/")
        programs = re.sub(r"^(\[program:.*\])$", rf"\1\nenvironment={environment}", programs, flags=re.M)
        (tmp_path / "thidua.conf").write_text(programs)
        self.conf = tmp_path / "supervisord.conf"
        self.conf.write_text(f"""[supervisord]
nodaemon=true
logfile={tmp_path}/supervisord.log
pidfile={tmp_path}/supervisord.pid
childlogdir={tmp_path}
[unix_http_server]
file={tmp_path}/supervisor.sock
[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
[supervisorctl]
serverurl=unix://{tmp_path}/supervisor.sock
[include]
files = {tmp_path}/thidua.conf
""")
        self.tmp_path = tmp_path
        self.process = subprocess.Popen(["supervisord", "-c", str(self.conf)], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)

    def ctl(self, *args: str) -> str:
        return subprocess.run(["supervisorctl", "-c", str(self.conf), *args], capture_output=True, text=True,
                              timeout=60).stdout

    def logs(self) -> str:
        return "\n".join(f"--- {path.name}\n{path.read_text(errors='replace')[-3000:]}"
                         for path in sorted(self.tmp_path.glob("*.log")))

    def running_pid(self, program: str, seconds: float = 30, other_than: int | None = None) -> int:
        deadline = time.monotonic() + seconds
        while True:
            status = self.ctl("status", program)
            if "RUNNING" in status:
                pid = int(re.search(r"pid (\d+)", status)[1])
                if pid != other_than:
                    return pid
            assert time.monotonic() < deadline, f"{program} not running: {status}\n{self.logs()}"
            time.sleep(0.3)

    def healthz(self) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=5) as response:
            return response.read().decode()

    def heartbeat_after(self, moment: float, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while not (self.heartbeat.exists() and self.heartbeat.stat().st_mtime > moment):
            assert time.monotonic() < deadline, f"no heartbeat\n{self.logs()}"
            time.sleep(0.3)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=90)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def supervisor(tmp_path):
    running = Supervisor(tmp_path)
    yield running
    running.close()


def test_supervisord_starts_killed_programs_again_and_stops_them_cleanly(supervisor):
    worker = supervisor.running_pid("thidua-worker")
    web = supervisor.running_pid("thidua-web")
    assert supervisor.healthz() == "ok"
    supervisor.heartbeat_after(0)

    killed_at = time.time()
    os.kill(worker, signal.SIGKILL)
    os.kill(web, signal.SIGKILL)
    supervisor.running_pid("thidua-worker", other_than=worker)
    supervisor.heartbeat_after(killed_at)
    supervisor.running_pid("thidua-web", other_than=web)
    assert supervisor.healthz() == "ok"

    assert "stopped" in supervisor.ctl("stop", "all")
    status = supervisor.ctl("status")
    assert status.count("STOPPED") == 2, status + supervisor.logs()
    assert "Shutting down: Master" in (supervisor.tmp_path / "thidua-web.log").read_text()
