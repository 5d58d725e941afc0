"""The results grid's merge after a version conflict (indicators/merge.py): plain values, no database."""

from indicators.merge import MergedCell, MergedText, Outcome, display, merge_cell, merge_cells, merge_text, merge_texts


def test_a_cell_only_this_person_changed_keeps_what_they_typed_without_a_flag():
    assert merge_cell(base=("90", ""), mine=("92", ""), theirs=("90", "")) == MergedCell(
        value=("92", ""), outcome=Outcome.UNCHANGED, theirs=("90", ""))


def test_a_cell_nobody_changed_stays_unchanged():
    assert merge_cell(base=("90", "x"), mine=("90", "x"), theirs=("90", "x")).outcome == Outcome.UNCHANGED


def test_a_cell_only_the_other_person_changed_takes_their_value():
    merged = merge_cell(base=("90", ""), mine=("90", ""), theirs=("95", "đã rà soát"))
    assert (merged.value, merged.outcome) == (("95", "đã rà soát"), Outcome.THEIRS)


def test_a_cell_both_changed_differently_keeps_the_typed_value_and_flags_theirs():
    merged = merge_cell(base=("90", ""), mine=("0", ""), theirs=("10,5", ""))
    assert merged == MergedCell(value=("0", ""), outcome=Outcome.BOTH, theirs=("10,5", ""))


def test_a_cell_both_changed_to_the_same_value_is_still_flagged():
    # Today's rule: the person is told someone else saved the cell, whatever they typed.
    merged = merge_cell(base=("90", ""), mine=("92", ""), theirs=("92", ""))
    assert (merged.value, merged.outcome) == (("92", ""), Outcome.BOTH)


def test_a_cell_the_other_person_cleared_is_cleared_when_this_person_left_it():
    merged = merge_cell(base=("90", "ghi chú"), mine=("90", "ghi chú"), theirs=("", ""))
    assert (merged.value, merged.outcome) == (("", ""), Outcome.THEIRS)


def test_a_cell_this_person_cleared_while_the_other_changed_it_stays_cleared_and_flagged():
    merged = merge_cell(base=("90", ""), mine=("", ""), theirs=("91", ""))
    assert (merged.value, merged.outcome) == (("", ""), Outcome.BOTH)


def test_a_note_counts_as_part_of_its_cell():
    # Only the note changed on their side: their note and figure come in together.
    assert merge_cell(base=("90", ""), mine=("90", ""), theirs=("90", "mới")).value == ("90", "mới")
    # The figure changed here, the note there: both changed the cell, the typed pair stays.
    merged = merge_cell(base=("90", ""), mine=("91", ""), theirs=("90", "mới"))
    assert (merged.value, merged.outcome) == (("91", ""), Outcome.BOTH)


def test_merge_cells_covers_every_stored_cell_and_reads_missing_form_fields_as_empty():
    merged = merge_cells(base={1: ("90", ""), 2: ("", "")}, mine={1: ("90", ""), 2: ("4/4", "")},
                         theirs={1: ("10,5", ""), 2: ("", ""), 3: ("7", "")})
    assert {key: cell.outcome for key, cell in merged.items()} == {
        1: Outcome.THEIRS, 2: Outcome.UNCHANGED, 3: Outcome.THEIRS}
    assert merged[1].value == ("10,5", "") and merged[2].value == ("4/4", "") and merged[3].value == ("7", "")


def test_a_narrative_field_takes_their_text_only_when_this_person_left_it_as_shown():
    assert merge_text(base="cũ", mine="cũ", theirs="của họ") == MergedText(
        value="của họ", outcome=Outcome.THEIRS, theirs="của họ")
    assert merge_text(base="cũ", mine="của tôi", theirs="cũ").value == "của tôi"
    assert merge_text(base="cũ", mine="cũ", theirs="cũ").outcome == Outcome.UNCHANGED


def test_a_narrative_field_both_changed_keeps_the_typed_text_and_flags_theirs():
    assert merge_text(base="cũ", mine="của tôi", theirs="của họ") == MergedText(
        value="của tôi", outcome=Outcome.BOTH, theirs="của họ")
    # Clearing a text the colleague rewrote is a change too: flagged, never silently taken.
    assert merge_text(base="cũ", mine="", theirs="của họ").outcome == Outcome.BOTH


def test_a_narrative_left_as_shown_is_not_read_as_changed_for_line_breaks_or_trailing_spaces():
    # The textarea sends CRLF; the stored text is stripped.
    merged = merge_text(base="dòng 1\ndòng 2", mine="dòng 1\r\ndòng 2\r\n", theirs="mới")
    assert (merged.value, merged.outcome) == ("mới", Outcome.THEIRS)


def test_merge_texts_keeps_fields_the_other_side_does_not_have():
    merged = merge_texts(base={"done": ""}, mine={"done": "", "extra": "x"}, theirs={"done": "đã làm"})
    assert {name: text.value for name, text in merged.items()} == {"done": "đã làm", "extra": "x"}
    assert merged["extra"].outcome == Outcome.UNCHANGED


def test_a_flag_quotes_figure_and_note_or_says_the_cell_is_empty():
    assert display(("92", "trạm mới")) == "92 · trạm mới"
    assert display(("", "chỉ ghi chú")) == "chỉ ghi chú"
    assert display(("", "")) == "(để trống)"


def test_without_a_known_base_a_cell_differing_from_a_stored_value_is_flagged_never_taken():
    # An Excel template from before files carried what they were made from.
    assert merge_cell(base=None, mine=("92", ""), theirs=("90", "")) == MergedCell(
        value=("92", ""), outcome=Outcome.BOTH, theirs=("90", ""))
    assert merge_cell(base=None, mine=("", ""), theirs=("90", "")).outcome == Outcome.BOTH


def test_without_a_known_base_an_equal_cell_or_an_empty_stored_cell_takes_what_was_typed():
    assert merge_cell(base=None, mine=("90", "x"), theirs=("90", "x")).outcome == Outcome.UNCHANGED
    merged = merge_cell(base=None, mine=("4/4", ""), theirs=("", ""))
    assert (merged.value, merged.outcome) == (("4/4", ""), Outcome.UNCHANGED)
