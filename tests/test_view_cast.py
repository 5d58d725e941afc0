"""Every page, read by its owner (the secretariat of the issuer), a member (staff of a unit that
takes part) and an outsider (another issuer's secretariat). Hidden objects are a 404 for the
outsider whatever the page; members may look but not manage (403)."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import get_resolver, reverse
from django.utils import timezone

from campaigns import services as campaign_services
from campaigns.lifecycle import Status
from campaigns.models import LegalBasis, Pledge, Recipient, ReportingPeriod, Section, SubCampaign
from indicators import services as indicator_services
from indicators.models import CampaignIndicator, IndicatorDefinition, SubmissionAttachment
from tests.factories import make_campaign, make_person
from units import services as unit_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(tree, cast):
    campaign = make_campaign(tree["A"], "Kế hoạch thi đua", participants=[tree["A.BV"], tree["A.TT"]],
                             status=Status.IN_PROGRESS)
    item = campaign_services.save_subcampaign(by=None, campaign=campaign, instance=SubCampaign(number="1", title="ND"))
    pledge = campaign_services.save_pledge(by=None, campaign=campaign, instance=Pledge(
        title="GU", file=SimpleUploadedFile("gu.pdf", b"%PDF-1.4")), parties=[tree["A.BV"], tree["A.TT"]])
    section = campaign_services.save_item(by=None, campaign=campaign, instance=Section(heading="I."))
    basis = campaign_services.save_item(by=None, campaign=campaign, instance=LegalBasis(text="Luật"))
    recipient = campaign_services.save_item(by=None, campaign=campaign, instance=Recipient(text="UBND tỉnh"))
    period = campaign_services.save_item(by=None, campaign=campaign, instance=ReportingPeriod(
        kind="year", year=2026, deadline=date(2026, 12, 20)))
    bloc = unit_services.create_bloc(by=None, organiser=tree["A"], name="Khối bệnh viện")
    member = unit_services.set_bloc_member(by=None, bloc=bloc, organisation=tree["A.BV"], role="head")
    person = make_person(tree["A.BV"], "Nguyễn Văn An", "NV1")
    participation = campaign.participations.get(organisation=tree["A.BV"])
    c = campaign.pk
    definition = indicator_services.save_definition(by=None, instance=IndicatorDefinition(
        issuer=tree["A"], code="BHYT", name="Tỷ lệ tham gia bảo hiểm y tế", unit="%", direction="higher"))
    indicator = indicator_services.save_indicator(by=None, campaign=campaign, instance=CampaignIndicator(
        definition=definition, number="1", comparator="gte", target_text="≥91%"))
    report = indicator_services.import_report(period=period, organisation=tree["A.BV"], values={indicator.pk: "92"},
                                              status="submitted", submitted_at=timezone.now())
    attachment = SubmissionAttachment(submission=report)
    attachment.file.save("bao-cao.pdf", SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4"), save=True)
    result = report.results.get()
    result.evidence.save("minh-chung.pdf", SimpleUploadedFile("minh-chung.pdf", b"%PDF-1.4"), save=True)
    bv, p = tree["A.BV"].pk, period.pk
    aw = _award_world(tree, campaign, item, person)
    from reports import services as report_services

    whole = report_services.create_report(by=None, campaign=campaign, organisation=tree["A"], period=period)
    own = report_services.create_report(by=None, campaign=campaign, organisation=tree["A.BV"], period=period)
    from tests.reports.conftest import complete

    own = report_services.issue_report(by=None, report=complete(own), number=3, notation="BC-BV", issue_date=date(2026, 11, 9),
                                       signer_title="Giám đốc", signer_name="Nguyễn Văn B")
    own_file = own.files.get()
    from reports import jobs

    job = jobs.start(document="report", obj=whole, title="Báo cáo", by=cast["secretariat"])
    return {
        "organisation": tree["A.BV"], "person": person, "period_pk": p, "bloc": bloc, "member": member, "campaign": campaign,
        "urls": {
            # name: (args, owner, member, outsider) — GET status codes
            "home": ((), 200, 200, 200),
            "healthz": ((), 200, 200, 200),
            "units:organisation-list": ((), 200, 200, 200),
            "units:organisation-detail": ((tree["A.BV"].pk,), 200, 200, 404),
            "units:organisation-create": ((), 200, 403, 200),  # the outsider may create in its own tree
            "units:organisation-update": ((tree["A.BV"].pk,), 200, 403, 404),
            "units:organisation-close": ((tree["A.BV"].pk,), 200, 403, 404),
            "units:person-list": ((), 200, 200, 200),
            "units:person-detail": ((person.pk,), 200, 200, 404),
            "units:person-create": ((), 200, 403, 200),
            "units:person-update": ((person.pk,), 200, 403, 404),
            "units:bloc-list": ((), 200, 200, 200),
            "units:bloc-detail": ((bloc.pk,), 200, 200, 404),
            "units:bloc-create": ((), 200, 403, 200),
            "units:bloc-update": ((bloc.pk,), 200, 403, 404),
            "units:account-list": ((), 200, 404, 200),
            "units:account-create": ((), 200, 404, 200),
            "units:account-detail": ((cast["other_staff"].pk,), 200, 404, 404),
            "units:import": ((), 200, 403, 200),
            "units:export": ((), 200, 200, 200),
            "campaigns:campaign-list": ((), 200, 200, 200),
            "campaigns:campaign-create": ((), 200, 403, 200),
            "campaigns:campaign-detail": ((c,), 200, 200, 404),
            "campaigns:campaign-update": ((c,), 200, 403, 404),
            "campaigns:campaign-history": ((c,), 200, 200, 404),
            "campaigns:campaign-issue": ((c,), 302, 403, 404),  # not a draft: back to the campaign
            "campaigns:campaign-delete": ((c,), 302, 403, 404),  # not a draft: back with a message
            "campaigns:subcampaign-create": ((c,), 200, 403, 404),
            "campaigns:subcampaign-detail": ((c, item.pk), 200, 200, 404),
            "campaigns:subcampaign-update": ((c, item.pk), 200, 403, 404),
            "campaigns:subcampaign-delete": ((c, item.pk), 200, 403, 404),
            "campaigns:participants-add": ((c,), 200, 403, 404),
            "campaigns:participant-remove": ((c, participation.pk), 200, 403, 404),
            "campaigns:pledge-create": ((c,), 200, 403, 404),
            "campaigns:pledge-detail": ((c, pledge.pk), 200, 200, 404),
            "campaigns:pledge-update": ((c, pledge.pk), 200, 403, 404),
            "campaigns:pledge-file": ((c, pledge.pk), 200, 200, 404),
            "campaigns:pledge-delete": ((c, pledge.pk), 200, 403, 404),
            "campaigns:item-create": ((c, "de-muc"), 200, 403, 404),
            "campaigns:item-update": ((c, "de-muc", section.pk), 200, 403, 404),
            "campaigns:item-delete": ((c, "can-cu", basis.pk), 200, 403, 404),
            "password_change": ((), 200, 200, 200),
            "indicators:index": ((), 200, 200, 200),
            "indicators:definition-list": ((), 200, 200, 200),  # lists only the user's issuers
            "indicators:definition-update": ((definition.pk,), 200, 404, 404),
            "indicators:campaign-results": ((c,), 200, 200, 404),
            "indicators:campaign-results-xlsx": ((c,), 200, 200, 404),
            "indicators:indicator-create": ((c,), 200, 403, 404),
            "indicators:indicator-update": ((c, indicator.pk), 200, 403, 404),
            "indicators:indicator-delete": ((c, indicator.pk), 200, 403, 404),
            "indicators:unit-targets": ((c, indicator.pk), 200, 403, 404),
            "indicators:completeness": ((c,), 200, 200, 404),
            "indicators:completeness-xlsx": ((c,), 200, 200, 404),
            "indicators:unit-results": ((c, bv), 200, 200, 404),
            "indicators:unit-results-xlsx": ((c, bv), 200, 200, 404),
            "indicators:report": ((p, bv), 200, 200, 404),
            "indicators:report-template": ((p, bv), 200, 200, 404),
            "indicators:report-upload": ((p, bv), 403, 200, 404),  # the secretariat reviews, it does not enter
            "indicators:attachment-file": ((attachment.pk,), 200, 200, 404),
            "indicators:evidence-file": ((result.pk,), 200, 200, 404),
            "search": ((), 200, 200, 200),
            "awards:index": ((), 200, 200, 200),
            "awards:proposal-list": ((), 200, 200, 200),
            "awards:proposal-create": ((), 403, 200, 403),   # units prepare, the secretariat reviews
            "awards:proposal": ((aw["proposal"].pk,), 200, 200, 404),
            "awards:nomination-create": ((aw["proposal"].pk,), 403, 200, 404),
            "awards:proposal-template": ((aw["proposal"].pk,), 200, 200, 404),
            "awards:proposal-import": ((aw["proposal"].pk,), 403, 200, 404),
            "awards:proposal-file-download": ((aw["proposal_file"].pk,), 200, 200, 404),
            "awards:nomination": ((aw["draft"].pk,), 200, 200, 404),
            "awards:nomination-update": ((aw["draft"].pk,), 403, 200, 404),
            "awards:nomination-file-download": ((aw["nomination_file"].pk,), 200, 200, 404),
            "awards:review": ((), 200, 403, 200),
            "awards:disclosure-list": ((), 200, 403, 200),
            "awards:disclosure-create": ((), 200, 403, 200),
            "awards:disclosure": ((aw["disclosure"].pk,), 200, 404, 404),
            "awards:session-list": ((), 200, 403, 200),
            "awards:session-create": ((), 200, 403, 200),
            "awards:session": ((aw["session"].pk,), 200, 404, 404),
            "awards:session-minutes": ((aw["session"].pk,), 404, 404, 404),   # no signed minutes yet
            "awards:decision-list": ((), 200, 200, 200),
            "awards:decision-create": ((), 403, 403, 403),   # the leader's
            "awards:decision": ((aw["decision"].pk,), 200, 200, 404),   # the unit reads what rewards its staff
            "awards:decision-file": ((aw["decision"].pk,), 404, 404, 404),   # no signed copy yet
            "reports:decision-document": ((aw["decision"].pk,), 200, 200, 404),
            "reports:decision-pdf": ((aw["decision"].pk,), 200, 200, 404),
            "reports:plan-pdf": ((c,), 200, 200, 404),
            "reports:certificates-pdf": ((aw["decision"].pk,), 404, 404, 404),   # a draft: nobody decided yet
            "reports:proposal-document": ((aw["proposal"].pk,), 200, 200, 404),
            "reports:proposal-pdf": ((aw["proposal"].pk,), 200, 200, 404),
            "reports:minutes-document": ((aw["session"].pk,), 200, 404, 404),
            "reports:minutes-pdf": ((aw["session"].pk,), 200, 404, 404),
            "reports:report-list": ((), 200, 200, 200),
            "reports:job": ((job.pk,), 200, 404, 404),   # its requester's
            "reports:job-file": ((job.pk,), 200, 404, 404),
            "reports:report-create": ((c,), 200, 200, 404),   # the member writes its unit's own report
            "reports:report": ((whole.pk,), 200, 404, 404),
            "reports:report-update": ((whole.pk,), 200, 404, 404),
            "reports:report-pdf": ((whole.pk,), 200, 404, 404),
            "reports:report-xlsx": ((whole.pk,), 200, 404, 404),
            "reports:report-file": ((own.pk, own_file.pk), 200, 200, 404),
            "awards:unit-titles": ((), 403, 403, 403),   # the unit head's
            "awards:register": ((), 200, 200, 200),
            "awards:register-person": ((person.pk,), 200, 200, 404),
            "awards:register-organisation": ((bv,), 200, 200, 404),
            "awards:register-add": ((), 200, 403, 200),
            "awards:register-template": ((), 200, 200, 200),
            "awards:register-import": ((), 200, 403, 200),
            "awards:register-file": ((aw["entry"].pk,), 200, 200, 404),
            "awards:catalogue": ((), 200, 200, 200),
            "awards:award-type": ((aw["type"].pk,), 200, 200, 200),
            "awards:award-type-create": ((), 403, 403, 403),   # the administrator's
            "awards:award-type-update": ((aw["type"].pk,), 403, 403, 403),
            "awards:rule-create": ((aw["type"].pk,), 403, 403, 403),
            "awards:rule-update": ((aw["type"].pk, aw["rule"].pk), 403, 403, 403),
            "awards:salaries": ((), 403, 403, 403),
            "awards:holidays": ((), 403, 403, 403),
            "awards:unit-authorities": ((), 403, 403, 403),
            "awards:ratio-caps": ((), 200, 403, 200),
        },
        "award_posts": {
            # name: args — the outsider gets 404 for every one; the unit member for the secretariat's,
            # the council's and the leader's.
            "awards:proposal-bulk-add": ((aw["proposal"].pk,), True),
            "awards:proposal-file": ((aw["proposal"].pk,), True),
            "awards:proposal-submit": ((aw["proposal"].pk,), True),
            "awards:unit-decide": ((aw["proposal"].pk,), True),
            "awards:proposal-file-delete": ((aw["proposal_file"].pk,), True),
            "awards:nomination-file-delete": ((aw["nomination_file"].pk,), True),
            "awards:nomination-delete": ((aw["draft"].pk,), True),
            "awards:nomination-move": ((aw["draft"].pk,), True),
            "awards:nomination-file": ((aw["draft"].pk,), True),
            "awards:record-higher": ((aw["draft"].pk,), True),
            "awards:session-attendance": ((aw["session"].pk,), False),
            "awards:session-tally": ((aw["session"].pk, aw["tally"].pk), False),
            "awards:session-tally-reopen": ((aw["session"].pk, aw["tally"].pk), False),
            "awards:session-close": ((aw["session"].pk,), False),
            "awards:session-reschedule": ((aw["session"].pk,), False),
            "awards:session-minutes-upload": ((aw["session"].pk,), False),
            "awards:session-take-off": ((aw["session"].pk, aw["tally"].pk), False),
            "awards:decision-issue": ((aw["decision"].pk,), False),
            "awards:decision-revoke": ((aw["decision"].pk,), False),
            "awards:decision-delete": ((aw["decision"].pk,), False),
            "awards:decision-line-remove": ((aw["decision"].pk, aw["decision"].lines.get().pk), False),
            "awards:salary-confirm": ((aw["salary"].pk,), False),
            "awards:holiday-delete": ((aw["holiday"].pk,), False),
        },
        "post_only": {
            "units:organisation-reopen": (tree["A.BV"].pk,),
            "units:bloc-member-add": (bloc.pk,),
            "units:bloc-member-remove": (bloc.pk, member.pk),
            "units:account-grant": (cast["other_staff"].pk,),
            "units:account-revoke": (cast["other_staff"].pk, cast["other_staff"].memberships.get().pk),
            "units:account-set-active": (cast["other_staff"].pk,),
            "units:account-reset-password": (cast["other_staff"].pk,),
            "campaigns:campaign-move": (c,),
            "indicators:remind": (c, p),
            "indicators:report-review": (p, bv),
            "indicators:report-exception": (p, bv),
            "indicators:report-override": (p, bv),
            "reports:report-issue": (whole.pk,),
            "reports:report-reopen": (own.pk,),
            "reports:report-signed": (own.pk,),
        },
        "extra": {"recipient": recipient, "period": period},
    }


def _award_world(tree, campaign, item, person):
    """A proposal of the hospital under the campaign: a draft nomination with its files, one in
    disclosure, one before the council, one in a draft decision; a register entry."""
    from awards import services as award_services
    from awards.models import AwardRule, AwardType, BaseSalary, Holiday, RegisterEntry

    types = {t.code: t for t in AwardType.objects.all()}
    pdf = b"%PDF-1.4\n%test\n"
    proposal = award_services.create_proposal(by=None, campaign=campaign, organisation=tree["A.BV"], subcampaign=item,
                                              title="Tờ trình đề nghị khen thưởng", year=2026)
    people = [person] + [make_person(tree["A.BV"], f"Cán bộ {i}", f"CB{i}") for i in range(4)]
    noms = [award_services.add_nomination(by=None, proposal=proposal, award_type=types[code], person=p)
            for code, p in zip(["GK_SYT_CN", "HCLD3_CN", "CSTD_TINH", "LDTT", "GK_SYT_CN"], people, strict=True)]
    proposal_file = award_services.add_proposal_file(by=None, proposal=proposal, kind="submission",
                                                     upload=SimpleUploadedFile("to-trinh.pdf", pdf))
    nomination_file = award_services.add_nomination_file(by=None, nomination=noms[0],
                                                         upload=SimpleUploadedFile("bao-cao.pdf", pdf))
    for n in noms[1:4]:
        award_services._move(None, n, "submitted")
        award_services._move(None, n, "accepted")
    disclosure = award_services.open_disclosure(by=None, issuer=tree["A"], nominations=[noms[1]], title="Công khai",
                                                starts_on=date(2026, 5, 4), working_days=10,
                                                published_at="Cổng thông tin Sở")
    members = [award_services.MemberInput(make_person(tree["A.TCHC"], f"Thành viên {i}", f"HD{i}"), role)
               for i, role in enumerate(["chair", "secretary", "member"])]
    session = award_services.create_session(by=None, issuer=tree["A"], title="Phiên họp", held_on=date(2026, 6, 1),
                                            place="Sở", members=members, nominations=[noms[2]])
    award_services._move(None, noms[3], "approved")
    decision = award_services.create_decision(by=None, issuer=tree["A"], title="Về việc tặng LĐTT",
                                              nominations=[noms[3]])
    entry = award_services.add_register_entry(by=None, owner=tree["A"], instance=RegisterEntry(
        person=person, award_type=types["CSTDCS"], achievement_year=2024, issuer_name="Sở Y tế A",
        reference="9/QĐ-SYT", decided_on=date(2024, 12, 20)), upload=SimpleUploadedFile("qd.pdf", pdf))
    holiday = award_services.save_holiday(by=None, instance=Holiday(day=date(2026, 9, 2), name="Quốc khánh"))
    return {"proposal": proposal, "draft": noms[0], "proposal_file": proposal_file, "nomination_file": nomination_file,
            "disclosure": disclosure, "session": session, "tally": session.tallies.get(), "decision": decision,
            "entry": entry, "type": types["LDTT"], "rule": AwardRule.objects.filter(award_type=types["LDTT"]).first(),
            "salary": BaseSalary.objects.first(), "holiday": holiday}


ROLES = {"owner": "secretariat", "member": "staff", "outsider": "outsider"}


@pytest.mark.parametrize("role", ["owner", "member", "outsider"])
def test_every_page_answers_each_role_as_declared(login, cast, world, role):
    client = login(cast[ROLES[role]])
    column = {"owner": 1, "member": 2, "outsider": 3}[role]
    wrong = {}
    for name, spec in world["urls"].items():
        status = client.get(reverse(name, args=spec[0])).status_code
        if status != spec[column]:
            wrong[name] = (status, spec[column])
    assert wrong == {}


@pytest.mark.parametrize("role", ["member", "outsider"])
def test_state_changing_posts_from_outside_change_nothing(login, cast, world, role):
    client = login(cast[ROLES[role]])
    for name, args in world["post_only"].items():
        response = client.post(reverse(name, args=args), {"to": "under_review", "active": "0", "role": "unit_head",
                                                          "organisation": world["organisation"].pk})
        assert response.status_code in (403, 404), name
    cast["other_staff"].refresh_from_db()
    assert cast["other_staff"].is_active and cast["other_staff"].memberships.count() == 1
    world["campaign"].refresh_from_db()
    assert world["campaign"].status == Status.IN_PROGRESS
    assert world["bloc"].members.count() == 1
    from indicators.models import Submission

    assert Submission.objects.get().status == "submitted"


def test_every_named_url_is_in_the_cast(world):
    """A new page must declare what each role gets here."""
    # report-attachment has its own test below (its member may post).
    declared = (set(world["urls"]) | set(world["post_only"]) | set(world["award_posts"])
                | {"login", "logout", "indicators:report-attachment"})
    names = set()
    for namespace, (_prefix, resolver) in get_resolver().namespace_dict.items():
        if namespace == "admin":
            continue
        names |= {f"{namespace}:{n}" for n in resolver.reverse_dict if isinstance(n, str)}
    names |= {n for n in get_resolver().reverse_dict if isinstance(n, str)}
    assert names - declared == set()


@pytest.mark.parametrize("role", ["member", "owner"])
def test_no_link_on_a_page_leads_to_a_404(login, cast, world, role):
    """What a page offers, the user may open: links to hidden units are plain text."""
    import re

    client = login(cast[ROLES[role]])
    pages = [reverse(name, args=spec[0]) for name, spec in world["urls"].items()
             if spec[{"owner": 1, "member": 2}[role]] == 200 and name != "units:export"
             and not name.endswith("-file")]
    broken, checked = {}, set()
    for page in pages:
        response = client.get(page)
        if not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        for href in set(re.findall(r'href="(/[^"#?]*)', html)) - checked:
            checked.add(href)   # a link shared by many pages (the menu) is followed once
            if href.startswith(("/static/", "/quan-tri-django/", "/dang-xuat/")):
                continue
            status = client.get(href).status_code
            if status in (404, 500):
                broken[href] = (page, status)
    assert broken == {}


def test_attachments_go_only_to_the_units_own_report(login, cast, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from indicators.models import SubmissionAttachment

    url = reverse("indicators:report-attachment", args=[world["period_pk"], world["organisation"].pk])
    before = SubmissionAttachment.objects.count()
    for who, status in (("outsider", 404), ("other_staff", 404), ("secretariat", 403)):
        response = login(cast[who]).post(url, {"file": SimpleUploadedFile("x.pdf", b"%PDF-1.4")})
        assert response.status_code == status, who
    assert SubmissionAttachment.objects.count() == before


@pytest.mark.parametrize("role", ["member", "outsider"])
def test_award_posts_from_outside_are_refused_and_change_nothing(login, cast, world, role):
    from awards.models import Decision, Nomination

    client = login(cast[ROLES[role]])
    before = sorted(Nomination.objects.values_list("pk", "state"))
    for name, (args, unit_may) in world["award_posts"].items():
        if role == "member" and unit_may:
            continue
        response = client.post(reverse(name, args=args), {"target": "submitted", "reason": "x"})
        assert response.status_code in (403, 404), name
    assert sorted(Nomination.objects.values_list("pk", "state")) == before
    assert Decision.objects.get().status == "draft"
