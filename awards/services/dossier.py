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
from awards.models import (
    AwardType,
    DecisionLine,
    DossierImport,
    Nomination,
    NominationFile,
    Proposal,
    ProposalFile,
    RegisterEntry,
)
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
    if _sent_by_itself(package.manifest, campaign.issuer):
        raise ValidationError({"file": "Gói này do chính cơ quan lập: nhận ở cơ quan cấp trên."})
    digest = hashlib.sha256(data).hexdigest()
    earlier = DossierImport.objects.filter(issuer=campaign.issuer, sha256=digest).first() \
        or _same_content(campaign.issuer, package.manifest)
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


def _same_name(a, b) -> bool:
    return " ".join(str(a or "").split()).casefold() == " ".join(str(b or "").split()).casefold()


def _sent_by_itself(manifest: dict, issuer: Organisation) -> bool:
    """The sender is the receiving issuer, or the root of its tree: same code and same name."""
    sender = manifest["sender"]
    candidates = [issuer]
    if issuer.root_id and issuer.root_id != issuer.pk:
        candidates.append(Organisation.objects.get(pk=issuer.root_id))
    return any(_same_name(sender.get("code"), org.code) and _same_name(sender.get("name"), org.name)
               for org in candidates)


def _same_content(issuer: Organisation, manifest: dict) -> DossierImport | None:
    """A package received before whose manifest says the same (awards.dossier.content_key): the same
    dossier downloaded again has another created_at, so another SHA-256. Only packages with the same
    title are read."""
    key = dossier.content_key(manifest)
    for earlier in DossierImport.objects.filter(issuer=issuer, manifest__proposal__title=manifest["proposal"]["title"]):
        if dossier.content_key(earlier.manifest) == key:
            return earlier
    return None


def _already(earlier: DossierImport) -> str:
    when = format_date(timezone.localtime(earlier.uploaded_at).date())
    if earlier.status == DossierImport.Status.IMPORTED:
        return f"Gói hồ sơ này đã được nhận ngày {when} và đã tạo tờ trình: không nhận lần nữa."
    return (f"Gói hồ sơ này đã được tải lên ngày {when} và đang chờ đối chiếu: mở nó trong danh sách “Hồ sơ chờ "
            "đối chiếu” để tiếp tục.")


@transaction.atomic
def discard_dossier(*, by: User | SystemActor, received: DossierImport) -> None:
    """Bỏ hồ sơ này: a package received but not imported is deleted, its zip with it once the
    deletion commits. An imported one stays: its proposal points to it."""
    received = DossierImport.objects.select_for_update().select_related("issuer", "campaign").get(pk=received.pk)
    access.require(by, "nomination.review", received.issuer)
    if received.status != DossierImport.Status.RECEIVED:
        raise ValidationError("Gói hồ sơ này đã được nhập thành tờ trình: không bỏ được.")
    _award_event(by, issuer=received.issuer, action="deleted", target=received, changes=[
        {"field": "sender", "label": "Cơ quan gửi", "before": _sent_line(received.manifest), "after": ""},
        {"field": "sha256", "label": "SHA-256 của gói", "before": received.sha256, "after": ""},
        {"field": "campaign", "label": "Phong trào", "before": received.campaign.title[:200], "after": ""}])
    storage, name = received.file.storage, received.file.name
    received.delete()
    if name:
        transaction.on_commit(lambda: files.remove_quietly(storage, name))


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
    history_types = {t.code: t for t in AwardType.objects.filter(code__in={
        h["award_type"]["code"] for r in manifest["nominations"] for h in r.get("history") or []})}
    for order, row in enumerate(manifest["nominations"], start=1):
        by_ref[row["ref"]] = _create_nomination(by, proposal, row, order, types, resolved_units, resolved_people,
                                                received, history_types)
    for item in manifest["files"]:
        name = item["path"].rsplit("/", 1)[-1]
        content = package.files[item["path"]]
        source_kind = item.get("source_kind") or ""
        if item.get("nomination"):
            nomination = by_ref[item["nomination"]]
            kind = source_kind if source_kind in NominationFile.Kind.values else NOMINATION_FILE_KINDS.get(
                item["kind"], NominationFile.Kind.OTHER)
            stored = NominationFile(nomination=nomination, kind=kind, uploaded_by=access.user_or_none(by))
        else:
            kind = source_kind if source_kind in ProposalFile.Kind.values else PROPOSAL_FILE_KINDS.get(
                item["kind"], ProposalFile.Kind.OTHER)
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
                       received: DossierImport, history_types: dict) -> Nomination:
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
    history = _record_history(by, proposal.campaign.issuer, row.get("history") or [], person, organisation,
                              history_types, received.manifest)
    _event(by, nomination=nomination, action="transition", from_state="", to_state=State.SUBMITTED,
           reason=f"Nhận từ hồ sơ điện tử của {_sent_line(received.manifest)}; người nhận đã đối chiếu đơn vị, "
                  f"cá nhân.{_vote_line(row.get('tally'), received.manifest)}{history}")
    return nomination


def _vote_line(tally: dict | None, manifest: dict) -> str:
    """The lower council's vote, as the nomination's history keeps it for the receiver's council."""
    if not isinstance(tally, dict) or tally.get("yes") is None:
        return ""
    sender = manifest["sender"].get("name", "cấp dưới")
    return (f" Hội đồng Thi đua – Khen thưởng của {sender} biểu quyết: {tally.get('yes')} đồng ý, "
            f"{tally.get('no') or 0} không đồng ý, {tally.get('abstain') or 0} không biểu quyết.")


def _record_history(by, owner: Organisation, history: list[dict], person: Person | None,
                    organisation: Organisation | None, types: dict, manifest: dict) -> str:
    """Write into the receiver's register the awards the sender's register holds for the nominee, so
    that the checks here see the years (three CSTĐCS before a CSTĐ cấp tỉnh). An award already in
    the register (same nominee, award, year) is not written twice; one whose code this catalogue
    lacks, or that has no decision date, is skipped. Returns what was done, for the nomination's
    history."""
    subject = {"person": person} if person else {"organisation": organisation}
    held = set(RegisterEntry.objects.filter(**subject).values_list("award_type__code", "achievement_year"))
    held |= set(DecisionLine.objects.filter(**subject, decision__status="issued")
                .values_list("award_type__code", "achievement_year"))
    sender = str(manifest["sender"].get("name") or "")
    written, unknown, undated = 0, [], []
    for row in history:
        if row.get("revoked"):
            continue
        code, year = row["award_type"]["code"], row["achievement_year"]
        award = types.get(code)
        if award is None:
            unknown.append(f"{row['award_type'].get('name') or code} (mã {code}) năm {year}")
            continue
        if (code, year) in held:
            continue
        decided_on = _birth_date(row.get("decided_on") or "")
        if decided_on is None:
            undated.append(f"{award.name} năm {year}")
            continue
        entry = RegisterEntry(
            **subject, award_type=award, achievement_year=year, source=RegisterEntry.Source.PACKAGE, owner=owner,
            issuer_name=nfc(str(row.get("issuer") or sender)).strip()[:255] or sender[:255],
            reference=nfc(str(row.get("reference") or "")).strip()[:100] or "(không ghi số)",
            decided_on=decided_on, note=f"Theo quá trình khen thưởng trong hồ sơ điện tử của {sender}"[:500],
            recorded_by=access.user_or_none(by))
        entry.full_clean(exclude=["owner"])
        entry.save()
        held.add((code, year))
        written += 1
        _award_event(by, issuer=owner, action="created", target=entry, changes=[
            {"field": "award", "label": "Khen thưởng", "before": "",
             "after": f"{award.name} năm {year} – {entry.reference}"},
            {"field": "source", "label": "Nguồn", "before": "", "after": str(RegisterEntry.Source.PACKAGE.label)}])
    parts = []
    if written:
        parts.append(f"Đã ghi {written} khen thưởng từ quá trình khen thưởng trong hồ sơ vào sổ khen thưởng.")
    if unknown:
        parts.append("Không ghi vào sổ (danh hiệu, hình thức chưa có trong danh mục): " + "; ".join(unknown) + ".")
    if undated:
        parts.append("Không ghi vào sổ (thiếu ngày quyết định): " + "; ".join(undated) + ".")
    return "".join(" " + part for part in parts)


def _has_mode() -> bool:
    # The statistics mode came with issue 16's other item; a package from before it has none.
    return any(f.name == "mode" for f in Nomination._meta.get_fields())


def _mode_values() -> set[str]:
    field = next(f for f in Nomination._meta.get_fields() if f.name == "mode")
    return {value for value, _label in field.choices}

