"""The review queue's order is made once per change (awards.selectors.review_queue_ids): a
submission, an acceptance, a return and a renamed campaign each show on the next page load, and
a page never shows a row its queryset no longer holds."""

import pytest
from django.test import RequestFactory

from awards import selectors, services
from awards.models import Nomination
from awards.workflow import State
from campaigns import services as campaign_services
from common.views import paginate_ids
from tests.awards.conftest import submitted
from tests.factories import make_campaign

pytestmark = pytest.mark.django_db


def test_the_queue_follows_every_change(proposal, plan, cast, types, tree):
    def queue(state=""):
        return list(selectors.review_queue_ids(cast["secretariat"], state=state))

    add = lambda person: services.add_nomination(by=cast["staff"], proposal=proposal,  # noqa: E731
                                                  award_type=types["GK_SYT_CN"], person=plan["people"][person])
    first, second = add("an"), add("binh")
    assert queue() == []  # drafts are the unit's own
    submitted(proposal, cast, first, second)
    assert queue() == [first.pk, second.pk]
    services.accept_many(by=cast["secretariat"], nominations=[first])
    assert queue(State.SUBMITTED) == [second.pk] and queue(State.ACCEPTED) == [first.pk]
    services.move(by=cast["secretariat"], nomination=second, target=State.RETURNED, reason="Thiếu hồ sơ")
    assert queue() == [first.pk]
    assert list(selectors.review_queue_ids(cast["outsider"])) == []

    # The queue runs by campaign (newest year, then title): a later campaign renamed moves its rows.
    other = make_campaign(tree["A"], participants=[tree["A.BV"]], title="A kế hoạch khác",
                          status=plan["campaign"].status)
    later = services.create_proposal(by=cast["staff"], campaign=other, organisation=tree["A.BV"],
                                     title="Đề nghị", year=2026)
    third = services.add_nomination(by=cast["staff"], proposal=later, award_type=types["GK_SYT_CN"],
                                    person=plan["people"]["cuong"])
    submitted(later, cast, third)
    before = queue()
    campaign_services.update_campaign(by=cast["secretariat"], campaign=other, title="Z kế hoạch khác",
                                      reason="Sửa trích yếu")
    assert queue() == list(reversed(before))


def test_a_page_leaves_out_what_its_queryset_no_longer_holds(proposal, plan, cast, types):
    kept, gone = (services.add_nomination(by=cast["staff"], proposal=proposal, award_type=types["GK_SYT_CN"],
                                          person=plan["people"][p]) for p in ("an", "binh"))
    stale = [gone.pk, kept.pk]
    services.delete_nomination(by=cast["staff"], nomination=gone)
    page = paginate_ids(RequestFactory().get("/"), stale, Nomination.objects.all(), 50)
    assert [n.pk for n in page] == [kept.pk] and page.paginator.count == 2
