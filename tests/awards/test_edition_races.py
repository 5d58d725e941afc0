"""Two clicks on "Trình ký" (a double submit, or two colleagues) make one edition: the second waits
for the first and is told the document is already awaiting signature, never an IntegrityError
(two editions numbered 1) or a second edition made behind the first."""

import threading
import time
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from awards import services as award_services
from reports import services
from reports.models import DocumentEdition
from tests.awards.test_offered_moves import _approved
from tests.factories import make_campaign


@pytest.fixture
def decision(proposal, plan, cast, types, tree):
    n = _approved(proposal, plan, cast, types, "GK_SYT_CN")
    return award_services.create_decision(by=cast["leader"], issuer=tree["A"], title="Về việc khen thưởng",
                                          nominations=[n], campaign=plan["campaign"])


def _race(by, kind, obj) -> dict:
    sent, outcome = threading.Event(), {}

    def first():
        try:
            with transaction.atomic():
                services.send_for_signature(by=by, kind=kind, obj=obj)
                sent.set()
                time.sleep(0.5)          # the second click arrives while this one is not committed
            outcome["first"] = "made"
        finally:
            sent.set()
            connection.close()

    def second():
        sent.wait(10)
        try:
            services.send_for_signature(by=by, kind=kind, obj=obj)
            outcome["second"] = "made"
        except ValidationError as error:
            outcome["second"] = " ".join(error.messages)
        except Exception as error:      # noqa: BLE001 – the failure this test exists for
            outcome["second"] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return outcome


@pytest.mark.django_db(transaction=True)
def test_a_double_trinh_ky_of_a_decision_makes_one_edition(decision, cast, fresh_storage):
    # A decision had no other lock (a plan's campaign row is locked by campaigns' own service).
    outcome = _race(cast["leader"], "decision", decision)
    assert outcome == {"first": "made", "second": "Văn bản đã trình ký, đang chờ ghi nhận ban hành."}
    assert DocumentEdition.objects.filter(kind="decision", object_id=decision.pk).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_double_trinh_ky_of_a_plan_makes_one_edition(tree, cast, settings, fresh_storage):
    settings.APP_TODAY = date(2026, 3, 10)
    plan = make_campaign(tree["A"], notation="KH-SYT", issue_month=3, issue_year=2026)
    outcome = _race(cast["secretariat"], "plan", plan)
    assert outcome["first"] == "made" and outcome["second"] != "made" and "Error" not in outcome["second"]
    assert DocumentEdition.objects.filter(kind="plan", object_id=plan.pk).count() == 1
