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
