"""Implausible values refused with a message (security issue, point 8): a late-report exception
until 31/12/9999, reminders for units that owe nothing, and digits other than 0–9 in figures
("٣" refused; full-width "５" read as 5, explicitly) in the grid, the plan and an Excel import."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from indicators import evaluation, services, submissions
from indicators.evaluation import Comparator as C
from indicators.models import Reminder, Result, Submission
from indicators.services import CellInput
from units.access import SYSTEM

# --- Pure rules ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["٣", "١٢,٥", "٣/٤", "< ١٧", "۳"])
def test_a_figure_with_other_digits_is_refused_not_read(text):
    with pytest.raises(evaluation.ParseError) as error:
        evaluation.parse_actual(text, C.GTE if "/" not in text else C.ALL_OF)
    assert "chỉ dùng chữ số 0–9" in str(error.value)


def test_a_full_width_figure_is_read_as_the_digits_it_shows_and_kept_in_ascii():
    actual = evaluation.parse_actual("１２,５", C.GTE)
    assert (actual.value, actual.text) == (Decimal("12.5"), "12,5")
    assert evaluation.parse_actual("１１/１２", C.ALL_OF).denominator == 12


@pytest.mark.parametrize("text", ["≥٩١%", "Duy trì ١٠ trạm"])
def test_a_printed_target_with_other_digits_is_refused(text):
    with pytest.raises(evaluation.ParseError):
        evaluation.parse_target(text, "higher")


TODAY = date(2026, 6, 20)


@pytest.mark.parametrize(("until", "allowed"), [
    (date(2026, 6, 19), False), (TODAY, True), (date(2026, 9, 18), True),   # 90 days on
    (date(2026, 9, 19), False), (date(2027, 6, 30), False), (date(9999, 12, 31), False),
])
def test_an_exception_runs_from_today_for_at_most_ninety_days(until, allowed):
    problem = submissions.exception_problem(until, today=TODAY, period_year=2026, deadline=date(2026, 6, 20))
    assert (problem == "") is allowed


def test_an_exception_never_outlives_the_year_after_the_periods():
    today = date(2027, 11, 15)
    first, last = submissions.exception_window(today=today, period_year=2026, deadline=date(2027, 1, 15))
    assert (first, last) == (today, date(2027, 12, 31))
    late = submissions.exception_problem(date(2028, 1, 5), today=date(2028, 1, 2), period_year=2026,
                                         deadline=date(2027, 1, 15))
    assert "chỉ dùng đến hết ngày 31/12/2027" in late


@pytest.mark.parametrize(("status", "owes"), [
    (None, True), ("draft", True), ("returned", True), ("submitted", False), ("accepted", False)])
def test_only_a_report_not_sent_is_owed(status, owes):
    assert submissions.owes_report(status) is owes


# --- Services ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_exception_until_9999_is_refused_by_the_service_and_nothing_is_saved(plan, tree, cast, settings):
    settings.APP_TODAY = date(2026, 6, 20)
    for until in (date(9999, 12, 31), date(2026, 12, 31)):
        with pytest.raises(ValidationError) as error:
            services.grant_exception(by=cast["secretariat"], period=plan["period"], organisation=tree["A.BV"],
                                     until=until, reason="Đơn vị bị mất điện")
        assert "18/09/2026" in " ".join(error.value.message_dict["until"])
    assert not Submission.objects.exists()
    services.grant_exception(by=cast["secretariat"], period=plan["period"], organisation=tree["A.BV"],
                             until=date(2026, 9, 18), reason="Đơn vị bị mất điện")
    assert Submission.objects.get().exception_until == date(2026, 9, 18)


@pytest.mark.django_db
def test_a_reminder_is_refused_for_a_unit_that_reports_nothing_in_the_campaign(plan, tree, cast):
    with pytest.raises(ValidationError) as error:
        services.remind(by=cast["secretariat"], period=plan["period"], organisations=[tree["A.TT"], tree["A.TCHC"]])
    assert tree["A.TCHC"].name in error.value.messages[0]
    assert not Reminder.objects.exists()


@pytest.mark.django_db
def test_a_reminder_is_refused_for_a_unit_that_sent_its_report(plan, tree, cast):
    services.save_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"],
                         cells={plan["rows"]["BHYT"].pk: CellInput("92")})
    services.submit_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"])
    with pytest.raises(ValidationError):
        services.remind(by=cast["secretariat"], period=plan["period"], organisations=[tree["A.BV"]])
    submission = Submission.objects.get()
    services.review_report(by=cast["secretariat"], submission=submission, accept=True)
    with pytest.raises(ValidationError):
        services.remind(by=cast["secretariat"], period=plan["period"], organisations=[tree["A.BV"]])
    assert not Reminder.objects.exists()
    services.review_report(by=cast["secretariat"], submission=submission, accept=False, reason="Thiếu minh chứng")
    assert len(services.remind(by=cast["secretariat"], period=plan["period"], organisations=[tree["A.BV"]])) == 1


@pytest.mark.django_db
def test_a_reminder_for_another_issuers_unit_stays_a_refusal(plan, tree, cast):
    with pytest.raises(PermissionDenied):
        services.remind(by=cast["secretariat"], period=plan["period"], organisations=[tree["B.BV"]])
    assert not Reminder.objects.exists()


@pytest.mark.django_db
def test_a_target_with_other_digits_is_refused_next_to_the_field(plan, cast):
    indicator = plan["rows"]["BHYT"]
    indicator.target_text = "≥٩١%"
    with pytest.raises(ValidationError) as error:
        services.save_indicator(by=SYSTEM, campaign=plan["campaign"], instance=indicator)
    assert "target_text" in error.value.message_dict
    indicator.target_text = "≥９１%"
    services.save_indicator(by=SYSTEM, campaign=plan["campaign"], instance=indicator)
    indicator.refresh_from_db()
    assert (indicator.target_text, indicator.target_value) == ("≥91%", Decimal(91))


# --- Pages ---------------------------------------------------------------------------------------------


def exception_url(plan, org):
    return reverse("indicators:report-exception", args=[plan["period"].pk, org.pk])


@pytest.mark.django_db
@pytest.mark.parametrize(("typed", "message"), [
    ("31/12/9999", "01/01/1900 – 31/12/2100"), ("31/12/2026", "chậm nhất ngày 18/09/2026"),
    ("30/06/٢٠٢٦", "Chỉ dùng chữ số 0–9."),
])
def test_an_implausible_exception_date_gets_its_message_next_to_the_field(login, plan, tree, cast, settings,
                                                                          typed, message):
    settings.APP_TODAY = date(2026, 6, 20)
    response = login(cast["secretariat"]).post(exception_url(plan, tree["A.BV"]),
                                               {"until": typed, "reason": "Đơn vị bị mất điện"})
    content = response.content.decode()
    assert response.status_code == 200
    field = content[content.index('id="id_until"') - 200:content.index('id="id_exception_reason"')]
    assert "is-invalid" in field and f'value="{typed}"' in field and message in field
    assert 'value="Đơn vị bị mất điện"' in content
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_a_plausible_exception_is_granted(login, plan, tree, cast, settings):
    settings.APP_TODAY = date(2026, 6, 20)
    response = login(cast["secretariat"]).post(exception_url(plan, tree["A.BV"]),
                                               {"until": "30/06/2026", "reason": "Đơn vị bị mất điện"})
    assert response.status_code == 302
    assert Submission.objects.get().exception_until == date(2026, 6, 30)


@pytest.mark.django_db
def test_the_reminder_page_never_records_a_reminder_for_a_unit_that_owes_nothing(login, plan, tree, cast, settings):
    settings.APP_TODAY = date(2026, 6, 15)
    services.save_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"],
                         cells={plan["rows"]["BHYT"].pk: CellInput("92")})
    services.submit_report(by=cast["staff"], period=plan["period"], organisation=tree["A.BV"])
    client = login(cast["secretariat"])
    url = reverse("indicators:remind", args=[plan["campaign"].pk, plan["period"].pk])
    client.post(url, {"organisation": [tree["A.BV"].pk, tree["A.TCHC"].pk, tree["B.BV"].pk]})
    assert not Reminder.objects.exists()
    client.post(url, {"organisation": [tree["A.BV"].pk, tree["A.TT"].pk]})
    client.post(url, {"tat-ca": "1"})
    assert sorted(Reminder.objects.values_list("organisation__name", flat=True)) == [tree["A.TT"].name] * 2


def post_grid(client, plan, org, **typed):
    data = {"action": "save", "version": ""}
    data.update({f"actual-{plan['rows'][code].pk}": text for code, text in typed.items()})
    return client.post(reverse("indicators:report", args=[plan["period"].pk, org.pk]), data)


@pytest.mark.django_db
def test_a_grid_cell_with_other_digits_is_refused_and_full_width_is_saved_as_read(login, plan, tree, cast):
    client = login(cast["staff"])
    response = post_grid(client, plan, tree["A.BV"], BHYT="٣", SDD="13,04")
    content = response.content.decode()
    assert response.status_code == 200
    assert "chỉ dùng chữ số 0–9" in content and 'value="٣"' in content
    assert not Result.objects.exists()
    assert post_grid(client, plan, tree["A.BV"], BHYT="９２,５", TYT="１１/１２").status_code == 302
    saved = {r.indicator_id: r for r in Result.objects.exclude(actual_text="")}
    bhyt, tyt = saved[plan["rows"]["BHYT"].pk], saved[plan["rows"]["TYT"].pk]
    assert (bhyt.actual_text, bhyt.value) == ("92,5", Decimal("92.5"))
    assert (tyt.actual_text, tyt.value, tyt.denominator) == ("11/12", 11, 12)


def upload_with(client, plan, org, cells: dict[str, str]):
    """The report's own Excel template, its “Thực hiện” cells typed as text."""
    template = client.get(reverse("indicators:report-template", args=[plan["period"].pk, org.pk])).content
    book = load_workbook(BytesIO(template))
    sheet = book["Báo cáo"]
    header = [c.value for c in sheet[1]]
    actual_col = header.index("Thực hiện") + 1
    rows = {sheet.cell(row=r, column=3).value: r for r in range(2, sheet.max_row + 1)}
    names = {"BHYT": "Tỷ lệ tham gia bảo hiểm y tế", "SDD": "Tỷ lệ suy dinh dưỡng", "TYT": "Trạm đạt chuẩn"}
    for code, text in cells.items():
        sheet.cell(row=rows[names[code]], column=actual_col, value=text)
    buffer = BytesIO()
    book.save(buffer)
    return client.post(reverse("indicators:report-upload", args=[plan["period"].pk, org.pk]),
                       {"file": SimpleUploadedFile("bao-cao.xlsx", buffer.getvalue())})


@pytest.mark.django_db
def test_an_import_cell_with_other_digits_is_refused_and_full_width_is_read(login, plan, tree, cast):
    client = login(cast["staff"])
    response = upload_with(client, plan, tree["A.BV"], {"BHYT": "٣", "SDD": "13,04"})
    content = response.content.decode()
    assert "chưa có số liệu nào được lưu" in content and "chỉ dùng chữ số 0–9" in content
    assert not Result.objects.exists()
    assert upload_with(client, plan, tree["A.BV"], {"BHYT": "５"}).status_code == 302
    bhyt = Result.objects.get(indicator=plan["rows"]["BHYT"])
    assert (bhyt.actual_text, bhyt.value) == ("5", Decimal(5))
