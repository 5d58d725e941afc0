"""Abstract glue shared by the apps (no business tables live here)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEventBase(models.Model):
    """Who changed what, when, with the values before and after.

    Each owning app subclasses this with a foreign key to the object whose history it is
    (a campaign, an organisation), so a history page is one query.

    Rows are append-only (common/audit.py writes them; on PostgreSQL a trigger refuses DELETE and
    every UPDATE but the one that seals a row) and outlive what they describe: the foreign keys to
    a deletable object (a draft campaign or nomination) are DO_NOTHING without a database
    constraint, and the row keeps target_id and target_label. Organisations (closed, never
    deleted) and an account that acted are PROTECT: accounts are locked, not deleted, and SET_NULL
    would be an UPDATE.
    """

    class Action(models.TextChoices):
        CREATED = "created", _("Tạo mới")
        CHANGED = "changed", _("Sửa")
        DELETED = "deleted", _("Xóa")
        TRANSITION = "transition", _("Chuyển trạng thái")
        ACCOUNT = "account", _("Tài khoản")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người thực hiện"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    at = models.DateTimeField(_("thời điểm"), db_index=True)
    action = models.CharField(_("hành động"), max_length=20, choices=Action.choices)
    target_type = models.CharField(_("đối tượng"), max_length=60)
    target_id = models.BigIntegerField(_("mã đối tượng"), null=True, blank=True)
    target_label = models.CharField(_("tên đối tượng"), max_length=500, blank=True)
    # [{"field": "status", "label": "Trạng thái", "before": "Nháp", "after": "Đã ban hành"}, ...]
    changes = models.JSONField(_("thay đổi"), default=list, blank=True)
    reason = models.TextField(_("lý do"), blank=True)
    # The chain (common/audit.py): the previous row's chain_hash ("" for a table's first row), and
    # SHA-256 over this row's content and prev_hash.
    prev_hash = models.CharField(max_length=64, blank=True, editable=False)
    chain_hash = models.CharField(max_length=64, blank=True, editable=False)
    # The row's place in the chain, given when it is sealed after its transaction commits (NULL
    # until then); unique, and its index finds both the newest sealed row and the unsealed ones.
    seal_seq = models.BigIntegerField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        abstract = True
        ordering = ["-at", "-id"]


class StoredFile(models.Model):
    """What was written for each stored file, recorded as it was written (common/files.py): the
    restore check (`manage.py verify_files`) compares every file with its size and SHA-256, and
    the clean-up (`manage.py purge_files`) knows when a file nothing refers to was made.

    Infrastructure, not business data: the apps' rows refer to files by name, as FileField does."""

    name = models.CharField(max_length=300, unique=True)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField()

    class Meta:
        verbose_name = _("tệp đã lưu")
        verbose_name_plural = _("tệp đã lưu")

    def __str__(self) -> str:
        return self.name
