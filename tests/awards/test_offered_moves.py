"""One answer to "which moves now": for a nomination in every state, each move the page offers
(workflow.offered_moves) goes through services.move, and every move it does not offer is refused."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from awards import selectors, services, workflow
from awards.models import Nomination, Proposal
from awards.workflow import State
from tests.awards.conftest import pdf, submitted
from tests.awards.test_services import accepted, council_session, nominate

pytestmark = pytest.mark.django_db

# Who presses a move's button: someone the move's action is given to.
ACTOR = {workflow.PREPARE: "staff", workflow.REVIEW: "secretariat", workflow.COUNCIL: "council",
         workflow.ISSUE: "leader", workflow.UNIT_DECIDE: "head"}


def _approved(proposal, plan, cast, types, code):
    (n,) = accepted(proposal, plan, cast, types, "an", code=code)
    return services.move(by=cast["secretariat"], nomination=n, target=State.APPROVED)


def _decided(proposal, plan, cast, types, tree, code):
    n = _approved(proposal, plan, cast, types, code)
    decision = services.create_decision(by=cast["leader"], issuer=tree["A"], title="Về việc khen thưởng",
                                        nominations=[n], campaign=plan["campaign"])
    services.issue_decision(by=cast["leader"], decision=decision, number=125, notation="QĐ-SYT",
                            issue_date=date(2026, 11, 5), signer_prefix="KT. GIÁM ĐỐC",
                            signer_title="PHÓ GIÁM ĐỐC", signer_name="Trần Văn Ký")
    return n, decision


def reach(state, proposal, plan, cast, types, tree, code="GK_SYT_CN") -> Nomination:
    """A nomination brought to `state` through the services, as a unit and the issuer would."""
    secretariat = cast["secretariat"]
    if state == State.DRAFT:
        n = nominate(proposal, cast["staff"], types, person=plan["people"]["an"], code=code)
        services.add_proposal_file(by=cast["staff"], proposal=proposal, kind="submission", upload=pdf())
    elif state in (State.SUBMITTED, State.RETURNED, State.REJECTED, State.WITHDRAWN):
        (n,) = submitted(proposal, cast, nominate(proposal, cast["staff"], types, person=plan["people"]["an"],
                                                  code=code))
        if state == State.WITHDRAWN:
            services.move(by=cast["staff"], nomination=n, target=state)
        elif state != State.SUBMITTED:
            services.move(by=secretariat, nomination=n, target=state, reason="Chưa đạt")
    elif state == State.ACCEPTED:
        (n,) = accepted(proposal, plan, cast, types, "an", code=code)
    elif state == State.DISCLOSURE:
        (n,) = accepted(proposal, plan, cast, types, "an", code=code)
        services.open_disclosure(by=secretariat, issuer=tree["A"], nominations=[n], title="Công khai",
                                 starts_on=date(2026, 10, 12), working_days=10, published_at="Cổng thông tin Sở")
    elif state == State.VOTING:
        (n,) = accepted(proposal, plan, cast, types, "an", code=code)
        council_session(plan, tree, cast, [n])
    elif state == State.APPROVED:
        n = _approved(proposal, plan, cast, types, code)
    elif state == State.FORWARDED:
        n = _approved(proposal, plan, cast, types, code)
        services.move(by=secretariat, nomination=n, target=State.FORWARDED)
    elif state == State.DECIDED:
        n, _decision = _decided(proposal, plan, cast, types, tree, code)
    else:
        assert state == State.REVOKED
        n, decision = _decided(proposal, plan, cast, types, tree, code)
        services.revoke_decision(by=cast["leader"], decision=decision, reason="Kê khai không đúng")
    n = Nomination.objects.select_related("proposal__campaign__issuer", "proposal__organisation",
                                          "award_type").get(pk=n.pk)
    assert n.state == state
    return n


def _actor(cast, nomination, target):
    facts = selectors.move_facts(nomination)
    try:
        found = workflow.move(nomination.state, target, unit_path=facts["unit_path"])
    except workflow.MoveError:
        return cast["secretariat"]
    return cast[ACTOR[found.action]]


def assert_offered_exactly_what_the_service_takes(nomination, cast):
    offered = dict(workflow.offered_moves(nomination.state, **selectors.move_facts(nomination)))
    for target in State.values:
        with transaction.atomic():
            if target in offered:
                services.move(by=_actor(cast, nomination, target), nomination=nomination, target=target,
                              reason="Lý do thử")
                assert Nomination.objects.get(pk=nomination.pk).state == target
            else:
                with pytest.raises(ValidationError):
                    services.move(by=_actor(cast, nomination, target), nomination=nomination, target=target,
                                  reason="Lý do thử")
            transaction.set_rollback(True)
        nomination.refresh_from_db()
    return offered


@pytest.mark.parametrize("state", State.values)
def test_every_offered_move_goes_through_and_nothing_refused_is_offered(state, proposal, plan, cast, types, tree):
    nomination = reach(state, proposal, plan, cast, types, tree)
    assert_offered_exactly_what_the_service_takes(nomination, cast)


def test_an_award_needing_the_council_is_not_offered_approval_without_it(proposal, plan, cast, types, tree):
    nomination = reach(State.ACCEPTED, proposal, plan, cast, types, tree, code="BK_TINH_CN")
    offered = assert_offered_exactly_what_the_service_takes(nomination, cast)
    assert State.APPROVED not in offered


def test_the_yearly_path_offers_no_bare_button(plan, tree, cast, types, unit_authority):
    proposal = services.create_proposal(by=cast["head"], campaign=plan["campaign"], organisation=tree["A.BV"],
                                        kind=Proposal.Kind.UNIT, title="Bình xét LĐTT năm 2026", year=2026)
    nomination = nominate(proposal, cast["head"], types, person=plan["people"]["an"], code="LDTT")
    assert assert_offered_exactly_what_the_service_takes(nomination, cast) == {}


def test_a_forwarded_nomination_offers_only_what_the_service_takes(login, proposal, plan, cast, types, tree):
    """The higher level's decision is recorded with its number and date, never by a bare button."""
    nomination = reach(State.FORWARDED, proposal, plan, cast, types, tree)
    response = login(cast["secretariat"]).get(reverse("awards:nomination", args=[nomination.pk]))
    assert [target for target, _move in response.context["moves"]] == [State.REJECTED]
    assert "Ghi nhận cấp trên đã khen thưởng" not in response.content.decode()


def test_the_higher_decision_is_recorded_with_its_number_body_and_date(login, proposal, plan, cast, types, tree):
    nomination = reach(State.FORWARDED, proposal, plan, cast, types, tree)
    client = login(cast["secretariat"])
    url = reverse("awards:record-higher", args=[nomination.pk])
    response = client.post(url, {"issuer_name": "", "reference": "", "decided_on": "01/11/2026"}, follow=True)
    assert "Ghi số, ký hiệu và cơ quan ra quyết định." in response.content.decode()
    client.post(url, {"issuer_name": "Thủ tướng Chính phủ", "reference": "1234/QĐ-TTg", "decided_on": "01/11/2026"})
    nomination.refresh_from_db()
    assert nomination.state == State.DECIDED and nomination.register_entry.decided_on == date(2026, 11, 1)


def test_a_unit_adds_many_of_its_staff_for_one_title(login, plan, tree, cast, types, unit_authority):
    proposal = services.create_proposal(by=cast["head"], campaign=plan["campaign"], organisation=tree["A.BV"],
                                        kind=Proposal.Kind.UNIT, title="Bình xét LĐTT năm 2026", year=2026)
    people = [plan["people"]["an"], plan["people"]["binh"]]
    client = login(cast["head"])
    url = reverse("awards:proposal-bulk-add", args=[proposal.pk])
    client.post(url, {"award_type": types["LDTT"].pk, "person": [plan["people"]["xa"].pk]})   # Sở B's: refused
    assert not proposal.nominations.exists()
    client.post(url, {"award_type": types["LDTT"].pk, "person": [p.pk for p in people]})
    assert {n.person for n in proposal.nominations.all()} == set(people)
