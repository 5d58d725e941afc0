"""Files in S3-compatible object storage (STORAGE_BACKEND=s3), through a real S3 HTTP endpoint:
moto's server mode stands in for the object store (none can be installed on these machines).
Uploads and generated PDFs land in the bucket; they leave only through the views that check
access, never by a link or redirect to the bucket."""

import hashlib
import uuid
from datetime import date

import boto3
import pytest
from botocore.config import Config
from django.core.exceptions import ImproperlyConfigured
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from moto.server import ThreadedMotoServer
from storages.backends.s3 import S3Storage

from campaigns.models import ReportingPeriod
from config.storage import default_storage_from_env
from indicators.models import SubmissionAttachment
from reports import services as report_services
from reports.models import ReportFile
from tests.factories import make_campaign
from tests.indicators import conftest as indicator_fixtures
from tests.reports.conftest import complete
from units.access import SYSTEM

# The indicators' issued plan with its open six-month report (tests/indicators/conftest.py).
plan = indicator_fixtures.plan

KEY, SECRET, REGION = "thidua-test", "thidua-test-secret", "us-east-1"
S3_ENV = {"STORAGE_BACKEND": "s3", "S3_ACCESS_KEY_ID": KEY, "S3_SECRET_ACCESS_KEY": SECRET, "S3_REGION": REGION}


@pytest.fixture(scope="module")
def s3_endpoint():
    """One moto S3 server per module, on a free loopback port."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, settings, monkeypatch):
    """A fresh bucket, and STORAGES["default"] pointed at it the way the environment would set it."""
    name = f"thidua-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name=REGION, aws_access_key_id=KEY,
                          aws_secret_access_key=SECRET, config=Config(s3={"addressing_style": "path"}))
    client.create_bucket(Bucket=name)
    for variable, value in {**S3_ENV, "S3_BUCKET": name, "S3_ENDPOINT_URL": s3_endpoint}.items():
        monkeypatch.setenv(variable, value)
    # The settings fixture sends setting_changed: Django drops its cached storages, and every
    # FileField (bound to the lazy default_storage) reaches the new one.
    settings.STORAGES = {**settings.STORAGES, "default": default_storage_from_env(spool_bytes=1024)}
    assert isinstance(SubmissionAttachment._meta.get_field("file").storage, S3Storage)
    return client, name


def keys(bucket) -> list[str]:
    client, name = bucket
    return [o["Key"] for o in client.list_objects_v2(Bucket=name).get("Contents", [])]


def body(bucket, key: str) -> bytes:
    client, name = bucket
    return client.get_object(Bucket=name, Key=key)["Body"].read()


def assert_private(bucket, key: str) -> None:
    client, name = bucket
    grants = client.get_object_acl(Bucket=name, Key=key)["Grants"]
    assert all("URI" not in g["Grantee"] for g in grants), grants   # no AllUsers / AuthenticatedUsers grant


def downloaded(response) -> bytes:
    """The bytes of a download our own view streamed: not a redirect, not a link to the bucket."""
    assert response.status_code == 200 and not response.has_header("Location")
    assert response["Content-Disposition"].startswith("attachment")
    return b"".join(response.streaming_content)


@pytest.mark.django_db
def test_a_report_attachment_goes_to_the_bucket_and_comes_back_only_through_the_checking_view(
        login, plan, tree, cast, bucket):
    content = b"%PDF-1.4\n% bien ban hop xet duyet\n" + uuid.uuid4().bytes
    staff = login(cast["staff"])
    response = staff.post(reverse("indicators:report-attachment", args=[plan["period"].pk, tree["A.BV"].pk]),
                          {"file": SimpleUploadedFile("Biên bản họp.pdf", content, content_type="application/pdf")})
    assert response.status_code == 302
    attachment = SubmissionAttachment.objects.get()
    assert keys(bucket) == [attachment.file.name] and attachment.file.name.startswith("reports/")
    assert body(bucket, attachment.file.name) == content
    assert_private(bucket, attachment.file.name)

    url = reverse("indicators:attachment-file", args=[attachment.pk])
    page = staff.get(reverse("indicators:report", args=[plan["period"].pk, tree["A.BV"].pk])).content.decode()
    assert url in page and bucket[1] not in page
    assert downloaded(staff.get(url)) == content
    assert login(cast["other_staff"]).get(url).status_code == 404
    assert login(cast["outsider"]).get(url).status_code == 404


@pytest.mark.django_db
def test_the_second_upload_of_the_same_name_keeps_both_files(login, plan, tree, cast, bucket):
    staff = login(cast["staff"])
    url = reverse("indicators:report-attachment", args=[plan["period"].pk, tree["A.BV"].pk])
    for text in (b"%PDF-1.4\nfirst\n", b"%PDF-1.4\nsecond\n"):
        staff.post(url, {"file": SimpleUploadedFile("to-trinh.pdf", text, content_type="application/pdf")})
    first, second = SubmissionAttachment.objects.order_by("pk")
    assert first.file.name != second.file.name and len(keys(bucket)) == 2
    assert downloaded(staff.get(reverse("indicators:attachment-file", args=[first.pk]))) == b"%PDF-1.4\nfirst\n"


@pytest.mark.django_db
def test_an_issued_reports_pdf_is_stored_in_the_bucket_and_downloaded_byte_for_byte(
        login, tree, cast, settings, bucket):
    settings.APP_TODAY = date(2026, 11, 23)
    campaign = make_campaign(tree["A"], participants=[tree["A.BV"], tree["A.TT"]], status="in_progress")
    period = ReportingPeriod.objects.create(campaign=campaign, kind="year", year=2026, label="Năm 2026")
    report = complete(report_services.create_report(by=SYSTEM, campaign=campaign, organisation=tree["A"],
                                                    period=period))
    leader = login(cast["leader"])
    response = leader.post(reverse("reports:report-issue", args=[report.pk]), {
        "number": "9", "notation": "BC-SYT", "issue_date": "20/11/2026", "signer_title": "Giám đốc",
        "signer_name": "Nguyễn Văn A"})
    assert response.status_code == 302
    # Two copies: the one sent for signature and the issued print the PDF link gives (issue 13).
    signing = ReportFile.objects.get(report=report, kind=ReportFile.Kind.GENERATED)
    stored = ReportFile.objects.get(report=report, kind=ReportFile.Kind.ISSUED)
    assert sorted(keys(bucket)) == sorted([signing.file.name, stored.file.name])
    in_bucket = body(bucket, stored.file.name)
    assert in_bucket.startswith(b"%PDF") and hashlib.sha256(in_bucket).hexdigest() == stored.sha256
    assert_private(bucket, stored.file.name)

    assert downloaded(leader.get(reverse("reports:report-pdf", args=[report.pk]))) == in_bucket
    assert downloaded(leader.get(reverse("reports:report-file", args=[report.pk, stored.pk]))) == in_bucket
    assert login(cast["outsider"]).get(reverse("reports:report-file", args=[report.pk, stored.pk])).status_code == 404


@pytest.mark.parametrize(("env", "message"), [
    ({"STORAGE_BACKEND": "gcs"}, "filesystem or s3"),
    ({"STORAGE_BACKEND": "s3"}, "S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY"),
    ({**S3_ENV, "S3_BUCKET": "b", "S3_SECRET_ACCESS_KEY": " "}, "needs S3_SECRET_ACCESS_KEY"),
    ({**S3_ENV, "S3_BUCKET": "b", "S3_ENDPOINT_URL": "127.0.0.1:9000"}, "http"),
    ({**S3_ENV, "S3_BUCKET": "b", "S3_ADDRESSING_STYLE": "dns"}, "S3_ADDRESSING_STYLE"),
])
def test_a_half_configured_object_store_stops_the_start(monkeypatch, env, message):
    for variable in [*S3_ENV, "S3_BUCKET", "S3_ENDPOINT_URL", "S3_ADDRESSING_STYLE", "S3_PREFIX"]:
        monkeypatch.delenv(variable, raising=False)
    for variable, value in env.items():
        monkeypatch.setenv(variable, value)
    with pytest.raises(ImproperlyConfigured, match=message):
        default_storage_from_env(spool_bytes=0)


def test_the_disk_is_the_default_and_s3_is_private_and_never_overwrites(monkeypatch):
    for variable in [*S3_ENV, "S3_BUCKET", "S3_ENDPOINT_URL", "S3_ADDRESSING_STYLE", "S3_PREFIX"]:
        monkeypatch.delenv(variable, raising=False)
    assert default_storage_from_env(spool_bytes=0) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    for variable, value in {**S3_ENV, "S3_BUCKET": "thidua", "S3_ENDPOINT_URL": "https://s3.example.vn"}.items():
        monkeypatch.setenv(variable, value)
    options = default_storage_from_env(spool_bytes=0)["OPTIONS"]
    assert options["default_acl"] == "private" and options["file_overwrite"] is False
    assert options["addressing_style"] == "path" and options["endpoint_url"] == "https://s3.example.vn"
