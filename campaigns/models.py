from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import ExtractYear, Lower
from django.utils.translation import gettext_lazy as _

from campaigns import lifecycle
from campaigns.lifecycle import Status
from common.models import AuditEventBase
from common.text import document_date_line, number_line
from common.urls import reverse_ids
from units import access
from units import selectors as units_selectors
from units.models import VI, Bloc, Organisation


class CampaignQuerySet(models.QuerySet):
    def visible_to(self, user) -> CampaignQuerySet:
        """Campaigns issued inside the user's scope, and the ones a unit in scope takes part in
        (those only once issued: a draft is the issuer's business)."""
        issuer_scope = access.scope_q(user, field="issuer__path")
        if issuer_scope is None:
            return self
        participant_scope = access.scope_q(user, field="organisation__path")
        takes_part = Participation.objects.filter(participant_scope, campaign=OuterRef("pk"))
        return self.filter(issuer_scope | (Exists(takes_part) & ~Q(status=Status.DRAFT)))

    def manageable_by(self, user) -> CampaignQuerySet:
        scope = access.scope_q(user, "campaign.manage", field="issuer__path")
        return self if scope is None else self.filter(scope)


class Campaign(models.Model):
    """A plan launching an emulation campaign (kế hoạch phát động), or an action programme a
    report answers to. Holds the paper document's header, signer and prose as printed."""

    class Form(models.TextChoices):
        REGULAR = "regular", _("Thi đua thường xuyên")
        THEMATIC = "thematic", _("Thi đua theo chuyên đề")

    class DocumentKind(models.TextChoices):
        PLAN = "plan", _("Kế hoạch")
        ACTION_PROGRAMME = "action_programme", _("Chương trình hành động")

    issuer = models.ForeignKey(
        Organisation, verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="campaigns"
    )
    document_kind = models.CharField(
        _("loại văn bản"), max_length=20, choices=DocumentKind.choices, default=DocumentKind.PLAN
    )
    document_parent_line = models.CharField(_("dòng cơ quan chủ quản"), max_length=255, blank=True)
    document_name_line = models.CharField(_("dòng cơ quan ban hành"), max_length=255, blank=True)
    title = models.CharField(_("trích yếu"), max_length=500, db_collation=VI)
    theme = models.CharField(_("chủ đề"), max_length=500, blank=True)
    form = models.CharField(_("hình thức thi đua"), max_length=20, choices=Form.choices, default=Form.REGULAR)
    form_label = models.CharField(
        _("nhãn hình thức"), max_length=100, blank=True, help_text=_("Ví dụ: “đặc biệt”.")
    )
    number = models.PositiveIntegerField(_("số"), null=True, blank=True)
    notation = models.CharField(_("ký hiệu"), max_length=50, blank=True, help_text=_("Ví dụ: KH-SYT."))
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    issue_date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    # A draft prints only the month and year ("ngày     tháng 01 năm 2022"), as seeds 001 and 003 do.
    issue_month = models.PositiveSmallIntegerField(_("tháng (khi chưa có ngày)"), null=True, blank=True)
    issue_year = models.PositiveSmallIntegerField(_("năm (khi chưa có ngày)"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(
        _("năm thi đua"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    period_start = models.DateField(_("thời gian từ ngày"), null=True, blank=True)
    period_end = models.DateField(_("đến ngày"), null=True, blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    preamble = models.TextField(_("lời mở đầu"), blank=True)
    closing = models.TextField(_("đoạn kết"), blank=True)
    signer_prefix = models.TextField(
        _("dòng thẩm quyền ký"), blank=True,
        help_text=_("Mỗi dòng một cấp, ví dụ “TM. ỦY BAN NHÂN DÂN” rồi “KT. CHỦ TỊCH”."),
    )
    signer_title = models.CharField(_("chức vụ người ký"), max_length=200, blank=True)
    signer_name = models.CharField(_("họ tên người ký"), max_length=200, blank=True)
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)
    source_note = models.CharField(_("nguồn"), max_length=255, blank=True)
    search_text = models.CharField(max_length=800, editable=False, default="")
    # Optimistic locking: the edit form carries the version it was loaded at; a save from an
    # older version is refused instead of silently overwriting a colleague's change.
    version = models.PositiveIntegerField(default=1, editable=False)
    # Set when the plan is sent for signature (trình ký): the copy the leader signs is frozen
    # (reports.DocumentEdition), so from then on every change says why, as after the issue.
    sent_for_signature_at = models.DateTimeField(_("trình ký lúc"), null=True, blank=True, editable=False)
    # A draft copied from another plan (services.copy_plan) says where from, and keeps what the copy
    # could not decide for the secretariat ("Cần xem lại") until each line is dismissed.
    copied_from = models.ForeignKey(
        "self", verbose_name=_("sao chép từ kế hoạch"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="copies", editable=False,
    )
    copy_review = models.JSONField(_("cần xem lại sau khi sao chép"), default=list, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")
        ordering = ["-year", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=Status.values), name="campaigns_campaign_valid_status"),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True) | Q(period_end__isnull=True)
                | Q(period_start__lte=models.F("period_end")),
                name="campaigns_campaign_period_ordered",
            ),
            models.CheckConstraint(
                condition=Q(issue_month__isnull=True) | Q(issue_month__gte=1, issue_month__lte=12),
                name="campaigns_campaign_valid_issue_month",
            ),
            # NĐ 30/2020: numbering restarts each calendar year of issue, per issuer and notation.
            models.UniqueConstraint(
                models.F("issuer"), models.F("number"), Lower("notation"), ExtractYear("issue_date"),
                # Without a date there is no year to number in (and PostgreSQL cannot validate
                # EXTRACT(YEAR FROM NULL)): the services check those.
                condition=Q(number__isnull=False, issue_date__isnull=False),
                name="campaigns_campaign_number_unique",
                violation_error_message=_("Số ký hiệu này đã được dùng cho một văn bản khác của cơ quan trong năm."),
            ),
        ]
        indexes = [models.Index(fields=["issuer", "status"], name="campaigns_issuer_status")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse_ids("campaigns:campaign-detail", self.pk)

    @property
    def edits_need_reason(self) -> bool:
        """Sent for signature or issued: every change to the plan, its periods and its indicators is
        an amendment listed beside the signed edition, so it says why (campaigns.lifecycle)."""
        return lifecycle.edit_needs_reason(self.status, sent_for_signature=self.sent_for_signature_at is not None)

    @property
    def document_type_label(self) -> str:
        return "KẾ HOẠCH" if self.document_kind == self.DocumentKind.PLAN else "CHƯƠNG TRÌNH HÀNH ĐỘNG"

    @property
    def number_line(self) -> str:
        return number_line(self.number, self.notation)

    @property
    def date_line(self) -> str:
        """Every plan prints its place and date (NĐ 30): without a place of its own, the issuer's; without
        an issue year, the campaign's; the day (and the month when unknown) blank for the registry."""
        place = self.place or (units_selectors.place_of(self.issuer) if self.issuer_id else "")
        return document_date_line(place, self.issue_date, month=self.issue_month, year=self.issue_year or self.year)

    @property
    def letterhead(self) -> dict[str, str]:
        """What templates/_letterhead.html prints, under the names reports.documents.Letterhead uses."""
        return {"parent_line": self.document_parent_line, "name_line": self.document_name_line,
                "number_line": self.number_line, "date_line": self.date_line}

    @property
    def signer_prefix_lines(self) -> list[str]:
        return [line.strip() for line in self.signer_prefix.splitlines() if line.strip()]

    @property
    def form_display(self) -> str:
        label = self.get_form_display()
        return f"{label} ({self.form_label})" if self.form_label else label


class LegalBasis(models.Model):
    """A căn cứ line: the document the plan implements, with its raw text as printed."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="legal_bases")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    lead = models.CharField(
        _("từ dẫn"), max_length=50, blank=True, help_text=_("Căn cứ, Thực hiện, Hưởng ứng…")
    )
    kind = models.CharField(_("loại văn bản"), max_length=100, blank=True)
    number = models.CharField(_("số, ký hiệu"), max_length=100, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    issuer_name = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)
    subject = models.TextField(_("trích yếu"), blank=True)
    text = models.TextField(_("nội dung như văn bản in"))
    # Set when a plan copied forward cites a document of the year it was copied from (a province's
    # plan for that year): the copy keeps the line as it was and asks a person to check it.
    needs_review = models.BooleanField(_("cần xem lại"), default=False)
    separator = models.CharField(
        _("dấu nối sau căn cứ"), max_length=10, blank=True,
        help_text=_("Như văn bản in: “;”, “ và” (nối tiếp căn cứ sau trong cùng câu) hoặc “.”. "
                    "Để trống: “;” (dòng cuối là “.” nếu không có lời mở đầu)."),
    )

    class Meta:
        verbose_name = _("căn cứ")
        verbose_name_plural = _("căn cứ")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.number or self.text[:80]


class Section(models.Model):
    """A heading of the plan's prose as printed ("V. TỔ CHỨC THỰC HIỆN" even where IV is missing),
    with its text; a section may show a block rendered from data instead of typed text."""

    class Block(models.TextChoices):
        NONE = "", _("Không")
        INDICATORS = "indicators", _("Bảng chỉ tiêu")
        INDICATOR_LIST = "indicator_list", _("Chỉ tiêu dạng gạch đầu dòng")
        SUBCAMPAIGNS = "subcampaigns", _("Danh sách nội dung thi đua")
        QUOTAS = "quotas", _("Số lượng khen thưởng")
        PERIODS = "periods", _("Kỳ báo cáo")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    level = models.PositiveSmallIntegerField(
        _("cấp đề mục"), default=1,
        choices=[(1, _("Mục lớn (I, II…)")), (2, _("Mục nhỏ (1, 2…)")), (3, _("Tiểu mục (1.1…)"))],
    )
    heading = models.CharField(_("đề mục"), max_length=500, blank=True)
    body = models.TextField(_("nội dung"), blank=True)
    block = models.CharField(_("bảng dữ liệu chèn sau nội dung"), max_length=20, choices=Block.choices, blank=True)

    class Meta:
        verbose_name = _("đề mục")
        verbose_name_plural = _("đề mục")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.heading or f"#{self.order}"


class Recipient(models.Model):
    """A nơi nhận line; the archive line ("Lưu: VT, TCHC.") is printed exactly as typed."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="recipients")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    text = models.CharField(_("nơi nhận"), max_length=300)
    purpose = models.CharField(_("mục đích"), max_length=100, blank=True, help_text=_("báo cáo, để biết, T/hiện…"))
    is_archive = models.BooleanField(_("dòng lưu văn thư"), default=False)

    class Meta:
        verbose_name = _("nơi nhận")
        verbose_name_plural = _("nơi nhận")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.printed

    @property
    def printed(self) -> str:
        if self.is_archive:
            return self.text
        return f"{self.text} ({self.purpose})" if self.purpose else self.text


class SubCampaign(models.Model):
    """A content item of the plan (nội dung thi đua, seed 002's 2.1–2.12). Children are the
    national programmes of a "per programme" item (2.1), each with its own quota."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="subcampaigns")
    parent = models.ForeignKey(
        "self", verbose_name=_("thuộc nội dung"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="children",
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    number = models.CharField(_("số mục"), max_length=20, blank=True, help_text=_("Như văn bản in, ví dụ 2.1."))
    title = models.CharField(_("tên nội dung thi đua"), max_length=500)
    title_end = models.CharField(
        _("dấu cuối tên nội dung"), max_length=3, blank=True, help_text=_("Như văn bản in, ví dụ “:” hoặc “.”.")
    )
    host_label = models.CharField(_("nhãn cơ quan chủ trì"), max_length=50, default="Cơ quan chủ trì", blank=True)
    host_text = models.CharField(_("cơ quan chủ trì"), max_length=255, blank=True)
    host = models.ForeignKey(
        Organisation, verbose_name=_("cơ quan chủ trì (trong hệ thống)"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    responsible_label = models.CharField(
        _("nhãn bộ phận phụ trách"), max_length=50, default="Bộ phận phụ trách", blank=True
    )
    responsible_text = models.CharField(_("bộ phận phụ trách"), max_length=255, blank=True)
    # The text stays a name (the item tables show it); the printed line's final mark is data of its own,
    # as title_end is for the title: seed 002's item 1 prints its office line with no full stop.
    responsible_end = models.CharField(
        _("dấu cuối dòng bộ phận phụ trách"), max_length=3, default=".", blank=True,
        help_text=_("Như văn bản in: “.” hoặc để trống khi văn bản in không có dấu cuối dòng."),
    )
    responsible = models.ForeignKey(
        Organisation, verbose_name=_("bộ phận phụ trách (trong hệ thống)"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="responsible_subcampaigns",
    )
    content = models.TextField(_("nội dung thi đua"), blank=True)
    award_timing = models.CharField(
        _("thời điểm xét khen thưởng"), max_length=255, blank=True,
        help_text=_("Như văn bản in, ví dụ “Cuối năm 2021”."),
    )
    award_from = models.DateField(_("xét khen thưởng từ ngày"), null=True, blank=True)
    award_to = models.DateField(_("đến ngày"), null=True, blank=True)
    criteria = models.TextField(_("tiêu chí"), blank=True)
    quota_note = models.CharField(
        _("ghi chú số lượng"), max_length=255, blank=True,
        help_text=_("Khi văn bản không ghi con số, ví dụ “Theo số lượng phân bổ của từng nội dung thi đua”."),
    )
    quota_printed = models.CharField(
        _("số lượng như văn bản in"), max_length=255, blank=True,
        help_text=_("Để trống: hệ thống viết từ số lượng (05 tập thể và 10 cá nhân)."),
    )
    quota_per_programme = models.BooleanField(
        _("số lượng tính cho mỗi chương trình"), default=False,
        help_text=_("Số lượng khen thưởng nằm ở từng chương trình con (mục 2.1)."),
    )
    needs_detailed_plan = models.BooleanField(_("cần kế hoạch chi tiết được Lãnh đạo Sở duyệt"), default=False)
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)

    class Meta:
        verbose_name = _("nội dung thi đua")
        verbose_name_plural = _("nội dung thi đua")
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(award_from__isnull=True) | Q(award_to__isnull=True)
                | Q(award_from__lte=models.F("award_to")),
                name="campaigns_subcampaign_window_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title

    def get_absolute_url(self) -> str:
        return reverse_ids("campaigns:subcampaign-detail", self.campaign_id, self.pk)


class RecipientKind(models.TextChoices):
    COLLECTIVE = "collective", _("Tập thể")
    INDIVIDUAL = "individual", _("Cá nhân")


class Quota(models.Model):
    """How many may be awarded, per recipient kind, for a campaign or one of its items.

    No row means no quota; a row with 0 is a zero quota (2.6 awards individuals only)."""

    RecipientKind = RecipientKind

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="quotas")
    subcampaign = models.ForeignKey(
        SubCampaign, verbose_name=_("nội dung thi đua"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="quotas",
    )
    recipient_kind = models.CharField(_("đối tượng"), max_length=20, choices=RecipientKind.choices)
    count = models.PositiveIntegerField(_("số lượng"))

    class Meta:
        verbose_name = _("số lượng khen thưởng")
        verbose_name_plural = _("số lượng khen thưởng")
        ordering = ["subcampaign__order", "recipient_kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "recipient_kind"], condition=Q(subcampaign__isnull=True),
                name="campaigns_quota_unique_campaign_kind",
            ),
            models.UniqueConstraint(
                fields=["subcampaign", "recipient_kind"], condition=Q(subcampaign__isnull=False),
                name="campaigns_quota_unique_subcampaign_kind",
            ),
            models.CheckConstraint(
                condition=Q(recipient_kind__in=RecipientKind.values), name="campaigns_quota_valid_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.count:02d} {self.get_recipient_kind_display().lower()}"


class PeriodKind(models.TextChoices):
    SIX_MONTH = "six_month", _("6 tháng đầu năm")
    YEAR = "year", _("Cả năm")
    AD_HOC = "ad_hoc", _("Đột xuất")


class ReportingPeriod(models.Model):
    """When units report. The one place deadlines live; indicators and reports refer to it."""

    Kind = PeriodKind

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="periods")
    kind = models.CharField(_("loại kỳ"), max_length=20, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    label = models.CharField(_("tên kỳ"), max_length=255, blank=True)
    deadline_text = models.CharField(
        _("hạn như văn bản in"), max_length=255, blank=True, help_text=_("Ví dụ: “trước ngày 20/6”.")
    )
    deadline = models.DateField(_("hạn nộp"), null=True, blank=True)
    deadline_inclusive = models.BooleanField(
        _("tính cả ngày hạn"), default=False,
        help_text=_("Bỏ chọn cho “trước ngày 20/6” (hạn cuối là 19/6); chọn cho “chậm nhất ngày 20/6”."),
    )
    request_reference = models.CharField(
        _("văn bản yêu cầu"), max_length=500, blank=True,
        help_text=_("Với kỳ đột xuất, ví dụ Công văn số 3899/SYT-KHTC."),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")
        ordering = ["year", "order", "deadline", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=PeriodKind.values), name="campaigns_period_valid_kind"),
        ]

    def __str__(self) -> str:
        return self.display_label

    @property
    def display_label(self) -> str:
        if self.label:
            return self.label
        if self.kind == self.Kind.SIX_MONTH:
            return f"6 tháng đầu năm {self.year}"
        if self.kind == self.Kind.YEAR:
            return f"Năm {self.year}"
        return f"Đột xuất {self.year}"


class Participation(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="participations")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="participations"
    )
    registered_on = models.DateField(_("ngày đăng ký"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("đơn vị tham gia")
        verbose_name_plural = _("đơn vị tham gia")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "organisation"], name="campaigns_participation_unique"),
        ]

    def __str__(self) -> str:
        return str(self.organisation)


def pledge_upload_to(instance: Pledge, filename: str) -> str:
    return f"pledges/{instance.campaign_id}/{filename}"


class Pledge(models.Model):
    """A giao ước thi đua between units (within a unit, or within a bloc)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="pledges")
    title = models.CharField(_("tên giao ước"), max_length=300)
    bloc = models.ForeignKey(
        Bloc, verbose_name=_("khối thi đua"), null=True, blank=True, on_delete=models.PROTECT, related_name="pledges"
    )
    parties = models.ManyToManyField(Organisation, verbose_name=_("các bên ký"), related_name="pledges")
    signed_on = models.DateField(_("ngày ký"), null=True, blank=True)
    commitments = models.TextField(_("nội dung giao ước"), blank=True)
    file = models.FileField(_("văn bản đã ký"), upload_to=pledge_upload_to, blank=True, max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("giao ước thi đua")
        verbose_name_plural = _("giao ước thi đua")
        ordering = ["-signed_on", "-id"]

    def __str__(self) -> str:
        return self.title


class CampaignEvent(AuditEventBase):
    """History of a campaign and everything in it (sections, items, quotas, units, pledges)."""

    # No cascade and no constraint: a deleted draft's history stays (AuditEventBase).
    campaign = models.ForeignKey(Campaign, on_delete=models.DO_NOTHING, db_constraint=False, related_name="events")

    class Meta(AuditEventBase.Meta):
        verbose_name = _("lịch sử phong trào")
        verbose_name_plural = _("lịch sử phong trào")
