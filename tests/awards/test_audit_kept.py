"""A draft nomination deleted keeps its history: no cascade reaches audit rows (common/models.py)."""

import io

import pytest
from django.core.management import call_command

from awards import services
from awards.models import Nomination, NominationEvent

pytestmark = pytest.mark.django_db


def test_a_deleted_draft_nomination_keeps_its_history(proposal, plan, cast, types):
    nomination = services.add_nomination(by=cast["staff"], proposal=proposal, award_type=types["GK_SYT_CN"],
                                         person=plan["people"]["an"], summary="Hoàn thành xuất sắc nhiệm vụ")
    kept = set(NominationEvent.objects.filter(nomination_id=nomination.pk).values_list("id", flat=True))
    assert kept
    services.delete_nomination(by=cast["staff"], nomination=nomination)
    assert not Nomination.objects.filter(pk=nomination.pk).exists()
    assert set(NominationEvent.objects.filter(nomination_id=nomination.pk).values_list("id", flat=True)) == kept
    assert NominationEvent.objects.filter(proposal=proposal, action="deleted").exists()
    out = io.StringIO()
    call_command("verify_audit", stdout=out)
    assert "awards_nominationevent (lịch sử đề nghị khen thưởng): OK" in out.getvalue()
