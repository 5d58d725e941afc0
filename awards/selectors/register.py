"""The register of awards as one person's or unit's history."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from awards.models import DecisionLine, RegisterEntry
from units import access
from units.models import Organisation, Person


@dataclass
class RegisterRow:
    award: str
    year: int
    reference: str
    issuer: str
    source: str
    revoked: bool
    revoke_reason: str = ""
    url: str = ""


def register_for(*, person: Person | None = None, organisation: Organisation | None = None) -> list[RegisterRow]:
    """Title history of one person or unit: issued (and revoked) decision lines, then entries
    recorded from outside. Two queries."""
    subject = Q(person=person) if person else Q(organisation=organisation)
    rows = []
    for line in DecisionLine.objects.filter(subject, decision__status__in=["issued", "revoked"]).select_related(
            "award_type", "decision__issuer"):
        decision = line.decision
        rows.append(RegisterRow(line.award_type.name, line.achievement_year, decision.reference, decision.issuer.name,
                                "Quyết định trong hệ thống", decision.status == "revoked", decision.revoke_reason,
                                decision.get_absolute_url()))
    for entry in RegisterEntry.objects.filter(subject).select_related("award_type"):
        rows.append(RegisterRow(entry.award_type.name, entry.achievement_year,
                                f"{entry.reference} ngày {entry.decided_on:%d/%m/%Y}", entry.issuer_name,
                                entry.get_source_display(), False))
    rows.sort(key=lambda r: (-r.year, r.award))
    return rows


def register_subjects(issuers):
    """Who an issuer's register may name: the people and units of its tree (querysets, for a form's
    choices or a workbook's codes)."""
    paths = [i.path for i in issuers]
    return (Person.objects.filter(access.subtree_q(paths, "organisation__path")).select_related("organisation"),
            Organisation.objects.filter(access.subtree_q(paths)))
