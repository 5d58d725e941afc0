"""All settings, driven by the environment (.env.example lists every variable).

Strict by default: DEBUG is off unless asked for and the secret key has no default, so a
production process can never fall back to development values. `make run` writes a git-ignored
.env with development values on its first run.
"""

from datetime import date

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.env import BASE_DIR, env_bool, env_int, env_list, env_str
from config.storage import default_storage_from_env

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tasks",
    "django_tasks_db",
    "common",
    "units",
    "campaigns",
    "indicators",
    "awards",
    "reports",
]
# Development tooling (devtools/: the demo data, the scale generator, the benchmarks and the bench's
# bare page): installed with DEBUG on, or when asked for by name (the server `manage.py bench` starts,
# the drills); never in production, where no product module imports it.
DEVTOOLS = env_bool("DJANGO_DEVTOOLS", DEBUG)
if DEVTOOLS:
    INSTALLED_APPS.append("devtools")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "common.middleware.SecurityHeadersMiddleware",
    "common.middleware.QueryCountMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below whitenoise (static files need no database), above everything that reads the session
    # or the user from it; its 503 page still gets the security headers above.
    "common.middleware.DatabaseConnectionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "common.middleware.StripNulMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "units.middleware.PasswordChangeRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "units.context_processors.navigation",
            ],
            "builtins": ["common.templatetags.vn"],
        },
    }
]

# SQLite by default (zero configuration for `make run`); PostgreSQL when DATABASE_URL is set.
DATABASE_URL = env_str("DATABASE_URL", "")
if DATABASE_URL:
    # Connections kept between requests only where a fixed number of threads serve them: gunicorn
    # sets DB_CONN_MAX_AGE=60 (config/gunicorn.conf.py). runserver starts a thread per browser
    # connection and each kept its own for a minute, so `make run` on PostgreSQL took every one
    # of the server's 100 connections: there, a request's connection closes when it ends.
    # Health checks: a connection kept across a database restart is tested before it is reused.
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
                                                  conn_health_checks=True)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # A database host that drops packets held each request until gunicorn killed the worker;
        # after 5 s the page says the database cannot be reached (common.middleware, a 503).
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        # A sqlite:// URL gets the same engine as the default file: without it the Vietnamese
        # collation's DDL fails ("near '-'").
        DATABASES["default"]["ENGINE"] = "common.db.sqlite_vi"
        DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
else:
    DATABASES = {
        "default": {
            # Registers the Vietnamese collation on every connection and quotes it in DDL
            # (tech.md §10: Django writes `COLLATE vi-x-icu` unquoted on SQLite).
            "ENGINE": "common.db.sqlite_vi",
            "NAME": BASE_DIR / env_str("SQLITE_PATH", "db.sqlite3"),
            # Server and task worker share one file: IMMEDIATE avoids "database is locked".
            "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE"},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "units.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "units.passwords.UserAttributeSimilarityValidator",
     "OPTIONS": {"user_attributes": ["username", "full_name", "email"]}},
    {"NAME": "units.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "units.passwords.CommonPasswordValidator"},
    {"NAME": "units.passwords.NumericPasswordValidator"},
    {"NAME": "units.passwords.MaximumLengthValidator"},
    {"NAME": "units.passwords.GuessablePasswordValidator"},
]
# Usernames are matched without regard to case (they are unique that way); a locked account
# is told apart from a wrong password once the password is right. The backend applies the login
# limits below to every authentication, the Django admin's included (units/login_limits.py).
AUTHENTICATION_BACKENDS = ["units.backends.AccountBackend"]
LOGIN_MAX_FAILURES = env_int("LOGIN_MAX_FAILURES", 5)
LOGIN_PAUSE_SECONDS = env_int("LOGIN_PAUSE_SECONDS", 15 * 60)
LOGIN_ADDRESS_FREE_FAILURES = env_int("LOGIN_ADDRESS_FREE_FAILURES", 30)
LOGIN_ADDRESS_WINDOW_SECONDS = env_int("LOGIN_ADDRESS_WINDOW_SECONDS", 15 * 60)
LOGIN_ADDRESS_SPACING_SECONDS = env_int("LOGIN_ADDRESS_SPACING_SECONDS", 5)
# The header the reverse proxy sets to the client's address (X-Forwarded-For, X-Real-IP). Empty:
# the socket's peer is the client. Name it only when every request comes through that proxy, or
# anyone could pick the address the per-address limit counts against.
CLIENT_IP_HEADER = env_str("CLIENT_IP_HEADER", "")

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["config.formats"]
# Off on purpose: with it on, every integer in a template is grouped, so years print as
# "2.021". Quantities go through the `so` filter (common/templatetags/vn.py) instead.
USE_THOUSAND_SEPARATOR = False
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# Nothing serves MEDIA_URL: uploaded and generated files only leave through the views that check
# access. STORAGE_BACKEND=s3 keeps them in object storage every app server shares (config/storage.py).
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / env_str("MEDIA_DIR", "media")
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
STORAGES = {
    "default": default_storage_from_env(spool_bytes=FILE_UPLOAD_MAX_MEMORY_SIZE),
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Mail: console in development unless SMTP is configured.
EMAIL_HOST = env_str("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Thi đua <thidua@localhost>")
# Background tasks (large documents): a database queue, worked by `manage.py run_worker` (the
# library's db_worker, started again after a database outage), which `make run` starts beside the server.
TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"), "QUEUES": ["default"]}}
# Touched by run_worker each time its loop comes round; `manage.py worker_health` reads its age.
WORKER_HEARTBEAT_FILE = BASE_DIR / env_str("WORKER_HEARTBEAT_FILE", "var/worker-heartbeat")

# manage.py bench sets this on the server it starts: X-Query-Count on every response.
BENCH_QUERY_COUNT = env_bool("BENCH_QUERY_COUNT", False)
# ... and this: the bare page every page is measured against (devtools/bench_views.py, /bench/bare;
# it needs DEVTOOLS as well).
BENCH_BARE_PAGE = env_bool("BENCH_BARE_PAGE", False)

# Documents with more table rows than this are rendered by the worker (reports/jobs.py).
REPORTS_INLINE_ROWS = env_int("REPORTS_INLINE_ROWS", 200)
# A document job whose worker has not renewed its lease for this long is taken for dead and queued
# again (reports/jobs.py); the fault drill shortens it.
REPORTS_JOB_LEASE_SECONDS = env_int("REPORTS_JOB_LEASE_SECONDS", 120)
# How long a signing tool's one-time link (reports.services.signed) stays usable.
REPORTS_SIGNING_TOKEN_MINUTES = env_int("REPORTS_SIGNING_TOKEN_MINUTES", 30)

# Where the application is reached, for links in e-mails sent outside a request.
SITE_URL = env_str("SITE_URL", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)

# One cache for every app server (redis://host:6379/0): login failures are then counted across
# servers, and sessions are read from it before the database. Empty: each process keeps its own
# (right for a single server; sessions stay in the database either way).
CACHE_URL = env_str("CACHE_URL", "")
if CACHE_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL,
                          "KEY_PREFIX": "thidua"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# With DEBUG off every transport-security setting is on unless explicitly turned off.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# The proxy's and the monitor's health check may come over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env_bool("DJANGO_SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("DJANGO_CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# One clock for the whole application (common/clock.py). Pin it with APP_TODAY=YYYY-MM-DD
# for demos and browser tests; rules never read the clock themselves.
_app_today = env_str("APP_TODAY", "")
try:
    APP_TODAY = date.fromisoformat(_app_today) if _app_today else None
except ValueError as exc:
    raise ImproperlyConfigured(f"APP_TODAY must be YYYY-MM-DD, got {_app_today!r}") from exc

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
                   "json": {"()": "common.logging.JsonFormatter"}},
    # LOG_FORMAT=json in production: one JSON object per line for the log collector.
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": env_str("LOG_FORMAT", "plain")}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint logs every rendering step at INFO; only its warnings (a missing font, a refused fetch) matter.
    "loggers": {"django.db.backends": {"level": "WARNING"}, "weasyprint": {"level": "WARNING"},
                "fontTools": {"level": "WARNING"}},
}
