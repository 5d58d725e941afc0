"""A WSGI application for tests/test_gunicorn_stop.py: answers after ?sleep= seconds, so a request
can be in flight while gunicorn is told to stop."""

import time
from urllib.parse import parse_qs


def application(environ, start_response):
    time.sleep(float(parse_qs(environ.get("QUERY_STRING", "")).get("sleep", ["0"])[0]))
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"done"]
