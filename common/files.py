"""Every file the application keeps is written here, and nowhere else:

- once, under a name no other file has (a folder of its own per file), so a partly written file
  can be removed at once without touching anyone else's, and nothing is ever overwritten;
- with its size and SHA-256 computed from the bytes and recorded (common.models.StoredFile), the
  size checked against what the storage then holds;
- a storage that fails (a full disk, an object store that does not answer) is a Vietnamese
  message the form shows with what was typed, never a 500 and never a truncated file left behind.

Files are removed only by `manage.py purge_files`, after a grace period, when no row refers to them
(a row deleted, a transaction rolled back after its file was written): a backup that dumps the
database and then copies the files is therefore consistent.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from common.models import StoredFile

logger = logging.getLogger(__name__)

STORAGE_FAILED = ("Không lưu được tệp trên máy chủ (hết chỗ lưu trữ hoặc kho tệp không trả lời). Những gì bạn "
                  "nhập vẫn còn; hãy báo quản trị hệ thống rồi thử lại.")
CHUNK = 64 * 1024


class StorageFailed(ValidationError):
    """The storage could not keep a file; nothing of it was left behind."""

    def __init__(self):
        super().__init__(STORAGE_FAILED, code="storage_failed")


def _storage_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [OSError]
    try:
        from botocore.exceptions import BotoCoreError, ClientError
    except ImportError:  # pragma: no cover - django-storages[s3] is a dependency
        pass
    else:
        errors += [BotoCoreError, ClientError]
    return tuple(errors)


def measure(content) -> tuple[int, str]:
    """Size and SHA-256 of a file-like object, read in chunks, left at its start."""
    digest, size = hashlib.sha256(), 0
    for chunk in _chunks(content):
        digest.update(chunk)
        size += len(chunk)
    content.seek(0)
    return size, digest.hexdigest()


def _chunks(content) -> Iterator[bytes]:
    content.seek(0)
    if hasattr(content, "chunks"):
        yield from content.chunks(CHUNK)
        return
    while chunk := content.read(CHUNK):
        yield chunk


def store(field_file: FieldFile, filename: str, content) -> StoredFile:
    """Write `content` (an upload, a File, or bytes) as `field_file`'s file and record it. The
    instance is not saved: the caller saves its row in its own transaction."""
    if isinstance(content, bytes):
        content = ContentFile(content)
    elif not isinstance(content, File):
        content = File(content)
    field, instance, storage = field_file.field, field_file.instance, field_file.storage
    generated = field.generate_filename(instance, filename)
    folder, _, base = generated.rpartition("/")
    # A folder of its own: the name is free before it is written, so a failed write can be removed
    # without any chance of it being another file, and the person's file name is kept as it was.
    name = "/".join(filter(None, [folder, secrets.token_hex(6), base]))
    size, sha256 = measure(content)
    try:
        saved = storage.save(name, content, max_length=field.max_length)
        if storage.size(saved) != size:
            raise OSError(f"stored {storage.size(saved)} of {size} bytes")
    except _storage_errors() as error:
        logger.error("storage failed writing %s: %s", name, error)
        remove_quietly(storage, name)
        raise StorageFailed() from error
    field_file.name = saved
    field_file._committed = True
    setattr(instance, field.attname, saved)
    return StoredFile.objects.create(name=saved, size=size, sha256=sha256, created_at=timezone.now())


def store_pending(instance: models.Model) -> None:
    """Write the files a model form put on `instance` but did not write yet (FileField writes them
    in save() otherwise, outside this module)."""
    for field in instance._meta.get_fields():
        if isinstance(field, models.FileField):
            value = getattr(instance, field.attname)
            if value and not value._committed:
                upload = value.file
                store(value, upload.name or value.name, upload)


def remove_quietly(storage, name: str) -> None:
    try:
        if storage.exists(name):
            storage.delete(name)
    except _storage_errors():
        logger.exception("could not remove the partly written %s", name)


# --- What refers to files, for the restore check and the clean-up ------------------------------------


@dataclass(frozen=True)
class Reference:
    model: type[models.Model]
    field: str
    pk: int
    name: str

    @property
    def label(self) -> str:
        return f"{self.model._meta.label}#{self.pk}.{self.field}"


def file_fields() -> list[tuple[type[models.Model], models.FileField]]:
    return [(model, field) for model in apps.get_models() for field in model._meta.get_fields()
            if isinstance(field, models.FileField)]


def references() -> Iterator[Reference]:
    for model, field in file_fields():
        rows = model._default_manager.exclude(**{field.attname: ""}).exclude(**{f"{field.attname}__isnull": True})
        for pk, name in rows.values_list("pk", field.attname).iterator(chunk_size=2000):
            yield Reference(model, field.name, pk, name)


def default_storage():
    from django.core.files.storage import storages

    return storages["default"]


def walk(storage, folder: str = "") -> Iterator[str]:
    """Every file name under `folder`, for the storages we use (a folder on disk, an S3 bucket)."""
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:
        return  # a new installation: MEDIA_DIR is made with the first file
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for directory in directories:
        yield from walk(storage, f"{folder}/{directory}" if folder else directory)


@dataclass
class Check:
    reference: Reference
    problem: str  # "" when the file is whole; else "missing", "altered", "unrecorded"
    detail: str = ""


def check(reference: Reference, storage, recorded: dict[str, StoredFile]) -> Check:
    try:
        if not storage.exists(reference.name):
            return Check(reference, "missing")
        with storage.open(reference.name, "rb") as handle:
            size, sha256 = measure(handle)
    except _storage_errors() as error:
        return Check(reference, "missing", str(error))
    row = recorded.get(reference.name)
    if row is None:
        return Check(reference, "unrecorded", f"{size} B, SHA-256 {sha256}")
    if row.size != size or row.sha256 != sha256:
        return Check(reference, "altered", f"ghi nhận {row.size} B {row.sha256[:12]}…, hiện {size} B {sha256[:12]}…")
    return Check(reference, "")


# --- The clean-up --------------------------------------------------------------------------------------


@dataclass
class Purge:
    removed: list[str]
    kept_young: int


def purge(storage, *, grace_seconds: int, dry_run: bool = False) -> Purge:
    """Remove files no row refers to, once older than the grace period: a file being saved now is
    written before its row commits, so it is never younger than the grace and unreferenced by a
    finished save."""
    referenced = {reference.name for reference in references()}
    recorded = {row.name: row for row in StoredFile.objects.all()}
    cutoff = timezone.now() - timedelta(seconds=grace_seconds)
    removed, young = [], 0
    for name in walk(storage):
        if name in referenced:
            continue
        row = recorded.get(name)
        made = row.created_at if row is not None else _modified(storage, name)
        if made is not None and made > cutoff:
            young += 1
            continue
        removed.append(name)
        if not dry_run:
            storage.delete(name)
            StoredFile.objects.filter(name=name).delete()
    if not dry_run:
        # Records of files already gone (removed by hand, or lost) that nothing refers to.
        present = set(walk(storage))
        stale = [name for name in recorded if name not in referenced and name not in present]
        StoredFile.objects.filter(name__in=stale, created_at__lt=cutoff).delete()
    return Purge(removed, young)


def _modified(storage, name: str):
    try:
        return storage.get_modified_time(name)
    except (NotImplementedError, *_storage_errors()):
        return None
