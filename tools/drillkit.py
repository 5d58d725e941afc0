"""What the drills in tools/ share (scaleout_drill.py, fault_drill.py):

- the processes a drill starts, each in a session of its own so that it and its children (gunicorn's
  workers) are stopped, or killed, as a group and nothing else is;
- a browser of sorts over urllib: one person's cookies, CSRF, forms, multipart uploads, no redirects
  followed (each request is one round trip);
- one OK/FAIL line per check and the "N passed, M failed" summary;
- Ctrl-C, SIGTERM, SIGHUP and the time limit turned into SystemExit, so `finally` and atexit clean up.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from html.parser import HTMLParser
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
PASSWORD = "demo12345"            # README, "Tài khoản minh họa"


class DrillError(RuntimeError):
    """The drill could not set itself up (not a failed check)."""


def say(text: str) -> None:
    print(text, flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_http(url: str, seconds: float, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + seconds
    parts = urlsplit(url)
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise DrillError(f"{process.args[0]} exited ({process.returncode}) before answering {url}")
        try:
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=2)
            connection.request("GET", parts.path or "/")
            status = connection.getresponse().status
            connection.close()
            if status < 500:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise DrillError(f"no answer from {url} within {seconds:.0f} s")


def stop_on_signals(timeout: int) -> None:
    """Ctrl-C, SIGTERM, SIGHUP and `timeout` seconds become SystemExit, which runs the caller's
    `finally` and atexit clean-up."""

    def stop(signum, _frame):
        raise SystemExit(f"stopped by signal {signum}" if signum != signal.SIGALRM else
                         f"the drill ran past {timeout} s")

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGALRM):
        signal.signal(signum, stop)
    signal.alarm(timeout)


# --- what a drill starts, and how it is taken down -------------------------------------------------------


class Stage:
    """The processes a drill started (and their logs in its temporary folder): cleanup stops
    exactly those."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.processes: list[tuple[str, subprocess.Popen]] = []
        self.cleaned = False

    def start(self, name: str, args: list[str], env: dict[str, str] | None = None) -> subprocess.Popen:
        # Appended to: a process started again under the same name (a worker after a kill) keeps
        # one log.
        log = open(self.tmp / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
        # A session of its own: the process and its workers (gunicorn, nginx) are stopped as a group,
        # and only that group.
        process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
        log.close()
        self.processes.append((name, process))
        return process

    def kill(self, process: subprocess.Popen, signum: int = signal.SIGKILL) -> None:
        """Signal one process the drill started, with its group; waits for it when killed."""
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signum)
        if signum == signal.SIGKILL:
            process.wait(timeout=10)

    def log_tail(self, name: str, lines: int = 15) -> str:
        return "\n".join(self.log_text(name).splitlines()[-lines:])

    def log_text(self, name: str, offset: int = 0) -> str:
        """A process's log, from `offset` bytes on (log_size() taken before a fault: what it logged since)."""
        path = self.tmp / f"{name}.log"
        if not path.exists():
            return ""
        with open(path, "rb") as handle:
            handle.seek(offset)
            return handle.read().decode("utf-8", "replace")

    def log_size(self, name: str) -> int:
        path = self.tmp / f"{name}.log"
        return path.stat().st_size if path.exists() else 0

    def stop_processes(self) -> None:
        """SIGTERM to every group still running, then SIGKILL to those not gone within 20 s."""
        for _name, process in reversed(self.processes):
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        for _name, process in reversed(self.processes):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


# --- a browser of sorts: cookies, CSRF, forms ------------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None   # every request is one round trip to one server


class Browser:
    """One person's cookies, shared by every address on 127.0.0.1 (cookies ignore the port), so a
    session opened through one server is carried to the other."""

    def __init__(self, timeout: float = 60) -> None:
        self.jar = CookieJar()
        self.timeout = timeout
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect)

    def request(self, url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> Response:
        request = urllib.request.Request(url, data=data, headers=headers or {})
        try:
            with self.opener.open(request, timeout=self.timeout) as answer:
                return Response(answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read())
        except urllib.error.HTTPError as answer:
            return Response(answer.code, {k.lower(): v for k, v in answer.headers.items()}, answer.read())

    def get(self, base: str, path: str) -> Response:
        return self.request(base + path)

    def csrf(self) -> str:
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def post(self, base: str, path: str, fields: dict[str, str], files: dict[str, tuple[str, bytes]] | None = None,
             referer: str = "") -> Response:
        fields = {**fields, "csrfmiddlewaretoken": self.csrf()}
        # Behind the proxy the request counts as HTTPS, and Django then wants a same-origin Referer.
        headers = {"Referer": referer or _https(base) + path}
        if files:
            boundary = uuid.uuid4().hex
            body = _multipart(boundary, fields, files)
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        else:
            body = urlencode(fields).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        return self.request(base + path, body, headers)

    def login(self, base: str, username: str, password: str) -> Response:
        self.get(base, "/dang-nhap/")
        return self.post(base, "/dang-nhap/", {"username": username, "password": password, "next": ""})


def _https(base: str) -> str:
    return "https://" + base.split("://", 1)[1]


def _multipart(boundary: str, fields: dict[str, str], files: dict[str, tuple[str, bytes]]) -> bytes:
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, (filename, content) in files.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     "Content-Type: application/octet-stream\r\n\r\n".encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts)


class _Forms(HTMLParser):
    """The fields of every form on a page, as a browser would send them (file inputs left out)."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, str]] = []
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({})
        elif not self.forms:
            return
        elif tag == "input" and attrs.get("name"):
            kind = (attrs.get("type") or "text").lower()
            if kind in ("file", "submit", "button", "reset", "image") or (
                    kind in ("checkbox", "radio") and "checked" not in attrs):
                return
            self.forms[-1][attrs["name"]] = attrs.get("value") or ""
        elif tag == "textarea" and attrs.get("name"):
            self._textarea = attrs["name"]
            self.forms[-1][self._textarea] = ""

    def handle_data(self, data):
        if self._textarea is not None:
            self.forms[-1][self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None


def form_with(html: str, field_name: str) -> dict[str, str] | None:
    parser = _Forms()
    parser.feed(html)
    return next((f for f in parser.forms if field_name in f), None)


def open_grid(browser: Browser, base: str) -> str:
    """The path of a results grid open for entry, from the home page of a unit's user (donvi)."""
    home = browser.get(base, "/")
    if home.status != 200:
        raise DrillError(f"donvi's home page answered {home.status}")
    for path in dict.fromkeys(re.findall(r'href="(/chi-tieu/bao-cao/\d+/\d+/)"', home.text)):
        page = browser.get(base, path)
        if page.status == 200 and form_with(page.text, "version") is not None and 'name="actual-' in page.text:
            return path
    raise DrillError("donvi has no report open for entry on its home page (load_demo)")


def grid_change(html: str) -> tuple[dict[str, str], str, str]:
    """A grid page's form as a browser would send it, one figure cell of it (a plain number if
    there is one) and a value that cell does not hold yet."""
    form = form_with(html, "version")
    if form is None:
        raise DrillError("the page has no results grid")
    cells = sorted(k for k in form if k.startswith("actual-"))
    ratio = set(re.findall(r'name="(actual-\d+)"[^>]*placeholder="vd\. 3/4"', html))
    cell = next((c for c in cells if c not in ratio), cells[0])
    options = ["3/4", "2/4"] if cell in ratio else ["37", "38"]
    return form, cell, next(v for v in options if v != form[cell])


# --- the checks --------------------------------------------------------------------------------------------


class Checks:
    """One OK/FAIL line per check; the summary line and the exit status at the end."""

    def __init__(self) -> None:
        self.results: list[bool] = []

    def check(self, ok: bool, text: str, detail: str = "") -> bool:
        self.results.append(ok)
        say(f"{'OK  ' if ok else 'FAIL'} {text}" + (f"\n       {detail}" if detail and not ok else ""))
        return ok

    def summary(self) -> int:
        failed = self.results.count(False)
        say(f"{len(self.results) - failed} passed, {failed} failed")
        return 1 if failed else 0
