"""Search over the stored normalised column (common.text.normalise_search): every word typed
must appear, and rows holding the words as one phrase come first. "tram y te duc" finds
"Trạm Y tế xã Đức Lương"; "nguyen van" lists "Nguyễn Văn …" before "Nguyễn Thị Vân"."""

from django.db.models import Case, IntegerField, Q, Value, When

from common.text import normalise_search


def matches(field: str, query: str) -> Q:
    words = normalise_search(query).split()
    condition = Q()
    for word in words:
        condition &= Q(**{f"{field}__contains": word})
    return condition


def phrase_first(field: str, query: str) -> Case:
    """0 for rows containing the whole phrase, 1 for the others: order by it first."""
    return Case(When(**{f"{field}__contains": normalise_search(query)}, then=Value(0)), default=Value(1),
                output_field=IntegerField())
