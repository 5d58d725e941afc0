"""The register of awards and its Excel imports."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from awards.models import AwardMode, Nomination, Proposal, RegisterEntry
from awards.services._common import _award_event
from awards.services.proposals import add_nomination
from common import files
from common.text import nfc
from common.uploads import check_document
from units import access
from units.access import SystemActor
from units.models import Organisation, User


@transaction.atomic
def add_register_entry(*, by: User | SystemActor, owner: Organisation, instance: RegisterEntry,
                       upload=None) -> RegisterEntry:
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


def import_nominations(*, by: User | SystemActor, proposal: Proposal, rows: list,
                       dry_run: bool = False) -> list[Nomination]:
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
                                           achievement_year=row.year, summary=row.summary, mode=row.mode))
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
                    decided_on=row.decided_on, note=row.note, mode=row.mode or AwardMode.REGULAR)))
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
