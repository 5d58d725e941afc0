"""A PostgreSQL connection that is gone, told apart from every other database error, and what a
request may safely do about it. Used by common.middleware.DatabaseConnectionMiddleware."""

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template import loader

RETRY_AFTER_SECONDS = 60
CONNECTION_LOST_MESSAGE = "Mất kết nối cơ sở dữ liệu trong giây lát; số liệu bạn nhập vẫn còn, hãy bấm Lưu lại."

# SQLSTATEs of a connection that is gone rather than of a statement that failed: class 08, and the
# server shutting down, crashing or still starting. A deadlock, a lock or statement timeout
# (40P01, 55P03, 57014) is the statement's failure, and replaying it could repeat its side effects.
_GONE = ("08", "57P01", "57P02", "57P03")

# Statements that write nothing. Anything else counts as a write: when unsure, no replay.
_READS = ("SELECT", "SAVEPOINT", "RELEASE", "ROLLBACK", "SET ", "SHOW ")


def is_connection_failure(error: BaseException) -> bool:
    if not isinstance(error, (OperationalError, InterfaceError)):
        return False
    cause = error.__cause__
    # SQLite raises OperationalError for "database is locked" and InterfaceError for a bad
    # parameter: neither means the database went away.
    if cause is None or not type(cause).__module__.startswith("psycopg"):
        return False
    if isinstance(error, InterfaceError):
        return True  # "connection already closed"
    code = getattr(cause, "pgcode", None) or getattr(cause, "sqlstate", None)
    # libpq's own errors have no SQLSTATE: "Connection refused", "server closed the connection
    # unexpectedly", "could not receive data from server".
    return code is None or code.startswith(_GONE)


def connect() -> None:
    """Open the connection, or replace a kept one the server dropped. Django's health check
    (CONN_HEALTH_CHECKS) only runs at a request's first query; doing it first lets an unreachable
    database be answered before the session and the user are read from it."""
    connection.close_if_health_check_failed()
    connection.ensure_connection()


def discard_connection() -> None:
    """Drop a connection that failed. Django checks a connection once per request, so within the
    request every later query would fail on the dead one."""
    connection.close()


def database_reachable() -> bool:
    try:
        connection.ensure_connection()
    except DatabaseError as error:
        if not is_connection_failure(error):
            raise
        discard_connection()
        return False
    return True


def unavailable_response(*, interrupted: bool = False) -> HttpResponse:
    """The 503 page. Rendered without the request: the context processors read the session, the
    user and the messages, all kept in the database."""
    html = loader.render_to_string("503.html", {"interrupted": interrupted})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def refills_after_connection_loss(view):
    """Marks a view that, called again with `request.connection_lost` set, saves nothing and shows
    its form with what was posted and CONNECTION_LOST_MESSAGE."""
    view.refills_after_connection_loss = True
    return view


class RequestWrites:
    """An execute wrapper that tells whether a request may be run again after its connection
    dropped: only if nothing it wrote can be in the database.

    A write inside a transaction is lost with the connection unless the transaction committed, so
    it is replayable until its commit (seen through on_commit) or until a statement runs after the
    transaction ended (it may have committed: no telling). A write outside a transaction commits
    by itself, even when the reply is what got lost. A failure at COMMIT is raised outside any
    statement, so it is never `failure` and never replayed: the commit may have happened."""

    def __init__(self):
        self.reset()

    def reset(self) -> None:
        self.committed = False
        self.open_writes = False
        self.failure: BaseException | None = None

    def __call__(self, execute, sql, params, many, context):
        db = context["connection"]
        in_transaction = db.in_atomic_block
        if self.open_writes and not in_transaction:
            self.committed = True
        if not str(sql).lstrip()[:10].upper().startswith(_READS):
            if in_transaction:
                self.open_writes = True
                db.on_commit(self._mark_committed)
            else:
                self.committed = True
        try:
            return execute(sql, params, many, context)
        except DatabaseError as error:
            if is_connection_failure(error):
                self.failure = error
            raise

    def _mark_committed(self) -> None:
        self.committed = True

    def allows_replay(self, error: BaseException) -> bool:
        return error is self.failure and not self.committed
