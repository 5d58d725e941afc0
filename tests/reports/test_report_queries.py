"""A report's queries do not grow with the number of units (R20)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from devtools import history
from reports import selectors, services
from tests.indicators.conftest import plan  # noqa: F401  (the indicators' small plan)
from tests.indicators.test_indicator_views import _grow
from units.access import SYSTEM

pytestmark = pytest.mark.django_db


def build(report, today):
    with CaptureQueriesContext(connection) as queries:
        doc = selectors.report_document(report, today)
        services.render_html(doc)
    return len(queries)


def test_a_summary_report_runs_a_constant_number_of_queries(plan, tree, settings):  # noqa: F811
    history.import_report(period=plan["period"], organisation=tree["A.BV"],
                          values={plan["rows"]["BHYT"].pk: "90"}, status="submitted")
    report = services.create_report(by=SYSTEM, campaign=plan["campaign"], organisation=tree["A"], period=plan["period"])
    small = build(report, settings.APP_TODAY)
    _grow(plan, tree, 12)
    assert build(report, settings.APP_TODAY) == small
