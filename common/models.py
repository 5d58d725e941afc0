"""Abstract glue shared by the apps (no business tables live here)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEventBase(models.Model):
    """Who changed what, when, with the values before and after.

    Each owning app subclasses this with a foreign key to the object whose history it is
    (a campaign, an organisation), so a history page is one query.
    """

    class Action(models.TextChoices):
        CREATED = "created", _("Tạo mới")
        CHANGED = "changed", _("Sửa")
        DELETED = "deleted", _("Xóa")
        TRANSITION = "transition", _("Chuyển trạng thái")
        ACCOUNT = "account", _("Tài khoản")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người thực hiện"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    at = models.DateTimeField(_("thời điểm"), db_index=True)
    action = models.CharField(_("hành động"), max_length=20, choices=Action.choices)
    target_type = models.CharField(_("đối tượng"), max_length=60)
    target_id = models.BigIntegerField(_("mã đối tượng"), null=True, blank=True)
    target_label = models.CharField(_("tên đối tượng"), max_length=500, blank=True)
    # [{"field": "status", "label": "Trạng thái", "before": "Nháp", "after": "Đã ban hành"}, ...]
    changes = models.JSONField(_("thay đổi"), default=list, blank=True)
    reason = models.TextField(_("lý do"), blank=True)

    class Meta:
        abstract = True
        ordering = ["-at", "-id"]
