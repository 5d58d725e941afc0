from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from awards import services
from awards.models import AwardType, UnitAuthority
from campaigns import services as campaign_services
from campaigns.lifecycle import Status as CampaignStatus
from campaigns.models import SubCampaign
from tests.factories import make_campaign, make_person
from units.access import SYSTEM

PDF = b"%PDF-1.4\n%test\n1 0 obj<<>>endobj\n"


def pdf(name="to-trinh.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture
def types(db):
    return {t.code: t for t in AwardType.objects.all()}


@pytest.fixture
def plan(tree, settings):
    """Sở A's 2026 campaign, in progress: the hospital and the health centre take part; item 2.2
    allows 1 collective and 2 individuals; item 2.1 counts per programme (2 programmes, 1
    individual each). Today is 10/11/2026."""
    settings.APP_TODAY = date(2026, 11, 10)
    campaign = make_campaign(tree["A"], participants=[tree["A.BV"], tree["A.TT"]], status=CampaignStatus.IN_PROGRESS)
    item = campaign_services.save_subcampaign(by=SYSTEM, campaign=campaign, instance=SubCampaign(
        number="2.2", title="Thi đua nâng cao chất lượng khám chữa bệnh", order=2),
        quotas={"collective": 1, "individual": 2})
    per_programme = campaign_services.save_subcampaign(by=SYSTEM, campaign=campaign, instance=SubCampaign(
        number="2.1", title="Thi đua thực hiện các chương trình mục tiêu", order=1, quota_per_programme=True))
    programmes = [campaign_services.save_subcampaign(by=SYSTEM, campaign=campaign, instance=SubCampaign(
        parent=per_programme, number=f"2.1.{i}", title=title, order=i), quotas={"individual": 1})
        for i, title in enumerate(["Tiêm chủng mở rộng", "Phòng, chống lao"], start=1)]
    people = {key: make_person(org, name, code) for key, org, name, code in [
        ("an", tree["A.BV"], "Nguyễn Văn An", "BV01"), ("binh", tree["A.BV"], "Trần Thị Bình", "BV02"),
        ("cuong", tree["A.BV"], "Lê Văn Cường", "BV03"), ("dung", tree["A.BV.NOI"], "Phạm Thị Dung", "BV04"),
        ("em", tree["A.TT"], "Hoàng Văn Em", "TT01"), ("xa", tree["B.BV"], "Người Sở B", "B01"),
    ]}
    return {"campaign": campaign, "item": item, "per_programme": per_programme, "programmes": programmes,
            "people": people}


@pytest.fixture
def proposal(plan, tree, cast):
    return services.create_proposal(by=cast["staff"], campaign=plan["campaign"], organisation=tree["A.BV"],
                                    subcampaign=plan["item"], title="Đề nghị khen thưởng mục 2.2", year=2026)


def submitted(proposal, cast, *nominations):
    services.add_proposal_file(by=cast["staff"], proposal=proposal, kind="submission", upload=pdf())
    services.submit_proposal(by=cast["staff"], proposal=proposal)
    for n in nominations:
        n.refresh_from_db()
    return nominations


@pytest.fixture
def unit_authority(tree, types):
    authority = UnitAuthority.objects.create(organisation=tree["A.BV"], basis="Quyết định phân cấp (thử nghiệm)")
    authority.award_types.set([types["LDTT"], types["GK_DV_CN"]])
    return authority
