"""The pure rules of copying a plan forward (campaigns/copying.py): dates, titles, year-bound căn cứ."""

from datetime import date

import pytest

from campaigns import copying


@pytest.mark.parametrize(("day", "years", "moved"), [
    (date(2026, 6, 20), 1, date(2027, 6, 20)),
    (date(2024, 2, 29), 1, date(2025, 2, 28)),   # no 29/02 in 2025
    (date(2024, 2, 29), 4, date(2028, 2, 29)),   # a leap year keeps it
    (date(2026, 12, 31), -1, date(2025, 12, 31)),
    (date(2026, 1, 1), 0, date(2026, 1, 1)),
    (None, 1, None),
])
def test_a_date_moves_by_whole_years_and_29_february_lands_on_the_28th(day, years, moved):
    assert copying.shift_date(day, years) == moved


def test_the_year_is_replaced_only_where_it_stands_as_a_word():
    assert copying.copy_title("Phát động phong trào thi đua năm 2026", 2026, 2027) == (
        "Phát động phong trào thi đua năm 2027")
    assert copying.replace_year("Số 12026/KH, năm 2026, 2026-2030", 2026, 2027) == "Số 12026/KH, năm 2027, 2027-2030"
    assert copying.replace_year("Không có năm", 2026, 2027) == "Không có năm"


@pytest.mark.parametrize(("text", "old", "new", "moved"), [
    ("trước ngày 20/6", date(2026, 6, 20), date(2027, 6, 20), "trước ngày 20/6"),
    ("trước ngày 29/2", date(2024, 2, 29), date(2025, 2, 28), "trước ngày 28/2"),
    ("chậm nhất ngày 29/02/2024", date(2024, 2, 29), date(2025, 2, 28), "chậm nhất ngày 28/2/2025"),
    ("trước ngày 15/01/2027", date(2027, 1, 15), date(2028, 1, 15), "trước ngày 15/01/2028"),
    ("", date(2026, 6, 20), date(2027, 6, 20), ""),
])
def test_the_printed_deadline_moves_with_its_date(text, old, new, moved):
    assert copying.move_deadline_text(text, old, new) == moved


@pytest.mark.parametrize(("kind", "text", "issued_on", "bound"), [
    # Standing law, named by its date: stays as it is.
    ("Luật", "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", date(2022, 6, 15), False),
    ("Nghị định", "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ", date(2025, 6, 14), False),
    ("Nghị định", "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2026", date(2026, 12, 31), False),
    # About the source year, whatever the kind.
    ("Kế hoạch", "Kế hoạch của Ủy ban nhân dân tỉnh về công tác thi đua, khen thưởng năm 2026", None, True),
    ("", "Chỉ thị của Tỉnh ủy về phong trào thi đua năm 2026", None, True),
    # A yearly document of an earlier year, or issued in the source year (or in December before it).
    ("Kế hoạch", "Kế hoạch số 5/KH-UBND về thi đua năm 2025", None, True),
    ("", "Kế hoạch số 201/KH-UBND ngày 20 tháng 12 năm 2025 của UBND tỉnh", date(2025, 12, 20), True),
    ("Công văn", "Công văn số 12/SYT-TCHC ngày 03 tháng 01 năm 2026", date(2026, 1, 3), True),
    ("Kế hoạch", "Kế hoạch số 7/KH-UBND ngày 5 tháng 3 năm 2021 giai đoạn 2021-2030", date(2021, 3, 5), False),
])
def test_a_legal_basis_is_year_bound_when_it_belongs_to_the_source_year(kind, text, issued_on, bound):
    reason = copying.year_bound_reason(kind=kind, text=text, subject="", issued_on=issued_on, source_year=2026)
    assert bool(reason) is bound


def test_years_of_dates_are_not_years_a_text_is_about():
    assert copying.years_about("ngày 15 tháng 6 năm 2022 về thi đua năm 2026, tháng 12 năm 2025") == [2026]
    assert copying.mentions_year("Luật số 06/2022/QH15", 2022)
    assert not copying.mentions_year("Luật số 06/2022/QH15", 2026)
