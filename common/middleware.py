"""Response headers every page carries, and what every request's fields must not hold."""

from django.conf import settings
from django.http import QueryDict
from django.utils.cache import add_never_cache_headers

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
