"""The awards overview's counts per state are made once per change (awards.selectors.state_counts):
adding, sending, accepting and deleting nominations each show at once."""

import pytest

from awards import selectors, services
from awards.workflow import State
from tests.awards.conftest import submitted

pytestmark = pytest.mark.django_db


def test_the_counts_follow_every_change(proposal, plan, cast, types):
    def counts(who="secretariat"):
        return selectors.state_counts(cast[who])

    assert counts() == {}
    add = lambda person: services.add_nomination(by=cast["staff"], proposal=proposal,  # noqa: E731
                                                  award_type=types["GK_SYT_CN"], person=plan["people"][person])
    first, second = add("an"), add("binh")
    assert counts() == {State.DRAFT: 2}
    services.delete_nomination(by=cast["staff"], nomination=second)
    assert counts() == {State.DRAFT: 1}
    submitted(proposal, cast, first)
    assert counts() == counts("staff") == {State.SUBMITTED: 1}
    services.accept_many(by=cast["secretariat"], nominations=[first])
    assert counts() == {State.ACCEPTED: 1}
    assert selectors.state_counts(cast["outsider"]) == {}
