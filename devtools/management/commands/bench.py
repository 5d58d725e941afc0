"""`make bench`: the production server (gunicorn, DEBUG off) on 127.0.0.1 against PostgreSQL with the
province data set (generate_scale), driven page by page for a bounded time. Prints per page:
requests/s with 8 concurrent clients, p50 and p95 with 2, queries per request (X-Query-Count from
the server), beside /healthz (one query) as this machine's ceiling, and each page's requests/s as a
share of a bare signed-in Django page's in the same run (devtools/bench_views.py: session, user, one
query, a 50-row table, no base layout). Logs in over plain HTTP with `X-Forwarded-Proto: https`, as a
reverse proxy would.
"""

from __future__ import annotations

import http.client
import os
import re
import secrets
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

PASSWORD = "Bench-12345-x"
SEED = 2026
# name, role, kind (target p95: list/detail/grid/dashboard 100 ms, document-sized 300 ms)
LIST, DOCUMENT = 0.100, 0.300
BARE = "Trang trần Django (50 dòng)"


def calibrate() -> float:
    """Seconds for a fixed pure-Python loop: how fast this machine's CPU is right now."""
    started = time.perf_counter()
    total = 0
    for i in range(5_000_000):
        total += i
    return time.perf_counter() - started


class Client:
    """One keep-alive connection with its cookies, speaking to the server as the proxy would."""

    def __init__(self, port: int):
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: str | None = None, headers: dict | None = None):
        all_headers = {"X-Forwarded-Proto": "https", "Host": f"127.0.0.1:{self.port}",
                       "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), **(headers or {})}
        for attempt in range(2):
            try:
                self.connection.request(method, path, body=body, headers=all_headers)
                response = self.connection.getresponse()
                data = response.read()
                break
            except (http.client.HTTPException, ConnectionError):
                if attempt:
                    raise
                self.connection.close()
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response, data

    def login(self, username: str) -> None:
        _response, page = self.request("GET", "/dang-nhap/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1].decode()
        origin = f"https://127.0.0.1:{self.port}"
        response, _ = self.request("POST", "/dang-nhap/", urlencode({
            "csrfmiddlewaretoken": token, "username": username, "password": PASSWORD}),
            {"Content-Type": "application/x-www-form-urlencoded", "Referer": f"{origin}/dang-nhap/", "Origin": origin})
        if response.status != 302:
            raise CommandError(f"Không đăng nhập được {username} (HTTP {response.status}).")


class Command(BaseCommand):
    help = "Đo tốc độ các trang chính trên dữ liệu quy mô tỉnh với máy chủ gunicorn thật."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=float, default=5.0, help="thời gian đo mỗi trang, mỗi mức tải")
        parser.add_argument("--port", type=int, default=8150)
        parser.add_argument("--scale", type=float, default=1.0)

    def handle(self, *args, seconds: float, port: int, scale: float, **options):
        from django.db import connection

        if connection.vendor != "postgresql":
            raise CommandError("Đo trên PostgreSQL: đặt DATABASE_URL (make bench làm việc này).")
        pages = self._prepare(scale)
        server = self._start(port)
        try:
            clients = {}
            for role in {role for _name, role, _path, _target in pages} - {""}:
                client = Client(port)
                client.login(f"bench.{role}")
                clients[role] = client
            before = calibrate()
            rows = [self._measure(port, name, clients.get(role), path, target, seconds)
                    for name, role, path, target in pages]
            after = calibrate()
        finally:
            server.terminate()
            server.wait(timeout=30)
        self._print(rows, scale)
        # The project's machines are virtual: a fixed loop was seen to run twice as slow on one
        # machine within an hour. Figures of two runs compare only when these do.
        self.stdout.write(f"Chuẩn CPU (vòng Python cố định, trước / sau khi đo): {before:.2f} s / {after:.2f} s")

    # --- data and users -----------------------------------------------------------------------------

    def _prepare(self, scale: float) -> list[tuple[str, str, str, float]]:
        from campaigns.models import Campaign
        from reports import services as report_services
        from reports.models import Report
        from units import services as unit_services
        from units.access import SYSTEM
        from units.models import Organisation, User

        code = f"TINH-{SEED}"
        if not Organisation.objects.filter(code=code, parent__isnull=True).exists():
            self.stdout.write("Tạo dữ liệu quy mô tỉnh (một lần)…")
            call_command("generate_scale", "--scale", str(scale), "--seed", str(SEED), stdout=self.stdout)
        root = Organisation.objects.get(code=code, parent__isnull=True)
        centre = Organisation.objects.filter(root=root, kind="health_centre").order_by("pk").first()
        for role, organisation in [("secretariat", root), ("leader", root), ("council_member", root),
                                   ("unit_staff", centre), ("unit_head", centre)]:
            username = f"bench.{role}"
            user = User.objects.filter(username=username).first()
            if user is None:
                user, _ = unit_services.create_account(by=SYSTEM, username=username, full_name=f"Đo kiểm {role}",
                                                       email="", organisation=organisation, role=role,
                                                       password=PASSWORD, must_change_password=False)
        campaign = Campaign.objects.filter(issuer=root, status="in_progress").order_by("pk").first()
        period = campaign.periods.get(kind="six_month")
        report = Report.objects.filter(campaign=campaign, organisation=root, period=period).first() or \
            report_services.create_report(by=SYSTEM, campaign=campaign, organisation=root, period=period)
        c, p = campaign.pk, period.pk
        return [
            ("/healthz (trần của máy)", "", "/healthz", LIST),
            (BARE, "secretariat", "/bench/bare", LIST),
            ("Trang chủ – Thường trực", "secretariat", reverse("home"), LIST),
            ("Trang chủ – Lãnh đạo", "leader", reverse("home"), LIST),
            ("Trang chủ – Hội đồng", "council_member", reverse("home"), LIST),
            ("Trang chủ – cán bộ đơn vị", "unit_staff", reverse("home"), LIST),
            ("Trang chủ – thủ trưởng đơn vị", "unit_head", reverse("home"), LIST),
            ("Danh sách phong trào", "secretariat", reverse("campaigns:campaign-list"), LIST),
            ("Kế hoạch (chi tiết)", "secretariat", reverse("campaigns:campaign-detail", args=[c]), LIST),
            ("Bảng nhập số liệu của đơn vị", "unit_staff", reverse("indicators:report", args=[p, centre.pk]), LIST),
            ("Kết quả phong trào (dashboard)", "secretariat", reverse("indicators:campaign-results", args=[c]), LIST),
            ("Tình hình nộp báo cáo (ma trận)", "secretariat", reverse("indicators:completeness", args=[c]), DOCUMENT),
            ("Hàng chờ xét đề nghị", "secretariat", reverse("awards:review"), LIST),
            ("Danh sách tờ trình", "secretariat", reverse("awards:proposal-list"), LIST),
            ("Danh sách quyết định", "secretariat", reverse("awards:decision-list"), LIST),
            ("Danh sách cá nhân", "secretariat", reverse("units:person-list"), LIST),
            ("Cây đơn vị", "secretariat", reverse("units:organisation-list"), LIST),
            ("Danh sách báo cáo", "secretariat", reverse("reports:report-list"), LIST),
            ("Khen thưởng, số lượng còn lại", "secretariat", reverse("awards:index"), LIST),
            ("Báo cáo sơ kết (xem trước)", "secretariat", reverse("reports:report", args=[report.pk]), DOCUMENT),
            # Five forms counted from the year's campaigns, decision lines and register entries.
            ("Biểu thống kê thi đua, khen thưởng", "secretariat", reverse("statistics:index"), DOCUMENT),
        ]

    def _start(self, port: int) -> subprocess.Popen:
        base = Path(settings.BASE_DIR)
        env = {**os.environ, "DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
               "DJANGO_ALLOWED_HOSTS": "127.0.0.1", "BENCH_QUERY_COUNT": "true",
               # The bare page is devtools' own (DEBUG is off here, so it is asked for by name).
               "BENCH_BARE_PAGE": "true", "DJANGO_DEVTOOLS": "true", "GUNICORN_BIND": f"127.0.0.1:{port}",
               "GUNICORN_ACCESS_LOG": "", "LOG_LEVEL": "WARNING",
               # Workers recycled in the middle of a measurement would time their own start-up.
               "GUNICORN_MAX_REQUESTS": "0"}
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=base, env=env,
                       check=True)
        server = subprocess.Popen([str(Path(sys.executable).parent / "gunicorn"), "-c", "config/gunicorn.conf.py",
                                   "config.wsgi"], cwd=base, env=env)
        for _ in range(100):
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    return server
            except OSError:
                time.sleep(0.2)
        server.terminate()
        raise CommandError("gunicorn không khởi động được.")

    # --- measuring ------------------------------------------------------------------------------------

    def _measure(self, port, name, login_client, path, target, seconds):
        cookies = dict(login_client.cookies) if login_client else {}

        def run(concurrency: int) -> tuple[list[float], list[int], int]:
            times, queries, errors = [], [], 0
            lock = threading.Lock()
            deadline = time.perf_counter() + seconds

            def worker():
                nonlocal errors
                client = Client(port)
                client.cookies = dict(cookies)
                while time.perf_counter() < deadline:
                    start = time.perf_counter()
                    response, _data = client.request("GET", path)
                    elapsed = time.perf_counter() - start
                    with lock:
                        if response.status != 200:
                            errors += 1
                        times.append(elapsed)
                        queries.append(int(response.getheader("X-Query-Count") or 0))

            threads = [threading.Thread(target=worker) for _ in range(concurrency)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            return times, queries, errors

        def warm_up(connections: int = 40) -> None:
            # Each gunicorn worker keeps its own figures (common/memo.py) and a new connection may
            # land on any worker: enough fresh connections that every worker has made the page
            # once, or its first making (1,6 s for a country's dashboard) lands in a timed run.
            def one():
                for _ in range(connections // 8):
                    client = Client(port)
                    client.cookies = dict(cookies)
                    client.request("GET", path)
                    client.connection.close()

            threads = [threading.Thread(target=one) for _ in range(8)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()

        warm_up()
        run(2)                            # and the connections, the workers' imports
        busy, _queries, errors_busy = run(8)
        calm, queries, errors_calm = run(2)
        calm.sort()
        p95 = calm[min(len(calm) - 1, int(len(calm) * 0.95))]
        row = {"name": name, "rps": len(busy) / seconds, "p50": statistics.median(calm), "p95": p95,
               "queries": statistics.median(queries) if queries else 0, "errors": errors_busy + errors_calm,
               "target": target}
        self.stdout.write(f"  {name}: {row['rps']:.1f} req/s, p95 {p95 * 1000:.0f} ms")
        return row

    def _print(self, rows, scale) -> None:
        ceiling = rows[0]["rps"]
        bare = next(row["rps"] for row in rows if row["name"] == BARE)
        self.stdout.write("")
        self.stdout.write(f"Quy mô {scale:g}× tỉnh, gunicorn {os.cpu_count()} lõi, mỗi mức tải đo trong vài giây.")
        self.stdout.write(f"{'trang':<36}{'req/s (8)':>10}{'p50 (2)':>9}{'p95 (2)':>9}{'truy vấn':>9}"
                          f"{'mục tiêu p95':>14}{'≥ 1/10 trần':>13}{'/ trang trần':>14}{'lỗi':>5}")
        for row in rows:
            row["target"] *= 1.5 if scale > 1 else 1  # the targets: 1,5× those of a province at 10×
            meets = row["p95"] <= row["target"]
            tenth = "—" if row is rows[0] else ("đạt" if row["rps"] >= ceiling / 10 else "CHƯA")
            share = f"{100 * row['rps'] / bare:.0f} %" if bare else "—"
            self.stdout.write(f"{row['name']:<36}{row['rps']:>10.1f}{row['p50'] * 1000:>7.0f}ms"
                              f"{row['p95'] * 1000:>7.0f}ms{row['queries']:>9.0f}{row['target'] * 1000:>8.0f} ms "
                              f"{'đạt' if meets else 'CHƯA':>4}"
                              f"{tenth:>13}{share:>14}{row['errors']:>5}")
