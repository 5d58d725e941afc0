from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.models import AuditEventBase
from common.urls import reverse_ids

VI = "vi-x-icu"  # ICU collation on PostgreSQL; registered in Python by common.db.sqlite_vi


class User(AbstractUser):
    """A login. It reaches data only through its memberships (units/access.py)."""

    full_name = models.CharField(_("họ và tên"), max_length=200, blank=True, db_collation=VI)
    must_change_password = models.BooleanField(_("phải đổi mật khẩu"), default=False)

    class Meta:
        verbose_name = _("tài khoản")
        verbose_name_plural = _("tài khoản")
        ordering = ["username"]

    def __str__(self) -> str:
        return self.full_name or self.username

    def get_full_name(self) -> str:
        return self.full_name or self.username

    def get_absolute_url(self) -> str:
        return reverse_ids("units:account-detail", self.pk)


class OrganisationKind(models.TextChoices):
    DEPARTMENT = "department", _("Sở")
    DEPARTMENT_OFFICE = "department_office", _("Phòng, ban thuộc Sở")
    HOSPITAL = "hospital", _("Bệnh viện")
    HEALTH_CENTRE = "health_centre", _("Trung tâm Y tế")
    CDC = "cdc", _("Trung tâm Kiểm soát bệnh tật")
    OTHER_UNIT = "other_unit", _("Đơn vị trực thuộc khác")
    STATION = "station", _("Trạm Y tế xã, phường")
    PROVINCE_COMMITTEE = "province_committee", _("UBND tỉnh")
    DISTRICT_COMMITTEE = "district_committee", _("UBND huyện")
    COMMUNE_COMMITTEE = "commune_committee", _("UBND xã, thị trấn")
    COMMITTEE_OFFICE = "committee_office", _("Phòng, ban thuộc UBND")
    MASS_ORGANISATION = "mass_organisation", _("Đoàn thể, tổ chức chính trị - xã hội")
    STEERING_BOARD = "steering_board", _("Ban Chỉ đạo")
    INTERNAL = "internal", _("Khoa, phòng, đội, tổ")
    OTHER = "other", _("Cơ quan khác")


class Organisation(models.Model):
    """An emulation unit (đơn vị): a Sở, its offices, subordinate units, stations, committees…

    The tree is a materialised path ("0000001.0000005.") so a subtree is one indexed prefix
    query on both databases. Organisations are closed, never deleted.
    """

    Kind = OrganisationKind

    name = models.CharField(_("tên đơn vị"), max_length=255, db_collation=VI)
    code = models.CharField(
        _("ký hiệu"), max_length=30, help_text=_("Viết tắt dùng trong số ký hiệu văn bản, ví dụ SYT, TCHC.")
    )
    kind = models.CharField(_("loại đơn vị"), max_length=30, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("đơn vị cấp trên"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
    )
    root = models.ForeignKey(
        "self", verbose_name=_("cơ quan gốc"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+", editable=False,
    )
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    has_legal_personality = models.BooleanField(_("có tư cách pháp nhân"), default=False)
    document_parent_line = models.CharField(
        _("dòng cơ quan chủ quản"), max_length=255, blank=True,
        help_text=_("Dòng trên cùng của tiêu đề văn bản, ví dụ UBND TỈNH THÁI NGUYÊN."),
    )
    document_name_line = models.CharField(
        _("tên cơ quan trên văn bản"), max_length=255, blank=True, help_text=_("Ví dụ: SỞ Y TẾ.")
    )
    place_name = models.CharField(
        _("địa danh"), max_length=100, blank=True, help_text=_("Dùng ở dòng ngày tháng: “Thái Nguyên, ngày …”.")
    )
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    active_from = models.DateField(_("hoạt động từ ngày"), null=True, blank=True)
    closed_on = models.DateField(_("ngừng hoạt động từ ngày"), null=True, blank=True)
    successor = models.ForeignKey(
        "self", verbose_name=_("đơn vị kế thừa"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="predecessors",
    )
    closure_note = models.TextField(_("ghi chú sáp nhập, giải thể"), blank=True)
    search_text = models.CharField(max_length=600, editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["root", "code"], name="units_organisation_code_unique_in_root"),
            models.CheckConstraint(condition=Q(kind__in=OrganisationKind.values), name="units_organisation_valid_kind"),
            models.CheckConstraint(
                condition=~Q(successor=models.F("id")), name="units_organisation_not_own_successor"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse_ids("units:organisation-detail", self.pk)

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None

    def is_active_on(self, day) -> bool:
        return (self.active_from is None or self.active_from <= day) and (
            self.closed_on is None or day < self.closed_on
        )


class Role(models.TextChoices):
    UNIT_STAFF = "unit_staff", _("Cán bộ đơn vị")
    UNIT_HEAD = "unit_head", _("Thủ trưởng đơn vị")
    SECRETARIAT = "secretariat", _("Thường trực Hội đồng TĐKT")
    COUNCIL_MEMBER = "council_member", _("Thành viên Hội đồng TĐKT")
    LEADER = "leader", _("Lãnh đạo")
    ADMIN = "admin", _("Quản trị hệ thống")


class Membership(models.Model):
    """A user's role in an organisation; its scope is the organisation's whole subtree."""

    Role = Role

    user = models.ForeignKey(User, verbose_name=_("tài khoản"), on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)
    granted_by = models.ForeignKey(
        User, verbose_name=_("người cấp"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vai trò")
        verbose_name_plural = _("vai trò")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "role"], name="units_membership_unique"),
            models.CheckConstraint(condition=Q(role__in=Role.values), name="units_membership_valid_role"),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} – {self.organisation}"


class Gender(models.TextChoices):
    MALE = "male", _("Nam")
    FEMALE = "female", _("Nữ")


class EmploymentType(models.TextChoices):
    CADRE = "can_bo", _("Cán bộ")
    CIVIL_SERVANT = "cong_chuc", _("Công chức")
    PUBLIC_EMPLOYEE = "vien_chuc", _("Viên chức")
    WORKER = "nguoi_lao_dong", _("Người lao động")
    CONTRACT = "hop_dong", _("Hợp đồng")


class LeadershipLevel(models.TextChoices):
    """The tiers of the statistics forms on awards (mẫu 0602.N, 0603.N: "Cá nhân" chia ra)."""

    NONE = "", _("Không giữ chức vụ lãnh đạo")
    MINISTRY = "ministry", _("Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên")
    DEPARTMENT = "department", _("Lãnh đạo cấp vụ, sở, ngành và tương đương")
    OTHER = "other", _("Các cấp lãnh đạo khác từ phó phòng trở lên")
    ENTREPRENEUR = "entrepreneur", _("Doanh nhân")


class Person(models.Model):
    """A person (cá nhân) who can be nominated; optionally linked to a login."""

    Gender = Gender

    EmploymentType = EmploymentType

    full_name = models.CharField(_("họ và tên"), max_length=200, db_collation=VI)
    # Official lists sort by given name (tên) first, then the full name.
    given_name = models.CharField(_("tên"), max_length=60, db_collation=VI, editable=False, default="")
    birth_date = models.DateField(_("ngày sinh"), null=True, blank=True)
    gender = models.CharField(_("giới tính"), max_length=10, choices=Gender.choices, blank=True)
    issuer = models.ForeignKey(
        Organisation, verbose_name=_("cơ quan gốc"), on_delete=models.PROTECT, related_name="+", editable=False
    )
    employee_code = models.CharField(_("mã cán bộ"), max_length=30)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("đơn vị công tác"), on_delete=models.PROTECT, related_name="people"
    )
    position = models.CharField(_("chức vụ"), max_length=200, blank=True)
    employment_type = models.CharField(
        _("loại cán bộ"), max_length=20, choices=EmploymentType.choices, default=EmploymentType.PUBLIC_EMPLOYEE
    )
    is_direct_worker = models.BooleanField(_("người trực tiếp lao động"), default=False)
    leadership = models.CharField(_("cấp lãnh đạo (dùng cho biểu thống kê)"), max_length=20,
                                  choices=LeadershipLevel.choices, blank=True, default="")
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    user = models.OneToOneField(
        User, verbose_name=_("tài khoản"), null=True, blank=True, on_delete=models.SET_NULL, related_name="person"
    )
    is_active = models.BooleanField(_("đang công tác"), default=True)
    search_text = models.CharField(max_length=600, editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("cá nhân")
        verbose_name_plural = _("cá nhân")
        ordering = ["given_name", "full_name"]
        constraints = [
            models.UniqueConstraint(fields=["issuer", "employee_code"], name="units_person_code_unique_in_issuer"),
            models.CheckConstraint(
                condition=Q(employment_type__in=EmploymentType.values), name="units_person_valid_employment"
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "given_name"], name="units_person_org_given"),
            # The people list in the official order, 25 a page: walking this index stops after a
            # page instead of sorting a province's 10.000 (a country's 100.000) by name.
            models.Index(fields=["given_name", "full_name", "id"], name="units_person_name_order"),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse_ids("units:person-detail", self.pk)


class Assignment(models.Model):
    """Where a person worked and when, so that title history follows a transfer."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="assignments")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="assignments"
    )
    position = models.CharField(_("chức vụ"), max_length=200, blank=True)
    start_date = models.DateField(_("từ ngày"), null=True, blank=True)
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("quá trình công tác")
        verbose_name_plural = _("quá trình công tác")
        ordering = ["-start_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=True)
                | Q(start_date__lte=models.F("end_date")),
                name="units_assignment_starts_before_end",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.organisation}"


class Bloc(models.Model):
    """An emulation bloc or cluster (khối, cụm thi đua) of peer organisations."""

    name = models.CharField(_("tên khối, cụm"), max_length=255, db_collation=VI)
    organiser = models.ForeignKey(
        Organisation, verbose_name=_("cơ quan tổ chức khối"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="organised_blocs",
    )
    organiser_text = models.CharField(
        _("cơ quan tổ chức (ngoài hệ thống)"), max_length=255, blank=True,
        help_text=_("Khi cơ quan tổ chức khối không có trong hệ thống, ví dụ Hội đồng TĐKT tỉnh."),
    )
    description = models.TextField(_("quy chế, ghi chú"), blank=True)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    search_text = models.CharField(max_length=600, editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("khối thi đua")
        verbose_name_plural = _("khối thi đua")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse_ids("units:bloc-detail", self.pk)


class BlocRole(models.TextChoices):
    HEAD = "head", _("Trưởng khối")
    DEPUTY = "deputy", _("Phó trưởng khối")
    MEMBER = "member", _("Thành viên")


class BlocMember(models.Model):
    Role = BlocRole

    bloc = models.ForeignKey(Bloc, on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="bloc_memberships"
    )
    role = models.CharField(_("vai trò trong khối"), max_length=10, choices=Role.choices, default=Role.MEMBER)

    class Meta:
        verbose_name = _("thành viên khối")
        verbose_name_plural = _("thành viên khối")
        constraints = [
            models.UniqueConstraint(fields=["bloc", "organisation"], name="units_blocmember_unique"),
            models.CheckConstraint(condition=Q(role__in=BlocRole.values), name="units_blocmember_valid_role"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class AuditEvent(AuditEventBase):
    """History of organisations, people, blocs and accounts, filed under an organisation."""

    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="audit_events"
    )

    class Meta(AuditEventBase.Meta):
        verbose_name = _("nhật ký")
        verbose_name_plural = _("nhật ký")


class LoginCounter(models.Model):
    """Login attempts counted per account (or typed name) and per client address, in the database
    so that every worker and every app server reads and changes one row (units/login_limits.py)."""

    key = models.CharField(_("tài khoản hoặc địa chỉ"), max_length=100, unique=True)
    failures = models.PositiveIntegerField(_("số lần sai"), default=0)
    window_started = models.DateTimeField(_("bắt đầu đếm"))
    last_attempt = models.DateTimeField(_("lần thử gần nhất"), null=True, blank=True)
    locked_until = models.DateTimeField(_("tạm dừng đến"), null=True, blank=True)

    class Meta:
        verbose_name = _("lần đăng nhập sai")
        verbose_name_plural = _("lần đăng nhập sai")

    def __str__(self) -> str:
        return self.key
