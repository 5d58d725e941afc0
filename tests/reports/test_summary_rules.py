"""The data-driven sentences of a summary report (pure)."""

from reports import summary


def test_share_has_one_decimal_at_most_with_a_comma():
    assert summary.share(8, 12) == "66,7%" and summary.share(6, 12) == "50%" and summary.share(1, 0) == ""


def test_the_completeness_sentence_counts_on_time_late_and_missing():
    assert summary.completeness_sentence(expected=35, on_time=32, late=2, missing=1) == (
        "32/35 đơn vị gửi báo cáo đúng hạn; 2 đơn vị gửi muộn; 1 đơn vị chưa gửi dù đã quá hạn.")
    assert summary.completeness_sentence(expected=0, on_time=0, late=0, missing=0).startswith("Kỳ này không")


def test_the_indicator_sentence_names_what_was_missed_and_skips_group_rows():
    rows = [{"label": "Tỷ lệ tiêm chủng", "status": "Đạt"}, {"label": "Tỷ lệ sinh", "status": "Không đạt"},
            {"label": "Suy dinh dưỡng", "status": "", "group": True}, {"label": "BHYT", "status": "Chưa có số liệu"}]
    assert summary.indicator_sentence(rows) == ("Trong 3 chỉ tiêu, 1 chỉ tiêu đạt và vượt kế hoạch; 1 chỉ tiêu chưa "
                                                "đạt: Tỷ lệ sinh; 1 chỉ tiêu chưa có số liệu.")


def test_the_awards_sentence_gives_the_share_of_direct_workers():
    assert summary.awards_sentence(individuals=12, collectives=3, direct=8) == (
        "Đã khen thưởng 12 cá nhân và 3 tập thể; trong đó 8/12 cá nhân là người trực tiếp lao động (66,7%).")
    assert summary.awards_sentence(individuals=0, collectives=0, direct=0).startswith("Trong kỳ chưa có")


def test_indicators_waiting_for_units_are_counted_apart_with_the_coverage_not_as_missed():
    """Issue 13: 1 of 3 units sent and met 5 of 6; the sentence read "0 chỉ tiêu đạt…; 6 chỉ tiêu chưa đạt"."""
    rows = [{"label": "Tỷ lệ tiêm chủng", "status": "Đạt", "coverage": ""}] + [
        {"label": f"Chỉ tiêu {i}", "status": "Chưa đủ số liệu", "coverage": "1/3 đơn vị đã gửi"} for i in range(5)]
    assert summary.indicator_sentence(rows) == (
        "Trong 6 chỉ tiêu, 1 chỉ tiêu đạt và vượt kế hoạch; 5 chỉ tiêu chưa đủ số liệu (1/3 đơn vị đã gửi).")


def test_indicators_reported_by_different_units_say_each_coverage():
    rows = [{"label": "A", "status": "Chưa đủ số liệu", "coverage": "1/3 đơn vị đã gửi"},
            {"label": "B", "status": "Chưa đủ số liệu", "coverage": "1/3 đơn vị đã gửi"},
            {"label": "C", "status": "Chưa đủ số liệu", "coverage": "2/7 đơn vị đã gửi"}]
    assert summary.indicator_sentence(rows) == (
        "Trong 3 chỉ tiêu, 0 chỉ tiêu đạt và vượt kế hoạch; 3 chỉ tiêu chưa đủ số liệu "
        "(2 chỉ tiêu: 1/3 đơn vị đã gửi; 1 chỉ tiêu: 2/7 đơn vị đã gửi).")


def test_a_report_made_before_every_unit_sent_says_so_and_warns_before_it_is_issued():
    assert summary.coverage_sentence(sent=1, expected=3) == "Báo cáo lập khi 1/3 đơn vị đã gửi số liệu."
    assert summary.coverage_sentence(sent=3, expected=3) == ""
    assert summary.coverage_warning(sent=1, expected=3, pending=2) == (
        "Kỳ báo cáo chưa đủ số liệu: 1/3 đơn vị đã gửi; 2 đơn vị chưa đến hạn.")
    assert summary.coverage_warning(sent=1, expected=4, missing=2, returned=1) == (
        "Kỳ báo cáo chưa đủ số liệu: 1/4 đơn vị đã gửi; 2 đơn vị quá hạn chưa gửi; 1 đơn vị bị trả lại chưa gửi lại.")
    assert summary.coverage_warning(sent=3, expected=3) == ""


def test_a_report_with_no_figure_yet_says_so_rather_than_zero_met():
    rows = [{"label": f"Chỉ tiêu {i}", "status": "Chưa có số liệu"} for i in range(7)]
    assert summary.indicator_sentence(rows) == "Trong 7 chỉ tiêu, chưa có chỉ tiêu nào có số liệu."
