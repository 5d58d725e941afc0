"""Receiving an electronic dossier (awards.dossier) from a lower issuer: the package is checked and
kept, then, once the secretariat has matched its units and people, one transaction creates what was
chosen (through units.services, which write their own history), the proposal, its nominations in
state submitted and their files."""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from awards import dossier, rules
from awards.models import AwardType, DossierImport, Nomination, NominationFile, Proposal, ProposalFile
from awards.selectors import dossier as dossier_selectors
from awards.services._common import _award_event, _event, _require_open_campaign
from awards.services.proposals import _fill_key, _save_checked
from awards.workflow import State
from campaigns.models import Campaign
from common import clock, files
from common.text import format_date, nfc, normalise_search
from units import access
from units import services as unit_services
from units.access import SystemActor
from units.models import Gender, Organisation, OrganisationKind, Person, User

# A received file's kind → the closest kind the proposal's own files have.
PROPOSAL_FILE_KINDS = {
    "to_trinh": ProposalFile.Kind.SUBMISSION, "to_trinh_signed": ProposalFile.Kind.SUBMISSION,
    "bien_ban": ProposalFile.Kind.MINUTES, "bien_ban_signed": ProposalFile.Kind.MINUTES,
}
NOMINATION_FILE_KINDS = {"bao_cao_thanh_tich": NominationFile.Kind.ACHIEVEMENT_REPORT}
PROPOSING = "proposing"   # a created unit's parent: the proposing unit, whether matched or created


def _unknown_award_types(manifest: dict) -> list[str]:
    codes = {row["award_type"]["code"] for row in manifest["nominations"]}
    known = set(AwardType.objects.filter(code__in=codes).values_list("code", flat=True))
    return sorted(codes - known)


def _sent_line(manifest: dict) -> str:
    sender = manifest["sender"].get("name", "")
    made = str(manifest.get("created_at", ""))[:10]
    with contextlib.suppress(ValueError):
        made = format_date(date.fromisoformat(made))
    return f"{sender}, gói lập ngày {made}" if made else sender


@transaction.atomic
def receive_dossier(*, by: User | SystemActor, campaign: Campaign, upload) -> DossierImport:
    """Step 1: check the package (awards.dossier.read) and keep it. Refuses, naming the file, a
    package that does not match its manifest, and one this issuer has received before."""
    campaign = Campaign.objects.select_related("issuer").get(pk=campaign.pk)
    access.require(by, "nomination.review", campaign.issuer)
    _require_open_campaign(campaign)
    if upload.size > dossier.MAX_PACKAGE_BYTES:
        raise ValidationError({"file": f"Tệp lớn hơn {dossier.MAX_PACKAGE_BYTES // (1024 * 1024)} MB: không nhận."})
    data = upload.read()
    try:
        package = dossier.read(data)
    except dossier.DossierError as exc:
        raise ValidationError({"file": str(exc)}) from exc
    unknown = _unknown_award_types(package.manifest)
    if unknown:
        raise ValidationError({"file": "Gói có danh hiệu, hình thức chưa có trong danh mục của hệ thống (mã "
                                       f"{', '.join(unknown)}): hãy bổ sung danh mục trước khi nhận."})
    digest = hashlib.sha256(data).hexdigest()
    earlier = DossierImport.objects.filter(issuer=campaign.issuer, sha256=digest).first()
    if earlier is not None:
        raise ValidationError({"file": _already(earlier)})
    row = DossierImport(issuer=campaign.issuer, campaign=campaign, sha256=digest, size=len(data),
                        manifest=package.manifest, uploaded_by=access.user_or_none(by), uploaded_at=clock.now())
    files.store(row.file, f"ho-so-{digest[:16]}.zip", data)
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError as exc:   # a colleague received the same package a moment ago
        raise ValidationError({"file": "Gói hồ sơ này vừa được một người khác nhận: không nhận lần nữa."}) from exc
    _award_event(by, issuer=campaign.issuer, action="created", target=row, changes=[
        {"field": "sender", "label": "Cơ quan gửi", "before": "", "after": _sent_line(package.manifest)},
        {"field": "sha256", "label": "SHA-256 của gói", "before": "", "after": digest},
        {"field": "campaign", "label": "Phong trào", "before": "", "after": campaign.title[:200]}])
    return row


def _already(earlier: DossierImport) -> str:
    when = format_date(timezone.localtime(earlier.uploaded_at).date())
    if earlier.status == DossierImport.Status.IMPORTED:
        return f"Gói hồ sơ này đã được nhận ngày {when} và đã tạo tờ trình: không nhận lần nữa."
    return (f"Gói hồ sơ này đã được tải lên ngày {when} và đang chờ đối chiếu: mở nó trong danh sách “Hồ sơ chờ "
            "đối chiếu” để tiếp tục.")


@dataclass
class UnitChoice:
    """For a unit without a match: create it (under `parent`: an organisation id or PROPOSING) or
    take an existing one (`pick`, an organisation id)."""

    action: str = ""          # "create" or "pick"
    parent: str = ""
    pick: int | None = None


@dataclass
class PersonChoice:
    action: str = ""          # "create" or "pick"
    pick_code: str = ""       # the employee code of an existing person


def _in_tree(root: Organisation, pk) -> Organisation | None:
    if pk in (None, ""):
        return None
    try:
        return Organisation.objects.get(root_id=root.pk, pk=int(pk), closed_on__isnull=True)
    except (Organisation.DoesNotExist, ValueError, TypeError):
        return None


def _resolve_units(by, root: Organisation, rows, choices: dict[str, UnitChoice],
                   errors: dict) -> dict[str, Organisation]:
    resolved: dict[str, Organisation] = {}
    proposing = None
    # The proposing unit first: the others may be created under it.
    for row in sorted(rows, key=lambda r: not r.proposing):
        field = f"unit-{row.index}"
        if row.match is not None:
            resolved[row.key] = row.match
        else:
            choice = choices.get(row.key) or UnitChoice()
            if choice.action == "pick":
                picked = _in_tree(root, choice.pick)
                if picked is None:
                    errors[field] = f"Chọn đơn vị có sẵn cho “{row.name}”."
                    continue
                resolved[row.key] = picked
            elif choice.action == "create":
                parent = proposing if choice.parent == PROPOSING else _in_tree(root, choice.parent)
                if parent is None:
                    errors[field] = f"Chọn đơn vị cấp trên để tạo “{row.name}”."
                    continue
                kind = row.kind if row.kind in OrganisationKind.values else OrganisationKind.OTHER
                try:
                    resolved[row.key] = unit_services.create_organisation(
                        by=by, parent=parent, name=row.name, code=row.code, kind=kind)
                except ValidationError as exc:
                    errors[field] = f"Không tạo được “{row.name}”: " + " ".join(exc.messages)
                    continue
            else:
                errors[field] = f"Đơn vị “{row.name}” (mã {row.code}) chưa có: chọn tạo mới hoặc chọn đơn vị có sẵn."
                continue
        if row.proposing:
            proposing = resolved[row.key]
    return resolved


def _birth_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _resolve_people(by, root: Organisation, rows, units: dict[str, Organisation], choices: dict[str, PersonChoice],
                    errors: dict) -> dict[str, Person]:
    resolved: dict[str, Person] = {}
    for row in rows:
        field = f"person-{row.index}"
        if row.match is not None:
            resolved[row.key] = row.match
            continue
        choice = choices.get(row.key) or PersonChoice()
        if choice.action == "pick":
            picked = Person.objects.filter(issuer_id=root.pk, employee_code__iexact=choice.pick_code.strip()).first() \
                if choice.pick_code.strip() else None
            if picked is None:
                errors[field] = f"Không có cán bộ mang mã “{choice.pick_code.strip()}” trong cơ quan."
                continue
            resolved[row.key] = picked
        elif choice.action == "create":
            unit = units.get(row.unit_code.upper())
            if unit is None:
                continue   # its unit's own error says what to do
            data = row.data
            gender = data.get("gender") if data.get("gender") in Gender.values else ""
            try:
                resolved[row.key] = unit_services.create_person(
                    by=by, organisation=unit, full_name=row.full_name, employee_code=row.employee_code,
                    birth_date=_birth_date(row.birth_date), gender=gender, position=row.position[:200])
            except ValidationError as exc:
                errors[field] = f"Không tạo được “{row.full_name}”: " + " ".join(exc.messages)
        else:
            errors[field] = f"“{row.full_name}” chưa có trong cơ quan: chọn tạo mới hoặc nhập mã cán bộ có sẵn."
    return resolved


@transaction.atomic
def import_dossier(*, by: User | SystemActor, received: DossierImport, units: dict[str, UnitChoice] | None = None,
                   people: dict[str, PersonChoice] | None = None) -> Proposal:
    """Step 2: create what was chosen, then the proposal with its nominations (state submitted)
    and files. A refusal names the row (ValidationError keyed "unit-N", "person-N" or "__all__")
    and leaves nothing behind."""
    received = DossierImport.objects.select_for_update().select_related("campaign__issuer").get(pk=received.pk)
    campaign = received.campaign
    access.require(by, "nomination.review", campaign.issuer)
    if received.status != DossierImport.Status.RECEIVED:
        raise ValidationError("Gói hồ sơ này đã được nhập thành tờ trình.")
    _require_open_campaign(campaign)
    with received.file.open("rb") as stored:
        data = stored.read()
    try:
        # Read again: what is kept in storage is what was checked, or nothing is made from it.
        package = dossier.read(data)
    except dossier.DossierError as exc:
        raise ValidationError(f"Gói đã lưu không còn khớp: {exc}") from exc
    manifest = package.manifest
    unknown = _unknown_award_types(manifest)
    if unknown:
        raise ValidationError(f"Danh hiệu, hình thức chưa có trong danh mục (mã {', '.join(unknown)}).")
    root = Organisation.objects.get(pk=campaign.issuer.root_id)
    unit_rows, person_rows = dossier_selectors.matching(manifest, root)
    errors: dict[str, str] = {}
    resolved_units = _resolve_units(by, root, unit_rows, units or {}, errors)
    resolved_people = _resolve_people(by, root, person_rows, resolved_units, people or {}, errors)
    if errors:
        raise ValidationError(errors)
    proposal = _create_proposal(by, received, manifest, resolved_units)
    types = {t.code: t for t in AwardType.objects.filter(code__in={r["award_type"]["code"]
                                                                   for r in manifest["nominations"]})}
    by_ref = {}
    for order, row in enumerate(manifest["nominations"], start=1):
        by_ref[row["ref"]] = _create_nomination(by, proposal, row, order, types, resolved_units, resolved_people,
                                                received)
    for item in manifest["files"]:
        name = item["path"].rsplit("/", 1)[-1]
        content = package.files[item["path"]]
        if item.get("nomination"):
            nomination = by_ref[item["nomination"]]
            stored = NominationFile(nomination=nomination, kind=NOMINATION_FILE_KINDS.get(
                item["kind"], NominationFile.Kind.OTHER), uploaded_by=access.user_or_none(by))
        else:
            kind = PROPOSAL_FILE_KINDS.get(item["kind"], ProposalFile.Kind.OTHER)
            stored = ProposalFile(proposal=proposal, kind=kind, uploaded_by=access.user_or_none(by))
        files.store(stored.file, name, content)
        stored.save()
    received.status = DossierImport.Status.IMPORTED
    received.proposal = proposal
    received.imported_by = access.user_or_none(by)
    received.imported_at = clock.now()
    received.save(update_fields=["status", "proposal", "imported_by", "imported_at"])
    _award_event(by, issuer=campaign.issuer, action="changed", target=received, changes=[
        {"field": "status", "label": "Trạng thái", "before": str(DossierImport.Status.RECEIVED.label),
         "after": str(DossierImport.Status.IMPORTED.label)},
        {"field": "proposal", "label": "Tờ trình", "before": "", "after": proposal.title[:200]}])
    return proposal


def _create_proposal(by, received: DossierImport, manifest: dict, units: dict[str, Organisation]) -> Proposal:
    data = manifest["proposal"]
    organisation = units[data["organisation"]["code"].strip().upper()]
    title = nfc(data["title"]).strip()[:500]
    proposal = Proposal(campaign=received.campaign, organisation=organisation, kind=Proposal.Kind.UPWARD,
                        title=title, year=data["year"], status=Proposal.Status.SUBMITTED,
                        number_text=str(data.get("number_text") or "")[:50], submitted_at=clock.now(),
                        note=f"Nhận từ hồ sơ điện tử của {_sent_line(manifest)} (SHA-256 {received.sha256[:16]}…).",
                        created_by=access.user_or_none(by))
    proposal.search_text = normalise_search(f"{proposal.title} {organisation.name}")
    proposal.full_clean(exclude=["search_text"])
    proposal.save()
    _event(by, proposal=proposal, action="created", reason=proposal.note, changes=[
        {"field": "title", "label": "Trích yếu", "before": "", "after": proposal.title},
        {"field": "campaign", "label": "Phong trào", "before": "", "after": received.campaign.title[:200]}])
    return proposal


def _create_nomination(by, proposal: Proposal, row: dict, order: int, types: dict, units: dict, people: dict,
                       received: DossierImport) -> Nomination:
    award = types[row["award_type"]["code"]]
    person = organisation = None
    if row.get("person"):
        code = (row["person"].get("employee_code") or "").strip().upper()
        person = people[code or "#" + row["person"]["full_name"]]
        label = person.full_name
    else:
        organisation = units[row["organisation"]["code"].strip().upper()]
        label = organisation.name
    wanted = "individual" if person else "collective"
    if award.recipient_kind != wanted:
        raise ValidationError(f"{label}: {award.name} không xét cho "
                              f"{'cá nhân' if wanted == 'individual' else 'tập thể'} ở hệ thống này.")
    campaign_year = proposal.campaign.year
    year = row["achievement_year"]
    if campaign_year and not campaign_year - 1 <= year <= campaign_year:
        raise ValidationError(f"{label}: năm thành tích {year} không thuộc phong trào năm {campaign_year} "
                              "(nhận năm đó hoặc năm trước): chọn phong trào khác.")
    nomination = Nomination(proposal=proposal, award_type=award, person=person, organisation=organisation,
                            achievement_year=year, summary=nfc(row.get("summary") or "").strip(),
                            state=State.SUBMITTED, order=order, created_by=access.user_or_none(by))
    if _has_mode() and row.get("mode") in _mode_values():
        nomination.mode = row["mode"]
    elif _has_mode():
        nomination.mode = rules.default_mode(proposal.campaign.form)
    _fill_key(nomination, proposal)
    try:
        _save_checked(nomination)
    except ValidationError as exc:
        raise ValidationError(f"{label} – {award.label}: " + " ".join(exc.messages)) from exc
    _event(by, nomination=nomination, action="transition", from_state="", to_state=State.SUBMITTED,
           reason=f"Nhận từ hồ sơ điện tử của {_sent_line(received.manifest)}; người nhận đã đối chiếu đơn vị, "
                  "cá nhân.")
    return nomination


def _has_mode() -> bool:
    # The statistics mode came with issue 16's other item; a package from before it has none.
    return any(f.name == "mode" for f in Nomination._meta.get_fields())


def _mode_values() -> set[str]:
    field = next(f for f in Nomination._meta.get_fields() if f.name == "mode")
    return {value for value, _label in field.choices}

