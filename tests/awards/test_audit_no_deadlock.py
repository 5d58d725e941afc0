"""Writing an audit row holds no lock in the business transaction (common/audit.py, sealing after
commit): two secretaries working on the same nominations at once wait for each other's row locks,
never for the audit chain, so PostgreSQL finds no deadlock and neither request fails with a 500."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from awards import services
from awards.models import Nomination, NominationEvent
from awards.workflow import State
from common import audit
from tests.awards.conftest import submitted

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serialises writers: no two at once"),
    pytest.mark.django_db(transaction=True),
]


def test_bulk_acceptance_and_a_return_of_the_same_nomination_do_not_deadlock(proposal, plan, cast, types,
                                                                               monkeypatch):
    """S1 accepts [A, B] together: A locked, A's event written, then B locked. Meanwhile S2 returns
    B: B locked, then its event written. With a chain lock held from S1's first event to its
    commit, S2 waits for S1's chain lock while S1 waits for B: a deadlock. The hooks below force
    exactly that interleaving."""
    a, b = (services.add_nomination(by=cast["staff"], proposal=proposal, award_type=types["GK_SYT_CN"],
                                    person=plan["people"][key], summary="Hoàn thành xuất sắc nhiệm vụ")
            for key in ("an", "binh"))
    submitted(proposal, cast, a, b)
    s1_wrote_a, s2_holds_b = threading.Event(), threading.Event()
    real_record = audit.record
    roles = threading.local()

    def record(model, **kwargs):
        if getattr(roles, "name", "") == "S2":
            # B is locked by now (awards.services._locked comes first); S1 may go on to lock it.
            s2_holds_b.set()
            return real_record(model, **kwargs)
        row = real_record(model, **kwargs)
        if getattr(roles, "name", "") == "S1" and not s1_wrote_a.is_set():
            s1_wrote_a.set()
            s2_holds_b.wait(timeout=10)
        return row

    monkeypatch.setattr(audit, "record", record)
    outcomes = {}

    def secretary(name, work):
        roles.name = name
        try:
            work()
            outcomes[name] = "ok"
        except ValidationError as error:
            outcomes[name] = error.messages[0]
        except Exception as error:  # noqa: BLE001 – the assertion below names it
            outcomes[name] = error
        finally:
            connection.close()

    def s2_returns_b():
        s1_wrote_a.wait(timeout=10)
        services.move(by=cast["secretariat"], nomination=b, target=State.RETURNED, reason="Thiếu bản thành tích")

    threads = [threading.Thread(target=secretary, args=("S1", lambda: services.accept_many(
                   by=cast["secretariat"], nominations=[a, b]))),
               threading.Thread(target=secretary, args=("S2", s2_returns_b))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(isinstance(outcome, Exception) for outcome in outcomes.values()), outcomes
    # S2 took B first: B is returned; S1 then found B no longer waiting for acceptance, was told
    # so, and its whole selection was left as it was.
    assert outcomes["S2"] == "ok"
    assert outcomes["S1"] != "ok"
    assert Nomination.objects.get(pk=b.pk).state == State.RETURNED
    assert Nomination.objects.get(pk=a.pk).state == State.SUBMITTED
    assert NominationEvent.objects.filter(nomination_id=b.pk, to_state=State.RETURNED).count() == 1
