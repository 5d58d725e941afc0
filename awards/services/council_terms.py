"""The standing council by term (issue 19, point 3): an issuer's Hội đồng Thi đua – Khen thưởng for
a nhiệm kỳ and its members. Sessions start from it (awards.services.council.create_session)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from awards import council as council_rules
from awards.models import AwardEvent, CouncilMember, CouncilTerm
from awards.services._common import _award_event
from common import audit, clock
from common.text import format_date, nfc
from units import access
from units.access import SystemActor
from units.models import Organisation, Person, User

TERM_FIELDS = ["name", "starts_on", "ends_on", "decision", "quorum_percent", "quorum_basis"]
MEMBER_FIELDS = ["person", "role", "position", "joined_on", "left_on", "left_reason"]


def _lock_issuer(issuer: Organisation) -> Organisation:
    """Two terms, or two chairs, saved at once wait for each other here and the second sees the first."""
    return Organisation.objects.select_for_update().get(pk=issuer.pk)


@transaction.atomic
def create_term(*, by: User | SystemActor, issuer: Organisation, name: str, starts_on: date, ends_on: date,
                decision: str, quorum_percent: Decimal | None = None, quorum_basis: str = "") -> CouncilTerm:
    """A new term of the issuer's council; it may not overlap another term of the same issuer."""
    access.require(by, "council.manage", issuer)
    if issuer.parent_id is not None:
        raise PermissionDenied      # a council belongs to the issuing body, not to one of its units
    issuer = _lock_issuer(issuer)
    others = [(t.name, t.starts_on, t.ends_on) for t in CouncilTerm.objects.filter(issuer=issuer)]
    problem = council_rules.term_problem(starts_on, ends_on, others)
    if problem:
        raise ValidationError({"ends_on" if ends_on < starts_on else "starts_on": problem})
    if quorum_percent and not quorum_basis.strip():
        raise ValidationError({"quorum_basis": "Ghi căn cứ của tỷ lệ dự họp (điều, khoản của quy chế hoạt động)."})
    term = CouncilTerm(issuer=issuer, name=nfc(name).strip(), starts_on=starts_on, ends_on=ends_on,
                       decision=nfc(decision).strip(), quorum_percent=quorum_percent or None,
                       quorum_basis=nfc(quorum_basis).strip() if quorum_percent else "",
                       created_by=access.user_or_none(by))
    term.full_clean()
    term.save()
    _award_event(by, issuer=issuer, action=AwardEvent.Action.CREATED, target=term,
                 after=audit.snapshot(term, TERM_FIELDS))
    return term


def _editable(by: User | SystemActor, term: CouncilTerm, today: date) -> CouncilTerm:
    term = CouncilTerm.objects.select_related("issuer").get(pk=term.pk)
    access.require(by, "council.manage", term.issuer)
    _lock_issuer(term.issuer)
    if term.ends_on < today:
        raise ValidationError("Nhiệm kỳ đã kết thúc: danh sách thành viên chỉ để xem.")
    return term


def _check_roster(term: CouncilTerm, *, person_id: int, role: str, exclude_pk: int | None = None) -> None:
    current = CouncilMember.objects.filter(term=term, left_on__isnull=True).exclude(pk=exclude_pk)
    roles = list(current.values_list("role", flat=True)) + [role]
    problem = council_rules.roster_problem(roles)
    if problem:
        raise ValidationError({"role": problem})
    if current.filter(person_id=person_id).exists():
        raise ValidationError({"person": "Người này đang là thành viên Hội đồng nhiệm kỳ này."})


@transaction.atomic
def add_member(*, by: User | SystemActor, term: CouncilTerm, person: Person, role: str, position: str = "",
               joined_on: date | None = None, today: date | None = None) -> CouncilMember:
    """Seat a person on the term's council (a person of the issuer's tree)."""
    today = today or clock.today()
    term = _editable(by, term, today)
    if not person.organisation.path.startswith(term.issuer.path) or not person.is_active:
        raise ValidationError({"person": f"Chọn cán bộ đang công tác trong {term.issuer.name}."})
    joined_on = joined_on or max(term.starts_on, min(today, term.ends_on))
    if not term.starts_on <= joined_on <= term.ends_on:
        raise ValidationError({"joined_on": f"Ngày tham gia phải trong nhiệm kỳ ({format_date(term.starts_on)} – "
                                            f"{format_date(term.ends_on)})."})
    if role not in CouncilMember.Role.values:
        raise ValidationError({"role": "Chọn chức danh trong Hội đồng."})
    _check_roster(term, person_id=person.pk, role=role)
    member = CouncilMember(term=term, person=person, role=role, position=nfc(position).strip(), joined_on=joined_on)
    member.full_clean()
    member.save()
    _award_event(by, issuer=term.issuer, action=AwardEvent.Action.CREATED, target=member,
                 after=audit.snapshot(member, MEMBER_FIELDS))
    return member


def _current_member(by: User | SystemActor, member: CouncilMember, today: date) -> tuple[CouncilTerm, CouncilMember]:
    term = _editable(by, member.term, today)
    member = CouncilMember.objects.select_for_update().select_related("person").get(pk=member.pk)
    if member.left_on is not None:
        raise ValidationError("Người này đã thôi tham gia Hội đồng.")
    return term, member


@transaction.atomic
def change_member_role(*, by: User | SystemActor, member: CouncilMember, role: str, position: str | None = None,
                       today: date | None = None) -> CouncilMember:
    term, member = _current_member(by, member, today or clock.today())
    if role not in CouncilMember.Role.values:
        raise ValidationError({"role": "Chọn chức danh trong Hội đồng."})
    before = audit.snapshot(member, MEMBER_FIELDS)
    _check_roster(term, person_id=0, role=role, exclude_pk=member.pk)
    member.role = role
    if position is not None:
        member.position = nfc(position).strip()
    member.save(update_fields=["role", "position"])
    _award_event(by, issuer=term.issuer, action=AwardEvent.Action.CHANGED, target=member, before=before,
                 after=audit.snapshot(member, MEMBER_FIELDS))
    return member


@transaction.atomic
def end_membership(*, by: User | SystemActor, member: CouncilMember, left_on: date, reason: str,
                   today: date | None = None) -> CouncilMember:
    """The member leaves the council from `left_on` (a later decision, retirement, a move): the
    row stays, so the term still shows who sat when."""
    term, member = _current_member(by, member, today or clock.today())
    if not reason.strip():
        raise ValidationError({"reason": "Ghi lý do thôi tham gia (ví dụ: nghỉ hưu, chuyển công tác, quyết định "
                                         "kiện toàn Hội đồng)."})
    if left_on < member.joined_on or left_on > term.ends_on:
        raise ValidationError({"left_on": f"Ngày thôi tham gia phải từ ngày tham gia ({format_date(member.joined_on)})"
                                          f" đến hết nhiệm kỳ ({format_date(term.ends_on)})."})
    before = audit.snapshot(member, MEMBER_FIELDS)
    member.left_on, member.left_reason = left_on, nfc(reason).strip()[:500]
    member.full_clean()
    member.save(update_fields=["left_on", "left_reason"])
    _award_event(by, issuer=term.issuer, action=AwardEvent.Action.CHANGED, target=member, before=before,
                 after=audit.snapshot(member, MEMBER_FIELDS), reason=member.left_reason)
    return member
