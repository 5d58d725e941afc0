"""The results grid when its database connection dies in the middle of a request (PostgreSQL
restarted, a backend killed). The fault is made on the test's own connection only: a second
connection runs pg_terminate_backend on its pid just before the chosen statement runs."""

import psycopg2
import pytest
from django.db import connection
from django.urls import reverse

from indicators.models import Result, Submission, SubmissionEvent

pytestmark = pytest.mark.django_db(transaction=True)

LOST = "Mất kết nối cơ sở dữ liệu trong giây lát; số liệu bạn nhập vẫn còn, hãy bấm Lưu lại."


@pytest.fixture(autouse=True)
def _usable_connection_after(db):
    """A test that fails leaves a killed connection behind: dropped here, before the tables are
    emptied, or the rows of this test would stay for the next ones."""
    yield
    if connection.connection is not None and not connection.is_usable():
        connection.close()


def terminate(pid: int) -> None:
    """From a connection of its own, end the backend `pid` and wait until it has gone."""
    db = connection.settings_dict
    killer = psycopg2.connect(host=db["HOST"], port=db["PORT"], user=db["USER"], password=db["PASSWORD"] or None,
                              dbname=db["NAME"])
    try:
        killer.autocommit = True
        with killer.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s, 5000)", [pid])
            assert cursor.fetchone()[0]
    finally:
        killer.close()


class KillBackend:
    """Execute wrapper: the first `times` statements that `matches` accepts find their connection
    terminated (the request's own connection, never another)."""

    def __init__(self, matches, times: int = 1):
        self.matches, self.left, self.killed = matches, times, 0

    def __call__(self, execute, sql, params, many, context):
        if self.left and self.matches(sql):
            self.left -= 1
            self.killed += 1
            terminate(context["connection"].connection.info.backend_pid)
        return execute(sql, params, many, context)


def writes_results(sql: str) -> bool:
    return sql.startswith(("INSERT INTO \"indicators_result\"", "UPDATE \"indicators_result\""))


def report_url(plan, org):
    return reverse("indicators:report", args=[plan["period"].pk, org.pk])


def grid_data(plan, action="save", version=""):
    rows = plan["rows"]
    return {"action": action, "version": version, "narrative_done": "Đã triển khai tiêm chủng",
            f"actual-{rows['BHYT'].pk}": "92,5", f"actual-{rows['SDD'].pk}": "11,88",
            f"actual-{rows['TYT'].pk}": "12/12", f"note-{rows['TYT'].pk}": "Trạm Tân Kim đạt chuẩn"}


def saved(plan):
    return {r.indicator.definition.code: r.actual_text for r in Result.objects.select_related("indicator__definition")}


def test_a_grid_save_whose_connection_dies_is_run_again_and_saves_every_figure_once(login, plan, tree, cast):
    client = login(cast["staff"])
    kill = KillBackend(writes_results)
    with connection.execute_wrapper(kill):
        response = client.post(report_url(plan, tree["A.BV"]), grid_data(plan))
    assert kill.killed == 1
    assert response.status_code == 302
    assert saved(plan) == {"BHYT": "92,5", "SDD": "11,88", "TYT": "12/12"}
    # The first attempt was rolled back with its connection: one save, not two (versions start at 1).
    assert Submission.objects.get().version == 2
    assert SubmissionEvent.objects.filter(action=SubmissionEvent.Action.CHANGED).count() == 1


def test_a_grid_save_that_loses_its_connection_twice_comes_back_with_every_typed_figure(login, plan, tree, cast):
    client = login(cast["staff"])
    kill = KillBackend(writes_results, times=2)
    with connection.execute_wrapper(kill):
        response = client.post(report_url(plan, tree["A.BV"]), grid_data(plan))
    content = response.content.decode()
    assert kill.killed == 2
    assert response.status_code == 200
    assert LOST in content
    assert 'value="92,5"' in content and 'value="11,88"' in content and 'value="12/12"' in content
    assert 'value="Trạm Tân Kim đạt chuẩn"' in content and "Đã triển khai tiêm chủng" in content
    assert not Result.objects.exists()
    # What came back saves with the next press of "Lưu".
    version = str(Submission.objects.get().version) if Submission.objects.exists() else ""
    assert client.post(report_url(plan, tree["A.BV"]), grid_data(plan, version=version)).status_code == 302
    assert saved(plan) == {"BHYT": "92,5", "SDD": "11,88", "TYT": "12/12"}


def test_a_send_that_loses_its_connection_between_its_save_and_its_send_is_run_again_once(login, plan, tree, cast):
    """Save and send are one transaction (services.save_and_submit_report): a connection lost
    between the two rolls both back, so the request runs again and saves and sends once."""
    client = login(cast["staff"])
    updates = []

    def second_submission_update(sql):
        if sql.startswith('UPDATE "indicators_submission"'):
            updates.append(sql)
        return len(updates) == 2

    kill = KillBackend(second_submission_update)
    with connection.execute_wrapper(kill):
        response = client.post(report_url(plan, tree["A.BV"]), grid_data(plan, action="submit"))
    assert kill.killed == 1
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert (submission.version, submission.status) == (3, "submitted")
    assert saved(plan) == {"BHYT": "92,5", "SDD": "11,88", "TYT": "12/12"}
    assert SubmissionEvent.objects.filter(action=SubmissionEvent.Action.CHANGED).count() == 1


def test_a_page_whose_connection_dies_while_it_reads_is_answered_by_one_retry(login, plan, tree, cast):
    client = login(cast["staff"])
    client.post(report_url(plan, tree["A.BV"]), grid_data(plan))
    kill = KillBackend(lambda sql: sql.startswith("SELECT") and '"indicators_result"' in sql)
    with connection.execute_wrapper(kill):
        response = client.get(report_url(plan, tree["A.BV"]))
    assert kill.killed == 1
    assert response.status_code == 200
    assert 'value="92,5"' in response.content.decode()
