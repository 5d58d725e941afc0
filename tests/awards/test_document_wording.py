"""How a tờ trình and a decision name the plan they rest on (issue 15, point 4): the campaign
inside a sentence, not the plan's title in quotes; a plan the registry never numbered cited by
its title, never by blanks."""

import re
from datetime import date

import pytest
from django.urls import reverse

from awards import services
from awards.models import Decision
from campaigns.lifecycle import Status as CampaignStatus
from campaigns.models import Campaign
from reports.documents import BLANK
from tests.awards.test_offered_moves import _decided
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


def test_an_issued_decision_cites_an_unnumbered_plan_by_its_title(login, proposal, plan, cast, types, tree):
    _nomination, decision = _decided(proposal, plan, cast, types, tree, "GK_SYT_CN")
    decision.refresh_from_db()
    assert decision.status == Decision.Status.ISSUED and plan["campaign"].number is None
    text = page_text(login(cast["leader"]), reverse("reports:decision-document", args=[decision.pk]))
    cited = "Kế hoạch phát động phong trào thi đua năm 2026 của Sở Y tế A"
    assert f"Căn cứ {cited};" in text and f"trong phong trào thi đua theo {cited}." in text
    assert "Kế hoạch số" not in text and BLANK not in text.split("Căn cứ", 1)[1].split("QUYẾT ĐỊNH")[0]


def test_a_numbered_plan_is_still_cited_by_number_and_date(login, proposal, plan, cast, types, tree):
    Campaign.objects.filter(pk=plan["campaign"].pk).update(number=5, notation="KH-SYT", issue_date=date(2026, 1, 5))
    _nomination, decision = _decided(proposal, plan, cast, types, tree, "GK_SYT_CN")
    text = page_text(login(cast["leader"]), reverse("reports:decision-document", args=[decision.pk]))
    assert "Căn cứ Kế hoạch số 05/KH-SYT ngày 05 tháng 01 năm 2026 của Sở Y tế A;" in text
