"""Issue 16's "done": the demo's forwarded proposal (Bệnh viện A Thái Nguyên, CSTĐ cấp tỉnh) exports
as the Sở's secretariat downloads it, and the province's secretariat receives it in this system
with the same nominations and byte-identical files."""

import hashlib
import json
import zipfile
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards.workflow import State


@pytest.mark.django_db
def test_the_demo_forwarded_proposal_goes_up_and_arrives_whole(client, demo, pinned):
    from awards.models import DossierImport, Nomination, NominationFile, Proposal, RegisterEntry
    from awards.selectors import dossier as dossier_selectors
    from awards.selectors.proposals import NOMINATION_RELATED, checks_for
    from awards.services import dossier as dossier_services
    from campaigns.models import Campaign
    from units.models import Organisation, User

    sent = Nomination.objects.get(state=State.FORWARDED, proposal__organisation__name="Bệnh viện A Thái Nguyên")
    proposal = sent.proposal
    client.force_login(User.objects.get(username="thuongtruc"))
    response = client.get(reverse("reports:dossier-export", args=[proposal.pk]))
    assert response.status_code == 200
    package = zipfile.ZipFile(BytesIO(response.content))
    manifest = json.loads(package.read("manifest.json"))
    for row in manifest["files"]:
        assert hashlib.sha256(package.read(row["path"])).hexdigest() == row["sha256"]
    assert {"to_trinh", "danh_sach", "bao_cao_thanh_tich"} <= {row["kind"] for row in manifest["files"]}

    higher = User.objects.get(username="ubnd.tdkt")
    province = Organisation.objects.get(name="UBND tỉnh Thái Nguyên", parent=None)
    campaign = Campaign.objects.get(issuer=province)
    client.force_login(higher)
    answer = client.post(reverse("awards:dossier-import"), {
        "campaign": campaign.pk, "file": SimpleUploadedFile("ho-so.zip", response.content)})
    received = DossierImport.objects.get(issuer=province)
    assert answer.status_code == 302 and answer["Location"] == received.get_absolute_url()
    # The hospital is new to the province: the page proposes it under the province's "Sở Y tế" (the
    # code SYT above it in the package); the nominee is created in it.
    units, people = dossier_selectors.matching(received.manifest, province)
    (hospital,) = [row for row in units if row.proposing]
    assert hospital.match is None and hospital.parent_match.name == "Sở Y tế"
    assert f'value="{hospital.parent_match.pk}" selected' in client.get(received.get_absolute_url()).content.decode()
    made = dossier_services.import_dossier(
        by=higher, received=received,
        units={row.key: dossier_services.UnitChoice(action="create", parent=str(hospital.parent_match.pk)
                                                    if row.proposing else dossier_services.PROPOSING)
               for row in units if row.match is None},
        people={row.key: dossier_services.PersonChoice(action="create") for row in people if row.match is None})

    assert isinstance(made, Proposal) and made.campaign == campaign
    assert made.organisation.parent == hospital.parent_match
    (copy,) = made.nominations.all()
    assert (copy.award_type, copy.person.full_name, copy.achievement_year, copy.summary, copy.mode, copy.state) == (
        sent.award_type, sent.person.full_name, sent.achievement_year, sent.summary, sent.mode, State.SUBMITTED)
    original = sorted(f.file.open("rb").read() for f in sent.files.all())
    arrived = sorted(f.file.open("rb").read() for f in NominationFile.objects.filter(nomination=copy)
                     if not f.name.endswith("qua-trinh-khen-thuong.pdf"))
    assert original and arrived == original
    page = client.get(made.get_absolute_url())
    assert page.status_code == 200 and sent.person.full_name in page.content.decode()

    # Her three CSTĐCS years came with the dossier: the province's checks see them.
    assert copy.award_type.code == "CSTD_TINH" and copy.person.full_name == "Hoàng Thị Mỹ Anh"
    years = set(RegisterEntry.objects.filter(person=copy.person, award_type__code="CSTDCS",
                                             source=RegisterEntry.Source.PACKAGE, owner=province)
                .values_list("achievement_year", flat=True))
    assert years == {pinned.year - 3, pinned.year - 2, pinned.year - 1}
    checks = checks_for([Nomination.objects.select_related(*NOMINATION_RELATED).get(pk=copy.pk)], pinned)[copy.pk]
    (prerequisite,) = [c for c in checks if c.code == "prerequisite"]
    assert prerequisite.status == "ok" and "chưa có" not in prerequisite.detail
    assert "sổ khen thưởng: chưa có" not in page.content.decode()
    # The Sở council's vote (6 for, none against) is in the nomination's history at the province.
    from awards.models import NominationEvent

    received_event = NominationEvent.objects.get(nomination=copy, to_state=State.SUBMITTED)
    assert "biểu quyết: 6 đồng ý, 0 không đồng ý, 0 không biểu quyết" in received_event.reason
