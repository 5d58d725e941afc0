"""Awards: the catalogue of titles and forms with their dated rules, the dated reference tables,
what eligibility reads (appraisals, initiatives, holds), proposals and nominations, disclosure,
council sessions, decisions and the award register (architecture.md, awards)."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import ExtractYear, Lower
from django.utils.translation import gettext_lazy as _

from awards.workflow import State
from campaigns.models import Campaign, RecipientKind, SubCampaign
from common.models import AuditEventBase
from common.urls import reverse_ids
from units import access
from units.models import Organisation, Person, User

DECIMAL = {"max_digits": 16, "decimal_places": 2}


class Category(models.TextChoices):
    TITLE = "title", _("Danh hiệu thi đua")
    FORM = "form", _("Hình thức khen thưởng")


class Authority(models.TextChoices):
    """Who confers an award (Law 2022 Art. 80; domain.md §3.3), lowest first."""

    UNIT_HEAD = "unit_head", _("Thủ trưởng đơn vị cơ sở")
    COMMUNE = "commune", _("Chủ tịch UBND cấp xã")
    DISTRICT = "district", _("Chủ tịch UBND cấp huyện (đến 30/6/2025)")
    DEPARTMENT = "department", _("Giám đốc Sở, thủ trưởng cơ quan chuyên môn cấp tỉnh")
    PROVINCE = "province", _("Chủ tịch UBND tỉnh")
    MINISTRY = "ministry", _("Bộ trưởng, thủ trưởng cơ quan ngang bộ")
    PRIME_MINISTER = "prime_minister", _("Thủ tướng Chính phủ")
    PRESIDENT = "president", _("Chủ tịch nước")


class AwardMode(models.TextChoices):
    """How an award was made: the rows "chia theo hình thức khen thưởng" of the statistics form on
    awards (mẫu 0603.N, TT 02/2023/TT-BNV; domain.md §8). A nomination starts from its campaign's
    form (thường xuyên or chuyên đề); the others are chosen where they apply."""

    REGULAR = "regular", _("Khen thưởng thường xuyên")
    THEMATIC = "thematic", _("Khen thưởng theo chuyên đề (theo đợt)")
    SUDDEN = "sudden", _("Khen thưởng đột xuất")
    FOREIGN = "foreign", _("Khen thưởng đối ngoại")
    DEDICATION = "dedication", _("Khen thưởng quá trình cống hiến")
    SENIORITY = "seniority", _("Khen thưởng theo niên hạn")
    RESISTANCE = "resistance", _("Khen thưởng thành tích kháng chiến")


class StatisticsColumn(models.TextChoices):
    """Where an award is counted in the statistics forms on awards (TT 02/2023/TT-BNV, domain.md §8):
    0602.N counts the state's awards, 0603.N a ministry's or a province's. The grassroots titles
    and Giấy khen are in no form (blank)."""

    NONE = "", _("Không thống kê (khen thưởng cấp cơ sở)")
    STATE_ORDER = "state_order", _("0602.N – Huân chương, huy chương")
    HCM_PRIZE = "hcm_prize", _("0602.N – Giải thưởng Hồ Chí Minh")
    STATE_PRIZE = "state_prize", _("0602.N – Giải thưởng Nhà nước")
    HONOUR_TITLE = "honour_title", _("0602.N – Danh hiệu vinh dự nhà nước")
    GOVERNMENT_FLAG = "government_flag", _("0602.N – Cờ thi đua của Chính phủ")
    PM_CERTIFICATE = "pm_certificate", _("0602.N – Bằng khen của Thủ tướng Chính phủ")
    NATIONAL_FIGHTER = "national_fighter", _("0602.N – Chiến sĩ thi đua toàn quốc")
    STATE_OTHER = "state_other", _("0602.N – Hình thức khen thưởng khác cấp nhà nước")
    CERTIFICATE = "certificate", _("0603.N – Bằng khen cấp bộ, cấp tỉnh")
    FIGHTER = "fighter", _("0603.N – Chiến sĩ thi đua cấp bộ, cấp tỉnh")
    FLAG = "flag", _("0603.N – Cờ thi đua cấp bộ, cấp tỉnh")
    BADGE = "badge", _("0603.N – Kỷ niệm chương, huy hiệu cấp bộ, cấp tỉnh")


class AwardType(models.Model):
    """A stable award: a title (danh hiệu) or a form (hình thức). Its rules are dated rows."""

    Category = Category
    RecipientKind = RecipientKind

    code = models.CharField(_("mã"), max_length=20, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=30, blank=True)
    category = models.CharField(_("loại"), max_length=10, choices=Category.choices)
    recipient_kind = models.CharField(_("đối tượng"), max_length=20, choices=RecipientKind.choices)
    # A yearly title (LĐTT, CSTĐCS, TTLĐTT, TTLĐXS…) is one per nominee and year; a form is one
    # per nominee, campaign item and year (the achievement key, architecture.md).
    is_yearly = models.BooleanField(_("danh hiệu xét hằng năm"), default=False)
    needs_council = models.BooleanField(_("cần Hội đồng bỏ phiếu"), default=False)
    needs_disclosure = models.BooleanField(_("cần công khai trước khi họp Hội đồng"), default=False)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    is_active = models.BooleanField(_("đang dùng"), default=True)
    description = models.TextField(_("ghi chú"), blank=True)
    statistics_column = models.CharField(_("cột trong biểu thống kê"), max_length=20,
                                         choices=StatisticsColumn.choices, blank=True, default="")

    class Meta:
        verbose_name = _("loại khen thưởng")
        verbose_name_plural = _("danh mục khen thưởng")
        ordering = ["order", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(category__in=Category.values), name="awards_awardtype_valid_category"),
            models.CheckConstraint(condition=Q(recipient_kind__in=RecipientKind.values),
                                   name="awards_awardtype_valid_recipient"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        return self.short_name or self.name


class RuleKind(models.TextChoices):
    AUTHORITY = "authority", _("Thẩm quyền quyết định")
    APPRAISAL = "appraisal", _("Mức xếp loại tối thiểu")
    INITIATIVE = "initiative", _("Sáng kiến, đề tài")
    PREREQUISITE = "prerequisite", _("Điều kiện danh hiệu liên tục")
    RATIO_CAP = "ratio_cap", _("Tỷ lệ tối đa")
    BONUS = "bonus", _("Hệ số tiền thưởng")
    DISCLOSURE = "disclosure", _("Công khai trước khi họp")
    COUNCIL = "council", _("Ngưỡng biểu quyết của Hội đồng")
    CRITERIA = "criteria", _("Tiêu chuẩn (văn bản)")


class Grade(models.TextChoices):
    """Xếp loại, best first (domain.md §1)."""

    EXCELLENT = "excellent", _("Hoàn thành xuất sắc nhiệm vụ")
    GOOD = "good", _("Hoàn thành tốt nhiệm vụ")
    DONE = "done", _("Hoàn thành nhiệm vụ")
    NOT_DONE = "not_done", _("Không hoàn thành nhiệm vụ")


class InitiativeLevel(models.TextChoices):
    UNIT = "unit", _("Cấp cơ sở")
    DEPARTMENT = "department", _("Cấp Sở, ngành")
    PROVINCE = "province", _("Cấp tỉnh")
    NATIONAL = "national", _("Toàn quốc")


class Denominator(models.TextChoices):
    ALL = "all", _("Tổng số thành viên Hội đồng")
    PRESENT = "present", _("Số thành viên dự họp (kể cả phiếu gửi)")


class AwardRule(models.Model):
    """One dated rule of an award type. A disabled rule (the [unverified] ones of domain.md) is
    shown as "chưa kiểm tra" and a person decides."""

    Kind = RuleKind

    award_type = models.ForeignKey(AwardType, on_delete=models.CASCADE, related_name="rules")
    kind = models.CharField(_("loại quy định"), max_length=20, choices=RuleKind.choices)
    effective_from = models.DateField(_("hiệu lực từ ngày"))
    effective_to = models.DateField(_("đến ngày"), null=True, blank=True)
    enabled = models.BooleanField(_("áp dụng kiểm tra"), default=True)
    needs_verification = models.BooleanField(_("cần xác minh"), default=False)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=500, blank=True)
    text = models.TextField(_("nội dung"), blank=True)
    authority = models.CharField(_("thẩm quyền"), max_length=20, choices=Authority.choices, blank=True)
    grade = models.CharField(_("xếp loại tối thiểu"), max_length=20, choices=Grade.choices, blank=True)
    initiative_level = models.CharField(_("cấp công nhận sáng kiến tối thiểu"), max_length=20,
                                        choices=InitiativeLevel.choices, blank=True)
    related_type = models.ForeignKey(
        AwardType, verbose_name=_("danh hiệu liên quan"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", help_text=_("Danh hiệu phải có liên tục, hoặc danh hiệu làm cơ sở tính tỷ lệ."),
    )
    count = models.PositiveSmallIntegerField(_("số năm / số ngày làm việc"), null=True, blank=True)
    percent = models.DecimalField(_("tỷ lệ (%)"), null=True, blank=True, max_digits=6, decimal_places=2)
    denominator = models.CharField(_("tính trên"), max_length=10, choices=Denominator.choices, blank=True)
    coefficient = models.DecimalField(_("hệ số"), null=True, blank=True, max_digits=6, decimal_places=2)

    class Meta:
        verbose_name = _("quy định khen thưởng")
        verbose_name_plural = _("quy định khen thưởng")
        ordering = ["award_type__order", "kind", "-effective_from"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=RuleKind.values), name="awards_awardrule_valid_kind"),
            models.CheckConstraint(
                condition=Q(effective_to__isnull=True) | Q(effective_to__gte=models.F("effective_from")),
                name="awards_awardrule_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.award_type.label}: {self.get_kind_display()}"


class BaseSalary(models.Model):
    """Mức lương cơ sở by effective date (domain.md §2.9): bonus = coefficient × this."""

    amount = models.DecimalField(_("mức lương cơ sở (đồng)"), max_digits=14, decimal_places=0)
    effective_from = models.DateField(_("áp dụng từ ngày"), unique=True)
    legal_basis = models.CharField(_("căn cứ"), max_length=255, blank=True)
    needs_verification = models.BooleanField(_("cần xác minh"), default=False)

    class Meta:
        verbose_name = _("mức lương cơ sở")
        verbose_name_plural = _("mức lương cơ sở")
        ordering = ["-effective_from"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="awards_basesalary_positive")]

    def __str__(self) -> str:
        return f"{self.amount} từ {self.effective_from:%d/%m/%Y}"


class Holiday(models.Model):
    """A public holiday (day off), for counting working days; entered per year."""

    day = models.DateField(_("ngày nghỉ"), unique=True)
    name = models.CharField(_("tên ngày lễ"), max_length=200)
    needs_verification = models.BooleanField(_("cần xác minh"), default=False)

    class Meta:
        verbose_name = _("ngày nghỉ lễ")
        verbose_name_plural = _("ngày nghỉ lễ")
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} {self.name}"


class LegalBasisKind(models.TextChoices):
    """Printed in this order: the law, then the decrees that detail it, then the circulars."""

    LAW = "law", _("Luật")
    DECREE = "decree", _("Nghị định")
    CIRCULAR = "circular", _("Thông tư")


class LegalBasisDocument(models.TextChoices):
    # Only decisions: a plan's căn cứ are transcribed with the plan (campaigns.LegalBasis), as printed.
    DECISION = "decision", _("Quyết định khen thưởng")


class DatedLegalBasis(models.Model):
    """An instrument a document cites as "Căn cứ …" while it is in force (domain.md §0): a
    decision dated 10/01/2022 cites the 2003 law and NĐ 91/2017, one dated 2026 the 2022 law and
    NĐ 152/2025. The administrator extends the table as laws change."""

    Kind = LegalBasisKind

    text = models.TextField(_("nội dung căn cứ"), help_text=_(
        "Như in trên văn bản, không có chữ \"Căn cứ\" ở đầu, ví dụ: Luật Thi đua, khen thưởng ngày 15 tháng 6 "
        "năm 2022."))
    kind = models.CharField(_("loại văn bản"), max_length=10, choices=LegalBasisKind.choices)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=10,
                                             help_text=_("Số nhỏ in trước (luật trước, nghị định sau)."))
    effective_from = models.DateField(_("áp dụng từ ngày"))
    effective_to = models.DateField(_("đến ngày"), null=True, blank=True,
                                    help_text=_("Để trống nếu còn hiệu lực."))
    document = models.CharField(_("dùng cho"), max_length=10, choices=LegalBasisDocument.choices,
                                default=LegalBasisDocument.DECISION)
    needs_verification = models.BooleanField(_("cần xác minh"), default=False)

    class Meta:
        verbose_name = _("căn cứ pháp lý theo thời kỳ")
        verbose_name_plural = _("căn cứ pháp lý theo thời kỳ")
        ordering = ["document", "order", "-effective_from"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=LegalBasisKind.values), name="awards_legalbasis_valid_kind"),
            models.CheckConstraint(
                condition=Q(effective_to__isnull=True) | Q(effective_to__gte=models.F("effective_from")),
                name="awards_legalbasis_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class UnitAuthority(models.Model):
    """An organisation whose head decides some titles for its own staff (the yearly path,
    architecture.md): legal personality and delegation, configured per organisation."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="award_authority",
                                        verbose_name=_("đơn vị"))
    award_types = models.ManyToManyField(AwardType, verbose_name=_("danh hiệu, hình thức được tự quyết định"),
                                         related_name="+")
    basis = models.CharField(_("căn cứ (phân cấp, ủy quyền)"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("thẩm quyền khen thưởng của đơn vị")
        verbose_name_plural = _("thẩm quyền khen thưởng của đơn vị")

    def __str__(self) -> str:
        return str(self.organisation)


class RatioCap(models.Model):
    """An issuer's cap on a title as a share of another in the same unit and year, e.g. CSTĐCS
    at most 15 % of LĐTT (NĐ 91/2017; whether it survives is unverified, so it is the issuer's)."""

    issuer = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="ratio_caps")
    award_type = models.ForeignKey(AwardType, verbose_name=_("danh hiệu"), on_delete=models.CASCADE,
                                   related_name="caps")
    base_type = models.ForeignKey(AwardType, verbose_name=_("tính trên số"), on_delete=models.CASCADE,
                                  related_name="+")
    percent = models.DecimalField(_("tỷ lệ tối đa (%)"), max_digits=5, decimal_places=2)
    enabled = models.BooleanField(_("áp dụng"), default=True)
    legal_basis = models.CharField(_("căn cứ"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("tỷ lệ tối đa")
        verbose_name_plural = _("tỷ lệ tối đa")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "award_type"], name="awards_ratiocap_unique"),
            models.CheckConstraint(condition=Q(percent__gt=0, percent__lte=100), name="awards_ratiocap_percent"),
        ]

    def __str__(self) -> str:
        return f"{self.award_type.label} ≤ {self.percent}% {self.base_type.label}"


# --- What eligibility reads ----------------------------------------------------------------------------


def _one_nominee(prefix: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=(Q(person__isnull=False, organisation__isnull=True)
                   | Q(person__isnull=True, organisation__isnull=False)),
        name=f"awards_{prefix}_one_subject",
    )


class Appraisal(models.Model):
    """Xếp loại of a person or a collective for a year."""

    Grade = Grade

    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.CASCADE, related_name="appraisals")
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="appraisals")
    year = models.PositiveSmallIntegerField(_("năm"))
    grade = models.CharField(_("xếp loại"), max_length=20, choices=Grade.choices)
    recorded_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("xếp loại")
        verbose_name_plural = _("xếp loại")
        constraints = [
            _one_nominee("appraisal"),
            models.UniqueConstraint(fields=["person", "year"], condition=Q(person__isnull=False),
                                    name="awards_appraisal_person_year"),
            models.UniqueConstraint(fields=["organisation", "year"], condition=Q(organisation__isnull=False),
                                    name="awards_appraisal_org_year"),
        ]

    def __str__(self) -> str:
        return f"{self.person or self.organisation} {self.year}: {self.get_grade_display()}"


class Initiative(models.Model):
    """A sáng kiến or research topic with its authors and the level that recognised it."""

    Level = InitiativeLevel

    title = models.CharField(_("tên sáng kiến, đề tài"), max_length=500)
    organisation = models.ForeignKey(Organisation, verbose_name=_("đơn vị áp dụng"), on_delete=models.PROTECT,
                                     related_name="initiatives")
    authors = models.ManyToManyField(Person, verbose_name=_("tác giả"), related_name="initiatives")
    level = models.CharField(_("cấp công nhận"), max_length=20, choices=InitiativeLevel.choices)
    recognised_on = models.DateField(_("ngày công nhận"))
    recognised_by = models.CharField(_("quyết định công nhận"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("sáng kiến")
        verbose_name_plural = _("sáng kiến")
        ordering = ["-recognised_on"]

    def __str__(self) -> str:
        return self.title


class Hold(models.Model):
    """Discipline, investigation, inspection or a complaint under verification: no award or
    nomination meanwhile (NĐ 152/2025, domain.md §3.1)."""

    class Kind(models.TextChoices):
        DISCIPLINE = "discipline", _("Đang chịu kỷ luật")
        REVIEW = "review", _("Đang xem xét kỷ luật")
        INVESTIGATION = "investigation", _("Đang bị điều tra, thanh tra, kiểm tra")
        COMPLAINT = "complaint", _("Có đơn thư khiếu nại, tố cáo đang xác minh")

    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.CASCADE, related_name="holds")
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="award_holds")
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("trường hợp tạm dừng xét khen thưởng")
        verbose_name_plural = _("trường hợp tạm dừng xét khen thưởng")
        constraints = [_one_nominee("hold")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.person or self.organisation}"


# --- Proposals and nominations ------------------------------------------------------------------------


class ProposalQuerySet(models.QuerySet):
    def visible_to(self, user) -> ProposalQuerySet:
        """Proposals of units in the user's scope, and those sent to an issuer in scope."""
        unit_scope = access.scope_q(user, field="organisation__path")
        if unit_scope is None:
            return self
        return self.filter(unit_scope | access.scope_q(user, field="campaign__issuer__path"))


class NominationQuerySet(models.QuerySet):
    def visible_to(self, user) -> NominationQuerySet:
        unit_scope = access.scope_q(user, field="proposal__organisation__path")
        if unit_scope is None:
            return self
        return self.filter(unit_scope | access.scope_q(user, field="proposal__campaign__issuer__path"))


class Proposal(models.Model):
    """A unit's tờ trình for one campaign or item: the list of its nominations and the shared
    files. The yearly path's unit review is a proposal the unit head decides directly."""

    class Kind(models.TextChoices):
        UPWARD = "upward", _("Đề nghị cấp trên khen thưởng")
        UNIT = "unit", _("Đơn vị tự quyết định (danh hiệu theo thẩm quyền)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        SUBMITTED = "submitted", _("Đã gửi")
        CLOSED = "closed", _("Đã quyết định")

    campaign = models.ForeignKey(Campaign, verbose_name=_("phong trào"), on_delete=models.PROTECT,
                                 related_name="proposals")
    subcampaign = models.ForeignKey(SubCampaign, verbose_name=_("nội dung thi đua"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="proposals")
    organisation = models.ForeignKey(Organisation, verbose_name=_("đơn vị đề nghị"), on_delete=models.PROTECT,
                                     related_name="award_proposals")
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices, default=Kind.UPWARD)
    title = models.CharField(_("trích yếu"), max_length=500)
    year = models.PositiveSmallIntegerField(_("năm thành tích"))
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    number_text = models.CharField(_("số tờ trình (nếu có)"), max_length=50, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    search_text = models.CharField(max_length=800, editable=False, default="")

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("tờ trình đề nghị")
        verbose_name_plural = _("tờ trình đề nghị")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=["upward", "unit"]), name="awards_proposal_valid_kind"),
        ]
        # The proposal list shows the newest first, 25 a page: walking this index stops after a
        # page instead of sorting a province's 12.000 proposals.
        indexes = [models.Index(F("created_at").desc(), F("id").desc(), name="awards_proposal_recent")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse_ids("awards:proposal", self.pk)


def proposal_upload_to(instance: ProposalFile, filename: str) -> str:
    return f"awards/proposals/{instance.proposal_id}/{filename}"


class ProposalFile(models.Model):
    class Kind(models.TextChoices):
        SUBMISSION = "submission", _("Tờ trình, văn bản đề nghị")
        MINUTES = "minutes", _("Biên bản bình xét thi đua")
        OTHER = "other", _("Tài liệu khác")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("loại tệp"), max_length=20, choices=Kind.choices)
    file = models.FileField(_("tệp"), upload_to=proposal_upload_to, max_length=300)
    uploaded_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp của tờ trình")
        ordering = ["kind", "uploaded_at"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]


class Nomination(models.Model):
    """One nominee for one award in a proposal. Exactly one of person and organisation."""

    State = State

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="nominations")
    award_type = models.ForeignKey(AwardType, verbose_name=_("danh hiệu, hình thức"), on_delete=models.PROTECT,
                                   related_name="nominations")
    person = models.ForeignKey(Person, verbose_name=_("cá nhân"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="nominations")
    organisation = models.ForeignKey(Organisation, verbose_name=_("tập thể"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="nominations")
    programme = models.ForeignKey(
        SubCampaign, verbose_name=_("chương trình"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="nominations", help_text=_("Khi nội dung thi đua xét theo từng chương trình (mục 2.1)."),
    )
    achievement_year = models.PositiveSmallIntegerField(_("năm thành tích"))
    mode = models.CharField(_("hình thức khen thưởng (thống kê)"), max_length=20, choices=AwardMode.choices,
                            default=AwardMode.REGULAR)
    summary = models.TextField(_("tóm tắt thành tích"), blank=True)
    state = models.CharField(_("trạng thái"), max_length=20, choices=State.choices, default=State.DRAFT)
    reason = models.TextField(_("lý do (trả lại, không đề nghị, thu hồi)"), blank=True)
    # One achievement, one award (Law 2022 Art. 5): at most one live nomination per key.
    achievement_key = models.CharField(max_length=120, editable=False)
    version = models.PositiveIntegerField(default=1)
    accepted_snapshot = models.JSONField(null=True, blank=True, editable=False)
    changed_since_accepted = models.BooleanField(default=False)
    order = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_text = models.CharField(max_length=800, editable=False, default="")

    objects = NominationQuerySet.as_manager()

    class Meta:
        verbose_name = _("đề nghị khen thưởng")
        verbose_name_plural = _("đề nghị khen thưởng")
        ordering = ["proposal", "order", "id"]
        constraints = [
            _one_nominee("nomination"),
            models.CheckConstraint(condition=Q(state__in=State.values), name="awards_nomination_valid_state"),
            models.UniqueConstraint(
                fields=["achievement_key"], condition=~Q(state__in=["rejected", "withdrawn", "revoked"]),
                name="awards_nomination_one_award_per_achievement",
                violation_error_message=_("Thành tích này đã có một đề nghị khác đang xét hoặc đã được khen thưởng."),
            ),
        ]
        indexes = [models.Index(fields=["state", "award_type"], name="awards_nomination_state_type")]

    def __str__(self) -> str:
        return f"{self.nominee_name} – {self.award_type.label}"

    def get_absolute_url(self) -> str:
        return reverse_ids("awards:nomination", self.pk)

    @property
    def nominee(self) -> Person | Organisation:
        return self.person if self.person_id else self.organisation

    @property
    def nominee_name(self) -> str:
        return self.person.full_name if self.person_id else self.organisation.name


def nomination_upload_to(instance: NominationFile, filename: str) -> str:
    return f"awards/nominations/{instance.nomination_id}/{filename}"


class NominationFile(models.Model):
    class Kind(models.TextChoices):
        ACHIEVEMENT_REPORT = "report", _("Báo cáo thành tích")
        OTHER = "other", _("Tài liệu khác")

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("loại tệp"), max_length=20, choices=Kind.choices, default=Kind.ACHIEVEMENT_REPORT)
    file = models.FileField(_("tệp"), upload_to=nomination_upload_to, max_length=300)
    uploaded_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp của đề nghị")
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]


class NominationEvent(AuditEventBase):
    """A transition (from, to, reason) or a change of a nomination or its proposal."""

    # No cascade and no constraint: a deleted draft nomination's history stays (AuditEventBase).
    nomination = models.ForeignKey(Nomination, null=True, blank=True, on_delete=models.DO_NOTHING,
                                   db_constraint=False, related_name="events")
    proposal = models.ForeignKey(Proposal, null=True, blank=True, on_delete=models.DO_NOTHING, db_constraint=False,
                                 related_name="events")
    from_state = models.CharField(max_length=20, blank=True)
    to_state = models.CharField(max_length=20, blank=True)

    class Meta(AuditEventBase.Meta):
        verbose_name = _("lịch sử đề nghị khen thưởng")


# --- Disclosure, council --------------------------------------------------------------------------------


class Disclosure(models.Model):
    """The public disclosure of a list before the council meets, counted in working days."""

    issuer = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="disclosures")
    title = models.CharField(_("nội dung công khai"), max_length=500)
    starts_on = models.DateField(_("ngày bắt đầu"))
    working_days = models.PositiveSmallIntegerField(_("số ngày làm việc"))
    ends_on = models.DateField(_("ngày kết thúc"), editable=False)
    published_at = models.CharField(_("nơi công khai"), max_length=500)
    comments = models.TextField(_("ý kiến nhận được"), blank=True)
    nominations = models.ManyToManyField(Nomination, related_name="disclosures")
    opened_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("công khai danh sách")
        verbose_name_plural = _("công khai danh sách")
        ordering = ["-starts_on"]

    def __str__(self) -> str:
        return self.title


class CouncilSession(models.Model):
    """A meeting of the Hội đồng Thi đua – Khen thưởng."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Đã lên lịch")
        HELD = "held", _("Đã họp, đang ghi kết quả")
        CLOSED = "closed", _("Đã kết thúc")

    issuer = models.ForeignKey(Organisation, verbose_name=_("Hội đồng của"), on_delete=models.PROTECT,
                               related_name="council_sessions")
    title = models.CharField(_("nội dung phiên họp"), max_length=500)
    held_on = models.DateField(_("ngày họp"))
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    quorum_percent = models.DecimalField(_("số thành viên tối thiểu dự họp (%)"), max_digits=5, decimal_places=2,
                                         default=50)
    minutes = models.FileField(_("biên bản họp (bản ký)"), upload_to="awards/council/", blank=True, max_length=300)
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phiên họp Hội đồng")
        verbose_name_plural = _("phiên họp Hội đồng")
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse_ids("awards:session", self.pk)


class SessionMember(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", _("Chủ tịch Hội đồng")
        VICE_CHAIR = "vice_chair", _("Phó Chủ tịch")
        SECRETARY = "secretary", _("Thư ký")
        MEMBER = "member", _("Thành viên")

    class Attendance(models.TextChoices):
        PRESENT = "present", _("Dự họp")
        WRITTEN = "written", _("Vắng, có phiếu gửi")
        ABSENT = "absent", _("Vắng")

    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(Person, verbose_name=_("thành viên"), on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    # Absent until the secretary takes the roll: a tally needs the quorum recorded first.
    attendance = models.CharField(_("tham dự"), max_length=10, choices=Attendance.choices, default=Attendance.ABSENT)

    class Meta:
        verbose_name = _("thành viên phiên họp")
        ordering = ["role", "person__given_name"]
        constraints = [models.UniqueConstraint(fields=["session", "person"], name="awards_sessionmember_once")]

    def __str__(self) -> str:
        return self.person.full_name


class Tally(models.Model):
    """The secret-ballot count for one nomination: numbers only, never who voted what."""

    class Outcome(models.TextChoices):
        APPROVED = "approved", _("Hội đồng đề nghị khen thưởng")
        NOT_APPROVED = "not_approved", _("Hội đồng không đề nghị")

    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="tallies")
    nomination = models.ForeignKey(Nomination, on_delete=models.PROTECT, related_name="tallies")
    yes = models.PositiveSmallIntegerField(_("đồng ý"), null=True, blank=True)
    no = models.PositiveSmallIntegerField(_("không đồng ý"), null=True, blank=True)
    abstain = models.PositiveSmallIntegerField(_("không biểu quyết"), null=True, blank=True)
    outcome = models.CharField(_("kết quả"), max_length=20, choices=Outcome.choices, blank=True)
    # Where the award type's threshold rule is disabled the secretary records the outcome.
    recorded_outcome = models.BooleanField(_("kết quả do thư ký ghi"), default=False)
    recused = models.ManyToManyField(SessionMember, blank=True, related_name="recusals")
    recusal_override_reason = models.CharField(_("lý do không tránh (thành viên liên quan vẫn bỏ phiếu)"),
                                               max_length=500, blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("kết quả biểu quyết")
        constraints = [models.UniqueConstraint(fields=["session", "nomination"], name="awards_tally_once")]

    def __str__(self) -> str:
        return f"{self.nomination}: {self.get_outcome_display() or 'chưa ghi'}"


# --- Decisions and the register ------------------------------------------------------------------------


class Decision(models.Model):
    """A quyết định khen thưởng: number and date as the registry gives them (recorded, unique per
    issuer, notation and year), signer, lines; issued, or revoked with a reason."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        ISSUED = "issued", _("Đã ban hành")
        REVOKED = "revoked", _("Đã thu hồi")

    class Kind(models.TextChoices):
        ISSUER = "issuer", _("Quyết định của cơ quan")
        UNIT = "unit", _("Quyết định của thủ trưởng đơn vị")

    issuer = models.ForeignKey(Organisation, verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT,
                               related_name="award_decisions")
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices, default=Kind.ISSUER)
    campaign = models.ForeignKey(Campaign, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions")
    title = models.CharField(_("trích yếu"), max_length=500)
    number = models.PositiveIntegerField(_("số"), null=True, blank=True)
    notation = models.CharField(_("ký hiệu"), max_length=50, blank=True, help_text=_("Ví dụ: QĐ-SYT."))
    issue_date = models.DateField(_("ngày ký"), null=True, blank=True)
    signer_prefix = models.CharField(_("quyền hạn ký"), max_length=50, blank=True, help_text=_("Ví dụ: KT. GIÁM ĐỐC."))
    signer_title = models.CharField(_("chức vụ người ký"), max_length=100, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=100, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    revoke_reason = models.TextField(_("lý do thu hồi"), blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    file = models.FileField(_("bản ký, đóng dấu"), upload_to="awards/decisions/", blank=True, max_length=300)
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        ordering = ["-issue_date", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                models.F("issuer"), models.F("number"), Lower("notation"), ExtractYear("issue_date"),
                # Without a date there is no year to number in (and PostgreSQL cannot validate
                # EXTRACT(YEAR FROM NULL)): the services check those.
                condition=Q(number__isnull=False, issue_date__isnull=False),
                name="awards_decision_number_unique",
                violation_error_message=_("Số ký hiệu này đã được dùng cho một văn bản khác của cơ quan trong năm."),
            ),
        ]

    def __str__(self) -> str:
        return self.reference or self.title

    def get_absolute_url(self) -> str:
        return reverse_ids("awards:decision", self.pk)

    @property
    def reference(self) -> str:
        """ "Số 12/QĐ-SYT ngày 05/01/2026", or "" before issue."""
        if not self.number:
            return ""
        date = f" ngày {self.issue_date:%d/%m/%Y}" if self.issue_date else ""
        return f"Số {self.number}/{self.notation}{date}"


class DecisionLine(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="lines")
    nomination = models.OneToOneField(Nomination, null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="decision_line")
    award_type = models.ForeignKey(AwardType, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="award_lines")
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="award_lines")
    achievement_year = models.PositiveSmallIntegerField(_("năm thành tích"))
    coefficient = models.DecimalField(_("hệ số"), null=True, blank=True, max_digits=6, decimal_places=2)
    base_salary = models.DecimalField(_("mức lương cơ sở"), null=True, blank=True, max_digits=14, decimal_places=0)
    bonus = models.DecimalField(_("tiền thưởng (đồng)"), null=True, blank=True, max_digits=14, decimal_places=0)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("dòng quyết định")
        ordering = ["order", "id"]
        constraints = [_one_nominee("decisionline")]

    def __str__(self) -> str:
        return f"{self.recipient_name} – {self.award_type}"

    @property
    def recipient_name(self) -> str:
        return self.person.full_name if self.person_id else self.organisation.name


def register_upload_to(instance: RegisterEntry, filename: str) -> str:
    return f"awards/register/{filename}"


class RegisterEntry(models.Model):
    """An award decided outside the application: history from before the system, and the
    outcome of a nomination forwarded to a higher level."""

    class Source(models.TextChoices):
        BEFORE = "before", _("Trước khi dùng hệ thống")
        HIGHER = "higher", _("Cấp trên quyết định")
        # Copied from the award history a lower issuer's electronic dossier carried (awards.dossier).
        PACKAGE = "package", _("Từ hồ sơ điện tử của cấp dưới")

    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT,
                               related_name="register_entries")
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="register_entries")
    award_type = models.ForeignKey(AwardType, verbose_name=_("danh hiệu, hình thức"), on_delete=models.PROTECT,
                                   related_name="register_entries")
    achievement_year = models.PositiveSmallIntegerField(_("năm thành tích"))
    mode = models.CharField(_("hình thức khen thưởng (thống kê)"), max_length=20, choices=AwardMode.choices,
                            default=AwardMode.REGULAR)
    issuer_name = models.CharField(_("cơ quan quyết định"), max_length=255)
    reference = models.CharField(_("số, ký hiệu quyết định"), max_length=100)
    decided_on = models.DateField(_("ngày quyết định"))
    file = models.FileField(_("bản quyết định"), upload_to=register_upload_to, blank=True, max_length=300)
    source = models.CharField(_("nguồn"), max_length=10, choices=Source.choices, default=Source.BEFORE)
    nomination = models.OneToOneField(Nomination, null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="register_entry")
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    # The issuer whose register holds the entry (who may see and change it).
    owner = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("khen thưởng ghi nhận từ ngoài hệ thống")
        verbose_name_plural = _("khen thưởng ghi nhận từ ngoài hệ thống")
        ordering = ["-achievement_year"]
        constraints = [_one_nominee("registerentry")]

    def __str__(self) -> str:
        return f"{self.person or self.organisation} – {self.award_type} {self.achievement_year}"


class AwardEvent(AuditEventBase):
    """Changes to the catalogue, dated tables, sessions, decisions and the register."""

    # Organisations are closed, never deleted: one with history is protected, not cascaded.
    issuer = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta(AuditEventBase.Meta):
        verbose_name = _("lịch sử khen thưởng")


# --- Reward fund (issue 19, point 4) -------------------------------------------------------------------


class FundAllocation(models.Model):
    """Money put into an issuer's quỹ thi đua, khen thưởng for a year, as the secretariat records it.
    What goes out is not typed: it is the total of the issuer's issued decisions of that year
    (awards.selectors.fund_ledger). A correction is a negative row with its reason."""

    issuer = models.ForeignKey(Organisation, verbose_name=_("cơ quan"), on_delete=models.PROTECT,
                               related_name="fund_allocations")
    year = models.PositiveSmallIntegerField(_("quỹ năm"))
    received_on = models.DateField(_("ngày ghi nhận"))
    amount = models.DecimalField(_("số tiền (đồng)"), max_digits=16, decimal_places=0)
    source = models.CharField(_("nguồn"), max_length=255,
                              help_text=_("Ví dụ: Ngân sách cấp theo dự toán năm; trích từ nguồn thu sự nghiệp."))
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    entered_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    entered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("nguồn quỹ thi đua, khen thưởng")
        verbose_name_plural = _("nguồn quỹ thi đua, khen thưởng")
        ordering = ["received_on", "pk"]
        indexes = [models.Index(fields=["issuer", "year"], name="awards_fund_issuer_year")]
        constraints = [
            models.CheckConstraint(condition=~Q(amount=0), name="awards_fundallocation_not_zero"),
            # A correction (negative row) must say why.
            models.CheckConstraint(condition=Q(amount__gt=0) | ~Q(note=""), name="awards_fundallocation_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.issuer} {self.year}: {self.amount}"


# --- The standing council by term (issue 19, point 3) ---------------------------------------------------


class CouncilTerm(models.Model):
    """An issuer's Hội đồng Thi đua – Khen thưởng for one term (nhiệm kỳ), as the decision that set
    it up names it. Terms of one issuer do not overlap (awards.services.council_terms checks it
    under a lock on the issuer). A session starts from the term in force on its day."""

    issuer = models.ForeignKey(Organisation, verbose_name=_("Hội đồng của"), on_delete=models.PROTECT,
                               related_name="council_terms")
    name = models.CharField(_("nhiệm kỳ"), max_length=100, help_text=_("Ví dụ: 2026–2030."))
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    decision = models.CharField(_("quyết định thành lập, kiện toàn"), max_length=500, help_text=_(
        "Như in trên văn bản, ví dụ: Quyết định số 15/QĐ-SYT ngày 05/01/2026 của Giám đốc Sở Y tế."))
    # The council's own rules (quy chế hoạt động) set how many members must sit; the decree's
    # figure is unverified (domain.md §3.4), so nothing is applied until the secretariat records it.
    quorum_percent = models.DecimalField(_("số thành viên tối thiểu dự họp (%)"), max_digits=5, decimal_places=2,
                                         null=True, blank=True, help_text=_(
                                             "Theo quy chế hoạt động của Hội đồng, ví dụ 66,67 (2/3). Để trống nếu "
                                             "quy chế không quy định: khi đó không kiểm tra số thành viên dự họp."))
    quorum_basis = models.CharField(_("căn cứ (quy chế hoạt động của Hội đồng)"), max_length=500, blank=True)
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Hội đồng theo nhiệm kỳ")
        verbose_name_plural = _("Hội đồng theo nhiệm kỳ")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="awards_councilterm_dates_ordered"),
            models.CheckConstraint(
                condition=Q(quorum_percent__isnull=True) | Q(quorum_percent__gt=0, quorum_percent__lte=100),
                name="awards_councilterm_quorum_percent"),
            # A quorum the page applies must say where it comes from.
            models.CheckConstraint(condition=Q(quorum_percent__isnull=True) | ~Q(quorum_basis=""),
                                   name="awards_councilterm_quorum_basis"),
        ]

    def __str__(self) -> str:
        return f"Hội đồng Thi đua – Khen thưởng nhiệm kỳ {self.name}"

    def get_absolute_url(self) -> str:
        return reverse_ids("awards:council-term", self.pk)


class CouncilMember(models.Model):
    """A person's seat on a term's council. Ending a membership keeps the row (with the date and
    why), so past sessions and terms still read who sat."""

    class Role(models.TextChoices):
        # The same values as SessionMember.Role: a session copies them.
        CHAIR = "chair", _("Chủ tịch Hội đồng")
        VICE_CHAIR = "vice_chair", _("Phó Chủ tịch Hội đồng")
        MEMBER = "member", _("Ủy viên")
        SECRETARY = "secretary", _("Thư ký")

    term = models.ForeignKey(CouncilTerm, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(Person, verbose_name=_("thành viên"), on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("chức danh trong Hội đồng"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    position = models.CharField(_("chức vụ, đơn vị công tác"), max_length=255, blank=True,
                                help_text=_("Như ghi trong quyết định, ví dụ: Phó Giám đốc Sở."))
    joined_on = models.DateField(_("tham gia từ ngày"))
    left_on = models.DateField(_("thôi tham gia từ ngày"), null=True, blank=True)
    left_reason = models.CharField(_("lý do thôi tham gia"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("thành viên Hội đồng")
        verbose_name_plural = _("thành viên Hội đồng")
        ordering = ["term", "person__given_name"]
        constraints = [
            models.CheckConstraint(condition=Q(role__in=["chair", "vice_chair", "member", "secretary"]),
                                   name="awards_councilmember_valid_role"),
            models.CheckConstraint(condition=Q(left_on__isnull=True) | Q(left_on__gte=F("joined_on")),
                                   name="awards_councilmember_dates_ordered"),
            models.UniqueConstraint(fields=["term", "person"], condition=Q(left_on__isnull=True),
                                    name="awards_councilmember_once"),
        ]

    def __str__(self) -> str:
        return f"{self.person.full_name} – {self.get_role_display()}"

    @property
    def is_current(self) -> bool:
        return self.left_on is None


class SessionAbsence(models.Model):
    """Why a session member was absent, and who sat in their place (người dự thay). A seat taken by
    a substitute counts as present: the tally counts the members present (awards.council)."""

    member = models.OneToOneField(SessionMember, on_delete=models.CASCADE, related_name="absence")
    reason = models.CharField(_("lý do vắng mặt"), max_length=500, blank=True)
    substitute = models.ForeignKey(Person, verbose_name=_("người dự thay"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("vắng mặt, dự thay")
        verbose_name_plural = _("vắng mặt, dự thay")

    def __str__(self) -> str:
        return f"{self.member}: {self.reason}"


# --- The electronic dossier received from a lower issuer (issue 16, item 2) -----------------------------


def dossier_upload_to(instance: DossierImport, filename: str) -> str:
    return f"awards/dossiers/{filename}"


class DossierImport(models.Model):
    """A hồ sơ điện tử (awards.dossier) received by a higher issuer: the package is checked and kept
    when uploaded, then imported after the units and people are matched. One package (its SHA-256)
    is received once per issuer: a colleague uploading it at the same moment is refused."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Đã nhận, chờ đối chiếu")
        IMPORTED = "imported", _("Đã tạo tờ trình")

    issuer = models.ForeignKey(Organisation, verbose_name=_("cơ quan nhận"), on_delete=models.PROTECT,
                               related_name="+")
    campaign = models.ForeignKey(Campaign, verbose_name=_("phong trào"), on_delete=models.PROTECT, related_name="+")
    file = models.FileField(_("gói hồ sơ"), upload_to=dossier_upload_to, max_length=300)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField(default=0)
    manifest = models.JSONField(editable=False)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.RECEIVED)
    proposal = models.OneToOneField(Proposal, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="dossier_import")
    uploaded_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField()
    imported_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    imported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("hồ sơ điện tử nhận từ cấp dưới")
        verbose_name_plural = _("hồ sơ điện tử nhận từ cấp dưới")
        ordering = ["-uploaded_at"]
        constraints = [
            models.UniqueConstraint(fields=["issuer", "sha256"], name="awards_dossierimport_once",
                                    violation_error_message=_("Gói hồ sơ này đã được nhận.")),
            models.CheckConstraint(condition=Q(status__in=["received", "imported"]),
                                   name="awards_dossierimport_valid_status"),
        ]

    def __str__(self) -> str:
        return (self.manifest or {}).get("proposal", {}).get("title", "") or f"Hồ sơ {self.sha256[:12]}"

    def get_absolute_url(self) -> str:
        return reverse_ids("awards:dossier-match", self.pk)
