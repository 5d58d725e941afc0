"""Plain factory functions (no factory-boy): they go through the services, as real data does."""

from datetime import date

from campaigns import services as campaign_services
from campaigns.models import Campaign
from devtools import history
from units import services
from units.access import SYSTEM
from units.models import Organisation, Person, User

PASSWORD = "mat-khau-thu-nghiem"


def make_org(name: str, code: str, *, parent: Organisation | None = None, kind: str = "other_unit",
             **fields) -> Organisation:
    return services.create_organisation(by=SYSTEM, parent=parent, name=name, code=code, kind=kind, **fields)


def make_user(username: str, organisation: Organisation, role: str, **fields) -> User:
    user, _ = services.create_account(
        by=SYSTEM, username=username, full_name=fields.pop("full_name", username.upper()), email="",
        organisation=organisation, role=role, password=PASSWORD, must_change_password=False,
    )
    return user


def make_person(organisation: Organisation, full_name: str, code: str, **fields) -> Person:
    return services.create_person(by=SYSTEM, organisation=organisation, full_name=full_name, employee_code=code,
                                  **fields)


def make_campaign(issuer: Organisation, title: str = "Phát động phong trào thi đua năm 2026", *,
                  participants: list[Organisation] = (), status: str = "draft", **fields) -> Campaign:
    fields = {"year": 2026, **fields}
    campaign = campaign_services.create_campaign(by=SYSTEM, issuer=issuer, title=title, **fields)
    if participants:
        campaign_services.add_participants(by=SYSTEM, campaign=campaign, organisations=list(participants),
                                           registered_on=date(2026, 1, 15))
    if status != "draft":
        history.import_status(campaign=campaign, status=status, note="test")
        campaign.refresh_from_db()
    return campaign



def make_tree() -> dict[str, Organisation]:
    """The shared organisation tree (conftest's `tree`), built here so that a module-scoped fixture
    can build it too."""
    a = make_org("Sở Y tế A", "SYT", kind="department")
    b = make_org("Sở Y tế B", "SYT", kind="department")
    orgs = {"A": a, "B": b}
    orgs["A.TCHC"] = make_org("Phòng Tổ chức - Hành chính", "TCHC", parent=a, kind="department_office")
    orgs["A.BV"] = make_org("Bệnh viện Đa khoa", "BVDK", parent=a, kind="hospital")
    orgs["A.BV.NOI"] = make_org("Khoa Nội", "BVDK-NOI", parent=orgs["A.BV"], kind="internal")
    orgs["A.TT"] = make_org("Trung tâm Y tế Đức Thọ", "TTYT", parent=a, kind="health_centre")
    orgs["A.TT.TYT"] = make_org("Trạm Y tế xã Đức Lương", "TYT-DL", parent=orgs["A.TT"], kind="station")
    orgs["B.BV"] = make_org("Bệnh viện tỉnh B", "BV", parent=b, kind="hospital")
    return orgs


def make_cast(tree: dict[str, Organisation]) -> dict[str, User]:
    """The users of conftest's `cast`."""
    return {
        "secretariat": make_user("tt.a", tree["A"], "secretariat"),
        "leader": make_user("ld.a", tree["A"], "leader"),
        "council": make_user("hd.a", tree["A"], "council_member"),
        "staff": make_user("dv.bv", tree["A.BV"], "unit_staff"),
        "head": make_user("tdv.bv", tree["A.BV"], "unit_head"),
        "other_staff": make_user("dv.tt", tree["A.TT"], "unit_staff"),
        "outsider": make_user("tt.b", tree["B"], "secretariat"),
        "admin": make_user("qt", tree["A"], "admin"),
    }
