"""What the pages of a received electronic dossier show: the campaigns a package may go into and
the matching of the package's units and people against the importer's tree (awards.dossier)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.db.models.functions import Upper

from awards import dossier
from awards.models import DossierImport
from campaigns import lifecycle
from campaigns.models import Campaign
from units import access
from units.models import Organisation, Person, User


def import_campaigns(user: User) -> QuerySet[Campaign]:
    """Campaigns of the issuers whose nominations the user reviews, still taking proposals."""
    issuers = access.organisations_for(user, "nomination.review")
    return (Campaign.objects.filter(issuer__in=issuers, status__in=lifecycle.LIVE).select_related("issuer")
            .order_by("-year", "title"))


def imports_visible_to(user: User) -> QuerySet[DossierImport]:
    issuers = access.organisations_for(user, "nomination.review")
    return DossierImport.objects.filter(issuer__in=issuers).select_related(
        "campaign", "issuer", "uploaded_by", "proposal")


@dataclass
class UnitRow:
    index: int
    code: str
    name: str
    kind: str
    proposing: bool
    match: Organisation | None
    # For the proposing unit: the nearest of its parents (by code) the importer's tree holds, where a
    # created copy goes by default (Bệnh viện A under the province's "Sở Y tế", not at the root).
    parent_match: Organisation | None = None

    @property
    def key(self) -> str:
        return self.code.upper()

    @property
    def name_differs(self) -> bool:
        return self.match is not None and self.match.name.strip().lower() != self.name.strip().lower()


@dataclass
class PersonRow:
    index: int
    employee_code: str
    full_name: str
    birth_date: str
    position: str
    unit_code: str
    unit_name: str
    data: dict
    match: Person | None

    @property
    def key(self) -> str:
        return self.employee_code.upper() or "#" + self.full_name

    @property
    def name_differs(self) -> bool:
        return self.match is not None and self.match.full_name.strip().lower() != self.full_name.strip().lower()

    @property
    def birth_day(self) -> date | None:
        """The birth date the package gives, shown to confirm it is the same person."""
        try:
            return date.fromisoformat(self.birth_date) if isinstance(self.birth_date, str) else None
        except ValueError:
            return None


def matching(manifest: dict, root: Organisation) -> tuple[list[UnitRow], list[PersonRow]]:
    """Each unit of the package against the importer's tree by code, each person against its
    people by employee code (two queries)."""
    units = dossier.units_of(manifest)
    people = dossier.people_of(manifest)
    parent_codes = [code.strip().upper() for code in
                    manifest["proposal"]["organisation"].get("parent_codes") or [] if isinstance(code, str)]
    codes = [unit["code"].upper() for unit in units] + parent_codes
    found = {org.code_upper: org for org in Organisation.objects.filter(root_id=root.pk).annotate(
        code_upper=Upper("code")).filter(code_upper__in=codes)}
    person_codes = [p["employee_code"].upper() for p in people if p["employee_code"]]
    known = {person.code_upper: person for person in Person.objects.filter(issuer_id=root.pk).annotate(
        code_upper=Upper("employee_code")).filter(code_upper__in=person_codes).select_related("organisation")}
    unit_rows = [UnitRow(index=i, code=u["code"], name=u["name"], kind=u["kind"], proposing=u["proposing"],
                         match=found.get(u["code"].upper()),
                         parent_match=next((found[c] for c in parent_codes if c in found), None) if u["proposing"]
                         else None) for i, u in enumerate(units)]
    person_rows = [PersonRow(index=i, employee_code=p["employee_code"], full_name=p["full_name"],
                             birth_date=p.get("birth_date") or "", position=p.get("position") or "",
                             unit_code=p["organisation"]["code"], unit_name=p["organisation"]["name"], data=p,
                             match=known.get(p["employee_code"].upper()) if p["employee_code"] else None)
                   for i, p in enumerate(people)]
    return unit_rows, person_rows
