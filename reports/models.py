"""Summary reports (sơ kết 6 tháng, tổng kết năm) of a campaign or of one unit's part in it.

A report is pre-filled from live data (indicator tables, completeness, award counts, the units'
narratives) and its prose is edited; the numbers stay live while it is a draft. Trình ký freezes
the figures (snapshot) and the prose (frozen_text), locks the report and stores edition N: the
PDF with the number and date blank, and its SHA-256. Recording the issue stores the registry's
number and date beside edition N with the issued print, rendered from the same frozen content;
the signed and sealed scan can be added later and becomes the official copy.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import ExtractYear, Lower
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign, ReportingPeriod
from common.models import AuditEventBase
from common.urls import reverse_ids
from reports import outlines
from units.models import Organisation

# The prose outside the outline: the opening before the first heading and the closing after the last
# (the sections between are ReportSection rows, reports/outlines.py).
PROSE_FIELDS = ["lead_in", "closing"]


class Report(models.Model):
    class Kind(models.TextChoices):
        SIX_MONTH = "six_month", _("Sơ kết 6 tháng")
        YEAR = "year", _("Tổng kết năm")
        AD_HOC = "ad_hoc", _("Báo cáo kết quả")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        SENT = "sent", _("Đã trình ký")
        ISSUED = "issued", _("Đã ban hành")

    campaign = models.ForeignKey(Campaign, verbose_name=_("phong trào"), on_delete=models.PROTECT,
                                 related_name="summary_reports")
    # The issuer: the whole campaign; a participating unit: its own part.
    organisation = models.ForeignKey(Organisation, verbose_name=_("đơn vị báo cáo"), on_delete=models.PROTECT,
                                     related_name="summary_reports")
    period = models.ForeignKey(ReportingPeriod, verbose_name=_("kỳ số liệu"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="summary_reports")
    kind = models.CharField(_("loại báo cáo"), max_length=20, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("trích yếu"), max_length=500)
    recipient_line = models.CharField(_("kính gửi"), max_length=300, blank=True,
                                      help_text=_("Báo cáo gửi cấp trên ghi “Kính gửi”; để trống nếu không có."))
    lead_in = models.TextField(_("mở đầu (căn cứ, văn bản yêu cầu)"), blank=True)
    closing = models.TextField(_("đoạn kết"), blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True, help_text=_("Mỗi dòng một nơi nhận."))
    notation = models.CharField(_("ký hiệu"), max_length=50, blank=True, help_text=_("Ví dụ: BC-SYT."))
    number = models.PositiveIntegerField(_("số"), null=True, blank=True)
    issue_date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    # What a draft's date line prints before the registry fills the day in ("ngày … tháng 11 năm
    # 2020"): the document's own month and year, not the day someone opens it.
    issue_month = models.PositiveSmallIntegerField(_("tháng ban hành (dự kiến)"), null=True, blank=True,
                                                   validators=[MinValueValidator(1), MaxValueValidator(12)])
    issue_year = models.PositiveSmallIntegerField(_("năm ban hành (dự kiến)"), null=True, blank=True,
                                                  validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    signer_prefix = models.CharField(_("quyền hạn ký"), max_length=100, blank=True,
                                     help_text=_("Ví dụ: KT. GIÁM ĐỐC; mỗi dòng một cấp."))
    signer_title = models.CharField(_("chức vụ người ký"), max_length=100, blank=True)
    signer_name = models.CharField(_("họ tên người ký"), max_length=100, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    # The figures as they were when the report was sent for signature; a draft reads live data.
    snapshot = models.JSONField(_("số liệu khi trình ký"), null=True, blank=True, editable=False)
    # The prose, notation and signer as sent for signature (services.FROZEN_FIELDS, with the lead-in
    # as printed): every later copy of that edition prints these, not the row, whatever happens to it.
    frozen_text = models.JSONField(_("lời văn khi trình ký"), null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)     # optimistic lock for edits
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("báo cáo")
        ordering = ["-year", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                models.F("organisation"), models.F("number"), Lower("notation"), ExtractYear("issue_date"),
                condition=models.Q(number__isnull=False, issue_date__isnull=False),
                name="reports_number_unique_per_issuer_year"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse_ids("reports:report", self.pk)

    @property
    def is_issued(self) -> bool:
        return self.status == self.Status.ISSUED

    @property
    def is_sent(self) -> bool:
        return self.status == self.Status.SENT

    @property
    def is_frozen(self) -> bool:
        """Sent for signature or issued: its content is fixed until it is reopened with a reason."""
        return self.status != self.Status.DRAFT


class ReportSection(models.Model):
    """A heading of the report as its issuer prints it, with its prose, or a block drawn from the
    report's figures (reports/outlines.py); a level-0 section starts an appendix on a new page."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    level = models.PositiveSmallIntegerField(
        _("cấp đề mục"), default=outlines.PART,
        choices=[(outlines.APPENDIX, _("Phụ lục (sang trang mới)")), (outlines.PART, _("Mục lớn (I, II…)")),
                 (outlines.ITEM, _("Mục nhỏ (1, 2…)")), (outlines.SUBITEM, _("Tiểu mục (1.1, a…)"))])
    heading = models.CharField(_("đề mục"), max_length=500, blank=True)
    bold = models.BooleanField(_("in đậm"), default=True)
    body = models.TextField(_("nội dung"), blank=True)
    block = models.CharField(_("bảng, số liệu chèn sau nội dung"), max_length=30, blank=True,
                             choices=outlines.BLOCKS)
    data = models.JSONField(_("thiết lập của bảng"), default=dict, blank=True)

    class Meta:
        verbose_name = _("đề mục báo cáo")
        verbose_name_plural = _("đề mục báo cáo")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.heading or f"#{self.order}"

    def as_outline(self) -> outlines.Section:
        return outlines.Section(heading=self.heading, level=self.level, bold=self.bold, body=self.body,
                                block=self.block, data=self.data or {})


class OutlineDefault(models.Model):
    """The outline an issuer's new reports of one kind start from, saved by its secretariat (or
    the unit) from a report it wrote: its headings, levels and blocks, the years as tokens
    (reports.outlines.as_template). Without one, reports.outlines.default_outline."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("loại báo cáo"), max_length=20, choices=Report.Kind.choices)
    sections = models.JSONField(default=list)
    saved_from = models.ForeignKey(Report, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("dàn ý mặc định")
        constraints = [models.UniqueConstraint(fields=["organisation", "kind"], name="reports_outline_default_once")]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.get_kind_display()}"


def report_upload_to(instance: ReportFile, filename: str) -> str:
    return f"reports/{instance.report_id}/v{instance.edition}-{instance.kind}-{filename}"


class ReportFile(models.Model):
    """One stored copy of edition N: the copy sent for signature (generated), the issued print with
    the registry's number and date (issued), or the signed scan (signed).

    The generated row is made at trình ký, the issued row when the issue is recorded; each file
    follows at once or from the worker (a large report). Until then the row has no file and the
    pages say the edition is being made: a download or a signed copy always names one row, never
    "the latest" or "the count". Reports issued before trình ký existed have a generated row only,
    and it is their issued print."""

    class Kind(models.TextChoices):
        GENERATED = "generated", _("Bản trình ký (số, ngày để trống)")
        ISSUED = "issued", _("Bản ban hành (đã điền số, ngày)")
        SIGNED = "signed", _("Bản ký, đóng dấu (bản chính thức)")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="files")
    edition = models.PositiveIntegerField(_("phiên bản"))
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    file = models.FileField(upload_to=report_upload_to, max_length=300, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    size = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField()
    # On the issued row: what the văn thư gave this edition.
    registry_number = models.PositiveIntegerField(_("số do văn thư cấp"), null=True, blank=True)
    registry_notation = models.CharField(_("ký hiệu do văn thư cấp"), max_length=50, blank=True)
    issue_date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    signer = models.CharField(_("người ký"), max_length=300, blank=True)
    # On the generated row: why the report was reopened after this edition (the next one says why it exists).
    closed_reason = models.TextField(_("lý do mở lại"), blank=True)

    class Meta:
        verbose_name = _("tệp báo cáo")
        ordering = ["-edition", "kind"]
        constraints = [models.UniqueConstraint(fields=["report", "edition", "kind"], name="reports_file_once")]

    def __str__(self) -> str:
        return f"{self.report} – phiên bản {self.edition} ({self.get_kind_display()})"

    @property
    def is_made(self) -> bool:
        return bool(self.file)


class ReportEvent(AuditEventBase):
    report = models.ForeignKey(Report, on_delete=models.DO_NOTHING, db_constraint=False, related_name="events")

    class Meta(AuditEventBase.Meta):
        verbose_name = _("lịch sử báo cáo")


def job_upload_to(instance: DocumentJob, filename: str) -> str:
    return f"reports/jobs/{instance.pk}-{filename}"


class DocumentJob(models.Model):
    """A document rendered by the background worker because it is too large for a request; the
    page polls it for progress and offers the file when it is done."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang tạo")
        DONE = "done", _("Đã xong")
        FAILED = "failed", _("Không tạo được")

    document = models.CharField(_("văn bản"), max_length=30)       # see reports.jobs.BUILDERS
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(_("tên văn bản"), max_length=500)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    step = models.CharField(_("bước"), max_length=200, blank=True)
    file = models.FileField(upload_to=job_upload_to, blank=True, max_length=300)
    filename = models.CharField(max_length=200, blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    # The stored edition this job makes (a report being issued): one job per edition row, never
    # shared with another edition's.
    edition = models.ForeignKey(ReportFile, null=True, blank=True, on_delete=models.PROTECT, related_name="jobs")
    # Which queued task owns the job: a task that finds another token was superseded (its worker
    # was taken for dead) and leaves the job alone. The lease is renewed while the task runs; an
    # expired lease means the worker died (reports.jobs.recover).
    token = models.CharField(max_length=32, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("văn bản đang tạo")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse_ids("reports:job", self.pk)


def edition_upload_to(instance: DocumentEdition, filename: str) -> str:
    return f"editions/{instance.kind}/{instance.object_id}/v{instance.number}-{filename}"


class DocumentEdition(models.Model):
    """A document as it was sent for signature (trình ký), numbered 1, 2, … per document.

    The HTML rendered from the data at that moment is kept with its PDF and SHA-256; the
    registry's number and date are stored beside it when the issue is recorded, with an issued
    print made from the stored HTML (never from live data). Later changes to the data are
    amendments, read from the owning app's history after `made_at`. Kinds name the owner:
    a campaign (plan), a proposal (tờ trình), a decision, its certificates, a council session
    (minutes); `object_id` is that row's id (the owning apps may not import reports)."""

    class Kind(models.TextChoices):
        PLAN = "plan", _("Kế hoạch")
        PROPOSAL = "proposal", _("Tờ trình")
        DECISION = "decision", _("Quyết định")
        CERTIFICATES = "certificates", _("Giấy khen, giấy chứng nhận")
        MINUTES = "minutes", _("Biên bản họp Hội đồng")

    kind = models.CharField(_("loại văn bản"), max_length=20, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("mã văn bản"))
    number = models.PositiveIntegerField(_("phiên bản"))
    html = models.TextField(_("nội dung HTML khi trình ký"), editable=False)
    # Where the date line is written ("Thái Nguyên"), as printed when sent for signature.
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    notation = models.CharField(_("ký hiệu khi trình ký"), max_length=50, blank=True)
    file = models.FileField(_("bản trình ký"), upload_to=edition_upload_to, max_length=300, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    size = models.PositiveIntegerField(default=0)
    made_at = models.DateTimeField(_("trình ký lúc"))
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    reason = models.TextField(_("lý do lập phiên bản mới"), blank=True)
    registry_number = models.PositiveIntegerField(_("số do văn thư cấp"), null=True, blank=True)
    registry_notation = models.CharField(_("ký hiệu do văn thư cấp"), max_length=50, blank=True)
    issue_date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    signer = models.CharField(_("người ký"), max_length=200, blank=True)
    issued_file = models.FileField(_("bản ban hành (đã điền số, ngày)"), upload_to=edition_upload_to,
                                   max_length=300, blank=True)
    issued_sha256 = models.CharField(max_length=64, blank=True)
    issued_size = models.PositiveIntegerField(default=0)
    recorded_at = models.DateTimeField(_("ghi nhận ban hành lúc"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    # A plan reopened with a reason: this edition is superseded, the next trình ký makes another.
    closed_reason = models.TextField(_("lý do mở lại"), blank=True)

    class Meta:
        verbose_name = _("phiên bản văn bản")
        ordering = ["kind", "object_id", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id", "number"], name="reports_edition_number_once"),
            models.CheckConstraint(condition=models.Q(kind__in=["plan", "proposal", "decision", "certificates",
                                                                "minutes"]),
                                   name="reports_edition_valid_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.object_id} – phiên bản {self.number}"

    @property
    def is_issued(self) -> bool:
        return self.recorded_at is not None


def signed_upload_to(instance: SignedCopy, filename: str) -> str:
    owner = f"editions/{instance.edition_id}" if instance.edition_id else f"reports/file-{instance.report_file_id}"
    return f"signed/{owner}/{filename}"


class SignedCopy(models.Model):
    """A signed PDF (or a scan) uploaded for a document sent for signature, with the verification
    report made when it arrived (reports.signatures.to_json): the report is kept, not recomputed,
    so the page shows what was checked against the trust anchors of that day.

    It belongs to a DocumentEdition (plans, decisions, tờ trình, minutes) or to the signed
    ReportFile row of a summary report, whose file it shares. `matches_edition` is the edition
    whose stored copy is byte-identical to the first revision of the signed file (None: none)."""

    edition = models.ForeignKey(DocumentEdition, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="signed_copies")
    report_file = models.ForeignKey(ReportFile, null=True, blank=True, on_delete=models.CASCADE,
                                    related_name="signed_copies")
    file = models.FileField(_("bản đã ký"), upload_to=signed_upload_to, max_length=300)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    uploaded_at = models.DateTimeField(_("tải lên lúc"))
    # Through a signing tool's one-time link rather than the page.
    via_token = models.BooleanField(default=False)
    check_report = models.JSONField(_("kết quả kiểm tra chữ ký"), default=dict)
    matches_edition = models.PositiveIntegerField(_("khớp bản trình ký phiên bản"), null=True, blank=True)
    is_scan = models.BooleanField(_("bản quét"), default=False)

    class Meta:
        verbose_name = _("bản đã ký")
        ordering = ["-uploaded_at", "-id"]
        constraints = [models.CheckConstraint(
            condition=models.Q(edition__isnull=False, report_file__isnull=True)
            | models.Q(edition__isnull=True, report_file__isnull=False),
            name="reports_signedcopy_one_owner")]

    def __str__(self) -> str:
        return f"Bản đã ký {self.file.name.rsplit('/', 1)[-1]}"


class SigningToken(models.Model):
    """A one-time, expiring link for a signing tool (the VGCA plugin's FileName/FileUploadHandler):
    it downloads the edition's copy and posts the signed PDF back without a browser session. Only
    the SHA-256 of the secret is kept, so a database dump does not hand out working links."""

    edition = models.ForeignKey(DocumentEdition, on_delete=models.CASCADE, related_name="signing_tokens")
    secret_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("liên kết cho công cụ ký")

    def __str__(self) -> str:
        return f"Liên kết ký {self.edition} (hết hạn {self.expires_at:%d/%m/%Y %H:%M})"


class TrustAnchor(models.Model):
    """A root or intermediate certificate the province trusts to verify signed documents (issue 14).

    The administrator uploads the public files of the government CAs (Ban Cơ yếu Chính phủ, the
    commercial CAs the offices use); verification reads only the active rows, never the network.
    Removing one keeps the row (inactive): the reports already kept name what they were checked
    against. The demo's CA is flagged so that the page says it is not a real one."""

    name = models.CharField(_("tên"), max_length=200)
    pem = models.TextField(_("chứng thư (PEM)"))
    subject = models.CharField(_("chủ thể"), max_length=500)
    issuer = models.CharField(_("tổ chức cấp"), max_length=500)
    not_before = models.DateTimeField(_("hiệu lực từ"))
    not_after = models.DateTimeField(_("hiệu lực đến"))
    sha256 = models.CharField(_("dấu vân tay SHA-256"), max_length=64, unique=True)
    is_root = models.BooleanField(_("chứng thư gốc"), default=False)
    is_demo = models.BooleanField(_("chỉ dùng thử"), default=False)
    active = models.BooleanField(_("đang dùng"), default=True)
    note = models.TextField(_("ghi chú"), blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    added_at = models.DateTimeField(_("thêm lúc"))
    removed_at = models.DateTimeField(_("ngừng dùng lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("chứng thư tin cậy")
        ordering = ["-active", "name", "id"]

    def __str__(self) -> str:
        return self.name


class StatisticsSheet(models.Model):
    """What an issuer types into its statistics forms on awards for one reporting year (TT
    02/2023/TT-BNV): the header and signatures, and the figures no data here can give (0604.N,
    0605.N: the bodies and staff doing the work). The counted forms are computed when shown
    (reports.statistics); this row is kept so that nothing typed is lost between years."""

    issuer = models.ForeignKey(Organisation, verbose_name=_("cơ quan báo cáo"), on_delete=models.PROTECT,
                               related_name="statistics_sheets")
    year = models.PositiveSmallIntegerField(_("năm báo cáo"), validators=[MinValueValidator(2000),
                                                                           MaxValueValidator(2100)])
    receiver = models.CharField(_("đơn vị nhận báo cáo"), max_length=255, blank=True,
                                help_text=_("Ví dụ: Sở Nội vụ tỉnh Thái Nguyên."))
    preparer = models.CharField(_("người lập biểu"), max_length=200, blank=True)
    head_title = models.CharField(_("chức vụ thủ trưởng đơn vị"), max_length=200, blank=True,
                                  help_text=_("Ví dụ: GIÁM ĐỐC."))
    head_name = models.CharField(_("thủ trưởng đơn vị"), max_length=200, blank=True)
    # {"0604.N": {"01": {"1": 3}, ...}, "0605.N": {...}}: row code → column key → figure.
    entered = models.JSONField(_("số liệu nhập tay"), default=dict, blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("biểu thống kê thi đua, khen thưởng")
        verbose_name_plural = _("biểu thống kê thi đua, khen thưởng")
        constraints = [models.UniqueConstraint(fields=["issuer", "year"], name="reports_statisticssheet_once")]

    def __str__(self) -> str:
        return f"Biểu thống kê năm {self.year} – {self.issuer}"


def statistics_upload_to(instance: StatisticsEdition, filename: str) -> str:
    return f"statistics/{instance.issuer_id}/{instance.year}/{filename}"


class StatisticsEdition(models.Model):
    """The statistics forms as sent (chốt số liệu): the figures and what each counts, the header and
    the signers, with the PDF and .xlsx made at that moment, kept and never recomputed. A later change
    to the data shows on the live page beside it; sending again makes edition 2, with a reason."""

    issuer = models.ForeignKey(Organisation, verbose_name=_("cơ quan báo cáo"), on_delete=models.PROTECT,
                               related_name="statistics_editions")
    year = models.PositiveSmallIntegerField(_("năm báo cáo"))
    number = models.PositiveIntegerField(_("bản số"))
    reason = models.TextField(_("lý do lập bản mới"), blank=True)
    # {"figures": {"0601.N": {"01": {"1": 3}}}, "sources": {"0601.N|01|1": [{"title", "detail"}]}, "sheet": {…}}
    data = models.JSONField(_("số liệu đã chốt"), editable=False)
    pdf = models.FileField(_("bản PDF"), upload_to=statistics_upload_to, max_length=300)
    pdf_sha256 = models.CharField(max_length=64)
    xlsx = models.FileField(_("bản Excel"), upload_to=statistics_upload_to, max_length=300)
    xlsx_sha256 = models.CharField(max_length=64)
    made_at = models.DateTimeField(_("chốt lúc"))
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")

    class Meta:
        verbose_name = _("bản chốt biểu thống kê")
        verbose_name_plural = _("bản chốt biểu thống kê")
        ordering = ["issuer", "year", "-number"]
        constraints = [models.UniqueConstraint(fields=["issuer", "year", "number"],
                                               name="reports_statisticsedition_number_once")]

    def __str__(self) -> str:
        return f"Biểu thống kê năm {self.year} – {self.issuer} – bản {self.number}"
