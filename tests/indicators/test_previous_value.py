"""A unit's previous value (the grid's "Kỳ trước", the base of a "giảm 0,3" target) is a figure it
sent: a draft never sent is not a record (the walk of issue 13 saw an unsent draft's figures)."""

from datetime import date

import pytest

from campaigns import services as campaign_services
from campaigns.models import ReportingPeriod
from devtools import history
from indicators import selectors

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("status", "counted"), [("draft", False), ("returned", False), ("submitted", True),
                                                 ("accepted", True)])
def test_only_a_sent_report_gives_the_previous_value(plan, tree, status, counted):
    from units.access import SYSTEM

    earlier = campaign_services.save_item(by=SYSTEM, campaign=plan["campaign"], instance=ReportingPeriod(
        kind="year", year=2025, deadline_text="trước ngày 20/12", deadline=date(2025, 12, 20)))
    bhyt = plan["rows"]["BHYT"]
    history.import_report(period=earlier, organisation=tree["A.BV"], values={bhyt.pk: "88"}, status=status)
    found = selectors.previous_results([tree["A.BV"].pk], [bhyt.definition_id], plan["period"])
    assert ((tree["A.BV"].pk, bhyt.definition_id) in found) is counted
