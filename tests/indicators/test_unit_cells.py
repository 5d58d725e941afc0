"""The results table's unit cells, written in Python (indicator_tags.unit_cells): same markup as the
template they replace, user text escaped."""

from types import SimpleNamespace as NS

from indicators.templatetags.indicator_tags import unit_cells


def cell(text, achieved=None, evaluated=True):
    evaluation = NS(achieved=achieved) if evaluated else None
    return NS(result=NS(actual_text=text), evaluation=evaluation)


def test_each_kind_of_cell():
    html = unit_cells([None, NS(result=None, evaluation=None), cell(""), cell("12,5", True), cell("3", False),
                       cell("có", None), cell("7", evaluated=False)])
    assert html == ("<td></td>"
                    '<td><span class="text-muted">·</span></td>'
                    '<td><span class="text-muted">·</span></td>'
                    '<td><span class="text-success">12,5</span></td>'
                    '<td><span class="text-danger">3</span></td>'
                    '<td><span class="">có</span></td>'
                    '<td><span class="">7</span></td>')


def test_user_text_is_escaped():
    html = unit_cells([cell('<script>alert("x")</script>', True)])
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
