"""A plan numbered before its date is known is not mistaken for a clash (PostgreSQL cannot
evaluate the year of a missing date inside the uniqueness check)."""

import pytest

from campaigns import services
from units import services as unit_services
from units.access import SYSTEM

pytestmark = pytest.mark.django_db


def test_a_numbered_plan_without_a_date_saves():
    issuer = unit_services.create_organisation(by=SYSTEM, parent=None, name="Sở Y tế X", code="SYTX",
                                               kind="department")
    campaign = services.create_campaign(by=SYSTEM, issuer=issuer, year=2026, notation="KH-SYT", number=5,
                                        title="Phát động phong trào thi đua năm 2026")
    assert campaign.number == 5 and campaign.issue_date is None
