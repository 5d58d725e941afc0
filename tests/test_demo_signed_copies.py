"""The demo's signed copies are real signed PDFs (issue 15, point 5): each is the document's own
stored edition signed incrementally with the demo CA, with a visible stamp in the documents' font
that says it is the demo's, and it verifies as "Đúng bản trình ký"."""

import subprocess
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from awards.models import Proposal, ProposalFile
from devtools.demo.signing import DEMO_LINE
from reports import selectors, signatures
from reports.models import SignedCopy, TrustAnchor
from reports.services import signed
from tests import demo_snapshot

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        demo_snapshot.load(TODAY)
    yield
    with django_db_blocker.unblock():
        call_command("flush", "--no-input", verbosity=0)


def _bytes(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


def _poppler(tool: str, path: str, *args: str) -> str:
    done = subprocess.run([tool, *args, path], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, f"{tool} cannot read {path}: {done.stderr}"
    return done.stdout


def _assert_real_signed_pdf(data: bytes, folder) -> None:
    """Opens in a reader, shows the demo's stamp, and the stamp's font is the documents' own, embedded."""
    path = str(folder / "signed.pdf")
    with open(path, "wb") as out:
        out.write(data)
    assert "Pages:" in _poppler("pdfinfo", path)
    fonts = [line.split() for line in _poppler("pdffonts", path).splitlines()[2:]]
    stamp_fonts = [row for row in fonts if "LiberationSerif" in row[0]]
    # pdffonts columns: name, type…, encoding, emb, sub, uni, object id
    assert stamp_fonts and all(row[-5] == "yes" for row in stamp_fonts)
    done = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True, timeout=60)
    text = " ".join(done.stdout.split())
    assert "Ký số bởi:" in text and DEMO_LINE in text and "Thời gian:" in text


def test_every_demo_signed_copy_is_its_edition_signed_and_verified(demo, tmp_path):
    copies = list(SignedCopy.objects.select_related("edition"))
    # The live plan and the three tờ trình the awards demo sends up.
    assert sorted(c.edition.kind for c in copies) == ["plan", "proposal", "proposal", "proposal"]
    anchors = selectors.anchors()
    for copy in copies:
        assert signed.is_verified(copy), signed.verdict(copy)
        assert signed.match_line(copy) == f"Đúng bản trình ký (phiên bản {copy.edition.number})"
        # Checked again now, from the stored bytes: the first revision is the stored signing copy.
        data = _bytes(copy.file)
        check = signatures.check_pdf(data, anchors)
        assert check.ok and check.first_revision_sha256 == copy.edition.sha256
        assert all(s.issuer.startswith("CA minh họa") for s in check.signatures)
        _assert_real_signed_pdf(data, tmp_path)


def test_each_sent_to_trinh_attaches_its_verified_signed_copy(demo):
    submissions = ProposalFile.objects.filter(kind=ProposalFile.Kind.SUBMISSION).select_related("proposal")
    assert submissions.count() == 3
    for row in submissions:
        copy = SignedCopy.objects.get(edition__kind="proposal", edition__object_id=row.proposal_id)
        assert _bytes(row.file) == _bytes(copy.file)
        assert row.proposal.status != Proposal.Status.DRAFT


def test_the_units_bien_ban_binh_xet_is_a_signed_pdf(demo, tmp_path):
    """The system drafts no biên bản bình xét, so there is no edition to match: it is a real PDF
    signed by the unit's head, trusted through the demo CA."""
    row = ProposalFile.objects.get(kind=ProposalFile.Kind.MINUTES)
    data = _bytes(row.file)
    check = signatures.check_pdf(data, selectors.anchors())
    assert check.ok and [s.signer_name for s in check.signatures] == ["Dương Văn Quang"]
    _assert_real_signed_pdf(data, tmp_path)


def test_one_demo_ca_per_load_and_a_second_load_signs_nothing(demo):
    """Every signature of the load chains to the one demo anchor installed."""
    anchor = TrustAnchor.objects.get(is_demo=True, active=True)
    files = [c.file for c in SignedCopy.objects.all()] + [ProposalFile.objects.get(kind="minutes").file]
    assert all(signatures.check_pdf(_bytes(f), [anchor.pem.encode("ascii")]).ok for f in files)
    before = list(SignedCopy.objects.values_list("pk", "sha256"))
    call_command("load_demo", "--today", TODAY.isoformat(), stdout=StringIO())
    assert list(SignedCopy.objects.values_list("pk", "sha256")) == before
    assert TrustAnchor.objects.filter(is_demo=True).count() == 1
