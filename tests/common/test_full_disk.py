"""A full disk fails cleanly (issue: faults survived, point 5): a Vietnamese message next to what
was typed, nothing half-written left in the storage, no row pointing at a file that is not whole."""

import pytest
from django.core.files.storage import InMemoryStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from common import files
from common.models import StoredFile
from indicators.models import Result
from tests.indicators.conftest import plan  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


class FullDisk(InMemoryStorage):
    """Writes the first bytes of a file, then finds the disk full (as a real disk does mid-write)."""

    def _save(self, name, content):
        content.seek(0)
        super()._save(name, SimpleUploadedFile("part", content.read(10)))
        raise OSError(28, "No space left on device")


@pytest.fixture
def full_disk(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": f"{__name__}.FullDisk"}}


def test_the_grid_keeps_the_typed_figures_and_says_the_disk_is_full(login, plan, tree, cast, full_disk):  # noqa: F811
    rows = plan["rows"]
    response = login(cast["staff"]).post(reverse("indicators:report", args=[plan["period"].pk, tree["A.BV"].pk]), {
        "action": "save", f"actual-{rows['BHYT'].pk}": "90,08", f"actual-{rows['TYT'].pk}": "12/12",
        "narrative_done": "Đã triển khai tiêm chủng",
        f"evidence-{rows['TYT'].pk}": SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4\n" + b"x" * 5000)})
    content = response.content.decode()
    assert response.status_code == 200
    assert "hết chỗ lưu trữ" in content
    assert 'value="90,08"' in content and 'value="12/12"' in content and "Đã triển khai tiêm chủng" in content
    assert not Result.objects.exists()
    assert list(files.walk(files.default_storage())) == [] and not StoredFile.objects.exists()


def test_a_partly_written_file_is_removed_at_once(full_disk, tree):
    from awards.models import ProposalFile

    row = ProposalFile(kind="submission")
    with pytest.raises(files.StorageFailed):
        files.store(row.file, "to-trinh.pdf", b"%PDF-1.4\n" + b"x" * 1000)
    assert list(files.walk(files.default_storage())) == []
