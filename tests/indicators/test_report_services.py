"""Saving, sending, reviewing a unit's report: all cells or none, conflicts, deadlines, history."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from indicators import selectors, services
from indicators.models import CampaignIndicator, Result, Submission, SubmissionEvent
from indicators.services import CellInput
from indicators.submissions import Status
from units.access import SYSTEM

pytestmark = pytest.mark.django_db


def cells(plan, **typed):
    return {plan["rows"][code].pk: CellInput(actual_text=text) for code, text in typed.items()}


def test_a_grid_saves_every_cell_keeping_what_was_typed(plan, tree, cast):
    services.save_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"],
                         cells=cells(plan, BHYT="90,08", SDD="< 17", TYT="11/12"))
    results = {r.indicator.definition.code: r for r in Result.objects.select_related("indicator__definition")}
    assert (results["BHYT"].actual_text, results["BHYT"].value) == ("90,08", Decimal("90.08"))
    assert (results["SDD"].bound, results["TYT"].value, results["TYT"].denominator) == ("<", 11, 12)


def test_one_bad_cell_saves_nothing_and_names_the_cell(plan, tree, cast):
    with pytest.raises(services.GridErrors) as error:
        services.save_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"],
                             cells=cells(plan, BHYT="90,08", SDD="11.88", TYT="13/12"))
    assert set(error.value.cells) == {plan["rows"]["SDD"].pk, plan["rows"]["TYT"].pk}
    assert "dấu phẩy" in error.value.cells[plan["rows"]["SDD"].pk]
    assert not Result.objects.exists()


def test_a_unit_cannot_write_another_units_report(plan, tree, cast):
    with pytest.raises(PermissionDenied):
        services.save_report(by=cast["staff"], period=plan["period"], organisation=tree["A.TT"],
                             cells=cells(plan, BHYT="90"))
    with pytest.raises(PermissionDenied):
        services.save_report(by=cast["secretariat"], period=plan["period"], organisation=tree["A.BV"],
                             cells=cells(plan, BHYT="90"))


def test_an_indicator_the_unit_does_not_report_is_refused(plan, tree, cast):
    from indicators.models import CampaignIndicator

    plan["rows"]["TYT"].reporting_scope = CampaignIndicator.Scope.NAMED
    plan["rows"]["TYT"].save()
    plan["rows"]["TYT"].reporting_units.set([tree["A.TT"]])
    with pytest.raises(PermissionDenied):
        services.save_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"],
                             cells=cells(plan, TYT="12/12"))


def test_a_second_save_from_an_older_page_is_a_conflict(plan, tree, cast):
    first = services.save_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"],
                                 cells=cells(plan, BHYT="90"))
    opened_at = first.version
    services.save_report(by=cast["head"], period=plan["period"], organisation=tree["A.BV"],
                         cells=cells(plan, BHYT="92"), expected_version=opened_at)
    with pytest.raises(services.VersionConflict):
        services.save_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"],
                             cells=cells(plan, BHYT="95"), expected_version=opened_at)
    assert Result.objects.get(indicator=plan["rows"]["BHYT"]).actual_text == "92"


def test_submit_return_with_reason_and_resubmit(plan, tree, cast):
    services.save_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"],
                         cells=cells(plan, BHYT="90", SDD="13,04"))
    services.submit_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"])
    submission = Submission.objects.get()
    with pytest.raises(ValidationError):
        services.save_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"],
                             cells=cells(plan, BHYT="91"))
    with pytest.raises(ValidationError):
        services.review_report(by=cast["secretariat"], submission=submission, accept=False, reason="")
    with pytest.raises(PermissionDenied):
        services.review_report(by=cast["staff"], submission=submission, accept=True)
    services.review_report(by=cast["secretariat"], submission=submission, accept=False, reason="Thiếu minh chứng")
    submission.refresh_from_db()
    assert (submission.status, submission.return_reason) == (Status.RETURNED, "Thiếu minh chứng")
    services.save_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"],
                         cells=cells(plan, BHYT="91"))
    services.submit_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"])
    services.review_report(by=cast["secretariat"], submission=submission, accept=True)
    submission.refresh_from_db()
    assert submission.status == Status.ACCEPTED
    actions = list(SubmissionEvent.objects.filter(submission=submission).order_by("at", "id")
                   .values_list("action", "reason"))
    assert ("transition", "Thiếu minh chứng") in actions and actions.count(("changed", "")) == 2


def test_after_the_deadline_the_grid_is_locked_unless_an_exception(plan, tree, cast, settings):
    settings.APP_TODAY = date(2026, 6, 20)   # "trước ngày 20/6": the 19th was the last day
    with pytest.raises(ValidationError):
        services.save_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"],
                             cells=cells(plan, BHYT="90"))
    with pytest.raises(PermissionDenied):
        services.grant_exception(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"],
                                 until=date(2026, 6, 25), reason="x")
    services.grant_exception(by=cast["secretariat"], period=plan["period"], organisation=tree["A.BV"],
                             until=date(2026, 6, 25), reason="Đơn vị bị mất điện")
    services.save_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"],
                         cells=cells(plan, BHYT="90"))
    services.submit_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"])
    periods, rows = selectors.completeness(plan["campaign"], cast["secretariat"], date(2026, 6, 20))
    states = {row.organisation.name: row.cells[0].timeliness for row in rows}
    assert states == {"Bệnh viện Đa khoa": "late", "Trung tâm Y tế Đức Thọ": "missing"}


def test_an_empty_report_cannot_be_sent(plan, tree, cast):
    with pytest.raises(ValidationError):
        services.submit_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"])


def test_saving_and_sending_is_one_step(plan, tree, cast):
    submission = services.save_and_submit_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"],
                                                 cells=cells(plan, BHYT="92", SDD="13,04"))
    assert (submission.status, submission.version) == (Status.SUBMITTED, 3)
    assert Result.objects.get(indicator=plan["rows"]["BHYT"]).actual_text == "92"


def test_a_send_refused_after_its_save_saves_nothing(plan, tree, cast):
    services.save_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"], cells={},
                         narrative={"narrative_done": "Bản nháp"})
    before = Submission.objects.get().version
    with pytest.raises(ValidationError, match="chưa có số liệu"):
        services.save_and_submit_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"],
                                        cells=cells(plan, BHYT="", SDD=""), narrative={"narrative_done": "Đã sửa"},
                                        expected_version=before)
    submission = Submission.objects.get()
    assert (submission.status, submission.version, submission.narrative_done) == (Status.DRAFT, before, "Bản nháp")
    assert SubmissionEvent.objects.filter(submission=submission, action=SubmissionEvent.Action.CHANGED).count() == 1


def test_an_override_needs_a_reason_and_says_who(plan, tree, cast):
    services.save_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"],
                         cells=cells(plan, BHYT="85"))
    result = Result.objects.get(indicator=plan["rows"]["BHYT"])
    with pytest.raises(ValidationError):
        services.override_result(by=cast["secretariat"], result=result, achieved=True, reason="")
    services.override_result(by=cast["secretariat"], result=result, achieved=True, reason="Số liệu cả năm đạt")
    grid = selectors.grid(plan["period"], tree["A.BV"], date(2026, 6, 10))
    cell = next(c for c in grid.cells if c.indicator == plan["rows"]["BHYT"])
    assert (cell.evaluation.achieved, cell.evaluation.overridden, cell.result.override_by) == (True, True,
                                                                                               cast["secretariat"])


def test_targets_lock_once_the_campaign_is_issued(plan, tree, cast):
    indicator = plan["rows"]["BHYT"]
    indicator.target_text = "≥95%"
    with pytest.raises(ValidationError) as error:
        services.save_indicator(by=cast["secretariat"], campaign=plan["campaign"], instance=indicator)
    assert "reason" in error.value.error_dict
    with pytest.raises(PermissionDenied):
        services.save_indicator(by=cast["staff"], campaign=plan["campaign"], instance=indicator, reason="x")
    services.save_indicator(by=cast["secretariat"], campaign=plan["campaign"], instance=indicator,
                            reason="Điều chỉnh theo chỉ đạo của tỉnh")
    indicator.refresh_from_db()
    assert indicator.target_value == 95


def test_a_unit_target_overrides_the_campaigns_for_that_unit(plan, tree, cast):
    services.set_unit_target(by=cast["secretariat"], indicator=plan["rows"]["BHYT"], organisation=tree["A.TT"],
                             target_text="≥85%", reason="Địa bàn khó khăn")
    services.save_report(by=cast["other_staff"], period=plan["period"], organisation=tree["A.TT"],
                         cells=cells(plan, BHYT="86"))
    grid = selectors.grid(plan["period"], tree["A.TT"], date(2026, 6, 10))
    cell = next(c for c in grid.cells if c.indicator == plan["rows"]["BHYT"])
    assert (cell.target.text, cell.evaluation.achieved) == ("≥85%", True)


def test_the_campaign_figure_rolls_up_and_units_are_counted(plan, tree, cast):
    services.save_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"],
                         cells=cells(plan, BHYT="92", TYT="4/4"))
    services.save_report(by=cast["other_staff"], period=plan["period"], organisation=tree["A.TT"],
                         cells=cells(plan, BHYT="88", TYT="3/4"))
    def table():
        return {r.indicator.definition.code: r for r in selectors.campaign_table(plan["campaign"], plan["period"],
                                                                                 cast["secretariat"])}

    assert table()["TYT"].figure_text == "" and table()["TYT"].units_reported == 0   # drafts do not count
    for who, org in (("staff", "A.BV"), ("other_staff", "A.TT")):
        services.submit_report(by=cast[who], period=plan["period"], organisation=tree[org], today=date(2026, 6, 10))
    rows = table()
    assert rows["BHYT"].figure_text == "1/2 đơn vị đạt"
    assert rows["TYT"].figure_text == "7"
    submission = Submission.objects.get(period=plan["period"], organisation=tree["A.TT"])
    services.review_report(by=cast["secretariat"], submission=submission, accept=False, reason="Thiếu minh chứng.")
    rows = table()
    assert rows["TYT"].figure_text == "4" and rows["TYT"].units_reported == 1   # nor does a returned report


def test_reminders_are_logged_and_mailed(plan, tree, cast, mailoutbox, django_capture_on_commit_callbacks):
    from units import services as unit_services

    unit_services.create_account(by=SYSTEM, username="nhan.thu", full_name="Người Nhận", email="nhan@example.vn",
                                 organisation=tree["A.TT"], role="unit_staff")
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.remind(by=cast["secretariat"], period=plan["period"], organisations=[tree["A.TT"]],
                               site="https://thidua.example.vn/", today=date(2026, 6, 25))
    assert sent[0].sent_by == cast["secretariat"] and "nhan@example.vn" in sent[0].recipients
    assert mailoutbox and "Nhắc nộp báo cáo" in mailoutbox[0].subject
    body = mailoutbox[0].body
    assert "quá hạn (hạn chót 19/06/2026)" in body
    assert f"https://thidua.example.vn/chi-tieu/bao-cao/{plan['period'].pk}/{tree['A.TT'].pk}/" in body
    with pytest.raises(PermissionDenied):
        services.remind(by=cast["outsider"], period=plan["period"], organisations=[tree["A.TT"]])


def test_who_reports_is_part_of_the_plans_history(plan, tree, cast):
    from campaigns.models import CampaignEvent

    indicator = plan["rows"]["BHYT"]
    indicator.reporting_scope = CampaignIndicator.Scope.NAMED
    services.save_indicator(by=cast["secretariat"], campaign=plan["campaign"], instance=indicator,
                            reporting_units=[tree["A.BV"]], reason="Chỉ bệnh viện báo cáo chỉ tiêu này")
    event = CampaignEvent.objects.filter(target_id=indicator.pk).latest("at")
    units = next(c for c in event.changes if c["field"] == "reporting_units")
    assert units["after"] == "Bệnh viện Đa khoa" and event.reason == "Chỉ bệnh viện báo cáo chỉ tiêu này"
    services.save_indicator(by=cast["secretariat"], campaign=plan["campaign"], instance=indicator,
                            reporting_units=[tree["A.BV"], tree["A.TT"]], reason="Thêm trung tâm y tế")
    event = CampaignEvent.objects.filter(target_id=indicator.pk).latest("at")
    assert [c["field"] for c in event.changes] == ["reporting_units"]
    assert event.changes[0]["before"] == "Bệnh viện Đa khoa" and "Bệnh viện Đa khoa; " in event.changes[0]["after"]


def test_a_closed_campaigns_reports_are_the_record(plan, tree, cast):
    services.save_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"],
                         cells=cells(plan, BHYT="92"))
    submission = services.submit_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"])
    services.review_report(by=cast["secretariat"], submission=submission, accept=True)
    type(plan["campaign"]).objects.filter(pk=plan["campaign"].pk).update(status="closed")
    for attempt in (
        lambda: services.review_report(by=cast["secretariat"], submission=submission, accept=False, reason="Sai"),
        lambda: services.grant_exception(by=cast["secretariat"], period=plan["period"], organisation=tree["A.BV"],
                                         until=date(2026, 7, 1), reason="Muộn"),
        lambda: services.remind(by=cast["secretariat"], period=plan["period"], organisations=[tree["A.TT"]]),
    ):
        with pytest.raises(ValidationError, match="không còn nhận báo cáo"):
            attempt()
    assert Submission.objects.get(pk=submission.pk).status == Status.ACCEPTED


def test_column_labels_are_unique_and_follow_the_printed_numbers():
    from types import SimpleNamespace as Row

    rows = [Row(pk=1, number="12", parent_id=None, is_group=False),
            Row(pk=2, number="13", parent_id=None, is_group=True),
            Row(pk=3, number="", parent_id=2, is_group=False), Row(pk=4, number="", parent_id=2, is_group=False),
            Row(pk=5, number="14", parent_id=None, is_group=False)]
    assert selectors.column_labels(rows) == {1: "12", 2: "13", 3: "13a", 4: "13b", 5: "14"}
    unnumbered = [Row(pk=i, number="", parent_id=None, is_group=False) for i in (7, 8)]
    assert selectors.column_labels(unnumbered) == {7: "(1)", 8: "(2)"}


def test_an_indicator_added_after_a_report_was_sent_is_not_owed_for_that_period(plan, tree, cast):
    from indicators.models import IndicatorDefinition

    services.save_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"],
                         cells=cells(plan, BHYT="92"))
    assert Result.objects.filter(submission__organisation=tree["A.BV"]).count() == 3   # a row per grid cell
    services.submit_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"])
    definition = services.save_definition(by=SYSTEM, instance=IndicatorDefinition(
        issuer=tree["A"], code="MOI", name="Chỉ tiêu bổ sung giữa năm", direction="higher"))
    services.save_indicator(by=cast["secretariat"], campaign=plan["campaign"], reason="Bổ sung theo chỉ đạo",
                            instance=CampaignIndicator(definition=definition, comparator="gte", target_text="90"))
    row = next(r for r in selectors.campaign_table(plan["campaign"], plan["period"], cast["secretariat"])
               if r.indicator.definition.code == "MOI")
    assert row.units_expected == 1 and tree["A.BV"].pk not in row.unit_cells
    _periods, matrix = selectors.completeness(plan["campaign"], cast["secretariat"], date(2026, 6, 10))
    bv = next(r for r in matrix if r.organisation == tree["A.BV"]).cells[0]
    assert (bv.filled, bv.expected) == (1, 3)


def test_a_returned_report_is_emailed_to_the_units_people_with_the_reason(plan, tree, cast, mailoutbox, settings,
                                                                          django_capture_on_commit_callbacks):
    settings.SITE_URL = "https://thidua.example.vn"
    cast["staff"].email, cast["head"].email = "dv@bv.vn", "td@bv.vn"
    cast["staff"].save(), cast["head"].save()
    cast["other_staff"].email = "khac@tt.vn"   # another unit: not told
    cast["other_staff"].save()
    services.save_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"],
                         cells=cells(plan, BHYT="90", SDD="13,04"))
    services.submit_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"])
    with django_capture_on_commit_callbacks(execute=True):
        services.review_report(by=cast["secretariat"], submission=Submission.objects.get(), accept=False,
                               reason="Thiếu minh chứng\r\nBcc: x@y.z")
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert sorted(message.to) == ["dv@bv.vn", "td@bv.vn"] and "bị trả lại" in message.subject
    assert "\n" not in message.subject and "Lý do: Thiếu minh chứng" in message.body
    assert f"https://thidua.example.vn/chi-tieu/bao-cao/{plan['period'].pk}/{tree['A.BV'].pk}/" in message.body
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"])
        services.review_report(by=cast["secretariat"], submission=Submission.objects.get(), accept=True)
    assert len(mailoutbox) == 1   # an accepted report is not mailed
