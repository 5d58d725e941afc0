"""Production server: `gunicorn -c config/gunicorn.conf.py config.wsgi` (make serve).

Sized for this kind of machine (2 cores) and for the PDF figures (README, "Tốc độ tạo PDF"): a
document rendered in a request takes at most ~3 s; anything larger goes to the task worker, so a
request that runs past the timeout is a fault, not a big report.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Read by the settings in every worker (forked from this process): a fixed pool of threads, each
# keeping its PostgreSQL connection for a minute instead of opening one per request.
os.environ.setdefault("DB_CONN_MAX_AGE", "60")
# Sync workers (ORM and WeasyPrint are CPU-bound): about two per core, plus threads for the waits
# on PostgreSQL and on file downloads.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 2))
# gthread, except that on SIGTERM a new connection is refused at once instead of waiting in the
# listen backlog until the last request in flight ends (config/gunicorn_worker.py).
worker_class = "config.gunicorn_worker.ClosingThreadWorker"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
# Requests in flight get this long to finish after SIGTERM; the supervisors wait a little longer
# before they kill (deploy/).
graceful_timeout = 30
keepalive = 5
# A 15-page summary holds ~200 MB while it renders; recycling workers keeps fragmentation in check.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = 200
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
# The proxy terminates TLS and says so in X-Forwarded-Proto (settings.SECURE_PROXY_SSL_HEADER).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
