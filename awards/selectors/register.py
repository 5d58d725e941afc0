"""The register of awards as one person's or unit's history."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q

from awards import eligibility
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
    # What the printable history needs besides (award_history).
    number: str = ""               # "125/QĐ-SYT", without "Số" and the date
    decided_on: date | None = None
    is_yearly: bool = False
    type_order: int = 0
    note: str = ""                 # the Ghi chú column
    award_code: str = ""           # the catalogue's code: how the electronic dossier names the award

    @property
    def decision_text(self) -> str:
        """ "125/QĐ-SYT ngày 05/11/2026": the Số, ký hiệu, ngày column."""
        day = f"ngày {self.decided_on:%d/%m/%Y}" if self.decided_on else ""
        return " ".join(part for part in (self.number, day) if part)


# Entries are typed as the paper reads ("Số 412/QĐ-UBND"); the column's heading already says "Số".
NUMBER_WORD = re.compile(r"^\s*số\s*[:.]?\s*", flags=re.IGNORECASE)
ENTRY_NOTES = {RegisterEntry.Source.BEFORE: "Ghi nhận từ ngoài hệ thống",
               RegisterEntry.Source.HIGHER: "Cấp trên quyết định",
               RegisterEntry.Source.PACKAGE: "Theo hồ sơ điện tử của cấp dưới"}


def register_for(*, person: Person | None = None, organisation: Organisation | None = None) -> list[RegisterRow]:
    """Title history of one person or unit, newest first: issued (and revoked) decision lines, then
    entries recorded from outside. Two queries."""
    subject = Q(person=person) if person else Q(organisation=organisation)
    rows = []
    for line in DecisionLine.objects.filter(subject, decision__status__in=["issued", "revoked"]).select_related(
            "award_type", "decision__issuer"):
        decision = line.decision
        revoked = decision.status == "revoked"
        rows.append(RegisterRow(
            line.award_type.name, line.achievement_year, decision.reference, decision.issuer.name,
            "Quyết định trong hệ thống", revoked, decision.revoke_reason, decision.get_absolute_url(),
            number=f"{decision.number}/{decision.notation}" if decision.number else "",
            decided_on=decision.issue_date, is_yearly=line.award_type.is_yearly, type_order=line.award_type.order,
            note=f"Đã thu hồi: {decision.revoke_reason}" if revoked and decision.revoke_reason
            else ("Đã thu hồi" if revoked else ""), award_code=line.award_type.code))
    for entry in RegisterEntry.objects.filter(subject).select_related("award_type"):
        note = ENTRY_NOTES.get(entry.source, entry.get_source_display())
        rows.append(RegisterRow(
            entry.award_type.name, entry.achievement_year, f"{entry.reference} ngày {entry.decided_on:%d/%m/%Y}",
            entry.issuer_name, entry.get_source_display(), False,
            number=NUMBER_WORD.sub("", entry.reference), decided_on=entry.decided_on,
            is_yearly=entry.award_type.is_yearly, type_order=entry.award_type.order,
            note=f"{note}; {entry.note}" if entry.note else note, award_code=entry.award_type.code))
    rows.sort(key=lambda r: (-r.year, r.award))
    return rows


@dataclass
class AwardHistory:
    """QUÁ TRÌNH KHEN THƯỞNG of one person or unit: the page, the PDF and the workbook print this."""

    name: str
    is_organisation: bool
    unit: str                       # a person's unit; a unit's parent
    position: str = ""
    birth_date: date | None = None
    gender: str = ""
    rows: list[RegisterRow] = field(default_factory=list)          # oldest first
    streaks: list[eligibility.Streak] = field(default_factory=list)
    pk: int = 0


def award_history(*, person: Person | None = None, organisation: Organisation | None = None) -> AwardHistory:
    """The history oldest first, as a nominee's báo cáo thành tích lists it, so the consecutive
    years read down to the summary. Two queries (a person comes with its organisation, a unit with
    its parent). Revoked awards are listed, marked, and left out of the runs."""
    rows = register_for(person=person, organisation=organisation)
    rows.sort(key=lambda r: (r.year, r.type_order, r.decided_on or date.min, r.award))
    counted = sorted((r for r in rows if r.is_yearly and not r.revoked), key=lambda r: (r.type_order, r.award))
    streaks = eligibility.title_streaks((r.award, r.year) for r in counted)
    if person is not None:
        return AwardHistory(name=person.full_name, is_organisation=False, unit=person.organisation.name,
                            position=person.position, birth_date=person.birth_date,
                            gender=person.get_gender_display(), rows=rows, streaks=streaks, pk=person.pk)
    return AwardHistory(name=organisation.name, is_organisation=True,
                        unit=organisation.parent.name if organisation.parent_id else "", rows=rows, streaks=streaks,
                        pk=organisation.pk)


def register_subjects(issuers):
    """Who an issuer's register may name: the people and units of its tree (querysets, for a form's
    choices or a workbook's codes)."""
    paths = [i.path for i in issuers]
    return (Person.objects.filter(access.subtree_q(paths, "organisation__path")).select_related("organisation"),
            Organisation.objects.filter(access.subtree_q(paths)))
