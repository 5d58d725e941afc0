"""Where uploaded and generated files are kept, chosen from the environment.

`filesystem` (the default) suits one app server. With several, every server must see a file the
moment another one saved it, so they share S3-compatible object storage (`STORAGE_BACKEND=s3`,
django-storages). Either way files are only ever served by the views that check access
(FileResponse): the bucket is private and the application never links or redirects to it.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from config.env import env_str

ADDRESSING_STYLES = ("path", "virtual", "auto")


def default_storage_from_env(*, spool_bytes: int) -> dict:
    """STORAGES["default"] for STORAGE_BACKEND and the S3_* variables; a half-configured S3 fails
    here, at start-up, rather than at the first upload. `spool_bytes`: a file read back for a
    download is held in memory up to this size, then in a temporary file."""
    backend = env_str("STORAGE_BACKEND", "").strip().lower() or "filesystem"
    if backend == "filesystem":
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    if backend != "s3":
        raise ImproperlyConfigured(f"STORAGE_BACKEND must be filesystem or s3, got {backend!r}")

    missing = [name for name in ("S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY")
               if not env_str(name, "").strip()]
    if missing:
        raise ImproperlyConfigured(f"STORAGE_BACKEND=s3 needs {', '.join(missing)}.")
    endpoint = env_str("S3_ENDPOINT_URL", "").strip()
    if endpoint:
        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ImproperlyConfigured(f"S3_ENDPOINT_URL must be an http(s) URL, got {endpoint!r}")
    addressing = env_str("S3_ADDRESSING_STYLE", "").strip().lower() or "path"
    if addressing not in ADDRESSING_STYLES:
        raise ImproperlyConfigured(
            f"S3_ADDRESSING_STYLE must be one of {', '.join(ADDRESSING_STYLES)}, got {addressing!r}")

    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("S3_BUCKET").strip(),
            # Empty: Amazon S3 itself.
            "endpoint_url": endpoint or None,
            "region_name": env_str("S3_REGION", "").strip() or "us-east-1",
            "access_key": env_str("S3_ACCESS_KEY_ID").strip(),
            "secret_key": env_str("S3_SECRET_ACCESS_KEY").strip(),
            # S3-compatible servers (MinIO, Ceph, providers' own) answer on one host name; bucket
            # names as sub-domains need DNS they rarely have.
            "addressing_style": addressing,
            "signature_version": "s3v4",
            "default_acl": "private",
            # Two units uploading "to-trinh.pdf" into the same folder keep two files, as on disk.
            "file_overwrite": False,
            # Nothing should ask for a URL (files go through our views); if something ever does,
            # it gets a signed one that expires, not a public address.
            "querystring_auth": True,
            "querystring_expire": 300,
            "max_memory_size": spool_bytes,
            # The prefix within the bucket, e.g. to keep a test copy beside production's files.
            "location": env_str("S3_PREFIX", "").strip().strip("/"),
        },
    }
