"""The body an awards page acts for when a user serves several (awards/views/_common._acting_issuer):
chosen nominations decide, then `co-quan`, never a body the user does not serve."""

from types import SimpleNamespace as NS

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from awards.views._common import _acting_issuer
from units.models import Organisation

PROVINCE, HEALTH = Organisation(pk=1, name="UBND tỉnh"), Organisation(pk=2, name="Sở Y tế")
SERVED = [PROVINCE, HEALTH]


def nomination(issuer):
    return NS(proposal=NS(campaign=NS(issuer=issuer)))


def get(query=""):
    return RequestFactory().get(f"/khen-thuong/{query}")


def test_chosen_nominations_name_the_body():
    assert _acting_issuer(get("?co-quan=1"), SERVED, [nomination(HEALTH), nomination(HEALTH)]) == HEALTH


def test_nominations_of_two_bodies_are_refused():
    with pytest.raises(ValidationError, match="cùng một cơ quan"):
        _acting_issuer(get(), SERVED, [nomination(PROVINCE), nomination(HEALTH)])


@pytest.mark.parametrize(("query", "expected"), [
    ("?co-quan=2", HEALTH), ("?co-quan=1", PROVINCE), ("", PROVINCE),
    ("?co-quan=9", PROVINCE),      # a body the user does not serve: never acted for
    ("?co-quan=abc", PROVINCE), ("?co-quan=-2", PROVINCE),
])
def test_parameter_then_first_in_tree_order(query, expected):
    assert _acting_issuer(get(query), SERVED) == expected


def test_posted_parameter_wins_over_the_query_string():
    request = RequestFactory().post("/khen-thuong/?co-quan=1", {"co-quan": "2"})
    assert _acting_issuer(request, SERVED) == HEALTH
