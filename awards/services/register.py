"""The register of awards, Excel imports, and history loaded from documents (the demo loader)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from awards.models import AwardType, Decision, DecisionLine, Nomination, Proposal, RegisterEntry
from awards.services._common import _award_event, _event, _snapshot
from awards.services.decisions import _check_number, _lines_for
from awards.services.proposals import _fill_key, add_nomination
from awards.workflow import State
from campaigns.models import Campaign, SubCampaign
from common import clock, files
from common.text import nfc, normalise_search
from common.uploads import check_document
from units import access
from units.access import SystemActor
from units.models import Organisation, Person, User


@transaction.atomic
def add_register_entry(*, by: User | SystemActor, owner: Organisation, instance: RegisterEntry, upload=None) -> RegisterEntry:
    """An award decided outside the application (before the system, or by a higher level)."""
    access.require(by, "nomination.review", owner)
    subject = instance.person.organisation if instance.person_id else instance.organisation
    if subject is None or (not access.can_see(by, subject)):
        raise PermissionDenied
    instance.owner = owner
    instance.recorded_by = access.user_or_none(by)
    instance.issuer_name = nfc(instance.issuer_name).strip()
    instance.reference = instance.reference.strip()
    if upload is not None:
        check_document(upload)
        files.store(instance.file, upload.name, upload)
    instance.full_clean(exclude=["owner"])
    instance.save()
    _award_event(by, issuer=owner, action="created", target=instance, changes=[
        {"field": "award", "label": "Khen thưởng", "before": "",
         "after": f"{instance.award_type.name} năm {instance.achievement_year} – {instance.reference}"}])
    return instance


class RowErrors(ValidationError):
    """Row-by-row messages of an import; nothing was saved."""

    def __init__(self, rows: list):
        super().__init__(_("Tệp có dòng chưa đúng; chưa có gì được lưu."))
        self.rows = rows


class _DryRun(Exception):
    pass


def import_nominations(*, by: User | SystemActor, proposal: Proposal, rows: list, dry_run: bool = False) -> list[Nomination]:
    """Add the rows of an Excel list (awards.excel.read_list), all or none. A dry run checks the
    rows the file reader accepted and saves nothing, so that a file with errors gets every
    message at once."""
    try:
        return _import_nominations(by=by, proposal=proposal, rows=rows, dry_run=dry_run)
    except _DryRun:
        return []


@transaction.atomic
def _import_nominations(*, by, proposal, rows, dry_run):
    from awards.excel import RowError

    made, errors = [], []
    for row in rows:
        try:
            with transaction.atomic():
                made.append(add_nomination(by=by, proposal=proposal, award_type=row.award_type, person=row.person,
                                           organisation=row.organisation, programme=row.programme,
                                           achievement_year=row.year, summary=row.summary))
        except ValidationError as error:
            errors.append(RowError(row.row, "Mã danh hiệu, hình thức", " ".join(error.messages)))
    if errors:
        raise RowErrors(errors)
    if dry_run:
        raise _DryRun
    return made


@transaction.atomic
def import_register(*, by: User | SystemActor, owner: Organisation, rows: list) -> list[RegisterEntry]:
    from awards.excel import RowError

    made, errors = [], []
    for row in rows:
        try:
            with transaction.atomic():
                made.append(add_register_entry(by=by, owner=owner, instance=RegisterEntry(
                    person=row.person, organisation=row.organisation, award_type=row.award_type,
                    achievement_year=row.year, issuer_name=row.issuer_name, reference=row.reference,
                    decided_on=row.decided_on, note=row.note)))
        except ValidationError as error:
            errors.append(RowError(row.row, "Số, ký hiệu quyết định", " ".join(error.messages)))
    if errors:
        raise RowErrors(errors)
    return made


@transaction.atomic
def save_eligibility_record(*, by: User | SystemActor, instance, organisation: Organisation):
    """An appraisal, initiative or hold of a person or unit in the user's care."""
    access.require(by, "person.manage", organisation)
    instance.full_clean()
    instance.save()
    _award_event(by, issuer=organisation.root, action="created", target=instance, changes=[
        {"field": "record", "label": str(instance._meta.verbose_name).capitalize(), "before": "",
         "after": str(instance)[:300]}])
    return instance


@transaction.atomic
def import_proposal(*, campaign: Campaign, organisation: Organisation, title: str, year: int,
                    subcampaign: SubCampaign | None = None, kind: str = Proposal.Kind.UPWARD, note: str = "",
                    submitted_at=None) -> Proposal:
    """Record a past proposal, whatever the campaign's state now; its history says where it came from."""
    proposal = Proposal(campaign=campaign, subcampaign=subcampaign, organisation=organisation, kind=kind, title=title,
                        year=year, status=Proposal.Status.SUBMITTED if submitted_at else Proposal.Status.DRAFT,
                        submitted_at=submitted_at)
    proposal.search_text = normalise_search(f"{title} {organisation.name}")
    proposal.save()
    _event(access.SYSTEM, proposal=proposal, action="created", reason=note, changes=[
        {"field": "title", "label": "Trích yếu", "before": "", "after": title}])
    return proposal


@transaction.atomic
def import_nomination(*, proposal: Proposal, award_type: AwardType, person: Person | None = None,
                      organisation: Organisation | None = None, programme: SubCampaign | None = None,
                      year: int | None = None, summary: str = "", state: str = State.DRAFT, reason: str = "",
                      note: str = "") -> Nomination:
    nomination = Nomination(proposal=proposal, award_type=award_type, person=person, organisation=organisation,
                            programme=programme, achievement_year=year or proposal.year, summary=summary,
                            state=state, reason=reason,
                            order=(proposal.nominations.aggregate(m=Max("order"))["m"] or 0) + 1)
    _fill_key(nomination, proposal)
    if state not in (State.DRAFT, State.SUBMITTED, State.RETURNED):
        nomination.accepted_snapshot = _snapshot(nomination)
    nomination.save()
    _event(access.SYSTEM, nomination=nomination, action="transition", from_state="", to_state=state, reason=note or reason)
    return nomination


@transaction.atomic
def import_decision(*, issuer: Organisation, title: str, nominations: list[Nomination], number: int, notation: str,
                    issue_date: date, signer_prefix: str = "", signer_title: str = "", signer_name: str = "",
                    kind: str = Decision.Kind.ISSUER, campaign: Campaign | None = None,
                    revoke_reason: str = "") -> Decision:
    """A past decision with its lines at the base salary of its date; revoked when a reason is given."""
    decision = Decision(issuer=issuer, kind=kind, campaign=campaign, title=title, number=number, notation=notation,
                        issue_date=issue_date, signer_prefix=signer_prefix, signer_title=signer_title,
                        signer_name=signer_name, status=Decision.Status.ISSUED)
    _check_number(decision)
    decision.save()
    DecisionLine.objects.bulk_create(_lines_for(decision, nominations, issue_date))
    if revoke_reason:
        decision.status, decision.revoke_reason, decision.revoked_at = Decision.Status.REVOKED, revoke_reason, clock.now()
        decision.save()
    _award_event(access.SYSTEM, issuer=issuer, action="created", target=decision, reason="Nạp dữ liệu minh họa", changes=[
        {"field": "reference", "label": "Quyết định", "before": "", "after": decision.reference}])
    return decision
