"""Scale-out drill: README's "Mở rộng" tried as written, on one machine.

    .venv/bin/python tools/scaleout_drill.py

Two gunicorn app servers (DEBUG off, one secret key) share a PostgreSQL database made for the
drill, Redis (CACHE_URL) and an S3 object store (STORAGE_BACKEND=s3; moto's server mode stands in
for it: no object-store server can be installed on the project's machines); nginx from Debian
sits in front of them, round-robin. Then, over plain HTTP as the demo users would:

  a. a figure saved through one server is shown at once by the other;
  b. a file uploaded through one downloads byte for byte through the other (and not for another
     agency's user), and lies in the bucket;
  c. a login lock made by wrong passwords on one server holds on the other;
  d. the same three through nginx, each read served by the other upstream than the write.

One line per check (OK/FAIL); the exit status is non-zero when any fails. Everything listens on
loopback only; every process it starts is stopped and the database, the bucket's server, the
Redis keys and the temporary folder are removed, also on Ctrl-C, SIGTERM or the time limit.
"""

from __future__ import annotations

import argparse
import atexit
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from drillkit import (
    BIN,
    PASSWORD,
    ROOT,
    Browser,
    Checks,
    DrillError,
    Response,
    free_port,
    grid_change,
    open_grid,
    say,
    stop_on_signals,
    wait_http,
)
from drillkit import Stage as BaseStage

NGINX = Path("/usr/sbin/nginx")
LOCKED_MESSAGE = "Đăng nhập sai quá nhiều lần"
S3_KEY, S3_SECRET, S3_REGION = "drill", "drill-secret", "us-east-1"


# --- what the drill starts, and how it is taken down ---------------------------------------------------


class Stage(BaseStage):
    """Everything the drill made, so that cleanup() removes exactly that."""

    def __init__(self, tmp: Path, admin_url: str, database: str, redis_url: str) -> None:
        super().__init__(tmp)
        self.admin_url, self.database, self.redis_url = admin_url, database, redis_url
        self.database_made = False

    def cleanup(self) -> None:
        if self.cleaned:
            return
        self.cleaned = True
        self.stop_processes()
        if self.database_made:
            try:
                drop_database(self.admin_url, self.database)
            except Exception as error:  # noqa: BLE001 - cleanup goes on; say what is left behind
                say(f"(could not drop database {self.database}: {error})")
        try:
            import redis

            client = redis.Redis.from_url(self.redis_url)
            for key in client.scan_iter("thidua:*"):
                client.delete(key)
        except Exception as error:  # noqa: BLE001
            say(f"(could not remove the drill's Redis keys: {error})")
        shutil.rmtree(self.tmp, ignore_errors=True)


def _admin_connection(admin_url: str):
    import psycopg2

    connection = psycopg2.connect(admin_url)
    connection.autocommit = True
    return connection


def create_database(admin_url: str, name: str) -> None:
    connection = _admin_connection(admin_url)
    with connection.cursor() as cursor:
        # A database left by a drill that was killed outright (SIGKILL) is replaced.
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0')
    connection.close()


def drop_database(admin_url: str, name: str) -> None:
    connection = _admin_connection(admin_url)
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    connection.close()


def ensure_nginx() -> None:
    """nginx-light from Debian, installed when missing (the drill's machine is the project's: root,
    Debian's packages reachable). Its service is not used: the drill runs its own nginx."""
    if NGINX.exists():
        return
    if os.geteuid() != 0:
        raise DrillError("nginx is missing: apt-get install -y nginx-light (as root)")
    say("Cài nginx-light từ Debian…")
    policy = subprocess.run(["apt-cache", "policy", "nginx-light"], capture_output=True, text=True).stdout
    if "Candidate: (none)" in policy or "Candidate:" not in policy:
        subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "nginx-light"], check=True,
                   env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    if not NGINX.exists():
        raise DrillError("nginx-light installed but /usr/sbin/nginx is missing")


NGINX_CONF = """\
daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 128; }}
http {{
    access_log {tmp}/nginx-access.log;
    client_body_temp_path {tmp}/nginx-body;
    proxy_temp_path {tmp}/nginx-proxy;
    fastcgi_temp_path {tmp}/nginx-fastcgi;
    uwsgi_temp_path {tmp}/nginx-uwsgi;
    scgi_temp_path {tmp}/nginx-scgi;
    client_max_body_size 12m;
    upstream thidua {{
        server 127.0.0.1:{app1};
        server 127.0.0.1:{app2};
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://thidua;
            proxy_set_header Host $http_host;
            # As README's reverse proxy: TLS ends here, the app is told so.
            proxy_set_header X-Forwarded-Proto https;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            # Which app server answered: the drill reads it to pair a write with a read elsewhere.
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
"""


# --- the checks --------------------------------------------------------------------------------------------


@dataclass
class Server:
    name: str
    base: str


class Drill(Checks):
    def __init__(self, stage: Stage, s3, bucket: str, names: dict[str, str]) -> None:
        super().__init__()
        self.stage, self.s3, self.bucket = stage, s3, bucket
        self.names = names   # "127.0.0.1:port" → "app1"

    def upstream(self, response: Response, server: Server) -> str:
        """The app server that answered: the one asked, or through the proxy the one it chose."""
        address = response.headers.get("x-upstream", server.base.split("://", 1)[1])
        return self.names.get(address, address)

    def read_elsewhere(self, browser: Browser, server: Server, path: str, written_by: str) -> tuple[Response, str]:
        """GET path through `server`; through the proxy, until an app server other than the writer answers."""
        for _ in range(4):
            response = browser.get(server.base, path)
            by = self.upstream(response, server)
            if by != written_by:
                return response, by
        return response, by

    def figure(self, browser: Browser, write: Server, read: Server, grid: str, label: str) -> None:
        form, cell, value = grid_change(browser.get(write.base, grid).text)
        form.update({cell: value, "action": "save"})
        saved = browser.post(write.base, grid, form)
        writer = self.upstream(saved, write)
        if saved.status != 302:
            self.check(False, f"{label}: số “{value}” lưu qua {writer}", f"HTTP {saved.status}")
            return
        shown, reader = self.read_elsewhere(browser, read, grid, writer)
        ok = shown.status == 200 and re.search(rf'name="{cell}" value="{re.escape(value)}"', shown.text) is not None
        self.check(ok and reader != writer,
                   f"{label}: số “{value}” lưu qua {writer}, đọc ngay qua {reader} thấy “{value}”",
                   f"HTTP {shown.status}, ô {cell} không có số mới" if not ok else "đọc cùng máy đã ghi")

    def upload(self, browser: Browser, outsider: Browser, write: Server, read: Server, grid: str, label: str) -> None:
        name = f"drill-{uuid.uuid4().hex[:10]}.pdf"
        content = b"%PDF-1.4\n% scale-out drill\n" + secrets.token_bytes(64 * 1024)
        sent = browser.post(write.base, grid + "dinh-kem/", {}, files={"file": (name, content)})
        writer = self.upstream(sent, write)
        page, _reader = self.read_elsewhere(browser, read, grid, writer)
        link = re.search(rf'<a href="(/chi-tieu/tep/\d+/)">{re.escape(name)}</a>', page.text)
        if sent.status != 302 or link is None:
            self.check(False, f"{label}: tệp {name} tải lên qua {writer}",
                       f"HTTP {sent.status}; liên kết trên trang: {'có' if link else 'không'}")
            return
        keys = [o["Key"] for o in self.s3.list_objects_v2(Bucket=self.bucket).get("Contents", [])]
        key = next((k for k in keys if k.endswith("/" + name)), None)
        in_bucket = key is not None and self.s3.get_object(Bucket=self.bucket, Key=key)["Body"].read() == content
        got, reader = self.read_elsewhere(browser, read, link.group(1), writer)
        size = f"{len(content):,}".replace(",", ".")
        same = got.status == 200 and got.body == content and "location" not in got.headers
        self.check(in_bucket and same and reader != writer,
                   f"{label}: tệp {size} byte tải lên qua {writer}, nằm trong bucket ({key}), "
                   f"tải về qua {reader} đúng từng byte",
                   f"trong bucket: {in_bucket}; tải về: HTTP {got.status}, {len(got.body)} byte, "
                   f"Location={got.headers.get('location', '')}")
        refused = outsider.get(read.base, link.group(1))
        self.check(refused.status == 404, f"{label}: cán bộ cơ quan khác (donvi.kontum) mở liên kết tệp: "
                                          f"HTTP {refused.status}", "phải là 404")

    def lock(self, write: Server, read: Server, username: str, label: str) -> None:
        first = Browser().login(read.base, username, PASSWORD)
        if first.status != 302:
            self.check(False, f"{label}: {username} đăng nhập được trước khi thử", f"HTTP {first.status}")
            return
        guesser = Browser()
        proxied = read is write

        def attempt(password: str, number: int) -> Response:
            if proxied and number % 2:
                # A login is two requests (form, then post): one more in between moves the next
                # post to the other upstream, so the attempts alternate between the app servers.
                guesser.get(write.base, "/healthz")
            return guesser.login(write.base, username, password)

        wrong = [attempt("sai-" + secrets.token_hex(4), n) for n in range(5)]
        writers = sorted({self.upstream(r, write) for r in wrong})
        refused = [attempt(PASSWORD, n) for n in range(2 if proxied else 1)] if proxied else \
            [guesser.login(read.base, username, PASSWORD)]
        readers = sorted({self.upstream(r, read) for r in refused})
        ok = all(r.status == 200 and LOCKED_MESSAGE in r.text for r in refused)
        spread = len(writers) == len(readers) == 2 if proxied else writers != readers
        self.check(ok and spread and all(r.status == 200 for r in wrong),
                   f"{label}: 5 lần sai mật khẩu của {username} qua {', '.join(writers)}; mật khẩu đúng qua "
                   f"{', '.join(readers)} bị từ chối (“{LOCKED_MESSAGE}…”)",
                   "; ".join(f"HTTP {r.status}" for r in refused) + ("" if spread else "; không đủ hai máy"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/postgres",
                        help="where to create (and drop) the drill's database")
    parser.add_argument("--database", default="thidua_drill")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/14",
                        help="the shared cache; the drill removes its thidua:* keys there when done")
    parser.add_argument("--timeout", type=int, default=600, help="seconds before the drill gives up")
    args = parser.parse_args(argv)
    for url in (args.postgres, args.redis):
        if urlsplit(url).hostname not in ("127.0.0.1", "localhost", "::1"):
            parser.error(f"loopback only: {url}")

    stage = Stage(tmp=Path(tempfile.mkdtemp(prefix="thidua-drill-")), admin_url=args.postgres,
                  database=args.database, redis_url=args.redis)
    # nginx's workers run as nobody when the drill is root: they must reach their temp folders.
    stage.tmp.chmod(0o711)
    atexit.register(stage.cleanup)
    stop_on_signals(args.timeout)
    started = time.monotonic()
    try:
        return run(stage, args)
    except DrillError as error:
        say(f"FAIL drill setup: {error}")
        return 2
    finally:
        signal.alarm(0)
        stage.cleanup()
        say(f"Đã dọn: tiến trình, cơ sở dữ liệu {args.database}, khóa Redis, thư mục tạm "
            f"({time.monotonic() - started:.0f} s).")


def run(stage: Stage, args) -> int:
    import boto3
    import redis
    from botocore.config import Config

    ensure_nginx()
    try:
        redis.Redis.from_url(args.redis).ping()
    except redis.RedisError as error:
        raise DrillError(f"Redis at {args.redis}: {error}") from error

    # The object store.
    s3_port = free_port()
    s3_url = f"http://127.0.0.1:{s3_port}"
    moto = stage.start("moto", [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(s3_port)])
    wait_http(s3_url + "/moto-api/", 30, moto)
    s3 = boto3.client("s3", endpoint_url=s3_url, region_name=S3_REGION, aws_access_key_id=S3_KEY,
                      aws_secret_access_key=S3_SECRET, config=Config(s3={"addressing_style": "path"}))
    bucket = "thidua-drill"
    s3.create_bucket(Bucket=bucket)

    # One environment for every process: what two production servers would share.
    database_url = args.postgres.rsplit("/", 1)[0] + "/" + args.database
    env = {**os.environ,
           "DATABASE_URL": database_url, "DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
           "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost", "CACHE_URL": args.redis,
           "STORAGE_BACKEND": "s3", "S3_BUCKET": bucket, "S3_ENDPOINT_URL": s3_url, "S3_REGION": S3_REGION,
           "S3_ACCESS_KEY_ID": S3_KEY, "S3_SECRET_ACCESS_KEY": S3_SECRET, "S3_ADDRESSING_STYLE": "path",
           # The app servers are also reached directly over plain HTTP (no proxy in front of them).
           "DJANGO_SECURE_SSL_REDIRECT": "false", "DJANGO_SESSION_COOKIE_SECURE": "false",
           "DJANGO_CSRF_COOKIE_SECURE": "false", "APP_TODAY": "", "LOG_LEVEL": "WARNING",
           "GUNICORN_WORKERS": "2", "GUNICORN_THREADS": "2", "GUNICORN_ACCESS_LOG": ""}
    for name in ("S3_PREFIX", "DJANGO_CSRF_TRUSTED_ORIGINS"):
        env.pop(name, None)

    say(f"Cơ sở dữ liệu {args.database}: migrate, load_demo (tệp minh họa vào bucket {bucket})…")
    create_database(args.postgres, args.database)
    stage.database_made = True
    manage = [str(BIN / "python"), "manage.py"]
    for command in (["migrate", "--no-input", "-v0"], ["load_demo"], ["collectstatic", "--no-input", "-v0"]):
        # load_demo is the dev-only app's (devtools/); the app servers below run without it.
        done = subprocess.run(manage + command, cwd=ROOT, env={**env, "DJANGO_DEVTOOLS": "true"}, capture_output=True,
                              text=True)
        if done.returncode != 0:
            raise DrillError(f"manage.py {command[0]}: {done.stderr.strip()[-2000:]}")

    ports = [free_port(), free_port()]
    servers = []
    for number, port in enumerate(ports, 1):
        process = stage.start(f"app{number}", [str(BIN / "gunicorn"), "-c", "config/gunicorn.conf.py",
                                               "--bind", f"127.0.0.1:{port}", "config.wsgi"], env=env)
        servers.append((Server(f"app{number}", f"http://127.0.0.1:{port}"), process))
    for server, process in servers:
        try:
            wait_http(server.base + "/healthz", 60, process)
        except DrillError:
            say(stage.log_tail(server.name))
            raise
    nginx_port = free_port()
    conf = stage.tmp / "nginx.conf"
    conf.write_text(NGINX_CONF.format(tmp=stage.tmp, app1=ports[0], app2=ports[1], port=nginx_port))
    nginx = stage.start("nginx", [str(NGINX), "-c", str(conf), "-p", str(stage.tmp),
                                  "-e", str(stage.tmp / "nginx-error.log")])
    proxy = Server("nginx", f"http://127.0.0.1:{nginx_port}")
    wait_http(proxy.base + "/healthz", 20, nginx)
    app1, app2 = servers[0][0], servers[1][0]
    say(f"app1 {app1.base}, app2 {app2.base}, nginx {proxy.base} (round-robin), S3 {s3_url}, "
        f"Redis {args.redis}, PostgreSQL {database_url}")

    drill = Drill(stage, s3, bucket, {f"127.0.0.1:{port}": f"app{n}" for n, port in enumerate(ports, 1)})
    outsider = Browser()
    if outsider.login(app2.base, "donvi.kontum", PASSWORD).status != 302:
        raise DrillError("donvi.kontum could not log in")

    unit = Browser()
    if unit.login(app1.base, "donvi", PASSWORD).status != 302:
        raise DrillError("donvi could not log in")
    grid = open_grid(unit, app2.base)
    drill.figure(unit, app1, app2, grid, "a. hai máy")
    drill.upload(unit, outsider, app1, app2, grid, "b. hai máy")
    drill.lock(app1, app2, "hoidong", "c. hai máy")

    through = Browser()
    if through.login(proxy.base, "donvi", PASSWORD).status != 302:
        raise DrillError("donvi could not log in through nginx")
    drill.figure(through, proxy, proxy, grid, "d. qua nginx")
    drill.upload(through, outsider, proxy, proxy, grid, "d. qua nginx")
    drill.lock(proxy, proxy, "lanhdao", "d. qua nginx")

    for name, process in stage.processes:
        if process.poll() is not None:
            drill.check(False, f"{name} still running at the end", stage.log_tail(name))
    return drill.summary()


if __name__ == "__main__":
    sys.exit(main())
