"""How a tờ trình and a decision name the plan they rest on (issue 15, point 4): the campaign
inside a sentence, not the plan's title in quotes; a plan the registry never numbered cited by
its title, never by blanks."""

import re
from datetime import date

import pytest
from django.urls import reverse

from awards import services
from campaigns.lifecycle import Status as CampaignStatus
from tests.factories import make_campaign

pytestmark = pytest.mark.django_db


def page_text(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return " ".join(re.sub(r"<[^>]+>", "", response.content.decode()).split())


def test_the_proposal_speaks_of_the_campaign_not_of_the_plans_title(login, tree, cast, settings):
    settings.APP_TODAY = date(2026, 11, 10)
    campaign = make_campaign(tree["A"], participants=[tree["A.BV"]], status=CampaignStatus.IN_PROGRESS)
    proposal = services.create_proposal(by=cast["staff"], campaign=campaign, organisation=tree["A.BV"],
                                        title="Đề nghị khen thưởng phong trào năm 2026", year=2026)
    text = page_text(login(cast["staff"]), reverse("reports:proposal-document", args=[proposal.pk]))
    assert "đã có thành tích trong phong trào thi đua năm 2026." in text
    assert "“Phát động" not in text and "năm 2026, năm 2026" not in text
