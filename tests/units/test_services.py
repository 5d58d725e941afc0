"""Services that change units, people, blocs and accounts: rules, tree moves, audit rows."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import make_org, make_person, make_user
from units import services
from units.models import Assignment, AuditEvent, Organisation

pytestmark = pytest.mark.django_db


def test_a_child_gets_its_path_root_and_depth(tree):
    ward = tree["A.BV.NOI"]
    assert ward.root_id == tree["A"].pk
    assert ward.depth == 2
    assert ward.path.startswith(tree["A.BV"].path)


def test_codes_are_unique_within_a_root_only(tree):
    with pytest.raises(ValidationError) as error:
        make_org("Phòng khác", "tchc", parent=tree["A"])
    assert "code" in error.value.error_dict
    make_org("Phòng Tổ chức", "TCHC", parent=tree["B"])  # same code, other issuer: fine


def test_moving_an_organisation_moves_its_subtree(tree, cast):
    services.update_organisation(by=cast["secretariat"], organisation=tree["A.TT"], parent=tree["A.BV"])
    station = Organisation.objects.get(pk=tree["A.TT.TYT"].pk)
    assert station.path.startswith(Organisation.objects.get(pk=tree["A.BV"].pk).path)
    assert station.depth == 3


def test_an_organisation_cannot_move_under_its_own_child_or_another_issuer(tree, cast):
    with pytest.raises(ValidationError):
        services.update_organisation(by=cast["secretariat"], organisation=tree["A.BV"], parent=tree["A.BV.NOI"])
    with pytest.raises((ValidationError, PermissionDenied)):
        services.update_organisation(by=cast["admin"], organisation=tree["A.BV"], parent=tree["B"])


def test_outsiders_cannot_change_organisations(tree, cast):
    with pytest.raises(PermissionDenied):
        services.update_organisation(by=cast["outsider"], organisation=tree["A.BV"], name="Đổi tên")
    with pytest.raises(PermissionDenied):
        services.create_organisation(by=cast["staff"], parent=tree["A.BV"], name="Khoa mới", code="KM", kind="internal")


def test_closing_keeps_the_row_closes_the_subtree_and_names_the_successor(tree, cast):
    count = services.close_organisation(by=cast["secretariat"], organisation=tree["A.TT"], closed_on=date(2025, 7, 1),
                                        successor=tree["A.BV"], note="Sáp nhập")
    assert count == 2
    centre = Organisation.objects.get(pk=tree["A.TT"].pk)
    assert centre.closed_on == date(2025, 7, 1) and centre.successor_id == tree["A.BV"].pk
    assert Organisation.objects.get(pk=tree["A.TT.TYT"].pk).closed_on == date(2025, 7, 1)
    with pytest.raises(ValidationError):
        make_org("Trạm mới", "TYT-MOI", parent=centre)


def test_changes_are_audited_with_before_and_after(tree, cast):
    services.update_organisation(by=cast["secretariat"], organisation=tree["A.BV"], name="Bệnh viện Đa khoa tỉnh")
    event = AuditEvent.objects.filter(target_id=tree["A.BV"].pk, action="changed").latest("at")
    assert event.actor == cast["secretariat"]
    assert {"field": "name", "label": "Tên đơn vị", "before": "Bệnh viện Đa khoa",
            "after": "Bệnh viện Đa khoa tỉnh"} in event.changes


def test_person_search_text_and_given_name_are_filled(tree):
    person = make_person(tree["A.BV"], "  Nguyễn   Văn Đức ", "NV001", position="Bác sĩ")
    assert person.full_name == "Nguyễn Văn Đức"
    assert person.given_name == "Đức"
    assert "nguyen van duc" in person.search_text


def test_employee_codes_are_unique_within_the_issuer(tree):
    make_person(tree["A.BV"], "Lê Thị Lan", "NV001")
    with pytest.raises(ValidationError):
        make_person(tree["A.TT"], "Lê Thị Hoa", "nv001")
    make_person(tree["B.BV"], "Lê Thị Hoa", "NV001")


def test_a_transfer_closes_the_old_assignment(tree, cast):
    person = make_person(tree["A.BV"], "Trần Văn Bình", "NV002", start_date=date(2020, 1, 1))
    services.update_person(by=cast["secretariat"], person=person, organisation=tree["A.TT"],
                           transfer_date=date(2026, 3, 1))
    rows = list(Assignment.objects.filter(person=person).order_by("start_date"))
    assert [(r.organisation_id, r.end_date) for r in rows] == [
        (tree["A.BV"].pk, date(2026, 2, 28)), (tree["A.TT"].pk, None)]


def test_secretariat_creates_accounts_only_with_grantable_roles(tree, cast):
    user, password = services.create_account(by=cast["secretariat"], username="moi", full_name="Người Mới", email="",
                                             organisation=tree["A.BV"], role="unit_staff")
    assert user.check_password(password) and user.must_change_password
    with pytest.raises(PermissionDenied):
        services.create_account(by=cast["secretariat"], username="ld2", full_name="X", email="",
                                organisation=tree["A"], role="leader")
    with pytest.raises(PermissionDenied):
        services.create_account(by=cast["secretariat"], username="b2", full_name="X", email="",
                                organisation=tree["B.BV"], role="unit_staff")
    with pytest.raises(ValidationError):
        services.create_account(by=cast["secretariat"], username="MOI", full_name="Trùng", email="",
                                organisation=tree["A.BV"], role="unit_staff")


def test_reset_password_forces_a_change_and_deactivation_blocks_login(tree, cast, client):
    staff = cast["staff"]
    password = services.reset_password(by=cast["secretariat"], account=staff)
    staff.refresh_from_db()
    assert staff.must_change_password and staff.check_password(password)
    services.set_account_active(by=cast["secretariat"], account=staff, active=False)
    response = client.post("/dang-nhap/", {"username": staff.username, "password": password})
    assert response.status_code == 200 and "_auth_user_id" not in client.session


def test_a_secretariat_cannot_touch_accounts_outside_its_reach(tree, cast):
    with pytest.raises(PermissionDenied):
        services.set_account_active(by=cast["secretariat"], account=cast["leader"], active=False)
    with pytest.raises(PermissionDenied):
        services.reset_password(by=cast["outsider"], account=cast["staff"])
    with pytest.raises(PermissionDenied):
        services.grant_role(by=cast["secretariat"], account=cast["secretariat"], organisation=tree["A"],
                            role="council_member")


def test_bloc_members_and_roles(tree, cast):
    bloc = services.create_bloc(by=cast["secretariat"], organiser=tree["A"], name="Khối bệnh viện")
    services.set_bloc_member(by=cast["secretariat"], bloc=bloc, organisation=tree["A.BV"], role="head")
    services.set_bloc_member(by=cast["secretariat"], bloc=bloc, organisation=tree["A.BV"], role="deputy")
    assert list(bloc.members.values_list("role", flat=True)) == ["deputy"]
    with pytest.raises(PermissionDenied):
        services.set_bloc_member(by=cast["secretariat"], bloc=bloc, organisation=tree["B.BV"], role="member")


def test_accounts_for_people_link_the_person(tree, cast):
    person = make_person(tree["A.BV"], "Phạm Thị Nhung", "NV010")
    user, _ = services.create_account(by=cast["secretariat"], username="nhung", full_name="Phạm Thị Nhung", email="",
                                      organisation=tree["A.BV"], role="unit_staff", person=person)
    person.refresh_from_db()
    assert person.user == user
    other = make_user("khac", tree["A.BV"], "unit_staff")
    with pytest.raises(ValidationError):
        services.create_account(by=cast["secretariat"], username="nhung2", full_name="X", email="",
                                organisation=tree["A.BV"], role="unit_staff", person=person)
    assert other.pk


def test_moving_someone_added_today_corrects_their_unit(tree, cast, settings):
    settings.APP_TODAY = date(2026, 11, 23)
    person = make_person(tree["A.BV"], "Lý Văn Mới", "NV20", start_date=date(2026, 11, 23))
    services.update_person(by=cast["secretariat"], person=person, organisation=tree["A.TT"])
    assert list(Assignment.objects.filter(person=person).values_list("organisation_id", "end_date")) == [
        (tree["A.TT"].pk, None)]


@pytest.mark.parametrize("day", [date(2026, 1, 1), date(2027, 1, 1)])
def test_a_transfer_before_the_current_start_or_in_the_future_is_refused(tree, cast, settings, day):
    settings.APP_TODAY = date(2026, 11, 23)
    person = make_person(tree["A.BV"], "Lý Văn Cũ", "NV21", start_date=date(2026, 3, 1))
    with pytest.raises(ValidationError) as error:
        services.update_person(by=cast["secretariat"], person=person, organisation=tree["A.TT"], transfer_date=day)
    assert "transfer_date" in error.value.error_dict


def test_closing_can_move_the_staff_to_the_successor(tree, cast):
    person = make_person(tree["A.TT.TYT"], "Vương Thị Loan", "NV30", start_date=date(2020, 1, 1))
    services.close_organisation(by=cast["secretariat"], organisation=tree["A.TT.TYT"], closed_on=date(2025, 7, 1),
                                successor=tree["A.BV"], move_people=True)
    person.refresh_from_db()
    assert person.organisation_id == tree["A.BV"].pk
    assert Assignment.objects.get(person=person, end_date__isnull=False).end_date == date(2025, 6, 30)


def test_a_closed_body_is_history_for_its_own_staff(tree, cast):
    services.close_organisation(by=cast["admin"], organisation=tree["A.TT"], closed_on=date(2025, 7, 1))
    centre = Organisation.objects.get(pk=tree["A.TT"].pk)
    with pytest.raises(ValidationError):
        services.update_organisation(by=cast["secretariat"], organisation=centre, name="Đổi tên sau khi đóng")
    with pytest.raises(PermissionDenied):
        services.reopen_organisation(by=cast["secretariat"], organisation=centre, reason="Muốn mở lại")
    with pytest.raises(ValidationError):
        services.reopen_organisation(by=cast["admin"], organisation=centre, reason="")
    services.reopen_organisation(by=cast["admin"], organisation=centre, reason="Quyết định số 1/QĐ-UBND")


def test_closing_in_the_future_is_refused(tree, cast):
    with pytest.raises(ValidationError) as error:
        services.close_organisation(by=cast["secretariat"], organisation=tree["A.TT"], closed_on=date(2099, 1, 1))
    assert "closed_on" in error.value.error_dict
