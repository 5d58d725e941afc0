"""Response headers every page carries, what every request's fields must not hold, and what a
request does when the database goes away."""

import logging
import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import DatabaseError, connection
from django.http import QueryDict
from django.utils.cache import add_never_cache_headers

from common import db_outage

# No inline script anywhere (static/js/app.js does what pages need); inline style attributes are
# used for table column widths, so styles allow them. Fonts, images and scripts are the project's own.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = getattr(settings, "CONTENT_SECURITY_POLICY", CONTENT_SECURITY_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
        if "Cache-Control" not in response.headers:
            # Every page and file here is someone's data (or a form with their CSRF token): a
            # shared office computer's browser cache or a proxy must keep none of it. Static files
            # arrive with whitenoise's own Cache-Control and keep it.
            add_never_cache_headers(response)
        return response


class QueryCountMiddleware:
    """X-Query-Count on every response, for `manage.py bench` only (settings.BENCH_QUERY_COUNT):
    the benchmark reports queries per request as the server ran them."""

    def __init__(self, get_response):
        from django.core.exceptions import MiddlewareNotUsed

        if not getattr(settings, "BENCH_QUERY_COUNT", False):
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        from django.db import connection

        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response.headers["X-Query-Count"] = str(count)
        return response


class StripNulMiddleware:
    """Drop NUL characters from query strings and posted fields before any view reads them.

    PostgreSQL cannot store a NUL in text (psycopg2 raises "A string literal cannot contain NUL"),
    and a NUL is never something a person meant to type: it comes from a pasted binary or a
    forged request. Forms would refuse it, but searches and reasons are read from request.GET and
    request.POST directly, so it is removed once, here."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = _without_nul(request.GET)
        if request.method == "POST":
            request.POST = _without_nul(request.POST)
        return self.get_response(request)


def _without_nul(query: QueryDict) -> QueryDict:
    if not any("\x00" in key or any("\x00" in value for value in values) for key, values in query.lists()):
        return query
    clean = QueryDict(mutable=True, encoding=query.encoding)
    for key, values in query.lists():
        clean.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
    clean._mutable = False
    return clean


SAFE_METHODS = ("GET", "HEAD")
_outage_logger = logging.getLogger("common.db_outage")


class DatabaseConnectionMiddleware:
    """A database that went away answers with a page, never a 500, and costs no one what they typed.

    Before the view: the connection is opened, or a kept one the server dropped is replaced
    (CONN_HEALTH_CHECKS). If PostgreSQL cannot be reached, the answer is the 503 page.

    A connection lost while the view runs (PostgreSQL restarted, the backend killed):
    - GET and HEAD run the view once more on a new connection;
    - a POST runs once more only if nothing it wrote can be in the database (db_outage.RequestWrites):
      our services are atomic, so a connection lost inside one rolled its transaction back, but a
      view may call two services, and the first may have committed; running it again would save twice;
    - otherwise a view marked `refills_after_connection_loss` is run with `request.connection_lost`
      and shows its form with what was posted (the results grid); any other POST gets the 503 page
      saying the action may not have been saved.
    A connection lost outside the view (the session, the user) still ends as the 503 page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            db_outage.connect()
        except DatabaseError as error:
            if not db_outage.is_connection_failure(error):
                raise
            _outage_logger.warning("database unreachable, 503 for %s %s: %s", request.method, request.path, error)
            db_outage.discard_connection()
            return db_outage.unavailable_response()
        writes = db_outage.RequestWrites()
        request._database_writes = writes
        with connection.execute_wrapper(writes):
            response = self.get_response(request)
        if response.status_code == 500 and getattr(request, "_database_lost", None):
            _outage_logger.warning("database connection lost outside the view, 503 for %s %s: %s", request.method,
                                   request.path, request._database_lost)
            return db_outage.unavailable_response(interrupted=request.method not in SAFE_METHODS)
        return response

    def process_exception(self, request, exception):
        if not db_outage.is_connection_failure(exception) or getattr(request, "_database_retried", False):
            return None
        request._database_retried = True
        db_outage.discard_connection()
        writes = request._database_writes
        safe = request.method in SAFE_METHODS
        view = request.resolver_match
        try:
            if safe or writes.allows_replay(exception):
                _outage_logger.warning("database connection lost, running %s %s again: %s",
                                       request.method, request.path, exception)
                writes.reset()
                try:
                    return _rendered(view.func(request, *view.args, **view.kwargs))
                except DatabaseError as again:
                    if not db_outage.is_connection_failure(again):
                        raise
                    db_outage.discard_connection()
            if not safe and getattr(view.func, "refills_after_connection_loss", False) \
                    and db_outage.database_reachable():
                _outage_logger.warning("database connection lost, %s %s shows its form again", request.method,
                                       request.path)
                request.connection_lost = True
                return _rendered(view.func(request, *view.args, **view.kwargs))
        except DatabaseError as error:
            if not db_outage.is_connection_failure(error):
                raise
            db_outage.discard_connection()
        _outage_logger.warning("database connection lost, 503 for %s %s", request.method, request.path)
        return db_outage.unavailable_response(interrupted=not safe)


def _rendered(response):
    """A TemplateResponse from a view run again is rendered here, where a lost connection is still caught."""
    if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
        response.render()
    return response


def _note_connection_failure(sender, request=None, **kwargs):
    """A connection lost outside the view (reading the session or the user) is turned into a
    500 inside the middleware stack; this marks the request so the 500 becomes the 503 page."""
    error = sys.exc_info()[1]
    if request is not None and error is not None and db_outage.is_connection_failure(error):
        request._database_lost = error


class _LostConnectionFilter(logging.Filter):
    """Django logs that 500 ("Internal Server Error" and its traceback) before the middleware turns
    it into the 503 page: the record is dropped, the middleware logs a warning in its place."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        return not (getattr(record, "status_code", None) == 500 and getattr(request, "_database_lost", None))


got_request_exception.connect(_note_connection_failure, dispatch_uid="common.database-lost")
logging.getLogger("django.request").addFilter(_LostConnectionFilter())
