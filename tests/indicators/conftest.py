from datetime import date

import pytest

from campaigns import services as campaign_services
from campaigns.lifecycle import Status as CampaignStatus
from campaigns.models import ReportingPeriod
from indicators import services
from indicators.evaluation import Comparator as C
from indicators.evaluation import Direction as D
from indicators.models import CampaignIndicator, IndicatorDefinition
from tests.factories import make_campaign
from units.access import SYSTEM


@pytest.fixture
def plan(tree, settings):
    """An issued campaign of Sở A: the hospital and the health centre report; three indicators;
    a six-month period due on 20/6/2026 (today pinned to 10/6/2026)."""
    settings.APP_TODAY = date(2026, 6, 10)
    campaign = make_campaign(tree["A"], "Kế hoạch có chỉ tiêu", participants=[tree["A.BV"], tree["A.TT"]],
                             status=CampaignStatus.IN_PROGRESS)
    period = campaign_services.save_item(by=SYSTEM, campaign=campaign, instance=ReportingPeriod(
        kind="six_month", year=2026, deadline_text="trước ngày 20/6", deadline=date(2026, 6, 20)))
    rows = {}
    for code, name, unit, direction, comparator, target in [
        ("BHYT", "Tỷ lệ tham gia bảo hiểm y tế", "%", D.HIGHER, C.GTE, "≥91%"),
        ("SDD", "Tỷ lệ suy dinh dưỡng", "%", D.LOWER, C.LT, "< 14"),
        ("TYT", "Trạm đạt chuẩn", "trạm", D.HIGHER, C.ALL_OF, "100"),
    ]:
        definition = services.save_definition(by=SYSTEM, instance=IndicatorDefinition(
            issuer=tree["A"], code=code, name=name, unit=unit, direction=direction))
        rows[code] = services.save_indicator(by=SYSTEM, campaign=campaign, instance=CampaignIndicator(
            definition=definition, number=str(len(rows) + 1), comparator=comparator, target_text=target,
            unit_label=unit, rollup=CampaignIndicator.Rollup.SUM if code == "TYT" else CampaignIndicator.Rollup.NONE))
    return {"campaign": campaign, "period": period, "rows": rows}
