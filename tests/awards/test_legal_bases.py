"""The căn cứ a decision cites, by its date (issue 13): the dated table, the choice (pure) and the
administrator's page with its checks."""

from datetime import date
from types import SimpleNamespace

import pytest
from django.urls import reverse

from awards import catalogue, rules, services
from awards.models import AwardEvent, DatedLegalBasis
from units.access import SYSTEM


def seeded() -> list:
    return [SimpleNamespace(pk=i, kind=kind, order=order, effective_from=start, effective_to=end, text=text,
                            document="decision")
            for i, (kind, order, start, end, _verify, text) in enumerate(catalogue.LEGAL_BASES, start=1)]


def cited(day: date) -> list[str]:
    return [row.text for row in rules.legal_bases_on(seeded(), day)]


OLD_LAW = ("Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi "
           "đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013")
NEW_LAW = "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"


@pytest.mark.parametrize("day, law, decree", [
    (date(2021, 12, 28), OLD_LAW, "91/2017/NĐ-CP"),
    (date(2022, 1, 10), OLD_LAW, "91/2017/NĐ-CP"),
    (date(2023, 12, 31), OLD_LAW, "91/2017/NĐ-CP"),
    (date(2024, 1, 1), NEW_LAW, "98/2023/NĐ-CP"),
    (date(2025, 6, 30), NEW_LAW, "98/2023/NĐ-CP"),
    (date(2025, 7, 1), NEW_LAW, "152/2025/NĐ-CP"),
    (date(2026, 11, 23), NEW_LAW, "152/2025/NĐ-CP"),
])
def test_a_decision_cites_the_law_and_the_decree_in_force_on_its_day(day, law, decree):
    lines = cited(day)
    assert len(lines) == 2
    assert lines[0] == law and decree in lines[1]


def test_the_law_prints_before_the_decrees_and_circulars_whatever_their_order_numbers():
    rows = seeded() + [SimpleNamespace(pk=99, kind="circular", order=1, effective_from=date(2024, 1, 1),
                                       effective_to=None, text="Thông tư số 01/2024/TT-BNV", document="decision")]
    kinds = [row.kind for row in rules.legal_bases_on(rows, date(2024, 3, 1))]
    assert kinds == ["law", "decree", "circular"]


def test_two_laws_whose_periods_meet_clash_decrees_may_overlap():
    rows = seeded()
    law = SimpleNamespace(pk=None, kind="law", document="decision", effective_from=date(2023, 12, 31),
                          effective_to=date(2023, 12, 31))
    assert rules.overlapping_law(rows, law).text == OLD_LAW
    law.effective_from = law.effective_to = date(2003, 1, 1)
    assert rules.overlapping_law(rows, law) is None
    # An open-ended law from 2030 meets the 2022 law, which has no end yet.
    law.effective_from, law.effective_to = date(2030, 1, 1), None
    assert rules.overlapping_law(rows, law).text == NEW_LAW
    # A row being edited does not clash with itself.
    assert rules.overlapping_law(rows, rows[1]) is None
    decree = SimpleNamespace(pk=None, kind="decree", document="decision", effective_from=date(2025, 1, 1),
                             effective_to=None)
    assert rules.overlapping_law(rows, decree) is None


# --- The table in the database and the administrator's page -------------------------------------------


@pytest.mark.django_db
def test_the_migration_seeds_the_instruments_of_domain_md_and_marks_the_unverified_end():
    rows = {(row.kind, row.effective_from, row.effective_to): row for row in DatedLegalBasis.objects.all()}
    assert len(rows) == len(catalogue.LEGAL_BASES) == 5
    assert rows[("decree", date(2024, 1, 1), date(2025, 6, 30))].needs_verification
    assert not rows[("decree", date(2017, 10, 1), date(2023, 12, 31))].needs_verification


def form_data(**changes) -> dict:
    data = {"kind": "circular", "text": "Thông tư số 15/2025/TT-BNV", "order": "30", "effective_from": "01/07/2025",
            "effective_to": "", "document": "decision"}
    return {**data, **changes}


def test_the_administrator_adds_a_basis_and_it_is_recorded(login, cast):
    client = login(cast["admin"])
    response = client.post(reverse("awards:legal-bases"), form_data(text="Căn cứ Thông tư số 15/2025/TT-BNV;"))
    assert response.status_code == 302
    row = DatedLegalBasis.objects.get(kind="circular")
    # "Căn cứ" is printed by the decision, and the closing ";" too.
    assert row.text == "Thông tư số 15/2025/TT-BNV" and row.effective_from == date(2025, 7, 1)
    event = AwardEvent.objects.filter(action="created").latest("pk")
    assert event.actor_id == cast["admin"].pk and "15/2025/TT-BNV" in str(event.changes)
    in_force = rules.legal_bases_on(DatedLegalBasis.objects.all(), date(2026, 1, 1))
    assert "Thông tư số 15/2025/TT-BNV" in [r.text for r in in_force]


def test_an_end_before_the_start_is_refused_next_to_the_field_keeping_what_was_typed(login, cast):
    client = login(cast["admin"])
    response = client.post(reverse("awards:legal-bases"), form_data(effective_to="30/06/2025"))
    assert response.status_code == 200
    assert response.context["form"].errors["effective_to"] == [rules.DATES_MESSAGE]
    assert "Thông tư số 15/2025/TT-BNV" in response.content.decode()
    assert not DatedLegalBasis.objects.filter(kind="circular").exists()


def test_a_second_law_in_force_the_same_days_is_refused_with_a_vietnamese_message(login, cast):
    client = login(cast["admin"])
    response = client.post(reverse("awards:legal-bases"), form_data(
        kind="law", text="Luật Thi đua, khen thưởng (sửa đổi) ngày 01 tháng 01 năm 2026", effective_from="01/01/2026"))
    assert response.status_code == 200
    message = response.context["form"].errors["effective_from"][0]
    assert "mỗi thời điểm chỉ áp dụng một luật" in message and "01/01/2024" in message
    assert DatedLegalBasis.objects.filter(kind="law").count() == 2
    # Ending the 2022 law's row first lets the new law in, as the page explains.
    current = DatedLegalBasis.objects.get(kind="law", effective_to__isnull=True)
    edit = client.post(reverse("awards:legal-basis-update", args=[current.pk]), form_data(
        kind="law", text=current.text, order="10", effective_from="01/01/2024", effective_to="31/12/2025"))
    assert edit.status_code == 302
    assert client.post(reverse("awards:legal-bases"), form_data(
        kind="law", text="Luật Thi đua, khen thưởng (sửa đổi)", effective_from="01/01/2026")).status_code == 302


def test_the_service_checks_dates_and_access_itself(cast):
    from django.core.exceptions import PermissionDenied, ValidationError

    row = DatedLegalBasis(kind="decree", text="Nghị định thử", effective_from=date(2026, 1, 2),
                          effective_to=date(2026, 1, 1))
    with pytest.raises(ValidationError) as refused:
        services.save_legal_basis(by=SYSTEM, instance=row)
    assert refused.value.message_dict == {"effective_to": [rules.DATES_MESSAGE]}
    row.effective_to = None
    with pytest.raises(PermissionDenied):
        services.save_legal_basis(by=cast["secretariat"], instance=row)
