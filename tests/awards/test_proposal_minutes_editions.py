"""Tờ trình and council minutes are frozen when sent for signature too (issue 13, item 3): the PDF
link serves the stored copy, whatever changes after; the issue stamps the stored HTML."""

import hashlib
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards import services as award_services
from reports import services
from reports.models import DocumentEdition
from tests.awards.test_services import accepted, council_session, nominate
from tests.reports.conftest import pdf_tool

pytestmark = pytest.mark.django_db


def _download(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_proposal_sent_for_signature_keeps_its_list(login, cast, proposal, plan, types, fresh_storage, tmp_path):
    nominate(proposal, cast["staff"], types, person=plan["people"]["an"])
    client = login(cast["staff"])
    assert client.post(reverse("reports:edition-send", args=["to-trinh", proposal.pk])).status_code == 302
    edition = DocumentEdition.objects.get(kind="proposal", object_id=proposal.pk)
    signed = edition.file.open("rb").read()
    assert hashlib.sha256(signed).hexdigest() == edition.sha256
    # A nomination added after trình ký is not in the copy the unit head signed.
    nominate(proposal, cast["staff"], types, person=plan["people"]["binh"])
    served = _download(client.get(reverse("reports:proposal-pdf", args=[proposal.pk])))
    assert served == signed and "Trần Thị Bình" not in pdf_tool("pdftotext", served, tmp_path)

    client.post(reverse("reports:edition-issue", args=["to-trinh", proposal.pk]),
                {"number": "7", "notation": "TTr-BV", "issue_date": "09/11/2026"})
    edition.refresh_from_db()
    assert edition.registry_number == 7 and edition.issued_sha256
    assert "Số: 07/TTr-BV" in pdf_tool("pdftotext", edition.issued_file.open("rb").read(), tmp_path)
    assert edition.file.open("rb").read() == signed
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert edition.issued_sha256 in page

    # The unit may reopen it, with a reason, for a new edition; the first stays.
    with pytest.raises(ValidationError):
        services.reopen_edition(by=cast["staff"], kind="proposal", obj=proposal, reason="")
    services.reopen_edition(by=cast["staff"], kind="proposal", obj=proposal, reason="Bổ sung người")
    second = services.send_for_signature(by=cast["staff"], kind="proposal", obj=proposal, reason="Bổ sung người")
    assert second.number == 2 and "Trần Thị Bình" in second.html


def test_council_minutes_sent_for_signature_do_not_follow_later_changes(login, cast, proposal, plan, types, tree,
                                                                         fresh_storage, tmp_path):
    nominations = accepted(proposal, plan, cast, types, "an")
    session = council_session(plan, tree, cast, nominations)
    client = login(cast["secretariat"])
    assert client.post(reverse("reports:edition-send", args=["bien-ban", session.pk])).status_code == 302
    edition = DocumentEdition.objects.get(kind="minutes", object_id=session.pk)
    stored = edition.file.open("rb").read()
    assert "Hội trường Sở" in pdf_tool("pdftotext", stored, tmp_path)
    award_services.reschedule_session(by=cast["secretariat"], session=session, held_on=date(2026, 11, 10),
                                      place="Phòng họp số 2", reason="Lãnh đạo đi công tác")
    served = _download(client.get(reverse("reports:minutes-pdf", args=[session.pk])))
    assert served == stored and "Phòng họp số 2" not in pdf_tool("pdftotext", served, tmp_path)
    assert "Phiên bản 1" in client.get(session.get_absolute_url()).content.decode()
