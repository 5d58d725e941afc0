"""common.urls.reverse_ids gives what reverse() gives, for every URL name whose arguments are ids."""

import pytest
from django.urls import reverse, set_script_prefix

from common.urls import reverse_ids


@pytest.mark.parametrize(("name", "ids"), [
    ("units:person-detail", (7,)),
    ("indicators:report", (12, 3456)),
    ("campaigns:subcampaign-detail", (1, 10)),
    ("indicators:unit-results", (49, 1_000_000)),
])
def test_same_path_as_reverse(name, ids):
    assert reverse_ids(name, *ids) == reverse(name, args=ids)


def test_script_prefix_is_honoured():
    # A server mounted under a prefix: the cached path is per prefix, not the first one seen.
    set_script_prefix("/thidua/")
    try:
        assert reverse_ids("units:person-detail", 7) == reverse("units:person-detail", args=[7])
        assert reverse_ids("units:person-detail", 7).startswith("/thidua/")
    finally:
        set_script_prefix("/")
    assert not reverse_ids("units:person-detail", 7).startswith("/thidua/")


@pytest.mark.parametrize("bad", ["7", None, 7.0, True])
def test_only_int_ids(bad):
    with pytest.raises(TypeError):
        reverse_ids("units:person-detail", bad)


def test_template_tag_matches_url_tag():
    from django.template import Context, Template

    html = Template("{% url_ids 'indicators:report' a b %}|{% url 'indicators:report' a b %}").render(
        Context({"a": 5, "b": 9}))
    left, right = html.split("|")
    assert left == right
