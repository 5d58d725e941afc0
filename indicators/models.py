from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign, ReportingPeriod, SubCampaign
from common.models import AuditEventBase
from common.urls import reverse_ids
from indicators.evaluation import Comparator, Direction, plan_line
from indicators.submissions import Status
from units.models import VI, Organisation

DECIMAL = {"max_digits": 20, "decimal_places": 4}


class IndicatorDefinition(models.Model):
    """A stable indicator of an issuer (code, name, unit, direction), reused year after year so
    that last period's value and next year's plan are found."""

    issuer = models.ForeignKey(Organisation, verbose_name=_("cơ quan"), on_delete=models.PROTECT,
                               related_name="indicator_definitions")
    code = models.CharField(_("mã chỉ tiêu"), max_length=30)
    name = models.CharField(_("tên chỉ tiêu"), max_length=500, db_collation=VI)
    unit = models.CharField(_("đơn vị tính"), max_length=50, blank=True,
                            help_text=_("Như văn bản in: %, ‰, %00, Người, Giường, trạm…"))
    direction = models.CharField(_("chiều đánh giá"), max_length=10, choices=Direction.choices)
    description = models.TextField(_("ghi chú, cách tính"), blank=True)
    search_text = models.CharField(max_length=600, editable=False, default="")

    class Meta:
        verbose_name = _("chỉ tiêu (danh mục)")
        verbose_name_plural = _("danh mục chỉ tiêu")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["issuer", "code"], name="indicators_definition_code_unique"),
            models.CheckConstraint(condition=Q(direction__in=Direction.values),
                                   name="indicators_definition_valid_direction"),
        ]

    def __str__(self) -> str:
        return self.name


class CampaignIndicator(models.Model):
    """A campaign's use of an indicator: its row in the plan's table, the target as printed and
    parsed, who reports it and how unit figures make the campaign figure."""

    class Scope(models.TextChoices):
        ALL = "all", _("Tất cả đơn vị tham gia")
        NAMED = "named", _("Các đơn vị được chọn")
        RESPONSIBLE = "responsible", _("Chỉ bộ phận phụ trách (số liệu chung toàn ngành, địa bàn)")

    class Rollup(models.TextChoices):
        SUM = "sum", _("Cộng số liệu các đơn vị")
        RATE = "rate", _("Tính lại tỷ lệ từ tử số, mẫu số các đơn vị")
        ENTERED = "entered", _("Bộ phận phụ trách nhập số liệu chung")
        NONE = "none", _("Không tổng hợp (chỉ đánh giá từng đơn vị)")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="indicators")
    definition = models.ForeignKey(IndicatorDefinition, verbose_name=_("chỉ tiêu"), on_delete=models.PROTECT,
                                   related_name="uses")
    subcampaign = models.ForeignKey(SubCampaign, verbose_name=_("thuộc nội dung thi đua"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="indicators")
    parent = models.ForeignKey("self", verbose_name=_("dòng cha"), null=True, blank=True, on_delete=models.CASCADE,
                               related_name="children", help_text=_("Cho các dòng con như “– Cân nặng theo tuổi”."))
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    number = models.CharField(_("STT như văn bản in"), max_length=20, blank=True)
    label = models.CharField(_("tên như văn bản in"), max_length=500, blank=True,
                             help_text=_("Để trống: dùng tên trong danh mục."))
    unit_label = models.CharField(_("ĐVT như văn bản in"), max_length=50, blank=True)
    printed_line = models.CharField(
        _("dòng như văn bản in"), max_length=500, blank=True,
        help_text=_("Khi kế hoạch viết chỉ tiêu thành câu: “Tỷ lệ dân số tham gia bảo hiểm y tế đạt ≥91%”."),
    )
    is_key = models.BooleanField(_("chỉ tiêu trọng tâm"), default=False)
    is_group = models.BooleanField(_("dòng tiêu đề (không có chỉ tiêu)"), default=False)
    comparator = models.CharField(_("cách so sánh"), max_length=20, choices=Comparator.choices)
    target_text = models.CharField(_("chỉ tiêu như văn bản in"), max_length=255, blank=True)
    target_value = models.DecimalField(_("giá trị chỉ tiêu"), null=True, blank=True, **DECIMAL)
    target_denominator = models.PositiveIntegerField(_("mẫu số chỉ tiêu"), null=True, blank=True)
    next_target_text = models.CharField(
        _("kế hoạch năm sau như văn bản in"), max_length=255, blank=True,
        help_text=_("Khi văn bản ghi sẵn kế hoạch năm sau (phụ lục báo cáo, cột “KH năm N+1”)."),
    )
    reporting_scope = models.CharField(_("đơn vị báo cáo"), max_length=20, choices=Scope.choices, default=Scope.ALL)
    reporting_units = models.ManyToManyField(Organisation, verbose_name=_("các đơn vị báo cáo"), blank=True,
                                             related_name="reported_indicators")
    responsible = models.ForeignKey(Organisation, verbose_name=_("bộ phận phụ trách số liệu"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="responsible_indicators")
    rollup = models.CharField(_("tổng hợp số liệu chung"), max_length=20, choices=Rollup.choices,
                              default=Rollup.NONE)

    class Meta:
        verbose_name = _("chỉ tiêu của kế hoạch")
        verbose_name_plural = _("chỉ tiêu của kế hoạch")
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(comparator__in=Comparator.values),
                                   name="indicators_campaignindicator_valid_comparator"),
            models.CheckConstraint(condition=Q(reporting_scope__in=["all", "named", "responsible"]),
                                   name="indicators_campaignindicator_valid_scope"),
        ]

    def __str__(self) -> str:
        return self.display_label

    @property
    def display_label(self) -> str:
        return self.label or self.definition.name

    @property
    def display_unit(self) -> str:
        return self.unit_label

    @property
    def sentence(self) -> str:
        """The row as the plan's running text prints it: the line typed, else label and target."""
        return self.printed_line or plan_line(self.display_label, self.target_text, self.comparator)

    @property
    def unit_text(self) -> str:
        """The unit the figures are in: as printed, else the catalogue's."""
        return self.unit_label or self.definition.unit


class UnitTarget(models.Model):
    """A target set for one reporting unit, overriding the campaign's."""

    indicator = models.ForeignKey(CampaignIndicator, on_delete=models.CASCADE, related_name="unit_targets")
    organisation = models.ForeignKey(Organisation, verbose_name=_("đơn vị"), on_delete=models.PROTECT,
                                     related_name="+")
    target_text = models.CharField(_("chỉ tiêu của đơn vị"), max_length=255)
    target_value = models.DecimalField(null=True, blank=True, **DECIMAL)
    target_denominator = models.PositiveIntegerField(null=True, blank=True)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    set_at = models.DateTimeField(null=True)
    reason = models.TextField(_("lý do"), blank=True)

    class Meta:
        verbose_name = _("chỉ tiêu giao riêng cho đơn vị")
        verbose_name_plural = _("chỉ tiêu giao riêng cho đơn vị")
        constraints = [models.UniqueConstraint(fields=["indicator", "organisation"],
                                               name="indicators_unittarget_unique")]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.target_text}"


class Submission(models.Model):
    """One unit's report for one reporting period: its results and narrative."""

    period = models.ForeignKey(ReportingPeriod, verbose_name=_("kỳ báo cáo"), on_delete=models.CASCADE,
                               related_name="submissions")
    organisation = models.ForeignKey(Organisation, verbose_name=_("đơn vị"), on_delete=models.PROTECT,
                                     related_name="submissions")
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    narrative_done = models.TextField(_("kết quả đã làm được"), blank=True)
    narrative_difficulties = models.TextField(_("khó khăn, vướng mắc"), blank=True)
    narrative_proposals = models.TextField(_("đề xuất, kiến nghị"), blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    submitted_at = models.DateTimeField(_("thời điểm gửi"), null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    exception_until = models.DateField(_("cho phép nộp muộn đến ngày"), null=True, blank=True)
    exception_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    exception_reason = models.TextField(_("lý do cho phép nộp muộn"), blank=True)

    class Meta:
        verbose_name = _("báo cáo kết quả")
        verbose_name_plural = _("báo cáo kết quả")
        constraints = [
            models.UniqueConstraint(fields=["period", "organisation"], name="indicators_submission_unique"),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="indicators_submission_valid_status"),
        ]
        indexes = [
            models.Index(fields=["organisation", "status"], name="indicators_sub_org_status"),
            # The newest report save anywhere is part of the version of a campaign that judges a
            # change against earlier figures (indicators.selectors.figures_stamp): one index probe.
            models.Index(fields=["updated_at"], name="indicators_sub_updated"),
            # The secretariat's home page lists the oldest reports waiting for review, 20 of a
            # province's thousands.
            models.Index(fields=["status", "submitted_at"], name="indicators_sub_status_sent"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.period}"

    def get_absolute_url(self) -> str:
        return reverse_ids("indicators:report", self.period_id, self.organisation_id)


def evidence_upload_to(instance: Result, filename: str) -> str:
    return f"evidence/{instance.submission_id}/{filename}"


class Result(models.Model):
    """A unit's figure for one indicator in one report, as typed and as parsed."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="results")
    indicator = models.ForeignKey(CampaignIndicator, on_delete=models.CASCADE, related_name="results")
    actual_text = models.CharField(_("số liệu như đã nhập"), max_length=100, blank=True)
    value = models.DecimalField(_("giá trị"), null=True, blank=True, **DECIMAL)
    denominator = models.PositiveIntegerField(_("mẫu số"), null=True, blank=True)
    bound = models.CharField(_("cận"), max_length=1, blank=True, help_text=_("“<” khi số liệu chỉ là cận trên."))
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    evidence = models.FileField(_("minh chứng"), upload_to=evidence_upload_to, blank=True, max_length=300)
    override_achieved = models.BooleanField(_("Thường trực điều chỉnh kết quả"), null=True, blank=True)
    override_reason = models.TextField(_("lý do điều chỉnh"), blank=True)
    override_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    override_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("kết quả chỉ tiêu")
        verbose_name_plural = _("kết quả chỉ tiêu")
        constraints = [models.UniqueConstraint(fields=["submission", "indicator"], name="indicators_result_unique")]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.actual_text}"

    @property
    def evidence_name(self) -> str:
        return self.evidence.name.rsplit("/", 1)[-1] if self.evidence else ""


def attachment_upload_to(instance: SubmissionAttachment, filename: str) -> str:
    return f"reports/{instance.submission_id}/{filename}"


class SubmissionAttachment(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("tệp"), upload_to=attachment_upload_to, max_length=300)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp đính kèm báo cáo")
        verbose_name_plural = _("tệp đính kèm báo cáo")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]


class SubmissionEvent(AuditEventBase):
    """History of a report: saves (with the cells that changed), submission, review, exceptions."""

    submission = models.ForeignKey(Submission, on_delete=models.DO_NOTHING, db_constraint=False,
                                   related_name="events")

    class Meta(AuditEventBase.Meta):
        verbose_name = _("lịch sử báo cáo")
        verbose_name_plural = _("lịch sử báo cáo")


class Reminder(models.Model):
    """Who reminded which unit about which period, and when."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="reminders")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    sent_at = models.DateTimeField()
    recipients = models.TextField(_("người nhận"), blank=True)

    class Meta:
        verbose_name = _("nhắc nộp báo cáo")
        verbose_name_plural = _("nhắc nộp báo cáo")
        ordering = ["-sent_at", "-id"]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.period}"
