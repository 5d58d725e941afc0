"""Dates printed from a stored time are the day in Vietnam (Asia/Ho_Chi_Minh, UTC+7): a time
between 00:00 and 07:00 there is still the day before in UTC, as the database keeps it."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from awards.models import Proposal
from reports import selectors

pytestmark = pytest.mark.django_db

HALF_PAST_MIDNIGHT = datetime(2026, 12, 15, 0, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def test_a_proposal_sent_at_half_past_midnight_prints_that_day(proposal, login, cast):
    assert HALF_PAST_MIDNIGHT.astimezone(ZoneInfo("UTC")).day == 14
    Proposal.objects.filter(pk=proposal.pk).update(number_text="12/TTr-BV", submitted_at=HALF_PAST_MIDNIGHT)
    proposal.refresh_from_db()
    head = selectors.proposal_document(proposal, HALF_PAST_MIDNIGHT.date()).head
    assert head.date_line == "Ngày 15 tháng 12 năm 2026"
    html = login(cast["staff"]).get(reverse("reports:proposal-document", args=[proposal.pk])).content.decode()
    assert "gày 15 tháng 12 năm 2026" in html and "14 tháng 12" not in html
