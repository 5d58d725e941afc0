"""Fault drill: the faults README's "Triển khai" says the application survives, caused for real.

    .venv/bin/python tools/fault_drill.py        (as root: pg_createcluster, mount)

The drill makes everything it uses and nothing else: a PostgreSQL 15 cluster of its own
(pg_createcluster, on a free port; the machine's shared server on 5432 is never touched), a 4 MB
tmpfs mounted as MEDIA_DIR (a full disk that is not the real one), one gunicorn server
(config/gunicorn.conf.py, DEBUG off) and `manage.py run_worker`, with the demo data and the PDF
benchmark's province summary (a large document). Every PDF goes to the worker
(REPORTS_INLINE_ROWS=0) and a job's lease is 6 s (REPORTS_JOB_LEASE_SECONDS). Then:

  a. MEDIA_DIR full: a grid save with an evidence file and a report attachment get the Vietnamese
     storage message, the typed figure stays on the page, no partial file is left (every file is
     referenced, with its recorded size; verify_files passes); with space freed the same uploads work;
  b. the worker SIGKILLed at ~2 % of the large document and started again, as a supervisor would:
     the worker's own recovery makes the document with nobody on its page; killed at ~88 %: the
     job's page recovers it; killed MAX_ATTEMPTS times: the page says why it failed, "Thử lại" works;
  c. the drill's cluster stopped and started, then restarted (pg_ctlcluster), under load: 503 pages
     (Retry-After) while it is down and only then, a grid save works once it is back, a document
     queued before the outage is made within a minute with nobody acting (the one being made is made
     again), the worker is the same process and `manage.py worker_health` passes;
  d. README's backup and restore commands, read from README.md and run as written (only B, the
     PostgreSQL port and the new MEDIA_DIR substituted), into a new database of the drill's cluster
     and an empty folder: verify_files exits 0, and not 0 once a restored file is deleted.

One line per check (OK/FAIL), a summary, a non-zero exit status if any failed. Only loopback. At the
end, also on Ctrl-C, SIGTERM or the time limit, the drill stops the processes it started (their
process groups, nothing else), drops its cluster, unmounts the tmpfs and removes its folder. One
drill at a time: a cluster or tmpfs left by a drill that was killed outright is removed first.
Not run by .ci/run (it needs root and restarts a PostgreSQL server).
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from drillkit import (
    BIN,
    PASSWORD,
    ROOT,
    Browser,
    Checks,
    DrillError,
    Response,
    Stage,
    free_port,
    grid_change,
    open_grid,
    say,
    stop_on_signals,
    wait_http,
)

PG_VERSION = "15"
CLUSTER = "thidua_drill"
DATABASE = "thidua"
MEDIA_SIZE = "4m"
TMP_PREFIX = "thidua-fault-"
LEASE_SECONDS = 6
# How often a running worker looks for dead jobs (reports/management/commands/run_worker.py).
RECOVERY_SECONDS = 60
UNAVAILABLE = "Hệ thống tạm thời không kết nối được cơ sở dữ liệu"
STORAGE_MESSAGE = "hết chỗ lưu trữ"
FILLER = "filler"
PYTHON = str(BIN / "python")
MANAGE = [PYTHON, "manage.py"]


def max_attempts() -> int:
    """reports.jobs.MAX_ATTEMPTS, read from the source (the drill does not import Django)."""
    found = re.search(r"^MAX_ATTEMPTS = (\d+)", (ROOT / "reports" / "jobs.py").read_text(), re.M)
    if found is None:
        raise DrillError("MAX_ATTEMPTS not found in reports/jobs.py")
    return int(found[1])


def run(args: list[str], *, env: dict[str, str] | None = None, timeout: float = 180,
        check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    if check and done.returncode != 0:
        raise DrillError(f"{' '.join(args[:4])}…: exit {done.returncode}: "
                         f"{(done.stderr or done.stdout).strip()[-1500:]}")
    return done


# --- the drill's own PostgreSQL cluster, tmpfs and folder ---------------------------------------------------


class Cluster:
    """pg_createcluster's cluster CLUSTER, on its own port, trusted on loopback; owned by postgres."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.made = False

    @staticmethod
    def exists() -> bool:
        listed = run(["pg_lsclusters", "--no-header"]).stdout
        return any(line.split()[:2] == [PG_VERSION, CLUSTER] for line in listed.splitlines())

    @staticmethod
    def drop() -> None:
        run(["pg_dropcluster", "--stop", PG_VERSION, CLUSTER], timeout=120)

    def create(self) -> None:
        # start.conf "manual": a cluster left behind by a drill killed outright never starts with the
        # machine. PostgreSQL's default listen_addresses, localhost, keeps it on loopback.
        self.made = True     # also when pg_createcluster fails half way: cleanup looks
        run(["pg_createcluster", PG_VERSION, CLUSTER, "-p", str(self.port), "--start-conf", "manual",
             "--locale", "C.UTF-8", "-e", "UTF8", "--", "--auth-host=trust", "--auth-local=trust"], timeout=120)

    def ctl(self, action: str) -> float:
        """pg_ctlcluster start/stop/restart; returns how long it took."""
        started = time.monotonic()
        # Outside systemd even on a machine that runs it: nothing of the drill outlives it.
        run(["pg_ctlcluster", "--skip-systemctl-redirect", PG_VERSION, CLUSTER, action], timeout=120)
        return time.monotonic() - started

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"


class FaultStage(Stage):
    """What the drill made: its processes, its cluster, the tmpfs and the temporary folder."""

    def __init__(self, tmp: Path) -> None:
        super().__init__(tmp)
        self.cluster: Cluster | None = None
        self.mounted: list[Path] = []
        self.load: list[Load] = []
        self.keep_logs: Path | None = None

    def mount_tmpfs(self, folder: Path, size: str) -> None:
        folder.mkdir()
        run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)])
        self.mounted.append(folder)

    def cleanup(self) -> None:
        if self.cleaned:
            return
        self.cleaned = True
        for thread in self.load:
            thread.stop()
        self.stop_processes()
        if self.keep_logs is not None:
            self.keep_logs.mkdir(parents=True, exist_ok=True)
            for log in self.tmp.glob("*.log"):
                shutil.copy(log, self.keep_logs / log.name)
        if self.cluster is not None and self.cluster.made:
            try:
                if Cluster.exists():
                    Cluster.drop()
            except Exception as error:  # noqa: BLE001 - cleanup goes on; say what is left behind
                say(f"(could not drop cluster {PG_VERSION}/{CLUSTER}: {error})")
        for folder in reversed(self.mounted):
            if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
                say(f"(could not unmount {folder})")
        if not any(os.path.ismount(folder) for folder in self.mounted):
            shutil.rmtree(self.tmp, ignore_errors=True)


def remove_leftovers() -> None:
    """A drill killed outright (SIGKILL) could not clean up: its cluster (only CLUSTER) and its
    tmpfs (only under a folder named TMP_PREFIX…) go before this one starts."""
    if Cluster.exists():
        say(f"Xóa cụm {PG_VERSION}/{CLUSTER} còn lại từ lần chạy trước…")
        Cluster.drop()
    prefix = str(Path(tempfile.gettempdir()) / TMP_PREFIX)
    for line in Path("/proc/mounts").read_text().splitlines():
        fields = line.split()
        if fields[0] == "tmpfs" and fields[1].startswith(prefix):
            say(f"Gỡ tmpfs còn lại từ lần chạy trước: {fields[1]}")
            run(["umount", fields[1]])
            shutil.rmtree(Path(fields[1]).parent, ignore_errors=True)


class Database:
    """The drill's own look at the jobs, in a connection of its own (it does not run recovery, as
    opening a job's page would), reconnecting after the cluster's restart."""

    def __init__(self, dsn: str) -> None:
        self.dsn = dsn
        self.connection = None

    def rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        import psycopg2

        for attempt in (1, 2):
            try:
                if self.connection is None or self.connection.closed:
                    self.connection = psycopg2.connect(self.dsn, connect_timeout=3)
                    self.connection.autocommit = True
                with self.connection.cursor() as cursor:
                    cursor.execute(sql, params)
                    return cursor.fetchall()
            except (psycopg2.OperationalError, psycopg2.InterfaceError):
                self.close()
                if attempt == 2:
                    raise
        return []

    def job(self, pk: int) -> Job:
        rows = self.rows("SELECT status, progress, attempts, error FROM reports_documentjob WHERE id = %s", (pk,))
        if not rows:
            raise DrillError(f"job {pk} not found")
        return Job(pk, *rows[0])

    def close(self) -> None:
        if self.connection is not None:
            with contextlib.suppress(Exception):
                self.connection.close()
        self.connection = None


@dataclass
class Job:
    pk: int
    status: str
    progress: int
    attempts: int
    error: str


# --- load on the server while its database goes away ----------------------------------------------------


class Load(threading.Thread):
    """One logged-in person opening pages one after another, every answer kept."""

    def __init__(self, browser: Browser, base: str, paths: list[str]) -> None:
        super().__init__(daemon=True, name="load")
        self.browser, self.base, self.paths = browser, base, paths
        self.answers: list[tuple[float, str, int, bool]] = []   # start, path, status, the 503 page as README says
        self.stopped = threading.Event()

    def run(self) -> None:
        number = 0
        while not self.stopped.is_set():
            path = self.paths[number % len(self.paths)]
            number += 1
            started = time.monotonic()
            try:
                answer = self.browser.get(self.base, path)
                status, page = answer.status, unavailable_page(answer)
            except (OSError, http.client.HTTPException):
                status, page = 0, False      # no answer at all
            self.answers.append((started, path, status, page))
            self.stopped.wait(0.05)

    def stop(self) -> None:
        self.stopped.set()
        self.join(timeout=15)


def unavailable_page(answer: Response) -> bool:
    return answer.status == 503 and answer.headers.get("retry-after", "").isdigit() and UNAVAILABLE in answer.text


# --- the drill ---------------------------------------------------------------------------------------------


class FaultDrill(Checks):
    def __init__(self, stage: FaultStage, cluster: Cluster, env: dict[str, str], base: str, media: Path,
                 report_pk: int, decision_pk: int) -> None:
        super().__init__()
        self.stage, self.cluster, self.env, self.base, self.media = stage, cluster, env, base, media
        self.report_pk, self.decision_pk = report_pk, decision_pk
        self.db = Database(cluster.url(DATABASE))
        self.worker: subprocess.Popen | None = None
        self.admin = self.login("quantri")     # the province summary is another agency's: the administrator's
        self.unit = self.login("donvi")
        self.grid = open_grid(self.unit, base)

    def login(self, username: str, timeout: float = 60) -> Browser:
        browser = Browser(timeout)
        if browser.login(self.base, username, PASSWORD).status != 302:
            raise DrillError(f"{username} could not log in")
        return browser

    def manage(self, *args: str, env: dict[str, str] | None = None,
               timeout: float = 120) -> subprocess.CompletedProcess:
        return run(MANAGE + list(args), env=env or self.env, timeout=timeout, check=False)

    # --- the worker, as a supervisor runs it

    def start_worker(self) -> None:
        self.worker = self.stage.start("worker", MANAGE + ["run_worker"], env=self.env)

    def kill_worker(self) -> None:
        self.stage.kill(self.worker, signal.SIGKILL)

    # --- documents

    def queue(self, browser: Browser, path: str) -> int:
        answer = browser.get(self.base, path)
        found = re.fullmatch(r"/van-ban/dang-tao/(\d+)/", answer.headers.get("location", ""))
        if answer.status != 302 or found is None:
            raise DrillError(f"{path}: HTTP {answer.status} {answer.headers.get('location', '')}, not a job")
        return int(found[1])

    def queue_report(self) -> int:
        return self.queue(self.admin, f"/van-ban/bao-cao/{self.report_pk}/pdf/")

    def wait_job(self, pk: int, done, seconds: float, page: Browser | None = None) -> Job:
        """Polls the job's row every 20 ms until done(job); with `page`, opens the job's page every
        second as the person waiting for it does (the page's own refresh is 2 s)."""
        deadline, opened = time.monotonic() + seconds, 0.0
        job = self.db.job(pk)
        while not done(job) and time.monotonic() < deadline:
            if page is not None and time.monotonic() - opened >= 1:
                opened = time.monotonic()
                page.get(self.base, f"/van-ban/dang-tao/{pk}/")
            time.sleep(0.02)
            job = self.db.job(pk)
        return job

    def download(self, browser: Browser, pk: int) -> str:
        """'' when the job's file downloads as a PDF, else what went wrong."""
        answer = browser.get(self.base, f"/van-ban/dang-tao/{pk}/tep/")
        if answer.status != 200 or not answer.body.startswith(b"%PDF"):
            return f"tải tệp: HTTP {answer.status}, {len(answer.body)} byte"
        return ""

    def kill_at(self, label: str, reached, tries: int = 3) -> tuple[int, Job]:
        """Queue the large document and SIGKILL the worker once reached(job); a job that ends
        before the kill lands is asked for again."""
        for _ in range(tries):
            pk = self.queue_report()
            job = self.wait_job(pk, lambda j: reached(j) or j.status in ("done", "failed"), 120)
            if job.status in ("done", "failed") or not reached(job):
                say(f"   ({label}: việc {pk} {job.status} ở {job.progress} % trước khi kịp giết, thử lại)")
                continue
            self.kill_worker()
            self.start_worker()
            if self.db.job(pk).status == "done":
                say(f"   ({label}: việc {pk} xong ngay lúc giết, thử lại)")
                continue
            return pk, job
        raise DrillError(f"{label}: could not kill the worker in time")

    # --- a. a full disk

    def storage(self) -> None:
        say("a. MEDIA_DIR (tmpfs 4 MB) đầy")
        filler = self.media / FILLER
        room = free_bytes(self.media)
        # Room for a few dozen KB: part of an upload is written before the disk is full.
        with open(filler, "wb") as handle:
            left = room - 48 * 1024
            while left > 0:
                left -= handle.write(b"\0" * min(left, 1024 * 1024))
        say(f"   tệp lấp đầy {filler.stat().st_size // 1024} KB; còn trống {free_bytes(self.media) // 1024} KB")

        server_log = self.stage.log_size("gunicorn")
        content = b"%PDF-1.4\n% fault drill\n" + secrets.token_bytes(512 * 1024)
        evidence_name = f"minh-chung-{uuid.uuid4().hex[:8]}.pdf"
        before = self.unit.get(self.base, self.grid).text
        form, cell, value = grid_change(before)
        stored = form[cell]
        form.update({cell: value, "action": "save"})
        evidence = {f"evidence-{cell.split('-')[1]}": (evidence_name, content)}
        answer = self.unit.post(self.base, self.grid, form, files=evidence)
        kept = re.search(rf'name="{cell}" value="{re.escape(value)}"', answer.text) is not None
        now = self.unit.get(self.base, self.grid).text
        unsaved = re.search(rf'name="{cell}" value="{re.escape(stored)}"', now) is not None
        self.check(answer.status == 200 and STORAGE_MESSAGE in answer.text and kept and unsaved,
                   f"a. lưu bảng số liệu kèm minh chứng {len(content) // 1024} KB khi đầy: HTTP {answer.status}, "
                   f"báo “{STORAGE_MESSAGE}”, ô {cell} vẫn hiện số vừa gõ “{value}”, không lưu gì",
                   f"thông báo: {STORAGE_MESSAGE in answer.text}; số còn trên trang: {kept}; "
                   f"số đã lưu vẫn là “{stored}”: {unsaved}")

        attachment_name = f"dinh-kem-{uuid.uuid4().hex[:8]}.pdf"
        sent = self.unit.post(self.base, self.grid + "dinh-kem/", {}, files={"file": (attachment_name, content)})
        shown = self.unit.get(self.base, self.grid).text
        self.check(sent.status == 302 and STORAGE_MESSAGE in shown and attachment_name not in shown,
                   f"a. tệp đính kèm {len(content) // 1024} KB khi đầy: HTTP {sent.status}, trang báo "
                   f"“{STORAGE_MESSAGE}”, không có tệp nửa chừng trong danh sách",
                   f"HTTP {sent.status}; thông báo: {STORAGE_MESSAGE in shown}; tệp trong danh sách: "
                   f"{attachment_name in shown}")
        failures = [line for line in self.stage.log_text("gunicorn", server_log).splitlines()
                    if "storage failed writing" in line]
        say(f"   nhật ký máy chủ: {len(failures)} lần ghi tệp thất bại"
            + (f" ({failures[0].split('storage failed writing', 1)[1].strip()[:140]})" if failures else ""))
        self.files_whole("a. khi đầy")

        filler.unlink()
        page = self.unit.get(self.base, self.grid).text
        form, _cell, _value = grid_change(page)
        form.update({cell: value, "action": "save"})
        saved = self.unit.post(self.base, self.grid, form, files=evidence)
        page = self.unit.get(self.base, self.grid).text
        link = re.search(rf'href="(/chi-tieu/minh-chung/\d+/)"[^>]*>(?:(?!</a>).)*{re.escape(evidence_name)}', page,
                         re.S)
        got = self.unit.get(self.base, link[1]) if link else None
        self.check(saved.status == 302 and re.search(rf'name="{cell}" value="{re.escape(value)}"', page) is not None
                   and got is not None and got.body == content,
                   f"a. xóa tệp lấp đầy rồi lưu lại như trên: số “{value}” được lưu, minh chứng tải về đúng từng byte",
                   f"HTTP {saved.status}; liên kết: {bool(link)}; tải về: "
                   f"{(got.status, len(got.body)) if got else '-'}")
        sent = self.unit.post(self.base, self.grid + "dinh-kem/", {}, files={"file": (attachment_name, content)})
        page = self.unit.get(self.base, self.grid).text
        link = re.search(rf'<a href="(/chi-tieu/tep/\d+/)">{re.escape(attachment_name)}</a>', page)
        got = self.unit.get(self.base, link[1]) if link else None
        self.check(sent.status == 302 and got is not None and got.body == content,
                   "a. tệp đính kèm như trên: lưu được, tải về đúng từng byte",
                   f"HTTP {sent.status}; liên kết: {bool(link)}; tải về: {(got.status, len(got.body)) if got else '-'}")
        self.files_whole("a. sau khi có chỗ")

    def files_whole(self, label: str) -> None:
        """Every file in MEDIA_DIR but the filler is one the data refers to, with the size recorded
        when it was written; and verify_files passes."""
        # A copy the worker is writing is on disk a moment before its row names it: the folder is
        # compared with the data once the worker is idle (or has been given a minute).
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and self.db.rows(
                "SELECT count(*) FROM reports_documentjob WHERE status IN ('queued', 'running')")[0][0]:
            time.sleep(1)
        listing = self.manage("shell", "-v", "0", "-c", FILES_SNIPPET)
        data = json.loads(listing.stdout.strip().splitlines()[-1]) if listing.returncode == 0 else None
        problems = []
        present = sorted(p for p in self.media.rglob("*") if p.is_file() and p.name != FILLER)
        if data is None:
            problems.append(f"shell: {listing.stderr.strip()[-300:]}")
        else:
            for path in present:
                name = path.relative_to(self.media).as_posix()
                size = path.stat().st_size
                if name not in data["referenced"]:
                    problems.append(f"không được tham chiếu: {name} ({size} B)")
                elif data["recorded"].get(name) != size:
                    problems.append(f"kích thước {name}: {size} B, ghi nhận {data['recorded'].get(name)}")
        verify = self.manage("verify_files")
        summary = verify.stdout.strip().splitlines()[-1] if verify.stdout.strip() else verify.stderr.strip()
        self.check(not problems and verify.returncode == 0,
                   f"{label}: {len(present)} tệp trong MEDIA_DIR (ngoài tệp lấp đầy), mọi tệp được tham chiếu và "
                   f"đúng kích thước đã ghi; verify_files mã 0 ({summary})",
                   "; ".join(problems[:5]) + f"; verify_files mã {verify.returncode}")

    # --- b. the worker killed

    def worker_kills(self) -> None:
        say(f"b. Tiến trình nền bị giết (SIGKILL) giữa lúc tạo văn bản lớn; thời hạn giữ việc {LEASE_SECONDS} s")
        # At ~2 %: claimed, the figures being read. Started again at once, as supervisord or systemd
        # would; nobody opens the job's page: the worker's own recovery (every RECOVERY_SECONDS) acts.
        pk, seen = self.kill_at("2 %", lambda j: j.status == "running")
        killed = time.monotonic()
        job = self.wait_job(pk, lambda j: j.status in ("done", "failed"), LEASE_SECONDS + RECOVERY_SECONDS + 60)
        took = time.monotonic() - killed
        problem = self.download(self.admin, pk) if job.status == "done" else job.error
        self.check(job.status == "done" and job.attempts == 2 and not problem,
                   f"b. giết ở {seen.progress} % ({seen.status}), chạy lại run_worker, không ai mở trang: "
                   f"việc {pk} được tạo lại (lần {job.attempts}) và xong sau {took:.0f} s, tải được PDF",
                   f"trạng thái {job.status}, lần thử {job.attempts}; {problem}")

        # At ~88 %: WeasyPrint writing the PDF. The person waits on the job's page.
        pk, seen = self.kill_at("88 %", lambda j: j.status == "running" and j.progress >= 88)
        killed = time.monotonic()
        job = self.wait_job(pk, lambda j: j.status in ("done", "failed"), LEASE_SECONDS + 60, page=self.admin)
        took = time.monotonic() - killed
        problem = self.download(self.admin, pk) if job.status == "done" else job.error
        self.check(job.status == "done" and job.attempts == 2 and not problem,
                   f"b. giết ở {seen.progress} %, chạy lại run_worker, người chờ trên trang việc: việc {pk} được tạo "
                   f"lại (lần {job.attempts}) và xong sau {took:.0f} s, tải được PDF",
                   f"trạng thái {job.status}, lần thử {job.attempts}; {problem}")

        # Killed on every attempt.
        limit = max_attempts()
        pk = self.queue_report()
        progress = []
        for attempt in range(1, limit + 1):
            job = self.wait_job(pk, lambda j, a=attempt: j.status == "running" and j.attempts == a
                                or j.status in ("done", "failed"), LEASE_SECONDS + 60, page=self.admin)
            if job.status != "running":
                raise DrillError(f"job {pk}: {job.status} at attempt {job.attempts}, expected it running")
            progress.append(f"{job.progress} %")
            self.kill_worker()
            self.start_worker()
        job = self.wait_job(pk, lambda j: j.status in ("done", "failed"), LEASE_SECONDS + 30, page=self.admin)
        page = self.admin.get(self.base, f"/van-ban/dang-tao/{pk}/")
        retry_button = re.search(rf'action="/van-ban/dang-tao/{pk}/thu-lai/"', page.text) and "Thử lại" in page.text
        reason = re.search(r'<div class="alert alert-danger">([^<]*)</div>', page.text)
        self.check(job.status == "failed" and job.attempts == limit and bool(retry_button) and bool(job.error)
                   and bool(reason) and job.error in page.text,
                   f"b. giết cả {limit} lần (MAX_ATTEMPTS; ở {', '.join(progress)}): "
                   f"trang việc {pk} báo “{reason[1].strip() if reason else ''}” "
                   f"và có nút “Thử lại”",
                   f"trạng thái {job.status}, lần thử {job.attempts}, lỗi “{job.error}”, nút: {bool(retry_button)}")
        again = self.admin.post(self.base, f"/van-ban/dang-tao/{pk}/thu-lai/", {})
        found = re.fullmatch(r"/van-ban/dang-tao/(\d+)/", again.headers.get("location", ""))
        if again.status != 302 or found is None:
            self.check(False, "b. “Thử lại”", f"HTTP {again.status} {again.headers.get('location', '')}")
            return
        fresh = int(found[1])
        job = self.wait_job(fresh, lambda j: j.status in ("done", "failed"), 90, page=self.admin)
        problem = self.download(self.admin, fresh) if job.status == "done" else job.error
        self.check(job.status == "done" and fresh != pk and not problem,
                   f"b. bấm “Thử lại”: việc mới {fresh} xong, tải được PDF",
                   f"trạng thái {job.status}; {problem}")

    # --- c. the database restarted

    def database_restart(self) -> None:
        say("c. Cụm PostgreSQL của bài diễn tập dừng rồi chạy lại, rồi khởi động lại (restart), trong lúc có tải")
        load = [Load(self.login("donvi", timeout=10), self.base, ["/", self.grid, "/healthz", "/phong-trao/"])
                for _ in range(3)]
        self.stage.load += load
        for thread in load:
            thread.start()
        time.sleep(2)
        # A large document being made and a small one waiting behind it when the database goes.
        busy = self.queue_report()
        self.wait_job(busy, lambda j: j.status != "queued", 60)
        waiting = self.queue(self.admin, f"/van-ban/quyet-dinh/{self.decision_pk}/pdf/")
        say(f"   việc {busy} (báo cáo lớn): {self.db.job(busy).status}, việc {waiting} (quyết định): "
            f"{self.db.job(waiting).status}; dừng cụm")
        typed, cell, value = grid_change(self.unit.get(self.base, self.grid).text)
        typed.update({cell: value, "action": "save"})
        self.db.close()
        worker_log = self.stage.log_size("worker")

        down_at = time.monotonic()
        stop_took = self.cluster.ctl("stop")
        anonymous = Browser()
        probes = {"/healthz": anonymous.get(self.base, "/healthz"),
                  "/dang-nhap/": anonymous.get(self.base, "/dang-nhap/"),
                  "/ (donvi)": self.unit.get(self.base, "/"),
                  "lưu bảng số liệu": self.unit.post(self.base, self.grid, typed)}
        time.sleep(max(0.0, 4 - (time.monotonic() - down_at)))
        start_took = self.cluster.ctl("start")
        up_at = time.monotonic()
        wait_http(self.base + "/healthz", 30)
        outages = [(down_at, time.monotonic())]
        say(f"   dừng {stop_took:.1f} s, cơ sở dữ liệu vắng {up_at - down_at:.1f} s, khởi động {start_took:.1f} s, "
            f"/healthz trả lời 200 sau {outages[0][1] - up_at:.1f} s")
        bad = [f"{name}: HTTP {a.status}, Retry-After={a.headers.get('retry-after')}" for name, a in probes.items()
               if not unavailable_page(a)]
        self.check(not bad, f"c. khi cơ sở dữ liệu vắng: {', '.join(probes)} đều trả lời 503, Retry-After, "
                            f"trang “{UNAVAILABLE}…”", "; ".join(bad))

        pages = {path: self.unit.get(self.base, path).status for path in ("/", self.grid, "/phong-trao/")}
        pages["/healthz"] = anonymous.get(self.base, "/healthz").status
        form, cell, value = grid_change(self.unit.get(self.base, self.grid).text)
        form.update({cell: value, "action": "save"})
        saved = self.unit.post(self.base, self.grid, form)
        shown = re.search(rf'name="{cell}" value="{re.escape(value)}"', self.unit.get(self.base, self.grid).text)
        self.check(all(s == 200 for s in pages.values()) and saved.status == 302 and shown is not None,
                   f"c. sau khi trở lại: {len(pages)} trang trả lời 200, donvi lưu bảng số liệu (“{value}”) được",
                   f"{pages}; lưu: HTTP {saved.status}, số mới trên trang: {shown is not None}")

        # Nobody opens the job pages from here on: the worker alone has to make them.
        job = self.wait_job(waiting, lambda j: j.status in ("done", "failed"), 60 - (time.monotonic() - up_at))
        made_in = time.monotonic() - up_at
        problem = self.download(self.admin, waiting) if job.status == "done" else job.error
        self.check(job.status == "done" and not problem,
                   f"c. văn bản xếp hàng trước khi mất cơ sở dữ liệu (việc {waiting}) xong {made_in:.0f} s sau "
                   f"khi cơ sở dữ liệu trở lại, không ai làm gì",
                   f"trạng thái {job.status} sau {made_in:.0f} s; {problem}")
        job = self.wait_job(busy, lambda j: j.status in ("done", "failed"),
                            LEASE_SECONDS + RECOVERY_SECONDS + 30 - (time.monotonic() - up_at))
        made_in = time.monotonic() - up_at
        problem = self.download(self.admin, busy) if job.status == "done" else job.error
        self.check(job.status == "done" and not problem,
                   f"c. văn bản đang tạo khi mất cơ sở dữ liệu (việc {busy}) xong {made_in:.0f} s sau khi trở lại "
                   f"(lần thử {job.attempts})",
                   f"trạng thái {job.status}, lần thử {job.attempts}; {problem}")

        # A quick bounce: every connection kept by the server's threads and the worker is cut.
        self.db.close()
        restart_at = time.monotonic()
        restart_took = self.cluster.ctl("restart")
        wait_http(self.base + "/healthz", 30)
        outages.append((restart_at, time.monotonic()))
        say(f"   pg_ctlcluster restart {restart_took:.1f} s")
        time.sleep(3)
        after = {path: self.unit.get(self.base, path).status for path in ("/", self.grid)}
        for thread in load:
            thread.stop()
        answers = [a for thread in load for a in thread.answers]
        errors = [a for a in answers if a[2] not in (200, 503) or (a[2] == 503 and not a[3])]
        late = [a for a in answers if a[2] != 200 and not any(start - 1 <= a[0] <= end for start, end in outages)]
        counts = {status: sum(1 for a in answers if a[2] == status) for status in sorted({a[2] for a in answers})}
        self.check(not errors and not late and all(s == 200 for s in after.values()),
                   f"c. tải suốt hai lần: {len(answers)} yêu cầu của 3 người đã đăng nhập "
                   f"({', '.join(f'{n}×{s}' for s, n in counts.items())}); 503 chỉ khi cơ sở dữ liệu vắng, "
                   f"không lỗi nào khác; mọi yêu cầu khi cơ sở dữ liệu chạy đều 200",
                   f"lỗi: {errors[:3]}; không phải 200 ngoài lúc vắng: {late[:3]}; sau restart: {after}")

        restarts = self.stage.log_text("worker", worker_log).count("worker stopped on a database error")
        health = self.manage("worker_health", "--max-age", "10")
        self.check(self.worker.poll() is None and health.returncode == 0,
                   f"c. run_worker vẫn là tiến trình đã chạy trước đó (pid {self.worker.pid}; tự chạy lại vòng "
                   f"làm việc {restarts} lần); worker_health --max-age 10: {(health.stdout or health.stderr).strip()}",
                   f"tiến trình: {'chạy' if self.worker.poll() is None else f'đã thoát ({self.worker.returncode})'}; "
                   f"worker_health mã {health.returncode}")

    # --- d. backup and restore as README says

    def backup_restore(self) -> None:
        say("d. Sao lưu và khôi phục theo đúng lệnh của README")
        commands = readme_commands()
        backups = self.stage.tmp / "backups"
        restored_media = self.stage.tmp / "restored-media"
        restored_media.mkdir()
        # Only the placeholders README names: the backups folder of B, the target server, MEDIA_DIR.
        backup = commands.backup.replace(commands.backups_folder, str(backups))
        say(f"   $ {backup}")
        done = run(["bash", "-c", backup], env=self.env, timeout=180, check=False)
        dated = sorted(p for p in backups.iterdir() if p.is_dir()) if backups.exists() else []
        self.check(done.returncode == 0 and len(dated) == 1 and (dated[0] / "thidua.dump").exists(),
                   f"d. sao lưu: {done.stdout.strip()}", (done.stderr or done.stdout).strip()[-500:])
        if done.returncode != 0 or len(dated) != 1:
            return
        script = substitute(commands.restore, {"PGHOST": "127.0.0.1", "PGPORT": str(self.cluster.port),
                                               "MEDIA_DIR": str(restored_media)})
        say(f"   B={dated[0]}")
        for line in script.splitlines():
            say(f"   $ {line}")
        env = {k: v for k, v in self.env.items() if k not in ("DATABASE_URL", "MEDIA_DIR") and not k.startswith("PG")}
        env["B"] = str(dated[0])
        done = run(["bash", "-e", "-c", script], env=env, timeout=300, check=False)
        last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
        restored = sorted(p for p in restored_media.rglob("*") if p.is_file())
        self.check(done.returncode == 0 and bool(restored),
                   f"d. khôi phục vào cơ sở dữ liệu mới thidua_thu của cụm diễn tập và MEDIA_DIR trống: "
                   f"{len(restored)} tệp; verify_files mã {done.returncode} ({last})",
                   (done.stderr or done.stdout).strip()[-800:])
        if not restored:
            return
        victim = restored[len(restored) // 2]
        victim.unlink()
        check_env = {**env, "DATABASE_URL": self.cluster.url("thidua_thu"), "MEDIA_DIR": str(restored_media)}
        verify = self.manage("verify_files", env=check_env)
        name = victim.relative_to(restored_media).as_posix()
        self.check(verify.returncode != 0 and "THIẾU" in verify.stdout and name in verify.stdout,
                   f"d. xóa {name} trong bản khôi phục: verify_files mã {verify.returncode}, báo THIẾU tệp đó",
                   verify.stdout.strip()[-500:])


FILES_SNIPPET = """
import json
from common import files
from common.models import StoredFile
print(json.dumps({"referenced": sorted({r.name for r in files.references()}),
                  "recorded": {row.name: row.size for row in StoredFile.objects.all()}}))
"""

# The PDF benchmark's province-scale data (benchmark_documents rolls it back; here it is kept): a
# whole-campaign summary of UNITS units × 20 indicators, and a one-page decision.
BIG_REPORT_SNIPPET = """
from django.db import transaction
from devtools.management.commands.benchmark_documents import Command
with transaction.atomic():
    report, decision = Command()._data({units}, 20)
print(report.pk, decision.pk)
"""


def free_bytes(folder: Path) -> int:
    stat = os.statvfs(folder)
    return stat.f_bavail * stat.f_frsize


# --- README's commands ------------------------------------------------------------------------------------


@dataclass
class ReadmeCommands:
    backup: str            # the "Sao lưu" line
    backups_folder: str    # the folder B's dated backups are in (/var/backups/thidua)
    restore: str           # the "Khôi phục" bash block


def readme_commands() -> ReadmeCommands:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    backup = re.search(r"\*\*Sao lưu\*\*[^`]*`([^`]+)`", text)
    restore = re.search(r"\*\*Khôi phục\*\*(.*?)```bash\n(.*?)```", text, re.S)
    b = re.search(r"`B=([^`<]+)/<[^>`]+>`", restore[1]) if restore else None
    if backup is None or restore is None or b is None:
        raise DrillError("README.md: the “Sao lưu” command, the “Khôi phục” bash block or its `B=…/<ngày>` not found")
    if b[1] not in backup[1]:
        raise DrillError(f"README.md: the backup command does not write under B's folder {b[1]}")
    return ReadmeCommands(backup[1], b[1], textwrap.dedent(restore[2]).strip())


def substitute(script: str, values: dict[str, str]) -> str:
    """Each NAME=value README's block sets, for NAME in values, given the drill's value instead."""
    for name, value in values.items():
        script, count = re.subn(rf"\b{name}=[^\s;]+", f"{name}={value}", script)
        if count != 1:
            raise DrillError(f"README.md's restore block sets {name} {count} times; the drill expects once")
    return script


# --- main --------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=150,
                        help="units of the large summary report (its rendering time; default %(default)s)")
    parser.add_argument("--timeout", type=int, default=600, help="seconds before the drill gives up")
    parser.add_argument("--keep-logs", type=Path, help="copy the server's and the worker's logs to this folder")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        parser.error("run as root: the drill creates a PostgreSQL cluster and mounts a tmpfs")

    started = time.monotonic()
    remove_leftovers()
    stage = FaultStage(Path(tempfile.mkdtemp(prefix=TMP_PREFIX)))
    stage.keep_logs = args.keep_logs
    atexit.register(stage.cleanup)
    stop_on_signals(args.timeout)
    try:
        return drill(stage, args)
    except DrillError as error:
        say(f"FAIL drill setup: {error}")
        return 2
    finally:
        signal.alarm(0)
        stage.cleanup()
        say(f"Đã dọn: tiến trình, cụm {PG_VERSION}/{CLUSTER}, tmpfs, thư mục tạm. "
            f"Tổng thời gian {time.monotonic() - started:.0f} s.")


def drill(stage: FaultStage, args) -> int:
    for tool in ("pg_createcluster", "pg_ctlcluster", "pg_dropcluster", "pg_dump", "pg_restore", "createdb"):
        if shutil.which(tool) is None:
            raise DrillError(f"{tool} is missing (postgresql-common, postgresql-client-{PG_VERSION})")
    cluster = Cluster(free_port())
    stage.cluster = cluster
    setup_started = time.monotonic()
    cluster.create()
    cluster.ctl("start")
    media = stage.tmp / "media"
    stage.mount_tmpfs(media, MEDIA_SIZE)
    port = free_port()
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("PG", "S3_", "DJANGO_", "GUNICORN_"))},
           "DATABASE_URL": cluster.url(DATABASE), "DJANGO_DEBUG": "false",
           "DJANGO_SECRET_KEY": secrets.token_urlsafe(50), "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
           # Plain HTTP on loopback, no proxy in front.
           "DJANGO_SECURE_SSL_REDIRECT": "false", "DJANGO_SESSION_COOKIE_SECURE": "false",
           "DJANGO_CSRF_COOKIE_SECURE": "false", "APP_TODAY": "", "LOG_LEVEL": "WARNING", "CACHE_URL": "",
           "STORAGE_BACKEND": "filesystem", "MEDIA_DIR": str(media),
           "REPORTS_INLINE_ROWS": "0", "REPORTS_JOB_LEASE_SECONDS": str(LEASE_SECONDS),
           "WORKER_HEARTBEAT_FILE": str(stage.tmp / "worker-heartbeat"),
           "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "2", "GUNICORN_THREADS": "2",
           # What every client was answered, to the last request (the drill's own included).
           "GUNICORN_ACCESS_LOG": str(stage.tmp / "access.log")}
    say(f"Cụm PostgreSQL {PG_VERSION}/{CLUSTER} ở 127.0.0.1:{cluster.port}, MEDIA_DIR tmpfs {MEDIA_SIZE} ở {media}; "
        f"migrate, load_demo, báo cáo tổng kết {args.units} đơn vị…")
    # The demo data and the benchmark's data come from the dev-only app; the servers run without it.
    setup_env = {**env, "DJANGO_DEVTOOLS": "true"}
    for command in (["ensure_database"], ["migrate", "--no-input", "-v0"], ["load_demo"],
                    ["collectstatic", "--no-input", "-v0"]):
        run(MANAGE + command, env=setup_env, timeout=240)
    made = run(MANAGE + ["shell", "-v", "0", "-c", BIG_REPORT_SNIPPET.format(units=args.units)], env=setup_env,
               timeout=240)
    report_pk, decision_pk = (int(n) for n in made.stdout.split()[-2:])

    base = f"http://127.0.0.1:{port}"
    server = stage.start("gunicorn", [str(BIN / "gunicorn"), "-c", "config/gunicorn.conf.py", "config.wsgi"], env=env)
    try:
        wait_http(base + "/healthz", 60, server)
    except DrillError:
        say(stage.log_tail("gunicorn"))
        raise
    say(f"gunicorn {base} (2 × 2 luồng), run_worker; chuẩn bị mất {time.monotonic() - setup_started:.0f} s")
    fault = FaultDrill(stage, cluster, env, base, media, report_pk, decision_pk)
    fault.start_worker()

    for phase in (fault.storage, fault.worker_kills, fault.database_restart, fault.backup_restore):
        phase_started = time.monotonic()
        try:
            phase()
        except DrillError as error:
            fault.check(False, f"{phase.__name__}: {error}")
        say(f"   ({phase.__name__}: {time.monotonic() - phase_started:.0f} s)")

    if server.poll() is not None:
        fault.check(False, "gunicorn still running at the end", stage.log_tail("gunicorn"))
    answered = re.findall(r'" (\d{3}) ', stage.log_text("access"))
    failed = [status for status in answered if status.startswith("5") and status != "503"]
    logged = [line for line in stage.log_text("gunicorn").splitlines() if "Internal Server Error" in line]
    fault.check(bool(answered) and not failed,
                f"nhật ký truy cập của gunicorn: {len(answered)} yêu cầu của cả bài diễn tập, không yêu cầu nào "
                f"trả lời 5xx ngoài 503", f"{len(failed)} lần: {sorted(set(failed))}")
    if logged:
        say(f"   (nhật ký lỗi của gunicorn ghi {len(logged)} lần “Internal Server Error” kèm Traceback cho yêu cầu đã "
            f"trả lời 503: {logged[0].split('Internal Server Error', 1)[1].strip()})")
    return fault.summary()


if __name__ == "__main__":
    sys.exit(main())
