"""The standing council by term (issue 19, point 3): the pure rules (terms that overlap, one chair
and one secretary, the quorum and consistency wording), the services (terms, members, a session
started from the term, absences and substitutes counted as present), the pages and their access."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from awards import council, selectors, services
from awards.models import AwardEvent, AwardRule, CouncilMember, CouncilTerm, SessionAbsence, SessionMember
from tests.awards.test_services import accepted, council_members
from tests.factories import make_person

D = Decimal


# --- Pure rules ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("b_start", "b_end", "overlap"), [
    (date(2031, 1, 1), date(2035, 12, 31), False),      # the next term, from the day after
    (date(2030, 12, 31), date(2035, 12, 31), True),     # both ends count
    (date(2021, 1, 1), date(2025, 12, 31), False),
    (date(2028, 1, 1), date(2028, 6, 30), True),        # inside
])
def test_terms_overlap_counts_both_ends(b_start, b_end, overlap):
    assert council.terms_overlap(date(2026, 1, 1), date(2030, 12, 31), b_start, b_end) is overlap


def test_a_term_that_overlaps_another_is_named():
    others = [("2021–2025", date(2021, 1, 1), date(2025, 12, 31))]
    assert "2021–2025" in council.term_problem(date(2025, 6, 1), date(2030, 12, 31), others)
    assert council.term_problem(date(2026, 1, 1), date(2030, 12, 31), others) == ""
    assert "sau ngày bắt đầu" in council.term_problem(date(2026, 1, 1), date(2025, 1, 1), [])


def test_a_council_has_one_chair_and_one_secretary_but_any_number_of_vice_chairs():
    assert council.roster_problem(["chair", "vice_chair", "vice_chair", "member", "secretary"]) == ""
    assert "một Chủ tịch" in council.roster_problem(["chair", "chair"])
    assert "một Thư ký" in council.roster_problem(["secretary", "member", "secretary"])
    assert council.session_roster_problem(["chair", "secretary", "member"]) == ""
    assert "Chủ tịch" in council.session_roster_problem(["secretary", "member"])


def test_a_seat_taken_by_a_substitute_counts_as_present():
    seats = [("present", False), ("absent", True), ("absent", False), ("written", False)]
    assert council.attendance_from(seats) == council.Attendance(total=4, present=2, written=1)


def test_without_a_quorum_in_the_councils_rules_none_is_applied():
    attendance = council.Attendance(total=7, present=2, written=0)
    met, text = council.quorum_state(attendance, None)
    assert met and "Chưa áp dụng tỷ lệ thành viên dự họp tối thiểu" in text
    met, text = council.quorum_state(council.Attendance(total=7, present=0, written=0), D(0))
    assert not met and "chưa có thành viên nào dự họp" in text


@pytest.mark.parametrize(("present", "met"), [(4, False), (5, True)])
def test_a_quorum_of_two_thirds_from_the_councils_rules(present, met):
    ok, text = council.quorum_state(council.Attendance(total=7, present=present, written=0), D("66.67"))
    assert ok is met and "66,67% tổng số thành viên theo quy chế của Hội đồng" in text


def test_the_majority_check_is_called_a_consistency_check_not_a_threshold():
    assert council.consistency_problem(4, 1, 0, approved=True) == ""
    assert council.consistency_problem(2, 2, 1, approved=False) == ""
    problem = council.consistency_problem(2, 2, 1, approved=True)
    assert problem.startswith("Kiểm tra tính nhất quán của kết quả biểu quyết") and "không quá nửa" in problem
    assert "quá nửa" in council.consistency_problem(4, 1, 0, approved=False)
    assert "ngưỡng" not in problem.lower()


# --- Services -----------------------------------------------------------------------------------------


def make_term(cast, tree, **fields):
    values = {"name": "2026–2030", "starts_on": date(2026, 1, 1), "ends_on": date(2030, 12, 31),
              "decision": "Quyết định số 15/QĐ-SYT ngày 05/01/2026 của Giám đốc Sở Y tế"} | fields
    return services.create_term(by=cast["secretariat"], issuer=tree["A"], **values)


def seated_term(cast, tree, today=date(2026, 11, 10)):
    """Sở A's term with the six council people of test_services: chair, vice-chair, secretary, members."""
    people = council_members(tree)
    term = make_term(cast, tree)
    for person, role in zip(people, ["chair", "vice_chair", "secretary", "member", "member", "member"], strict=True):
        services.add_member(by=cast["secretariat"], term=term, person=person, role=role, today=today,
                            joined_on=term.starts_on)
    return term, people


@pytest.mark.django_db
def test_the_secretariat_keeps_terms_that_do_not_overlap(cast, tree):
    term = make_term(cast, tree)
    assert AwardEvent.objects.filter(target_type="Hội đồng theo nhiệm kỳ", target_id=term.pk, action="created").exists()
    with pytest.raises(ValidationError, match="Trùng thời gian với nhiệm kỳ 2026–2030"):
        make_term(cast, tree, name="2030–2034", starts_on=date(2030, 6, 1), ends_on=date(2034, 12, 31))
    make_term(cast, tree, name="2021–2025", starts_on=date(2021, 1, 1), ends_on=date(2025, 12, 31))
    for role in ("leader", "council", "staff"):
        with pytest.raises(PermissionDenied):
            services.create_term(by=cast[role], issuer=tree["A"], name="2031–2035", starts_on=date(2031, 1, 1),
                                 ends_on=date(2035, 12, 31), decision="QĐ")
    with pytest.raises(PermissionDenied):
        services.create_term(by=cast["outsider"], issuer=tree["A"], name="x", starts_on=date(2031, 1, 1),
                             ends_on=date(2035, 12, 31), decision="QĐ")


@pytest.mark.django_db
def test_a_quorum_needs_its_basis(cast, tree):
    with pytest.raises(ValidationError) as error:
        make_term(cast, tree, quorum_percent=D("66.67"))
    assert "quorum_basis" in error.value.error_dict


@pytest.mark.django_db
def test_members_one_chair_one_secretary_roles_change_and_membership_ends(cast, tree, settings):
    settings.APP_TODAY = date(2026, 11, 10)
    term, people = seated_term(cast, tree)
    extra = make_person(tree["A.TCHC"], "Ủy viên mới", "UV1")
    with pytest.raises(ValidationError, match="một Chủ tịch"):
        services.add_member(by=cast["secretariat"], term=term, person=extra, role="chair")
    with pytest.raises(ValidationError, match="đang là thành viên"):
        services.add_member(by=cast["secretariat"], term=term, person=people[3], role="member")
    with pytest.raises(ValidationError, match="cán bộ đang công tác"):
        services.add_member(by=cast["secretariat"], term=term, person=make_person(tree["B"], "Người Sở B", "SB1"),
                            role="member")
    chair = CouncilMember.objects.get(term=term, role="chair")
    with pytest.raises(ValidationError, match="Ghi lý do"):
        services.end_membership(by=cast["secretariat"], member=chair, left_on=date(2026, 11, 1), reason=" ")
    services.end_membership(by=cast["secretariat"], member=chair, left_on=date(2026, 11, 1), reason="Nghỉ hưu")
    new_chair = CouncilMember.objects.get(term=term, person=people[1])
    services.change_member_role(by=cast["secretariat"], member=new_chair, role="chair")
    assert [m.role for m in selectors.term_members(term, day=date(2026, 11, 10))][:1] == ["chair"]
    # Who sat in October is still known.
    assert chair.person_id in {m.person_id for m in selectors.term_members(term, day=date(2026, 10, 1))}
    assert chair.person_id not in {m.person_id for m in selectors.term_members(term, day=date(2026, 11, 10))}
    with pytest.raises(PermissionDenied):
        services.change_member_role(by=cast["council"], member=new_chair, role="member")
    changed = AwardEvent.objects.filter(target_type="thành viên Hội đồng", target_id=new_chair.pk, action="changed")
    assert changed.exists()


@pytest.mark.django_db
def test_a_past_term_is_read_only(cast, tree):
    term = make_term(cast, tree, name="2021–2025", starts_on=date(2021, 1, 1), ends_on=date(2025, 12, 31))
    with pytest.raises(ValidationError, match="chỉ để xem"):
        services.add_member(by=cast["secretariat"], term=term, person=council_members(tree)[0], role="chair",
                            today=date(2026, 11, 10))


def session_from_term(plan, tree, cast, types, proposal, term):
    (n,) = accepted(proposal, plan, cast, types, "an", code="CSTD_TINH")
    seated = selectors.term_members(term, day=date(2026, 11, 9))
    inputs = [services.MemberInput(m.person, m.role) for m in seated]
    return services.create_session(by=cast["secretariat"], issuer=tree["A"], title="Phiên họp từ Hội đồng",
                                   held_on=date(2026, 11, 9), place="Sở", members=inputs, nominations=[n], term=term)


@pytest.mark.django_db
def test_a_session_from_the_term_marks_an_absence_and_a_substitute_and_counts_the_seats_present(
        proposal, plan, cast, types, tree):
    term, people = seated_term(cast, tree)
    session = session_from_term(plan, tree, cast, types, proposal, term)
    members = {m.person_id: m for m in session.members.all()}
    assert len(members) == 6 and members[people[1].pk].role == "vice_chair"
    assert session.quorum_percent == 0          # the term records no quorum: none is applied
    deputy = make_person(tree["A.TCHC"], "Phó phòng dự thay", "PP1")
    absent, sent = members[people[3].pk], members[people[4].pk]
    roll = {m.pk: "present" for m in members.values()} | {absent.pk: "absent", sent.pk: "absent"}
    with pytest.raises(ValidationError, match="ghi lý do vắng mặt khi có người dự thay"):
        services.set_attendance(by=cast["council"], session=session, attendance=roll,
                                absences={sent.pk: services.AbsenceInput(substitute=deputy)})
    with pytest.raises(ValidationError, match="phải là cán bộ của"):
        services.set_attendance(by=cast["council"], session=session, attendance=roll, absences={
            sent.pk: services.AbsenceInput("Đi công tác", make_person(tree["A.BV"], "Người khác đơn vị", "K1"))})
    services.set_attendance(by=cast["council"], session=session, attendance=roll, absences={
        absent.pk: services.AbsenceInput("Ốm"), sent.pk: services.AbsenceInput("Đi công tác", deputy)})
    assert SessionAbsence.objects.get(member=sent).substitute == deputy
    assert SessionAbsence.objects.get(member=absent).reason == "Ốm"
    attendance = services.attendance_of(session)
    assert (attendance.total, attendance.present, attendance.written) == (6, 5, 0)
    # The tally counts the members present: 5 voters, the BV director (people[5]) stands aside.
    tally = session.tallies.get()
    with pytest.raises(ValidationError, match="lớn hơn"):
        services.record_tally(by=cast["council"], tally=tally, yes=5, no=0, abstain=0, approved=True)
    with pytest.raises(ValidationError, match="Kiểm tra tính nhất quán"):
        services.record_tally(by=cast["council"], tally=tally, yes=1, no=3, abstain=0, approved=True)
    services.record_tally(by=cast["council"], tally=tally, yes=3, no=1, abstain=0, approved=True)
    tally.refresh_from_db()
    assert "chỉ kiểm tra tính nhất quán" in tally.note
    event = AwardEvent.objects.filter(target_type="phiên họp Hội đồng", target_id=session.pk).order_by("pk").last()
    assert any(c["after"] == "Phó phòng dự thay" for c in event.changes)


@pytest.mark.django_db
def test_a_session_sits_with_one_chair_and_one_secretary(proposal, plan, cast, types, tree):
    (n,) = accepted(proposal, plan, cast, types, "an", code="CSTD_TINH")
    people = council_members(tree)
    with pytest.raises(ValidationError, match="đúng một Chủ tịch Hội đồng"):
        services.create_session(by=cast["secretariat"], issuer=tree["A"], title="Phiên họp", held_on=date(2026, 11, 9),
                                place="", nominations=[n], members=[
                                    services.MemberInput(people[0], "vice_chair"),
                                    services.MemberInput(people[1], "secretary")])


@pytest.mark.django_db
def test_a_substitute_only_for_an_absent_member(proposal, plan, cast, types, tree):
    term, people = seated_term(cast, tree)
    session = session_from_term(plan, tree, cast, types, proposal, term)
    member = session.members.get(person=people[3])
    with pytest.raises(ValidationError, match="chỉ ghi người dự thay khi thành viên vắng"):
        services.set_attendance(by=cast["council"], session=session, attendance={member.pk: "written"}, absences={
            member.pk: services.AbsenceInput("Đi công tác", make_person(tree["A.TCHC"], "Dự thay", "DT1"))})


@pytest.mark.django_db
def test_the_terms_quorum_applies_to_its_sessions(proposal, plan, cast, types, tree):
    people = council_members(tree)
    term = make_term(cast, tree, quorum_percent=D("66.67"), quorum_basis="Điều 5 Quy chế hoạt động của Hội đồng")
    for person, role in zip(people, ["chair", "secretary", "member", "member", "member", "member"], strict=True):
        services.add_member(by=cast["secretariat"], term=term, person=person, role=role, today=date(2026, 11, 10),
                            joined_on=term.starts_on)
    session = session_from_term(plan, tree, cast, types, proposal, term)
    assert session.quorum_percent == D("66.67")
    seats = list(session.members.all())
    services.set_attendance(by=cast["council"], session=session,
                            attendance={m.pk: ("present" if i < 3 else "absent") for i, m in enumerate(seats)})
    AwardRule.objects.filter(award_type__code="CSTD_TINH", kind="council").update(enabled=True)
    with pytest.raises(ValidationError, match="chưa đủ số thành viên dự họp"):
        services.record_tally(by=cast["council"], tally=session.tallies.get(), yes=2, no=0, abstain=0)


# --- Pages and access ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_council_pages_for_the_secretariat(login, cast, tree, settings):
    settings.APP_TODAY = date(2026, 11, 10)
    client = login(cast["secretariat"])
    page = client.get(reverse("awards:council"))
    assert page.status_code == 200 and "Chưa có Hội đồng cho nhiệm kỳ đang diễn ra" in page.content.decode()
    response = client.post(reverse("awards:council"), {"name": "2026–2030", "starts_on": "01/01/2026",
                                                       "ends_on": "31/12/2025", "decision": "QĐ 15"})
    assert response.status_code == 200 and "Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu." in response.content.decode()
    response = client.post(reverse("awards:council"), {"name": "2026–2030", "starts_on": "01/01/2026",
                                                       "ends_on": "31/12/2030", "decision": "QĐ 15",
                                                       "quorum_percent": "66,67", "quorum_basis": "Điều 5"})
    term = CouncilTerm.objects.get()
    assert response.status_code == 302 and term.quorum_percent == D("66.67")
    person = council_members(tree)[0]
    response = client.post(reverse("awards:council-term", args=[term.pk]), {"person": person.pk, "role": "chair"})
    member = CouncilMember.objects.get()
    assert response.status_code == 302 and member.joined_on == date(2026, 11, 10)
    other = council_members(tree)[1]
    response = client.post(reverse("awards:council-term", args=[term.pk]), {"person": other.pk, "role": "chair"})
    assert response.status_code == 400 and "Hội đồng chỉ có một Chủ tịch Hội đồng" in response.content.decode()
    response = client.post(reverse("awards:council-member-end", args=[term.pk, member.pk]),
                           {"left_on": "01/01/2031", "reason": "Nghỉ hưu"})
    assert response.status_code == 400 and "Ngày thôi tham gia phải" in response.content.decode()
    response = client.post(reverse("awards:council-member-role", args=[term.pk, member.pk]), {"role": "vice_chair"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.role == "vice_chair"
    body = client.get(reverse("awards:council")).content.decode()
    assert "Phó Chủ tịch Hội đồng" in body and person.full_name in body


@pytest.mark.django_db
def test_leader_and_council_read_others_get_404_or_403(login, cast, tree, settings):
    settings.APP_TODAY = date(2026, 11, 10)
    term = make_term(cast, tree)
    member = services.add_member(by=cast["secretariat"], term=term, person=council_members(tree)[0], role="chair")
    for role in ("leader", "council"):
        client = login(cast[role])
        page = client.get(reverse("awards:council-term", args=[term.pk]))
        assert page.status_code == 200 and "Thêm thành viên" not in page.content.decode()
        assert client.post(reverse("awards:council-member-role", args=[term.pk, member.pk]),
                           {"role": "member"}).status_code == 403
    for role in ("outsider", "staff"):
        assert login(cast[role]).get(reverse("awards:council-term", args=[term.pk])).status_code == 404
    assert login(cast["staff"]).get(reverse("awards:council")).status_code == 403


@pytest.mark.django_db
def test_the_session_form_is_prefilled_from_the_term(login, cast, tree, plan, settings):
    term, people = seated_term(cast, tree)
    body = login(cast["secretariat"]).get(reverse("awards:session-create")).content.decode()
    assert "Thành viên lấy từ" in body and "nhiệm kỳ 2026–2030" in body
    for person in people[3:]:
        assert f'value="{person.pk}" id="m-{person.pk}" checked' in body
    assert f'<option value="{people[0].pk}" selected>' in body


@pytest.mark.django_db
def test_the_session_page_names_the_consistency_check(login, proposal, plan, cast, types, tree):
    term, _people = seated_term(cast, tree)
    session = session_from_term(plan, tree, cast, types, proposal, term)
    body = login(cast["council"]).get(session.get_absolute_url()).content.decode()
    assert "Kiểm tra tính nhất quán của kết quả biểu quyết" in body
    assert "Chưa áp dụng ngưỡng biểu quyết" in body
    assert "Chưa áp dụng tỷ lệ thành viên dự họp tối thiểu" in body
    AwardRule.objects.filter(award_type__code="CSTD_TINH", kind="council").update(enabled=True)
    body = login(cast["council"]).get(session.get_absolute_url()).content.decode()
    assert "Ngưỡng biểu quyết (quy định đã xác nhận" in body and "Kiểm tra tính nhất quán" not in body
    assert SessionMember.objects.filter(session=session).count() == 6


@pytest.mark.django_db
def test_the_minutes_count_a_substitutes_seat_as_present_and_give_the_reasons(login, proposal, plan, cast, types, tree):
    term, people = seated_term(cast, tree)
    session = session_from_term(plan, tree, cast, types, proposal, term)
    members = {m.person_id: m for m in session.members.all()}
    deputy = make_person(tree["A.TCHC"], "Phó phòng dự thay", "PP1")
    roll = {m.pk: "present" for m in members.values()} | {members[people[3].pk].pk: "absent",
                                                          members[people[4].pk].pk: "absent"}
    services.set_attendance(by=cast["council"], session=session, attendance=roll, absences={
        members[people[3].pk].pk: services.AbsenceInput("Ốm"),
        members[people[4].pk].pk: services.AbsenceInput("Đi công tác", deputy)})
    body = login(cast["council"]).get(reverse("reports:minutes-document", args=[session.pk])).content.decode()
    assert "dự họp 5 thành viên (kể cả 1 người dự thay), vắng 1" in body
    assert "người dự thay: Phó phòng dự thay (lý do: Đi công tác)" in body and "Vắng (lý do: Ốm)" in body
