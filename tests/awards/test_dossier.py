"""The electronic dossier (issue 16, item 2): the package's pure rules, then export from Sở A and
import into Sở B (the "higher issuer" here), refusals, re-import, matching and who may."""

import hashlib
import io
import json
import zipfile
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards import dossier, services
from awards.models import (
    AwardEvent,
    DossierImport,
    Nomination,
    NominationEvent,
    NominationFile,
    Proposal,
    ProposalFile,
    RegisterEntry,
)
from awards.services import dossier as dossier_services
from awards.workflow import State
from reports import dossier as report_dossier
from tests.awards.conftest import PDF, submitted
from tests.awards.test_services import council_session
from tests.factories import PASSWORD, make_campaign
from units.models import Organisation, Person

# --- Pure: no database ---------------------------------------------------------------------------------


def _manifest(**extra):
    return {"created_at": "2026-11-10T09:00:00+07:00", "sender": {"name": "Sở Y tế A", "code": "SYT"},
            "proposal": {"title": "Tờ trình", "year": 2026, "number_text": "", "campaign": "Phong trào",
                         "organisation": {"code": "BVDK", "name": "Bệnh viện Đa khoa", "kind": "hospital",
                                          "parent_codes": ["SYT"]}},
            "nominations": [{"ref": "N001", "award_type": {"code": "GK_SYT_CN", "name": "Giấy khen"},
                             "person": {"employee_code": "BV01", "full_name": "Nguyễn Văn An", "birth_date": None,
                                        "gender": "", "position": "", "organisation": {
                                            "code": "BVDK", "name": "Bệnh viện Đa khoa", "kind": "hospital"}},
                             "organisation": None, "achievement_year": 2026, "summary": "Tốt", "state": "forwarded",
                             "tally": None}], **extra}


def _package(files=None) -> bytes:
    files = files if files is not None else [
        dossier.PackageFile(path="01-to-trinh/01-to-trinh.pdf", content=PDF, kind="to_trinh"),
        dossier.PackageFile(path="03-de-nghi/01-nguyen-van-an/01-bao-cao.pdf", content=b"%PDF-1.4 bao cao",
                            kind="bao_cao_thanh_tich", nomination="N001")]
    return dossier.build(_manifest(), files)


def _rewrite(data: bytes, change) -> bytes:
    """The same zip with `change(name, content)` applied to each member (None drops it)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = change(info.filename, source.read(info))
            if content is not None:
                target.writestr(info.filename, content)
    return out.getvalue()


def test_names_are_ascii_slugs_and_paths_safe():
    assert dossier.slug("Nguyễn Văn Đức") == "nguyen-van-duc"
    assert dossier.file_name(3, "Báo cáo TT (bản ký).PDF") == "03-bao-cao-tt-ban-ky.pdf"
    assert dossier.is_safe_path("03-de-nghi/01-an/01-bao-cao.pdf")
    for bad in ["../x.pdf", "/etc/passwd", "a/../b.pdf", "a\\b.pdf", "C:/x.pdf", "a//b.pdf", ""]:
        assert not dossier.is_safe_path(bad), bad


def test_a_package_is_deterministic_and_every_hash_matches():
    first, second = _package(), _package()
    assert first == second
    package = dossier.read(first)
    for row in package.manifest["files"]:
        assert hashlib.sha256(package.files[row["path"]]).hexdigest() == row["sha256"]
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert archive.namelist()[0] == "manifest.json"
    assert {i.date_time for i in archive.infolist()} == {dossier.ZIP_TIME}
    assert {i.compress_type for i in archive.infolist()} == {zipfile.ZIP_DEFLATED}


@pytest.mark.parametrize(("change", "message"), [
    (lambda name, content: content[:-1] + b"X" if name.endswith("bao-cao.pdf") else content, "SHA-256"),
    (lambda name, content: None if name.endswith("bao-cao.pdf") else content, "không có trong gói"),
])
def test_a_changed_or_missing_file_refuses_the_package(change, message):
    with pytest.raises(dossier.DossierError, match=message) as refused:
        dossier.read(_rewrite(_package(), change))
    assert "03-de-nghi/01-nguyen-van-an/01-bao-cao.pdf" in str(refused.value)


def test_an_extra_file_or_a_dotdot_path_refuses_the_package():
    data = _package()
    with_extra = io.BytesIO(data)
    with zipfile.ZipFile(with_extra, "a") as archive:
        archive.writestr("01-to-trinh/them.pdf", b"%PDF extra")
    with pytest.raises(dossier.DossierError, match="không có trong bảng kê tệp"):
        dossier.read(with_extra.getvalue())
    climbing = io.BytesIO(data)
    with zipfile.ZipFile(climbing, "a") as archive:
        archive.writestr("../../etc/cron.d/x", b"x")
    with pytest.raises(dossier.DossierError, match="không hợp lệ"):
        dossier.read(climbing.getvalue())


def test_not_a_zip_no_manifest_a_bad_manifest_and_a_bomb_are_refused(monkeypatch):
    with pytest.raises(dossier.DossierError, match=r"\.zip"):
        dossier.read(b"%PDF-1.4 not a zip")
    with pytest.raises(dossier.DossierError, match="bảng kê tệp"):
        dossier.read(_rewrite(_package(), lambda name, content: None if name == "manifest.json" else content))
    with pytest.raises(dossier.DossierError, match="không hợp lệ"):
        dossier.read(_rewrite(_package(), lambda name, content: json.dumps(
            {**json.loads(content), "format": "khac"}).encode() if name == "manifest.json" else content))
    monkeypatch.setattr(dossier, "MAX_UNPACKED_BYTES", 100)
    with pytest.raises(dossier.DossierError, match="giải nén"):
        dossier.read(_package())


# --- Export from Sở A, import into Sở B -----------------------------------------------------------------


@pytest.fixture
def forwarded(proposal, plan, cast, types, tree):
    n = services.add_nomination(by=cast["staff"], proposal=proposal, award_type=types["BK_TTG_CN"],
                                person=plan["people"]["an"], summary="Chủ trì bệnh án điện tử.")
    services.add_nomination_file(by=cast["staff"], nomination=n,
                                 upload=SimpleUploadedFile("Báo cáo thành tích.pdf", PDF + b"an"))
    submitted(proposal, cast, n)
    services.accept_many(by=cast["secretariat"], nominations=[n])
    session = council_session(plan, tree, cast, [n])
    services.set_attendance(by=cast["council"], session=session,
                            attendance={m.pk: "present" for m in session.members.all()})
    services.record_tally(by=cast["council"], tally=session.tallies.get(), yes=5, no=0, abstain=0, approved=True)
    services.move(by=cast["secretariat"], nomination=n, target=State.FORWARDED)
    n.refresh_from_db()
    return n


@pytest.fixture
def higher(tree):
    return make_campaign(tree["B"], title="Kế hoạch thi đua năm 2026 của cơ quan B", status="in_progress")


def _upload(data: bytes, name="ho-so.zip"):
    return SimpleUploadedFile(name, data, content_type="application/zip")


def _all_create(received):
    root = Organisation.objects.get(pk=received.issuer.root_id)
    units, people = dossier_services_matching(received, root)
    return ({row.key: dossier_services.UnitChoice(action="create", parent=str(root.pk)) for row in units
             if row.match is None},
            {row.key: dossier_services.PersonChoice(action="create") for row in people if row.match is None})


def dossier_services_matching(received, root):
    from awards.selectors import dossier as dossier_selectors

    return dossier_selectors.matching(received.manifest, root)


def test_round_trip_same_nominations_and_byte_identical_files(forwarded, proposal, cast, tree, higher):
    name, data = report_dossier.build(proposal)
    assert name.endswith(".zip")
    package = dossier.read(data)
    kinds = {row["kind"] for row in package.manifest["files"]}
    assert {"danh_sach", "bao_cao_thanh_tich", "tep_to_trinh"} <= kinds
    assert package.manifest["nominations"][0]["tally"]["yes"] == 5

    received = dossier_services.receive_dossier(by=cast["outsider"], campaign=higher, upload=_upload(data))
    assert not Person.objects.filter(issuer=tree["B"], employee_code="BV01").exists()   # not before confirming
    units, people = _all_create(received)
    made = dossier_services.import_dossier(by=cast["outsider"], received=received, units=units, people=people)

    assert made.campaign == higher and made.status == Proposal.Status.SUBMITTED
    assert made.organisation.root_id == tree["B"].pk and made.organisation.code == "BVDK"
    (copy,) = made.nominations.all()
    assert (copy.award_type, copy.achievement_year, copy.summary, copy.state) == (
        forwarded.award_type, forwarded.achievement_year, forwarded.summary, State.SUBMITTED)
    assert copy.person.full_name == forwarded.person.full_name and copy.person.issuer_id == tree["B"].pk
    assert copy.mode == forwarded.mode
    original = forwarded.files.get().file.open("rb").read()
    report = NominationFile.objects.get(nomination=copy, kind=NominationFile.Kind.ACHIEVEMENT_REPORT)
    assert report.file.open("rb").read() == original
    # The printed history travels beside the report, as a file of the nomination.
    (history,) = NominationFile.objects.filter(nomination=copy, kind=NominationFile.Kind.OTHER)
    assert history.name.endswith("qua-trinh-khen-thuong.pdf") and history.file.open("rb").read().startswith(b"%PDF")
    # Each proposal file keeps its own kind: the tờ trình stays "Tờ trình, văn bản đề nghị".
    originals = {f.file.open("rb").read(): f.kind for f in proposal.files.all()}
    arrived = {f.file.open("rb").read(): f.kind for f in ProposalFile.objects.filter(proposal=made)}
    assert originals and all(arrived[content] == kind for content, kind in originals.items())
    assert ProposalFile.Kind.SUBMISSION in originals.values()
    event = NominationEvent.objects.get(nomination=copy, to_state=State.SUBMITTED)
    assert "hồ sơ điện tử" in event.reason and "Sở Y tế A" in event.reason
    received.refresh_from_db()
    assert received.status == DossierImport.Status.IMPORTED and received.proposal == made


def test_a_tampered_package_is_refused_and_nothing_is_kept(forwarded, proposal, cast, higher):
    _name, data = report_dossier.build(proposal)
    tampered = _rewrite(data, lambda name, content: content[:-1] + b"!" if "03-de-nghi" in name else content)
    with pytest.raises(ValidationError, match="SHA-256") as refused:
        dossier_services.receive_dossier(by=cast["outsider"], campaign=higher, upload=_upload(tampered))
    assert "03-de-nghi/01-nguyen-van-an/" in str(refused.value)
    assert not DossierImport.objects.exists()


def test_the_same_package_is_received_once_per_issuer(forwarded, proposal, cast, higher):
    _name, data = report_dossier.build(proposal)
    received = dossier_services.receive_dossier(by=cast["outsider"], campaign=higher, upload=_upload(data))
    with pytest.raises(ValidationError, match="đã được tải lên"):
        dossier_services.receive_dossier(by=cast["outsider"], campaign=higher, upload=_upload(data))
    units, people = _all_create(received)
    dossier_services.import_dossier(by=cast["outsider"], received=received, units=units, people=people)
    with pytest.raises(ValidationError, match="đã được nhập"):
        dossier_services.import_dossier(by=cast["outsider"], received=received, units=units, people=people)
    with pytest.raises(ValidationError, match="đã tạo tờ trình"):
        dossier_services.receive_dossier(by=cast["outsider"], campaign=higher, upload=_upload(data))
    assert Proposal.objects.filter(campaign=higher).count() == 1


def test_unmatched_people_are_created_only_when_chosen(forwarded, proposal, cast, tree, higher):
    _name, data = report_dossier.build(proposal)
    received = dossier_services.receive_dossier(by=cast["outsider"], campaign=higher, upload=_upload(data))
    units, _people = _all_create(received)
    with pytest.raises(ValidationError) as refused:
        dossier_services.import_dossier(by=cast["outsider"], received=received, units=units, people={})
    assert "person-0" in refused.value.message_dict
    assert not Organisation.objects.filter(root=tree["B"], code="BVDK").exists()   # rolled back
    assert not Nomination.objects.filter(proposal__campaign=higher).exists()


def test_a_matched_person_is_reused(forwarded, proposal, cast, tree, higher):
    from tests.factories import make_org, make_person

    unit = make_org("Bệnh viện Đa khoa (tại B)", "BVDK", parent=tree["B"], kind="hospital")
    existing = make_person(unit, "Nguyễn Văn An", "BV01")
    _name, data = report_dossier.build(proposal)
    received = dossier_services.receive_dossier(by=cast["outsider"], campaign=higher, upload=_upload(data))
    made = dossier_services.import_dossier(by=cast["outsider"], received=received)
    assert made.organisation == unit and made.nominations.get().person == existing


def test_pages_export_then_import_as_the_higher_secretariat(client, forwarded, proposal, cast, higher):
    url = reverse("reports:dossier-export", args=[proposal.pk])
    client.login(username="tt.a", password=PASSWORD)
    page = client.get(proposal.get_absolute_url())
    assert url in page.content.decode()
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    data = response.content
    client.logout()
    client.login(username="tt.b", password=PASSWORD)
    assert client.get(url).status_code == 404       # B cannot see A's proposal
    refused = client.post(reverse("awards:dossier-import"), {
        "campaign": higher.pk, "file": _upload(_rewrite(data, lambda n, c: c[:-1] + b"!" if "de-nghi" in n else c))})
    assert refused.status_code == 400 and "không khớp mã SHA-256" in refused.content.decode()
    response = client.post(reverse("awards:dossier-import"), {"campaign": higher.pk, "file": _upload(data)})
    received = DossierImport.objects.get()
    assert response.status_code == 302 and response["Location"] == received.get_absolute_url()
    page = client.get(received.get_absolute_url())
    assert page.status_code == 200 and "Nguyễn Văn An" in page.content.decode()
    form = {"unit-0-action": "create", "unit-0-parent": str(higher.issuer_id), "person-0-action": "create"}
    response = client.post(received.get_absolute_url(), form)
    made = Proposal.objects.get(campaign=higher)
    assert response.status_code == 302 and response["Location"] == made.get_absolute_url()


def test_no_export_without_a_forwarded_nomination(client, proposal, cast):
    client.login(username="tt.a", password=PASSWORD)
    assert client.get(reverse("reports:dossier-export", args=[proposal.pk])).status_code == 404


# --- Fixes from the browser walk-through ------------------------------------------------------------------


def _with_manifest(data: bytes, change) -> bytes:
    """The package with its manifest changed by `change(manifest)` (the files untouched)."""
    def edit(name, content):
        if name != "manifest.json":
            return content
        manifest = json.loads(content)
        change(manifest)
        return json.dumps(manifest, ensure_ascii=False).encode()
    return _rewrite(data, edit)


def test_content_key_ignores_the_download_time_and_the_files_printed_that_day():
    first = json.loads(zipfile.ZipFile(io.BytesIO(_package())).read("manifest.json"))
    again = json.loads(json.dumps(first))
    again["created_at"] = "2026-11-11T08:00:00+07:00"
    assert dossier.content_key(first) == dossier.content_key(again)
    printed = json.loads(json.dumps(first))
    printed["files"].append({"path": "02-danh-sach/danh-sach-de-nghi.xlsx", "sha256": "0" * 64, "size": 3,
                             "kind": "danh_sach"})
    reprinted = json.loads(json.dumps(printed))
    reprinted["files"][-1].update(sha256="1" * 64, size=4)
    assert dossier.content_key(printed) == dossier.content_key(reprinted)
    changed = json.loads(json.dumps(first))
    changed["files"][1]["sha256"] = "f" * 64
    assert dossier.content_key(changed) != dossier.content_key(first)
    changed = json.loads(json.dumps(first))
    changed["nominations"][0]["summary"] = "Khác"
    assert dossier.content_key(changed) != dossier.content_key(first)


def test_a_malformed_history_refuses_the_package():
    manifest = dossier.read(_package()).manifest
    manifest["nominations"][0]["history"] = [{"award_type": {"code": "CSTDCS"}, "achievement_year": "2024"}]
    assert "quá trình khen thưởng" in dossier.manifest_problem(manifest)
    manifest["nominations"][0]["history"] = [{"award_type": {"code": "CSTDCS", "name": "CSTĐCS"},
                                              "achievement_year": 2024, "decided_on": "15/01/2025"}]
    assert "ngày quyết định" in dossier.manifest_problem(manifest)


@pytest.fixture
def with_history(forwarded, plan, tree, types):
    """Nguyễn Văn An's register at Sở A: Chiến sĩ thi đua cơ sở three years running."""
    for year in (2023, 2024, 2025):
        RegisterEntry.objects.create(person=plan["people"]["an"], award_type=types["CSTDCS"], achievement_year=year,
                                     issuer_name="Giám đốc Sở Y tế A", reference=f"Số {year % 100}/QĐ-SYT",
                                     decided_on=date(year + 1, 1, 15), owner=tree["A"])
    return forwarded


def test_the_nominees_history_travels_and_goes_into_the_receivers_register(with_history, proposal, cast, tree, higher,
                                                                           types):
    from awards.selectors.proposals import held_titles
    from tests.factories import make_org, make_person

    unit = make_org("Bệnh viện Đa khoa (tại B)", "BVDK", parent=tree["B"], kind="hospital")
    existing = make_person(unit, "Nguyễn Văn An", "BV01")
    RegisterEntry.objects.create(person=existing, award_type=types["CSTDCS"], achievement_year=2024,
                                 issuer_name="Sở B", reference="Số 9/QĐ-B", decided_on=date(2025, 1, 10),
                                 owner=tree["B"])
    _name, data = report_dossier.build(proposal)
    package = dossier.read(data)
    (row,) = package.manifest["nominations"]
    assert [(h["award_type"]["code"], h["achievement_year"]) for h in row["history"]] == [
        ("CSTDCS", 2023), ("CSTDCS", 2024), ("CSTDCS", 2025)]
    assert row["history"][0] == {"award_type": {"code": "CSTDCS", "name": types["CSTDCS"].name},
                                 "achievement_year": 2023, "reference": "23/QĐ-SYT", "decided_on": "2024-01-15",
                                 "issuer": "Giám đốc Sở Y tế A", "revoked": False}
    (printed,) = [f for f in package.manifest["files"] if f["kind"] == "qua_trinh_khen_thuong"]
    assert printed["nomination"] == row["ref"] and printed["path"].startswith("03-de-nghi/01-nguyen-van-an/")
    assert package.files[printed["path"]].startswith(b"%PDF")

    # An award this catalogue does not have is skipped and said, not refused.
    data = _with_manifest(data, lambda m: m["nominations"][0]["history"].append({
        "award_type": {"code": "KHONG_CO", "name": "Kỷ niệm chương riêng"}, "achievement_year": 2022,
        "reference": "1/QĐ", "decided_on": "2023-01-01", "issuer": "Sở Y tế A", "revoked": False}))
    received = dossier_services.receive_dossier(by=cast["outsider"], campaign=higher, upload=_upload(data))
    made = dossier_services.import_dossier(by=cast["outsider"], received=received)
    copy = made.nominations.get()
    assert copy.person == existing
    entries = list(RegisterEntry.objects.filter(person=existing).order_by("achievement_year"))
    assert [(e.achievement_year, e.source) for e in entries] == [
        (2023, RegisterEntry.Source.PACKAGE), (2024, RegisterEntry.Source.BEFORE), (2025, RegisterEntry.Source.PACKAGE)]
    written = entries[0]
    assert (written.owner, written.reference, written.decided_on, written.issuer_name) == (
        tree["B"], "23/QĐ-SYT", date(2024, 1, 15), "Giám đốc Sở Y tế A")
    assert tree["A"].name in written.note
    assert AwardEvent.objects.filter(target_type=str(RegisterEntry._meta.verbose_name), target_id=written.pk).exists()
    event = NominationEvent.objects.get(nomination=copy, to_state=State.SUBMITTED)
    assert "Đã ghi 2 khen thưởng" in event.reason and "KHONG_CO" in event.reason
    held = held_titles([copy])[("p", existing.pk)]
    assert {("CSTDCS", 2023), ("CSTDCS", 2024), ("CSTDCS", 2025)} <= held


def test_the_same_dossier_downloaded_again_is_refused_at_upload(with_history, proposal, cast, higher, settings):
    _name, first = report_dossier.build(proposal)
    dossier_services.receive_dossier(by=cast["outsider"], campaign=higher, upload=_upload(first))
    settings.APP_TODAY = date(2026, 11, 11)    # the next day: another created_at, list and printed history
    _name, again = report_dossier.build(proposal)
    assert hashlib.sha256(again).hexdigest() != hashlib.sha256(first).hexdigest()
    with pytest.raises(ValidationError, match="đã được tải lên") as refused:
        dossier_services.receive_dossier(by=cast["outsider"], campaign=higher, upload=_upload(again))
    assert "file" in refused.value.message_dict
    assert DossierImport.objects.count() == 1
    # A dossier that did change (a file added to the proposal) is a new package.
    services.add_proposal_file(by=cast["staff"], proposal=proposal, kind="other",
                               upload=SimpleUploadedFile("Bổ sung.pdf", PDF + b"bo sung"))
    _name, changed = report_dossier.build(proposal)
    dossier_services.receive_dossier(by=cast["outsider"], campaign=higher, upload=_upload(changed))
    assert DossierImport.objects.count() == 2


def test_an_issuer_does_not_receive_its_own_package(forwarded, proposal, cast, plan):
    _name, data = report_dossier.build(proposal)
    with pytest.raises(ValidationError, match="Gói này do chính cơ quan lập: nhận ở cơ quan cấp trên."):
        dossier_services.receive_dossier(by=cast["secretariat"], campaign=plan["campaign"], upload=_upload(data))
    assert not DossierImport.objects.exists()


def test_the_same_bytes_go_once_in_the_same_place(forwarded, proposal, cast):
    services.add_proposal_file(by=cast["staff"], proposal=proposal, kind="other",
                               upload=SimpleUploadedFile("Bản sao tờ trình.pdf", PDF))   # the tờ trình again
    _name, data = report_dossier.build(proposal)
    rows = dossier.read(data).manifest["files"]
    proposal_level = [row for row in rows if row["nomination"] is None and row["kind"] != "danh_sach"]
    assert len({row["sha256"] for row in proposal_level}) == len(proposal_level)
    assert [row["source_kind"] for row in proposal_level if row["kind"] == "tep_to_trinh"] == ["submission"]
    (report,) = [row for row in rows if row["kind"] == "bao_cao_thanh_tich"]
    assert report["source_kind"] == "report"


def test_a_pending_package_may_be_discarded_by_its_reviewers_only(client, forwarded, proposal, cast, higher):
    _name, data = report_dossier.build(proposal)
    received = dossier_services.receive_dossier(by=cast["outsider"], campaign=higher, upload=_upload(data))
    url = reverse("awards:dossier-discard", args=[received.pk])
    client.login(username="tt.a", password=PASSWORD)            # another tree: not even seen
    assert client.post(url).status_code == 404
    client.logout()
    client.login(username="tt.b", password=PASSWORD)
    assert client.get(url).status_code == 405
    listing = client.get(reverse("awards:dossier-import")).content.decode()
    assert url in listing and "Bỏ hồ sơ này" in listing
    assert url in client.get(received.get_absolute_url()).content.decode()
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == reverse("awards:dossier-import")
    assert not DossierImport.objects.exists()
    event = AwardEvent.objects.get(action="deleted", target_id=received.pk)
    assert event.actor.username == "tt.b" and event.issuer == higher.issuer
    # Received again after discarding: accepted; once imported it cannot be discarded.
    again = dossier_services.receive_dossier(by=cast["outsider"], campaign=higher, upload=_upload(data))
    units, people = _all_create(again)
    dossier_services.import_dossier(by=cast["outsider"], received=again, units=units, people=people)
    with pytest.raises(ValidationError, match="không bỏ được"):
        dossier_services.discard_dossier(by=cast["outsider"], received=again)


def test_the_discarded_zip_is_removed_once_the_deletion_commits(forwarded, proposal, cast, higher,
                                                                 django_capture_on_commit_callbacks):
    _name, data = report_dossier.build(proposal)
    received = dossier_services.receive_dossier(by=cast["outsider"], campaign=higher, upload=_upload(data))
    storage, name = received.file.storage, received.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        dossier_services.discard_dossier(by=cast["outsider"], received=received)
    assert not storage.exists(name)


def test_the_pages_speak_of_the_list_of_files_the_vote_and_the_birth_date(client, forwarded, proposal, cast, higher):
    forwarded.person.birth_date = date(1985, 3, 7)
    forwarded.person.save(update_fields=["birth_date"])
    _name, data = report_dossier.build(proposal)
    received = dossier_services.receive_dossier(by=cast["outsider"], campaign=higher, upload=_upload(data))
    client.login(username="tt.b", password=PASSWORD)
    page = client.get(received.get_absolute_url()).content.decode()
    sender = proposal.campaign.issuer.name
    assert (f"Hội đồng Thi đua – Khen thưởng của {sender} biểu quyết: 5 đồng ý, 0 không đồng ý, 0 không biểu quyết"
            in page)
    assert "Ngày sinh 07/03/1985" in page and "bảng kê tệp" in page and "manifest" not in page
    importing = client.get(reverse("awards:dossier-import")).content.decode()
    assert "manifest" not in importing.replace("(manifest.json)", "")
    assert importing.count("(manifest.json)") == 1
    assert reverse("awards:dossier-import") in client.get(reverse("awards:index")).content.decode()   # the menu


def test_the_import_page_says_when_no_campaign_takes_proposals(client, cast):
    client.login(username="tt.b", password=PASSWORD)
    page = client.get(reverse("awards:dossier-import")).content.decode()
    assert "Chưa có phong trào nào của cơ quan đang nhận đề nghị" in page
    assert 'name="campaign"' not in page
