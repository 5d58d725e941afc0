"""A report nobody has saved yet, opened by two people: the second save goes through the same
conflict handling as any later one (issue 13, item 5 a), whether the two saves follow each other or
race for the row."""

import re
import threading

import pytest
from django.db import close_old_connections, connection, transaction
from django.test import Client
from django.urls import reverse

from indicators import services
from indicators.models import Result, Submission
from indicators.services import CellInput

pytestmark = pytest.mark.django_db


def report_url(plan, org):
    return reverse("indicators:report", args=[plan["period"].pk, org.pk])


def opened_page(user, plan, org) -> tuple[Client, dict]:
    """A person's client and the form fields its page was rendered with (version and the orig-* values)."""
    client = Client()
    client.force_login(user)
    content = client.get(report_url(plan, org)).content.decode()
    hidden = dict(re.findall(r'<input type="hidden" name="((?:version|orig-)[^"]*)" value="([^"]*)"', content))
    return client, hidden


def test_the_second_of_two_first_saves_is_merged_and_flagged_not_written_over(plan, tree, cast):
    rows, org = plan["rows"], tree["A.BV"]
    first, first_form = opened_page(cast["head"], plan, org)
    second, second_form = opened_page(cast["staff"], plan, org)
    assert not Submission.objects.exists()
    assert first_form["version"] == second_form["version"] != ""
    assert first.post(report_url(plan, org), {
        **first_form, "action": "save", f"actual-{rows['BHYT'].pk}": "90", f"actual-{rows['TYT'].pk}": "3/4",
        "narrative_done": "Phần của người thứ nhất"}).status_code == 302

    response = second.post(report_url(plan, org), {
        **second_form, "action": "save", f"actual-{rows['BHYT'].pk}": "95", f"actual-{rows['SDD'].pk}": "12",
        "narrative_done": "", "narrative_proposals": "Đề xuất của người thứ hai"})
    content = response.content.decode()
    assert response.status_code == 200 and "vừa được" in content
    # The first person's cells are still what is stored.
    saved = {r.indicator_id: r.actual_text for r in Result.objects.all()}
    assert (saved[rows["BHYT"].pk], saved[rows["TYT"].pk], saved[rows["SDD"].pk]) == ("90", "3/4", "")
    assert Submission.objects.get().narrative_done == "Phần của người thứ nhất"
    # Both typed BHYT: the second person's 95 stays on the page, flagged with the first's 90.
    assert 'value="95"' in content and "vừa lưu “90”" in content
    # Only the first typed TYT and the first narrative: the page now shows them, ready to be saved.
    assert 'value="3/4"' in content and "đã lấy số liệu mới" in content
    assert "Phần của người thứ nhất" in content
    # Only the second typed SDD and a proposal: kept.
    assert 'value="12"' in content and "Đề xuất của người thứ hai" in content


def test_a_page_without_a_version_is_checked_as_opened_before_the_first_save(login, plan, tree, cast):
    services.save_report(by=cast["head"], period=plan["period"], organisation=tree["A.BV"],
                         cells={plan["rows"]["BHYT"].pk: CellInput("90")})
    response = login(cast["staff"]).post(report_url(plan, tree["A.BV"]), {
        "action": "save", "version": "", f"actual-{plan['rows']['BHYT'].pk}": "95"})
    assert response.status_code == 200 and "vừa được" in response.content.decode()
    assert Result.objects.get(indicator=plan["rows"]["BHYT"]).actual_text == "90"


def test_alone_the_first_save_of_a_page_opened_before_it_goes_through(login, plan, tree, cast):
    client = login(cast["staff"])
    version = re.search(r'name="version" value="([^"]*)"', client.get(report_url(plan, tree["A.BV"]))
                        .content.decode()).group(1)
    assert client.post(report_url(plan, tree["A.BV"]), {
        "action": "save", "version": version, f"actual-{plan['rows']['BHYT'].pk}": "95"}).status_code == 302
    assert Submission.objects.get().version == services.UNSAVED_VERSION + 1


@pytest.mark.django_db(transaction=True)
def test_two_first_saves_racing_for_the_new_row_one_wins_the_other_is_a_conflict(plan, tree, cast):
    """The first save holds the new row uncommitted while the second tries to create it: the
    second waits on the unique constraint, then finds the row saved and is refused."""
    period, org, rows = plan["period"], tree["A.BV"], plan["rows"]
    first_saved, release = threading.Event(), threading.Event()
    outcome = {}

    def first():
        try:
            with transaction.atomic():
                services.save_report(by=cast["head"], period=period, organisation=org,
                                     cells={rows["BHYT"].pk: CellInput("90")},
                                     expected_version=services.UNSAVED_VERSION)
                first_saved.set()
                release.wait(10)
            outcome["first"] = "saved"
        finally:
            first_saved.set()
            connection.close()

    def second():
        first_saved.wait(10)
        try:
            services.save_report(by=cast["staff"], period=period, organisation=org,
                                 cells={rows["BHYT"].pk: CellInput("95")},
                                 expected_version=services.UNSAVED_VERSION)
            outcome["second"] = "saved"
        except services.VersionConflict:
            outcome["second"] = "conflict"
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    first_saved.wait(10)
    threads[1].join(1)           # the second is now waiting for the first's row
    assert threads[1].is_alive()
    release.set()
    for thread in threads:
        thread.join(20)
    close_old_connections()
    assert outcome == {"first": "saved", "second": "conflict"}
    assert Submission.objects.get().version == services.UNSAVED_VERSION + 1
    assert Result.objects.get(indicator=rows["BHYT"]).actual_text == "90"
