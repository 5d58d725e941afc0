"""The application acts as units.access.SYSTEM, never as a missing actor: a None reaching a
service is an error, and the system's rows name no one ("Hệ thống" on the history pages)."""

import ast
from datetime import date

import pytest

from awards.models import AwardEvent, AwardType, Holiday
from awards.services import catalogue
from campaigns import services as campaign_services
from campaigns.models import CampaignEvent
from indicators import services as indicator_services
from indicators.models import IndicatorDefinition
from reports import services as report_services
from tests.factories import make_campaign
from tests.test_audit_path import SERVICE_MODULES
from units import access, services
from units.access import SYSTEM
from units.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_no_service_tests_for_a_missing_actor():
    """The old `if by is not None:` guards switched every check off for the loaders."""
    found = []
    for path in SERVICE_MODULES:
        for node in ast.walk(ast.parse(path.read_text())):
            if (isinstance(node, ast.Compare) and isinstance(node.left, ast.Name) and node.left.id == "by"
                    and isinstance(node.ops[0], (ast.Is, ast.IsNot))):
                found.append(f"{path.name}:{node.lineno}")
    assert found == []


def test_the_system_may_do_everything_and_is_no_user(tree):
    assert access.can(SYSTEM, "decision.issue", tree["A"])
    assert access.is_admin(SYSTEM)
    assert access.user_or_none(SYSTEM) is None
    with pytest.raises(TypeError, match="access.SYSTEM"):
        access.can(None, "view", tree["A"])


def test_units_service_refuses_no_actor_and_records_the_system_as_no_one(tree):
    with pytest.raises(TypeError):
        services.create_person(by=None, organisation=tree["A.BV"], full_name="Nguyễn Văn An", employee_code="NV1")
    person = services.create_person(by=SYSTEM, organisation=tree["A.BV"], full_name="Nguyễn Văn An",
                                    employee_code="NV1")
    event = AuditEvent.objects.get(target_type="cá nhân", target_id=person.pk)
    assert event.actor is None


def test_campaigns_service_refuses_no_actor_and_stores_no_creator(tree):
    with pytest.raises(TypeError):
        campaign_services.create_campaign(by=None, issuer=tree["A"], title="Phong trào", year=2026)
    campaign = campaign_services.create_campaign(by=SYSTEM, issuer=tree["A"], title="Phong trào", year=2026)
    assert campaign.created_by is None
    assert CampaignEvent.objects.get(campaign=campaign).actor is None


def test_indicators_service_refuses_no_actor(tree):
    definition = IndicatorDefinition(issuer=tree["A"], code="TL1", name="Tỷ lệ", unit="%", direction="higher")
    with pytest.raises(TypeError):
        indicator_services.save_definition(by=None, instance=definition)
    indicator_services.save_definition(by=SYSTEM, instance=definition)
    assert AuditEvent.objects.get(target_id=definition.pk, organisation=tree["A"]).actor is None


def test_awards_service_refuses_no_actor(tree):
    with pytest.raises(TypeError):
        catalogue.save_holiday(by=None, instance=Holiday(day=date(2026, 9, 2), name="Quốc khánh"))
    with pytest.raises(TypeError):
        catalogue.save_unit_authority(by=None, organisation=tree["A.BV"], award_types=[], basis="")
    types = list(AwardType.objects.all()[:1])
    if types:
        catalogue.save_unit_authority(by=SYSTEM, organisation=tree["A.BV"], award_types=types, basis="Quyết định 1")
        assert AwardEvent.objects.get(target_id=tree["A.BV"].pk).actor is None


def test_reports_service_refuses_no_actor(tree):
    campaign = make_campaign(tree["A"])
    with pytest.raises(TypeError):
        report_services.create_report(by=None, campaign=campaign, organisation=tree["A"], period=None)
