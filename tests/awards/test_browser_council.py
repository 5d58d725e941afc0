"""In a real browser on the demo data (issue 19, point 3): Sở Y tế Thái Nguyên has its Hội đồng Thi đua
– Khen thưởng for the running term; thuongtruc prepares a session, whose members come prefilled from
the council, marks one absence and one substitute at the roll call, and records a tally (first one
the consistency check refuses, then the right one). Loading the demo again adds no second term."""

from datetime import date
from io import StringIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from tests.browser import load_demo, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = date(2026, 11, 23)


@pytest.fixture
def demo(settings):
    load_demo(settings, TODAY)


def axe_problems(page) -> list[str]:
    """Serious, critical and heading-order findings of axe on the page as it stands."""
    return [v["id"] for v in Axe().run(page).response["violations"]
            if v["impact"] in ("serious", "critical") or v["id"] == "heading-order"]


def test_the_demo_council_has_one_term_and_its_session_started_from_it(demo):
    from awards.models import CouncilMember, CouncilSession, CouncilTerm

    term = CouncilTerm.objects.get(issuer__name="Sở Y tế Thái Nguyên")
    seated = set(CouncilMember.objects.filter(term=term, left_on__isnull=True).values_list("person_id", "role"))
    assert 5 <= len(seated) <= 7 and {r for _p, r in seated} == {"chair", "vice_chair", "member", "secretary"}
    session = CouncilSession.objects.get(issuer=term.issuer)
    assert set(session.members.values_list("person_id", "role")) == seated
    call_command("load_demo", "--today", TODAY.isoformat(), stdout=StringIO())
    assert CouncilTerm.objects.count() == 1 and CouncilMember.objects.count() == len(seated)


def test_a_session_starts_from_the_council_with_an_absence_and_a_substitute(live_server, page, demo):
    from awards.models import CouncilMember, CouncilSession, Nomination, SessionAbsence
    from units.models import Person

    term_members = {m.person.full_name: m for m in CouncilMember.objects.select_related("person__organisation")}
    candidate = (Nomination.objects.filter(state="accepted", award_type__needs_disclosure=False,
                                           proposal__campaign__issuer__name="Sở Y tế Thái Nguyên")
                 .select_related("proposal__organisation").first())
    base = live_server.url
    login(page, base, "thuongtruc")
    page.goto(f"{base}/khen-thuong/")
    page.get_by_role("link", name="Hội đồng Thi đua – Khen thưởng", exact=True).click()
    page.get_by_role("heading", name="Nhiệm kỳ hiện tại").wait_for()
    current = page.get_by_role("region", name="Nhiệm kỳ hiện tại").inner_text()
    assert all(name in current for name in term_members) and "Phó Chủ tịch Hội đồng" in current
    assert axe_problems(page) == []
    page.get_by_role("link", name="Nhiệm kỳ 2026–2030").first.click()
    page.get_by_role("heading", name="Thêm thành viên").wait_for()
    assert axe_problems(page) == []

    page.goto(f"{base}/khen-thuong/hoi-dong/")
    page.get_by_role("link", name="Chuẩn bị phiên họp").click()
    note = page.locator("#term-note")
    assert "nhiệm kỳ 2026–2030" in note.inner_text() and f"({len(term_members)} người)" in note.inner_text()
    assert axe_problems(page) == []
    chair = next(m for m in term_members.values() if m.role == "chair")
    assert page.get_by_label("Chủ tịch Hội đồng").input_value() == str(chair.person_id)
    for m in term_members.values():
        if m.role in ("member", "vice_chair"):
            assert page.locator(f"#m-{m.person_id}").is_checked()
    page.get_by_label("Nội dung phiên họp").fill("Phiên họp bổ sung xét Giấy khen")
    page.get_by_label("Ngày họp").fill(TODAY.strftime("%d/%m/%Y"))
    page.locator(f"#n-{candidate.pk}").check()
    page.get_by_role("button", name="Tạo phiên họp").click()
    page.get_by_text("Đã chuẩn bị phiên họp Hội đồng.").wait_for()
    session = CouncilSession.objects.get(title="Phiên họp bổ sung xét Giấy khen")
    assert session.members.count() == len(term_members)

    # The roll call: everyone present but two; one absent with a reason, one sends a substitute.
    members = {m.person.full_name: m for m in session.members.select_related("person__organisation")}
    ordinary = [name for name, m in members.items() if m.role == "member"]
    away, replaced = ordinary[0], next(
        name for name in ordinary[1:] if Person.objects.filter(
            organisation=members[name].person.organisation, is_active=True).exclude(
            pk__in=[m.person_id for m in members.values()]).exists())
    for m in members.values():
        page.locator(f"#member-{m.pk}").select_option("present")
    for name, reason in ((away, "Đi công tác tại Hà Nội"), (replaced, "Họp Ủy ban nhân dân tỉnh")):
        m = members[name]
        page.locator(f"#member-{m.pk}").select_option("absent")
        page.locator(f"#member-{m.pk} ~ details summary").click()
        page.locator(f"#reason-{m.pk}").fill(reason)
    substitute = page.locator(f"#substitute-{members[replaced].pk} option").nth(1)
    substitute_name = substitute.inner_text().split(" – ")[0]
    page.locator(f"#substitute-{members[replaced].pk}").select_option(index=1)
    page.get_by_role("button", name="Lưu điểm danh").click()
    page.get_by_text("Đã ghi điểm danh.").wait_for()
    total = len(members)
    assert f"Dự họp {total - 1}/{total}" in page.locator("#quorum-text").inner_text()
    roster = page.get_by_role("region", name="Thành viên, điểm danh").inner_text()
    assert "Vắng – lý do: Đi công tác tại Hà Nội" in roster and f"Người dự thay: {substitute_name}" in roster
    assert SessionAbsence.objects.get(member=members[replaced]).substitute.full_name == substitute_name
    assert axe_problems(page) == []

    # No threshold rule is enabled for this award: the page says what the check is.
    main = page.locator("main")
    assert "Chưa áp dụng ngưỡng biểu quyết" in main.inner_text()
    assert "Kiểm tra tính nhất quán của kết quả biểu quyết" in main.inner_text()
    tally = session.tallies.get()
    page.locator(f"#yes-{tally.pk}").fill("2")
    page.locator(f"#no-{tally.pk}").fill(str(total - 3))
    page.locator(f"#abstain-{tally.pk}").fill("0")
    page.locator(f"#outcome-{tally.pk}").select_option("approved")
    page.get_by_role("button", name="Ghi kết quả").click()
    page.get_by_text("Kiểm tra tính nhất quán của kết quả biểu quyết: số phiếu đồng ý (2) không quá nửa",
                     exact=False).wait_for()
    page.locator(f"#yes-{tally.pk}").fill(str(total - 2))
    page.locator(f"#no-{tally.pk}").fill("1")
    page.locator(f"#abstain-{tally.pk}").fill("0")
    page.locator(f"#outcome-{tally.pk}").select_option("approved")
    page.get_by_role("button", name="Ghi kết quả").click()
    page.get_by_text(f"Đã ghi kết quả: {candidate}").wait_for()
    tally.refresh_from_db()
    assert (tally.yes, tally.no, tally.outcome) == (total - 2, 1, "approved")
