"""Council sessions: agenda, attendance, tallies, closing and minutes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from awards import council as council_rules
from awards import rules, selectors
from awards.models import (
    AwardEvent,
    CouncilSession,
    CouncilTerm,
    DecisionLine,
    Nomination,
    RuleKind,
    SessionAbsence,
    SessionMember,
    Tally,
)
from awards.services._common import _award_event, _locked, _move
from awards.workflow import State
from common import clock, files
from common.text import format_date, nfc
from common.uploads import check_document
from units import access
from units.access import SystemActor
from units.models import Organisation, Person, User


@dataclass
class MemberInput:
    person: Person
    role: str = SessionMember.Role.MEMBER


@dataclass
class AbsenceInput:
    """Why a member is absent, and who sits in their place (người dự thay), if anyone."""

    reason: str = ""
    substitute: Person | None = None


@transaction.atomic
def create_session(*, by: User | SystemActor, issuer: Organisation, title: str, held_on: date, place: str,
                   members: list[MemberInput], nominations: list[Nomination], today: date | None = None,
                   term: CouncilTerm | None = None) -> CouncilSession:
    """Prepare a council session: its members and the nominations it will vote on. A nomination
    whose award type needs disclosure waits until its window has closed. Started from the council's
    term, the session takes the quorum the council's rules give (none when the term records none:
    the decree's figure is unverified, domain.md §3.4)."""
    access.require(by, "nomination.review", issuer)
    if term is not None and term.issuer_id != issuer.pk:
        raise PermissionDenied
    if not members:
        raise ValidationError({"members": "Chọn các thành viên Hội đồng."})
    if not nominations:
        raise ValidationError({"nominations": "Chọn các đề nghị đưa ra Hội đồng."})
    problem = council_rules.session_roster_problem([m.role for m in members])
    if problem:
        raise ValidationError({"members": problem})
    locked = [_locked(n) for n in nominations]
    short = []
    for nomination in locked:
        if nomination.proposal.campaign.issuer_id != issuer.pk:
            raise PermissionDenied
        if nomination.award_type.needs_disclosure:
            window = nomination.disclosures.order_by("-ends_on").first()
            if window is None or window.ends_on >= held_on:
                short.append(str(nomination))
    if short:
        raise ValidationError({"nominations": f"Cần công khai đủ thời gian trước ngày họp {format_date(held_on)}: "
                                              + "; ".join(short) + "."})
    _check_session_day(held_on, locked)
    session = CouncilSession(issuer=issuer, title=nfc(title).strip(), held_on=held_on, place=place.strip(),
                             created_by=access.user_or_none(by),
                             quorum_percent=(term.quorum_percent if term is not None and term.quorum_percent else 0))
    session.full_clean()
    session.save()
    for member in members:
        SessionMember.objects.create(session=session, person=member.person, role=member.role)
    for nomination in locked:
        _move(by, nomination, State.VOTING)
        Tally.objects.create(session=session, nomination=nomination)
    _award_event(by, issuer=issuer, action="created", target=session, changes=[
        {"field": "held_on", "label": "Ngày họp", "before": "", "after": format_date(held_on)},
        {"field": "count", "label": "Số đề nghị", "before": "", "after": str(len(nominations))}]
        + ([{"field": "term", "label": "Thành viên theo Hội đồng", "before": "", "after": str(term)}] if term else []))
    return session


def _open_session(by: User | SystemActor, session: CouncilSession) -> CouncilSession:
    session = CouncilSession.objects.select_for_update().select_related("issuer").get(pk=session.pk)
    access.require(by, "nomination.review", session.issuer)
    if session.status == CouncilSession.Status.CLOSED:
        raise ValidationError(_("Phiên họp đã kết thúc."))
    return session


def _check_session_day(held_on: date, nominations: list[Nomination]) -> None:
    """A council sits for a campaign from its year on: a 2026 plan is not voted on in 2020."""
    first = min((n.proposal.campaign.year for n in nominations if n.proposal.campaign.year), default=None)
    if first is not None and held_on < date(first, 1, 1):
        raise ValidationError({"held_on": f"Ngày họp phải từ năm {first} (năm của phong trào) trở đi."})


@transaction.atomic
def reschedule_session(*, by: User | SystemActor, session: CouncilSession, held_on: date, place: str,
                       reason: str) -> CouncilSession:
    """Move a session that has not sat yet (nothing recorded): a new date, place, with the reason."""
    session = _open_session(by, session)
    if not reason.strip():
        raise ValidationError({"reason": "Ghi lý do đổi lịch họp."})
    if session.members.exclude(attendance=SessionMember.Attendance.ABSENT).exists() or \
            session.tallies.exclude(outcome="").exists():
        raise ValidationError(_("Phiên họp đã điểm danh hoặc ghi kết quả: không đổi lịch được."))
    short = [str(t.nomination) for t in session.tallies.select_related("nomination__award_type")
             if t.nomination.award_type.needs_disclosure and not t.nomination.disclosures.filter(
                 ends_on__lt=held_on).exists()]
    if short:
        raise ValidationError({"held_on": f"Cần công khai đủ thời gian trước ngày họp {format_date(held_on)}: "
                                          + "; ".join(short) + "."})
    _check_session_day(held_on,
                       [t.nomination for t in session.tallies.select_related("nomination__proposal__campaign")])
    before = format_date(session.held_on) + (f", {session.place}" if session.place else "")
    session.held_on, session.place = held_on, place.strip()
    session.full_clean()
    session.save(update_fields=["held_on", "place"])
    _award_event(by, issuer=session.issuer, action=AwardEvent.Action.CHANGED, target=session, reason=reason.strip(),
                 changes=[{"field": "held_on", "label": "Lịch họp", "before": before,
                           "after": format_date(held_on) + (f", {session.place}" if session.place else "")}])
    return session


@transaction.atomic
def take_off_agenda(*, by: User | SystemActor, tally: Tally, reason: str) -> Nomination:
    """A nomination leaves a session before its vote: back to accepted, its empty tally gone."""
    tally = Tally.objects.select_for_update(of=("self",)).select_related("session", "nomination").get(pk=tally.pk)
    session = _open_session(by, tally.session)
    if tally.outcome:
        raise ValidationError(_("Đề nghị đã có kết quả biểu quyết: sửa kết quả thay vì rút khỏi phiên họp."))
    nomination = _move(by, _locked(tally.nomination), State.ACCEPTED, reason=reason.strip(), correction=True)
    tally.delete()
    _award_event(by, issuer=session.issuer, action=AwardEvent.Action.CHANGED, target=session, reason=reason.strip(),
                 changes=[{"field": "agenda", "label": "Đề nghị đưa ra họp", "before": str(nomination),
                           "after": ""}])
    return nomination


def _require_council(by: User | SystemActor, session: CouncilSession) -> None:
    access.require(by, "council.record", session.issuer)


@transaction.atomic
def set_attendance(*, by: User | SystemActor, session: CouncilSession, attendance: dict[int, str],
                   absences: dict[int, AbsenceInput] | None = None) -> CouncilSession:
    """member id → present / written / absent; for an absent member, the reason and the substitute
    (người dự thay) who sat in their place (awards.council: that seat counts as present)."""
    session = CouncilSession.objects.select_for_update().get(pk=session.pk)
    _require_council(by, session)
    if session.status == CouncilSession.Status.CLOSED:
        raise ValidationError(_("Phiên họp đã kết thúc."))
    _require_held(session)
    if session.tallies.exclude(outcome="").exists():
        # The recorded results were counted against this roll call (quorum, voters).
        raise ValidationError(_("Đã ghi kết quả biểu quyết: điểm danh không sửa được nữa (sửa kết quả trước nếu "
                                "cần điểm danh lại)."))
    absences = absences or {}
    members = list(session.members.select_related("person__organisation", "absence__substitute"))
    seated = {m.person_id for m in members}
    changes = []
    for member in members:
        value = attendance.get(member.pk) or member.attendance
        if value != member.attendance:
            changes.append({"field": f"member_{member.pk}", "label": member.person.full_name,
                            "before": member.get_attendance_display(),
                            "after": str(dict(SessionMember.Attendance.choices)[value])})
            member.attendance = value
            member.save(update_fields=["attendance"])
        changes += _record_absence(member, absences.get(member.pk), seated)
    session.status = CouncilSession.Status.HELD
    session.save(update_fields=["status"])
    _award_event(by, issuer=session.issuer, action="changed", target=session, changes=changes)
    return session


def _record_absence(member: SessionMember, given: AbsenceInput | None, seated: set[int]) -> list[dict]:
    """Keep, change or drop a member's absence note; the history rows of what changed."""
    old = getattr(member, "absence", None)
    before_reason, before_sub = (old.reason, old.substitute) if old else ("", None)
    if member.attendance == SessionMember.Attendance.PRESENT:
        reason, substitute = "", None
    elif given is None:
        reason, substitute = before_reason, before_sub
    else:
        reason, substitute = nfc(given.reason).strip()[:500], given.substitute
    if substitute is not None:
        name = member.person.full_name
        if member.attendance != SessionMember.Attendance.ABSENT:
            raise ValidationError(f"{name}: chỉ ghi người dự thay khi thành viên vắng (không có phiếu gửi).")
        if substitute.pk in seated:
            raise ValidationError(f"{name}: {substitute.full_name} đã là thành viên phiên họp, không dự thay được.")
        if not substitute.is_active or not substitute.organisation.path.startswith(member.person.organisation.path):
            raise ValidationError(f"{name}: người dự thay phải là cán bộ của {member.person.organisation.name}.")
        if not reason:
            raise ValidationError(f"{name}: ghi lý do vắng mặt khi có người dự thay.")
    rows = []
    if reason != before_reason:
        rows.append({"field": f"absence_{member.pk}", "label": f"Lý do vắng: {member.person.full_name}",
                     "before": before_reason, "after": reason})
    if substitute != before_sub:
        rows.append({"field": f"substitute_{member.pk}", "label": f"Người dự thay: {member.person.full_name}",
                     "before": before_sub.full_name if before_sub else "",
                     "after": substitute.full_name if substitute else ""})
    if not rows:
        return []
    if reason or substitute:
        SessionAbsence.objects.update_or_create(member=member, defaults={"reason": reason, "substitute": substitute})
    elif old is not None:
        old.delete()
    return rows


def _require_held(session: CouncilSession) -> None:
    if session.held_on > clock.today():
        raise ValidationError(_("Phiên họp ngày %(day)s chưa diễn ra: điểm danh, ghi kết quả từ ngày họp.")
                              % {"day": format_date(session.held_on)})


def attendance_of(session: CouncilSession) -> council_rules.Attendance:
    """The seats: present, with a written vote, or taken by a substitute (counted as present)."""
    members = session.members.values_list("attendance", "absence__substitute_id")
    return council_rules.attendance_from([(state, substitute is not None) for state, substitute in members])


def recusals(session: CouncilSession, nomination: Nomination, members: list[SessionMember] | None = None
             ) -> list[SessionMember]:
    """Members who stand aside for this nomination; a page listing many passes the members it read."""
    paths = [nomination.person.organisation.path if nomination.person_id else nomination.organisation.path]
    proposing = nomination.proposal.organisation
    if proposing.parent_id:   # the issuer proposing for itself would put everyone aside
        paths.append(proposing.path)
    if members is None:
        members = list(session.members.select_related("person__organisation"))
    return [m for m in members
            if council_rules.must_stand_aside(member_person_id=m.person_id, member_org_path=m.person.organisation.path,
                                              nominee_person_id=nomination.person_id, nominee_org_paths=paths)]


@transaction.atomic
def record_tally(*, by: User | SystemActor, tally: Tally, yes: int | None = None, no: int | None = None,
                 abstain: int | None = None, approved: bool | None = None, reason: str = "",
                 override_reason: str = "", today: date | None = None) -> Tally:
    """The secret-ballot counts for one nomination, judged against the award type's threshold;
    where that rule is disabled the secretary records the outcome (approved, with a reason when not)."""
    tally = (Tally.objects.select_for_update(of=("self",)).select_related("session__issuer", "nomination")
             .get(pk=tally.pk))
    session = tally.session
    _require_council(by, session)
    if tally.outcome:
        raise ValidationError(_("Đã ghi kết quả cho đề nghị này."))
    _require_held(session)
    attendance = attendance_of(session)
    quorum, text = council_rules.quorum_state(attendance, session.quorum_percent)
    if not quorum:
        raise ValidationError(text + " " + _("Ghi điểm danh trước."))
    nomination = _locked(tally.nomination)
    standing_aside = recusals(session, nomination)
    if standing_aside and not override_reason.strip():
        tally.recused.set(standing_aside)
    recused = 0 if override_reason.strip() else len(standing_aside)
    rule = rules.in_force(selectors.rules_for([nomination.award_type_id]).get(nomination.award_type_id, ()),
                          RuleKind.COUNCIL, today or clock.today())
    if rule is not None and rule.enabled:
        if None in (yes, no, abstain):
            raise ValidationError(_("Ghi đủ số phiếu đồng ý, không đồng ý, không biểu quyết."))
        problem = council_rules.tally_problem(yes, no, abstain, attendance.voters - recused)
        if problem:
            raise ValidationError(problem)
        result = council_rules.outcome(yes, attendance, threshold=rule.percent, denominator=rule.denominator,
                                       recused=recused)
        approved, explanation = result.approved, result.explanation
        tally.yes, tally.no, tally.abstain = yes, no, abstain
    else:
        if approved is None:
            raise ValidationError(_("Chọn kết quả (đề nghị khen thưởng hoặc không): ngưỡng biểu quyết chưa được xác "
                                    "minh nên thư ký ghi kết quả."))
        if not approved and not reason.strip():
            raise ValidationError(_("Ghi lý do Hội đồng không đề nghị: đơn vị sẽ đọc được."))
        if yes is not None and no is not None and abstain is not None:
            problem = council_rules.tally_problem(yes, no, abstain, attendance.voters - recused)
            if problem:
                raise ValidationError(problem)
            problem = council_rules.consistency_problem(yes, no, abstain, approved=approved)
            if problem:
                raise ValidationError(problem)
            tally.yes, tally.no, tally.abstain = yes, no, abstain
        tally.recorded_outcome = True
        explanation = ("Thư ký ghi kết quả (chưa áp dụng ngưỡng biểu quyết; chỉ kiểm tra tính nhất quán của kết quả "
                       "biểu quyết).")
    if not approved and not reason.strip():
        reason = explanation
    _move(by, nomination, State.APPROVED if approved else State.REJECTED, reason=reason if not approved else "")
    tally.outcome = Tally.Outcome.APPROVED if approved else Tally.Outcome.NOT_APPROVED
    tally.recusal_override_reason = override_reason.strip()
    tally.note = explanation[:500]
    tally.recorded_by = access.user_or_none(by)
    tally.recorded_at = clock.now()
    tally.save()
    return tally


@transaction.atomic
def reopen_tally(*, by: User | SystemActor, tally: Tally, reason: str) -> Tally:
    """Set aside a result recorded wrong (a mistyped count, the wrong outcome chosen) so it can be
    recorded again: only while the session is open and before anything was decided on it. The
    event keeps what was recorded and why it was set aside."""
    tally = (Tally.objects.select_for_update(of=("self",)).select_related("session__issuer", "nomination")
             .get(pk=tally.pk))
    session = tally.session
    _require_council(by, session)
    if not reason.strip():
        raise ValidationError(_("Ghi lý do sửa kết quả biểu quyết."))
    if session.status == CouncilSession.Status.CLOSED:
        raise ValidationError(_("Phiên họp đã kết thúc: kết quả không sửa được nữa."))
    if not tally.outcome:
        raise ValidationError(_("Đề nghị này chưa có kết quả để sửa."))
    nomination = _locked(tally.nomination)
    if DecisionLine.objects.filter(nomination=nomination).exists():
        raise ValidationError(_("Đề nghị đã có trong quyết định khen thưởng: bỏ khỏi dự thảo quyết định trước."))
    recorded = (f"{tally.get_outcome_display()}"
                + (f" ({tally.yes} đồng ý, {tally.no} không đồng ý, {tally.abstain} không biểu quyết)"
                   if tally.yes is not None else ""))
    _move(by, nomination, State.VOTING, reason=reason.strip(), correction=True)
    tally.yes = tally.no = tally.abstain = None
    tally.outcome, tally.recorded_outcome, tally.note, tally.recusal_override_reason = "", False, "", ""
    tally.recorded_by, tally.recorded_at = None, None
    tally.save()
    tally.recused.clear()
    _award_event(by, issuer=session.issuer, action=AwardEvent.Action.CHANGED, target=tally, reason=reason.strip(),
                 changes=[
                     {"field": "outcome", "label": "Kết quả biểu quyết", "before": recorded, "after": "chưa ghi"}])
    return tally


@transaction.atomic
def close_session(*, by: User | SystemActor, session: CouncilSession, minutes=None) -> CouncilSession:
    session = CouncilSession.objects.select_for_update().get(pk=session.pk)
    _require_council(by, session)
    if session.tallies.filter(outcome="").exists():
        raise ValidationError(_("Còn đề nghị chưa ghi kết quả biểu quyết."))
    if minutes is not None:
        check_document(minutes, (".pdf",))
        session.minutes.save(minutes.name, minutes, save=False)
    session.status = CouncilSession.Status.CLOSED
    session.save()
    _award_event(by, issuer=session.issuer, action="transition", target=session, changes=[
        {"field": "status", "label": "Trạng thái", "before": "", "after": str(session.get_status_display())}])
    return session


@transaction.atomic
def attach_minutes(*, by: User | SystemActor, session: CouncilSession, upload) -> CouncilSession:
    """The signed minutes, when they come after the session was closed (the signatures take days)."""
    session = CouncilSession.objects.select_for_update().get(pk=session.pk)
    _require_council(by, session)
    if session.minutes:
        raise ValidationError(_("Phiên họp đã có biên bản đã ký."))
    check_document(upload, (".pdf",))
    files.store(session.minutes, upload.name, upload)
    session.save(update_fields=["minutes"])
    _award_event(by, issuer=session.issuer, action=AwardEvent.Action.CHANGED, target=session, changes=[
        {"field": "minutes", "label": "Biên bản họp đã ký", "before": "", "after": upload.name}])
    return session
