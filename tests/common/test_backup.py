"""Backups include the files (issue: faults survived, point 6): `manage.py backup` dumps the database
then copies every stored file; `restore_files` puts them back and `verify_files` passes, or names
what is missing."""

import io
import json
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from campaigns.models import ReportingPeriod
from common import files
from reports import services
from tests.factories import make_campaign
from tests.reports.conftest import complete
from units.access import SYSTEM

pytestmark = pytest.mark.django_db


def test_backup_then_restore_into_an_empty_store_verifies(tree, cast, settings, tmp_path, fresh_storage):
    campaign = make_campaign(tree["A"], participants=[tree["A.BV"]], status="in_progress")
    period = ReportingPeriod.objects.create(campaign=campaign, kind="year", year=2026, label="Năm 2026")
    report = complete(services.create_report(by=SYSTEM, campaign=campaign, organisation=tree["A"], period=period))
    services.issue_report(by=cast["leader"], report=report, number=7, notation="BC-SYT",
                          issue_date=date(2026, 11, 9), signer_title="Giám đốc", signer_name="A")
    call_command("backup", str(tmp_path / "sao-luu"), stdout=io.StringIO())
    manifest = json.loads((tmp_path / "sao-luu" / "manifest.json").read_text())
    # Issuing stores two copies: the one sent for signature and the issued print (issue 13).
    assert manifest["files"] == 2 and (tmp_path / "sao-luu" / "thidua.dump").stat().st_size > 1000

    # The server is lost with its files: a new, empty store.
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path / "moi")}}}
    with pytest.raises(CommandError):
        call_command("verify_files", stdout=io.StringIO())
    call_command("restore_files", str(tmp_path / "sao-luu" / "files"), stdout=io.StringIO())
    call_command("verify_files", stdout=(out := io.StringIO()))
    assert "2 tệp nguyên vẹn, 0 thiếu, 0 bị đổi" in out.getvalue()
    assert sorted(files.walk(files.default_storage())) == sorted(f.file.name for f in report.files.all())


def test_a_new_installation_without_a_media_folder_backs_up_purges_and_verifies(tree, settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path / "chua-co")}}}
    call_command("purge_files", "--grace-hours", "0", stdout=io.StringIO())
    call_command("backup", str(tmp_path / "sao-luu"), stdout=io.StringIO())
    assert json.loads((tmp_path / "sao-luu" / "manifest.json").read_text())["files"] == 0
