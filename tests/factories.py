"""Plain factory functions (no factory-boy): they go through the services, as real data does."""

from datetime import date

from campaigns import services as campaign_services
from campaigns.models import Campaign
from units import services
from units.models import Organisation, Person, User

PASSWORD = "mat-khau-thu-nghiem"


def make_org(name: str, code: str, *, parent: Organisation | None = None, kind: str = "other_unit",
             **fields) -> Organisation:
    return services.create_organisation(by=None, parent=parent, name=name, code=code, kind=kind, **fields)


def make_user(username: str, organisation: Organisation, role: str, **fields) -> User:
    user, _ = services.create_account(
        by=None, username=username, full_name=fields.pop("full_name", username.upper()), email="",
        organisation=organisation, role=role, password=PASSWORD, must_change_password=False,
    )
    return user


def make_person(organisation: Organisation, full_name: str, code: str, **fields) -> Person:
    return services.create_person(by=None, organisation=organisation, full_name=full_name, employee_code=code,
                                  **fields)


def make_campaign(issuer: Organisation, title: str = "Phát động phong trào thi đua năm 2026", *,
                  participants: list[Organisation] = (), status: str = "draft", **fields) -> Campaign:
    fields = {"year": 2026, **fields}
    campaign = campaign_services.create_campaign(by=None, issuer=issuer, title=title, **fields)
    if participants:
        campaign_services.add_participants(by=None, campaign=campaign, organisations=list(participants),
                                           registered_on=date(2026, 1, 15))
    if status != "draft":
        campaign_services.import_status(campaign=campaign, status=status, note="test")
        campaign.refresh_from_db()
    return campaign

