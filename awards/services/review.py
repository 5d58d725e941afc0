"""The secretariat's moves: one move of the table, acceptance in bulk, disclosure, and the higher
level's decision on a forwarded nomination."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from awards import rules, selectors, workflow
from awards.models import Disclosure, Nomination, Proposal, RegisterEntry
from awards.services._common import (
    _award_event,
    _editable_proposal,
    _locked,
    _move,
    _require_on,
    _require_signed_submission,
)
from awards.workflow import State
from common import clock, files
from common.text import format_date, nfc
from common.uploads import check_document
from units import access
from units.access import SystemActor
from units.models import Organisation, User


@transaction.atomic
def move(*, by: User | SystemActor, nomination: Nomination, target: str, reason: str = "") -> Nomination:
    """One nomination, one move of the table (submit, withdraw, accept, return, reject, approve
    without council, forward upward)."""
    nomination = _locked(nomination)
    # The page's buttons come from the same answer (workflow.offered_moves).
    problem = workflow.refusal(nomination.state, target, **selectors.move_facts(nomination))
    if problem:
        raise ValidationError(problem)
    if target in (State.SUBMITTED, State.WITHDRAWN):
        _editable_proposal(by, nomination.proposal)
    if target == State.SUBMITTED and nomination.state == State.DRAFT:
        _require_signed_submission(nomination.proposal)
    moved = _move(by, nomination, target, reason=reason)
    proposal = nomination.proposal
    if target == State.SUBMITTED and proposal.status == Proposal.Status.DRAFT:
        proposal.status, proposal.submitted_at = Proposal.Status.SUBMITTED, clock.now()
        proposal.save(update_fields=["status", "submitted_at"])
    return moved


@transaction.atomic
def accept_many(*, by: User | SystemActor, nominations: list[Nomination]) -> list[Nomination]:
    """Bulk acceptance; the selection is kept in each nomination's history."""
    accepted = []
    labels = "; ".join(f"{n.nominee_name} – {n.award_type.short_name or n.award_type.name}" for n in nominations)
    for nomination in nominations:
        nomination = _locked(nomination)
        accepted.append(_move(by, nomination, State.ACCEPTED,
                              reason=f"Tiếp nhận cùng lúc {len(nominations)} đề nghị: {labels}"[:2000]))
    return accepted


@transaction.atomic
def record_higher_decision(*, by: User | SystemActor, nomination: Nomination, reference: str, decided_on: date,
                           issuer_name: str, upload=None) -> RegisterEntry:
    """A nomination forwarded upward was decided there: record the decision in the register."""
    nomination = _locked(nomination)
    # The issuer's secretariat records it: anyone else is refused before the form is judged.
    _require_on(by, workflow.MOVES[(State.FORWARDED, State.DECIDED)].action, nomination.proposal.campaign.issuer)
    if not reference.strip() or not issuer_name.strip():
        raise ValidationError(_("Ghi số, ký hiệu và cơ quan ra quyết định."))
    _move(by, nomination, State.DECIDED)
    entry = RegisterEntry(person=nomination.person, organisation=nomination.organisation,
                          award_type=nomination.award_type, achievement_year=nomination.achievement_year,
                          mode=nomination.mode, issuer_name=issuer_name.strip(), reference=reference.strip(),
                          decided_on=decided_on,
                          source=RegisterEntry.Source.HIGHER, nomination=nomination,
                          recorded_by=access.user_or_none(by), owner=nomination.proposal.campaign.issuer)
    if upload is not None:
        check_document(upload)
        files.store(entry.file, upload.name, upload)
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def open_disclosure(*, by: User | SystemActor, issuer: Organisation, nominations: list[Nomination], title: str,
                    starts_on: date, working_days: int, published_at: str) -> Disclosure:
    access.require(by, "nomination.review", issuer)
    if not nominations:
        raise ValidationError(_("Chọn các đề nghị cần công khai."))
    if working_days < 1:
        raise ValidationError({"working_days": "Số ngày làm việc phải từ 1 trở lên."})
    if not published_at.strip():
        raise ValidationError({"published_at": "Ghi nơi công khai (cổng thông tin, báo, bảng tin…)."})
    disclosure = Disclosure(issuer=issuer, title=nfc(title).strip(), starts_on=starts_on, working_days=working_days,
                            ends_on=rules.add_working_days(starts_on, working_days, selectors.holidays()),
                            published_at=published_at.strip(), opened_by=access.user_or_none(by))
    disclosure.full_clean(exclude=["ends_on"])
    disclosure.save()
    for nomination in nominations:
        nomination = _locked(nomination)
        if nomination.proposal.campaign.issuer_id != issuer.pk:
            raise PermissionDenied
        _move(by, nomination, State.DISCLOSURE)
        disclosure.nominations.add(nomination)
    _award_event(by, issuer=issuer, action="created", target=disclosure, changes=[
        {"field": "window", "label": "Thời gian công khai", "before": "",
         "after": f"{format_date(starts_on)} – {format_date(disclosure.ends_on)} ({working_days} ngày làm việc)"},
        {"field": "count", "label": "Số đề nghị", "before": "", "after": str(len(nominations))}])
    return disclosure


@transaction.atomic
def add_disclosure_comments(*, by: User | SystemActor, disclosure: Disclosure, comments: str) -> Disclosure:
    access.require(by, "nomination.review", disclosure.issuer)
    before = disclosure.comments
    disclosure.comments = nfc(comments).strip()
    disclosure.save(update_fields=["comments"])
    _award_event(by, issuer=disclosure.issuer, action="changed", target=disclosure, changes=[
        {"field": "comments", "label": "Ý kiến nhận được", "before": before[:300], "after": disclosure.comments[:300]}])
    return disclosure
