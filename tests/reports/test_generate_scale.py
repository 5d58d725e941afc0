"""The scale generator builds a coherent province (here a tenth of one) through the services for
its structure and in bulk for its volume."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from awards.models import DecisionLine, Nomination
from campaigns.models import Campaign
from indicators.models import Result
from units.models import Organisation, Person

pytestmark = pytest.mark.django_db


def test_a_small_province_with_every_part_and_no_second_copy():
    out = StringIO()
    call_command("generate_scale", "--scale", "0.1", "--years", "2", "--campaigns", "2", "--indicators", "3",
                 "--nominations", "3000", "--seed", "7", stdout=out)
    root = Organisation.objects.get(code="TINH-7")
    assert Organisation.objects.filter(root=root).count() == 40 and Person.objects.filter(issuer=root).count() == 1000
    campaigns = Campaign.objects.filter(issuer=root)
    assert campaigns.count() == 4 and {c.status for c in campaigns} == {"in_progress", "closed"}
    units = campaigns.first().participations.count()
    assert Result.objects.filter(submission__period__campaign__issuer=root).count() >= 2 * 2 * units * 3
    states = set(Nomination.objects.filter(proposal__campaign__issuer=root).values_list("state", flat=True))
    assert len(states) >= 8 and DecisionLine.objects.filter(decision__issuer=root).exists()
    assert "Xong." in out.getvalue()
    with pytest.raises(CommandError, match="seed"):
        call_command("generate_scale", "--scale", "0.1", "--seed", "7", stdout=StringIO())
